"""Conversion between pandas DataFrames and libegdi datasets."""
import numpy as np
import pandas as pd

from . import _egdi

NUMERIC, LABEL = 0, 1


def to_dataset(df, code_column="code", name_column="name"):
    """A new C dataset from a DataFrame: one unit per row.

    Unit codes come from ``code_column`` if present, otherwise from
    ``name_column``. Numeric and boolean columns become numeric columns (missing
    values become NaN); every other column becomes a label column.
    """
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"expected a pandas DataFrame, got {type(df).__name__}")
    if code_column not in df.columns and name_column not in df.columns:
        raise _egdi_error(2, f"the DataFrame needs a '{name_column}' or '{code_column}' column")
    codes = df[code_column] if code_column in df.columns else df[name_column]
    names = df[name_column] if name_column in df.columns else codes
    ds = _egdi.egdi_dataset_new()
    for row, (code, name) in enumerate(zip(codes, names)):
        if not isinstance(code, str) or (not isinstance(name, str) and not pd.isna(name)):
            raise _egdi_error(2, f"row {row}: '{code_column}'/'{name_column}' must be text, "
                                 f"got {code!r}, {name!r}")
        _egdi.egdi_dataset_add_unit(ds, code, None if pd.isna(name) else name)
    for col in df.columns:
        if col in (code_column, name_column):
            continue
        s = df[col]
        if pd.api.types.is_numeric_dtype(s) or pd.api.types.is_bool_dtype(s):
            values = s.to_numpy(dtype=np.float64, na_value=np.nan)
            _egdi.egdi_dataset_add_numeric(ds, str(col), np.ascontiguousarray(values))
        else:
            labels = [None if (v is None or (not isinstance(v, str) and pd.isna(v))) else str(v)
                      for v in s]
            _egdi.egdi_dataset_add_labels(ds, str(col), labels)
    return ds


def to_frame(ds, code=False):
    """A DataFrame from a C dataset: ``name`` (and ``code``) then every column."""
    n = _egdi.egdi_dataset_n_units(ds)
    data = {}
    if code:
        data["code"] = [_egdi.egdi_dataset_unit_code(ds, i) for i in range(n)]
    data["name"] = [_egdi.egdi_dataset_unit_name(ds, i) for i in range(n)]
    for j in range(_egdi.egdi_dataset_n_columns(ds)):
        name = _egdi.egdi_dataset_column_name(ds, j)
        if _egdi.egdi_dataset_column_kind(ds, j) == NUMERIC:
            values = np.empty(n, dtype=np.float64)
            _egdi.egdi_dataset_get_numeric(ds, j, values)
            data[name] = values
        else:
            codes = np.empty(n, dtype=np.intc)
            _egdi.egdi_dataset_get_level_codes(ds, j, codes)
            levels = [_egdi.egdi_dataset_level(ds, j, k)
                      for k in range(_egdi.egdi_dataset_n_levels(ds, j))]
            lookup = np.array(levels + [""], dtype=object)   # code -1 -> ""
            data[name] = lookup[codes]
    return pd.DataFrame(data)


def _egdi_error(code, message):
    from .errors import exception_class
    return exception_class(code)(message)

"""Conversion between pandas DataFrames and libegdi datasets, in bulk.

Every transfer is one call per column (numbers as numpy arrays, text as one
list), never one call per row, so a conversion costs linear time.
"""
import functools
import os

import numpy as np
import pandas as pd

from . import _egdi

NUMERIC, LABEL = _egdi.EGDI_COLUMN_NUMERIC, _egdi.EGDI_COLUMN_LABEL


def to_dataset(df, code_column="code", name_column="name", with_names=False):
    """A new C dataset from a DataFrame: one unit per row.

    Unit codes come from ``code_column`` if present, otherwise from
    ``name_column``; names from ``name_column`` (a missing name defaults to the
    code). COINr's ``uCode``/``uName`` columns stand in for ``code``/``name``
    when the frame has neither, as the tool reads them. Numeric and boolean columns, and object columns holding only
    numbers and missing values, become numeric columns (missing values become
    NaN; infinities are kept for libegdi to refuse by unit and column); every
    other column becomes a label column (missing values become "no label",
    other values their ``str``). A computation that needs a column which thus
    became a label column fails in libegdi, naming the unit and the offending
    value.

    With ``with_names=True`` returns ``(dataset, names)``: ``names`` is an object
    array of the unit names as libegdi stores them, taken from ``df`` when
    libegdi changed none of them (no blanks trimmed, no missing name), so that
    results can reuse the DataFrame's strings; else ``None``.
    """
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"expected a pandas DataFrame, got {type(df).__name__}")
    if (code_column, name_column) == ("code", "name") and not {"code", "name"} & set(df.columns):
        if "uCode" in df.columns or "uName" in df.columns:   # a COINr iData frame
            code_column, name_column = "uCode", "uName"
    if code_column not in df.columns and name_column not in df.columns:
        raise _egdi_error(_egdi.EGDI_ERR_INVALID_ARG,
                          f"the DataFrame needs a '{name_column}' or '{code_column}' column")
    has_codes = code_column in df.columns
    codes = df[code_column] if has_codes else df[name_column]
    # without a code column the names are the codes (names=None: libegdi copies them)
    names = _text(df[name_column]) if has_codes and name_column in df.columns else None
    ds = _egdi.egdi_dataset_new()
    # one call for all units; libegdi checks that codes are text, unique and non-empty
    code_list = _text(codes)
    verbatim = _egdi.egdi_py_add_units(ds, code_list, names)
    for col in df.columns:
        if col in (code_column, name_column):
            continue
        s = df[col]
        if _is_numeric(s):
            values = s.to_numpy(dtype=np.float64, na_value=np.nan)
            _egdi.egdi_dataset_add_numeric(ds, str(col), np.ascontiguousarray(values))
        else:
            _egdi.egdi_dataset_add_labels(ds, str(col), _labels(s))
    if not with_names:
        return ds
    kept = None
    if verbatim:
        kept = np.empty(len(code_list), dtype=object)
        kept[:] = code_list if names is None else names
    return ds, kept


_NUMBER_KINDS = ("floating", "integer", "mixed-integer-float", "decimal", "boolean")


def _is_numeric(s):
    """True for numeric and boolean dtypes, and for an object column of numbers
    and missing values only (e.g. ``[0.5, None, 0.7]`` with ``dtype=object``)."""
    if pd.api.types.is_numeric_dtype(s) or pd.api.types.is_bool_dtype(s):
        return True
    if s.dtype != object or len(s) == 0:
        return False
    if s.isna().all():          # nothing but missing values: a numeric column of NaN
        return True
    return pd.api.types.infer_dtype(s, skipna=True) in _NUMBER_KINDS


def _text(s):
    """A code or name column as a list for libegdi: text stays text, a missing
    value becomes None, anything else is passed on for libegdi to reject."""
    return _strings(s, convert=False)


def _labels(s):
    """A label column as a list of str or None (missing); values that are not
    text become their ``str``."""
    return _strings(s, convert=True)


def _strings(s, convert):
    """``s`` as a list of str/None, vectorised (no Python loop over the rows)."""
    values = s.to_numpy(dtype=object)
    missing = pd.isna(values)
    if convert and pd.api.types.infer_dtype(values, skipna=True) not in ("string", "empty"):
        values = s.astype(str).to_numpy(dtype=object)
    elif missing.any():
        values = values.copy()
    values[missing] = None
    return values.tolist()


def to_frame(ds, code=False, columns=None, order=None, names=None):
    """A DataFrame from a C dataset: ``name`` (and ``code`` first) then every
    column, or only ``columns`` (in that order); numeric columns as float64,
    label columns as text ("" = no label). ``order`` (positions of units)
    selects and orders the rows while copying, so that no second copy is needed.
    ``names`` (from ``to_dataset(..., with_names=True)``) are the unit names
    already as Python strings.
    """
    n = _egdi.egdi_dataset_n_units(ds)
    take = (lambda a: a) if order is None else (lambda a: a[order])
    data = {}
    if code:
        data["code"] = take(np.array(_egdi.egdi_py_unit_codes(ds), dtype=object))
    if names is None:
        names = np.array(_egdi.egdi_py_unit_names(ds), dtype=object)
    data["name"] = take(names)
    if columns is None:
        positions = range(_egdi.egdi_dataset_n_columns(ds))
    else:
        positions = [_egdi.egdi_dataset_find_column(ds, c) for c in columns]
    for j in positions:
        name = _egdi.egdi_dataset_column_name(ds, j)
        if _egdi.egdi_dataset_column_kind(ds, j) == NUMERIC:
            values = np.empty(n, dtype=np.float64)
            _egdi.egdi_dataset_get_numeric(ds, j, values)
            data[name] = take(values)
        else:
            codes = np.empty(n, dtype=np.intc)
            _egdi.egdi_dataset_get_level_codes(ds, j, codes)
            lookup = np.array(_egdi.egdi_py_levels(ds, j) + [""], dtype=object)  # -1 -> ""
            data[name] = lookup[take(codes)]
    return pd.DataFrame(data, copy=False)     # the arrays are new: no second copy


def _egdi_error(code, message):
    """The egdi.Error subclass of the status ``code``, carrying ``message``."""
    from .errors import exception_class
    return exception_class(code)(message)


def _choice(value, table, what):
    """``table[value]``, or a ValueError listing the keys of ``table``."""
    try:
        return table[value]
    except (KeyError, TypeError):
        raise ValueError(f"unknown {what} {value!r} (expected one of {', '.join(table)})") from None


def _data_file(name):
    """A bundled data file: next to the package, else in $EGDI_DATA (the source tree's data/)."""
    here = os.path.join(os.path.dirname(__file__), "data", name)
    if not os.path.exists(here) and os.environ.get("EGDI_DATA"):
        here = os.path.join(os.environ["EGDI_DATA"], name)
    return here


@functools.lru_cache(maxsize=4)
def _read_c_table(path):
    """A bundled table as a C dataset, read once per path; libegdi only reads it
    (the calls take it as ``const``), so sharing it between calls and threads is safe."""
    return _egdi.egdi_dataset_read_csv(path, None)


def country_table(required=True):
    """The bundled country table (``data/countries.csv``) as a C dataset, read
    once. A table that is not installed raises libegdi's error if ``required``,
    otherwise gives None."""
    path = _data_file("countries.csv")
    if not required and not os.path.exists(path):
        return None
    return _read_c_table(path)


def find_country(ds, text):
    """The unit code of the country ``text`` names in the C dataset ``ds``: by code
    or name, ignoring case, or through the bundled country table (ISO alpha-3
    code or Data Center name); libegdi's egdi_dataset_find_country(), the rule
    the tool uses too. Raises NotFoundError (or DuplicateError) naming ``text``."""
    row = _egdi.egdi_dataset_find_country(ds, str(text).strip(), country_table(required=False))
    return _egdi.egdi_dataset_unit_code(ds, row)


"""Imputation beyond the per-indicator methods: from a unit's other indicators
of the same aggregation group (row-wise), and along each unit's time series in
a panel (latest value, interpolation, extrapolation), with what was done
recorded per cell (libegdi's impute.h). DataFrame in, DataFrames out; the
numbers come from libegdi."""
from collections import namedtuple

import numpy as np
import pandas as pd

from . import _egdi
from ._frames import _choice, _is_numeric, to_dataset

__all__ = ["impute_rows", "impute_panel", "RowImputation", "PanelImputation", "FILL_KINDS"]

#: The per-cell fill kinds, in code order: "observed", "missing" (left
#: missing), "row", "carried", "interpolated", "extrapolated".
FILL_KINDS = tuple(_egdi.egdi_fill_name(k) for k in range(6))

RowImputation = namedtuple("RowImputation", ["data", "fill"])
RowImputation.__doc__ = """Result of :func:`impute_rows`: ``data`` (the input with the gaps
filled) and ``fill`` (the same rows, one column per indicator: "observed", "row" or
"missing")."""
PanelImputation = namedtuple("PanelImputation", ["data", "fill", "source"])
PanelImputation.__doc__ = """Result of :func:`impute_panel`: ``data`` (the input with the gaps
filled), ``fill`` (the unit and time columns and one column per imputed column: "observed",
"carried", "interpolated", "extrapolated" or "missing") and ``source`` (the same layout: the time
each value comes from; NaN for interpolated and missing values; COINr's ``DataT``)."""

_STATS = {"mean": _egdi.EGDI_ROW_MEAN, "median": _egdi.EGDI_ROW_MEDIAN}
_METHODS = {"latest": _egdi.EGDI_PANEL_IMPUTE_LATEST, "constant": _egdi.EGDI_PANEL_IMPUTE_CONSTANT,
            "linear": _egdi.EGDI_PANEL_IMPUTE_LINEAR}


def _numbers(ds, name):
    j = _egdi.egdi_dataset_find_column(ds, name)
    values = np.empty(_egdi.egdi_dataset_n_units(ds), dtype=np.float64)
    _egdi.egdi_dataset_get_numeric(ds, j, values)
    return values


def _kinds(codes):
    return np.array(FILL_KINDS, dtype=object)[codes.astype(np.intp)]


def impute_rows(index, df, stat="mean", group_level=2, normalise_first=True):
    """Fill each missing indicator value of a unit from the same unit's other
    indicators under the same aggregate (COINr's ``Impute(impute_by = "row",
    group_level = ...)``).

    ``index`` is an :class:`egdi.Index`; its indicators are read from their source
    columns of ``df`` (a DataFrame with a ``code`` or ``name`` column, one row per
    unit). ``stat``: ``"mean"`` or ``"median"`` of the unit's other values.
    ``group_level``: the level whose aggregates form the groups (2 = the parent,
    3 = the grandparent, ...; 0 = all indicators together). ``normalise_first``
    (default, as COINr): the statistic is taken on each column's min-max scale
    (direction applied) and mapped back to the column's own scale.

    Returns :class:`RowImputation` ``(data, fill)``: ``data`` is a copy of ``df``
    with the gaps filled (other columns unchanged); ``fill`` has ``df``'s index and
    one column per indicator. A gap whose group holds no other value of the unit
    stays missing and is marked ``"missing"``.
    """
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"expected a pandas DataFrame, got {type(df).__name__}")
    handle = index._handle() if hasattr(index, "_handle") else index
    ds = to_dataset(df)
    out, fill = _egdi.egdi_py_impute_rows(handle, ds, _choice(stat, _STATS, "statistic"),
                                          int(group_level), int(bool(normalise_first)))
    data = df.copy()
    kinds = {}
    for j in range(_egdi.egdi_dataset_n_columns(fill)):
        name = _egdi.egdi_dataset_column_name(fill, j)
        data[name] = _numbers(out, name)
        kinds[name] = _kinds(_numbers(fill, name))
    return RowImputation(data, pd.DataFrame(kinds, index=df.index))


def impute_panel(df, unit="code", time="edition", columns=None, method="latest",
                 max_age=None, max_steps=None, extrapolate=True):
    """Fill gaps along each unit's time series in a long panel DataFrame (one row
    per unit and time, in any order), as COINr's ``impute_panel()``.

    ``unit``: the column naming the unit (default ``"code"``, as in
    :func:`egdi.panel`; COINr's ``"uCode"``); ``time``: the numeric time column
    (default ``"edition"``; COINr's ``"Time"``); ``columns``: the columns to
    impute (default: every numeric column but ``unit`` and ``time``).
    ``method``: ``"latest"`` (the latest earlier observed value, carried
    forward), ``"constant"`` (the same, and the first observed value before it)
    or ``"linear"`` (linear interpolation between the nearest observed times,
    the nearest observed value beyond the first and last). ``max_age`` (in time
    units) and ``max_steps`` (in time points of the whole panel; COINr's
    ``max_time``) limit how far a copied value may come from; ``extrapolate=False``
    leaves the gaps beyond a unit's first and last observations that the method
    would extrapolate.

    Returns :class:`PanelImputation` ``(data, fill, source)``. Two rows with the
    same unit and time are an error (DuplicateError naming them).
    """
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"expected a pandas DataFrame, got {type(df).__name__}")
    if max_steps is not None and int(max_steps) < 0:
        raise ValueError(f"max_steps {max_steps}: expected a count >= 0")
    for what, col in (("unit", unit), ("time", time)):
        if col not in df.columns:
            raise KeyError(f"no {what} column {col!r} in the DataFrame")
    if columns is None:
        columns = [c for c in df.columns if c not in (unit, time) and _is_numeric(df[c])]
    else:
        columns = [columns] if isinstance(columns, str) else list(columns)
        missing = [c for c in columns if c not in df.columns]
        if missing:
            raise KeyError(f"no column {missing[0]!r} in the DataFrame")
    units = df[unit]
    frame = {"__row__": [str(i) for i in range(len(df))],
             str(unit): units.where(units.isna(), units.astype(str)).astype(object),
             str(time): df[time]}
    for c in columns:
        frame[str(c)] = df[c]
    ds = to_dataset(pd.DataFrame(frame, index=None), code_column="__row__",
                    name_column="__no_name__")
    out, fill, source = _egdi.egdi_py_impute_panel(
        ds, _choice(method, _METHODS, "method"), int(bool(extrapolate)),
        0.0 if max_age is None else float(max_age), 0 if max_steps is None else int(max_steps),
        str(unit), str(time), [str(c) for c in columns])
    data = df.copy()
    kinds = {unit: df[unit].to_numpy(), time: df[time].to_numpy()}
    sources = dict(kinds)
    for c in columns:
        data[c] = _numbers(out, str(c))
        kinds[c] = _kinds(_numbers(fill, str(c)))
        sources[c] = _numbers(source, str(c))
    return PanelImputation(data, pd.DataFrame(kinds, index=df.index),
                           pd.DataFrame(sources, index=df.index))

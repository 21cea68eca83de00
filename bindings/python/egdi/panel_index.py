"""An index on a panel (one row per unit and period): computed per period, or with
every statistic the index fits on the units (min and max, mean and sd, imputed
means, ...) pooled over the periods so that scores are comparable over time
(COINr's ``Normalise(purse, global = TRUE)``). DataFrame in, DataFrame out; the
numbers come from libegdi's egdi_compute_by_period()."""
import pandas as pd

from . import _egdi
from ._frames import to_dataset, to_frame

__all__ = ["compute_panel"]

_ROW = "__egdi_row__"


def compute_panel(index, df, period="edition", pooled=False, unit=None, ranks=True,
                  rank_decimals=None, raw=False):
    """Scores of every node of ``index`` (an :class:`egdi.Index`) for every row of the
    long DataFrame ``df``: one row per unit and period, in any order; a unit may be
    absent from some periods.

    ``period``: the numeric column of each row's period (default ``"edition"``, as
    :func:`egdi.panel`; COINr's ``"Time"``). ``pooled=False`` computes each period on
    its own rows (COINr's default ``global = FALSE`` for a coin per period);
    ``pooled=True`` computes once on all rows, so normalisation (and imputation,
    outlier treatment, Copeland and Benefit-of-the-Doubt aggregation) is fitted on
    the periods together, as COINr's ``global = TRUE`` for normalisation. ``unit``:
    optionally the column naming each row's unit (e.g. ``"uCode"``); then a unit
    twice in one period is a :class:`egdi.DuplicateError`.

    Returns a DataFrame with ``df``'s index and rows: the unit column (if given),
    the period, one column per node, with ``ranks`` a ``NODE_rank`` column per node
    (competition rank within the row's period, 1 = highest, nullable ``Int64``; on
    the scores rounded to ``rank_decimals`` decimals if given), with ``raw`` a
    ``NODE_raw`` column per node (the value before normalisation), ``imputed`` when
    the index imputes (the indicators filled, ";"-separated), and ``df``'s text
    columns. A period whose rows cannot be normalised (one unit, no spread) is an
    error naming the period (e.g. :class:`egdi.DomainError` "Time 2021: node 'x':
    min-max needs at least 2 values, got 1").
    """
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"expected a pandas DataFrame, got {type(df).__name__}")
    frame = {_ROW: [str(i) for i in range(len(df))]}
    for col in df.columns:
        s = df[col]
        if unit is not None and col == unit:   # a label column, whatever its values
            s = s.where(s.isna(), s.astype(str)).astype(object)
        frame[str(col)] = s.to_numpy()
    ds = to_dataset(pd.DataFrame(frame), code_column=_ROW, name_column=_ROW + "name")
    decimals = -1 if rank_decimals is None else int(rank_decimals)
    table = _egdi.egdi_py_compute_by_period(index._handle(), ds, str(period), int(bool(pooled)),
                                            None if unit is None else str(unit),
                                            int(bool(ranks)), decimals, int(bool(raw)))
    columns = [_egdi.egdi_dataset_column_name(table, j)
               for j in range(_egdi.egdi_dataset_n_columns(table))]
    # to_frame's own "name" (the row codes here) would hide a text column "name" of df
    out = to_frame(table, columns=[c for c in columns if c != "name"]).drop(columns="name")
    if "name" in columns:
        out["name"] = to_frame(table, columns=["name"])["name"]
    out = out[columns]
    out.index = df.index
    out[str(period)] = df[period].to_numpy()      # the period as given (2020, not 2020.0)
    if ranks:
        for code in index.nodes:
            out[code + "_rank"] = out[code + "_rank"].astype("Int64")
    if unit is not None:
        out = out[[str(unit)] + [c for c in out.columns if c != str(unit)]]
    return out

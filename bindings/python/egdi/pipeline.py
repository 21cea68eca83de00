"""COINr's build in one call: denomination, imputation, screening of units by
data availability, outlier treatment, normalisation and aggregation, with the
report of each step (libegdi's pipeline.h).

Denomination and outlier treatment belong to the index
(:meth:`egdi.Index.set_denominator`, :meth:`egdi.Index.set_treatment`, the
module-level aliases :func:`set_denominator`, :func:`set_treatment`, or the
iMeta columns ``Denominator`` and ``Treatment``)
and run in every computation; screening removes units, so it is a step of
:func:`run_pipeline`. DataFrames in, DataFrames out; every number comes from
libegdi.
"""
from collections.abc import Mapping

import numpy as np
import pandas as pd

from . import _egdi
from ._frames import _choice, _egdi_error, to_dataset, to_frame
from .index import Index

__all__ = ["run_pipeline", "PipelineResult", "set_treatment", "set_denominator",
           "get_treatment", "TREATMENTS"]

#: The outlier treatments, in code order: "none", "winsorise", "log".
TREATMENTS = tuple(_egdi.egdi_treat_name(k) for k in range(3))

_STAGES = {"imputed": _egdi.EGDI_SCREEN_IMPUTED, "input": _egdi.EGDI_SCREEN_INPUT}
_SCREEN_FLAGS = ("LowData", "LowNonZero", "LowDatOrZeroFlag", "Included")
_SCREEN_COUNTS = ("N_missing", "N_zero", "N_miss_or_zero", "Forced")
_TREAT_FLAGS = ("check0.Pass", "check1.Pass", "check2.Pass", "log")
_TREAT_COUNTS = ("winsorise.nwin", "points")


def _handle(index):
    if not isinstance(index, Index):
        raise TypeError(f"expected an egdi.Index, got {type(index).__name__}")
    return index._handle()


def set_treatment(index, code, method="winsorise", **params):
    """``index.set_treatment(code, method, **params)``: see
    :meth:`egdi.Index.set_treatment`. Returns ``index``."""
    _handle(index)
    return index.set_treatment(code, method, **params)


def get_treatment(index, code):
    """``index.get_treatment(code)``: see :meth:`egdi.Index.get_treatment`."""
    _handle(index)
    return index.get_treatment(code)


def set_denominator(index, code, column):
    """``index.set_denominator(code, column)``: see
    :meth:`egdi.Index.set_denominator`. Returns ``index``."""
    _handle(index)
    return index.set_denominator(code, column)


class PipelineResult:
    """What :func:`run_pipeline` returns; every table is a DataFrame.

    ``scores``
        The units kept (in the input's order): ``code`` (when the input had
        one), ``name``, every node's score, and with ``ranks`` every node's
        ``NODE_rank`` (competition ranks, 1 = highest; nullable ``Int64``), as
        :meth:`egdi.Index.compute` with ``ranks=True``.
    ``screen``
        One row per input unit (COINr's ``DataSummary``): ``code``, ``name``,
        ``N_missing``, ``N_zero``, ``N_miss_or_zero``, ``Dat_Avail``,
        ``Non_Zero``, the bool flags ``LowData``, ``LowNonZero``,
        ``LowDatOrZeroFlag``, ``Included``, and ``Forced`` (+1 forced in,
        -1 forced out, 0 by the rule).
    ``treatment``
        One row per treated indicator (COINr's ``Dets_Table``): ``indicator``,
        ``treatment`` (method), ``check0.Pass`` / ``.Skew`` / ``.Kurt`` (the
        input), ``winsorise.nwin`` (points at the winsorised extremes; <NA>
        if winsorisation did not run),
        ``check1.*`` (after winsorising), ``check2.*`` (after the log
        transform), ``log`` (the log transform was used), ``points`` (units
        labelled). Passes and flags are nullable booleans
        (<NA> where the check did not run or is undefined); skewness and
        excess kurtosis are e1071's type 2.
    ``treated_points``
        One row per unit kept: ``code``, ``name`` and one column per treated
        indicator with COINr's labels ``"winhi"``, ``"winlo"``, ``"+log_CT"``,
        ``"winhi+log_CT"``, ``"winlo+log_CT"`` or ``""``.
    ``data``
        The input rows of the units kept, every column, the indicators'
        columns holding the imputed values when the screen ran after
        imputation and dropped units.
    ``imputed``
        ``code``, ``name`` and one bool column per indicator: True where the
        indicator's value was filled by its imputation.
    """

    __slots__ = ("scores", "screen", "treatment", "treated_points", "data", "imputed")

    def __init__(self, scores, screen, treatment, treated_points, data, imputed):
        self.scores = scores
        self.screen = screen
        self.treatment = treatment
        self.treated_points = treated_points
        self.data = data
        self.imputed = imputed

    @property
    def kept(self):
        """Codes of the units kept by the screen, in the input's order."""
        return self.screen.loc[self.screen["Included"], "code"].tolist()

    def __repr__(self):
        return (f"<PipelineResult: {len(self.scores)} of {len(self.screen)} units kept, "
                f"{len(self.treatment)} indicators treated>")


def run_pipeline(index, df, denominate=None, treat=None, screen=None, screen_zeros=None,
                 screen_on="imputed", include=(), exclude=(), ranks=True, rank_decimals=None):
    """Compute ``index`` on ``df`` the way COINr builds an index: denominate,
    impute, screen the units, treat outliers, normalise, aggregate.

    ``df`` has a ``code`` or ``name`` column and one row per unit; ``index`` is
    an :class:`egdi.Index` (not modified: ``denominate`` and ``treat`` act on a
    copy). Its imputation, normalisation and aggregation are its own.

    - ``denominate``: None = the index's denominators as set
      (:meth:`egdi.Index.set_denominator`); False = none; a mapping ``{indicator: column}``
      or a DataFrame with ``iCode`` and ``Denominator`` columns (COINr's
      ``denomby``; an iMeta table read with pandas will do: rows without a
      denominator are skipped) = exactly these.
    - ``treat``: None = the index's outlier treatments
      (:meth:`egdi.Index.set_treatment`);
      False = none; text ``"METHOD PARAMS"`` (``"winsorise winmax=5"``) = that
      treatment for every indicator.
    - ``screen``: keep units whose data availability (share of the index's
      indicators with a value) is at least this (COINr's ``byNA``,
      ``dat_thresh``); ``screen_zeros``: keep units whose share of non-zero
      values is at least this (``byzeros``); both = both rules; neither =
      keep every unit (the summary is still made).
    - ``screen_on``: ``"imputed"`` counts after imputation (COINr's example
      build; the units kept keep the values imputed from all units) or
      ``"input"`` before it (the imputation then uses only the units kept).
    - ``include`` / ``exclude``: unit codes kept or dropped whatever the rule.
    - ``ranks``, ``rank_decimals``: as in :meth:`egdi.Index.compute`.

    Returns a :class:`PipelineResult`. Errors are libegdi's, with its message:
    an unknown unit in ``include``/``exclude`` :class:`egdi.NotFoundError`, no
    unit left :class:`egdi.DataError`, a threshold outside 0..1
    :class:`egdi.InvalidArgumentError`, a zero denominator :class:`egdi.DomainError`.
    """
    idx = _prepared(index, denominate, treat)
    ds, names = to_dataset(df, with_names=True)
    rule = (_egdi.EGDI_SCREEN_NONE if screen is None and screen_zeros is None
            else _egdi.EGDI_SCREEN_BY_ZEROS if screen is None
            else _egdi.EGDI_SCREEN_BY_NA if screen_zeros is None
            else _egdi.EGDI_SCREEN_BY_NA_AND_ZEROS)
    stage = _choice(screen_on, _STAGES, "screen_on")
    pl = _egdi.egdi_py_pipeline_run(
        idx._handle(), ds, rule, np.nan if screen is None else float(screen),
        np.nan if screen_zeros is None else float(screen_zeros), stage,
        _codes(include, "include"), _codes(exclude, "exclude"))
    with_code = "code" in df.columns
    nodes = idx.nodes
    decimals = -1 if rank_decimals is None else int(rank_decimals)
    table = _egdi.egdi_py_pipeline_table(pl, 1 if ranks else 0, decimals, 0, 0, 0)
    scores = to_frame(table, code=with_code)
    if ranks:
        rank_cols = [c + "_rank" for c in nodes]
        scores[rank_cols] = scores[rank_cols].astype("Int64")

    summary = to_frame(_egdi.egdi_pipeline_screen_table(pl), code=True, names=names)
    for c in _SCREEN_FLAGS:
        summary[c] = summary[c].astype(bool)
    for c in _SCREEN_COUNTS:
        summary[c] = summary[c].astype(np.int64)

    res = _egdi.egdi_pipeline_result(pl)
    treatment = to_frame(_egdi.egdi_result_treatment_table(res), code=True)
    treatment = treatment.drop(columns="name").rename(columns={"code": "indicator"})
    for c in _TREAT_FLAGS:
        if c in treatment.columns:
            treatment[c] = _nullable_bool(treatment[c])
    for c in _TREAT_COUNTS:
        if c in treatment.columns:
            treatment[c] = treatment[c].astype("Int64")
    points = to_frame(_egdi.egdi_result_treated_points(res), code=True)

    data = to_frame(_egdi.egdi_pipeline_data(pl), code=True)
    # the result knows its units by code only: their names are those of the rows kept
    points["name"] = pd.Series(data["name"].to_numpy(), index=data["code"].to_numpy()) \
        .reindex(points["code"].to_numpy()).to_numpy()
    imputed = points[["code", "name"]].copy()
    buf = np.empty(len(imputed), dtype=np.intc)
    for code in idx.indicators:
        _egdi.egdi_result_get_imputed(res, code, buf)
        imputed[code] = buf.astype(bool)
    return PipelineResult(scores, summary, treatment, points, data, imputed)


def _prepared(index, denominate, treat):
    """``index`` itself, or a copy with ``denominate`` and ``treat`` applied."""
    _handle(index)
    if denominate is None and treat is None:
        return index
    idx = index.copy()
    h = idx._handle()
    if denominate is not None:
        pairs = _denominators(denominate)
        for code in idx.indicators:
            idx.set_denominator(code, None)
        for code, column in pairs:
            idx.set_denominator(code, column)
    if treat is not None:
        if treat is False:
            _egdi.egdi_index_set_treatment(h, None, "none", None)
        elif isinstance(treat, str):
            method, _, params = treat.strip().partition(" ")
            _egdi.egdi_index_set_treatment(h, None, method, params.strip() or None)
        else:
            raise TypeError(f"treat: expected None, False or text 'METHOD PARAMS', "
                            f"got {type(treat).__name__}")
    return idx


def _denominators(spec):
    """(indicator, column) pairs from ``denominate``."""
    if spec is False:
        return []
    if isinstance(spec, pd.DataFrame):
        missing = [c for c in ("iCode", "Denominator") if c not in spec.columns]
        if missing:
            raise _egdi_error(_egdi.EGDI_ERR_INVALID_ARG, "denominate: the DataFrame needs "
                              f"the columns iCode and Denominator (missing: {', '.join(missing)})")
        rows = spec[spec["Denominator"].notna() & (spec["Denominator"].astype(str) != "")]
        if "ScaleFactor" in rows.columns and not (rows["ScaleFactor"].fillna(1) == 1).all():
            raise _egdi_error(_egdi.EGDI_ERR_UNSUPPORTED,
                              "denominate: only ScaleFactor 1 is supported (x / denominator)")
        return list(zip(rows["iCode"].astype(str), rows["Denominator"].astype(str)))
    if isinstance(spec, Mapping):
        return [(str(k), v) for k, v in spec.items()]
    raise TypeError("denominate: expected None, False, a mapping {indicator: column} or a "
                    f"DataFrame with iCode and Denominator, got {type(spec).__name__}")


def _codes(units, what):
    if units is None:
        return None
    if isinstance(units, str):
        raise TypeError(f"{what}: expected a sequence of unit codes, got a str")
    return list(units)


def _nullable_bool(s):
    """1/0/NaN as a nullable boolean column."""
    out = pd.array(np.where(s.isna(), None, s == 1), dtype="boolean")
    return pd.Series(out, index=s.index)

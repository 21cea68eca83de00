"""What a country's EGDI is made of: the gap to another country, the best one or
a group's average, split into each component's (and, with raw input, each
indicator's) contribution; and the country's strengths and weaknesses by rank.
The numbers come from libegdi's ``egdi_survey_explain`` / ``egdi_explain``."""
from collections import namedtuple

import pandas as pd

from . import _egdi
from ._frames import find_country, to_dataset, to_frame
from .api import (_INPUTS, _country_frame, _nullable_int, _ranking_overrides,
                  _with_country_label)

__all__ = ["Explanation", "explain"]

#: The result of :func:`explain`: two DataFrames, one row per node of the index.
Explanation = namedtuple("Explanation", ["gap", "strengths"])

_GROUP_COLUMNS = ("region", "subregion", "income", "status")
_VERSUS = {"mean": _egdi.EGDI_VERSUS_MEAN, "unit": _egdi.EGDI_VERSUS_UNIT,
           "best": _egdi.EGDI_VERSUS_BEST}


def explain(df, country, versus=None, edition=2024, input="components", top=3, bottom=3,
            min_rank_gap=5, min_discard=True, rank_decimals=None, index=None, root=None,
            impute=None, impute_group=None, allow_out_of_range=False,
            allow_edition_mismatch=False, drop_absent_indicators=False):
    """Explain ``country``'s score in ``edition`` computed on ``df``.

    ``df`` is as for :func:`egdi.compute` (e.g. from :func:`egdi.read_un_csv`);
    ``country`` a name as the data writes it or an ISO alpha-3 code.
    ``versus`` is what the country is compared with: ``None`` or ``"world"``
    (the average of all countries with an EGDI), ``"best"`` (the best-ranked
    other country), ``"region"``, ``"subregion"``, ``"income"`` or ``"status"``
    (the average of the country's own group), a group label such as
    ``"Europe"`` (the average of that group), or another country.

    Returns an :class:`Explanation` ``(gap, strengths)``, one row per node (the
    root, then each component followed by its indicators):

    - ``gap``: ``node, name, parent, depth, weight`` (within the parent),
      ``effective_weight``, ``value_a, value_b`` (the node's scores; for a group,
      their mean), ``gap`` (a - b), ``contribution`` (to the root's gap),
      ``share`` (of the root's gap), ``input_a, input_b`` (an indicator's input),
      ``unit`` and ``versus``. Contributions sum exactly to the gap: it is the
      weighted sum ``sum_c w_c (c_a - c_b)``; with raw input (2012+) an indicator
      adds ``w_c w_k (z_ka - z_kb) / (max - min)``.
    - ``strengths``: ``node, name, parent, depth, value, rank, n_ranked,
      overall_rank, difference`` (overall rank - rank: positive = better than
      overall) and ``label`` ("strength", "weakness" or ""): at each depth the
      nodes among the country's ``top`` best ranks that beat its overall rank by
      at least ``min_rank_gap`` places are strengths; those among the ``bottom``
      worst that trail it by as much are weaknesses (as COINr's get_str_weak;
      with ``min_discard`` a node where the country ranks last is no strength).

    ``index`` (an :class:`egdi.Index`) explains a custom index instead of the
    edition's (``root`` names the node to explain if it has several roots).
    The data pass the checks of :func:`egdi.compute`, with the same overrides
    (``allow_out_of_range``, ``allow_edition_mismatch``), and are computed with
    the same ``impute``/``impute_group`` and ``drop_absent_indicators``.

    Raises :class:`egdi.NotFoundError` for an unknown country, ``ValueError``
    for the country compared with itself and :class:`egdi.UnsupportedError`
    for an index the gap cannot be split for exactly (a geometric mean).
    """
    rd, _ = _ranking_overrides(input, rank_decimals, None)
    kind, versus_unit, group_column, group_label = "mean", None, None, None
    if versus is not None and str(versus).lower() not in ("world", "mean"):
        text = str(versus)
        if text.lower() == "best":
            kind = "best"
        elif text.lower() in _GROUP_COLUMNS:
            group_column = text.lower()
        else:
            group_column, group_label = _group_of(df, text)
            if group_column is None:
                kind, versus_unit = "unit", text
    if group_column is not None:
        df = _with_country_label(df, group_column)
    ds = to_dataset(df)
    unit = find_country(ds, country)
    if versus_unit is not None:
        versus_unit = find_country(ds, versus_unit)
    args = (_VERSUS[kind], versus_unit, group_column, group_label, rd, int(top), int(bottom),
            int(min_rank_gap), int(bool(min_discard)))
    if index is None:
        imp = 0 if impute is None else _egdi.egdi_method_from_name(_egdi.EGDI_STEP_IMPUTE,
                                                                    impute)
        gap, strengths = _egdi.egdi_py_survey_explain(
            int(edition), _INPUTS[input], ds, unit, *args, imp, impute_group,
            int(bool(allow_out_of_range)), int(bool(allow_edition_mismatch)),
            int(bool(drop_absent_indicators)))
    else:
        gap, strengths = _egdi.egdi_py_explain(index._handle(), ds, unit, root, *args)
    return Explanation(_frame(gap), _frame(strengths))


def _frame(ds):
    out = to_frame(ds, code=True).rename(columns={"code": "node"})
    for c in ("depth", "rank", "n_ranked", "overall_rank", "difference"):
        if c in out.columns:
            out[c] = _nullable_int(out[c])
    return out


def _group_of(df, text):
    """(column, label) of a group label such as "Europe" in df or the country table."""
    wanted = text.strip().lower()
    table = _country_frame()
    for column in _GROUP_COLUMNS:
        source = df if column in df.columns else table
        if column not in source.columns:
            continue
        for label in pd.unique(source[column].dropna().astype(str)):
            if label.lower() == wanted:
                return column, label
    return None, None


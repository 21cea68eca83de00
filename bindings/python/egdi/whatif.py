"""What-if goal seeking: the smallest value of one component or raw indicator
of one country that reaches a target rank, group or rating class, everything
else fixed (libegdi's whatif.h; the search runs in C)."""
import math

import numpy as np
import pandas as pd

from . import _egdi
from ._frames import find_country, to_dataset
from .api import _INPUTS, _indicators as _component_indicators, _ranking_overrides

__all__ = ["whatif"]

# the groups 1..4 by libegdi's code ("VH") and name ("Very High"), and "medium"
_GROUPS = {**{_egdi.egdi_group_code(g).lower(): g for g in range(1, 5)},
           **{_egdi.egdi_group_name(g).lower(): g for g in range(1, 5)}, "medium": 2}
_COLUMNS = ["vary", "reachable", "already_met", "value", "change", "rank", "egdi", "group",
            "rating_class", "current_value", "current_rank", "current_egdi", "current_group",
            "current_class", "best_rank", "best_value", "lower", "upper", "evaluations"]


def _class_code(label):
    for c in range(1, 17):
        if _egdi.egdi_rating_class_label(c).lower() == str(label).strip().lower():
            return c
    raise ValueError(f"target_class must be a rating class label (VH, V3, ..., L1), "
                     f"not {label!r}")


def _target(target_rank, target_group, target_class):
    given = [t for t in (target_rank, target_group, target_class) if t is not None]
    if len(given) != 1:
        raise ValueError("give one target: target_rank, target_group or target_class")
    if target_rank is not None:
        if isinstance(target_rank, bool) or int(target_rank) != target_rank:
            raise ValueError(f"target_rank must be a whole number, not {target_rank!r}")
        return _egdi.EGDI_WHATIF_RANK, int(target_rank), int(target_rank)
    if target_group is not None:
        code = _GROUPS.get(str(target_group).strip().lower())
        if code is None:
            raise ValueError("target_group must be VH, H, M, L or Very High, High, Middle, "
                             f"Low, not {target_group!r}")
        return _egdi.EGDI_WHATIF_GROUP, code, _egdi.egdi_group_name(code)
    code = _class_code(target_class)
    return _egdi.EGDI_WHATIF_CLASS, code, _egdi.egdi_rating_class_label(code)


def _indicators(edition):
    """The edition's raw indicators as libegdi lists them: the online-service
    score ``osi``, then the TII's and the HCI's."""
    return ["osi"] + _component_indicators(edition, "tii") + _component_indicators(edition, "hci")


def _default_vary(df, edition, input, upper):
    """The components and uniform, or the raw indicators of the edition that
    ``df`` has (``osi``: the column ``osi_raw``) with a natural upper bound
    (any, when ``upper`` is given), as the tool's ``egdi whatif`` picks them."""
    if input == "components":
        return ["osi", "tii", "hci", "uniform"]
    out = []
    for name in _indicators(edition):
        if name != "osi" and name not in df.columns:
            continue  # absent from the data
        _, hi = _egdi.egdi_whatif_natural_bounds(edition, _INPUTS[input], name)
        if upper is not None or not math.isnan(hi):
            out.append(name)
    return out


def whatif(df, country, edition=2024, target_rank=None, target_group=None, target_class=None,
           vary=None, input="components", lower=None, upper=None, tolerance=None,
           quantile_type=None, rank_decimals=None, thresholds=None, impute=None,
           impute_group=None, allow_out_of_range=False, allow_edition_mismatch=False):
    """The smallest value of a component (or raw indicator) of ``country`` that
    reaches a target, everything else as in ``df``; one row per varied value.

    ``df`` is the edition's data as for :func:`egdi.compute`; ``country`` a name,
    code or ISO alpha-3 code. Give one target: ``target_rank`` (a rank of at most
    N), ``target_group`` (``"VH"``/``"Very High"``, ``"H"``, ``"M"``, ``"L"``: at
    least that group) or ``target_class`` (a rating class such as ``"VH"``, 2020
    on). ``vary`` is ``"osi"``, ``"tii"``, ``"hci"``, ``"uniform"`` (the same
    increase of all three, each at most 1), or with ``input="raw"`` a raw
    indicator (``"internet_users"``, ``"mean_years"``, ``"osi"`` for the
    online-service score, ...); a list for several; None for all components
    and uniform (raw input: every indicator with a natural upper bound).

    ``lower``/``upper`` bound the value (default: [0, 1] for components; 100 for
    percentages, the TII cap (120 from 2020) for subscriptions per 100, 18 and
    15 years of schooling; ``upper`` is needed for ``osi`` with raw input);
    ``tolerance`` is the absolute precision of the answer (default 1e-10). The
    other options are those of :func:`egdi.compute`.

    Columns: ``vary, reachable, already_met, value`` (NaN when out of reach),
    ``change`` (value - current_value), ``rank, egdi, group, rating_class``
    (with ``value``, a fresh evaluation), ``current_value, current_rank,
    current_egdi, current_group, current_class``, ``best_rank`` (the rank at the
    upper bound), ``best_value`` (the smallest value that gives it), ``lower,
    upper, evaluations``. For ``"uniform"`` values are the increase
    (``current_value`` 0). Ranks are nullable integers.
    """
    rd, t = _ranking_overrides(input, rank_decimals, thresholds)
    kind, goal, goal_text = _target(target_rank, target_group, target_class)
    imp = 0 if impute is None else _egdi.egdi_method_from_name(_egdi.EGDI_STEP_IMPUTE, impute)
    ds = to_dataset(df)
    unit = find_country(ds, country)
    names = _default_vary(df, int(edition), input, upper) if vary is None else (
        [vary] if isinstance(vary, str) else list(vary))
    nan = float("nan")
    rows = []
    for name in names:
        a = _egdi.egdi_whatif_answer()
        _egdi.egdi_py_whatif(int(edition), ds, unit, str(name), kind, goal, _INPUTS[input],
                             nan if lower is None else float(lower),
                             nan if upper is None else float(upper),
                             0.0 if tolerance is None else float(tolerance),
                             int(quantile_type or 0), rd, *t, imp, impute_group,
                             int(bool(allow_out_of_range)), int(bool(allow_edition_mismatch)), a)
        rows.append({
            "vary": str(name), "reachable": bool(a.reachable), "already_met": bool(a.already_met),
            "value": a.value, "change": a.value - a.current_value, "rank": a.rank or None,
            "egdi": a.egdi, "group": _egdi.egdi_group_name(a.group),
            "rating_class": _egdi.egdi_rating_class_label(a.rating_class),
            "current_value": a.current_value, "current_rank": a.current_rank or None,
            "current_egdi": a.current_egdi, "current_group": _egdi.egdi_group_name(a.current_group),
            "current_class": _egdi.egdi_rating_class_label(a.current_class),
            "best_rank": a.best_rank or None, "best_value": a.best_value, "lower": a.lower,
            "upper": a.upper, "evaluations": int(a.evaluations)})
    out = pd.DataFrame(rows, columns=_COLUMNS)
    for c in ("rank", "current_rank", "best_rank"):
        out[c] = pd.array(out[c].to_numpy(dtype=np.float64, na_value=np.nan), dtype="Int64")
    out.attrs["target"] = {"kind": {1: "rank", 2: "group", 3: "class"}[kind], "value": goal_text}
    return out

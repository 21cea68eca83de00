"""Compile an index against data once, evaluate it many times (experimental).

.. warning:: Experimental (libegdi 1.1): :class:`Plan` and :class:`Evaluation`
   wrap libegdi's plan/eval interface (``egdi/plan.h``), which may change in a
   minor release.

A :class:`Plan` is an :class:`egdi.Index` resolved against a DataFrame; it is
immutable and keeps its own copy of the data, so the index and the DataFrame
may change afterwards. An :class:`Evaluation` holds everything that changes
(weights, input values, every stage's values) and recomputes only what changed
since its last :meth:`Evaluation.run`. Many evaluations can share one plan,
also from several threads at once (the GIL is released inside libegdi), as long
as each thread uses its own evaluation.

>>> plan = egdi.Plan(egdi.Index.survey(2024), df)
>>> ev = plan.evaluation()
>>> ev.set_weight("tii", 0.4)
>>> ev.run()
>>> ev.rank("egdi", decimals=4)
"""
import operator

import numpy as np

from . import _egdi
from ._frames import to_dataset

_STAGES = {"input": _egdi.EGDI_STAGE_INPUT, "imputed": _egdi.EGDI_STAGE_IMPUTED,
           "treated": _egdi.EGDI_STAGE_TREATED, "score": _egdi.EGDI_STAGE_SCORE}


def _position(key, find, handle, what):
    """A node or unit given by code (looked up by libegdi) or by position."""
    if isinstance(key, str):
        return find(handle, key)
    pos = operator.index(key)
    if pos < 0:
        from .errors import RangeError
        raise RangeError(f"{what} position {pos} is negative")
    return pos


class Plan:
    """An index resolved against a DataFrame, ready to be evaluated many times
    (experimental: may change in a minor release).

    ``index`` is an :class:`egdi.Index`, ``df`` a DataFrame as for
    :meth:`egdi.Index.compute`. The index is validated and every source and
    imputation-group column resolved now (errors name the node and column).
    Nodes and units are addressed by code or by position (the index's node
    order; the DataFrame's row order).
    """

    def __init__(self, index, df):
        from .index import Index
        if not isinstance(index, Index):
            raise TypeError(f"expected an egdi.Index, got {type(index).__name__}")
        self._h = _egdi.egdi_plan_new(index._handle(), to_dataset(df))
        self._nodes = [_egdi.egdi_plan_node_code(self._h, k)
                       for k in range(_egdi.egdi_plan_n_nodes(self._h))]

    @property
    def nodes(self):
        """Node codes, in the index's order (positions are indices into this list)."""
        return list(self._nodes)

    @property
    def units(self):
        """Unit codes, in the data's row order."""
        return _egdi.egdi_py_plan_unit_codes(self._h)

    @property
    def n_units(self):
        """Number of units."""
        return _egdi.egdi_plan_n_units(self._h)

    def node(self, node):
        """Position of a node given by code or position."""
        return _position(node, _egdi.egdi_plan_find_node, self._h, "node")

    def unit(self, unit):
        """Position of a unit given by code or position."""
        return _position(unit, _egdi.egdi_plan_find_unit, self._h, "unit")

    def evaluation(self):
        """A new :class:`Evaluation` of this plan, with the plan's weights and values."""
        return Evaluation(self)


class Evaluation:
    """One evaluation context of a :class:`Plan` (experimental: may change in a
    minor release).

    Change weights and values, then :meth:`run`; read scores, stages, imputed
    flags and ranks. Reading a node that changed since the last :meth:`run`
    raises :class:`egdi.InvalidArgumentError`. Use one evaluation per thread;
    the evaluation keeps its plan alive.
    """

    def __init__(self, plan):
        if not isinstance(plan, Plan):
            raise TypeError(f"expected an egdi.Plan, got {type(plan).__name__}")
        self._plan = plan                 # libegdi: the plan must outlive its contexts
        self._h = _egdi.egdi_eval_new(plan._h)
        self._n = plan.n_units

    @property
    def plan(self):
        """The :class:`Plan` evaluated."""
        return self._plan

    def set_weight(self, node, weight):
        """Set a node's weight within its parent (finite, >= 0)."""
        _egdi.egdi_eval_set_weight(self._h, self._plan.node(node), float(weight))

    def weight(self, node):
        """The current weight of a node."""
        return _egdi.egdi_eval_get_weight(self._h, self._plan.node(node))

    def set_value(self, unit, node, value):
        """Set an indicator's input for one unit (before imputation); NaN = missing."""
        _egdi.egdi_eval_set_value(self._h, self._plan.unit(unit), self._plan.node(node),
                                  float(value))

    def set_values(self, node, values):
        """Set an indicator's input for every unit at once (one C call); NaN = missing."""
        x = np.ascontiguousarray(values, dtype=np.float64)
        _egdi.egdi_eval_set_values(self._h, self._plan.node(node), x)

    def run(self):
        """Recompute what changed since the last run (everything on the first)."""
        _egdi.egdi_eval_run(self._h)

    def reset(self):
        """Back to the plan's weights and values; the next run recomputes everything."""
        _egdi.egdi_eval_reset(self._h)

    def scores(self, node):
        """A node's output (after normalisation) for every unit, as a float64 array."""
        out = np.empty(self._n, dtype=np.float64)
        _egdi.egdi_eval_get_scores(self._h, self._plan.node(node), out)
        return out

    def stage(self, node, stage="score"):
        """A node's values at one stage: ``"input"`` and ``"imputed"``
        (indicators only), ``"treated"`` (after aggregation, caps and
        direction: the value normalised next) or ``"score"``."""
        if stage not in _STAGES:
            raise ValueError(f"stage must be one of {', '.join(_STAGES)}, not {stage!r}")
        out = np.empty(self._n, dtype=np.float64)
        _egdi.egdi_eval_get_stage(self._h, self._plan.node(node), _STAGES[stage], out)
        return out

    def imputed(self, node):
        """A bool array: True where the indicator's value was filled by its imputation."""
        out = np.empty(self._n, dtype=np.intc)
        _egdi.egdi_eval_get_imputed(self._h, self._plan.node(node), out)
        return out.astype(bool)

    def rank(self, node, decimals=None):
        """Competition ranks (1, 2, 2, 4; best = 1) of a node's output; 0 = missing.
        With ``decimals`` (0..15) the values are rounded half away from zero first."""
        out = np.empty(self._n, dtype=np.intc)
        _egdi.egdi_eval_rank(self._h, self._plan.node(node),
                             -1 if decimals is None else int(decimals), out)
        return out

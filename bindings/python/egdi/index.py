"""Custom composite indices: :class:`Index`, a tree of indicators and aggregates."""
import os

import numpy as np
import pandas as pd

from . import _egdi
from . import errors as _errors
from ._frames import to_dataset, to_frame
from .api import _INPUTS, _STEPS, _params_text


__all__ = ["Index"]


class Index:
    """A composite-index definition (a tree of indicators and aggregates).

    Build it with :meth:`from_csv` (iMeta layout), :meth:`survey` (an edition
    preset) or node by node; :meth:`compute` evaluates it on a DataFrame.
    Method names (normalisation, aggregation, imputation) are those of libegdi's
    method registry, see :func:`egdi.methods`; libegdi validates them and their
    parameters. The C handle is freed when the object is closed or collected;
    use it as a context manager for deterministic cleanup.
    """

    def __init__(self, handle=None, notes=()):
        self._h = handle if handle is not None else _egdi.egdi_index_new()
        self._notes = list(notes)

    @classmethod
    def from_csv(cls, path, normalisation=None, aggregation=None, denominate=False,
                 treatment=None):
        """Load an iMeta CSV; errors name the line and column (IndexDefinitionError, ParseError).

        Files exported from COINr load as they are: columns, row types (Group,
        Denominator, Other) and ``NA`` parents that libegdi does not use are
        ignored, and :attr:`notes` says so. ``normalisation`` is given to the
        indicators whose row names none, as text (``"minmax lo=0 hi=100"``,
        what COINr's ``Normalise()`` does by default); ``aggregation`` likewise
        to the aggregates (default: the weighted arithmetic mean).
        ``denominate=True`` divides each indicator by the data column its
        ``Denominator`` cell names (COINr's ``Denominate()``); otherwise the
        column is read but not applied, with a note. ``treatment`` is the
        outlier treatment of the indicators whose ``Treatment`` cell is empty,
        as text (``"winsorise winmax=5"``, COINr's ``Treat()`` defaults;
        ``"log"``); None = none. A file written by :meth:`to_csv` reads back
        as the same index with ``denominate=True``.
        """
        handle, notes = _egdi.egdi_py_read_imeta(os.fspath(path), normalisation, aggregation,
                                                 int(bool(denominate)), treatment)
        return cls(handle, notes)

    @property
    def notes(self):
        """What :meth:`from_csv` ignored or assumed, one str per note (empty otherwise)."""
        return list(self._notes)

    @classmethod
    def survey(cls, edition, input="components"):
        """The preset tree of a Survey edition."""
        return cls(_egdi.egdi_survey_index(int(edition), _INPUTS[input]))

    def copy(self):
        """An independent deep copy of the definition."""
        return Index(_egdi.egdi_index_clone(self._handle()))

    def close(self):
        """Free the C handle now."""
        self._h = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _handle(self):
        if self._h is None:
            raise ValueError("the index is closed")
        return self._h

    def add_indicator(self, code, parent=None, weight=1.0, source=None, direction=1,
                      normalization="none", params=(), caps=(None, None), name=None,
                      imputation=None, impute_group=None):
        """Add an indicator reading column ``source`` (default ``code``).

        ``normalization`` names a normalisation method (``"none"``,
        ``"zscore"``, ``"minmax"``, ...; see :func:`egdi.methods`) and
        ``params`` its parameters: a sequence in order (``(0, 100)``), a dict
        (``{"lo": 0, "hi": 100}``) or text (``"lo=0 hi=100"``); empty = the
        defaults. ``imputation`` fills the indicator's missing values
        (``"mean"``, ``"median"``, ``"groupmean"``, ``"groupmedian"``); the
        group methods need ``impute_group``, a label column of the data.
        ``caps`` = (lower, upper), None = no bound; ``direction`` +1 or -1.
        """
        h = self._handle()
        _egdi.egdi_index_add_indicator(h, code, parent, float(weight))
        if source:
            _egdi.egdi_index_set_source(h, code, source)
        if imputation not in (None, "none") or impute_group is not None:
            method = _egdi.egdi_method_from_name(_egdi.EGDI_STEP_IMPUTE, imputation or "none")
            _egdi.egdi_index_set_imputation(h, code, method, impute_group)
        self._common(code, direction, normalization, params, caps, name)
        return self

    def add_aggregate(self, code, parent=None, weight=1.0, aggregation="mean",
                      normalization="none", params=(), caps=(None, None), name=None,
                      aggregation_params=(), min_share=None):
        """Add an aggregate of the nodes added below it.

        ``aggregation`` names an aggregation method (``"mean"``, ``"geomean"``;
        see :func:`egdi.methods`) with ``aggregation_params``; ``normalization``
        and ``params`` as in :meth:`add_indicator`. ``min_share`` (0..1) is the
        share of children that must have a value for the aggregate to have one:
        0 (the default) = any one child, 1 = all of them; the children that
        have a value are averaged with their weights renormalised.
        """
        h = self._handle()
        _egdi.egdi_index_add_aggregate(h, code, parent, float(weight))
        _egdi.egdi_index_set_method(h, code, _egdi.EGDI_STEP_AGGREGATE, aggregation,
                                    _params_text(aggregation_params))
        if min_share is not None:
            _egdi.egdi_index_set_min_share(h, code, float(min_share))
        self._common(code, 1, normalization, params, caps, name)
        return self

    def _common(self, code, direction, normalization, params, caps, name):
        h = self._handle()
        _egdi.egdi_index_set_direction(h, code, int(direction))
        _egdi.egdi_index_set_method(h, code, _egdi.EGDI_STEP_NORMALISE, normalization,
                                    _params_text(params))
        lo, hi = (np.nan if v is None else float(v) for v in caps)
        _egdi.egdi_index_set_caps(h, code, lo, hi)
        if name:
            _egdi.egdi_index_set_name(h, code, name)

    def set_weight(self, code, weight):
        """Set a node's weight within its parent (finite, >= 0)."""
        _egdi.egdi_index_set_weight(self._handle(), code, float(weight))
        return self

    def set_method(self, code, step, name, params=None, group=None):
        """Set node ``code``'s method of ``step`` (``"normalise"``,
        ``"aggregate"`` or ``"impute"``) to ``name``, with ``params`` as in
        :meth:`add_indicator` (None or empty = the method's defaults). The
        group imputations (``"groupmean"``, ``"groupmedian"``) need ``group``,
        a label column of the data; the other methods take none.

        libegdi checks the rest: an unknown method or parameter, a parameter
        out of range, a step that does not apply to the node (an indicator
        does not aggregate, an aggregate is not imputed) raise
        :class:`egdi.IndexDefinitionError`; an unknown node
        :class:`egdi.NotFoundError`. Returns ``self``.
        """
        h = self._handle()
        s = _STEPS.get(step)
        if s is None:
            raise ValueError(f"step must be one of {', '.join(_STEPS)}, not {step!r}")
        text = _params_text(params)
        if s == _egdi.EGDI_STEP_IMPUTE and not text:     # with its group column, if any
            _egdi.egdi_index_find_node(h, code)           # an unknown node first
            try:
                method = _egdi.egdi_method_from_name(s, name)
            except _errors.NotFoundError as e:            # as an unknown method of the others
                raise _errors.IndexDefinitionError(f"node '{code}': {e}") from None
            _egdi.egdi_index_set_imputation(h, code, method, group)
        else:
            if group is not None:
                raise ValueError(f"set_method: group is for step 'impute' without params, "
                                 f"not step {step!r} with params {text!r}")
            _egdi.egdi_index_set_method(h, code, s, name, text)
        return self

    def set_treatment(self, code, method="winsorise", **params):
        """Set the outlier treatment of indicator ``code``, or of every
        indicator when ``code`` is None (COINr's ``Treat()``).

        ``method``: ``"none"``, ``"winsorise"`` (parameters ``winmax=5``,
        ``skew=2``, ``kurt=3.5``, ``force=0``: COINr's default two-stage rule,
        winsorisation up to ``winmax`` points, then the log transform of the
        original values if the indicator still fails) or ``"log"`` (``skew``,
        ``kurt``: the log transform always). Unset parameters take their
        defaults. An unknown method or parameter, or an aggregate, raises
        :class:`egdi.IndexDefinitionError`. Returns ``self``.
        """
        _egdi.egdi_index_set_treatment(self._handle(), code, method,
                                       _params_text(params) if params else None)
        return self

    def get_treatment(self, code):
        """The outlier treatment of indicator ``code``: ``(method, {parameter:
        value})`` with the defaults filled in (``("none", {})`` when it has none).
        An aggregate raises :class:`egdi.InvalidArgumentError`."""
        h = self._handle()
        i = _egdi.egdi_index_find_node(h, code)
        method = _egdi.egdi_index_node_treatment(h, i)
        if method < 0:
            raise _errors.InvalidArgumentError(
                f"node '{code}' is an aggregate; outlier treatment applies to indicators")
        n = _egdi.egdi_treat_n_params(method)
        values = np.empty(n, dtype=np.float64)
        _egdi.egdi_index_node_treatment_params(h, i, values)
        names = [_egdi.egdi_treat_param_name(method, k) for k in range(n)]
        return _egdi.egdi_treat_name(method), dict(zip(names, values.tolist()))

    def set_denominator(self, code, column):
        """Divide indicator ``code`` by the data column ``column`` before
        anything else (COINr's ``Denominate()``); ``column`` None removes the
        denominator. At computation a missing column raises
        :class:`egdi.NotFoundError`; a zero denominator where the indicator has
        a value raises :class:`egdi.DomainError` naming the unit and the
        column. Returns ``self``."""
        _egdi.egdi_index_set_denominator(self._handle(), code, column or None)
        return self

    def get_denominator(self, code):
        """The data column indicator ``code`` is divided by, or None."""
        h = self._handle()
        return _egdi.egdi_index_node_denominator(h, _egdi.egdi_index_find_node(h, code))

    @property
    def nodes(self):
        """Node codes, in the order they were added."""
        h = self._handle()
        return [_egdi.egdi_index_node_code(h, i) for i in range(_egdi.egdi_index_n_nodes(h))]

    @property
    def indicators(self):
        """Codes of the indicators (leaves), in node order."""
        h = self._handle()
        return [_egdi.egdi_index_node_code(h, i) for i in range(_egdi.egdi_index_n_nodes(h))
                if _egdi.egdi_index_node_is_indicator(h, i) == 1]

    def validate(self):
        """Raise IndexDefinitionError if the tree is inconsistent."""
        _egdi.egdi_index_validate(self._handle())

    def to_csv(self, path):
        """Write the definition as an iMeta CSV (atomically): every node with its
        methods and all their parameters, caps, denominator and outlier
        treatment; :meth:`from_csv` with ``denominate=True`` reads it back."""
        _egdi.egdi_index_write_csv(self._handle(), os.fspath(path))

    def plan(self, df):
        """An :class:`egdi.Plan` of this index on ``df`` (experimental)."""
        from .plan import Plan
        return Plan(self, df)

    def compute(self, df, raw=False, imputed=False, ranks=False, rank_decimals=None):
        """Scores of every node for every row of ``df``: ``name`` then one column per node.

        With ``raw=True`` the values before each node's normalisation. With
        ``ranks=True`` one more column per node, ``NODE_rank``: the row's
        competition rank by the node's score (1 = highest, ties share the best
        rank: 1, 2, 2, 4; <NA> without a score), on the scores rounded to
        ``rank_decimals`` decimals if given (nullable ``Int64``). With
        ``imputed=True`` returns ``(scores, flags)``, where ``flags`` has
        ``name`` and one bool column per indicator: True where that
        indicator's value was filled by its imputation.
        """
        h = self._handle()
        ds = to_dataset(df)
        res = _egdi.egdi_compute(h, ds)
        n = _egdi.egdi_result_n_units(res)
        nodes = self.nodes
        names = _egdi.egdi_py_unit_names(ds)
        if raw:
            values = np.empty((len(nodes), n), dtype=np.float64)
            for k, code in enumerate(nodes):
                _egdi.egdi_result_get_raw(res, code, values[k])
        else:                             # the whole node x unit matrix in one call
            values = np.empty(len(nodes) * n, dtype=np.float64)
            _egdi.egdi_result_get_matrix(res, values)
            values = values.reshape(len(nodes), n)
        out = pd.DataFrame({"name": names, **{code: values[k] for k, code in enumerate(nodes)}},
                           copy=False)
        if ranks:                         # ranked in libegdi (egdi_result_to_dataset)
            decimals = -1 if rank_decimals is None else int(rank_decimals)
            table = _egdi.egdi_py_result_table(res, ds, 1, decimals, 0)
            rank_cols = [code + "_rank" for code in nodes]
            ranked = to_frame(table, columns=rank_cols).drop(columns="name")
            out = pd.concat([out, ranked.astype("Int64")], axis=1)
        if not imputed:
            return out
        flags = {"name": names}
        buf = np.empty(n, dtype=np.intc)
        for code in self.indicators:
            _egdi.egdi_result_get_imputed(res, code, buf)
            flags[code] = buf.astype(bool)
        return out, pd.DataFrame(flags, copy=False)

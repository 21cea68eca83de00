"""Weights of a composite index (libegdi's weights.h; every number is computed
in C): rescaled and effective weights, setting them, and weights derived from
data: principal components, entropy, and weights optimised so that each
node's correlation with its index matches a target (COINr's get_eff_weights,
get_PCA and get_opt_weights)."""
from collections import namedtuple
from collections.abc import Mapping

import numpy as np
import pandas as pd

from . import _egdi
from ._frames import _egdi_error, to_dataset, to_frame

__all__ = ["weights_table", "set_weights", "equal_weights", "pca", "entropy",
           "pca_weights", "entropy_weights", "optimise_weights", "PCAWeights",
           "OptimisedWeights"]

PCAWeights = namedtuple("PCAWeights", "weights loadings variance")
PCAWeights.__doc__ = """PCA weights: ``weights`` (Series by node code: the first
component's loadings), ``loadings`` (one row per weighed node: ``group``,
``PC1`` ..) and ``variance`` (one row per group and component: ``group``,
``component``, ``sd``, ``variance`` share, complete ``rows``)."""
OptimisedWeights = namedtuple("OptimisedWeights", "weights details report")
OptimisedWeights.__doc__ = """Optimised weights: ``weights`` (Series by node
code, summing to 1), ``details`` (per node: target, start, weight,
correlation with its index, share of the correlations) and ``report`` (dict:
converged, iterations, evaluations, start_objective, objective, size)."""

_GOALS = {"balance": _egdi.EGDI_OPT_BALANCE, "infomax": _egdi.EGDI_OPT_INFOMAX}


def _index_handle(index):
    return index._handle()


def _codes(h):
    return [_egdi.egdi_index_node_code(h, i) for i in range(_egdi.egdi_index_n_nodes(h))]


def _lower(df):
    return df.rename(columns=str.lower)


def _node_series(h, values):
    s = pd.Series(values, index=_codes(h), dtype="float64")
    return s.dropna()


def weights_table(index):
    """One row per node: ``code``, ``name``, ``parent``, ``level``, ``weight``
    (as set), ``rescaled`` (within the parent, summing to 1) and ``effective``
    (the product of the rescaled weights up to the root)."""
    ds = _egdi.egdi_weights_table(_index_handle(index))
    df = _lower(to_frame(ds, code=True))
    df["level"] = df["level"].astype("int64")
    df["parent"] = df["parent"].replace("", None)
    return df


def set_weights(index, weights):
    """Set node weights from a mapping or Series ``{code: weight}`` (other
    nodes keep theirs); all or nothing. Returns the index."""
    if not isinstance(weights, (Mapping, pd.Series)):
        raise TypeError("weights must be a mapping or Series of node code -> weight")
    h = _index_handle(index)
    codes = _codes(h)
    arr = np.full(len(codes), np.nan)
    pos = {c: i for i, c in enumerate(codes)}
    for code, w in dict(weights).items():
        if code not in pos:
            raise _egdi_not_found(code)
        if w is None or (isinstance(w, float) and np.isnan(w)):
            continue
        arr[pos[code]] = float(w)
    _egdi.egdi_weights_set(h, arr)
    return index


def _egdi_not_found(code):
    return _egdi_error(_egdi.EGDI_ERR_NOT_FOUND, f"no node '{code}' in the index")


def equal_weights(index, level=1):
    """Set the weight of every node at ``level`` (0 = every node) to 1. Returns the index."""
    _egdi.egdi_weights_set_equal(_index_handle(index), int(level))
    return index


def _matrix(x):
    if isinstance(x, pd.DataFrame):
        cols = [str(c) for c in x.columns]
        arr = x.to_numpy(dtype="float64", na_value=np.nan)
    else:
        arr = np.asarray(x, dtype="float64")
        if arr.ndim != 2:
            raise ValueError("a 2-D array or DataFrame is needed")
        cols = [f"x{j + 1}" for j in range(arr.shape[1])]
    return np.ascontiguousarray(arr), cols


def pca(x):
    """Principal components of the columns of ``x`` (DataFrame or 2-D array),
    as R's ``prcomp(center=TRUE, scale.=TRUE)`` on the complete rows.

    Returns ``(rotation, variance)``: ``rotation`` has one row per column and
    ``PC1`` .. columns (sign rule in weights.h: each component's loadings sum
    to > 0); ``variance`` one row per component: ``sd``, ``variance`` share,
    complete ``rows``."""
    arr, cols = _matrix(x)
    p = arr.shape[1]
    rot = np.empty(p * p)
    sd = np.empty(p)
    used = _egdi.egdi_py_pca(arr, rot, sd)
    rotation = pd.DataFrame(rot.reshape(p, p), index=cols,
                            columns=[f"PC{k + 1}" for k in range(p)])
    variance = pd.DataFrame({"sd": sd, "variance": sd * sd / p, "rows": used},
                            index=[f"PC{k + 1}" for k in range(p)])
    return rotation, variance


def entropy(x):
    """Entropy weights of the columns of ``x`` (non-negative values; complete
    rows): a DataFrame with ``entropy`` and ``weight`` per column."""
    arr, cols = _matrix(x)
    p = arr.shape[1]
    w = np.empty(p)
    e = np.empty(p)
    used = _egdi.egdi_py_entropy(arr, w, e)
    return pd.DataFrame({"entropy": e, "weight": w, "rows": used}, index=cols)


def pca_weights(index, values, level=1, under=None):
    """PCA weights of the nodes at ``level`` (below the aggregate ``under``, or
    all), one PCA per parent on the complete rows of ``values`` (a DataFrame
    with a ``code`` column and one column per node code). See :class:`PCAWeights`."""
    h = _index_handle(index)
    w = np.empty(_egdi.egdi_index_n_nodes(h))
    res = _egdi.egdi_py_weights_pca(h, to_dataset(values), int(level), under, w)
    load, var = res[0], res[1]
    loadings = to_frame(load, code=True).drop(columns="name").rename(
        columns={"code": "node", "Group": "group"}).set_index("node")
    variance = to_frame(var, code=True).drop(columns="name").rename(
        columns={"code": "key", "Group": "group", "Component": "component", "SD": "sd",
                 "Variance": "variance", "Rows": "rows"}).set_index("key")
    variance["component"] = variance["component"].astype("int64")
    variance["rows"] = variance["rows"].astype("int64")
    return PCAWeights(_node_series(h, w), loadings, variance)


def entropy_weights(index, values, level=1, under=None):
    """Entropy weights of the nodes at ``level`` per parent (each group sums to
    1): a DataFrame indexed by node with ``group``, ``entropy``, ``diversity``,
    ``weight`` and complete ``rows``."""
    h = _index_handle(index)
    w = np.empty(_egdi.egdi_index_n_nodes(h))
    ds = _egdi.egdi_py_weights_entropy(h, to_dataset(values), int(level), under, w)
    df = _lower(to_frame(ds, code=True).drop(columns="name")).rename(
        columns={"code": "node"}).set_index("node")
    df["rows"] = df["rows"].astype("int64")
    return df


def optimise_weights(index, data, level=2, targets=None, goal="balance", start=None,
                     tolerance=0.0, max_iter=500):
    """Weights of the nodes at ``level`` such that their correlations with
    their index, re-aggregated on ``data`` (the index's input DataFrame),
    match ``targets`` (relative importances in node order, or a mapping by
    code; default equal) with ``goal="balance"``, or have the largest sum with
    ``goal="infomax"``. Nelder-Mead (GSL) from ``start`` (default: the
    targets); ``tolerance`` is the simplex size (0 = 1e-6); ``max_iter=0``
    only evaluates the start. See :class:`OptimisedWeights`; ``report`` says
    honestly whether the search converged."""
    if goal not in _GOALS:
        raise ValueError(f"goal must be 'balance' or 'infomax', not {goal!r}")
    h = _index_handle(index)
    codes = _codes(h)

    def arr(v):
        if v is None:
            return np.empty(0)
        if isinstance(v, (Mapping, pd.Series)):   # in node order; libegdi checks the count
            v = dict(v)
            unknown = [c for c in v if c not in codes]
            if unknown:
                raise _egdi_not_found(unknown[0])
            return np.array([float(v[c]) for c in codes if c in v])
        return np.asarray(v, dtype="float64")

    w = np.empty(len(codes))
    rep = _egdi.egdi_weights_opt_report()
    ds = _egdi.egdi_py_weights_optimise(h, to_dataset(data), int(level), _GOALS[goal],
                                        arr(targets), arr(start), float(tolerance),
                                        int(max_iter), w, rep)
    details = _lower(to_frame(ds, code=True).drop(columns="name")).rename(
        columns={"code": "node"}).set_index("node")
    report = {"converged": bool(rep.converged), "iterations": int(rep.iterations),
              "evaluations": int(rep.evaluations), "start_objective": rep.start_objective,
              "objective": rep.objective, "size": rep.size}
    return OptimisedWeights(_node_series(h, w), details, report)

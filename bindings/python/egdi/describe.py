"""Statistics of indicators and aggregates, as COINr's get_stats, get_corr and
get_cronbach: a per-column table with flags, Pearson/Spearman/Kendall
correlation matrices with p-values (within and across the levels of an
index), each node's correlation with its parent, and Cronbach's alpha. The
numbers come from libegdi (``describe.h``); this module converts DataFrames.

Missing values are left out pairwise; directions are not applied (describe
the scores of :meth:`egdi.Index.compute` to see directed values). A
correlation that is not defined (a constant column, fewer than 2 pairs) is
NaN, as is its p-value.
"""
import numpy as np
import pandas as pd

from . import _egdi
from ._frames import to_dataset, to_frame

__all__ = ["describe", "correlations", "parent_correlations", "cronbach", "correlation",
           "skewness", "kurtosis"]


def _method(name):
    return _egdi.egdi_py_corr_method(str(name))


def _values(df, code_column):
    """The dataset of ``df``, its unit codes from ``code_column`` (None = ``code``,
    else ``name``). With an index, libegdi reads nodes by code and indicators also
    by their source column, so the input data and ``Index.compute`` output serve."""
    return to_dataset(df, code_column=code_column or "code")


def _matrix(ds):
    out = to_frame(ds, code=True).drop(columns="name").set_index("code")
    out.index.name = None
    return out


def describe(df, index=None, level=1, columns=None, t_skew=2.0, t_kurt=3.5, t_avail=0.65,
             t_zero=0.5, t_unique=0.5, code_column=None):
    """One row per numeric column (or per node of ``level`` of ``index``):
    ``code, name, Min, Max, Mean, Median, Std`` (sample), ``Skew, Kurt`` (type 2,
    excess), ``N.Avail, N.NonZero, N.Unique, N.Same, Frc.Avail, Frc.NonZero,
    Frc.Unique, Frc.Same, Flag.Avail, Flag.NonZero, Flag.Unique, Flag.SkewKurt``
    (COINr's get_stats with ``nsignif = NULL``), ``N.Missing, N.Zero``.
    The counts (``N.*``) are nullable integers (``Int64``), the other
    statistics floats, the flags text.
    """
    ds = _values(df, code_column)
    th = (float(t_skew), float(t_kurt), float(t_avail), float(t_zero), float(t_unique))
    if index is not None:
        t = _egdi.egdi_py_index_describe(index._handle(), ds, int(level), *th)
    else:
        t = _egdi.egdi_py_describe(ds, None if columns is None else [str(c) for c in columns],
                                   *th)
    out = to_frame(t, code=True)
    counts = [c for c in out.columns if c.startswith("N.")]
    out[counts] = out[counts].astype("Int64")
    return out


def correlations(df, method="pearson", index=None, levels=(1, 1), group_level=None,
                 columns=None, with_columns=None, max_p=0.0, pvalues=False, long=False,
                 code_column=None):
    """The correlation matrix: rows ``columns`` against ``with_columns`` (default:
    every numeric column, or with ``index`` the nodes of ``levels[0]`` against
    those of ``levels[1]``), pairwise complete. ``method``: ``"pearson"``,
    ``"spearman"`` or ``"kendall"``. ``group_level`` (with ``index``, one
    level): only pairs under the same ancestor at that level. ``max_p``:
    correlations whose p-value exceeds it become NaN (COINr's ``pval``).

    Returns a DataFrame indexed by the row variables; with ``pvalues=True`` a
    pair ``(corr, p_values)``; with ``long=True`` one long DataFrame ``Var1,
    Var2, correlation, p_value`` instead (COINr's long format).
    """
    ds = _values(df, code_column)
    m = _method(method)
    if index is not None:
        lv = (levels, levels) if np.isscalar(levels) else tuple(levels)
        corr, p = _egdi.egdi_py_index_correlate(index._handle(), ds, int(lv[0]), int(lv[1]), m,
                                                float(max_p), int(group_level or 0))
    else:
        rows = None if columns is None else [str(c) for c in columns]
        cols = None if with_columns is None else [str(c) for c in with_columns]
        corr, p = _egdi.egdi_py_correlate(ds, rows, cols, m, float(max_p))
    corr, p = _matrix(corr), _matrix(p)
    if long:
        c = corr.stack(dropna=False).rename("correlation")
        q = p.stack(dropna=False).rename("p_value")
        out = pd.concat([c, q], axis=1).reset_index()
        return out.rename(columns={"level_0": "Var1", "level_1": "Var2"})
    return (corr, p) if pvalues else corr


def parent_correlations(df, index, method="pearson", max_p=0.0, code_column=None):
    """Each node's correlation with its parent: ``code, name, parent, correlation,
    p_value, n`` (complete pairs). ``df`` holds every node's values by code (e.g.
    :meth:`egdi.Index.compute` output; indicators may be by source instead)."""
    ds = _values(df, code_column)
    t = _egdi.egdi_py_parent_correlations(index._handle(), ds, _method(method), float(max_p))
    out = to_frame(t, code=True)
    out["n"] = out["n"].astype("int64")
    return out


def cronbach(df, index=None, item_level=0, code_column=None):
    """Cronbach's alpha. Without ``index``: of all numeric columns of ``df`` (a
    float). With ``index``: per aggregate, of its children (``item_level=0``) or
    its descendants at ``item_level``: ``code, name, n_items, alpha``."""
    if index is None:     # libegdi's egdi_cronbach_alpha (2 or more columns)
        num = df.select_dtypes("number").to_numpy(dtype=np.float64, na_value=np.nan)
        return _egdi.egdi_py_cronbach_alpha(np.ascontiguousarray(num))
    ds = _values(df, code_column)
    t = to_frame(_egdi.egdi_index_cronbach(index._handle(), ds, int(item_level)), code=True)
    t["n_items"] = t["n_items"].astype("int64")
    return t


def correlation(x, y, method="pearson"):
    """``(r, p_value, n_pairs)`` of two equally long sequences (NaN = missing)."""
    xs = np.ascontiguousarray(np.asarray(x, dtype=np.float64))
    ys = np.ascontiguousarray(np.asarray(y, dtype=np.float64))
    r, p, n = _egdi.egdi_py_correlation(xs, ys, _method(method))
    return r, p, int(n)


def skewness(x):
    """Type-2 skewness of the non-missing values (NaN with fewer than 3 or no spread)."""
    return _egdi.egdi_py_moment(np.ascontiguousarray(np.asarray(x, dtype=np.float64)), 0)


def kurtosis(x):
    """Type-2 excess kurtosis (NaN with fewer than 4 values or no spread)."""
    return _egdi.egdi_py_moment(np.ascontiguousarray(np.asarray(x, dtype=np.float64)), 1)

"""Statistics from Python (egdi.describe, egdi.correlations, ...), on the hand-derived
cases of tests/analysis/test_describe.c (derivations there) and COINr's ASEM files
(tests/golden/coinr-stats/README.md). Tolerance 1e-9 relative unless stated."""
import math
import os

import numpy as np
import pandas as pd
import pytest

import egdi

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(HERE, "..", "..", "..", "tests", "golden")
ASEM = os.path.join(GOLDEN, "coinr-asem")
STATS = os.path.join(GOLDEN, "coinr-stats")


def asem():
    df = pd.read_csv(os.path.join(ASEM, "input_ASEM_iData.csv"))
    return df, egdi.Index.from_csv(os.path.join(ASEM, "asem_minmax_mean.csv"))


def test_arrays_by_hand():
    assert egdi.skewness([1, 2, 3, 4, 10]) == pytest.approx(6 * math.sqrt(2) / 5, rel=1e-12)
    assert egdi.kurtosis([1, 2, 3, 4, np.nan, 10]) == pytest.approx(3.152, rel=1e-12)
    r, p, n = egdi.correlation([1, 2, 3, 4, 5], [2, 4, 5, 4, 5], "kendall")
    assert (r, n) == (pytest.approx(6 / math.sqrt(80), rel=1e-14), 5)
    assert p == pytest.approx(0.11718508719813801, rel=1e-9)
    r, p, _ = egdi.correlation([1, 2, 3, 4], [3, 3, 3, 3])   # constant: not defined
    assert math.isnan(r) and math.isnan(p)
    assert egdi.cronbach(pd.DataFrame({"a": [1, 2, 3, 4, 5], "b": [2, 4, 5, 4, 5]})) == \
        pytest.approx(6 / 7, rel=1e-13)
    # by hand: a = b = (1, 2, 3), c = (3, 2, 1): variances 1, cov(a, b) = 1, the others -1;
    # sum(C) = 3 - 2 = 1, trace 3: alpha = 3/2 (1 - 3/1) = -3 (the text column is skipped)
    three = pd.DataFrame({"name": list("uvw"), "a": [1, 2, 3], "b": [1, 2, 3], "c": [3, 2, 1]})
    assert egdi.cronbach(three) == pytest.approx(-3, rel=1e-13)
    with pytest.raises(egdi.InvalidArgumentError, match="2 or more"):   # a ValueError
        egdi.cronbach(three[["name", "a"]])
    with pytest.raises(egdi.InvalidArgumentError, match=r"x and y: arrays of different "
                       r"lengths \(2 and 3\)"):
        egdi.correlation([1, 2], [1, 2, 3])
    with pytest.raises(egdi.NotFoundError):
        egdi.correlation([1, 2], [1, 2], "tau")


def test_get_stats_parity():
    df, idx = asem()
    got = egdi.describe(df, index=idx, code_column="uCode").set_index("code")
    want = pd.read_csv(os.path.join(STATS, "f_stats_raw.csv")).set_index("iCode")
    for c in want.columns:
        if c.startswith("Flag."):
            assert (got.loc[want.index, c] == want[c]).all(), c
        else:
            np.testing.assert_allclose(got.loc[want.index, c].to_numpy(np.float64), want[c],
                                       rtol=1e-9, err_msg=c)      # N.* are Int64


def test_correlations_parity_and_long():
    df, idx = asem()
    want = pd.read_csv(os.path.join(STATS, "f_corr_raw_spearman.csv")).set_index("iCode")
    corr, p = egdi.correlations(df, "spearman", index=idx, pvalues=True, code_column="uCode")
    np.testing.assert_allclose(corr.loc[want.index, want.columns], want, rtol=1e-9)
    assert (np.diag(p.to_numpy()) == 0).all()
    long = egdi.correlations(df, "spearman", index=idx, max_p=0.05, long=True,
                             code_column="uCode")
    assert list(long.columns) == ["Var1", "Var2", "correlation", "p_value"]
    assert len(long) == 49 * 49 and long["correlation"].isna().sum() == 1102


def test_parent_and_cronbach():
    df, idx = asem()
    agg = pd.read_csv(os.path.join(STATS, "c_example_aggregated.csv"))
    par = egdi.parent_correlations(agg, idx, code_column="uCode").set_index("code")
    want = pd.read_csv(os.path.join(STATS, "g_corr_nominal_level3_index.csv"))
    for _, w in want.iterrows():
        assert par.loc[w["Var2"], "correlation"] == pytest.approx(w["Correlation"], rel=1e-9)
        assert par.loc[w["Var2"], "parent"] == "Index"
    alpha = egdi.cronbach(df, idx, item_level=1, code_column="uCode").set_index("code")
    want = pd.read_csv(os.path.join(STATS, "f_cronbach_level2.csv")).set_index("Aggregate")
    np.testing.assert_allclose(alpha.loc[want.index, "alpha"], want["alpha_raw"], rtol=1e-9)
    assert (alpha.loc[want.index, "n_items"] == want["n_ind"]).all()


def test_counts_of_an_empty_column_are_nullable():
    # w has no value: 0 available, 5 missing, and the most frequent value's count (N.Same)
    # is not defined: <NA>, not NaN; z = {0, 0, _, 2, 2}: 2 zeros, 2 distinct, 1 missing
    df = pd.DataFrame({"code": list("abcde"), "z": [0, 0, np.nan, 2, 2.0], "w": [np.nan] * 5})
    t = egdi.describe(df).set_index("code")
    assert t.loc["w", ["N.Avail", "N.Missing", "N.Zero"]].tolist() == [0, 5, 0]
    assert t.loc["w", "N.Same"] is pd.NA and str(t["N.Same"].dtype) == "Int64"
    assert t.loc["z", ["N.Avail", "N.NonZero", "N.Unique", "N.Same", "N.Missing", "N.Zero"]
                 ].tolist() == [4, 2, 2, 2, 1, 2]
    assert np.isnan(t.loc["w", "Mean"]) and t.loc["z", "Frc.Avail"] == 0.8


def test_plain_frame():
    df = pd.DataFrame({"code": list("abcde"), "x": [1, 2, 3, 4, 10.0],
                       "y": [2, 4, 5, 4, 5.0], "g": list("ppqqq")})
    t = egdi.describe(df).set_index("code")
    assert list(t.index) == ["x", "y"]                       # the label column is skipped
    # counts as nullable integers: y = {2, 4, 5, 4, 5}: 5 values, 3 distinct, 4 and 5 twice
    counts = ["N.Avail", "N.NonZero", "N.Unique", "N.Same", "N.Missing", "N.Zero"]
    assert all(str(t[c].dtype) == "Int64" for c in counts)
    assert t.loc["y", counts].tolist() == [5, 5, 3, 2, 0, 0]
    others = [c for c in t.columns if c not in counts + ["name"]]
    assert all(t[c].dtype == (object if c.startswith("Flag.") else np.float64) for c in others)
    assert t.loc["x", "Kurt"] == pytest.approx(3.152, rel=1e-12)
    c = egdi.correlations(df, columns=["x"], with_columns=["x", "y"])
    assert c.shape == (1, 2) and c.loc["x", "x"] == pytest.approx(1)

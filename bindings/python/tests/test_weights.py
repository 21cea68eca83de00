"""Weights from Python (egdi.weights), on the cases of tests/analysis/test_weights.c
(derivations there) and COINr's effective weights."""
import math
import os

import numpy as np
import pandas as pd
import pytest

import egdi

HERE = os.path.dirname(os.path.abspath(__file__))
ASEM = os.path.join(HERE, "..", "..", "..", "tests", "golden", "coinr-asem")


def small():
    idx = egdi.Index()
    idx.add_aggregate("I")
    idx.add_indicator("x", parent="I")
    idx.add_indicator("y", parent="I")
    df = pd.DataFrame({"code": ["U1", "U2", "U3", "U4"], "x": [1.0, 2, 3, 4],
                       "y": [2.0, 1, 4, 3]})
    return idx, df


def test_table_and_set():
    # R -> A (1), B (3): effective A = 1/4, B = 3/4; B -> b1 (1), b2 (1) -> 3/8 each
    idx = egdi.Index()
    idx.add_aggregate("R")
    idx.add_aggregate("A", parent="R", weight=1)
    idx.add_aggregate("B", parent="R", weight=3)
    idx.add_indicator("a1", parent="A")
    idx.add_indicator("b1", parent="B")
    idx.add_indicator("b2", parent="B")
    t = egdi.weights_table(idx).set_index("code")
    assert t.loc["b1", "effective"] == pytest.approx(0.375, abs=1e-15)
    assert t.loc["B", "rescaled"] == pytest.approx(0.75, abs=1e-15)
    assert t.loc["B", "parent"] == "R" and t.loc["R", "level"] == 3
    egdi.set_weights(idx, {"B": 1})
    assert egdi.weights_table(idx).set_index("code").loc["b1", "effective"] == 0.25
    with pytest.raises(egdi.IndexDefinitionError):
        egdi.set_weights(idx, {"b1": 0, "b2": 0})
    with pytest.raises(egdi.NotFoundError):
        egdi.set_weights(idx, {"nope": 1})


def test_coinr_effective_weights():
    idx = egdi.Index.from_csv(os.path.join(ASEM, "input_ASEM_iMeta.csv"))
    ref = pd.read_csv(os.path.join(ASEM, "f_eff_weights.csv")).set_index("iCode")
    t = egdi.weights_table(idx).set_index("code")
    np.testing.assert_allclose(t.loc[ref.index, "effective"], ref["EffWeight"], rtol=1e-9)


def test_pca_and_entropy_by_hand():
    rot, var = egdi.pca(np.array([[1.0, 2], [2, 1], [3, 4], [4, 3], [np.nan, 7]]))
    h = 1 / math.sqrt(2)
    np.testing.assert_allclose(rot.to_numpy(), [[h, h], [h, -h]], atol=1e-14)
    np.testing.assert_allclose(var["sd"], [math.sqrt(1.6), math.sqrt(0.4)], atol=1e-14)
    assert list(var["rows"]) == [4, 4]
    with pytest.raises(egdi.DomainError, match="constant"):
        egdi.pca(np.array([[1.0, 5], [2, 5], [3, 5], [4, 5]]))
    e = egdi.entropy(pd.DataFrame({"a": [1.0, 1, 1], "b": [0.0, 0, 3]}))
    assert list(e["weight"]) == [0, 1]
    with pytest.raises(egdi.DomainError):
        egdi.entropy(pd.DataFrame({"a": [1.0, -1, 1], "b": [0.0, 0, 3]}))


def test_index_methods():
    idx, df = small()
    res = egdi.pca_weights(idx, df)
    assert list(res.weights.index) == ["x", "y"]
    np.testing.assert_allclose(res.weights, [1 / math.sqrt(2)] * 2, atol=1e-14)
    assert res.variance.loc["I.PC1", "variance"] == pytest.approx(0.8, abs=1e-14)
    ent = egdi.entropy_weights(idx, df)
    np.testing.assert_allclose(ent["weight"], [0.5, 0.5], atol=1e-15)
    # targets (2, 1) cannot be met: best is all weight on x, share 0.625
    opt = egdi.optimise_weights(idx, df, level=1, targets=[2, 1], start=[1, 1],
                                tolerance=1e-8)
    assert opt.report["converged"]
    assert opt.report["objective"] == pytest.approx(math.log(1 / 576), abs=1e-6)
    assert opt.weights["x"] == pytest.approx(1, abs=1e-4)
    assert opt.details.loc["x", "share"] == pytest.approx(0.625, abs=1e-5)
    with pytest.raises(ValueError):
        egdi.optimise_weights(idx, df, level=1, goal="nope")
    # targets by code: the same answer as in node order; a code that is no node of the
    # index is an error naming it (it used to be dropped without a word)
    by_code = egdi.optimise_weights(idx, df, level=1, targets={"y": 1, "x": 2}, start=[1, 1],
                                    tolerance=1e-8)
    assert by_code.weights["x"] == pytest.approx(1, abs=1e-4)
    with pytest.raises(egdi.NotFoundError, match="no node 'zz'"):
        egdi.optimise_weights(idx, df, level=1, targets={"x": 2, "y": 1, "zz": 5})

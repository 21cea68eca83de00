"""Plan/Evaluation (experimental): repeated evaluation gives exactly what a fresh
computation of the changed index or data gives (compared bit for bit with
array_equal: the same C kernels run on the same numbers, so no tolerance)."""
import gc
import threading

import numpy as np
import pandas as pd
import pytest

import egdi
from conftest import un_file


def custom_index():
    # top = mean(a, sub); sub = mean(b, c). a: min-max; b: z-score after mean
    # imputation; c: direction -1, capped at 0.9, min-max onto [0, 100].
    idx = egdi.Index()
    idx.add_aggregate("top")
    idx.add_indicator("a", parent="top", weight=2, normalization="minmax")
    idx.add_aggregate("sub", parent="top", normalization="minmax")
    idx.add_indicator("b", parent="sub", normalization="zscore", imputation="mean")
    idx.add_indicator("c", parent="sub", direction=-1, caps=(None, 0.9),
                      normalization="minmax", params="lo=0 hi=100")
    return idx


def custom_data(n=500, seed=7):
    rng = np.random.default_rng(seed)
    b = rng.random(n)
    b[::17] = np.nan
    return pd.DataFrame({"code": [f"u{i}" for i in range(n)], "a": rng.random(n), "b": b,
                         "c": rng.random(n)})


def assert_same(got, want):
    assert np.array_equal(got, want, equal_nan=True)


def test_plan_exposes_nodes_and_units():
    idx, df = custom_index(), custom_data(5)
    plan = egdi.Plan(idx, df)
    assert plan.nodes == ["top", "a", "sub", "b", "c"]
    assert plan.units == ["u0", "u1", "u2", "u3", "u4"]
    assert plan.n_units == 5
    assert plan.node("sub") == 2 and plan.node(4) == 4 and plan.unit("u3") == 3
    with pytest.raises(egdi.NotFoundError, match="no node 'zzz' in the index"):
        plan.node("zzz")
    with pytest.raises(egdi.NotFoundError):
        plan.unit("nobody")
    with pytest.raises(egdi.NotFoundError, match="indicator 'a'"):
        egdi.Plan(idx, df.drop(columns="a"))                 # resolved when the plan is made


def test_first_run_equals_index_compute():
    idx, df = custom_index(), custom_data()
    ev = egdi.Plan(idx, df).evaluation()
    ev.run()
    want = idx.compute(df)
    for node in idx.nodes:
        assert_same(ev.scores(node), want[node].to_numpy())
    raw = idx.compute(df, raw=True)
    assert_same(ev.stage("sub", "treated"), raw["sub"].to_numpy())
    assert_same(ev.stage("a", "input"), df["a"].to_numpy())
    _, flags = idx.compute(df, imputed=True)
    assert_same(ev.imputed("b"), flags["b"].to_numpy())
    assert ev.imputed("b").sum() == 30                   # every 17th of 500: 0, 17, .., 493


def test_weight_changes_equal_a_fresh_compute_of_the_changed_index():
    idx, df = custom_index(), custom_data()
    ev = idx.plan(df).evaluation()
    ev.run()
    for code, w in [("a", 0.5), ("c", 3.0), ("sub", 0.0), ("sub", 1.25)]:
        ev.set_weight(code, w)
        idx.set_weight(code, w)
        assert ev.weight(code) == w
        ev.run()
        want = idx.compute(df)
        for node in ("top", "sub"):
            assert_same(ev.scores(node), want[node].to_numpy())


def test_value_changes_equal_a_fresh_compute_of_the_changed_data():
    # a changed value moves the statistics of its indicator's imputation and
    # normalisation: the whole column and everything above it must follow
    idx, df = custom_index(), custom_data()
    ev = egdi.Plan(idx, df).evaluation()
    ev.run()
    changes = [("u3", "b", 5.0), (10, "a", -2.0), ("u17", "b", 0.25), ("u4", "c", np.nan),
               ("u0", "b", np.nan)]
    for unit, node, v in changes:
        ev.set_value(unit, node, v)
        row = unit if isinstance(unit, int) else int(unit[1:])
        df.loc[row, node] = v
    ev.run()
    want, flags = idx.compute(df, imputed=True)
    for node in idx.nodes:
        assert_same(ev.scores(node), want[node].to_numpy())
    assert_same(ev.imputed("b"), flags["b"].to_numpy())
    assert ev.imputed("b")[0] and not ev.imputed("b")[17]


def test_whole_column_equals_a_fresh_compute():
    # set_values replaces an indicator's input for every unit in one call
    idx, df = custom_index(), custom_data()
    ev = egdi.Plan(idx, df).evaluation()
    new_b = np.linspace(0.0, 1.0, len(df))
    new_b[::5] = np.nan
    ev.set_values("b", new_b)
    ev.run()
    df["b"] = new_b
    want = idx.compute(df)
    for node in idx.nodes:
        assert_same(ev.scores(node), want[node].to_numpy())
    with pytest.raises(egdi.InvalidArgumentError, match="499 values for 500 units"):
        ev.set_values("b", new_b[1:])


def test_rank_matches_egdi_rank():
    df = egdi.read_un_csv(un_file(2024))
    ev = egdi.Plan(egdi.Index.survey(2024), df).evaluation()
    ev.set_weight("tii", 0.5)
    ev.run()
    scores = ev.scores("egdi")
    for decimals in (None, 0, 2, 5):
        want = egdi.rank(scores, decimals=decimals)
        got = ev.rank("egdi", decimals=decimals)
        assert got.dtype == np.intc
        assert_same(got, want)


def test_stale_access_before_run_raises():
    idx, df = custom_index(), custom_data(20)
    ev = egdi.Plan(idx, df).evaluation()
    with pytest.raises(egdi.InvalidArgumentError, match="never computed"):
        ev.scores("top")                                     # before the first run
    ev.run()
    ev.scores("top")
    ev.set_weight("c", 2)
    for read in (lambda: ev.scores("top"), lambda: ev.rank("sub"),
                 lambda: ev.stage("top", "treated")):
        with pytest.raises(egdi.InvalidArgumentError,
                           match=r"node '(top|sub)' has changed since the last egdi_eval_run\(\)"):
            read()
    ev.scores("a")                                           # untouched: still current
    with pytest.raises(egdi.InvalidArgumentError, match="aggregate"):
        ev.stage("top", "input")
    with pytest.raises(ValueError, match="stage must be one of"):
        ev.stage("a", "normalised")
    ev.reset()                                               # back to the plan's weights
    assert ev.weight("c") == 1
    with pytest.raises(egdi.InvalidArgumentError):
        ev.scores("a")                                       # reset: everything is recomputed
    with pytest.raises(egdi.RangeError, match="node 9 out of range"):
        ev.set_weight(9, 1.0)
    with pytest.raises(egdi.RangeError, match="negative"):
        ev.set_weight(-1, 1.0)
    with pytest.raises(egdi.InvalidArgumentError, match="weight -1 must be finite and >= 0"):
        ev.set_weight("a", -1)


def test_evaluation_keeps_its_plan_alive():
    idx, df = custom_index(), custom_data(50)
    ev = egdi.Plan(idx, df).evaluation()                    # the plan has no other reference
    gc.collect()
    ev.run()
    assert_same(ev.scores("top"), idx.compute(df)["top"].to_numpy())
    assert isinstance(ev.plan, egdi.Plan)


def test_two_threads_share_one_plan():
    # Each thread has its own Evaluation of one Plan and its own weight sequence;
    # the GIL is released inside libegdi, so the runs overlap. Every result must
    # equal, bit for bit, the same sequence run alone in this thread.
    rng = np.random.default_rng(3)
    n = 20_000
    df = pd.DataFrame({"code": [f"u{i}" for i in range(n)], "osi": rng.random(n),
                       "tii": rng.random(n), "hci": rng.random(n)})
    plan = egdi.Plan(egdi.Index.survey(2024), df)
    sequences = [rng.uniform(0.1, 0.6, size=(40, 3)) for _ in range(2)]

    def replay(ev, weights, out, barrier=None):
        if barrier is not None:
            barrier.wait()
        for w in weights:
            for code, v in zip(("osi", "tii", "hci"), w):
                ev.set_weight(code, v)
            ev.run()
            out.append((ev.scores("egdi"), ev.rank("egdi", decimals=5)))

    want = []
    for weights in sequences:
        out = []
        replay(plan.evaluation(), weights, out)
        want.append(out)

    got, errors = [[], []], []
    barrier = threading.Barrier(2)

    def work(k):
        try:
            replay(plan.evaluation(), sequences[k], got[k], barrier)
        except Exception as e:      # surfaced below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    for k in range(2):
        assert len(got[k]) == len(want[k]) == 40
        for (s, r), (s0, r0) in zip(got[k], want[k]):
            assert np.array_equal(s, s0) and np.array_equal(r, r0)
    # and the two sequences did give different results
    assert not np.array_equal(got[0][-1][0], got[1][-1][0])

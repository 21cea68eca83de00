"""egdi.run_pipeline, set_treatment, set_denominator against COINr 1.1.14's full
example build on ASEM (tests/golden/coinr-asem/, a copy of
/work/shared/reference/coinr-asem/; README part c):

    Denominate(Raw) -> Impute(i_mean_grp, EurAsia_group) -> Screen(Imputed, byNA, 0.9)
    -> Treat(Screened, winmax = 5) -> Normalise(n_minmax, 0..100) -> Aggregate(a_amean)

COINr's files: c_example_index_ranks.csv (Index score and rank of the 51 units),
c_example_treat_details.csv (15 indicators winsorised, 1-4 points each),
c_example_treated_points.csv (34 "winhi" + 1 "winlo"), c_example_screen_summary.csv;
c3_screen_raw_summary.csv (the screen of the raw data drops BGD BRN KHM LAO MMR).
Tolerance: 1e-9 relative (1e-12 absolute where COINr's value is 0); counts, flags and
labels exactly. Units are matched by code (COINr sorts them by uCode).
"""
import gc
import os
import sys

import numpy as np
import pandas as pd
import pytest

import egdi
from egdi import _egdi
from conftest import ROOT

ASEM = os.path.join(ROOT, "tests", "golden", "coinr-asem")
REL = 1e-9


def asem(name):
    return os.path.join(ASEM, name)


def ref(name, key):
    return pd.read_csv(asem(name), keep_default_na=True).set_index(key)


@pytest.fixture(scope="module")
def data():
    df = pd.read_csv(asem("input_ASEM_iData.csv"))
    return df.rename(columns={"uCode": "code", "uName": "name"})


@pytest.fixture(scope="module")
def imeta():
    return pd.read_csv(asem("input_ASEM_iMeta.csv"))


def example_index(tmp_path_factory, imeta):
    """ASEM's iMeta with group-mean imputation by EurAsia_group on every indicator and
    COINr's default min-max 0..100 (the arithmetic mean is libegdi's default)."""
    meta = imeta.copy()
    ind = meta["Type"] == "Indicator"
    meta["Imputation"] = np.where(ind, "groupmean", "")
    meta["ImputeGroup"] = np.where(ind, "EurAsia_group", "")
    meta = meta.drop(columns="Denominator")
    path = tmp_path_factory.mktemp("imeta") / "asem_imputed.csv"
    meta.to_csv(path, index=False)
    return egdi.Index.from_csv(path, normalisation="minmax lo=0 hi=100")


@pytest.fixture(scope="module")
def index(tmp_path_factory, imeta):
    return example_index(tmp_path_factory, imeta)


@pytest.fixture(scope="module")
def example(index, data, imeta):
    """COINr's build_example_coin(): the denominators from the iMeta table (COINr's
    denomby), winsorisation with winmax 5 on every indicator, the screen after
    imputation at 0.9."""
    idx = index.copy()
    egdi.set_treatment(idx, None, "winsorise", winmax=5)
    return egdi.run_pipeline(idx, data, denominate=imeta, screen=0.9, screen_on="imputed")


def assert_close(got, want, what):
    got, want = np.asarray(got, dtype=float), np.asarray(want, dtype=float)
    assert got.shape == want.shape, what
    assert (np.isnan(got) == np.isnan(want)).all(), what
    ok = ~np.isnan(want)
    tol = np.where(want[ok] == 0, 1e-12, REL * np.abs(want[ok]))
    bad = np.abs(got[ok] - want[ok]) > tol
    assert not bad.any(), f"{what}: {got[ok][bad][:5]} vs COINr {want[ok][bad][:5]}"


def test_example_build_index_and_ranks(example):
    want = ref("c_example_index_ranks.csv", "uCode")
    s = example.scores.set_index("code")
    assert len(s) == 51                               # screened after imputation: all kept
    assert_close(s.loc[want.index, "Index"], want["Score"], "Index")
    assert (s.loc[want.index, "Index_rank"].to_numpy() == want["Rank"].to_numpy()).all()
    # every node of COINr's Aggregated data set, not just the Index
    agg = ref("c_example_aggregated.csv", "uCode")
    for node in agg.columns:
        assert_close(s.loc[agg.index, node], agg[node], node)
    assert s.loc["AUT", "Index_rank"] == 7            # c_example_index_ranks: AUT 61.9018 -> 7
    assert str(s["Index_rank"].dtype) == "Int64"


def test_example_build_treatment(example):
    det = ref("c_example_treat_details.csv", "iCode")
    t = example.treatment.set_index("indicator")
    assert len(t) == 49 and (t["treatment"] == "winsorise").all()
    win = t.index[t["winsorise.nwin"].notna().to_numpy(bool)]
    want_win = det.index[det["winsorise.nwin"].notna()]
    assert sorted(win) == sorted(want_win) and len(win) == 15
    assert (t.loc[want_win, "winsorise.nwin"].to_numpy()
            == det.loc[want_win, "winsorise.nwin"].to_numpy()).all()
    assert_close(t.loc[det.index, "check0.Skew"], det["check_SkewKurt0.Skew"], "skew before")
    assert_close(t.loc[det.index, "check0.Kurt"], det["check_SkewKurt0.Kurt"], "kurt before")
    assert_close(t.loc[want_win, "check1.Skew"], det.loc[want_win, "check_SkewKurt1.Skew"],
                 "skew after")
    assert_close(t.loc[want_win, "check1.Kurt"], det.loc[want_win, "check_SkewKurt1.Kurt"],
                 "kurt after")
    assert (t.loc[det.index, "check0.Pass"].to_numpy(bool)
            == det["check_SkewKurt0.Pass"].to_numpy(bool)).all()
    assert (t.loc[want_win, "check1.Pass"].to_numpy(bool)
            == det.loc[want_win, "check_SkewKurt1.Pass"].to_numpy(bool)).all()
    assert not t["log"].any()                         # none needed the log transform
    assert t["check2.Pass"].isna().all()
    # Flights: skew 2.2436, kurt 6.298 fails; one point pulled down, then 1.754 / 3.247 passes
    assert t.loc["Flights", "winsorise.nwin"] == 1 and t.loc["Flights", "check1.Pass"]


def test_example_build_treated_points(example):
    want = pd.read_csv(asem("c_example_treated_points.csv"), keep_default_na=False)
    want = want.set_index("uCode")
    got = example.treated_points.set_index("code")
    assert (got.index.sort_values() == want.index.sort_values()).all()
    labels = got.loc[want.index, want.columns]
    assert (labels.to_numpy() == want.to_numpy()).all()
    counts = pd.Series(labels.to_numpy().ravel()).value_counts()
    assert counts["winhi"] == 34 and counts["winlo"] == 1 and counts.sum() - counts[""] == 35
    assert example.treatment["points"].sum() == 35


def test_names_are_the_units_names(example, data, index):
    """imputed and treated_points name units as scores and data do (uName of the iData:
    AUT "Austria", KOR "Korea"), not by their codes; also without a code column, where
    the names are the codes, and after a screen that drops units."""
    want = dict(zip(data["code"], data["name"]))
    assert want["AUT"] == "Austria" and want["KOR"] == "Korea"
    for table in (example.imputed, example.treated_points, example.scores, example.data):
        assert list(table["name"]) == [want[c] for c in table["code"]]
    assert example.imputed.loc[example.imputed["code"] == "AUT", "name"].item() == "Austria"
    r = egdi.run_pipeline(index, data, screen=0.9, screen_on="input")     # 46 of 51 kept
    assert len(r.imputed) == 46 and "BGD" not in set(r.imputed["code"])
    for table in (r.imputed, r.treated_points):
        assert list(table["name"]) == [want[c] for c in table["code"]]
    by_name = egdi.run_pipeline(index, data.drop(columns="code"), screen=0.9, screen_on="input")
    kept = list(r.imputed["name"])
    for table in (by_name.imputed, by_name.treated_points):
        assert list(table["name"]) == kept and list(table["code"]) == kept


def test_example_build_screen_summary(example):
    want = ref("c_example_screen_summary.csv", "uCode")
    s = example.screen.set_index("code").loc[want.index]
    for c in ("N_missing", "N_zero", "N_miss_or_zero"):
        assert (s[c].to_numpy() == want[c].to_numpy()).all(), c
    for c in ("Dat_Avail", "Non_Zero"):
        assert_close(s[c], want[c], c)
    for c in ("LowData", "LowNonZero", "LowDatOrZeroFlag", "Included"):
        assert s[c].dtype == bool and (s[c].to_numpy() == want[c].to_numpy()).all(), c
    assert (s["Forced"] == 0).all()
    assert len(example.kept) == 51


def test_denominators_as_mapping_and_set_denominator(index, data, example):
    """The 17 denominators of c_example_denominators.csv as a dict, and set one by one on
    the index, give the same Index as the iMeta table."""
    den = pd.read_csv(asem("c_example_denominators.csv"))
    mapping = dict(zip(den["iCode"], den["Denominator"]))
    assert len(mapping) == 17
    idx = index.copy()
    egdi.set_treatment(idx, None, "winsorise", winmax=5)
    a = egdi.run_pipeline(idx, data, denominate=mapping, screen=0.9)
    for code, column in mapping.items():
        egdi.set_denominator(idx, code, column)
    b = egdi.run_pipeline(idx, data, screen=0.9)
    for r in (a, b):
        assert_close(r.scores["Index"], example.scores["Index"], "Index")
    # denominate=False drops them: Flights is then the raw thousand seats (AUT 29.017)
    c = egdi.run_pipeline(idx, data, denominate=False, treat=False)
    raw = egdi.run_pipeline(index, data)
    assert_close(c.scores["Index"], raw.scores["Index"], "no denominators, no treatment")
    assert not np.allclose(c.scores["Index"], b.scores["Index"])
    # the caller's index is left as it was: its denominators and treatment
    h = idx._handle()
    assert _egdi.egdi_index_node_denominator(h, _egdi.egdi_index_find_node(h, "Flights")) \
        == "Population"
    assert egdi.get_treatment(idx, "Flights") == ("winsorise", pytest.approx(
        {"winmax": 5, "skew": 2, "kurt": 3.5, "force": 0}))


def test_treat_text_equals_set_treatment(index, data, imeta, example):
    r = egdi.run_pipeline(index, data, denominate=imeta, treat="winsorise winmax=5",
                          screen=0.9)
    assert_close(r.scores["Index"], example.scores["Index"], "Index")
    assert egdi.get_treatment(index, "Flights") == ("none", {})   # index not modified


def test_c2_winmax_one_uses_the_log(index, data, imeta):
    """c2: winmax 1: 15 fail, 4 pass after one point, 11 log-transformed of which
    ForPort and CultServ still fail after the log."""
    det = ref("c2_winmax1_treat_details.csv", "iCode")
    r = egdi.run_pipeline(index, data, denominate=imeta, treat="winsorise winmax=1")
    t = r.treatment.set_index("indicator")
    logged = sorted(t.index[t["log"].to_numpy(bool)])
    assert logged == sorted(det.index[det["check_SkewKurt2.Pass"].notna()]) and len(logged) == 11
    assert_close(t.loc[logged, "check2.Skew"], det.loc[logged, "check_SkewKurt2.Skew"], "skew2")
    assert sorted(t.index[t["check2.Pass"].eq(False).fillna(False).to_numpy(bool)]) == [
        "CultServ", "ForPort"]
    points = pd.read_csv(asem("c2_winmax1_treated_points.csv"), keep_default_na=False)
    points = points.set_index("uCode")
    got = r.treated_points.set_index("code").loc[points.index, points.columns]
    assert (got.to_numpy() == points.to_numpy()).all()


def test_c3_screen_on_input_drops_five(index, data):
    want = ref("c3_screen_raw_summary.csv", "uCode")
    r = egdi.run_pipeline(index, data, denominate=False, treat=False, screen=0.9,
                          screen_on="input")
    dropped = sorted(r.screen.loc[~r.screen["Included"], "code"])
    assert dropped == ["BGD", "BRN", "KHM", "LAO", "MMR"]
    s = r.screen.set_index("code").loc[want.index]
    assert (s["N_missing"].to_numpy() == want["N_missing"].to_numpy()).all()
    assert_close(s["Dat_Avail"], want["Dat_Avail"], "Dat_Avail")
    assert (s["Included"].to_numpy() == want["Included"].to_numpy()).all()
    assert len(r.scores) == 46 and "BGD" not in set(r.scores["code"])
    assert len(r.data) == 46 and len(r.treated_points) == 46
    # forced: BGD back in, AUT out
    f = egdi.run_pipeline(index, data, screen=0.9, screen_on="input", include=["BGD"],
                          exclude=["AUT"])
    s = f.screen.set_index("code")
    assert s.loc["BGD", "Included"] and s.loc["BGD", "Forced"] == 1 and s.loc["BGD", "LowData"]
    assert not s.loc["AUT", "Included"] and s.loc["AUT", "Forced"] == -1
    assert len(f.scores) == 46 and "BGD" in f.kept and "AUT" not in f.kept


def test_screen_zeros(index, data):
    """byzeros: Non_Zero = 1 - N_zero / (49 - N_missing); a threshold of 0.95 drops the
    units with 3 or more zeros among 49 values (AUS: 46/49 = 0.9388 < 0.95)."""
    r = egdi.run_pipeline(index, data, screen_zeros=0.95, screen_on="input")
    s = r.screen.set_index("code")
    assert s.loc["AUS", "Non_Zero"] == pytest.approx(46 / 49, rel=1e-12)
    assert not s.loc["AUS", "Included"] and s.loc["AUS", "LowNonZero"]
    assert s.loc["AUT", "Included"]                     # 2 zeros: 47/49 = 0.959
    expect = (s["Non_Zero"] >= 0.95).to_numpy()
    assert (s["Included"].to_numpy() == expect).all() and 0 < expect.sum() < 51
    # every unit's Non_Zero from the input data by pandas, not from the screen itself
    values = data.set_index("code")[index.indicators]
    hand = 1 - (values == 0).sum(axis=1) / values.notna().sum(axis=1)
    np.testing.assert_allclose(s.loc[hand.index, "Non_Zero"], hand, rtol=1e-12, atol=0)
    assert (s.loc[hand.index, "Included"] == (hand >= 0.95)).all()
    both = egdi.run_pipeline(index, data, screen=0.9, screen_zeros=0.95, screen_on="input")
    assert set(both.kept) == set(r.kept) - {"BGD", "BRN", "KHM", "LAO", "MMR"}


def test_errors_carry_the_library_message(index, data):
    with pytest.raises(egdi.NotFoundError, match="XXX"):
        egdi.run_pipeline(index, data, screen=0.9, exclude=["XXX"])
    with pytest.raises(egdi.InvalidArgumentError, match="AUT"):
        egdi.run_pipeline(index, data, screen=0.9, include=["AUT"], exclude=["AUT"])
    with pytest.raises(egdi.InvalidArgumentError, match="0..1"):
        egdi.run_pipeline(index, data, screen=1.5)
    with pytest.raises(egdi.DataError, match="no unit"):
        egdi.run_pipeline(index, data, screen=0.9, screen_on="input",
                          exclude=list(data["code"]))
    with pytest.raises(egdi.IndexDefinitionError, match="bogus"):
        egdi.set_treatment(index.copy(), None, "bogus")
    with pytest.raises(egdi.IndexDefinitionError):
        egdi.set_treatment(index.copy(), "Flights", "winsorise", nosuch=1)
    with pytest.raises(egdi.IndexDefinitionError, match="Conn"):
        egdi.set_treatment(index.copy(), "Conn", "winsorise")
    with pytest.raises(egdi.NotFoundError, match="NoSuchColumn"):
        egdi.run_pipeline(index, data, denominate={"Flights": "NoSuchColumn"})
    zero = data.copy()
    zero.loc[zero["code"] == "AUT", "Population"] = 0.0
    with pytest.raises(egdi.DomainError, match="AUT"):
        egdi.run_pipeline(index, zero, denominate={"Flights": "Population"})
    with pytest.raises(ValueError, match="screen_on"):
        egdi.run_pipeline(index, data, screen_on="raw")
    with pytest.raises(TypeError):
        egdi.run_pipeline(index, data, include="AUT")
    with pytest.raises(TypeError):
        egdi.run_pipeline(index, data, include=[1])


def test_low_level_wrapping(index, data):
    """The handle, the borrowed result and data, and the info out-parameters as dicts."""
    idx = index.copy()
    egdi.set_treatment(idx, None, "winsorise", winmax=5)
    egdi.set_denominator(idx, "Flights", "Population")
    assert _egdi.egdi_index_node_denominator(idx._handle(),
                                             _egdi.egdi_index_find_node(idx._handle(),
                                                                        "Flights")) == "Population"
    ds = egdi._frames.to_dataset(data)
    pl = _egdi.egdi_py_pipeline_run(idx._handle(), ds, _egdi.EGDI_SCREEN_BY_NA, 0.9, np.nan,
                                    _egdi.EGDI_SCREEN_INPUT, None, None)
    assert _egdi.egdi_pipeline_n_screened(pl) == 51
    u = _egdi.egdi_pipeline_screen_unit(pl, 0)         # AUT, the input's first row
    assert u["code"] == "AUT" and u["included"] and u["forced"] == 0
    res = _egdi.egdi_pipeline_result(pl)
    kept = _egdi.egdi_pipeline_data(pl)
    del pl
    gc.collect()                                       # the borrowed proxies keep it alive
    n = _egdi.egdi_result_n_units(res)
    assert n == 46 and _egdi.egdi_dataset_n_units(kept) == 46
    pts = np.zeros(n, dtype=np.intc)
    info = _egdi.egdi_result_get_treatment(res, "Flights", pts)
    assert info["method"] == "winsorise" and info["checked"][0]
    assert info["n_points"] == np.count_nonzero(pts)
    assert _egdi.egdi_result_get_treatment(res, "LPI", None)["pass"][0] is True
    with pytest.raises(egdi.InvalidArgumentError, match="Conn"):
        _egdi.egdi_result_get_treatment(res, "Conn", None)
    with pytest.raises(egdi.RangeError):
        _egdi.egdi_pipeline_screen_unit(res._pipeline, 99)


def test_no_leak(index, data):
    """10,000 pipeline runs and reports on a small index do not grow the process."""
    small = egdi.Index()
    small.add_aggregate("Index")
    for c in ("LPI", "Flights", "Ship"):
        small.add_indicator(c, "Index", normalization="minmax", params={"lo": 0, "hi": 100})
    egdi.set_treatment(small, None, "winsorise")
    df = data[["code", "name", "LPI", "Flights", "Ship"]]
    include = ["AUT"]
    refs = sys.getrefcount(include), sys.getrefcount(include[0])
    ds = egdi._frames.to_dataset(df)

    def once():
        pl = _egdi.egdi_py_pipeline_run(small._handle(), ds, _egdi.EGDI_SCREEN_BY_NA, 0.9,
                                        np.nan, 0, include, None)
        res = _egdi.egdi_pipeline_result(pl)
        _egdi.egdi_result_treatment_table(res)
        _egdi.egdi_result_treated_points(res)
        _egdi.egdi_pipeline_screen_table(pl)
        _egdi.egdi_pipeline_screen_unit(pl, 0)
        _egdi.egdi_result_get_treatment(res, "Flights", None)
        try:
            _egdi.egdi_py_pipeline_run(small._handle(), ds, 1, 0.9, np.nan, 0, None, ["XXX"])
        except egdi.NotFoundError:
            pass

    def rss():
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")

    for _ in range(200):
        once()
    gc.collect()
    objects, before = len(gc.get_objects()), rss()
    for _ in range(10_000):
        once()
    gc.collect()
    assert rss() - before < 2 * 1024 * 1024
    assert len(gc.get_objects()) - objects < 100
    assert (sys.getrefcount(include), sys.getrefcount(include[0])) == refs

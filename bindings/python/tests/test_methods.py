"""The method registry from Python: enumeration, names and parameters checked by
libegdi, imputation with its flags, MinShare, the array-level functions. Expected values are derived by hand
in the comments; tolerance 1e-12 (a few operations on small numbers) unless a
test says exact."""
import numpy as np
import pandas as pd
import pytest

import egdi


def frame(**columns):
    n = len(next(iter(columns.values())))
    return pd.DataFrame({"name": [f"u{i}" for i in range(n)], **columns})


def test_methods_table_comes_from_the_registry():
    m = egdi.methods()
    assert list(m.columns) == ["step", "name", "id", "summary", "parameters", "n_required",
                               "data_driven", "needs_positive", "uses_groups"]
    assert list(m["step"].unique()) == ["impute", "normalise", "aggregate"]   # step order
    by = m.set_index(["step", "name"])
    # the ids are the stable enum values of index.h
    assert by.loc[("normalise", "minmax"), "id"] == 2
    assert by.loc[("aggregate", "geomean"), "id"] == 1
    assert by.loc[("impute", "groupmedian"), "id"] == 4
    # parameters with their defaults; a required one has no "=default"
    assert by.loc[("normalise", "minmax"), "parameters"] == "lo=0 hi=1"
    # a keyword's default as its word
    assert by.loc[("normalise", "zscore"), "parameters"] == "mean=0 sd=1 sd_type=population"
    assert by.loc[("normalise", "log"), "parameters"] == "type=ct"
    assert by.loc[("normalise", "goalposts"), "parameters"] == "lo hi scale=1 trunc=1"
    assert by.loc[("normalise", "dist2ref"), "parameters"] == "ref cap_max=0"
    assert by.loc[("aggregate", "bod"), "parameters"] == "wmin=0 wmax=1 rmin=0 rmax=0"
    assert by.loc[("normalise", "log"), "id"] == 13
    assert by.loc[("aggregate", "bod"), "id"] == 8
    assert by.loc[("normalise", "goalposts"), "n_required"] == 2
    assert by.loc[("aggregate", "mean"), "parameters"] == ""
    assert by.loc[("aggregate", "geomean"), "needs_positive"]
    assert by.loc[("impute", "groupmean"), "uses_groups"]
    assert not by.loc[("impute", "mean"), "uses_groups"]
    assert list(egdi.methods(step="aggregate")["name"]) == ["mean", "geomean", "harmean",
                                                            "genmean", "median", "copeland",
                                                            "mpi", "ampi", "bod"]
    assert list(egdi.methods(step="normalise")["name"]) == [
        "none", "zscore", "minmax", "goalposts", "fracmax", "rank", "prank", "borda",
        "dist2max", "dist2ref", "dist2targ", "scaled", "boxcox", "log"]
    p = egdi.method_parameters("normalise", "goalposts")
    assert list(p["name"]) == ["lo", "hi", "scale", "trunc"]
    assert np.isnan(p.loc[0, "default"]) and p.loc[2, "default"] == 1
    assert p.loc[2, "lower"] == 0 and p.loc[2, "lower_open"]        # scale > 0


@pytest.mark.parametrize("params", [(0, 100), [0.0, 100.0], np.array([0, 100]),
                                    {"lo": 0, "hi": 100}, {"hi": 100}, "lo=0 hi=100",
                                    "0 100", "hi=100"])
def test_params_as_sequence_dict_or_text(params):
    # min-max onto [0, 100] of x = {1, 2, 3, 5}: (x - 1) / 4 * 100 = {0, 25, 50, 100};
    # "lo" defaults to 0 where it is left out. Exact: 25, 50 and 100 are representable.
    df = frame(x=[1.0, 2, 3, 5])
    out = egdi.Index().add_indicator("x", normalization="minmax", params=params).compute(df)
    np.testing.assert_array_equal(out["x"], [0, 25, 50, 100])


def test_goalposts_and_aggregation_params():
    # goalposts lo=0 hi=10 scale=100: x / 10 * 100 clipped to [0, 100]: {10, 20, 100}
    df = frame(x=[1.0, 2, 30], y=[4.0, 1, 2])
    idx = egdi.Index().add_aggregate("top", aggregation="geomean", aggregation_params=())
    idx.add_indicator("x", parent="top", normalization="goalposts",
                      params={"lo": 0, "hi": 10, "scale": 100})
    idx.add_indicator("y", parent="top")
    out = idx.compute(df)
    np.testing.assert_allclose(out["x"], [10, 20, 100], rtol=0, atol=1e-12)
    # weighted geometric mean, equal weights: sqrt(x * y) = {sqrt(40), sqrt(20), sqrt(200)}
    np.testing.assert_allclose(out["top"], np.sqrt([40, 20, 200]), rtol=0, atol=1e-12)


def test_unknown_names_and_parameters_raise_the_c_message():
    for step, call in [("normalise", lambda i: i.add_indicator("x", normalization="minmaxx")),
                       ("aggregate", lambda i: i.add_aggregate("t", aggregation="medain"))]:
        with pytest.raises(egdi.IndexDefinitionError) as e:
            call(egdi.Index())
        valid = "|".join(egdi.methods(step=step)["name"])     # every valid name is listed
        assert f"({valid})" in str(e.value)
    with pytest.raises(egdi.IndexDefinitionError) as e:
        egdi.Index().add_indicator("x", normalization="minmaxx")
    assert str(e.value) == ("node 'x': unknown normalise method 'minmaxx' "
                            "(none|zscore|minmax|goalposts|fracmax|rank|prank|borda|dist2max|"
                            "dist2ref|dist2targ|scaled|boxcox|log)")
    with pytest.raises(egdi.NotFoundError) as e:
        egdi.Index().add_indicator("x", imputation="average")
    assert str(e.value) == "no impute method 'average' (none|mean|median|groupmean|groupmedian)"
    with pytest.raises(egdi.IndexDefinitionError, match=r"node 'x': minmax has no parameter "
                                                        r"'bogus' \(lo, hi\)"):
        egdi.Index().add_indicator("x", normalization="minmax", params={"lo": 0, "bogus": 1})
    with pytest.raises(egdi.IndexDefinitionError, match="goalposts needs the parameter 'lo'"):
        egdi.Index().add_indicator("x", normalization="goalposts")
    with pytest.raises(egdi.IndexDefinitionError, match="minmax takes 0 to 2 parameters, not 3"):
        egdi.Index().add_indicator("x", normalization="minmax", params=[0, 1, 2])
    with pytest.raises(egdi.IndexDefinitionError, match="needs a group column"):
        egdi.Index().add_indicator("x", imputation="groupmean")
    with pytest.raises(egdi.IndexDefinitionError, match="takes no group column"):
        egdi.Index().add_indicator("x", imputation="mean", impute_group="region")


def test_keyword_and_unit_parameters_as_words():
    # x = {1, 2, 3}: sample sd 1, so zscore sd_type=sample gives x - 2 = {-1, 0, 1}, exact;
    # the word, its position and text are the same parameter
    df = frame(x=[1.0, 2, 3])
    for params in ({"sd_type": "sample"}, [0, 1, 1], [0, 1, "sample"], "sd_type=sample"):
        out = egdi.Index().add_indicator("x", normalization="zscore", params=params).compute(df)
        np.testing.assert_array_equal(out["x"], [-1, 0, 1])
    with pytest.raises(egdi.ParseError, match=r"'sampel' is not one of population\|sample"):
        egdi.Index().add_indicator("x", normalization="zscore", params={"sd_type": "sampel"})


def test_normalise_array():
    # minmax onto [0, 100] of {1, 2, 3, 5}: (x - 1) / 4 * 100, exact; with direction -1
    # the values are negated first: (5 - x) / 4 = {1, 0.75, 0.5, 0}, exact; NaN stays
    np.testing.assert_array_equal(egdi.normalise_array([1, 2, 3, 5], "minmax", (0, 100)),
                                  [0, 25, 50, 100])
    np.testing.assert_array_equal(
        egdi.normalise_array([1, 2, 3, 5, np.nan], "minmax", direction=-1),
        [1, 0.75, 0.5, 0, np.nan])
    # zscore with sd_type given by its position (1 = sample): {1, 2, 3} -> {-1, 0, 1}
    np.testing.assert_array_equal(egdi.normalise_array([1, 2, 3], "zscore", (0, 1, 1)),
                                  [-1, 0, 1])
    with pytest.raises(egdi.NotFoundError, match="no normalise method 'minmaxx'"):
        egdi.normalise_array([1, 2], "minmaxx")
    with pytest.raises(egdi.IndexDefinitionError, match="node 'array': minmax takes 0 to 2"):
        egdi.normalise_array([1, 2], "minmax", (0, 1, 2))


def test_aggregate_array():
    # rows are units, columns children: weighted mean with weights {3, 1}:
    # (3 * 1 + 4) / 4 = 1.75 and (3 * 2 + 8) / 4 = 3.5, exact; a missing child is left
    # out (weights renormalised): 1. Geometric mean: sqrt(1 * 4) = 2, sqrt(2 * 8) = 4.
    v = np.array([[1.0, 4], [2, 8], [1, np.nan]])
    np.testing.assert_array_equal(egdi.aggregate_array(v, "mean", weights=[3, 1]),
                                  [1.75, 3.5, 1])
    np.testing.assert_allclose(egdi.aggregate_array(v[:2], "geomean"), [2, 4], rtol=1e-15)
    with pytest.raises(ValueError, match="2-D"):
        egdi.aggregate_array([1.0, 2], "mean")


def test_impute_array():
    # median of {1, 3, 10} = 3 fills the gap; groups {0, 0, 1, 1, -1}: group means 1 and
    # 10, the unit without a group keeps its gap
    out, flags = egdi.impute_array([1, np.nan, 3, 10], "median")
    np.testing.assert_array_equal(out, [1, 3, 3, 10])
    assert flags.tolist() == [False, True, False, False]
    out, flags = egdi.impute_array([1, np.nan, 10, np.nan, np.nan], "groupmean",
                                   groups=[0, 0, 1, 1, -1])
    np.testing.assert_array_equal(out, [1, 1, 10, 10, np.nan])
    assert flags.tolist() == [False, True, False, True, False]
    with pytest.raises(egdi.InvalidArgumentError, match="needs the units' groups"):
        egdi.impute_array([1, np.nan], "groupmean")


def test_mean_and_median_imputation_with_flags():
    # mean of {1, 3} = 2 fills the gap; median of {1, 3, 10} = 3
    df = frame(x=[1.0, np.nan, 3], y=[1.0, np.nan, 3])
    scores, flags = (egdi.Index().add_indicator("x", imputation="mean").add_indicator("y")
                     .compute(df, imputed=True))
    np.testing.assert_array_equal(scores["x"], [1, 2, 3])          # exact: (1 + 3) / 2
    np.testing.assert_array_equal(scores["y"], [1, np.nan, 3])     # no imputation
    assert list(flags.columns) == ["name", "x", "y"]
    assert list(flags["x"]) == [False, True, False]
    assert list(flags["y"]) == [False, False, False]
    assert flags["x"].dtype == bool
    df = frame(x=[1.0, np.nan, 3, 10])
    out = egdi.Index().add_indicator("x", imputation="median").compute(df)
    np.testing.assert_array_equal(out["x"], [1, 3, 3, 10])


def test_group_imputation():
    # groups a = {1, NaN, 3} -> mean 2; b = {10, NaN, 20, 60} -> mean 30, median 20;
    # the unit without a group keeps its gap
    df = frame(x=[1.0, np.nan, 3, 10, np.nan, 20, 60, np.nan],
               region=["a", "a", "a", "b", "b", "b", "b", None])
    scores, flags = (egdi.Index().add_indicator("x", imputation="groupmean",
                                                impute_group="region")
                     .compute(df, imputed=True))
    np.testing.assert_array_equal(scores["x"], [1, 2, 3, 10, 30, 20, 60, np.nan])
    assert list(flags["x"]) == [False, True, False, False, True, False, False, False]
    out = egdi.Index().add_indicator("x", imputation="groupmedian",
                                     impute_group="region").compute(df)
    np.testing.assert_array_equal(out["x"], [1, 2, 3, 10, 20, 20, 60, np.nan])


@pytest.mark.parametrize("share, want", [(None, 1.0), (0, 1.0), (0.5, 1.0), (1, np.nan)])
def test_min_share(share, want):
    # top = mean of x and y. Unit 0 has x = 1 and no y: with MinShare 0 (the default)
    # or 0.5 (1 of 2 children is not below 0.5) top = x = 1; with 1 it is missing.
    # Unit 1 has both: (2 + 4) / 2 = 3 whatever the MinShare.
    df = frame(x=[1.0, 2], y=[np.nan, 4])
    idx = egdi.Index().add_aggregate("top", min_share=share)
    idx.add_indicator("x", parent="top").add_indicator("y", parent="top")
    np.testing.assert_array_equal(idx.compute(df)["top"], [want, 3])


def test_min_share_checked_by_libegdi():
    with pytest.raises(egdi.IndexDefinitionError, match=r"MinShare 1.5 is not in \[0, 1\]"):
        egdi.Index().add_aggregate("top", min_share=1.5)


def test_survey_compute_with_imputation():
    # osi of B missing. mean: osi(B) = (0.2 + 0.6 + 0.8) / 3 = 0.533..., EGDI(B) =
    # (0.5333.. + 0.5 + 0.5) / 3 = 0.5111...; groupmean by region: B is in r1 with A
    # only, osi(B) = 0.2, EGDI(B) = (0.2 + 0.5 + 0.5) / 3 = 0.4 (ties A, rank 3).
    df = pd.DataFrame({"name": list("ABCD"), "osi": [0.2, np.nan, 0.6, 0.8],
                       "tii": [0.5] * 4, "hci": [0.5] * 4, "region": ["r1", "r1", "r2", "r2"]})
    plain = egdi.compute(df, edition=2024)
    assert "imputed" not in plain.columns
    assert plain["rank"].isna().sum() == 1                 # B is not ranked without imputation
    out = egdi.compute(df, edition=2024, impute="mean").set_index("name")
    assert list(out.columns[:8]) == ["osi", "tii", "hci", "egdi", "rank", "group",
                                     "rating_class", "imputed"]
    assert out.loc["B", "egdi"] == pytest.approx((1.6 / 3 + 1) / 3, abs=1e-12)
    assert out["imputed"].to_dict() == {"A": "", "B": "osi", "C": "", "D": ""}
    assert list(out["rank"]) == [1, 2, 3, 4]               # D, C, B, A
    grp = egdi.compute(df, edition=2024, impute="groupmean", impute_group="region")
    grp = grp.set_index("name")
    assert grp.loc["B", "egdi"] == pytest.approx(0.4, abs=1e-12)
    assert grp.loc["B", "rank"] == grp.loc["A", "rank"] == 3
    assert grp.loc["B", "imputed"] == "osi"
    with pytest.raises(egdi.NotFoundError, match=r"no impute method 'avg' \(none\|mean"):
        egdi.compute(df, edition=2024, impute="avg")
    with pytest.raises(KeyError, match="no column 'zone' in the data or the country table"):
        egdi.compute(df, edition=2024, impute="groupmean", impute_group="zone")
    with pytest.raises(egdi.IndexDefinitionError, match="needs a group column"):
        egdi.compute(df, edition=2024, impute="groupmean")


def test_group_imputation_joins_the_country_table():
    # A Data Center file has no region column: it is joined from the bundled country
    # table, as egdi.group_averages and the tool do. Blank Italy's TII: its imputed TII
    # is the mean TII of the other European countries in the same file.
    from conftest import un_file
    df = egdi.read_un_csv(un_file(2022))
    europe = set(egdi.countries().query("region == 'Europe'")["name"])
    want = df[df["name"].isin(europe) & (df["name"] != "Italy")]["tii"].mean()
    df.loc[df["name"] == "Italy", "tii"] = np.nan
    out = egdi.compute(df, edition=2022, impute="groupmean", impute_group="region")
    italy = out.set_index("name").loc["Italy"]
    assert italy["tii"] == pytest.approx(want, rel=1e-12)
    assert italy["imputed"] == "tii"
    assert (out["imputed"] != "").sum() == 1

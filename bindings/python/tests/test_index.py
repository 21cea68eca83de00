"""Custom indices from Python, checked against values derived by hand."""
import math
import os

import numpy as np
import pandas as pd
import pytest

import egdi


def test_builder_matches_hand_values(tmp_path):
    # x = {1,2,3,6}: population z = (x - 3) / sqrt(3.5); y = {4,4,0,2} min-max with
    # direction -1: (4 - y) / 4 = {0, 0, 1, 0.5}. top = (2 z + y') / 3.
    df = pd.DataFrame({"name": ["a", "b", "c", "d"], "x": [1.0, 2, 3, 6], "y": [4.0, 4, 0, 2]})
    with egdi.Index() as idx:
        idx.add_aggregate("top")
        idx.add_indicator("x", parent="top", weight=2, normalization="zscore")
        idx.add_indicator("yy", parent="top", weight=1, source="y", direction=-1,
                          normalization="minmax")
        assert idx.nodes == ["top", "x", "yy"]
        out = idx.compute(df)
        z = (np.array([1, 2, 3, 6]) - 3) / math.sqrt(3.5)
        np.testing.assert_allclose(out["x"], z, atol=1e-12)
        np.testing.assert_allclose(out["yy"], [0, 0, 1, 0.5], atol=1e-12)
        np.testing.assert_allclose(out["top"], (2 * z + [0, 0, 1, 0.5]) / 3, atol=1e-12)
        raw = idx.compute(df, raw=True)
        np.testing.assert_allclose(raw["yy"], [-4, -4, 0, -2], atol=0)   # direction applied
        idx.to_csv(tmp_path / "meta.csv")
    again = egdi.Index.from_csv(tmp_path / "meta.csv")
    np.testing.assert_allclose(again.compute(df)["top"], out["top"], atol=1e-15)
    with pytest.raises(ValueError, match="closed"):
        idx.compute(df)


def test_caps_and_missing_values():
    # cap at 4 then min-max: {1,2,3,4} -> {0, 1/3, 2/3, 1}; a missing value stays missing
    df = pd.DataFrame({"name": list("abcde"), "x": [1.0, 2, 3, 6, np.nan]})
    idx = egdi.Index().add_indicator("x", normalization="minmax", caps=(None, 4))
    out = idx.compute(df)
    np.testing.assert_allclose(out["x"][:4], [0, 1 / 3, 2 / 3, 1], atol=1e-12)
    assert np.isnan(out["x"][4])


def test_survey_preset_tree():
    idx = egdi.Index.survey(2024, input="raw")
    assert idx.nodes[:3] == ["egdi", "osi", "tii"]
    assert "mean_years" in idx.nodes
    with pytest.raises(egdi.IndexDefinitionError, match="aggregate 'empty' has no children"):
        egdi.Index().add_aggregate("empty").validate()


def test_compute_ranks_hand_values():
    # x = {0.5, 0.9, 0.5, NaN}: competition ranks (1 = highest, ties share the best rank):
    # 0.9 -> 1, 0.5 and 0.5 -> 2 and 2, NaN unranked.
    # y = {3, 1, 2, 4}, direction -1, min-max: (4 - y) / 3 = {1/3, 1, 2/3, 0}: ranks 3, 1, 2, 4.
    # top = mean of the children that have a value: a (0.5 + 1/3) / 2 = 0.41667,
    # b (0.9 + 1) / 2 = 0.95, c (0.5 + 2/3) / 2 = 0.58333, d 0 (x missing): ranks 3, 1, 2, 4.
    df = pd.DataFrame({"name": list("abcd"), "x": [0.5, 0.9, 0.5, np.nan],
                       "y": [3.0, 1, 2, 4]})
    idx = (egdi.Index().add_aggregate("top").add_indicator("x", parent="top")
           .add_indicator("y", parent="top", direction=-1, normalization="minmax"))
    plain = idx.compute(df)
    out = idx.compute(df, ranks=True)
    assert list(out.columns) == ["name", "top", "x", "y", "top_rank", "x_rank", "y_rank"]
    pd.testing.assert_frame_equal(out[list(plain.columns)], plain)   # same scores as before
    assert out["x_rank"].tolist()[:3] == [2, 1, 2] and out["x_rank"].isna().tolist()[3]
    assert out["y_rank"].tolist() == [3, 1, 2, 4]
    assert out["top_rank"].tolist() == [3, 1, 2, 4]
    assert str(out["top_rank"].dtype) == "Int64"
    # ranked on 0 decimals: y scores {1/3, 1, 2/3, 0} -> {0, 1, 1, 0}: ranks 3, 1, 1, 3
    assert idx.compute(df, ranks=True, rank_decimals=0)["y_rank"].tolist() == [3, 1, 1, 3]
    with pytest.raises(egdi.InvalidArgumentError, match="rank_decimals 16"):
        idx.compute(df, ranks=True, rank_decimals=16)


def test_coinr_imeta_with_notes_and_default_normalisation():
    # COINr's ASEM iMeta as exported: loads, says what it ignored; with COINr's default
    # normalisation (n_minmax to [0, 100]) the Index equals COINr's to 1e-9 and its ranks
    # are COINr's (a_minmax0_100_amean_aggregated.csv, ranked with ties "min").
    from conftest import ROOT
    asem = os.path.join(ROOT, "tests", "golden", "coinr-asem")
    idx = egdi.Index.from_csv(os.path.join(asem, "input_ASEM_iMeta.csv"),
                              normalisation="minmax lo=0 hi=100")
    assert len(idx.nodes) == 60
    assert any("4 rows of Type Group ignored" in n for n in idx.notes)
    assert any("Parent NA read as no parent" in n for n in idx.notes)
    assert "49 indicators without a Normalisation: minmax lo=0 hi=100 (the default given)" \
        in idx.notes
    data = pd.read_csv(os.path.join(asem, "input_ASEM_iData.csv"))
    data = data.rename(columns={"uCode": "code", "uName": "name"})
    out = idx.compute(data, ranks=True).set_index(data["code"])
    ref = pd.read_csv(os.path.join(asem, "a_minmax0_100_amean_aggregated.csv"),
                      index_col="uCode").loc[out.index]
    np.testing.assert_allclose(out["Index"], ref["Index"], rtol=0, atol=1e-9)
    want = ref["Index"].rank(ascending=False, method="min").astype(int)
    assert (out["Index_rank"] == want).all()
    assert out.loc["DEU", "Index_rank"] == 1 and out.loc["AUS", "Index_rank"] == 30
    assert egdi.Index().notes == []
    with pytest.raises(egdi.InvalidArgumentError, match="unknown method 'minmux'"):
        egdi.Index.from_csv(os.path.join(asem, "input_ASEM_iMeta.csv"), normalisation="minmux")


IMETA_1_4 = ("iCode,Parent,Weight,Type,Normalisation,NormParams,Denominator,Treatment,"
             "TreatParams\n"
             "top,,1,Aggregate,,,,,\n"
             "x,top,1,Indicator,minmax,lo=0 hi=100,pop,none,\n"
             "y,top,1,Indicator,none,,,,\n")


def test_from_csv_denominate_and_treatment(tmp_path):
    # x / pop = {10, 20, 30, 50} / {1, 2, 1, 5} = {10, 10, 30, 10}: min-max to [0, 100]
    # gives {0, 0, 100, 0}; without denominate x itself: {0, 25, 50, 100}.
    # y = {1, 2, 3, 5} with the default treatment "log" (COINr's log_CT, always):
    # log(y - min + 0.01 (max - min)) = log({0.04, 1.04, 2.04, 4.04}); x's Treatment
    # cell says none, so the default does not reach it. Tolerance 1e-12.
    path = tmp_path / "meta.csv"
    path.write_text(IMETA_1_4)
    df = pd.DataFrame({"name": list("abcd"), "x": [10.0, 20, 30, 50], "pop": [1.0, 2, 1, 5],
                       "y": [1.0, 2, 3, 5]})
    plain = egdi.Index.from_csv(path)
    np.testing.assert_allclose(plain.compute(df)["x"], [0, 25, 50, 100], rtol=0, atol=1e-12)
    assert any(n.startswith("column Denominator not applied (1 indicator names one: x / pop)")
               for n in plain.notes)
    idx = egdi.Index.from_csv(path, denominate=True, treatment="log")
    assert "1 indicator divided by the Denominator column: x / pop" in idx.notes
    assert "1 indicator without a Treatment: log (the default given)" in idx.notes
    out = idx.compute(df)
    np.testing.assert_allclose(out["x"], [0, 0, 100, 0], rtol=0, atol=1e-12)
    y = np.log([0.04, 1.04, 2.04, 4.04])
    np.testing.assert_allclose(out["y"], y, rtol=0, atol=1e-12)
    np.testing.assert_allclose(out["top"], (out["x"] + y) / 2, rtol=0, atol=1e-12)
    # written and read back (with denominate): the same index, denominator and treatment
    # in their columns
    idx.to_csv(tmp_path / "again.csv")
    text = (tmp_path / "again.csv").read_text()
    assert ",Denominator,Treatment,TreatParams\n" in text
    assert ",minmax,lo=0 hi=100,,,,,,none,,pop,none,\n" in text
    assert ",none,,,log,skew=2 kurt=3.5\n" in text
    again = egdi.Index.from_csv(tmp_path / "again.csv", denominate=True)
    pd.testing.assert_frame_equal(again.compute(df), out, check_exact=True)
    with pytest.raises(egdi.InvalidArgumentError, match="default treatment 'winsorize'"):
        egdi.Index.from_csv(path, treatment="winsorize")


def test_new_methods_round_trip_with_words_and_unit_codes(tmp_path):
    # x = {1, 2, 3, 5}: zscore with the sample sd (sd_type given as its word): mean 2.75,
    # sd sqrt(8.75 / 3); dist2ref to unit "c" (x_ref = 3): 1 - (3 - x) / (3 - 1) =
    # {0, 0.5, 1, 2}. Tolerance 1e-12.
    df = pd.DataFrame({"name": list("abcd"), "x": [1.0, 2, 3, 5]})
    idx = (egdi.Index().add_aggregate("top", aggregation="mpi", aggregation_params={"sign": 1})
           .add_indicator("z", parent="top", source="x", normalization="zscore",
                          params={"sd_type": "sample"})
           .add_indicator("r", parent="top", source="x", normalization="dist2ref",
                          params={"ref": "c"}))
    out = idx.compute(df)
    x = np.array([1.0, 2, 3, 5])
    z = (x - 2.75) / math.sqrt(8.75 / 3)
    np.testing.assert_allclose(out["z"], z, rtol=0, atol=1e-12)
    np.testing.assert_allclose(out["r"], [0, 0.5, 1, 2], rtol=0, atol=1e-12)
    idx.to_csv(tmp_path / "m.csv")
    text = (tmp_path / "m.csv").read_text()
    assert ",zscore,mean=0 sd=1 sd_type=sample," in text
    assert ",dist2ref,ref=c cap_max=0," in text
    assert ",mpi,sign=1," in text
    again = egdi.Index.from_csv(tmp_path / "m.csv")
    pd.testing.assert_frame_equal(again.compute(df), out, check_exact=True)


def _five():
    """Five units; x has a hole at c; g groups them p = {a, b}, q = {c, d, e}."""
    return pd.DataFrame({"code": list("abcde"), "x": [1, 2, np.nan, 6, 11.0],
                         "y": [3, 4, 5, 2, 1.0], "z": [1, 2, 3, 4, 20.0],
                         "g": list("ppqqq"), "pop": [1, 2, 5, 2, 1.0]})


def _three():
    idx = egdi.Index().add_aggregate("top")
    for c in ("x", "y", "z"):
        idx.add_indicator(c, parent="top")
    return idx


def test_set_method_after_loading_hand_values():
    df = _five()
    idx = _three()
    # minmax lo=0 hi=10 on x = {1, 2, _, 6, 11} (min 1, max 11): x' = x - 1 = {0, 1, _, 5, 10}
    assert idx.set_method("x", "normalise", "minmax", {"lo": 0, "hi": 10}) is idx
    out = idx.compute(df)
    np.testing.assert_allclose(out["x"], [0, 1, np.nan, 5, 10], atol=1e-12)
    for same in ("lo=0 hi=10", (0, 10)):                 # text and sequence, as add_indicator
        np.testing.assert_array_equal(
            _three().set_method("x", "normalise", "minmax", same).compute(df)["x"], out["x"])
    # groupmean by g: c is in q = {c, d, e}; the mean of d and e is (6 + 11) / 2 = 8.5,
    # fitted before the min-max: x'(c) = 7.5
    idx.set_method("x", "impute", "groupmean", group="g")
    out, flags = idx.compute(df, imputed=True)
    np.testing.assert_allclose(out["x"], [0, 1, 7.5, 5, 10], atol=1e-12)
    assert flags["x"].tolist() == [False, False, True, False, False]
    # genmean p=2 of the three children (weights 1): top = sqrt((x'^2 + y^2 + z^2) / 3):
    # a (0 + 9 + 1) / 3, b (1 + 16 + 4) / 3 = 7, c (56.25 + 25 + 9) / 3, d (25 + 4 + 16) / 3
    # = 15, e (100 + 1 + 400) / 3 = 167
    idx.set_method("top", "aggregate", "genmean", {"p": 2})
    np.testing.assert_allclose(idx.compute(df)["top"],
                               np.sqrt([10 / 3, 7, 90.25 / 3, 15, 167]), rtol=1e-12)
    # the plain median of {1, 2, 6, 11} = 4 replaces the group mean (and its group column)
    idx.set_method("x", "impute", "median")
    np.testing.assert_allclose(idx.compute(df)["x"], [0, 1, 3, 5, 10], atol=1e-12)
    h = idx._handle()
    assert egdi._egdi.egdi_index_node_impute_group(h, egdi._egdi.egdi_index_find_node(h, "x")) \
        is None


def test_set_method_errors_are_the_library_s():
    idx = _three()
    with pytest.raises(egdi.IndexDefinitionError, match="node 'x': unknown normalise method "
                       "'minmux'"):
        idx.set_method("x", "normalise", "minmux")
    with pytest.raises(egdi.IndexDefinitionError, match="node 'x': .*'bogus'"):
        idx.set_method("x", "impute", "bogus")
    with pytest.raises(egdi.IndexDefinitionError, match="groupmean needs a group column"):
        idx.set_method("x", "impute", "groupmean")
    with pytest.raises(egdi.IndexDefinitionError, match="takes no group column"):
        idx.set_method("x", "impute", "mean", group="g")
    with pytest.raises(egdi.IndexDefinitionError, match="lo .5. must be below hi .1."):
        idx.set_method("x", "normalise", "minmax", "lo=5 hi=1")
    with pytest.raises(egdi.IndexDefinitionError, match="only aggregates aggregate"):
        idx.set_method("x", "aggregate", "mean")
    with pytest.raises(egdi.IndexDefinitionError, match="only indicators are imputed"):
        idx.set_method("top", "impute", "mean")
    with pytest.raises(egdi.NotFoundError, match="'nope'"):
        idx.set_method("nope", "impute", "groupmean", group="g")
    with pytest.raises(ValueError, match="step must be one of"):
        idx.set_method("x", "normalize", "minmax")
    with pytest.raises(ValueError, match="group"):
        idx.set_method("x", "normalise", "minmax", group="g")
    # nothing was changed by the failures: x is still read as it is
    np.testing.assert_array_equal(idx.compute(_five())["x"], _five()["x"])


def test_set_treatment_and_denominator_hand_values():
    df = _five()
    idx = _three()
    # log: log(y - min + 0.01 (max - min)) with min 1, max 5: log(y - 0.96)
    assert idx.set_treatment("y", "log") is idx
    # winsorise winmax=1 force=1 on z = {1, 2, 3, 4, 20} (skewed right): the maximum takes
    # the next value, 4; {1, 2, 3, 4, 4} then passes, so no log
    idx.set_treatment("z", "winsorise", winmax=1, force=1)
    # x / pop = {1/1, 2/2, _, 6/2, 11/1}
    assert idx.set_denominator("x", "pop") is idx
    out = idx.compute(df)
    np.testing.assert_allclose(out["y"], np.log(np.array([3, 4, 5, 2, 1]) - 0.96), rtol=1e-12)
    np.testing.assert_allclose(out["z"], [1, 2, 3, 4, 4], atol=0)
    np.testing.assert_allclose(out["x"], [1, 1, np.nan, 3, 11], atol=0)
    assert idx.get_treatment("z") == ("winsorise", {"winmax": 1, "skew": 2, "kurt": 3.5,
                                                    "force": 1})
    assert idx.get_treatment("y") == ("log", {"skew": 2, "kurt": 3.5})
    assert idx.get_denominator("x") == "pop" and idx.get_denominator("y") is None
    # None = every indicator; a denominator None removes it
    idx.set_treatment(None, "none").set_denominator("x", None)
    assert [idx.get_treatment(c) for c in ("x", "y", "z")] == [("none", {})] * 3
    assert idx.get_denominator("x") is None
    np.testing.assert_array_equal(idx.compute(df)[["x", "y", "z"]], df[["x", "y", "z"]])
    with pytest.raises(egdi.IndexDefinitionError, match="top"):
        idx.set_treatment("top", "log")
    with pytest.raises(egdi.IndexDefinitionError):
        idx.set_treatment("y", "winsorise", nosuch=1)
    with pytest.raises(egdi.InvalidArgumentError, match="aggregate"):
        idx.get_treatment("top")
    # the module-level functions are the same methods
    assert egdi.set_treatment(idx, "y", "log") is idx and idx.get_treatment("y")[0] == "log"
    assert egdi.set_denominator(idx, "x", "pop") is idx and idx.get_denominator("x") == "pop"
    assert egdi.get_treatment(idx, "y") == idx.get_treatment("y")


def test_coinr_idata_columns_are_unit_codes_and_names():
    # COINr's iData names its unit columns uCode/uName: read as code/name, as the tool does
    import os
    here = os.path.dirname(os.path.abspath(__file__))
    asem = os.path.join(here, "..", "..", "..", "tests", "golden", "coinr-asem")
    idx = egdi.Index.from_csv(os.path.join(asem, "input_ASEM_iMeta.csv"),
                              normalisation="minmax lo=0 hi=100")
    df = pd.read_csv(os.path.join(asem, "input_ASEM_iData.csv"))
    scores = idx.compute(df, ranks=True).set_index("name")
    ref = pd.read_csv(os.path.join(asem, "a_minmax0_100_amean_aggregated.csv")).set_index("uCode")
    # the output's names are COINr's uName; compare the Index by unit code order of df
    mine = pd.Series(scores["Index"].to_numpy(), index=df["uCode"].to_numpy())
    assert np.allclose(mine.loc[ref.index], ref["Index"], rtol=1e-9, atol=0)

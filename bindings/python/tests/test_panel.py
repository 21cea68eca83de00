"""egdi.panel, egdi.compare and egdi.method_changes against the published files."""
import numpy as np
import pandas as pd
import pytest

import egdi
from conftest import EDITIONS, un_file


@pytest.fixture(scope="module")
def panel():
    return egdi.panel()


def published(year):
    df = pd.read_csv(un_file(year))
    df["name"] = df["Country Name"].str.strip()
    return df.set_index("name")


def test_panel_columns_and_published_ranks(panel, near_ties):
    assert list(panel.columns) == ["edition", "code", "name", "egdi", "osi", "tii", "hci", "epi",
                                   "rank", "group", "rating_class", "osi_rank", "tii_rank",
                                   "hci_rank", "epi_rank", "assessed"]
    assert len(panel) == 12 * 193
    assert sorted(panel["edition"].unique()) == EDITIONS
    # every assessed country's rank = the published rank, except the listed near ties
    for y in EDITIONS:
        pub = published(y)
        got = panel[(panel["edition"] == y) & panel["assessed"]].set_index("name")["rank"]
        want = pub.loc[got.index, "E-Government Rank"].astype(int)
        for name in got.index[got.to_numpy() != want.to_numpy()]:
            assert near_ties[(y, name)] == (want[name], got[name])
        # not assessed = the rows published with EGDI 0
        zero = set(pub.index[pub["E-Government Index"] == 0])
        assert set(panel[(panel["edition"] == y) & ~panel["assessed"]]["name"]) == zero
    bhr = panel[panel["code"] == "BHR"].set_index("edition")
    assert bhr.loc[[2014, 2016, 2018, 2022, 2024], "rank"].tolist() == [18, 24, 26, 54, 18]
    assert bhr.loc[2018, "tii_rank"] == 4 and bhr.loc[2016, "hci_rank"] == 77
    dnk = panel[panel["code"] == "DNK"].set_index("edition")
    assert dnk.loc[[2018, 2020, 2022, 2024], "rank"].tolist() == [1, 1, 1, 1]


def test_panel_inputs_and_editions(panel):
    two = egdi.panel(editions=[2022, 2024])
    pd.testing.assert_frame_equal(two.reset_index(drop=True),
                                  panel[panel["edition"] >= 2022].reset_index(drop=True))
    frames = egdi.panel([egdi.read_un_csv(un_file(2024)), un_file(2022)])
    pd.testing.assert_frame_equal(frames, two)
    by_key = egdi.panel({2024: un_file(2024)})
    assert by_key["rank"].iloc[0] == 1 and by_key["code"].iloc[0] == "DNK"
    with pytest.raises(ValueError, match="no Survey edition 2006"):
        egdi.panel(editions=[2006])
    with pytest.raises(egdi.DuplicateError, match="edition 2024 is given twice"):
        egdi.panel([un_file(2024), un_file(2024)])
    with pytest.raises(ValueError, match="no survey_year"):
        egdi.panel([pd.DataFrame({"name": ["A"], "osi": [0.5], "tii": [0.5], "hci": [0.5]})])


def test_compare_sorted_with_codes_and_changes():
    res = {y: egdi.compute(egdi.read_un_csv(un_file(y)), edition=y) for y in (2018, 2020, 2022,
                                                                             2024)}
    cmp = egdi.compare(res[2022], res[2024], labels=(2022, 2024))
    assert list(cmp.columns) == ["code", "name", "egdi_2022", "rank_2022", "egdi_2024",
                                 "rank_2024", "egdi_change", "rank_change", "method_changes"]
    assert cmp["rank_2024"].is_monotonic_increasing and cmp["code"].iloc[0] == "DNK"
    # the biggest mover, by hand from the published ranks (Libya 169 -> 125)
    a, b = published(2022), published(2024)
    hand = (a["E-Government Rank"] - b.loc[a.index, "E-Government Rank"]).rename("change")
    hand = hand.reset_index().sort_values(["change", "name"], ascending=[False, True])
    assert (hand["name"].iloc[0], hand["change"].iloc[0]) == ("Libya", 44)
    movers = egdi.compare(res[2022], res[2024], labels=(2022, 2024), sort="change")
    assert (movers["name"].iloc[0], movers["rank_change"].iloc[0]) == (hand["name"].iloc[0], 44)
    assert movers["code"].iloc[0] == "LBY"
    assert movers["rank_change"].is_monotonic_decreasing
    flags = egdi.compare(res[2018], res[2020], labels=(2018, 2020))["method_changes"].iloc[0]
    assert {"tii_cap", "rating_classes"} <= set(flags.split(";"))
    # the old call: labels that are not editions, countries by name or code
    old = egdi.compare(res[2022], res[2024], countries=["Bahrain", "DNK"])
    assert old["name"].tolist() == ["Denmark", "Bahrain"]
    assert old.loc[1, "rank_a"] == 54 and old.loc[1, "rank_b"] == 18
    assert old.loc[1, "rank_change"] == 36 and old.loc[1, "method_changes"] == ""
    assert old.loc[1, "egdi_change"] == pytest.approx(0.9196 - 0.7707, abs=1e-4)
    with pytest.raises(ValueError, match="sort"):
        egdi.compare(res[2022], res[2024], sort="name")


def test_method_changes():
    c = egdi.method_changes(2010, 2012)
    assert set(c["changes"]) == {"weights", "tii_indicators", "zscores"}
    assert "0.34/0.33/0.33 in 2010" in c["text"]
    assert "weights" not in egdi.method_changes(2020, 2022)["changes"]
    assert egdi.method_changes(2014, 2016) == {"changes": [], "text": ""}
    with pytest.raises(egdi.NotFoundError, match="2006"):
        egdi.method_changes(2006, 2008)

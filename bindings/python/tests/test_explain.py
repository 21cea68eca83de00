"""egdi.explain: the gap decomposition and strengths/weaknesses via libegdi."""
import math

import pandas as pd
import pytest

import egdi
from conftest import un_file


@pytest.fixture(scope="module")
def df2024():
    return egdi.read_un_csv(un_file(2024))


def by_node(frame):
    return frame.set_index("node")


def test_bahrain_saudi_2024(df2024):
    # published components, weights 1/3 (see tests/survey/test_explain.c):
    # gap -0.1219 / 3; OSI -0.0869 / 3, TII 0.00362 / 3, HCI -0.03862 / 3 (to 1e-12)
    e = egdi.explain(df2024, "BHR", versus="SAU", edition=2024)
    assert isinstance(e, egdi.Explanation)
    g = by_node(e.gap)
    assert list(g.index) == ["egdi", "osi", "tii", "hci"]
    assert g.loc["osi", "contribution"] == pytest.approx(-0.0869 / 3, abs=1e-12)
    assert g.loc["tii", "contribution"] == pytest.approx(0.00362 / 3, abs=1e-12)
    assert g.loc["hci", "contribution"] == pytest.approx(-0.03862 / 3, abs=1e-12)
    assert g.loc["egdi", "gap"] == pytest.approx(-0.1219 / 3, abs=1e-12)
    assert g.loc[["osi", "tii", "hci"], "contribution"].sum() == pytest.approx(
        g.loc["egdi", "gap"], abs=1e-12)
    assert g.loc["osi", "share"] == pytest.approx(0.0869 / 0.1219, abs=1e-12)
    assert (g["versus"] == "Saudi Arabia").all() and (g["unit"] == "Bahrain").all()
    s = by_node(e.strengths)
    assert list(s["rank"]) == [18, 23, 10, 32]
    assert str(s["rank"].dtype) == "Int64"
    assert list(s["label"]) == ["", "weakness", "strength", "weakness"]


def test_2008_weights():
    df = egdi.read_un_csv(un_file(2008))
    g = by_node(egdi.explain(df, "Bahrain", versus="Saudi Arabia", edition=2008).gap)
    assert g.loc["osi", "weight"] == pytest.approx(0.34, abs=1e-15)
    assert g.loc["osi", "contribution"] == pytest.approx(0.34 * 0.05518, abs=1e-12)
    assert g.loc["tii", "contribution"] == pytest.approx(0.33 * 0.1236, abs=1e-12)
    assert g.loc["hci", "contribution"] == pytest.approx(0.33 * 0.05836, abs=1e-12)


def test_versus_groups(df2024):
    world = by_node(egdi.explain(df2024, "Bahrain").gap)
    assert world.loc["egdi", "versus"] == "World"
    assert world.loc["osi", "value_b"] == pytest.approx(df2024["osi"].mean(), abs=1e-12)
    asia = by_node(egdi.explain(df2024, "Bahrain", versus="region").gap)
    members = df2024.merge(egdi.countries()[["name", "region"]], on="name")
    want = members.loc[members["region"] == "Asia", "hci"].mean()
    assert asia.loc["egdi", "versus"] == "Asia"
    assert asia.loc["hci", "value_b"] == pytest.approx(want, abs=1e-12)
    europe = by_node(egdi.explain(df2024, "Bahrain", versus="Europe").gap)
    assert europe.loc["egdi", "versus"] == "Europe"
    best = by_node(egdi.explain(df2024, "Bahrain", versus="best").gap)
    assert best.loc["egdi", "versus"] == "Denmark"
    assert best.loc["egdi", "value_b"] == pytest.approx((0.99924 + 0.99662 + 0.95841) / 3,
                                                       abs=1e-12)


def test_strengths_bahrain_2018():
    # overall 26th; TII 4th a strength, HCI 60th a weakness (component ranks as compute)
    df = egdi.read_un_csv(un_file(2018))
    ranking = egdi.compute(df, edition=2018, extra=True).set_index("name")
    s = by_node(egdi.explain(df, "Bahrain", edition=2018, top=1, bottom=1).strengths)
    for c in ("osi", "tii", "hci"):
        assert s.loc[c, "rank"] == ranking.loc["Bahrain", f"{c}_rank"]
    assert s.loc["tii", "rank"] == 4 and s.loc["egdi", "rank"] == 26
    assert s.loc["tii", "difference"] == 22
    assert list(s.loc[["osi", "tii", "hci"], "label"]) == ["", "strength", "weakness"]


def test_raw_synthetic():
    # z-scores, then min-max of their mean (hand derivation in tests/survey/test_explain.c):
    # A versus B: EGDI gap -5/8; internet_users -1/12, mean_years -1/6, OSI -1/6
    df = pd.DataFrame({
        "code": ["A", "B", "C"], "osi_raw": [0.2, 0.5, 0.8],
        "internet_users": [10, 50, 90], "fixed_broadband": [5, 10, 15],
        "active_mobile_broadband": [90, 50, 10], "mobile_subscriptions": [100, 110, 120],
        "adult_literacy": [60, 80, 100], "gross_enrolment": [90, 60, 30],
        "expected_years": [10, 12, 14], "mean_years": [4, 8, 6]})
    e = egdi.explain(df, "A", versus="B", edition=2024, input="raw")
    g = by_node(e.gap)
    assert len(g) == 12
    assert g.loc["egdi", "gap"] == pytest.approx(-5 / 8, abs=1e-12)
    assert g.loc["internet_users", "contribution"] == pytest.approx(-1 / 12, abs=1e-12)
    assert g.loc["mean_years", "contribution"] == pytest.approx(-1 / 6, abs=1e-12)
    assert g.loc["internet_users", "value_a"] == pytest.approx(-math.sqrt(1.5), abs=1e-12)
    leaves = g[(g["depth"] == 2) | (g.index == "osi")]
    assert leaves["contribution"].sum() == pytest.approx(-5 / 8, abs=1e-12)


def test_custom_index_and_errors(df2024):
    with pytest.raises(egdi.NotFoundError, match="Atlantis"):
        egdi.explain(df2024, "Atlantis")
    with pytest.raises(ValueError, match="compared with itself"):
        egdi.explain(df2024, "Bahrain", versus="BHR")
    # a geometric mean: the gap does not split into contributions; ranks still work
    idx = egdi.Index()
    idx.add_aggregate("top", aggregation="geomean")
    idx.add_indicator("tii", "top")
    idx.add_indicator("hci", "top")
    with pytest.raises(egdi.UnsupportedError, match="geometric mean"):
        egdi.explain(df2024, "Bahrain", index=idx)
    # the edition's own tree as a custom index gives the same gap
    same = egdi.explain(df2024, "Bahrain", versus="SAU", index=egdi.Index.survey(2024))
    assert by_node(same.gap).loc["egdi", "gap"] == pytest.approx(-0.1219 / 3, abs=1e-12)


def test_survey_checks_and_overrides():
    # explain refuses what compute refuses, and takes the same overrides
    df = egdi.read_un_csv(un_file(2022))
    with pytest.raises(egdi.DataError, match="survey_year is 2022"):
        egdi.explain(df, "BHR", edition=2024)
    e = egdi.explain(df, "BHR", edition=2024, allow_edition_mismatch=True)
    row = e.gap.set_index("node").loc["egdi"]
    assert abs(row["contribution"] - row["gap"]) < 1e-12

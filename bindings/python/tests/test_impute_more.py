"""egdi.impute_rows and egdi.impute_panel (libegdi's impute.h). Expected values are
derived by hand in the comments (the same cases as tests/methods/test_impute_more.c);
tolerance 1e-12."""
import numpy as np
import pandas as pd
import pytest

import egdi

NA = np.nan


def _index():
    # I <- P1 (a, b, c), P2 (d, e); b has direction -1
    idx = egdi.Index()
    idx.add_aggregate("I")
    idx.add_aggregate("P1", parent="I")
    idx.add_aggregate("P2", parent="I")
    for code, parent in [("a", "P1"), ("b", "P1"), ("c", "P1"), ("d", "P2"), ("e", "P2")]:
        idx.add_indicator(code, parent=parent, direction=-1 if code == "b" else 1)
    return idx


ROWS = pd.DataFrame({"code": ["u1", "u2", "u3", "u4"], "a": [0, 10, 5, NA], "b": [1, 3, NA, 2],
                     "c": [NA, 20, 10, 0], "d": [1, NA, 3, NA], "e": [NA, NA, 4, 8],
                     "region": ["N", "S", None, "N"]}, index=list("wxyz"))


def test_rows_mean_within_parent():
    # scaled: a (0, 1, .5, -), b (1, 0, -, .5), c (-, 1, .5, 0), d (0, -, 1, -), e (-, -, 0, 1)
    # u1 c <- .5 * 20 = 10; u3 b: -b = .5 * 2 - 3 -> 2; u4 a <- .25 * 10 = 2.5;
    # u1 e <- 0 -> 4; u4 d <- 1 -> 3; u2 has neither d nor e: stays missing
    r = egdi.impute_rows(_index(), ROWS)
    assert list(r.data.index) == list("wxyz")
    assert list(r.data.columns) == list(ROWS.columns)
    assert r.data.loc["w", "c"] == pytest.approx(10, abs=1e-12)
    assert r.data.loc["y", "b"] == pytest.approx(2, abs=1e-12)
    assert r.data.loc["z", "a"] == pytest.approx(2.5, abs=1e-12)
    assert r.data.loc["w", "e"] == pytest.approx(4, abs=1e-12)
    assert r.data.loc["z", "d"] == pytest.approx(3, abs=1e-12)
    assert np.isnan(r.data.loc["x", "d"]) and np.isnan(r.data.loc["x", "e"])
    assert r.data.loc["x", "region"] == "S"
    assert list(r.fill.columns) == ["a", "b", "c", "d", "e"]
    assert r.fill.loc["w", "c"] == "row"
    assert r.fill.loc["x", "d"] == "missing"
    assert r.fill.loc["x", "a"] == "observed"
    assert (r.fill == "row").to_numpy().sum() == 5
    # the input is not modified
    assert np.isnan(ROWS.loc["w", "c"])


def test_rows_median_whole_index():
    # one group: u1 scaled (a 0, b 1, d 0) -> median 0: c = 0, e = 4;
    # u2 (a 1, b 0, c 1) -> median 1: d = 3, e = 8
    r = egdi.impute_rows(_index(), ROWS, stat="median", group_level=0)
    assert r.data.loc["w", "c"] == pytest.approx(0, abs=1e-12)
    assert r.data.loc["x", "d"] == pytest.approx(3, abs=1e-12)
    assert r.data.loc["x", "e"] == pytest.approx(8, abs=1e-12)
    # raw values: u1 c <- mean(0, 1) = 0.5
    r = egdi.impute_rows(_index(), ROWS, normalise_first=False)
    assert r.data.loc["w", "c"] == pytest.approx(0.5, abs=1e-12)


def test_rows_errors():
    with pytest.raises(ValueError, match="unknown statistic 'mode'"):
        egdi.impute_rows(_index(), ROWS, stat="mode")
    with pytest.raises(egdi.InvalidArgumentError, match="group level 1"):
        egdi.impute_rows(_index(), ROWS, group_level=1)
    with pytest.raises(egdi.NotFoundError, match="no column 'e'"):
        egdi.impute_rows(_index(), ROWS.drop(columns="e"))


# rows in no order; units A, B, C; B has no 2022 row; C nothing observed
PANEL = pd.DataFrame({
    "uCode": ["B", "A", "A", "B", "A", "A", "B", "A", "C", "B"],
    "Time": [2020, 2018, 2022, 2016, 2020, 2016, 2018, 2024, 2020, 2024],
    "x": [NA, NA, NA, 2, 4, NA, NA, 10, NA, 8],
    "note": ["n"] + [None] * 9,
    "y": [5, 1, NA, NA, NA, NA, NA, NA, NA, NA]})


def test_panel_latest_and_limits():
    # A x: 2022 <- 4 (2020); A y: 2020, 2022, 2024 <- 1 (2018); B x 2018, 2020 <- 2 (2016);
    # B y 2024 <- 5 (2020); nothing before a first observation
    r = egdi.impute_panel(PANEL, unit="uCode", time="Time")
    assert list(r.data.columns) == list(PANEL.columns)
    assert r.data.loc[2, "x"] == 4 and r.source.loc[2, "x"] == 2020
    assert r.data.loc[7, "y"] == 1 and r.fill.loc[7, "y"] == "carried"
    assert np.isnan(r.data.loc[5, "x"]) and r.fill.loc[5, "x"] == "missing"
    assert r.data.loc[0, "x"] == 2 and r.data.loc[9, "y"] == 5
    assert r.fill.loc[8, "x"] == "missing" and r.fill.loc[8, "y"] == "missing"
    assert list(r.fill.columns) == ["uCode", "Time", "x", "y"]
    assert r.data.loc[0, "note"] == "n"
    # max_age 4: A y 2024 (6 years after 2018) stays missing; max_steps 1: B y 2024 is
    # two panel time points after 2020 (2022 counts)
    r = egdi.impute_panel(PANEL, unit="uCode", time="Time", max_age=4)
    assert np.isnan(r.data.loc[7, "y"]) and r.data.loc[2, "y"] == 1
    r = egdi.impute_panel(PANEL, unit="uCode", time="Time", max_steps=1)
    assert np.isnan(r.data.loc[9, "y"]) and r.data.loc[4, "y"] == 1


def test_panel_linear_and_constant():
    # A x 2022 = 4 + 6 * (2/4) = 7; B x 2018 = 2 + 6 * (2/8) = 3.5, 2020 = 5;
    # ends constant: A x 2016 <- 4 (2020), B y 2016 <- 5 (2020)
    r = egdi.impute_panel(PANEL, unit="uCode", time="Time", method="linear", columns=["x", "y"])
    assert r.data.loc[2, "x"] == pytest.approx(7, abs=1e-12)
    assert r.data.loc[6, "x"] == pytest.approx(3.5, abs=1e-12)
    assert r.data.loc[0, "x"] == pytest.approx(5, abs=1e-12)
    assert r.fill.loc[2, "x"] == "interpolated" and np.isnan(r.source.loc[2, "x"])
    assert r.data.loc[5, "x"] == 4 and r.fill.loc[5, "x"] == "extrapolated"
    assert r.source.loc[5, "x"] == 2020
    r = egdi.impute_panel(PANEL, unit="uCode", time="Time", method="linear",
                          extrapolate=False)
    assert np.isnan(r.data.loc[5, "x"]) and r.data.loc[2, "x"] == pytest.approx(7)
    r = egdi.impute_panel(PANEL, unit="uCode", time="Time", method="constant", columns="y")
    assert r.data.loc[3, "y"] == 5 and r.fill.loc[3, "y"] == "extrapolated"
    assert r.data.loc[9, "y"] == 5 and r.fill.loc[9, "y"] == "carried"
    assert list(r.fill.columns) == ["uCode", "Time", "y"]


def test_panel_errors():
    with pytest.raises(egdi.DuplicateError, match="same unit and time 2020"):
        egdi.impute_panel(PANEL.assign(Time=2020), unit="uCode", time="Time")
    with pytest.raises(KeyError, match="no unit column 'code'"):
        egdi.impute_panel(PANEL)
    with pytest.raises(ValueError, match="unknown method 'spline'"):
        egdi.impute_panel(PANEL, unit="uCode", time="Time", method="spline")
    with pytest.raises(egdi.InvalidArgumentError, match="max_age -1"):
        egdi.impute_panel(PANEL, unit="uCode", time="Time", max_age=-1)
    with pytest.raises(ValueError, match="max_steps -2"):
        egdi.impute_panel(PANEL, unit="uCode", time="Time", max_steps=-2)
    with pytest.raises(egdi.InvalidArgumentError, match="'note' is not numeric"):
        egdi.impute_panel(PANEL, unit="uCode", time="Time", columns=["note"])

"""Custom indices from Python, checked against values derived by hand."""
import math

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

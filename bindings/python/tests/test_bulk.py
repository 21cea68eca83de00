"""DataFrame <-> dataset transfer in bulk: what goes in comes back out.

Expected values are those of the input (a round trip), with libegdi's documented
conversions: a missing name defaults to the code, a missing label becomes "" on
the way back, a missing number stays NaN. Comparisons are exact (no tolerance):
numbers travel as float64 arrays without arithmetic.
"""
import sys

import numpy as np
import pandas as pd
import pytest

import egdi
from egdi import _egdi
from egdi._frames import to_dataset, to_frame
from conftest import un_file


def test_round_trip_codes_names_labels_numbers():
    df = pd.DataFrame({
        "code": ["a", "b", "c", "d"],
        "name": ["Alpha", None, "Gamma", np.nan],              # missing name -> the code
        "region": ["x", None, np.nan, "y"],                    # missing label -> ""
        "mixed": [1, "two", None, 4.5],                        # non-text labels -> str()
        "cat": pd.Categorical(["p", "q", None, "p"]),
        "v": [1.5, np.nan, -3.0, 1e300],
        "n": pd.array([1, None, 3, 4], dtype="Int64"),         # pd.NA -> NaN
        "flag": [True, False, True, False],                    # bool -> 1.0 / 0.0
    })
    back = to_frame(to_dataset(df), code=True)
    assert list(back.columns) == ["code", "name", "region", "mixed", "cat", "v", "n", "flag"]
    assert list(back["code"]) == ["a", "b", "c", "d"]
    assert list(back["name"]) == ["Alpha", "b", "Gamma", "d"]
    assert list(back["region"]) == ["x", "", "", "y"]
    assert list(back["mixed"]) == ["1", "two", "", "4.5"]
    assert list(back["cat"]) == ["p", "q", "", "p"]
    np.testing.assert_array_equal(back["v"], [1.5, np.nan, -3.0, 1e300])
    np.testing.assert_array_equal(back["n"], [1.0, np.nan, 3.0, 4.0])
    np.testing.assert_array_equal(back["flag"], [1.0, 0.0, 1.0, 0.0])


def test_names_give_codes_without_a_code_column_and_order_is_kept():
    names = [f"country {i}" for i in range(1000)][::-1]
    df = pd.DataFrame({"name": names, "x": np.arange(1000.0)})
    ds = to_dataset(df)
    assert _egdi.egdi_py_unit_codes(ds) == names
    back = to_frame(ds, code=True)
    assert list(back["name"]) == names
    np.testing.assert_array_equal(back["x"], np.arange(1000.0))
    # rows selected and ordered while copying: every third unit, reversed
    order = np.arange(999, -1, -3)
    part = to_frame(ds, columns=["x"], order=order)
    assert list(part.columns) == ["name", "x"]
    assert list(part["name"]) == [names[i] for i in order]
    np.testing.assert_array_equal(part["x"], order.astype(float))


def test_unicode_and_empty_frames():
    df = pd.DataFrame({"name": ["Côte d'Ivoire", "Türkiye", "日本"], "g": ["é", "ß", "日本"]})
    back = to_frame(to_dataset(df))
    assert list(back["name"]) == list(df["name"])
    assert list(back["g"]) == list(df["g"])
    empty = to_frame(to_dataset(pd.DataFrame({"name": pd.Series([], dtype=object),
                                              "x": pd.Series([], dtype=float)})))
    assert len(empty) == 0 and list(empty.columns) == ["name", "x"]


def test_bad_codes_and_names_are_reported_by_libegdi():
    with pytest.raises(egdi.InvalidArgumentError, match=r"codes: unit 2: expected text, not int"):
        to_dataset(pd.DataFrame({"code": ["a", 2], "x": [1.0, 2.0]}))
    with pytest.raises(egdi.InvalidArgumentError, match=r"codes: unit 1: expected text, not None"):
        to_dataset(pd.DataFrame({"code": [None, "b"], "x": [1.0, 2.0]}))
    with pytest.raises(egdi.InvalidArgumentError, match=r"names: unit 2: expected text or None, "
                                                        r"not float"):
        to_dataset(pd.DataFrame({"code": ["a", "b"], "name": ["A", 2.5]}))
    with pytest.raises(egdi.InvalidArgumentError, match="empty code"):
        to_dataset(pd.DataFrame({"code": ["a", "  "]}))
    with pytest.raises(egdi.DuplicateError, match="duplicate unit code 'a'"):
        to_dataset(pd.DataFrame({"code": ["a", "b", "a"]}))
    with pytest.raises(egdi.InvalidArgumentError, match="arrays of different lengths"):
        _egdi.egdi_py_add_units(_egdi.egdi_dataset_new(), ["a", "b"], ["A"])


def test_add_units_is_all_or_nothing_and_keeps_no_references():
    ds = _egdi.egdi_dataset_new()
    codes = [f"u{i}" for i in range(100)]
    refs = sys.getrefcount(codes[5])
    _egdi.egdi_py_add_units(ds, codes, None)
    with pytest.raises(egdi.DuplicateError):
        _egdi.egdi_py_add_units(ds, ["new", "u5"], None)     # "new" is not added either
    assert _egdi.egdi_dataset_n_units(ds) == 100
    after = sys.getrefcount(codes[5])      # outside the assert: pytest's rewrite holds refs
    assert after == refs
    assert _egdi.egdi_py_unit_names(ds) == codes             # names default to the codes


def test_read_un_csv_integers_are_nullable():
    # the 2008 file has one row without a rank (South Sudan, not yet a member)
    df = egdi.read_un_csv(un_file(2008))
    assert str(df["rank_published"].dtype) == "Int64"
    assert str(df["survey_year"].dtype) == "Int64"
    assert (df["survey_year"] == 2008).all()
    assert list(df.loc[df["rank_published"].isna(), "name"]) == ["South Sudan"]
    assert df["rank_published"].min() == 1


def test_compute_names_as_libegdi_stores_them():
    # names are trimmed by libegdi; when none needs trimming, egdi.compute reuses the
    # DataFrame's own strings (no conversion back) -- either way the text is the same
    df = pd.DataFrame({"code": ["A", "B", "C"], "name": ["Alpha", " Beta ", "Gamma"],
                       "osi": [0.3, 0.6, 0.9], "tii": [0.5] * 3, "hci": [0.5] * 3})
    out = egdi.compute(df, edition=2024)
    assert list(out["name"]) == ["Gamma", "Beta", "Alpha"]
    df["name"] = ["Alpha", "Beta", "Gamma"]
    out = egdi.compute(df, edition=2024)
    assert list(out["name"]) == ["Gamma", "Beta", "Alpha"]
    assert out["name"].iloc[0] is df["name"].iloc[2]        # the same str object
    nameless = pd.DataFrame({"code": ["A", "B"], "name": [None, "Bee"], "osi": [0.1, 0.2],
                             "tii": [0.5, 0.5], "hci": [0.5, 0.5]})
    assert list(egdi.compute(nameless, edition=2024)["name"]) == ["Bee", "A"]

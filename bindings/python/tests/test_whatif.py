"""egdi.whatif: goal seeking through the C call, every answer verified by a
full recomputation with egdi.compute on a copy of the data."""
import math

import pandas as pd
import pytest

import egdi
from conftest import un_file

RAW = pd.DataFrame({
    "name": list("ABCDEFGH"),
    "osi_raw": [60, 75, 70, 65, 80, 55, 72, 68],
    "internet_users": [85, 60, 75, 50, 70, 90, 66, 80],
    "mobile_subscriptions": [110, 125, 100, 95, 130, 105, 118, 90],
    "fixed_broadband": [25, 15, 30, 20, 10, 35, 22, 28],
    "active_mobile_broadband": [80, 95, 70, 60, 100, 85, 75, 90],
    "adult_literacy": [95, 90, 98, 99, 85, 92, 97, 94],
    "gross_enrolment": [85, 80, 90, 95, 75, 88, 82, 86],
    "expected_years": [15, 13, 16, 17, 12, 14, 15, 13],
    "mean_years": [11, 9, 12, 13, 8, 10, 11, 12],
}).astype({"name": object})


def recompute(df, name, vary, value, input="components", edition=2024):
    """Bahrain's (or `name`'s) row of egdi.compute with `vary` set to `value`."""
    df = df.copy()
    row = df["name"] == name
    if vary == "uniform":
        for c in ("osi", "tii", "hci"):
            df.loc[row, c] = min(float(df.loc[row, c].iloc[0]) + value, 1.0)
    else:
        column = "osi_raw" if input == "raw" and vary == "osi" else vary
        df[column] = df[column].astype(float)
        df.loc[row, column] = value
    out = egdi.compute(df, edition=edition, input=input)
    return out[out["name"] == name].iloc[0]


def verify(df, name, answers, input="components", edition=2024):
    for a in answers.itertuples():
        at = lambda v: recompute(df, name, a.vary, v, input, edition)  # noqa: E731
        assert at(a.upper)["rank"] == a.best_rank
        assert at(a.best_value)["rank"] == a.best_rank
        assert at(a.current_value)["rank"] == a.current_rank
        if not a.reachable:
            assert math.isnan(a.value) and pd.isna(a.rank)
            continue
        assert at(a.value)["rank"] == a.rank
        if not a.already_met:
            assert a.value > a.current_value
            below = at(a.value - 1e-6)
            assert below["rank"] != a.rank or below["group"] != a.group


@pytest.fixture(scope="module")
def data2024():
    return egdi.read_un_csv(un_file(2024))


def test_bahrain_rank_10(data2024):
    # only the HCI (0.86804 -> 0.970695) or a uniform increase (+0.0451925) brings
    # Bahrain (rank 18) to rank 10; OSI and TII are out of reach even at 1
    out = egdi.whatif(data2024, "Bahrain", edition=2024, target_rank=10)
    assert list(out["vary"]) == ["osi", "tii", "hci", "uniform"]
    assert list(out["reachable"]) == [False, False, True, True]
    assert list(out["best_rank"][:2]) == [12, 17]
    assert out["value"][2] == pytest.approx(0.970695, abs=2e-10)
    assert out["value"][3] == pytest.approx(0.0451925, abs=2e-10)
    assert list(out["rank"][2:]) == [10, 10]
    assert out.attrs["target"] == {"kind": "rank", "value": 10}
    verify(data2024, "Bahrain", out)
    # an ISO code and one component as a string
    one = egdi.whatif(data2024, "bhr", edition=2024, target_rank=10, vary="hci")
    assert one["value"][0] == out["value"][2]


def test_group_target_and_already_met(data2024):
    out = egdi.whatif(data2024, "Kyrgyzstan", edition=2024, target_group="Very High",
                      vary=["osi", "uniform"])
    assert list(out["group"]) == ["Very High", "Very High"]
    assert list(out["current_group"]) == ["High", "High"]
    assert out["change"][0] == pytest.approx(0.055115, abs=1e-9)
    verify(data2024, "Kyrgyzstan", out)
    met = egdi.whatif(data2024, "Bahrain", edition=2024, target_rank=20, vary="osi")
    assert bool(met["already_met"][0]) and met["value"][0] == met["current_value"][0] == 0.90305


def test_raw_indicator():
    out = egdi.whatif(RAW, "B", edition=2024, input="raw", target_rank=2,
                      vary=["internet_users", "expected_years"])
    assert list(out["reachable"]) == [True, False]
    assert list(out["upper"]) == [100, 18]
    verify(RAW, "B", out, input="raw")
    osi = egdi.whatif(RAW, "B", edition=2024, input="raw", target_rank=2, vary="osi", upper=150)
    assert bool(osi["reachable"][0])
    verify(RAW, "B", osi, input="raw")


def test_errors(data2024):
    with pytest.raises(egdi.NotFoundError, match="no country 'Atlantis'"):
        egdi.whatif(data2024, "Atlantis", target_rank=10)
    with pytest.raises(egdi.NotFoundError, match="vary 'xyz'"):
        egdi.whatif(data2024, "Bahrain", target_rank=10, vary="xyz")
    with pytest.raises(ValueError, match="give one target"):
        egdi.whatif(data2024, "Bahrain")
    with pytest.raises(ValueError, match="target_group"):
        egdi.whatif(data2024, "Bahrain", target_group="XX")
    with pytest.raises(egdi.InvalidArgumentError, match="target rank 500"):
        egdi.whatif(data2024, "Bahrain", target_rank=500)
    with pytest.raises(egdi.InvalidArgumentError, match="no natural upper bound"):
        egdi.whatif(RAW, "B", input="raw", target_rank=2, vary="osi")
    with pytest.raises(egdi.InvalidArgumentError, match="edition 2018 has no rating classes"):
        egdi.whatif(egdi.read_un_csv(un_file(2018)), "Bahrain", edition=2018, target_class="VH")

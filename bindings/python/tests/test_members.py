"""Memberships, user groups and the published figures in egdi.compute() and
egdi.group_averages(), through the same C calls as the egdi tool."""
import pandas as pd
import pytest

import egdi
from egdi.api import memberships

from conftest import un_file

GCC_2016 = {"Bahrain": 1, "United Arab Emirates": 2, "Kuwait": 3, "Saudi Arabia": 4,
            "Qatar": 5, "Oman": 6}


def test_gcc_ranks_2016():
    # published 2016 world ranks: Bahrain 24, UAE 29, Kuwait 40, Saudi Arabia 44,
    # Qatar 48, Oman 66
    df = egdi.read_un_csv(un_file(2016))
    out = egdi.compute(df, edition=2016, rank_within="gcc")
    got = out.dropna(subset=["gcc_rank"]).set_index("name")["gcc_rank"].to_dict()
    assert got == GCC_2016
    assert out.set_index("name").loc["Bahrain", "rank"] == 24
    gulf = ["BHR", "kuwait", "Oman", "QAT", "Saudi Arabia", "ARE"]
    out = egdi.compute(df, edition=2016, rank_within="gulf", groups={"gulf": gulf})
    assert out.dropna(subset=["gulf_rank"]).set_index("name")["gulf_rank"].to_dict() == GCC_2016


def test_group_errors():
    df = egdi.read_un_csv(un_file(2016))
    with pytest.raises(egdi.NotFoundError, match="'Atlantis'"):
        egdi.compute(df, edition=2016, rank_within="g", groups={"g": ["BHR", "Atlantis"]})
    with pytest.raises(egdi.InvalidArgumentError if hasattr(egdi, "InvalidArgumentError")
                       else egdi.Error, match="has no members"):
        egdi.compute(df, edition=2016, rank_within="g", groups={"g": []})
    with pytest.raises(egdi.NotFoundError, match="no membership group 'opec'"):
        egdi.compute(df, edition=2016, rank_within="opec")


def test_published_side_by_side(near_ties):
    for year in (2008, 2020, 2024):
        out = egdi.compute(egdi.read_un_csv(un_file(year)), edition=year, published=True)
        flagged = set(out.loc[out["published_diff"].str.contains("rank"), "name"])
        assert flagged == {n for (y, n) in near_ties if y == year}
        for name in flagged:
            row = out.set_index("name").loc[name]
            assert (row["rank_published"], row["rank"]) == near_ties[(year, name)]
    nm = out.set_index("name")   # 2024
    assert "Kiribati" in nm.loc["Iraq", "published_note"]


def test_use_published_2022():
    # every 2022 published rank is the rank of the published EGDI
    df = egdi.read_un_csv(un_file(2022))
    out = egdi.compute(df, edition=2022, use_published=True, published=True)
    assert (out["rank"] == out["rank_published"]).all()
    assert (out["published_diff"] == "").all()
    assert out["egdi"].tolist() == sorted(df["egdi_published"], reverse=True)


def test_memberships_and_group_averages():
    m = memberships()
    assert set(m["group"]) == {"gcc", "arab", "escwa", "ldc", "lldc", "sids"}
    df = egdi.read_un_csv(un_file(2024))
    avg = egdi.group_averages(df, by="ldc").set_index("group")
    assert avg.loc["ldc", "n"] == 45           # 1 July 2024: Sao Tome and Principe still an LDC
    pub = df.set_index("name")
    gcc = ["Bahrain", "Kuwait", "Oman", "Qatar", "Saudi Arabia", "United Arab Emirates"]
    avg = egdi.group_averages(df, by="gcc", columns=["osi"]).set_index("group")
    assert avg.loc["gcc", "osi"] == pytest.approx(pub.loc[gcc, "osi"].mean(), abs=1e-12)


def test_membership_groups_have_sources_and_dates():
    g = egdi.membership_groups().set_index("key")
    assert set(g.index) == {"gcc", "arab", "escwa", "ldc", "lldc", "sids"}
    assert g.loc["gcc", "as_of"] == "1981-05-25"
    assert all(g["source"].str.len() > 0) and all(g["as_of"].str.match(r"\d{4}-\d{2}-\d{2}$"))

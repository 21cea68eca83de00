import csv
import os

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
DATA = os.environ.get("EGDI_DATA", os.path.join(ROOT, "data"))
EDITIONS = [2003, 2004, 2005, 2008, 2010, 2012, 2014, 2016, 2018, 2020, 2022, 2024]


def un_file(year):
    return os.path.join(DATA, "un-egov", f"EGOV_DATA_{year}.csv")


@pytest.fixture(scope="session")
def near_ties():
    """(edition, name) -> (published rank, computed rank), shared with the C and tool tests."""
    out = {}
    with open(os.path.join(ROOT, "tests", "fixtures", "near_ties.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            out[(int(r["edition"]), r["name"])] = (int(r["published_rank"]),
                                                   int(r["computed_rank"]))
    return out

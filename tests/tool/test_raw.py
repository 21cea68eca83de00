#!/usr/bin/env python3
"""The raw-indicator pipeline against real data (standard library only):
`egdi compute --input raw` on the shipped data/raw/EGDI_RAW_<edition>.csv
reproduces the published TII and HCI of 2020 and 2022 to within the documented
tolerance (data/raw/README.md): Pearson r > 0.95 and median absolute rank
difference <= 10, for each component and edition, on at least as many countries
as the extracts cover.

usage: test_raw.py PATH_TO_EGDI DATA_DIR
"""
import csv
import io
import math
import os
import statistics
import subprocess
import sys
import unittest

from tool_util import EGDI, DATA, run, published  # noqa: E402
REPO = os.path.dirname(os.path.abspath(DATA))
SCRIPT = os.path.join(REPO, "tools", "make_raw_inputs.py")
EDITIONS = (2020, 2022)
MIN_R, MAX_MEDIAN_RANK_DIFF = 0.95, 10
# countries with every indicator in the extracts (data/raw/README.md): a fit on
# fewer would say little
MIN_COUNTRIES = {"tii": 180, "hci": 140}


def raw_file(year):
    return os.path.join(DATA, "raw", f"EGDI_RAW_{year}.csv")


def competition_ranks(values):
    """1 + the number of strictly greater values (ties share the best rank)."""
    order = sorted(values, reverse=True)
    first = {}
    for pos, v in enumerate(order):
        first.setdefault(v, pos + 1)
    return [first[v] for v in values]


def pearson(x, y):
    mx, my = statistics.fmean(x), statistics.fmean(y)
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / math.sqrt(sxx * syy)


def fit(rows, pub, column, pub_column):
    """(countries, r, median |rank difference|) of the computed against the published
    values, ranks taken among the countries that have both."""
    pairs = [(float(r[column]), float(pub[r["name"]][pub_column]))
             for r in rows if r[column] != ""]
    x, y = [p[0] for p in pairs], [p[1] for p in pairs]
    diffs = [abs(a - b) for a, b in zip(competition_ranks(x), competition_ranks(y))]
    return len(pairs), pearson(x, y), statistics.median(diffs)


def compute(year, *extra):
    out = run("compute", "--input", "raw", "--drop-absent-indicators", "--format", "csv",
              *extra, raw_file(year)).stdout
    return list(csv.DictReader(io.StringIO(out)))


class RawPipeline(unittest.TestCase):
    def test_shipped_inputs_are_up_to_date(self):
        p = subprocess.run([sys.executable, SCRIPT, "--check", "--repo", REPO],
                           capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)

    def test_reproduces_published_tii_and_hci(self):
        components = (("tii", "Telecommunication Infrastructure Index"),
                      ("hci", "Human Capital Index"))
        for year in EDITIONS:
            rows, pub = compute(year), published(year)
            self.assertEqual(len(rows), 193)
            for column, pub_column in components:
                with self.subTest(edition=year, component=column):
                    n, r, med = fit(rows, pub, column, pub_column)
                    print(f"\n{year} {column.upper()}: {n} countries, Pearson r {r:.4f}, "
                          f"median |rank difference| {med:g}", file=sys.stderr, end="")
                    self.assertGreaterEqual(n, MIN_COUNTRIES[column])
                    self.assertGreater(r, MIN_R)
                    self.assertLessEqual(med, MAX_MEDIAN_RANK_DIFF)
        print(file=sys.stderr)

    def test_osi_is_the_published_osi(self):
        # osi_raw is the published OSI, which spans [0, 1]: the min-max of the raw
        # input leaves it unchanged, so EGDI = (published OSI + TII + HCI) / 3
        for year in EDITIONS:
            rows, pub = compute(year), published(year)
            for r in rows:
                self.assertAlmostEqual(float(r["osi"]),
                                       float(pub[r["name"]]["Online Service Index"]), 12)
                if r["egdi"]:
                    mean = (float(r["osi"]) + float(r["tii"]) + float(r["hci"])) / 3
                    self.assertAlmostEqual(float(r["egdi"]), mean, 12)

    def test_a_country_missing_an_indicator_is_not_ranked(self):
        # Andorra has no adult literacy value in the extracts: no HCI (the Survey
        # needs every indicator), so no EGDI and no rank; its TII is computed
        rows = {r["code"]: r for r in compute(2022)}
        with open(raw_file(2022), encoding="utf-8") as f:
            raw = {r["code"]: r for r in csv.DictReader(f)}
        self.assertEqual(raw["AND"]["adult_literacy"], "")
        self.assertEqual((rows["AND"]["hci"], rows["AND"]["egdi"], rows["AND"]["rank"]),
                         ("", "", ""))
        self.assertNotEqual(rows["AND"]["tii"], "")
        # with imputation (the median of its income group) it is ranked
        rows = {r["code"]: r for r in compute(2022, "--impute", "groupmedian:income")}
        self.assertNotEqual(rows["AND"]["rank"], "")
        self.assertEqual(rows["AND"]["imputed"], "adult_literacy")

    def test_absent_indicators_need_the_option(self):
        p = run("compute", "--input", "raw", raw_file(2022), check=False)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("active_mobile_broadband", p.stderr)
        self.assertIn("not found", p.stderr)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)

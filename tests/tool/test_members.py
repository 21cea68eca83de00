#!/usr/bin/env python3
"""egdi compute --rank-within with memberships and user groups, the code column,
egdi groups with EGDI groups and memberships, and the published figures side by
side (standard library only).

usage: test_members.py PATH_TO_EGDI DATA_DIR
"""
import csv
import io
import json
import os
import subprocess
import sys
import unittest

from tool_util import EGDI, DATA, run, un_file, published  # noqa: E402
FIXTURES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "fixtures")
EDITIONS = [2003, 2004, 2005, 2008, 2010, 2012, 2014, 2016, 2018, 2020, 2022, 2024]
GCC = ["Bahrain", "Kuwait", "Oman", "Qatar", "Saudi Arabia", "United Arab Emirates"]


def rows(*args):
    return list(csv.DictReader(io.StringIO(run(*args).stdout)))


class RankWithin(unittest.TestCase):
    def test_gcc_2016(self):
        # published 2016 world ranks: Bahrain 24, United Arab Emirates 29, Kuwait 40,
        # Saudi Arabia 44, Qatar 48, Oman 66 -> GCC ranks 1..6 in that order
        want = {"Bahrain": "1", "United Arab Emirates": "2", "Kuwait": "3",
                "Saudi Arabia": "4", "Qatar": "5", "Oman": "6"}
        pub = published(2016)
        self.assertEqual(sorted(GCC, key=lambda c: int(pub[c]["E-Government Rank"])),
                         list(want))
        got = {r["name"]: r for r in rows("compute", "--rank-within", "gcc", "-f", "csv",
                                          un_file(2016))}
        self.assertEqual({n: r["gcc_rank"] for n, r in got.items() if r["gcc_rank"]}, want)
        self.assertEqual(got["Bahrain"]["code"], "BHR")
        self.assertEqual(got["Bahrain"]["gcc"], "gcc")
        self.assertEqual(got["Jordan"]["gcc_rank"], "")       # not a member: empty
        # the same group given by the user, by ISO code and by name in any case
        spec = "gulf=BHR,Kuwait,oman,QAT,Saudi Arabia,ARE"
        got = {r["name"]: r["gulf_rank"] for r in rows("compute", "--rank-within", "gulf",
                                                       "--group", spec, "-f", "csv",
                                                       un_file(2016))}
        self.assertEqual({n: r for n, r in got.items() if r}, want)

    def test_membership_counts_follow_the_edition(self):
        # LDCs on 1 July of the edition year: 45 in 2024 (Sao Tome and Principe graduated
        # 2024-12-13; 44 after), 48 in 2012 (South Sudan joined 2012-12-17); all assessed
        for year, n in [(2024, 45), (2012, 48)]:
            r = rows("compute", "--rank-within", "ldc", "-f", "csv", un_file(year))
            self.assertEqual(sum(x["ldc"] == "ldc" for x in r), n, year)
            self.assertEqual(sum(x["ldc_rank"] != "" for x in r), n - (2 if year == 2012 else 0))
            ldc = {x["name"] for x in r if x["ldc"]}
            self.assertIn("Sao Tome and Principe", ldc)
            self.assertNotIn("Bhutan" if year == 2024 else "South Sudan", ldc)
        # League of Arab States: 22 members, of which the State of Palestine is not in
        # the Survey data; ranks 1..21 in 2024 (every member assessed)
        r = rows("compute", "--rank-within", "arab", "-f", "csv", un_file(2024))
        self.assertEqual(sorted(int(x["arab_rank"]) for x in r if x["arab_rank"]),
                         list(range(1, 22)))

    def test_errors(self):
        p = run("compute", "--rank-within", "nosuch", un_file(2016), check=False)
        self.assertEqual(p.returncode, 3)
        self.assertIn("rank within 'nosuch'", p.stderr)
        self.assertIn("gcc", p.stderr)                         # lists the memberships
        p = run("compute", "--rank-within", "g", "--group", "g=Atlantis,BHR,Narnia",
                un_file(2016), check=False)
        self.assertEqual(p.returncode, 3)
        self.assertIn("'Atlantis', 'Narnia'", p.stderr)
        p = run("compute", "--rank-within", "g", "--group", "g= , ", un_file(2016), check=False)
        self.assertEqual(p.returncode, 2)
        self.assertIn("group 'g' has no members", p.stderr)


class Published(unittest.TestCase):
    def test_near_ties_and_anomalies(self):
        with open(os.path.join(FIXTURES, "near_ties.csv"), encoding="utf-8") as f:
            ties = list(csv.DictReader(f))
        for year in sorted({int(t["edition"]) for t in ties}):
            got = {r["name"]: r for r in rows("compute", "--published", "-f", "csv",
                                              un_file(year))}
            flagged = {n for n, r in got.items() if "rank" in r["published_diff"]}
            want = {t["name"] for t in ties if int(t["edition"]) == year}
            self.assertEqual(flagged, want, year)
            for t in ties:
                if int(t["edition"]) == year:
                    r = got[t["name"]]
                    self.assertEqual((r["rank_published"], r["rank"]),
                                     (t["published_rank"], t["computed_rank"]))
        r = {x["name"]: x for x in rows("compute", "--published", "-f", "csv", un_file(2020))}
        self.assertTrue(r["North Macedonia"]["published_note"].startswith("near tie"))
        self.assertIn("Peru", r["North Macedonia"]["published_note"])
        r = {x["name"]: x for x in rows("compute", "--published", "-f", "csv", un_file(2008))}
        self.assertEqual(r["Cambodia"]["published_diff"], "egdi+rank")
        self.assertTrue(r["Cambodia"]["published_note"].startswith("source anomaly"))
        self.assertIn("Cambodia's source anomaly", r["Zimbabwe"]["published_note"])
        r = rows("compute", "--published", "-f", "csv", un_file(2024))
        # 92 rows of 2024 differ from the mean of their components beyond rounding
        # (tests/golden/test_golden.c)
        self.assertEqual(sum("egdi" in x["published_diff"] for x in r), 92)
        self.assertIn("Kiribati's source anomaly",
                      next(x for x in r if x["name"] == "Iraq")["published_note"])
        # without --published the columns are not there
        self.assertNotIn("egdi_published", rows("compute", "-f", "csv", un_file(2024))[0])

    def test_use_published_reproduces_the_ranks(self):
        # ranking the published EGDI gives the published ranks in every edition but
        # 2020, which ranked unrounded values: four units tie at 4 decimals there
        for year in EDITIONS:
            allow = ["--allow-out-of-range"] if year == 2003 else []
            r = rows("compute", "--use-published", "--published", *allow, "-f", "csv",
                     un_file(year))
            differ = sorted(x["name"] for x in r if x["published_diff"])
            if year == 2020:
                self.assertEqual(differ, ["Andorra", "Hungary", "North Macedonia",
                                          "Timor-Leste"])
            else:
                self.assertEqual(differ, [], year)
                pub = published(year)
                for x in r:
                    if x["rank"]:
                        self.assertEqual(x["rank"], pub[x["name"]]["E-Government Rank"].strip())
        # 2024 on the published EGDI: Denmark 0.98474 as published, GCC ranks consistent
        r = rows("compute", "--use-published", "--rank-within", "gcc", "-f", "csv", un_file(2024))
        self.assertEqual(r[0]["egdi"], "0.98474")
        gcc = sorted((int(x["rank"]), int(x["gcc_rank"])) for x in r if x["gcc_rank"])
        self.assertEqual([g for _, g in gcc], [1, 2, 3, 4, 5, 6])


class Groups(unittest.TestCase):
    def test_egdi_groups_and_best(self):
        # 2024 Survey: 76 countries in the Very High group; Denmark first
        r = {x["name"]: x for x in rows("groups", "--by", "group", "-f", "csv", un_file(2024))}
        self.assertEqual([r[g]["n"] for g in ["Very High", "High", "Middle", "Low"]],
                         ["76", "62", "44", "11"])
        self.assertEqual(r["Very High"]["best"], "Denmark")
        self.assertEqual(r["World"]["best"], "Denmark")
        table = run("groups", un_file(2024)).stdout
        self.assertIn("EGDI group", table)
        self.assertRegex(table, r"Very High\s+76 ")

    def test_by_membership(self):
        r = {x["name"]: x for x in rows("groups", "--by", "gcc", "-f", "csv", un_file(2024))}
        self.assertEqual(r["gcc"]["n"], "6")
        pub = published(2024)
        best = min(GCC, key=lambda c: int(pub[c]["E-Government Rank"]))
        self.assertEqual(r["gcc"]["best"], best)
        out = json.loads(run("groups", "--by", "ldc", "-f", "json", un_file(2012)).stdout)["rows"]
        self.assertEqual(next(x for x in out if x["name"] == "ldc")["n"], 46)  # 48, 2 not assessed


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)

#!/usr/bin/env python3
"""End-to-end tests of `egdi whatif` (standard library only).

Every answer is verified by a full recomputation: the returned value is put
into a copy of the input CSV, `egdi compute` ranks it, and the rank (group,
class) must reach the target; a value 1e-6 below must not; an answer out of
reach must give best_rank at the upper bound.

usage: test_whatif.py PATH_TO_EGDI DATA_DIR
"""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import unittest

from tool_util import EGDI, DATA, run, un_file  # noqa: E402
COLUMNS = {"osi": "Online Service Index", "tii": "Telecommunication Infrastructure Index",
           "hci": "Human Capital Index"}
GROUPS = ["Low", "Middle", "High", "Very High"]
CLASSES = ["L1", "L2", "L3", "LM", "M1", "M2", "M3", "MH", "H1", "H2", "H3", "HV",
           "V1", "V2", "V3", "VH"]

# a small raw dataset with the 2024 indicators: each unit is strong somewhere
RAW = """name,osi_raw,internet_users,mobile_subscriptions,fixed_broadband,active_mobile_broadband,adult_literacy,gross_enrolment,expected_years,mean_years
A,60,85,110,25,80,95,85,15,11
B,75,60,125,15,95,90,80,13,9
C,70,75,100,30,70,98,90,16,12
D,65,50,95,20,60,99,95,17,13
E,80,70,130,10,100,85,75,12,8
F,55,90,105,35,85,92,88,14,10
G,72,66,118,22,75,97,82,15,11
H,68,80,90,28,90,94,86,13,12
"""


def rows_of(text):
    doc = json.loads(text)
    return doc["rows"] if isinstance(doc, dict) else doc


class Recompute:
    """Recompute an edition with one country's value changed (a copy of the file)."""

    def __init__(self, path, country, raw_edition=None):
        with open(path, encoding="utf-8", newline="") as f:
            self.rows = list(csv.DictReader(f))
        self.fields = list(self.rows[0])
        self.key = "name" if raw_edition else "Country Name"
        self.country, self.raw_edition = country, raw_edition

    def __call__(self, vary, value):
        """The country's row of `egdi compute --format csv` with vary = value
        ("uniform": every component raised by value, at most to 1)."""
        rows = [dict(r) for r in self.rows]
        row = next(r for r in rows if r[self.key].strip() == self.country)
        if vary == "uniform":
            for column in COLUMNS.values():
                row[column] = repr(min(float(row[column]) + value, 1.0))
        else:
            column = COLUMNS.get(vary, vary) if not self.raw_edition else (
                "osi_raw" if vary == "osi" else vary)
            row[column] = repr(value)
        args = ["--input", "raw", "--edition", self.raw_edition] if self.raw_edition else []
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "changed.csv")
            with open(path, "w", encoding="utf-8", newline="") as f:
                w = csv.DictWriter(f, self.fields)
                w.writeheader()
                w.writerows(rows)
            out = run("compute", *args, "--format", "csv", path).stdout
        return next(r for r in csv.DictReader(io.StringIO(out)) if r["name"] == self.country)


def meets(row, target):
    kind, value = target["kind"], target["value"]
    if kind == "rank":
        return row["rank"] != "" and int(row["rank"]) <= value
    if kind == "group":
        return row["group"] in GROUPS and GROUPS.index(row["group"]) >= GROUPS.index(value)
    return row["rating_class"] in CLASSES and CLASSES.index(row["rating_class"]) >= \
        CLASSES.index(value)


class WhatIf(unittest.TestCase):
    def verify(self, answers, recompute):
        """Check every answer against full recomputations."""
        for a in answers:
            vary, target = a["vary"], a["target"]
            now = recompute(vary, a["current_value"])
            self.assertEqual(int(now["rank"]), a["current_rank"], vary)
            top = recompute(vary, a["upper"])
            self.assertEqual(int(top["rank"]), a["best_rank"], vary)
            self.assertEqual(int(recompute(vary, a["best_value"])["rank"]), a["best_rank"], vary)
            if not a["reachable"]:
                self.assertIsNone(a["value"])
                self.assertIsNone(a["rank"])
                self.assertFalse(meets(top, target), vary)
                continue
            got = recompute(vary, a["value"])
            self.assertTrue(meets(got, target), f"{vary} = {a['value']!r}")
            self.assertEqual(int(got["rank"]), a["rank"], vary)
            self.assertEqual(got["group"], a["group"], vary)
            if a["already_met"]:
                self.assertEqual(a["value"], a["current_value"])
                continue
            below = recompute(vary, a["value"] - 1e-6)
            self.assertFalse(meets(below, target), f"{vary} = {a['value'] - 1e-6!r}")

    def test_bahrain_2024_rank_10(self):
        # Bahrain 2024 (published rank 18): only the HCI can bring it to rank 10,
        # from 0.86804 to 0.970695 (hand derivation in tests/survey/test_whatif.c), or
        # all three components by 0.0451925 each; OSI and TII are out of reach even at 1
        # (best ranks 12 and 17).
        p = run("whatif", "--country", "Bahrain", "--target-rank", 10, "-f", "json",
                un_file(2024))
        answers = rows_of(p.stdout)
        self.assertEqual([a["vary"] for a in answers], ["osi", "tii", "hci", "uniform"])
        by = {a["vary"]: a for a in answers}
        self.assertEqual({v: a["reachable"] for v, a in by.items()},
                         {"osi": False, "tii": False, "hci": True, "uniform": True})
        self.assertIs(by["hci"]["reachable"], True)
        self.assertAlmostEqual(by["hci"]["value"], 0.970695, delta=2e-10)
        self.assertAlmostEqual(by["uniform"]["value"], 0.0451925, delta=2e-10)
        self.assertEqual((by["osi"]["best_rank"], by["tii"]["best_rank"]), (12, 17))
        self.assertEqual(by["hci"]["current_rank"], 18)
        self.assertEqual(by["hci"]["target"], {"kind": "rank", "value": 10})
        self.verify(answers, Recompute(un_file(2024), "Bahrain"))
        # the table says the same for people; ISO codes work as names do
        p = run("whatif", "--country", "BHR", "--target-rank", 10, un_file(2024))
        lines = p.stdout.splitlines()
        self.assertIn("rank 18", lines[0])
        self.assertIn("out of reach: best rank 12", next(s for s in lines if s.startswith("osi")))
        self.assertIn("0.97070", next(s for s in lines if s.startswith("hci")))

    def test_group_and_class_targets(self):
        # Kyrgyzstan 2024 (High, EGDI 0.73162) to Very High: each component by 0.055115
        answers = rows_of(run("whatif", "--country", "Kyrgyzstan", "--target-group", "VH",
                              "-f", "json", un_file(2024)).stdout)
        self.assertTrue(all(a["reachable"] and a["group"] == "Very High" for a in answers))
        self.assertAlmostEqual(answers[0]["value"] - answers[0]["current_value"], 0.055115,
                               delta=1e-9)
        self.verify(answers, Recompute(un_file(2024), "Kyrgyzstan"))
        # Bahrain 2022 (class V1) to the top class VH: only a uniform increase reaches it
        answers = rows_of(run("whatif", "--country", "Bahrain", "--target-class", "vh",
                              "-f", "json", un_file(2022)).stdout)
        self.assertEqual([a["reachable"] for a in answers], [False, False, False, True])
        self.assertEqual(answers[3]["rating_class"], "VH")
        self.assertEqual(answers[0]["current_class"], "V1")
        rec = Recompute(un_file(2022), "Bahrain")
        self.verify(answers, rec)
        got = rec("uniform", answers[3]["value"])
        self.assertEqual(got["rating_class"], "VH")
        self.assertNotEqual(rec("uniform", answers[3]["value"] - 1e-6)["rating_class"], "VH")

    def test_raw_indicator(self):
        # B (rank 5) to rank 2 through internet users: the z-scores move with B's value.
        # The ranks and the threshold come from a separate numpy implementation of the
        # 2024 method (not this tool; the derivation is in tests/survey/test_whatif.c,
        # raw_indicators): rank 2 from 79.40425325 on, best rank 3 at 18 expected years.
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "raw.csv")
            with open(path, "w", encoding="utf-8") as f:
                f.write(RAW)
            answers = rows_of(run("whatif", "--edition", 2024, "--input", "raw", "--country", "B",
                                  "--target-rank", 2, "--vary", "internet_users",
                                  "--vary", "expected_years", "-f", "json", path).stdout)
            by = {a["vary"]: a for a in answers}
            self.assertTrue(by["internet_users"]["reachable"])
            self.assertEqual((by["internet_users"]["current_value"], by["internet_users"]["upper"]),
                             (60, 100))
            self.assertEqual(by["internet_users"]["current_rank"], 5)
            self.assertAlmostEqual(by["internet_users"]["value"], 79.40425325, delta=1e-7)
            self.assertFalse(by["expected_years"]["reachable"])   # best rank 3 at 18 years
            self.assertEqual((by["expected_years"]["upper"], by["expected_years"]["best_rank"]),
                             (18, 3))
            # the online-service score has no natural bound: --upper gives one
            answers += rows_of(run("whatif", "--edition", 2024, "--input", "raw", "--country",
                                   "B", "--target-rank", 2, "--vary", "osi", "--upper", 150,
                                   "-f", "json", path).stdout)
            self.assertTrue(answers[-1]["reachable"])
            self.verify(answers, Recompute(path, "B", raw_edition=2024))
            # without --vary: every raw indicator with a natural bound (the percentage's is 100)
            p = run("whatif", "--edition", 2024, "--input", "raw", "--country", "B",
                    "--target-rank", 1, "-f", "json", path)
            answers = rows_of(p.stdout)
            self.assertIn("osi has no natural upper bound", p.stderr)
            self.assertEqual(len(answers), 8)
            self.assertEqual(next(a for a in answers if a["vary"] == "internet_users")["upper"], 100)
            self.verify(answers, Recompute(path, "B", raw_edition=2024))
            p = run("whatif", "--edition", 2024, "--input", "raw", "--country", "B",
                    "--target-rank", 2, "--vary", "tii", path, check=False)
            self.assertEqual(p.returncode, 2)
            self.assertIn("vary one of them", p.stderr)

    def test_target_already_met(self):
        answers = rows_of(run("whatif", "--country", "Bahrain", "--target-rank", 20, "--vary",
                              "osi", "-f", "json", un_file(2024)).stdout)
        a = answers[0]
        self.assertTrue(a["reachable"] and a["already_met"])
        self.assertEqual((a["value"], a["current_value"], a["rank"], a["change"]),
                         (0.90305, 0.90305, 18, 0))
        p = run("whatif", "--country", "Bahrain", "--target-rank", 20, "--vary", "osi",
                un_file(2024))
        self.assertIn("already met: no change needed", p.stdout)

    def test_csv_and_output_file(self):
        out = run("whatif", "--country", "Bahrain", "--target-rank", 10, "--vary", "hci",
                  "-f", "csv", un_file(2024)).stdout
        rows = list(csv.DictReader(io.StringIO(out)))
        self.assertEqual(list(rows[0])[:6], ["name", "edition", "vary", "target_kind",
                                             "target_value", "reachable"])
        self.assertEqual((rows[0]["name"], rows[0]["reachable"], rows[0]["rank"]),
                         ("Bahrain", "true", "10"))
        with tempfile.TemporaryDirectory() as d:
            target = os.path.join(d, "answer.json")
            run("whatif", "--country", "Bahrain", "--target-rank", 10, "-f", "json", "-o", target,
                un_file(2024))
            with open(target, encoding="utf-8") as f:
                self.assertEqual(len(rows_of(f.read())), 4)
            self.assertEqual(os.listdir(d), ["answer.json"])

    def test_errors(self):
        cases = [
            (["--country", "Atlantis", "--target-rank", 10], 3, "no country 'Atlantis'"),
            (["--country", "Bahrain", "--target-rank", 10, "--vary", "xyz"], 2, "vary 'xyz'"),
            (["--country", "Bahrain", "--target-rank", 0], 2, "--target-rank"),
            (["--country", "Bahrain", "--target-rank", 500], 2, "target rank 500 is not 1..193"),
            (["--country", "Bahrain", "--target-group", "XX"], 2, "--target-group"),
            (["--country", "Bahrain", "--target-class", "Q7"], 2, "--target-class"),
            (["--country", "Bahrain"], 2, "give one target"),
            (["--country", "Bahrain", "--target-rank", 1, "--target-group", "H"], 2,
             "give one target"),
            (["--country", "Bahrain", "--target-rank", 1, "--upper", "2"], 2, "leave [0, 1]"),
            (["--country", "Bahrain", "--target-rank", 1, "--tolerance", "0"], 2, "--tolerance"),
            (["--target-rank", 1], 2, "usage: egdi whatif"),
        ]
        for args, code, message in cases:
            p = run("whatif", *args, un_file(2024), check=False)
            self.assertEqual(p.returncode, code, f"{args}: {p.stderr}")
            self.assertIn(message, p.stderr, args)
        p = run("whatif", "--country", "Bahrain", "--target-class", "VH", un_file(2018),
                check=False)
        self.assertEqual(p.returncode, 2)
        self.assertIn("edition 2018 has no rating classes", p.stderr)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1])

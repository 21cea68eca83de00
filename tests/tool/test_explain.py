#!/usr/bin/env python3
"""End-to-end tests of `egdi explain` (standard library only).

usage: test_explain.py PATH_TO_EGDI DATA_DIR
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


def rows(*args):
    return {r["code"]: r for r in csv.DictReader(io.StringIO(run(*args, "-f", "csv").stdout))}


class Gap(unittest.TestCase):
    def test_bahrain_saudi_2024(self):
        # published components, weights 1/3: Bahrain OSI 0.90305 TII 0.98773 HCI 0.86804,
        # Saudi Arabia 0.98995 0.98411 0.90666; gap -0.1219 / 3, OSI -0.0869 / 3,
        # TII 0.00362 / 3, HCI -0.03862 / 3 (to 1e-12)
        r = rows("explain", "--country", "BHR", "--versus", "SAU", un_file(2024))
        self.assertEqual(list(r), ["egdi", "osi", "tii", "hci"])
        self.assertEqual((r["egdi"]["unit"], r["egdi"]["versus"]), ("Bahrain", "Saudi Arabia"))
        want = {"egdi": -0.1219 / 3, "osi": -0.0869 / 3, "tii": 0.00362 / 3,
                "hci": -0.03862 / 3}
        for node, value in want.items():
            self.assertAlmostEqual(float(r[node]["contribution"]), value, delta=1e-12)
        self.assertAlmostEqual(float(r["osi"]["share"]), 0.0869 / 0.1219, delta=1e-12)
        self.assertAlmostEqual(sum(float(r[c]["contribution"]) for c in ("osi", "tii", "hci")),
                               float(r["egdi"]["gap"]), delta=1e-12)
        # the same by name, and the ranks: Bahrain 18th; TII 10th, OSI 23rd, HCI 32nd
        self.assertEqual(rows("explain", "--country", "bahrain", "--versus", "Saudi Arabia",
                              un_file(2024)), r)
        self.assertEqual([r[c]["rank"] for c in ("egdi", "osi", "tii", "hci")],
                         ["18", "23", "10", "32"])

    def test_2008_weights(self):
        # 0.34 / 0.33 / 0.33: OSI 0.34 * 0.05518, TII 0.33 * 0.1236, HCI 0.33 * 0.05836
        r = rows("explain", "--country", "Bahrain", "--versus", "Saudi Arabia", un_file(2008))
        self.assertAlmostEqual(float(r["osi"]["contribution"]), 0.34 * 0.05518, delta=1e-12)
        self.assertAlmostEqual(float(r["tii"]["contribution"]), 0.33 * 0.1236, delta=1e-12)
        self.assertAlmostEqual(float(r["hci"]["contribution"]), 0.33 * 0.05836, delta=1e-12)
        self.assertAlmostEqual(float(r["egdi"]["gap"]), 0.078808, delta=1e-12)

    def test_versus_groups(self):
        with open(un_file(2024), encoding="utf-8") as f:
            osi = [float(x["Online Service Index"]) for x in csv.DictReader(f)]
        world = rows("explain", "--country", "Bahrain", un_file(2024))
        self.assertEqual(world["egdi"]["versus"], "World")
        self.assertAlmostEqual(float(world["osi"]["value_b"]), sum(osi) / len(osi), delta=1e-12)
        asia = rows("explain", "--country", "Bahrain", "--versus", "region", un_file(2024))
        self.assertEqual(asia["egdi"]["versus"], "Asia")
        europe = rows("explain", "--country", "Bahrain", "--versus", "europe", un_file(2024))
        self.assertEqual(europe["egdi"]["versus"], "Europe")
        self.assertNotEqual(asia["osi"]["value_b"], europe["osi"]["value_b"])
        best = rows("explain", "--country", "Bahrain", "--versus", "best", un_file(2024))
        self.assertEqual(best["egdi"]["versus"], "Denmark")

    def test_raw_input(self):
        # z-scores of three units with equally spaced values (see tests/survey/test_explain.c):
        # A versus B, shares of the EGDI gap -5/8: internet -1/12, mean_years -1/6, OSI -1/6
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "raw.csv")
            with open(path, "w", encoding="utf-8") as f:
                f.write("code,osi_raw,internet_users,fixed_broadband,active_mobile_broadband,"
                        "mobile_subscriptions,adult_literacy,gross_enrolment,expected_years,"
                        "mean_years\nA,0.2,10,5,90,100,60,90,10,4\nB,0.5,50,10,50,110,80,60,12,8\n"
                        "C,0.8,90,15,10,120,100,30,14,6\n")
            r = rows("explain", "--edition", "2024", "--input", "raw", "--country", "A",
                     "--versus", "B", path)
            self.assertEqual(len(r), 12)
            self.assertAlmostEqual(float(r["egdi"]["gap"]), -5 / 8, delta=1e-12)
            self.assertAlmostEqual(float(r["internet_users"]["contribution"]), -1 / 12,
                                   delta=1e-12)
            self.assertAlmostEqual(float(r["mean_years"]["contribution"]), -1 / 6, delta=1e-12)
            self.assertAlmostEqual(float(r["osi"]["contribution"]), -1 / 6, delta=1e-12)
            leaves = [v for v in r.values() if v["depth"] == "2" or v["code"] == "osi"]
            self.assertAlmostEqual(sum(float(v["contribution"]) for v in leaves), -5 / 8,
                                   delta=1e-12)
            self.assertEqual(r["active_mobile_broadband"]["rank"], "1")
            # a table on the terminal lists every indicator under its component
            out = run("explain", "--edition", "2024", "--input", "raw", "--country", "A",
                      "--versus", "B", path).stdout
            self.assertIn("    mean_years", out)


class Strengths(unittest.TestCase):
    def test_bahrain_2018(self):
        # overall 26th; TII 4th (22 places better: a strength), OSI 45th and HCI 60th
        # (19 and 34 worse: weaknesses at the default of 5 places)
        r = rows("explain", "--country", "Bahrain", un_file(2018))
        self.assertEqual([r[c]["rank"] for c in ("egdi", "osi", "tii", "hci")],
                         ["26", "45", "4", "60"])
        self.assertEqual([r[c]["label"] for c in ("osi", "tii", "hci")],
                         ["weakness", "strength", "weakness"])
        self.assertEqual(r["tii"]["difference"], "22")
        # the single best and worst component only
        r = rows("explain", "--country", "Bahrain", "--top", "1", "--bottom", "1", un_file(2018))
        self.assertEqual([r[c]["label"] for c in ("osi", "tii", "hci")],
                         ["", "strength", "weakness"])
        r = rows("explain", "--country", "Bahrain", "--min-rank-gap", "25", un_file(2018))
        self.assertEqual([r[c]["label"] for c in ("osi", "tii", "hci")],
                         ["", "", "weakness"])

    def test_table_and_json(self):
        out = run("explain", "--country", "Bahrain", "--versus", "Saudi Arabia",
                  un_file(2018)).stdout
        self.assertIn("Bahrain versus Saudi Arabia, edition 2018", out)
        self.assertIn("overall rank 26 of 193", out)
        self.assertRegex(out, r"tii .* 4 +193 +\+22  strength")
        data = json.loads(run("explain", "--country", "BHR", "-f", "json", un_file(2018)).stdout)
        self.assertEqual((data["provenance"]["country"], data["provenance"]["edition"]),
                         ("Bahrain", "2018"))
        data = data["rows"]
        tii = next(x for x in data if x["code"] == "tii")
        self.assertEqual((tii["rank"], tii["label"]), (4, "strength"))


class Errors(unittest.TestCase):
    def test_errors(self):
        p = run("explain", "--country", "Atlantis", un_file(2024), check=False)
        self.assertEqual(p.returncode, 3)
        self.assertIn("no country 'Atlantis'", p.stderr)
        p = run("explain", "--country", "BHR", "--versus", "Bahrain", un_file(2024), check=False)
        self.assertEqual(p.returncode, 2)
        self.assertIn("itself", p.stderr)
        p = run("explain", "--country", "BHR", "--versus", "Narnia", un_file(2024), check=False)
        self.assertEqual(p.returncode, 3)
        self.assertIn("no country 'Narnia'", p.stderr)
        p = run("explain", un_file(2024), check=False)
        self.assertEqual(p.returncode, 2)
        p = run("explain", "--country", "BHR", "--min-rank-gap", "0", un_file(2024), check=False)
        self.assertEqual(p.returncode, 2)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1])

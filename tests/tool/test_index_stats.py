#!/usr/bin/env python3
"""End-to-end tests of `egdi index stats` (standard library only).

usage: test_index_stats.py PATH_TO_EGDI DATA_DIR

COINr 1.1.14's ASEM example as COINr ships it (tests/golden/coinr-asem/) and COINr's own
statistics of it (tests/golden/coinr-stats/README.md: get_stats, get_corr, get_cronbach).
Tolerance 1e-9 relative (csv output is shortest-exact, so nothing is lost in printing).
"""
import csv
import io
import json
import math
import os
import sys
import unittest

from tool_util import run  # noqa: E402

GOLDEN = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "golden")
ASEM = os.path.join(GOLDEN, "coinr-asem")
STATS = os.path.join(GOLDEN, "coinr-stats")
IMETA = os.path.join(ASEM, "input_ASEM_iMeta.csv")
IDATA = os.path.join(ASEM, "input_ASEM_iData.csv")
MINMAX = ("--normalise", "minmax lo=0 hi=100")   # COINr's pipeline a
TOL = 1e-9


def num(s):
    return math.nan if s in ("", "NA") else float(s)


def rows(text, key):
    return {r[key]: r for r in csv.DictReader(io.StringIO(text))}


def table(name, key):
    with open(os.path.join(STATS, name), encoding="utf-8") as f:
        return rows(f.read(), key)


def stats(*args):
    return run("index", "stats", *args, "-f", "csv", IMETA, IDATA).stdout


class IndexStats(unittest.TestCase):
    def close(self, got, want, what):
        got, want = num(got), num(want)
        if math.isnan(want):
            self.assertTrue(math.isnan(got), what)
        else:
            self.assertLessEqual(abs(got - want), TOL * abs(want), f"{what}: {got} vs {want}")

    def test_get_stats(self):
        got, want = rows(stats(), "code"), table("f_stats_raw.csv", "iCode")
        self.assertEqual(len(got), 49)
        for code, w in want.items():
            for column, value in w.items():
                if column == "iCode":
                    continue
                if column.startswith("Flag."):
                    self.assertEqual(got[code][column], value, f"{code} {column}")
                else:
                    self.close(got[code][column], value, f"{code} {column}")

    def test_pearson_matrix(self):
        got, want = rows(stats("--corr", "pearson"), "code"), table("f_corr_raw_pearson.csv",
                                                                     "iCode")
        n = 0
        for a, w in want.items():
            for b, value in w.items():
                if b != "iCode":
                    self.close(got[a][b], value, f"{a} {b}")
                    n += 1
        self.assertEqual(n, 49 * 49)

    def test_spearman_significance(self):
        # COINr's default pval = 0.05 blanks 1102 of the 2401 Spearman correlations
        got = rows(stats("--corr", "spearman", "--max-p", "0.05"), "code")
        blank = sum(1 for r in got.values() for k, v in r.items()
                    if k not in ("code", "name") and v == "")
        self.assertEqual(blank, 1102)
        p = rows(stats("--corr", "spearman", "--pvalues"), "code")
        self.assertEqual(num(p["LPI"]["LPI"]), 0)
        for a in got:
            for b in got:
                self.assertEqual(got[a][b] == "", num(p[a][b]) > 0.05, f"{a} {b}")

    def test_cronbach(self):
        want = table("f_cronbach_level2.csv", "Aggregate")
        raw = rows(stats("--cronbach"), "code")               # indicators as input
        norm = rows(stats("--cronbach", "--scores", *MINMAX), "code")  # min-max scores
        for p, w in want.items():
            self.close(raw[p]["alpha"], w["alpha_raw"], f"{p} raw")
            self.close(norm[p]["alpha"], w["alpha_normalised_minmax"], f"{p} normalised")
            self.assertEqual(raw[p]["n_items"], w["n_ind"])

    def test_with_parent(self):
        # each node against its parent on pipeline a's scores (COINr's file of them)
        got = rows(stats("--with-parent", "--scores", *MINMAX), "code")
        with open(os.path.join(ASEM, "a_minmax0_100_amean_aggregated.csv")) as f:
            agg = list(csv.DictReader(f))

        def pearson(a, b):
            x = [float(r[a]) for r in agg if r[a] != "NA" and r[b] != "NA"]
            y = [float(r[b]) for r in agg if r[a] != "NA" and r[b] != "NA"]
            mx, my = sum(x) / len(x), sum(y) / len(y)
            sxy = sum((u - mx) * (v - my) for u, v in zip(x, y))
            sxx = sum((u - mx) ** 2 for u in x)
            syy = sum((v - my) ** 2 for v in y)
            return sxy / math.sqrt(sxx * syy), len(x)

        self.assertEqual(len(got), 59)   # every node but the Index
        for code in ("Conn", "Physical", "LPI", "Forest"):
            r, n = pearson(code, got[code]["parent"])
            self.assertLessEqual(abs(float(got[code]["correlation"]) - r), 1e-12, code)
            self.assertEqual(int(float(got[code]["n"])), n)
        self.assertEqual(got["LPI"]["parent"], "Physical")

    def test_levels_and_json(self):
        p = run("index", "stats", "--corr", "kendall", "--level", "4,3", *MINMAX, "-f", "json",
                IMETA, IDATA)
        doc = json.loads(p.stdout)
        rows_ = doc["rows"] if isinstance(doc, dict) else doc
        self.assertEqual([r["code"] for r in rows_], ["Index"])
        self.assertTrue(-1 <= rows_[0]["Conn"] <= 1 and -1 <= rows_[0]["Sust"] <= 1)
        # Kendall's tau-b by its definition, over all pairs of units, on COINr's scores of
        # pipeline a (its aggregated file): (C - D) / sqrt((n0 - n1)(n0 - n2))
        with open(os.path.join(ASEM, "a_minmax0_100_amean_aggregated.csv")) as f:
            agg = list(csv.DictReader(f))

        def tau_b(a, b):
            x, y = [float(r[a]) for r in agg], [float(r[b]) for r in agg]
            s = tx = ty = 0
            for i in range(len(x)):
                for j in range(i + 1, len(x)):
                    u = (x[i] > x[j]) - (x[i] < x[j])
                    v = (y[i] > y[j]) - (y[i] < y[j])
                    s, tx, ty = s + u * v, tx + u * u, ty + v * v
            return s / math.sqrt(tx * ty)

        for b in ("Conn", "Sust"):
            self.assertLessEqual(abs(rows_[0][b] - tau_b("Index", b)), 1e-12, b)
        # within pillars only: Goods and LPI are in different pillars
        g = rows(stats("--corr", "pearson", "--group-level", "2"), "code")
        self.assertEqual(g["Goods"]["LPI"], "")
        self.assertNotEqual(g["Goods"]["Services"], "")

    def test_terminal_table(self):
        out = run("index", "stats", IMETA, IDATA).stdout
        self.assertIn("Flag.SkewKurt", out.splitlines()[0])
        self.assertIn("OUT", out)

    def test_errors(self):
        for args, msg in ((["--corr", "tau"], "pearson, spearman or kendall"),
                          (["--group-level", "2"], "go with --corr"),
                          (["--level", "1,2"], "goes with --corr"),
                          (["--level", "x"], "--level"),
                          (["--max-p", "2", "--corr", "pearson"], "--max-p"),
                          (["--with-parent", "--cronbach"], "one of")):
            p = run("index", "stats", *args, IMETA, IDATA, check=False)
            self.assertEqual(p.returncode, 2, args)
            self.assertIn(msg, p.stderr)
        p = run("index", "stats", "--level", "9", IMETA, IDATA, check=False)
        self.assertEqual(p.returncode, 2)
        self.assertIn("level 9", p.stderr)
        p = run("index", "stats", IMETA, os.path.join(ASEM, "nonexistent.csv"), check=False)
        self.assertEqual(p.returncode, 3)
        p = run("index", "stats", IMETA, check=False)
        self.assertEqual(p.returncode, 2)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0]], verbosity=1)

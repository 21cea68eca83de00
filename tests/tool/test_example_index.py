#!/usr/bin/env python3
"""The worked example examples/arab_digital_index/ through `egdi index` (standard library only).

usage: test_example_index.py PATH_TO_EGDI DATA_DIR

The illustrative Arab Digital Government Index (imeta.csv, data.csv; see its README.md):
21 Arab states, 9 indicators in 4 levels, one lower-is-better indicator (literacy_age),
missing values filled by income-group medians, mobile subscriptions capped at 120, fixed
broadband log-transformed (COINr's log_CT), COINr's winsorisation screen on the others, min-max
to [1, 100], arithmetic means below the top and a geometric mean at the top.

Every expected number below is recomputed here, in plain Python, from the definition's rules
and the data file; nothing is copied from the tool's output. Tolerance 1e-9 relative (csv
output is shortest-exact).
"""
import csv
import io
import json
import math
import os
import subprocess
import sys
import tempfile
import unittest

from tool_util import DATA, run  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLE = os.path.join(HERE, os.pardir, os.pardir, "examples", "arab_digital_index")
META = os.path.join(EXAMPLE, "imeta.csv")
INPUT = os.path.join(EXAMPLE, "data.csv")
TOL = 1e-9


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def num(s):
    return math.nan if s in ("", "NA") else float(s)


def median(xs):
    xs = sorted(xs)
    m = len(xs) // 2
    return xs[m] if len(xs) % 2 else (xs[m - 1] + xs[m]) / 2


def skew2(xs):
    """e1071 type 2 (SAS/SPSS G1) skewness, as COINr's Treat screen."""
    n = len(xs)
    mu = sum(xs) / n
    m2 = sum((x - mu) ** 2 for x in xs) / n
    m3 = sum((x - mu) ** 3 for x in xs) / n
    return m3 / m2 ** 1.5 * math.sqrt(n * (n - 1)) / (n - 2)


def kurt2(xs):
    """e1071 type 2 excess kurtosis (G2)."""
    n = len(xs)
    mu = sum(xs) / n
    m2 = sum((x - mu) ** 2 for x in xs) / n
    m4 = sum((x - mu) ** 4 for x in xs) / n
    g2 = m4 / m2 ** 2 - 3
    return ((n + 1) * g2 + 6) * (n - 1) / ((n - 2) * (n - 3))


class Model:
    """The index recomputed from imeta.csv and data.csv, rule by rule."""

    def __init__(self, log_broadband=True):
        self.meta = {r["iCode"]: r for r in read_csv(META)}
        self.rows = read_csv(INPUT)
        self.codes = [r["code"] for r in self.rows]
        self.log_broadband = log_broadband
        self.treated = {}    # indicator -> values after imputation and caps, before treatment
        self.score = {}
        for code, m in self.meta.items():
            if m["Type"] == "Indicator":
                self.score[code] = self.indicator(code, m)
        for level in (2, 3, 4):
            for code, m in self.meta.items():
                if m["Type"] == "Aggregate" and int(m["Level"]) == level:
                    self.score[code] = self.aggregate(code, m)

    def indicator(self, code, m):
        x = [num(r[code]) for r in self.rows]
        if m["Imputation"] == "groupmedian":          # median of the unit's income group
            group = [r[m["ImputeGroup"]] for r in self.rows]
            x = [median([y for y, g2 in zip(x, group) if g2 == g and not math.isnan(y)])
                 if math.isnan(v) else v for v, g in zip(x, group)]
        if m["CapUpper"]:
            x = [min(v, float(m["CapUpper"])) for v in x]
        self.treated[code] = x
        if m["Treatment"] == "log" and self.log_broadband:    # COINr's log_CT
            lo, hi = min(x), max(x)
            x = [math.log(v - lo + 0.01 * (hi - lo)) for v in x]
        x = [int(m["Direction"]) * v for v in x]
        assert m["Normalisation"] == "minmax" and m["NormParams"] == "lo=1 hi=100"
        lo, hi = min(x), max(x)
        return [1 + (v - lo) / (hi - lo) * 99 for v in x]

    def aggregate(self, code, m):
        kids = [(k, float(c["Weight"])) for k, c in self.meta.items() if c["Parent"] == code]
        total = sum(w for _, w in kids)
        out = []
        for i in range(len(self.rows)):
            if m["Aggregation"] == "geomean":
                out.append(math.exp(sum(w * math.log(self.score[k][i]) for k, w in kids) / total))
            else:
                out.append(sum(w * self.score[k][i] for k, w in kids) / total)
        return out

    def unit(self, node, unit):
        return self.score[node][self.codes.index(unit)]


def compute(*extra):
    out = run("index", "compute", "-f", "csv", *extra, META, INPUT).stdout
    return {r["code"]: r for r in csv.DictReader(io.StringIO(out))}


class ExampleIndex(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.model = Model()
        with tempfile.TemporaryDirectory() as tmp:
            report = os.path.join(tmp, "report.json")
            cls.table = compute("--report", report)
            with open(report, encoding="utf-8") as f:
                cls.report = json.load(f)

    def close(self, got, want, what):
        self.assertLessEqual(abs(got - want), TOL * max(1.0, abs(want)), f"{what}: {got} vs {want}")

    def test_data_matches_its_sources(self):
        # data.csv is what make_data.py builds from data/ (the shipped sources)
        p = subprocess.run([sys.executable, os.path.join(EXAMPLE, "make_data.py"), "--check",
                            "--data-dir", DATA], capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)

    def test_check(self):
        out = run("index", "check", META).stdout
        self.assertIn("20 nodes (9 indicators, 11 aggregates), 4 levels, 1 root", out)
        self.assertRegex(out, r"literacy_age +indicator +1 +1 +100\.0% +-1")
        self.assertRegex(out, r"ADGI +aggregate +4 .*aggregate geomean")

    def test_every_score_recomputed(self):
        self.assertEqual(sorted(self.table), sorted(self.model.codes))
        for node in self.model.score:
            for unit in self.model.codes:
                self.close(float(self.table[unit][node]), self.model.unit(node, unit),
                           f"{node} of {unit}")

    def test_libya_by_hand(self):
        # Libya: no adult-literacy figure since 2000, so its literacy is imputed with the
        # median of its income group (Upper-Middle: Algeria 81.4078369140625, Iraq 86, Lebanon
        # 93 -> 86), and its literacy_age is 22 (censored, the worst); the top level is the
        # geometric mean of its three pillars, where a weak Government online pillar counts
        # more than in an arithmetic mean.
        m = self.model
        self.assertEqual(m.treated["adult_literacy"][m.codes.index("LBY")], 86.0)
        self.assertEqual(self.table["LBY"]["imputed"], "adult_literacy")
        pillars = [float(self.table["LBY"][p]) for p in ("CONN", "SKILLS", "GOV")]
        self.close(float(self.table["LBY"]["ADGI"]), math.prod(pillars) ** (1 / 3), "ADGI geomean")
        self.assertLess(float(self.table["LBY"]["ADGI"]), sum(pillars) / 3 - 15)
        # GOV = (2 SERV + PART + DATA) / 4; DATA = 1 at the worst literacy_age
        self.close(float(self.table["LBY"]["DATA"]), 1.0, "Libya DATA")
        self.close(float(self.table["LBY"]["GOV"]),
                   (2 * float(self.table["LBY"]["SERV"]) + float(self.table["LBY"]["PART"]) + 1)
                   / 4, "Libya GOV")

    def test_lower_is_better(self):
        # literacy_age 0 (a figure from 2021: UAE, Mauritania, Syria) gets 100, 22 gets 1
        for unit in ("ARE", "MRT", "SYR"):
            self.close(float(self.table[unit]["literacy_age"]), 100.0, unit)
        for unit in ("DJI", "LBY", "SOM"):
            self.close(float(self.table[unit]["literacy_age"]), 1.0, unit)
        self.assertEqual(self.table["LBY"]["literacy_age_rank"], "19")   # three tie at the bottom

    def test_ranks(self):
        ranks = {u: int(r["ADGI_rank"]) for u, r in self.table.items()}
        order = sorted(self.model.codes, key=lambda u: -self.model.unit("ADGI", u))
        self.assertEqual([ranks[u] for u in order], list(range(1, 22)))   # no ties
        self.assertEqual(order[:2], ["ARE", "SAU"])
        self.assertEqual(order[-1], "YEM")
        self.assertLess(ranks["SAU"], ranks["OMN"])

    def test_treatment_report(self):
        # What the screen says (|skew| >= 2 and kurtosis >= 3.5 fails) on the values it sees:
        # after imputation and the cap; no indicator of this sample fails, so nothing is
        # winsorised; fixed broadband is log-transformed because the definition says so.
        by = {t["indicator"]: t for t in self.report["treatment"]}
        self.assertEqual(sorted(by), sorted(self.model.treated))
        for code, x in self.model.treated.items():
            t = by[code]
            s, k = skew2(x), kurt2(x)
            self.close(t["check0"]["skew"], s, f"{code} skew")
            self.close(t["check0"]["kurt"], k, f"{code} kurt")
            self.assertEqual(t["check0"]["pass"], not (abs(s) >= 2 and k >= 3.5), code)
            self.assertFalse(t["winsorised"], code)
            self.assertEqual(t["points"], {}, code)
            self.assertEqual(t["log"], code == "fixed_broadband", code)
        fb = self.model.treated["fixed_broadband"]
        self.assertGreater(skew2(fb), 1.8)                 # the near miss of the screen
        lo, hi = min(fb), max(fb)
        logged = [math.log(v - lo + 0.01 * (hi - lo)) for v in fb]
        self.close(by["fixed_broadband"]["check2"]["skew"], skew2(logged), "log_CT skew")
        self.close(by["fixed_broadband"]["check2"]["kurt"], kurt2(logged), "log_CT kurt")
        # the cap: ten states above 120 mobile subscriptions per 100 share the top score
        capped = [u for u, r in self.table.items() if float(r["mobile_subscriptions"]) == 100.0]
        self.assertEqual(len(capped), 10)

    def test_screening_keeps_everyone(self):
        self.assertEqual(len(self.report["screening"]), 21)
        self.assertTrue(all(u["included"] and u["dat_avail"] == 1.0
                            for u in self.report["screening"]))

    def test_no_treat(self):
        # --no-treat drops the log transform (and the screen): fixed broadband is then
        # min-max scaled on its own values, and the ranks follow
        plain = compute("--no-treat")
        model = Model(log_broadband=False)
        for unit in model.codes:
            for node in ("fixed_broadband", "SUBS", "ADGI"):
                self.close(float(plain[unit][node]), model.unit(node, unit), f"{node} of {unit}")
        # Sudan (0.067 per 100) and Comoros (0.146): 0.2 points apart on the linear scale
        # (0.08 of a range of 38.1, times 99), 4 points after log_CT
        gap_log = float(self.table["COM"]["fixed_broadband"]) - float(
            self.table["SDN"]["fixed_broadband"])
        gap_lin = float(plain["COM"]["fixed_broadband"]) - float(plain["SDN"]["fixed_broadband"])
        self.assertGreater(gap_log, 3)
        self.assertLess(gap_lin, 0.5)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0]])

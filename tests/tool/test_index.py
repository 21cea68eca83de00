#!/usr/bin/env python3
"""End-to-end tests of `egdi index check` and `egdi index compute` (standard library only).

usage: test_index.py PATH_TO_EGDI DATA_DIR

The ASEM files are COINr 1.1.14's own example (tests/golden/coinr-asem/README.md): the
iMeta and iData exactly as COINr ships them, and COINr's scores of every node for
Normalise(n_minmax, l_u = c(0, 100)) then Aggregate(a_amean). Tolerance on scores: 1e-9
absolute on values in 0..100, as tests/golden/test_coinr_asem.c. Ranks: COINr ranks with
rank(-x, ties.method = "min", na.last = "keep"), recomputed here from COINr's scores.
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

from tool_util import EGDI, DATA, run  # noqa: E402
ASEM = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "golden",
                    "coinr-asem")
IMETA = os.path.join(ASEM, "input_ASEM_iMeta.csv")
IDATA = os.path.join(ASEM, "input_ASEM_iData.csv")
COINR = os.path.join(ASEM, "a_minmax0_100_amean_aggregated.csv")
MINMAX = ("--normalise", "minmax lo=0 hi=100")   # COINr's default Normalise()
TOL = 1e-9


def num(s):
    return math.nan if s in ("", "NA") else float(s)


def write(dirname, name, text):
    path = os.path.join(dirname, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


META_HEAD = "iCode,iName,Level,Parent,Direction,Weight,Type,Normalisation,Aggregation\n"


class Check(unittest.TestCase):
    def test_coinr_imeta_as_exported(self):
        p = run("index", "check", IMETA)
        self.assertIn("60 nodes (49 indicators, 11 aggregates), 4 levels, 1 root", p.stdout)
        # the tree: Index > Conn (1 of 2 sub-indexes: 50%) > Physical (1 of 5 pillars: 20%)
        # > LPI (1 of 8 indicators: 12.5%); NEET has Direction -1
        lines = {ln.split()[0]: ln for ln in p.stdout.splitlines()[7:] if ln.strip()}
        self.assertRegex(lines["Conn"], r"aggregate\s+3\s+1\s+50\.0%\s+\+1\s+aggregate mean")
        self.assertRegex(lines["Physical"], r"aggregate\s+2\s+1\s+20\.0%")
        self.assertRegex(lines["LPI"], r"indicator\s+1\s+1\s+12\.5%\s+\+1")
        self.assertRegex(lines["NEET"], r"\s-1\s")
        # what COINr's file holds that libegdi does not use: notes on stderr, not errors
        notes = [ln for ln in p.stderr.splitlines() if ln.startswith("egdi: note: ")]
        self.assertEqual(len(notes), 6, p.stderr)
        err = p.stderr
        self.assertIn("line 1: columns Unit, Target ignored", err)
        self.assertIn("column Denominator not applied (17 indicators name one: Flights / "
                      "Population, Bord / Area", err)
        self.assertIn("4 rows of Type Group ignored (GDP_group on line 62", err)
        self.assertIn("4 rows of Type Denominator ignored (Area on line 66", err)
        self.assertIn("line 61: node 'Index': Parent NA read as no parent (a root)", err)
        self.assertIn("no Normalisation column", err)
        # with COINr's default normalisation given, that note becomes what was applied
        p = run("index", "check", *MINMAX, IMETA)
        self.assertIn("49 indicators without a Normalisation: minmax lo=0 hi=100", p.stderr)
        self.assertNotIn("no Normalisation column", p.stderr)
        self.assertRegex(p.stdout, r"LPI .*normalise minmax lo=0 hi=100")

    def test_json_summary(self):
        d = json.loads(run("index", "check", *MINMAX, "-f", "json", IMETA).stdout)
        self.assertEqual((d["n_nodes"], d["n_indicators"], d["n_aggregates"], d["n_levels"]),
                         (60, 49, 11, 4))
        self.assertEqual(d["roots"], ["Index"])
        nodes = {n["code"]: n for n in d["nodes"]}
        self.assertEqual(sum(n["direction"] == -1 for n in nodes.values()), 14)  # COINr README
        self.assertEqual(nodes["LPI"]["share"], 0.125)
        self.assertEqual(nodes["LPI"]["normalisation"],
                         {"method": "minmax", "params": {"lo": 0, "hi": 100}})
        self.assertEqual(nodes["Index"]["parent"], None)
        self.assertEqual(nodes["Conn"]["aggregation"]["method"], "mean")
        # the pillars' shares within each sub-index sum to 1
        for sub in ("Conn", "Sust"):
            self.assertAlmostEqual(sum(n["share"] for n in nodes.values()
                                       if n["parent"] == sub), 1.0, places=15)

    def test_methods_in_engine_order_with_treatment_caps_denominator(self):
        """Every step of a node on its line, in the engine's order (index.h): denominator,
        imputation with its group column, caps, outlier treatment, normalisation; the same
        in csv and json. The treatments' unset parameters show their defaults (index.h:
        winsorise winmax=5 skew=2 kurt=3.5 force=0, log skew=2 kurt=3.5)."""
        head = ("iCode,iName,Level,Parent,Type,Weight,Direction,Normalisation,NormParams,"
                "CapLower,CapUpper,Imputation,ImputeGroup,Denominator,Treatment,TreatParams,"
                "Aggregation,MinShare\n")
        body = ("a,A,1,top,Indicator,1,1,minmax,lo=1 hi=100,0,120,groupmedian,income,pop,"
                "winsorise,winmax=3,,\n"
                "b,B,1,top,Indicator,3,-1,minmax,,,50,mean,,,log,,,\n"
                "c,C,1,top,Indicator,1,1,,,,,,,,,,,\n"
                "top,Top,2,,Aggregate,1,1,,,10,,,,,,,geomean,0.5\n")
        with tempfile.TemporaryDirectory() as d:
            path = write(d, "meta.csv", head + body)
            p = run("index", "check", path)
            table = p.stdout.split("\n\n", 1)[1].splitlines()[1:]    # after the header
            lines = {ln.split()[0]: ln for ln in table}
            # the group column follows the imputation, not the normalisation
            self.assertTrue(lines["a"].endswith(
                "  denominator pop; impute groupmedian by income; caps lower=0 upper=120; "
                "treat winsorise winmax=3 skew=2 kurt=3.5 force=0; normalise minmax lo=1 hi=100"),
                lines["a"])
            self.assertTrue(lines["b"].endswith(
                "  impute mean; caps upper=50; treat log skew=2 kurt=3.5; "
                "normalise minmax lo=0 hi=1"), lines["b"])
            self.assertRegex(lines["c"], r"indicator\s+1\s+1\s+20\.0%\s+\+1\s*$")  # nothing
            self.assertTrue(lines["top"].endswith(
                "  aggregate geomean; min share 0.5; caps lower=10"), lines["top"])
            # read for the summary only: compute applies the denominator with --denominate
            self.assertIn("column Denominator not applied (1 indicator names one: a / pop)",
                          p.stderr)

            rows = {r["code"]: r for r in csv.DictReader(io.StringIO(
                run("index", "check", "-f", "csv", path).stdout))}
            self.assertEqual((rows["a"]["denominator"], rows["a"]["cap_lower"],
                              rows["a"]["cap_upper"], rows["a"]["treatment"],
                              rows["a"]["imputation"], rows["a"]["impute_group"]),
                             ("pop", "0", "120", "winsorise winmax=3 skew=2 kurt=3.5 force=0",
                              "groupmedian", "income"))
            self.assertEqual((rows["b"]["denominator"], rows["b"]["cap_lower"],
                              rows["b"]["cap_upper"], rows["b"]["treatment"]),
                             ("", "", "50", "log skew=2 kurt=3.5"))
            self.assertEqual((rows["c"]["treatment"], rows["top"]["treatment"],
                              rows["top"]["cap_lower"], rows["top"]["cap_upper"]),
                             ("none", "", "10", ""))

            nodes = {n["code"]: n for n in json.loads(
                run("index", "check", "-f", "json", path).stdout)["nodes"]}
            a, b, top = nodes["a"], nodes["b"], nodes["top"]
            self.assertEqual((a["denominator"], a["cap_lower"], a["cap_upper"]), ("pop", 0, 120))
            self.assertEqual(a["treatment"], {"method": "winsorise", "params": {
                "winmax": 3, "skew": 2, "kurt": 3.5, "force": 0}})
            self.assertEqual((a["imputation"]["method"], a["impute_group"]),
                             ("groupmedian", "income"))
            self.assertEqual((b["denominator"], b["cap_lower"], b["cap_upper"]),
                             (None, None, 50))
            self.assertEqual(b["treatment"], {"method": "log",
                                              "params": {"skew": 2, "kurt": 3.5}})
            self.assertEqual(nodes["c"]["treatment"], {"method": "none", "params": {}})
            self.assertEqual((top["cap_lower"], top["cap_upper"], top["min_share"]),
                             (10, None, 0.5))
            self.assertNotIn("treatment", top)
        # COINr's own file: the 17 denominators of its Denominator column (Flights /
        # Population, Bord / Area, ...) are shown though not applied
        p = run("index", "check", IMETA)
        self.assertRegex(p.stdout, r"\n      Flights .*\+1  denominator Population\n")
        self.assertEqual(p.stdout.count("denominator "), 17)

    def test_errors_name_line_column_and_node(self):
        with tempfile.TemporaryDirectory() as d:
            cases = [
                # (file body, exit code, message)
                ("a,A,1,top,1,x,Indicator,,\ntop,T,2,,1,1,Aggregate,,mean\n", 3,
                 "line 2: column Weight: 'x' is not a number"),
                ("a,A,1,top,2,1,Indicator,,\ntop,T,2,,1,1,Aggregate,,mean\n", 1,
                 "line 2: column Direction: node 'a': must be 1 or -1, not 2"),
                ("a,A,1,nope,1,1,Indicator,,\ntop,T,2,,1,1,Aggregate,,mean\n", 1,
                 "line 2: column Parent: node 'a': unknown parent 'nope'"),
                ("a,A,1,p,1,1,Indicator,,\np,P,2,q,1,1,Aggregate,,\nq,Q,3,p,1,1,Aggregate,,\n",
                 1, "line 3: column Parent: node 'p' is its own ancestor (a cycle)"),
                ("a,A,1,top,1,1,Indicator,minmux,\ntop,T,2,,1,1,Aggregate,,mean\n", 1,
                 "line 2: column Normalisation: node 'a': unknown Normalisation 'minmux'"),
                ("a,A,1,top,1,1,Indicatr,,\ntop,T,2,,1,1,Aggregate,,mean\n", 1,
                 "line 2: column Type: 'Indicatr' is not Indicator, Aggregate"),
            ]
            for body, code, msg in cases:
                path = write(d, "meta.csv", META_HEAD + body)
                p = run("index", "check", path, check=False)
                self.assertEqual(p.returncode, code, p.stderr)
                self.assertIn(f"{path}: {msg}", p.stderr)
                self.assertEqual(p.stdout, "")
            p = run("index", "check", os.path.join(d, "missing.csv"), check=False)
            self.assertEqual(p.returncode, 3)
            p = run("index", "check", "--normalise", "minmax lo=5 hi=1", IMETA, check=False)
            self.assertEqual(p.returncode, 2)
            self.assertIn("default normalisation 'minmax lo=5 hi=1'", p.stderr)
            for args in (["index"], ["index", "frobnicate"], ["index", "check"],
                         ["index", "compute", IMETA], ["index", "check", "--bogus", IMETA]):
                self.assertEqual(run(*args, check=False).returncode, 2, args)


def coinr_scores():
    with open(COINR, encoding="utf-8") as f:
        return {r["uCode"]: {k: num(v) for k, v in r.items() if k != "uCode"}
                for r in csv.DictReader(f)}


def competition_ranks(values):
    """COINr's rank(-x, ties.method = "min", na.last = "keep"): 1 + number strictly higher."""
    present = [v for v in values.values() if not math.isnan(v)]
    return {u: math.nan if math.isnan(v) else 1 + sum(w > v for w in present)
            for u, v in values.items()}


class Compute(unittest.TestCase):
    def test_asem_matches_coinr(self):
        p = run("index", "compute", *MINMAX, "-f", "csv", IMETA, IDATA)
        rows = {r["code"]: r for r in csv.DictReader(io.StringIO(p.stdout))}
        want = coinr_scores()
        self.assertEqual(set(rows), set(want))                 # 51 units, by uCode
        self.assertEqual(rows["AUT"]["name"], "Austria")        # uName
        self.assertEqual(rows["AUT"]["EurAsia_group"], "Europe")  # label columns carried over
        nodes = list(next(iter(want.values())))
        self.assertEqual(len(nodes), 60)
        n_na = n_cmp = 0
        max_diff = 0.0
        for node in nodes:
            ranks = competition_ranks({u: want[u][node] for u in want})
            for u, r in rows.items():
                got, ref = num(r[node]), want[u][node]
                if math.isnan(ref):
                    self.assertTrue(math.isnan(got), (node, u, got))
                    self.assertEqual(r[node + "_rank"], "")
                    n_na += 1
                    continue
                self.assertLessEqual(abs(got - ref), TOL, (node, u, got, ref))
                max_diff = max(max_diff, abs(got - ref))
                self.assertEqual(int(r[node + "_rank"]), ranks[u], (node, u))
                n_cmp += 1
        self.assertEqual(n_na, 63)    # COINr's README: 63 indicator values missing
        self.assertEqual(n_cmp, 51 * 60 - 63)
        # COINr's a_minmax0_100_amean_index_ranks.csv: Germany first, AUS 30th, AUT 12th
        self.assertEqual((rows["DEU"]["Index_rank"], rows["AUS"]["Index_rank"],
                          rows["AUT"]["Index_rank"]), ("1", "30", "12"))
        self.assertNotIn("imputed", rows["AUT"])   # no imputation, no flags column

    def test_json_table_and_options(self):
        d = json.loads(run("index", "compute", *MINMAX, "-f", "json", "--nodes", "Index,Conn",
                           "--no-ranks", IMETA, IDATA).stdout)
        rows = d if isinstance(d, list) else d.get("rows", d.get("data"))
        deu = next(r for r in rows if r["code"] == "DEU")
        self.assertAlmostEqual(deu["Index"], coinr_scores()["DEU"]["Index"], delta=TOL)
        self.assertNotIn("Index_rank", deu)
        self.assertNotIn("LPI", deu)
        # the terminal table: best first, each node's rank beside its score
        out = run("index", "compute", *MINMAX, "--nodes", "Index", "--decimals", "2",
                  IMETA, IDATA).stdout.splitlines()
        self.assertRegex(out[0], r"^unit\s+Index\s+#$")
        self.assertRegex(out[1], r"^Germany\s+75\.23\s+1$")
        self.assertEqual(len(out), 52)
        p = run("index", "compute", *MINMAX, "--nodes", "Index,Nope", IMETA, IDATA, check=False)
        self.assertEqual(p.returncode, 2)
        self.assertIn("no node 'Nope'", p.stderr)

    def test_rank_decimals_and_imputation_flags(self):
        # x = {1, 2, 2.4, NA}, y = {4, NA, 0, 2} (direction -1), both imputed by their mean
        # (x: 5.4/3 = 1.8; y: 6/3 = 2), no normalisation; top = mean(x, -y):
        #   a: (1 - 4)/2 = -1.5, b: (2 - 2)/2 = 0, c: (2.4 - 0)/2 = 1.2, d: (1.8 - 2)/2 = -0.1
        # ranks of top: c 1, b 2, d 3, a 4. x rounded to 0 decimals: {1, 2, 2, 2}:
        # ranks 4, 1, 1, 1 (competition ranks; unrounded 4, 2, 1, 3).
        with tempfile.TemporaryDirectory() as d:
            meta = write(d, "m.csv", "iCode,Parent,Weight,Type,Direction,Imputation\n"
                         "top,,1,Aggregate,1,\nx,top,1,Indicator,1,mean\n"
                         "y,top,1,Indicator,-1,mean\n")
            data = write(d, "d.csv", "code,x,y\na,1,4\nb,2,NA\nc,2.4,0\nd,,2\n")
            rows = list(csv.DictReader(io.StringIO(
                run("index", "compute", "-f", "csv", meta, data).stdout)))
            self.assertEqual([r["top_rank"] for r in rows], ["4", "2", "1", "3"])
            for r, v in zip(rows, [-1.5, 0, 1.2, -0.1]):
                self.assertAlmostEqual(num(r["top"]), v, delta=1e-15)
            self.assertEqual([r["x_rank"] for r in rows], ["4", "2", "1", "3"])
            self.assertEqual([r["imputed"] for r in rows], ["", "y", "", "x"])
            rows = list(csv.DictReader(io.StringIO(run(
                "index", "compute", "--rank-decimals", "0", "--raw", "-f", "csv", meta,
                data).stdout)))
            self.assertEqual([r["x_rank"] for r in rows], ["4", "1", "1", "1"])
            self.assertEqual([num(r["y_raw"]) for r in rows], [-4, -2, 0, -2])

    def test_countries_and_output_file(self):
        with tempfile.TemporaryDirectory() as d:
            meta = write(d, "m.csv", "iCode,Parent,Weight,Type,Normalisation\n"
                         "top,,1,Aggregate,\nx,top,1,Indicator,minmax\n")
            data = write(d, "d.csv", "code,x\nDEU,3\nFRA,1\nJPN,2\n")
            out = os.path.join(d, "out.csv")
            run("index", "compute", "--countries", os.path.join(DATA, "countries.csv"),
                "-o", out, meta, data)
            with open(out, encoding="utf-8") as f:
                rows = {r["code"]: r for r in csv.DictReader(f)}
            self.assertEqual((rows["DEU"]["region"], rows["JPN"]["region"]), ("Europe", "Asia"))
            self.assertEqual((rows["DEU"]["top"], rows["FRA"]["top"], rows["JPN"]["top"]),
                             ("1", "0", "0.5"))
            self.assertEqual(sorted(os.listdir(d)), ["d.csv", "m.csv", "out.csv"])  # no temp
            # a failed computation leaves an existing -o file as it was
            bad = write(d, "bad.csv", "code,y\nDEU,3\n")
            p = run("index", "compute", "-o", out, meta, bad, check=False)
            self.assertEqual(p.returncode, 3)
            self.assertIn("x", p.stderr)
            with open(out, encoding="utf-8") as f:
                self.assertIn("DEU", f.read())
            # check -f json -o: atomic too, and -o onto an input is refused before any work
            js = os.path.join(d, "summary.json")
            run("index", "check", "-f", "json", "-o", js, meta)
            with open(js, encoding="utf-8") as f:
                self.assertEqual(json.load(f)["n_nodes"], 2)
            self.assertEqual(sorted(os.listdir(d)),
                             ["bad.csv", "d.csv", "m.csv", "out.csv", "summary.json"])
            p = run("index", "compute", "-o", data, meta, data, check=False)
            self.assertEqual(p.returncode, 4)
            # the data from standard input
            p = run("index", "compute", "-f", "csv", meta, "-", stdin="code,x\nA,1\nB,2\n")
            self.assertIn("B,B,1,1", p.stdout)


class CountryLabels(unittest.TestCase):
    def test_imputation_group_joined_from_the_country_table(self):
        # ImputeGroup region on data without a region column: the bundled country
        # table supplies it, as egdi compute does. DZA and EGY are in Africa, AFG and
        # BHR in Asia; EGY's missing value is the mean of Africa's others (DZA: 60),
        # normalisation none so the imputed value is the score itself.
        meta = ("iCode,iName,Level,Parent,Direction,Weight,Type,Source,Normalisation,"
                "Imputation,ImputeGroup\n"
                "net,Internet,1,top,1,1,Indicator,internet_users,none,groupmean,region\n"
                "top,Top,2,,1,1,Aggregate,,none,,\n")
        data = "code,name,internet_users\nDZA,Algeria,60\nEGY,Egypt,\nAFG,Afghanistan,20\nBHR,Bahrain,100\n"
        with tempfile.TemporaryDirectory() as d:
            m, x = os.path.join(d, "m.csv"), os.path.join(d, "x.csv")
            with open(m, "w") as f:
                f.write(meta)
            with open(x, "w") as f:
                f.write(data)
            rows = {r["code"]: r for r in csv.DictReader(io.StringIO(
                run("index", "compute", "-f", "csv", m, x).stdout))}
            self.assertEqual(float(rows["EGY"]["net"]), 60.0)
            self.assertEqual(rows["EGY"]["imputed"], "net")
            self.assertEqual(rows["EGY"]["region"], "Africa")


class KeywordParameters(unittest.TestCase):
    def test_keyword_parameters_show_their_words(self):
        # sd_type is a keyword parameter (population|sample): shown as the word, in the
        # table, the JSON and egdi --help (default population)
        meta = ("iCode,Parent,Type,Weight,Normalisation,NormParams\n"
                "a,top,Indicator,1,zscore,sd_type=sample\ntop,,Aggregate,1,,\n")
        with tempfile.TemporaryDirectory() as d:
            m = os.path.join(d, "m.csv")
            with open(m, "w") as f:
                f.write(meta)
            self.assertIn("normalise zscore mean=0 sd=1 sd_type=sample",
                          run("index", "check", m).stdout)
            node = next(n for n in json.loads(run("index", "check", "-f", "json", m).stdout)["nodes"]
                        if n["code"] == "a")
            self.assertEqual(node["normalisation"]["params"]["sd_type"], "sample")
        self.assertIn("zscore     mean=0 sd=1 sd_type=population", run("--help").stdout)


class Build(unittest.TestCase):
    """COINr's build_example_coin() from the command line (tests/golden/test_coinr_pipeline.c
    checks every intermediate data set): --denominate (iMeta Denominator), group-mean
    imputation by EurAsia_group (added to COINr's iMeta here), --screen 0.9 after
    imputation, --treat 'winsorise winmax=5', min-max 0..100, mean. COINr's Index
    (c_example_aggregated.csv) to 1e-9 relative; the report: 15 indicators winsorised,
    35 points (34 winhi, 1 winlo), every unit kept."""

    def meta_with_imputation(self, d):
        with open(IMETA, encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        path = os.path.join(d, "meta.csv")
        with open(path, "w", newline="", encoding="utf-8") as g:
            w = csv.DictWriter(g, list(rows[0]) + ["Imputation", "ImputeGroup"])
            w.writeheader()
            for r in rows:
                ind = r["Type"] == "Indicator"
                r["Imputation"], r["ImputeGroup"] = ("groupmean", "EurAsia_group") if ind \
                    else ("", "")
                w.writerow(r)
        return path

    def test_example_build(self):
        with open(os.path.join(ASEM, "c_example_aggregated.csv"), encoding="utf-8") as f:
            want = {r["uCode"]: num(r["Index"]) for r in csv.DictReader(f)}
        with tempfile.TemporaryDirectory() as d:
            report = os.path.join(d, "report.json")
            p = run("index", "compute", *MINMAX, "--denominate", "--treat",
                    "winsorise winmax=5", "--screen", "0.9", "--report", report, "-f", "csv",
                    "--nodes", "Index", self.meta_with_imputation(d), IDATA)
            self.assertIn("17 indicators divided by the Denominator column", p.stderr)
            self.assertIn("screening kept 51 of 51 units", p.stderr)
            rows = {r["code"]: r for r in csv.DictReader(io.StringIO(p.stdout))}
            self.assertEqual(set(rows), set(want))
            for u, r in rows.items():
                self.assertLessEqual(abs(num(r["Index"]) - want[u]), 1e-9 * want[u], u)
            # LAO has no Energy: Elec and Gas become missing, then imputed (65 = 63 + 2)
            self.assertIn("Elec;Gas", rows["LAO"]["imputed"])
            with open(report, encoding="utf-8") as f:
                rep = json.load(f)
            self.assertEqual(len(rep["screening"]), 51)
            self.assertTrue(all(u["included"] for u in rep["screening"]))
            treated = [t for t in rep["treatment"] if t["winsorised"]]
            self.assertEqual(len(treated), 15)   # c_example_treat_details.csv: nwin > 0
            labels = [v for t in treated for v in t["points"].values()]
            # c_example_treated_points.csv: 34 cells "winhi", 1 "winlo"
            self.assertEqual((labels.count("winhi"), labels.count("winlo")), (34, 1))
            self.assertFalse(any(t["log"] for t in rep["treatment"]))
            bord = next(t for t in rep["treatment"] if t["indicator"] == "Bord")
            self.assertEqual(bord["nwin"], 3)   # c_example_treat_details.csv
            # the same file's check_SkewKurt0.Skew of Bord
            self.assertAlmostEqual(bord["check0"]["skew"], 4.2113994715902665, delta=1e-9 * 4.3)

    def test_screen_raw_and_forced(self):
        # COINr's c3: the raw data screened at 0.9 drops BGD BRN KHM LAO MMR
        p = run("index", "compute", *MINMAX, "--screen", "0.9", "--screen-input",
                "--include", "BGD", "--exclude", "AUT", "-f", "csv", IMETA, IDATA)
        codes = {r["code"] for r in csv.DictReader(io.StringIO(p.stdout))}
        self.assertEqual(len(codes), 46)
        self.assertTrue("BGD" in codes and "AUT" not in codes and "LAO" not in codes)
        for args, msg in ((["--screen", "1.5"], "takes a share 0..1"),
                          (["--exclude", "XXX", "--screen", "0.5"], "XXX"),
                          (["--treat", "winsorize"], "default treatment 'winsorize'")):
            p = run("index", "compute", *args, IMETA, IDATA, check=False)
            self.assertNotEqual(p.returncode, 0)
            self.assertIn(msg, p.stderr)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0]], verbosity=1)

#!/usr/bin/env python3
"""`egdi index compute --period COLUMN [--global]`: an index on a panel, per period or with
the statistics pooled over the periods (COINr's global = TRUE). Standard library only.

usage: test_index_panel.py PATH_TO_EGDI DATA_DIR

The panel: units A, B, C in 2020 and 2021; top = mean(x, y), x and y min-max to [0, 1].
  2020: x = A 1, B 2, C 3;  y = A 10, B 30, C 20
  2021: x = A 3, B 4, C 5;  y = A 20, B 40, C 30
Per period: x over [1, 3] and [3, 5] -> A 0, B 0.5, C 1 in both; y over [10, 30] and
  [20, 40] -> A 0, B 1, C 0.5; top A 0, B 0.75, C 0.75 in both; ranks A 3, B 1, C 1.
Pooled: x over [1, 5], y over [10, 40]: top A20 0, B20 (0.25 + 2/3) / 2 = 11/24,
  C20 (0.5 + 1/3) / 2 = 5/12, A21 (0.5 + 1/3) / 2 = 5/12, B21 (0.75 + 1) / 2 = 7/8,
  C21 (1 + 2/3) / 2 = 5/6; ranks within each period B 1, C 2, A 3.
Tolerance 1e-12 on the CSV's shortest exact numbers.
"""
import csv
import io
import os
import tempfile
import unittest

from tool_util import run  # noqa: E402

META = ("iCode,iName,Parent,Level,Weight,Direction,Type,Normalisation\n"
        "top,Top,,2,1,,Aggregate,\n"
        "x,X,top,1,1,1,Indicator,minmax\n"
        "y,Y,top,1,1,1,Indicator,minmax\n")
PANEL = ("code,name,unit,Time,x,y\n"
         "A:2020,Alpha,A,2020,1,10\n"
         "A:2021,Alpha,A,2021,3,20\n"
         "B:2020,Beta,B,2020,2,30\n"
         "B:2021,Beta,B,2021,4,40\n"
         "C:2020,Gamma,C,2020,3,20\n"
         "C:2021,Gamma,C,2021,5,30\n")
CODES = ["A:2020", "A:2021", "B:2020", "B:2021", "C:2020", "C:2021"]


class Panel(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.meta = self.write("meta.csv", META)
        self.data = self.write("panel.csv", PANEL)

    def tearDown(self):
        self.dir.cleanup()

    def write(self, name, text):
        path = os.path.join(self.dir.name, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def rows(self, *args, data=None):
        out = run("index", "compute", "-f", "csv", *args, self.meta, data or self.data).stdout
        return list(csv.DictReader(io.StringIO(out)))

    def assertColumn(self, rows, column, want):
        got = [float(r[column]) for r in rows]
        for code, g, w in zip(CODES, got, want):
            self.assertAlmostEqual(g, w, delta=1e-12, msg=f"{column} {code}")

    def test_per_period(self):
        rows = self.rows("--period", "Time")
        self.assertEqual(list(rows[0]), ["code", "name", "Time", "top", "x", "y", "top_rank",
                                          "x_rank", "y_rank", "unit"])
        self.assertEqual([r["code"] for r in rows], CODES)          # the input's order
        self.assertEqual([r["unit"] for r in rows], ["A", "A", "B", "B", "C", "C"])
        self.assertColumn(rows, "top", [0, 0, 0.75, 0.75, 0.75, 0.75])
        self.assertEqual([r["top_rank"] for r in rows], ["3", "3", "1", "1", "1", "1"])

    def test_pooled(self):
        rows = self.rows("--period", "Time", "--global")
        self.assertColumn(rows, "top", [0, 5 / 12, 11 / 24, 7 / 8, 5 / 12, 5 / 6])
        self.assertColumn(rows, "x", [0, 0.5, 0.25, 0.75, 0.5, 1])
        # within each period: A21 (5/12) is 3rd of 2021, not 4th of all six rows
        self.assertEqual([r["top_rank"] for r in rows], ["3", "3", "1", "1", "2", "2"])

    def test_table_and_nodes(self):
        p = run("index", "compute", "--period", "Time", "--global", self.meta, self.data)
        self.assertIn("Time", p.stdout.splitlines()[0])
        rows = self.rows("--period", "Time", "--nodes", "top", "--no-ranks")
        self.assertEqual(list(rows[0]), ["code", "name", "Time", "top", "unit"])

    def test_errors(self):
        p = run("index", "compute", "--global", self.meta, self.data, check=False)
        self.assertEqual(p.returncode, 2)
        self.assertIn("--global needs --period", p.stderr)
        p = run("index", "compute", "--period", "Time", "--screen", "0.5", self.meta, self.data,
                check=False)
        self.assertEqual(p.returncode, 2)
        p = run("index", "compute", "--period", "Year", self.meta, self.data, check=False)
        self.assertEqual(p.returncode, 3)
        self.assertIn("no period column 'Year'", p.stderr)
        p = run("index", "compute", "--period", "unit", self.meta, self.data, check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("period column 'unit' is a label column", p.stderr)
        p = run("index", "compute", "--period", "Time", "--nodes", "nosuch", self.meta,
                self.data, check=False)
        self.assertEqual(p.returncode, 2)
        # a period with one unit: min-max has one value there, refused naming the period
        one = self.write("one.csv", "\n".join(PANEL.splitlines()[:3] + PANEL.splitlines()[3:4]
                                              + PANEL.splitlines()[5:6]) + "\n")
        p = run("index", "compute", "--period", "Time", self.meta, one, check=False)
        self.assertEqual(p.returncode, 3)
        self.assertIn("Time 2021: node '", p.stderr)
        self.assertIn("min-max needs at least 2 values, got 1", p.stderr)
        self.assertEqual(len(self.rows("--period", "Time", "--global", data=one)), 4)
        # COINr's long iData repeats the unit code: each row needs its own code
        coinr = self.write("coinr.csv", "uCode,Time,x,y\nA,2020,1,10\nA,2021,3,20\n")
        p = run("index", "compute", "--period", "Time", self.meta, coinr, check=False)
        self.assertEqual(p.returncode, 3)
        self.assertIn("every row needs its own code", p.stderr)


if __name__ == "__main__":
    unittest.main(argv=[__file__])

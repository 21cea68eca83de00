"""No reference or memory leak over 10,000 repeated calls: measured, not assumed.

Memory: resident set size (from /proc/self/statm) after a warm-up and after
10,000 calls; the budget (2 MiB) is far below what a leak of even one small
buffer per call would cost (10,000 x 1.5 KiB = 15 MiB for the 193-row arrays).
References: sys.getrefcount of the objects passed in, and the number of live
Python objects, must not grow.
"""
import gc
import os
import sys

import numpy as np
import pandas as pd
import pytest

import egdi
from egdi import _egdi
from conftest import un_file

N = 10_000
BUDGET = 2 * 1024 * 1024


def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def measure(fn, n=N):
    for _ in range(200):          # warm up allocator pools and caches
        fn()
    gc.collect()
    objects, before = len(gc.get_objects()), rss()
    for _ in range(n):
        fn()
    gc.collect()
    return rss() - before, len(gc.get_objects()) - objects


def test_compute_path_does_not_leak():
    df = egdi.read_un_csv(un_file(2024))
    osi = np.ascontiguousarray(df["osi"].to_numpy())
    names = list(df["name"])
    refs = (sys.getrefcount(osi), sys.getrefcount(names), sys.getrefcount(names[0]))

    def once():
        ds = _egdi.egdi_dataset_new()
        for name in names:
            _egdi.egdi_dataset_add_unit(ds, name, name)
        for col in ("osi", "tii", "hci"):
            _egdi.egdi_dataset_add_numeric(ds, col, osi)
        _egdi.egdi_dataset_add_labels(ds, "label", names)
        table = _egdi.egdi_py_survey_compute(2024, 0, ds, 0, -2, 0.0, 0.0, 0.0, None)
        out = np.empty(len(names))
        _egdi.egdi_dataset_get_numeric(table, 3, out)

    grown, objects = measure(once)
    assert grown < BUDGET, f"RSS grew by {grown} bytes over {N} calls"
    assert objects < 100, f"{objects} more live Python objects"
    assert (sys.getrefcount(osi), sys.getrefcount(names), sys.getrefcount(names[0])) == refs


def test_error_path_does_not_leak(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("name,x\nA,\"1\n")

    def once():
        try:
            _egdi.egdi_dataset_read_csv(str(bad), None)
        except egdi.ParseError:
            pass

    grown, objects = measure(once)
    assert grown < BUDGET
    assert objects < 100


def test_rank_arrays_do_not_leak():
    x = np.random.default_rng(1).random(1000)
    refs = sys.getrefcount(x)
    grown, objects = measure(lambda: egdi.rank(x, decimals=4))
    assert grown < BUDGET
    assert objects < 100
    assert sys.getrefcount(x) == refs


def test_dataframe_api_does_not_leak():
    # the pandas layer on top: fewer iterations (pandas is slow), same budget
    df = egdi.read_un_csv(un_file(2022))
    grown, objects = measure(lambda: egdi.compute(df, edition=2022), n=1000)
    assert grown < BUDGET
    assert objects < 100

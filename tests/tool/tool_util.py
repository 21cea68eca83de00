"""What the tool tests share (standard library only). Each test script runs as
``test_NAME.py PATH_TO_EGDI DATA_DIR``; importing this module reads those two
arguments."""
import csv
import os
import subprocess
import sys

EGDI, DATA = sys.argv[1], sys.argv[2]


def run(*args, check=True, stdin=None):
    """egdi with these arguments; with check, a non-zero exit fails the test."""
    p = subprocess.run([EGDI, *map(str, args)], capture_output=True, text=True, input=stdin)
    if check and p.returncode != 0:
        raise AssertionError(f"egdi {' '.join(map(str, args))}: exit {p.returncode}\n{p.stderr}")
    return p


def un_file(year):
    """The bundled Data Center export of an edition."""
    return os.path.join(DATA, "un-egov", f"EGOV_DATA_{year}.csv")


def published(year):
    """The rows of an edition's export as published, by trimmed country name."""
    with open(un_file(year), encoding="utf-8") as f:
        return {r["Country Name"].strip(): r for r in csv.DictReader(f)}

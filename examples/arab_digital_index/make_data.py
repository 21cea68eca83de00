#!/usr/bin/env python3
"""Build examples/arab_digital_index/data.csv, the input of the illustrative
Arab Digital Government Index (definition: imeta.csv; read README.md).

Inputs (all shipped in the repository; provenance in data/raw/README.md and
data/README.md):
  data/memberships.csv                   the members of the League of Arab States (group "arab")
  data/countries.csv                     each state's World Bank income group
  data/raw/EGDI_RAW_2022.csv             internet_users, mobile_subscriptions, fixed_broadband,
                                         adult_literacy (+ its year), expected_years,
                                         mean_years: data year 2021, built from the WDI, OWID
                                         and UNDP extracts by tools/make_raw_inputs.py
  data/un-egov/EGOV_DATA_2022.csv        osi and epi: the published 2022 Online Service Index
                                         and E-Participation Index
  data/raw/egov_country_name_to_iso3.csv Data Center country name -> ISO alpha-3

One row per Arab state in the 2022 Survey (21: the State of Palestine is a
member of the League but not of the Survey), sorted by ISO code. Values are
copied as the sources write them; a cell without a value stays empty. One
column is derived, the lower-is-better indicator:

  literacy_age = 2021 - adult_literacy_year: how many years old the latest
  adult-literacy figure of the state is (a proxy of how often it runs the
  censuses and household surveys the figure comes from). A state with no
  figure since 2000, where the extract starts, gets 22 (= 2021 - 1999), a
  lower bound of its true age (right-censored), not a missing value.

Standard library only, deterministic. Run from anywhere:
  python3 examples/arab_digital_index/make_data.py           (re)write data.csv
  python3 examples/arab_digital_index/make_data.py --check   exit 1 if data.csv is stale
"""
import argparse
import csv
import io
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(os.path.dirname(os.path.dirname(HERE)), "data")
DATA_YEAR = 2021       # the 2022 edition's data year (edition - 1, data/raw/README.md)
FIRST_YEAR = 2000      # the literacy extract starts in 2000
RAW_COLUMNS = ("internet_users", "mobile_subscriptions", "fixed_broadband", "adult_literacy",
               "expected_years", "mean_years")
COLUMNS = ("code", "name", "income") + RAW_COLUMNS + ("osi", "epi", "literacy_age",
                                                      "adult_literacy_year")


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def build(data_dir):
    arab = {r["code"] for r in read(os.path.join(data_dir, "memberships.csv"))
            if r["group"] == "arab"}
    income = {r["code"]: r["income"] for r in read(os.path.join(data_dir, "countries.csv"))}
    iso = {r["egov_country_name"]: r["iso3"]
           for r in read(os.path.join(data_dir, "raw", "egov_country_name_to_iso3.csv"))}
    survey = {}
    for r in read(os.path.join(data_dir, "un-egov", "EGOV_DATA_2022.csv")):
        survey[iso[r["Country Name"].strip()]] = r
    rows = []
    for r in read(os.path.join(data_dir, "raw", "EGDI_RAW_2022.csv")):
        code = r["code"]
        if code not in arab:
            continue
        lit_year = r["adult_literacy_year"]
        age = DATA_YEAR - int(float(lit_year)) if lit_year else DATA_YEAR - (FIRST_YEAR - 1)
        out = {"code": code, "name": r["name"], "income": income[code]}
        out.update({c: r[c] for c in RAW_COLUMNS})
        out["osi"] = survey[code]["Online Service Index"].strip()
        out["epi"] = survey[code]["E-Participation Index"].strip()
        out["literacy_age"] = str(age)
        out["adult_literacy_year"] = str(int(float(lit_year))) if lit_year else ""
        rows.append(out)
    rows.sort(key=lambda row: row["code"])
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if data.csv is stale")
    ap.add_argument("--data-dir", default=DATA,
                    help="the repository's data/ (default: %(default)s)")
    args = ap.parse_args()
    text = build(args.data_dir)
    path = os.path.join(HERE, "data.csv")
    if args.check:
        with open(path, encoding="utf-8", newline="") as f:
            if f.read() != text:
                print(f"{path} does not match its sources: run {sys.argv[0]}", file=sys.stderr)
                return 1
        return 0
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

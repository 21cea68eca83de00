#!/usr/bin/env python3
"""Build data/countries.csv: every UN Data Center country name -> ISO alpha-3,
UN region, sub-region, World Bank income group and development status.

Inputs (all shipped in data/, provenance in data/README.md):
  data/un-egov/EGOV_DATA_<year>.csv   names as the Data Center writes them
  data/unu-egov-countries.csv         ISO3, common name, region, sub-region, income
  data/iso3166-m49.csv                ISO3 -> M49 region / sub-region (cross-check)

Seven-plus Data Center names differ from the common names; they are mapped
explicitly below (ALIASES), so an unknown name fails loudly instead of silently.
Standard library only; run from the repository root:  python3 tools/make_country_table.py
"""
import csv, glob, os, sys

ALIASES = {  # Data Center name -> ISO alpha-3
    "Türkiye": "TUR", "Democratic People's Republic of Korea": "PRK",
    "Georgia (Country)": "GEO", "United States of America": "USA",
    "Brunei Darussalam": "BRN", "Syrian Arab Republic": "SYR", "Gambia": "GMB",
    "Sao Tome and Principe": "STP", "Lao People's Democratic Republic": "LAO",
    "Iran (Islamic Republic of)": "IRN",
    "United Kingdom of Great Britain and Northern Ireland": "GBR",
    "Micronesia (Federated States of)": "FSM", "Russian Federation": "RUS",
    "Republic of Moldova": "MDA", "Czech Republic": "CZE",
    "United Republic of Tanzania": "TZA",
}

def main():
    names = set()
    for path in sorted(glob.glob("data/un-egov/EGOV_DATA_*.csv")):
        with open(path, encoding="utf-8-sig", newline="") as f:
            r = csv.reader(f); next(r)
            names |= {row[1].strip() for row in r}
    meta, by_name = {}, {}
    with open("data/unu-egov-countries.csv", encoding="utf-8-sig", newline="") as f:
        r = csv.reader(f, delimiter=";"); next(r)
        for row in r:
            row = [c.strip() for c in row]
            meta[row[0]] = row; by_name[row[1]] = row[0]
    m49 = {}
    with open("data/iso3166-m49.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            m49[row["alpha-3"]] = row
    out = []
    for name in sorted(names):
        code = by_name.get(name) or ALIASES.get(name)
        if code is None or code not in meta:
            sys.exit(f"no ISO code for Data Center name {name!r}")
        row = meta[code]
        if m49[code]["region"] != row[3]:
            print(f"note: {name}: region {row[3]!r} vs M49 {m49[code]['region']!r}", file=sys.stderr)
        out.append([code, name, row[3], row[4], row[5], row[6]])
    if len({r[0] for r in out}) != len(out):
        sys.exit("two Data Center names map to one ISO code")
    with open("data/countries.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["code", "name", "region", "subregion", "income", "status"])
        w.writerows(out)
    print(f"wrote data/countries.csv: {len(out)} countries")
    check_memberships({r[0]: r[1] for r in out})


def check_memberships(names):
    """data/memberships.csv (written by hand, sources in data/README.md) must use
    the table's ISO codes and Data Center names; PSE (State of Palestine) is the one
    member that is not a UN member state and not in the Survey data."""
    with open("data/memberships.csv", encoding="utf-8", newline="") as f:
        for n, row in enumerate(csv.DictReader(f), start=2):
            if row["code"] != "PSE" and names.get(row["code"]) != row["name"]:
                sys.exit(f"data/memberships.csv:{n}: {row['code']} {row['name']!r} is not "
                         f"in data/countries.csv under that name")
    print("checked data/memberships.csv against it")

if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Build data/raw/EGDI_RAW_<edition>.csv: the wide raw-indicator inputs of
`egdi compute --input raw` for the 2020 and 2022 Survey editions.

Inputs (all shipped; provenance in data/raw/README.md):
  data/raw/wdi_IT.NET.USER.ZS_*.csv        internet_users (WDI, % of population)
  data/raw/wdi_IT.CEL.SETS.P2_*.csv        mobile_subscriptions (WDI, per 100)
  data/raw/owid_ict-adoption-*.csv         fixed_broadband (OWID grapher, per 100)
  data/raw/wdi_SE.ADT.LITR.ZS_*.csv        adult_literacy (WDI/UIS, % aged 15+)
  data/raw/undp_HDR21-22_eys_mys_*.csv     expected_years, mean_years (UNDP HDR 2021/22)
  data/raw/egov_country_name_to_iso3.csv   Data Center name -> ISO alpha-3
  data/un-egov/EGOV_DATA_<edition>.csv     the rows (193 Member States) and osi_raw

One row per Data Center row, sorted by ISO code: code (ISO alpha-3), name (as
the Data Center writes it, trimmed), survey_year, osi_raw, the edition's raw
TII and HCI indicators that the extracts have (active_mobile_broadband and
gross_enrolment are not available: compute with --drop-absent-indicators), and
for each indicator a column <indicator>_year with the year of the value used.

Rules (each documented in data/raw/README.md):
  - data year = edition - 1 (--offset changes it, to compare fits);
  - a missing value in the data year is filled with the country's most recent
    earlier value (the Survey's own practice: "the most recent data"), at most
    2 years back for the ITU and HDR series; literacy, which comes from
    censuses and surveys years apart, takes the most recent value since 2000;
  - osi_raw is the published OSI of the edition (raw questionnaire scores are
    not public; the published OSI already spans [0, 1], so the min-max of the
    raw input leaves it unchanged);
  - values are copied as the sources write them (no reformatting), cells
    without a value are empty.

Standard library only, deterministic. Run from anywhere:
  python3 tools/make_raw_inputs.py            (re)write the files
  python3 tools/make_raw_inputs.py --check    exit 1 if a shipped file is stale
"""
import argparse
import csv
import io
import os
import sys

EDITIONS = (2020, 2022)
# indicator -> (source file, how to read it, years back a value may come from)
SOURCES = {
    "internet_users": ("wdi_IT.NET.USER.ZS_2015-2023_vintage2024-11.csv", "wdi", 2),
    "fixed_broadband": ("owid_ict-adoption-per-100-people_2015-2021.csv",
                        "owid:Fixed broadband subscriptions (per 100 people)", 2),
    "mobile_subscriptions": ("wdi_IT.CEL.SETS.P2_2015-2022_vintage2024-02-21.csv", "wdi", 2),
    "adult_literacy": ("wdi_SE.ADT.LITR.ZS_2000-2023_vintage2025-01-28.csv", "wdi", None),
    "expected_years": ("undp_HDR21-22_eys_mys_2015-2021.csv", "hdr:eys", 2),
    "mean_years": ("undp_HDR21-22_eys_mys_2015-2021.csv", "hdr:mys", 2),
}
# the 2020 and 2022 raw indicators (lib/survey/editions.c), in the edition's order
TII = ("internet_users", "fixed_broadband", "active_mobile_broadband", "mobile_subscriptions")
HCI = ("adult_literacy", "gross_enrolment", "expected_years", "mean_years")


def read_rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def load_series(raw_dir, spec):
    """{iso3: {year: text}} of one source."""
    fname, kind = spec[0], spec[1]
    rows = read_rows(os.path.join(raw_dir, fname))
    head, body = rows[0], rows[1:]
    out = {}
    if kind == "wdi":  # long: country, iso3, series, year, value
        for country, iso3, _series, year, value in body:
            if value.strip():
                out.setdefault(iso3, {})[int(year)] = value.strip()
    elif kind.startswith("owid:"):  # wide by indicator: Entity, Code, Year, ...
        j = head.index(kind[5:])
        for row in body:
            if row[1] and row[j].strip():
                out.setdefault(row[1], {})[int(row[2])] = row[j].strip()
    elif kind.startswith("hdr:"):  # wide by year: iso3, country, eys_2015, ...
        prefix = kind[4:] + "_"
        for row in body:
            for name, value in zip(head, row):
                if name.startswith(prefix) and value.strip():
                    out.setdefault(row[0], {})[int(name[len(prefix):])] = value.strip()
    else:
        raise ValueError(kind)
    return out


def pick(series, iso3, year, back):
    """(text, year) of the most recent value at or before year, or ("", "")."""
    values = series.get(iso3, {})
    years = [y for y in values if y <= year and (back is None or y >= year - back)]
    if not years:
        return "", ""
    y = max(years)
    return values[y], str(y)


def build(edition, repo, offset):
    raw_dir = os.path.join(repo, "data", "raw")
    data_year = edition - offset
    iso = {name: code for name, code in read_rows(
        os.path.join(raw_dir, "egov_country_name_to_iso3.csv"))[1:]}
    pub = read_rows(os.path.join(repo, "data", "un-egov", "EGOV_DATA_%d.csv" % edition))
    h = pub[0]
    j_name, j_osi = h.index("Country Name"), h.index("Online Service Index")
    indicators = [c for c in TII + HCI if c in SOURCES]
    series = {c: load_series(raw_dir, SOURCES[c]) for c in indicators}
    rows = []
    for row in pub[1:]:
        name = row[j_name].strip()
        if name not in iso:
            sys.exit("make_raw_inputs: %d: no ISO code for the Data Center name %r" %
                     (edition, name))
        code = iso[name]
        values, years = [], []
        for c in indicators:
            v, y = pick(series[c], code, data_year, SOURCES[c][2])
            values.append(v)
            years.append(y)
        rows.append([code, name, str(edition), row[j_osi].strip()] + values + years)
    rows.sort(key=lambda r: r[0])
    if len({r[0] for r in rows}) != len(rows):
        sys.exit("make_raw_inputs: %d: two Data Center names map to one ISO code" % edition)
    header = (["code", "name", "survey_year", "osi_raw"] + indicators +
              [c + "_year" for c in indicators])
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="compare with the shipped files instead of writing; exit 1 if stale")
    ap.add_argument("--repo", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                   os.pardir),
                    help="repository root (default: the one holding this script)")
    ap.add_argument("--offset", type=int, default=1,
                    help="data year = edition - OFFSET (default 1)")
    ap.add_argument("--out-dir", help="write here instead of data/raw (not with --check)")
    a = ap.parse_args()
    repo = os.path.normpath(a.repo)
    out_dir = a.out_dir or os.path.join(repo, "data", "raw")
    stale = []
    for edition in EDITIONS:
        text = build(edition, repo, a.offset)
        path = os.path.join(out_dir, "EGDI_RAW_%d.csv" % edition)
        if a.check:
            try:
                with open(path, encoding="utf-8", newline="") as f:
                    same = f.read() == text
            except OSError:
                same = False
            if not same:
                stale.append(path)
        else:
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(text)
    if stale:
        print("make_raw_inputs: out of date (run tools/make_raw_inputs.py): " +
              ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

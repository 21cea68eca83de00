"""The valid base files of the bad-input suite, and ways to spoil them.

Every bad input is one small edit of a valid base, so that a failing case
fails for the one reason it was written for:

- ``un(year)``: a Data Center export, the header and 10 real rows of
  data/un-egov/EGOV_DATA_<year>.csv (Iraq .. Kiribati), lines 2..11;
- ``wide()``: the same 10 countries of 2024 as a wide CSV ``code,name,osi,tii,hci``
  (codes from data/countries.csv);
- ``raw()``: 10 synthetic units with the raw indicators of the 2024 edition
  (``--input raw``).

Each base is a list of lines (text, no line end); ``text(lines, sep)`` joins
them. Line numbers in messages are 1-based: the header is line 1, the first
data row line 2.
"""
import csv
import io
import os

N_ROWS = 10
UN_COLUMNS = ["Survey Year", "Country Name", "E-Government Rank", "E-Government Index",
              "E-Participation Index", "Online Service Index", "Human Capital Index",
              "Telecommunication Infrastructure Index"]
WIDE_COLUMNS = ["code", "name", "osi", "tii", "hci"]
RAW_COLUMNS = ["code", "name", "osi_raw", "internet_users", "fixed_broadband",
               "active_mobile_broadband", "mobile_subscriptions", "adult_literacy",
               "gross_enrolment", "expected_years", "mean_years"]


def un(data_dir, year=2024):
    """Header + the first N_ROWS data lines of the year's export, verbatim."""
    path = os.path.join(data_dir, "un-egov", f"EGOV_DATA_{year}.csv")
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().splitlines()
    assert lines[0].split(",") == UN_COLUMNS, f"{path}: unexpected header {lines[0]!r}"
    return lines[:N_ROWS + 1]


def un_records(data_dir, year=2024):
    """The base export's rows as dicts (names trimmed)."""
    rows = list(csv.DictReader(io.StringIO("\n".join(un(data_dir, year)) + "\n")))
    for r in rows:
        r["Country Name"] = r["Country Name"].strip()
    return rows


def country_codes(data_dir):
    with open(os.path.join(data_dir, "countries.csv"), encoding="utf-8") as f:
        return {r["name"]: r["code"] for r in csv.DictReader(f)}


def wide(data_dir):
    """code,name,osi,tii,hci of the 10 base countries (2024 values)."""
    codes = country_codes(data_dir)
    lines = [",".join(WIDE_COLUMNS)]
    for r in un_records(data_dir):
        name = r["Country Name"]
        lines.append(",".join([codes[name], name, r["Online Service Index"],
                               r["Telecommunication Infrastructure Index"],
                               r["Human Capital Index"]]))
    return lines


def raw():
    """10 units with the raw indicators of the 2024 edition."""
    lines = [",".join(RAW_COLUMNS)]
    for i in range(N_ROWS):
        lines.append(",".join([f"U{i:02d}", f"Unit {i}", f"{10 + 8 * i}", f"{20 + 7 * i}",
                               f"{1 + 3 * i}", f"{15 + 8 * i}", f"{60 + 9 * i}",
                               f"{50 + 5 * i}", f"{55 + 4 * i}", f"{8 + 0.9 * i:.1f}",
                               f"{3 + 1.1 * i:.1f}"]))
    return lines


def text(lines, sep="\n"):
    return sep.join(lines) + sep


def set_cell(lines, line_no, column, value, delimiter=","):
    """A copy of ``lines`` with the cell of 1-based ``line_no`` in ``column``
    (a header name) replaced by ``value`` (raw text, not quoted). Works on the
    bases above, whose only quoted fields are Data Center names."""
    header = lines[0].split(delimiter)
    j = header.index(column)
    out = list(lines)
    cells = next(csv.reader([lines[line_no - 1]], delimiter=delimiter))
    cells = [f'"{c}"' if (k == 1 and lines[0].startswith("Survey Year")) else c
             for k, c in enumerate(cells)]
    cells[j] = value
    out[line_no - 1] = delimiter.join(cells)
    return out


def cell(lines, line_no, column, delimiter=","):
    header = lines[0].split(delimiter)
    return next(csv.reader([lines[line_no - 1]], delimiter=delimiter))[header.index(column)]


def unit_at(lines, line_no):
    """The unit on a line: (code or None, trimmed name)."""
    cells = next(csv.reader([lines[line_no - 1]]))
    if lines[0].startswith("Survey Year"):
        return None, cells[1].strip()
    return cells[0], cells[1]

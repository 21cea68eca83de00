"""Bad input and bad output targets through the Python package ``egdi``.

The contract: a missing value (NaN, None) is no error; a value that is not a
finite number is an :class:`egdi.Error` naming the unit (or row) and the
column; implausible or insufficient data is an :class:`egdi.DataError` (a
ValueError); malformed files are :class:`egdi.ParseError` naming the file and
line, unreadable paths :class:`egdi.InputOutputError` (an OSError); a refused
output target is an InputOutputError and stays untouched.

Skipped as a whole when the bindings are not built (no importable ``egdi``),
unless --egdi-pythonpath / EGDI_PYTHONPATH was given: then a failing import
is an error.
"""
import io
import os
import re
import socket
import stat

import numpy as np
import pytest

import conftest
import inputs

try:
    import pandas as pd
    import egdi
except ImportError:
    if conftest.PYTHONPATH_GIVEN:
        raise
    pytest.skip("the Python bindings are not built (no importable 'egdi')",
                allow_module_level=True)
if conftest.PYTHONPATH_GIVEN:      # the build's package, not an installed one
    _pkg = os.path.realpath(os.path.join(conftest.PYTHONPATH_GIVEN, "egdi"))
    assert os.path.realpath(os.path.dirname(egdi.__file__)) == _pkg, \
        f"imported {egdi.__file__}, not the package in {conftest.PYTHONPATH_GIVEN}"


# ----------------------------------------------------------------------------
# helpers

def data_error():
    """egdi.DataError, or a stand-in that nothing raises while it does not exist."""
    return getattr(egdi, "DataError", type("DataErrorNotYetDefined", (Exception,), {}))


def words(*alternatives):
    """A regex matching any of the alternatives as a word."""
    return re.compile("|".join(r"(?<![\w-])" + re.escape(a) + r"(?![\w-])"
                               for a in alternatives))


def quoted(text):
    return re.compile("['\"\u2018\u201c`]" + re.escape(text) + "['\"\u2019\u201d`]")


def place(path, line):
    return re.compile(re.escape(str(path)) + rf"(:{line}\b|.*\bline {line}\b)")


def check_message(exc, *expected):
    msg = str(exc)
    missing = [e.pattern if isinstance(e, re.Pattern) else e for e in expected
               if not (e.search(msg) if isinstance(e, re.Pattern) else e in msg)]
    assert not missing, f"{type(exc).__name__} message lacks {missing}: {msg!r}"


def raises(cls, fn, *args, **kw):
    """Call fn; it must raise cls. Returns the exception."""
    try:
        result = fn(*args, **kw)
    except cls as e:
        return e
    except Exception as e:   # noqa: BLE001 - reported with its class and message
        pytest.fail(f"raised {type(e).__module__}.{type(e).__name__}: {e}, want "
                    f"{getattr(cls, '__name__', cls)}", pytrace=False)
    pytest.fail(f"no exception (returned {type(result).__name__}), want "
                f"{getattr(cls, '__name__', cls)}", pytrace=False)


@pytest.fixture(scope="module")
def wide(data_dir):
    """The 10 base countries: code, name, osi, tii, hci (float64)."""
    return pd.read_csv(io.StringIO(inputs.text(inputs.wide(data_dir))))


@pytest.fixture(scope="module")
def raw():
    return pd.read_csv(io.StringIO(inputs.text(inputs.raw())))


@pytest.fixture(scope="module")
def un_lines(data_dir):
    return inputs.un(data_dir)


def unit(df, i):
    """(code, name) of row i: either may name the unit in a message."""
    return df["code"].iloc[i], df["name"].iloc[i]


# ----------------------------------------------------------------------------
# positive controls

def test_ok_read_un_csv_and_compute(un_lines, tmp_path):
    p = tmp_path / "un.csv"
    p.write_text(inputs.text(un_lines))
    r = egdi.compute(egdi.read_un_csv(p), edition=2024)
    assert len(r) == inputs.N_ROWS and r["name"].iloc[0] == "Japan"


def test_ok_read_csv_and_compute(data_dir, un_lines, tmp_path):
    p = tmp_path / "wide.csv"
    p.write_text(inputs.text(inputs.wide(data_dir)))
    a = egdi.compute(egdi.read_csv(p), edition=2024)
    un = tmp_path / "un.csv"
    un.write_text(inputs.text(un_lines))
    b = egdi.compute(egdi.read_un_csv(un), edition=2024)
    assert list(a["name"]) == list(b["name"])
    assert np.allclose(a["egdi"], b["egdi"], rtol=0, atol=1e-15)


@pytest.mark.parametrize("how", ["nan-float", "none-object", "numbers-in-object-column"])
def test_ok_missing_values_and_object_numbers(wide, how):
    df = wide.copy()
    if how == "nan-float":
        df.loc[3, "osi"] = np.nan
    elif how == "none-object":
        df["osi"] = pd.Series([None if i == 3 else v for i, v in enumerate(df["osi"])],
                              dtype=object)
    else:   # every value a number, stored as objects
        df["tii"] = pd.Series(list(df["tii"]), dtype=object)
        df["osi"] = pd.Series([None if i == 3 else v for i, v in enumerate(df["osi"])],
                              dtype=object)
    r = egdi.compute(df, edition=2024)
    assert len(r) == inputs.N_ROWS
    ranks = dict(zip(r["name"], r["rank"]))
    assert pd.isna(ranks[df["name"].iloc[3]])       # missing: not ranked, not an error
    assert ranks["Japan"] == 1


def test_ok_allow_out_of_range(wide):
    df = wide.copy()
    df.loc[1, "osi"] = 1.5
    r = egdi.compute(df, edition=2024, allow_out_of_range=True)
    assert len(r) == inputs.N_ROWS


def test_ok_allow_edition_mismatch(wide):
    df = wide.assign(survey_year=2022)
    r = egdi.compute(df, edition=2024, allow_edition_mismatch=True)
    assert len(r) == inputs.N_ROWS


def test_ok_index_to_csv(tmp_path):
    p = tmp_path / "meta.csv"
    egdi.Index.survey(2024).to_csv(p)
    assert egdi.Index.from_csv(p).nodes == egdi.Index.survey(2024).nodes
    assert os.listdir(tmp_path) == ["meta.csv"]


# ----------------------------------------------------------------------------
# compute(): values that are not finite numbers

# (id, column, row, value, dtype of the column, must it be a ValueError): the
# message names the unit (code or name), the column and, for a non-number, the
# value
BAD_VALUES = [
    ("inf-osi", "osi", 6, np.inf, np.float64, False),
    ("minus-inf-tii", "tii", 2, -np.inf, np.float64, False),
    ("inf-in-object-column-hci", "hci", 4, np.inf, object, False),
    ("string-abc-osi", "osi", 5, "abc", object, True),
    ("list-hci", "hci", 8, [1, 2], object, True),
    ("dict-tii", "tii", 1, {"a": 1}, object, True),
]


@pytest.mark.parametrize("id,col,row,value,dtype,is_value_error", BAD_VALUES,
                         ids=[c[0] for c in BAD_VALUES])
def test_bad_value(wide, id, col, row, value, dtype, is_value_error):
    df = wide.copy()
    values = list(df[col])
    values[row] = value
    df[col] = pd.Series(values, dtype=dtype)
    e = raises(egdi.Error, egdi.compute, df, edition=2024)
    if is_value_error:
        assert isinstance(e, ValueError), f"{type(e).__name__} is not a ValueError: {e}"
        shown = quoted(value) if isinstance(value, str) else str(value)
        check_message(e, words(*unit(df, row)), words(col), shown)
    else:
        check_message(e, words(*unit(df, row)), words(col))


@pytest.mark.parametrize("value", [np.inf, "abc"], ids=["raw-inf-internet_users",
                                                         "raw-string-mean_years"])
def test_bad_value_raw(raw, value):
    df = raw.copy()
    col = "internet_users" if value is np.inf else "mean_years"
    values = list(df[col])
    values[4] = value
    df[col] = pd.Series(values, dtype=np.float64 if value is np.inf else object)
    e = raises(egdi.Error, egdi.compute, df, edition=2024, input="raw")
    check_message(e, words(*unit(df, 4)), words(col))


# ----------------------------------------------------------------------------
# compute(): implausible or insufficient data -> egdi.DataError

def test_empty_dataframe(wide):
    e = raises(data_error(), egdi.compute, wide.iloc[0:0], edition=2024)
    assert isinstance(e, ValueError)
    assert str(e).strip(), "DataError without a message"


@pytest.mark.parametrize("col,missing", [("osi", np.nan), ("hci", None)],
                         ids=["all-nan-osi", "all-none-hci"])
def test_needed_column_all_missing(wide, col, missing):
    df = wide.copy()
    df[col] = pd.Series([missing] * len(df), dtype=np.float64 if missing is not None else object)
    e = raises(data_error(), egdi.compute, df, edition=2024)
    check_message(e, words(col))


RANGE = [("osi-1.5", "osi", 1, 1.5), ("tii-negative", "tii", 7, -0.1),
         ("hci-100-scale", "hci", 0, None)]


@pytest.mark.parametrize("id,col,row,value", RANGE, ids=[c[0] for c in RANGE])
def test_component_out_of_range(wide, id, col, row, value):
    df = wide.copy()
    if value is None:                     # a 0-100 file: every component scaled
        for c in ("osi", "tii", "hci"):
            df[c] = df[c] * 100
        col = "osi"                       # the first out-of-range cell, row 0's osi
    else:
        df.loc[row, col] = value
    e = raises(data_error(), egdi.compute, df, edition=2024)
    assert isinstance(e, ValueError)
    check_message(e, words(*unit(df, row)), words(col))


def test_survey_year_differs_from_edition(wide):
    e = raises(data_error(), egdi.compute, wide.assign(survey_year=2022), edition=2024)
    check_message(e, words("2022"), words("2024"))


def test_un_export_with_another_edition(un_lines, tmp_path):
    p = tmp_path / "un.csv"
    p.write_text(inputs.text(un_lines))
    e = raises(data_error(), egdi.compute, egdi.read_un_csv(p), edition=2022)
    check_message(e, words("2022"), words("2024"))


# ----------------------------------------------------------------------------
# read_csv / read_un_csv: malformed files -> ParseError naming file and line

def _bytes(lines, line, old, new):
    text = inputs.text(lines).encode()
    start = sum(len(l.encode()) + 1 for l in lines[:line - 1])
    k = text.index(old.encode(), start)
    return text[:k] + new + text[k + len(old.encode()):]


def _set_line(lines, line, new):
    out = list(lines)
    out[line - 1] = new
    return inputs.text(out).encode()


# (id, reader, base, make(lines) -> bytes, line, more expected items)
BAD_FILES = [
    ("read_csv-nul", "read_csv", "wide",
     lambda l: _bytes(l, 4, "Israel", b"Isr\x00ael"), 4, ["NUL"]),
    ("read_un_csv-nul", "read_un_csv", "un",
     lambda l: _bytes(l, 6, "Jamaica", b"Jama\x00ica"), 6, ["NUL"]),
    ("read_csv-utf8-ff", "read_csv", "wide",
     lambda l: _bytes(l, 5, "Italy", b"Ital\xffy"), 5, ["UTF-8"]),
    ("read_un_csv-utf8-overlong", "read_un_csv", "un",
     lambda l: _bytes(l, 3, "Ireland", b"Ireland\xc0\xaf"), 3, ["UTF-8"]),
    ("read_csv-utf8-surrogate", "read_csv", "wide",
     lambda l: _bytes(l, 8, "Jordan", b"Jordan\xed\xb0\x80"), 8, ["UTF-8"]),
    ("read_csv-too-many-fields", "read_csv", "wide",
     lambda l: _set_line(l, 7, l[6] + ",0.5"), 7, []),
    ("read_un_csv-too-few-fields", "read_un_csv", "un",
     lambda l: _set_line(l, 10, l[9].rsplit(",", 1)[0]), 10, []),
    ("read_csv-unterminated-quote", "read_csv", "wide",
     lambda l: _set_line(l, 4, l[3].replace("Israel", '"Israel')), 4, []),
    ("read_csv-duplicate-header", "read_csv", "wide",
     lambda l: inputs.text([l[0] + ",hci"] + [x + ",0.5" for x in l[1:]]).encode(), 1,
     [words("hci")]),
    ("read_un_csv-Infinity-osi", "read_un_csv", "un",
     lambda l: inputs.text(inputs.set_cell(l, 5, "Online Service Index", "Infinity")).encode(),
     5, [words("Online Service Index", "osi", "column 6"), quoted("Infinity")]),
    ("read_un_csv-1e400-hci", "read_un_csv", "un",
     lambda l: inputs.text(inputs.set_cell(l, 8, "Human Capital Index", "1e400")).encode(),
     8, [words("Human Capital Index", "hci", "column 7"), quoted("1e400")]),
    ("read_un_csv-inf-tii", "read_un_csv", "un",
     lambda l: inputs.text(inputs.set_cell(l, 11, "Telecommunication Infrastructure Index",
                                           "inf")).encode(),
     11, [words("Telecommunication Infrastructure Index", "tii", "column 8"), quoted("inf")]),
]


@pytest.mark.parametrize("id,reader,base,make,line,more", BAD_FILES,
                         ids=[c[0] for c in BAD_FILES])
def test_bad_file(data_dir, tmp_path, id, reader, base, make, line, more):
    lines = inputs.un(data_dir) if base == "un" else inputs.wide(data_dir)
    p = tmp_path / "bad.csv"
    p.write_bytes(make(lines))
    # a repeated header keeps the status 1.0 gave it (EGDI_ERR_DUPLICATE, a ValueError)
    want = egdi.DuplicateError if id.endswith("duplicate-header") else egdi.ParseError
    e = raises(want, getattr(egdi, reader), p)
    assert isinstance(e, ValueError)
    check_message(e, place(p, line), *more)


def test_read_empty_file(tmp_path):
    p = tmp_path / "empty.csv"
    p.write_bytes(b"")
    e = raises(egdi.ParseError, egdi.read_csv, p)
    check_message(e, str(p))


def test_read_directory(tmp_path):
    d = tmp_path / "dir.csv"
    d.mkdir()
    e = raises(egdi.InputOutputError, egdi.read_un_csv, d)
    assert isinstance(e, OSError)
    check_message(e, str(d), "directory")


def test_read_missing_file(tmp_path):
    p = tmp_path / "missing.csv"
    e = raises(egdi.InputOutputError, egdi.read_csv, p)
    check_message(e, str(p))


# ----------------------------------------------------------------------------
# Index.to_csv to a target that is not a regular file: InputOutputError, untouched

def _target(kind, d):
    """Create the target; returns (path, checker(), cleanup())."""
    path = os.path.join(d, "out.csv")
    real, fd, sock = path, None, None
    if kind.startswith("symlink-to-"):
        real = os.path.join(d, "real")
        kind = kind[len("symlink-to-"):]
    if kind == "directory":
        os.mkdir(real)
    elif kind == "fifo":
        os.mkfifo(real)
        fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK)   # a writer will not block
    elif kind == "chardev":
        try:
            os.mknod(real, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        except PermissionError:
            pytest.skip("cannot create a character device (not root)")
    elif kind == "socket":
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.bind(real)
    if real != path:
        os.symlink(real, path)
    st0, names = os.stat(real), sorted(os.listdir(d))

    def check():
        assert sorted(os.listdir(d)) == names, f"{d}: {sorted(os.listdir(d))}, was {names}"
        if real != path:
            assert os.path.islink(path) and os.readlink(path) == real
        st = os.stat(real)
        assert (st.st_ino, stat.S_IFMT(st.st_mode), st.st_rdev) == \
            (st0.st_ino, stat.S_IFMT(st0.st_mode), st0.st_rdev), f"{real} replaced"
        if stat.S_ISDIR(st.st_mode):
            assert os.listdir(real) == []
        if fd is not None:
            try:
                data = os.read(fd, 65536)
            except BlockingIOError:
                data = b""
            assert data == b"", f"{len(data)} bytes written to the FIFO"

    def cleanup():
        if fd is not None:
            os.close(fd)
        if sock is not None:
            sock.close()
    return path, check, cleanup


@pytest.mark.parametrize("kind", ["fifo", "directory", "chardev", "socket", "symlink-to-fifo"])
def test_index_to_csv_refused(outdir, kind):
    path, check, cleanup = _target(kind, outdir)
    try:
        e = raises(egdi.InputOutputError, egdi.Index.survey(2024).to_csv, path)
        assert isinstance(e, OSError)
        check()
        check_message(e, path)
    finally:
        cleanup()


def test_index_to_csv_missing_directory(outdir):
    path = os.path.join(outdir, "no", "such", "meta.csv")
    e = raises(egdi.InputOutputError, egdi.Index.survey(2024).to_csv, path)
    check_message(e, path)
    assert os.listdir(outdir) == []

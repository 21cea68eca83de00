"""Bad input and bad output targets through the egdi tool.

The contract (README, `egdi --help`): exit 0 ok, 1 computation failed,
2 usage, 3 input unreadable/malformed/implausible, 4 output refused or not
written; messages on stderr start with "egdi: " and name the place (file and
line, column, unit) and the offending text. A run that fails leaves its output
target exactly as it was: every case here writes with `-o OUT` and checks that
an existing OUT is byte-identical with the same mode and inode, or that no file
(final or temporary) appeared in its directory. The positive controls make sure
the suite fails when the tool stops working at all.

Every bad input is a one-point edit of a valid base (see inputs.py).
"""
import csv
import io
import json
import os
import re
import shutil
import socket
import stat
import subprocess
import threading
import time

import pytest

import inputs

TIMEOUT = 20
PREVIOUS = b"previous output, must survive\n"
PREVIOUS_MODE = 0o640


# ----------------------------------------------------------------------------
# helpers

def run(tool, args, cwd, stdin=None, umask=None, timeout=TIMEOUT):
    """Run the tool; stdout and stderr as text (invalid bytes replaced)."""
    kw = {"preexec_fn": (lambda: os.umask(umask))} if umask is not None else {}
    try:
        p = subprocess.run([tool, *map(str, args)], input=stdin, capture_output=True, cwd=cwd,
                           timeout=timeout, **kw)
    except subprocess.TimeoutExpired as e:
        pytest.fail(f"egdi {' '.join(map(str, args))}: no exit after {timeout} s; stderr "
                    f"{(e.stderr or b'').decode('utf-8', 'replace')!r}", pytrace=False)
    p.out = p.stdout.decode("utf-8", "replace")
    p.err = p.stderr.decode("utf-8", "replace")
    return p


class AnyOf:
    """Matches if any of its items (substring or compiled regex) matches."""

    def __init__(self, *items):
        self.items = items

    def matches(self, text):
        return any(_matches(i, text) for i in self.items)

    def __repr__(self):
        return " or ".join(repr(i.pattern if isinstance(i, re.Pattern) else i)
                           for i in self.items)


def _matches(item, text):
    if isinstance(item, AnyOf):
        return item.matches(text)
    if isinstance(item, re.Pattern):
        return item.search(text) is not None
    return item in text


def place(path, line):
    """The file and line: 'path:7' (or 'path ... line 7')."""
    return AnyOf(f"{path}:{line}",
                 re.compile(re.escape(str(path)) + r".*\bline " + str(line) + r"\b"))


def line_no(line):
    """A line number without the file (':7:' or 'line 7')."""
    return AnyOf(re.compile(rf":{line}\b"), re.compile(rf"\bline {line}\b"))


def column(name, number=None):
    """A column by name (as a word) or by 1-based number."""
    items = [re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])")]
    if number is not None:
        items.append(re.compile(rf"\bcolumn {number}\b"))
    return AnyOf(*items)


def quoted(text):
    """The offending text in quotes ('x', "x", or typographic quotes)."""
    return re.compile("['\"\u2018\u201c`]" + re.escape(text) + "['\"\u2019\u201d`]")


def number(text):
    """A value as a number (not part of a longer number)."""
    return re.compile(r"(?<![\d.])" + re.escape(text) + r"(?![\d])")


def colnum(n):
    """A column number: 'column 3', 'columns 3 and 6', 'columns 6, 3'."""
    return re.compile(rf"\bcolumns?\b[^.;:]*?(?<![\d.]){n}(?![\d.])")


def offset(n):
    """A byte offset as a number (0-based from the start of the file)."""
    return re.compile(rf"(?<![\d.x]){n}(?!\d)")


def check_message(p, expected):
    assert p.err.startswith("egdi: "), f"stderr does not start with 'egdi: ': {p.err!r}"
    missing = [e for e in expected if not _matches(e, p.err)]
    assert not missing, f"message lacks {missing}: {p.err!r}"


def check_rc(p, rc):
    want = rc if isinstance(rc, tuple) else (rc,)
    assert p.returncode in want, \
        f"exit {p.returncode}, want {' or '.join(map(str, want))}; stderr: {p.err!r}"


def listing(d):
    return sorted(os.listdir(d))


class Unchanged:
    """The output target before a run that must not write it: either an
    existing regular file with known content and mode (existing=True), or
    nothing. Either way, no other file may appear in its directory."""

    def __init__(self, path, existing):
        self.path, self.existing = str(path), existing
        self.dir = os.path.dirname(self.path)
        if existing:
            with open(self.path, "wb") as f:
                f.write(PREVIOUS)
            os.chmod(self.path, PREVIOUS_MODE)
            self.stat = os.lstat(self.path)
        self.before = listing(self.dir)

    def check(self, p):
        """`p`, the run, is quoted in every failure."""
        run = f"(the run: exit {p.returncode}, stderr {p.err!r})"
        after = listing(self.dir)
        assert after == self.before, \
            f"{self.dir}: files appeared or vanished: before {self.before}, after {after} {run}"
        if self.existing:
            st = os.lstat(self.path)
            assert stat.S_ISREG(st.st_mode), f"{self.path} is no longer a regular file {run}"
            assert st.st_ino == self.stat.st_ino, f"{self.path} was replaced (new inode) {run}"
            assert stat.S_IMODE(st.st_mode) == PREVIOUS_MODE, \
                f"{self.path}: mode {stat.S_IMODE(st.st_mode):o}, was {PREVIOUS_MODE:o} {run}"
            with open(self.path, "rb") as f:
                assert f.read() == PREVIOUS, f"{self.path}: content changed {run}"


def read_csv_rows(path_or_text, is_text=False):
    if is_text:
        return list(csv.DictReader(io.StringIO(path_or_text)))
    with open(path_or_text, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


# ----------------------------------------------------------------------------
# the valid bases

@pytest.fixture(scope="module")
def bases(data_dir):
    return {"un": inputs.un(data_dir), "un22": inputs.un(data_dir, 2022),
            "wide": inputs.wide(data_dir), "raw": inputs.raw()}


def write(path, content):
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


# ----------------------------------------------------------------------------
# positive controls: the valid bases compute, and the output rules that say yes

def test_ok_un_compute(egdi_tool, bases, tmp_path, outdir):
    src = write(tmp_path / "un.csv", inputs.text(bases["un"]))
    out = os.path.join(outdir, "out.csv")
    p = run(egdi_tool, ["compute", "-o", out, src], outdir)
    check_rc(p, 0)
    rows = read_csv_rows(out)
    assert len(rows) == inputs.N_ROWS
    assert list(rows[0])[:8] == ["code", "name", "osi", "tii", "hci", "egdi", "epi", "rank"]
    assert rows[0]["name"] == "Japan" and rows[0]["rank"] == "1"
    assert listing(outdir) == ["out.csv"]          # no temporary left


def test_ok_wide_compute_matches_un(egdi_tool, bases, tmp_path, outdir):
    un_src = write(tmp_path / "un.csv", inputs.text(bases["un"]))
    wide_src = write(tmp_path / "wide.csv", inputs.text(bases["wide"]))
    a, b = os.path.join(outdir, "a.csv"), os.path.join(outdir, "b.csv")
    check_rc(run(egdi_tool, ["compute", "-o", a, un_src], outdir), 0)
    p = run(egdi_tool, ["compute", "--edition", 2024, "-o", b, wide_src], outdir)
    check_rc(p, 0)
    got = {r["name"]: (r["egdi"], r["rank"]) for r in read_csv_rows(b)}
    want = {r["name"]: (r["egdi"], r["rank"]) for r in read_csv_rows(a)}
    assert got == want


def test_ok_raw_compute(egdi_tool, bases, tmp_path, outdir):
    src = write(tmp_path / "raw.csv", inputs.text(bases["raw"]))
    out = os.path.join(outdir, "out.csv")
    p = run(egdi_tool, ["compute", "--edition", 2024, "--input", "raw", "-o", out, src], outdir)
    check_rc(p, 0)
    rows = read_csv_rows(out)
    assert len(rows) == inputs.N_ROWS and rows[0]["name"] == "Unit 9"


def test_ok_groups(egdi_tool, bases, tmp_path, outdir):
    src = write(tmp_path / "un.csv", inputs.text(bases["un"]))
    out = os.path.join(outdir, "out.csv")
    check_rc(run(egdi_tool, ["groups", "-o", out, src], outdir), 0)
    rows = {r["name"]: r for r in read_csv_rows(out)}
    assert rows["World"]["n"] == str(inputs.N_ROWS)


def test_ok_compare(egdi_tool, bases, tmp_path, outdir):
    a = write(tmp_path / "un22.csv", inputs.text(bases["un22"]))
    b = write(tmp_path / "un24.csv", inputs.text(bases["un"]))
    out = os.path.join(outdir, "out.csv")
    check_rc(run(egdi_tool, ["compare", "-o", out, a, b], outdir), 0)
    assert len(read_csv_rows(out)) == inputs.N_ROWS


@pytest.mark.parametrize("fmt", ["csv", "json"], ids=["dash-output-csv", "dash-output-json"])
def test_ok_output_dash_is_stdout(egdi_tool, bases, tmp_path, outdir, fmt):
    src = write(tmp_path / "un.csv", inputs.text(bases["un"]))
    args = ["compute", "-o", "-", src] + (["--format", "json"] if fmt == "json" else [])
    p = run(egdi_tool, args, outdir)
    check_rc(p, 0)
    assert listing(outdir) == [], f"-o - created {listing(outdir)}; stdout {p.out[:80]!r}"
    if fmt == "json":
        rows = json.loads(p.out)["rows"]
        assert len(rows) == inputs.N_ROWS and rows[0]["name"] == "Japan"
    else:
        rows = read_csv_rows(p.out, is_text=True)
        assert len(rows) == inputs.N_ROWS and rows[0]["name"] == "Japan"


def test_ok_output_symlink_to_regular_file(egdi_tool, bases, tmp_path, outdir):
    src = write(tmp_path / "un.csv", inputs.text(bases["un"]))
    target = os.path.join(outdir, "target.csv")
    with open(target, "wb") as f:
        f.write(PREVIOUS)
    link = os.path.join(outdir, "link.csv")
    os.symlink(target, link)
    check_rc(run(egdi_tool, ["compute", "-o", link, src], outdir), 0)
    assert os.path.islink(link) and os.readlink(link) == target, \
        f"{link} is no longer a symlink to {target} but a {describe(os.lstat(link))}"
    assert len(read_csv_rows(target)) == inputs.N_ROWS
    assert listing(outdir) == ["link.csv", "target.csv"]


def test_ok_existing_output_keeps_its_mode(egdi_tool, bases, tmp_path, outdir):
    src = write(tmp_path / "un.csv", inputs.text(bases["un"]))
    out = os.path.join(outdir, "out.csv")
    with open(out, "wb") as f:
        f.write(PREVIOUS)
    os.chmod(out, 0o640)
    check_rc(run(egdi_tool, ["compute", "-o", out, src], outdir, umask=0o022), 0)
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o640, \
        f"mode {stat.S_IMODE(os.stat(out).st_mode):o}, was 640"
    assert len(read_csv_rows(out)) == inputs.N_ROWS
    assert listing(outdir) == ["out.csv"]


@pytest.mark.parametrize("umask,mode", [(0o022, 0o644), (0o027, 0o640)],
                         ids=["new-output-umask-022", "new-output-umask-027"])
def test_ok_new_output_follows_umask(egdi_tool, bases, tmp_path, outdir, umask, mode):
    src = write(tmp_path / "un.csv", inputs.text(bases["un"]))
    out = os.path.join(outdir, "out.csv")
    check_rc(run(egdi_tool, ["compute", "-o", out, src], outdir, umask=umask), 0)
    assert stat.S_IMODE(os.stat(out).st_mode) == mode, \
        f"mode {stat.S_IMODE(os.stat(out).st_mode):o} with umask {umask:03o}, want {mode:o}"


def test_ok_input_dash_reads_a_pipe(egdi_tool, bases, tmp_path, outdir):
    src = write(tmp_path / "un.csv", inputs.text(bases["un"]))
    a, b = os.path.join(outdir, "a.csv"), os.path.join(outdir, "b.csv")
    check_rc(run(egdi_tool, ["compute", "-o", a, src], outdir), 0)
    p = run(egdi_tool, ["compute", "-o", b, "-"], outdir, stdin=src.read_bytes())
    check_rc(p, 0)
    with open(a, "rb") as fa, open(b, "rb") as fb:
        assert fa.read() == fb.read()


def test_ok_input_named_pipe(egdi_tool, bases, tmp_path, outdir):
    src = write(tmp_path / "un.csv", inputs.text(bases["un"]))
    fifo = tmp_path / "in.fifo"
    os.mkfifo(fifo)
    content = src.read_bytes()

    def feed():          # never blocks: gives up if the tool does not open the FIFO
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:          # ENXIO: no reader yet
                time.sleep(0.01)
                continue
            os.set_blocking(fd, True)
            try:
                os.write(fd, content)
            except BrokenPipeError:
                pass
            finally:
                os.close(fd)
            return

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    a, b = os.path.join(outdir, "a.csv"), os.path.join(outdir, "b.csv")
    # a tool that opens the FIFO a second time (after sniffing the header) waits forever
    p = run(egdi_tool, ["compute", "-o", b, fifo], outdir, timeout=5)
    writer.join(5)
    check_rc(p, 0)
    check_rc(run(egdi_tool, ["compute", "-o", a, src], outdir), 0)
    with open(a, "rb") as fa, open(b, "rb") as fb:
        assert fa.read() == fb.read()


@pytest.mark.parametrize("sep", ["\t", "|"], ids=["tab-delimited", "pipe-delimited"])
def test_ok_other_delimiters(egdi_tool, bases, tmp_path, outdir, sep):
    comma = write(tmp_path / "comma.csv", inputs.text(bases["wide"]))
    other = write(tmp_path / "other.csv", inputs.text([l.replace(",", sep)
                                                       for l in bases["wide"]]))
    a, b = os.path.join(outdir, "a.csv"), os.path.join(outdir, "b.csv")
    check_rc(run(egdi_tool, ["compute", "--edition", 2024, "-o", a, comma], outdir), 0)
    check_rc(run(egdi_tool, ["compute", "--edition", 2024, "-o", b, other], outdir), 0)
    with open(a, "rb") as fa, open(b, "rb") as fb:
        assert fb.read() == fa.read()


def decimal_comma_lines(lines):
    return [l.replace(",", ";") if k == 0 else
            ";".join(c.replace(".", ",") for c in l.split(","))
            for k, l in enumerate(lines)]


def test_ok_decimal_comma_with_flag(egdi_tool, bases, tmp_path, outdir):
    dot = write(tmp_path / "dot.csv", inputs.text(bases["wide"]))
    dc = write(tmp_path / "dc.csv", inputs.text(decimal_comma_lines(bases["wide"])))
    a, b = os.path.join(outdir, "a.csv"), os.path.join(outdir, "b.csv")
    check_rc(run(egdi_tool, ["compute", "--edition", 2024, "-o", a, dot], outdir), 0)
    check_rc(run(egdi_tool, ["compute", "--edition", 2024, "--decimal-comma", "-o", b, dc],
                 outdir), 0)
    ra, rb = read_csv_rows(a), read_csv_rows(b)
    assert [r["name"] for r in rb] == [r["name"] for r in ra]
    for x, y in zip(ra, rb):
        for k in ("osi", "tii", "hci", "egdi", "rank"):
            assert float(y[k]) == float(x[k]), (x["name"], k)


def test_ok_nan_is_missing(egdi_tool, bases, tmp_path, outdir):
    src = write(tmp_path / "nan.csv", inputs.text(inputs.set_cell(bases["wide"], 4, "osi",
                                                                  "nan")))
    out = os.path.join(outdir, "out.csv")
    p = run(egdi_tool, ["compute", "--edition", 2024, "-o", out, src], outdir)
    check_rc(p, 0)
    rows = {r["name"]: r for r in read_csv_rows(out)}
    assert rows["Israel"]["rank"] == ""            # not ranked, not an error
    assert rows["Japan"]["rank"] == "1"


def test_ok_allow_out_of_range(egdi_tool, bases, tmp_path, outdir):
    src = write(tmp_path / "range.csv", inputs.text(inputs.set_cell(bases["wide"], 3, "osi",
                                                                    "1.5")))
    out = os.path.join(outdir, "out.csv")
    p = run(egdi_tool, ["compute", "--edition", 2024, "--allow-out-of-range", "-o", out, src],
            outdir)
    check_rc(p, 0)
    assert len(read_csv_rows(out)) == inputs.N_ROWS


def test_ok_allow_edition_mismatch(egdi_tool, bases, tmp_path, outdir):
    src = write(tmp_path / "un.csv", inputs.text(bases["un"]))
    out = os.path.join(outdir, "out.csv")
    p = run(egdi_tool, ["compute", "--edition", 2022, "--allow-edition-mismatch", "-o", out,
                        src], outdir)
    check_rc(p, 0)
    assert len(read_csv_rows(out)) == inputs.N_ROWS


def test_ok_edition_from_the_file(egdi_tool, bases, tmp_path, outdir):
    src = write(tmp_path / "un.csv", inputs.text(bases["un"]))
    a, b = os.path.join(outdir, "a.csv"), os.path.join(outdir, "b.csv")
    check_rc(run(egdi_tool, ["compute", "-o", a, src], outdir), 0)
    check_rc(run(egdi_tool, ["compute", "--edition", 2024, "-o", b, src], outdir), 0)
    with open(a, "rb") as fa, open(b, "rb") as fb:
        assert fa.read() == fb.read()


# ----------------------------------------------------------------------------
# bad inputs: exit 3 (or as stated), the place named, the output untouched

class Bad:
    """One bad input: ``make(bases, path)`` returns the file content (bytes or
    text); ``expect(path, bases)`` the list of things the message must
    contain; ``args`` come after the command, before '-o OUT FILE'."""

    def __init__(self, id, make, expect, rc=3, args=("--edition", 2024), command="compute"):
        self.id, self.make, self.expect, self.rc = id, make, expect, rc
        self.args, self.command = list(args), command


def with_bytes(lines, line, old, new):
    """The base as bytes with `old` replaced by the bytes `new` on one line;
    returns (content, byte offset of the replacement)."""
    text = inputs.text(lines).encode("utf-8")
    start = sum(len(l.encode("utf-8")) + 1 for l in lines[:line - 1])
    k = text.index(old.encode("utf-8"), start)
    assert k < start + len(lines[line - 1].encode("utf-8"))
    return text[:k] + new + text[k + len(old.encode("utf-8")):], k


def bytes_case(id, base, line, old, new, what, at=0, args=None, command="compute"):
    """A byte-level spoiling: the message names the file, the line, `what`
    ('NUL' or 'UTF-8') and the byte offset of the bad byte (`at` bytes into
    the replacement)."""
    def make(b, path):
        return with_bytes(b[base], line, old, new)[0]

    def expect(path, b):
        k = with_bytes(b[base], line, old, new)[1] + at
        return [place(path, line), what, offset(k)]
    if args is None:
        args = () if base == "un" else ("--edition", 2024)
    return Bad(id, make, expect, args=args, command=command)


def cell_case(id, base, line, col, value, expect_col, rc=3, args=None, extra=()):
    """One cell of a needed column set to `value`: the message names
    file:line, the column and the text quoted."""
    def make(b, path):
        return inputs.text(inputs.set_cell(b[base], line, col, value))

    def expect(path, b):
        return [place(path, line), expect_col, quoted(value), *extra]
    if args is None:
        args = {"un": (), "wide": ("--edition", 2024),
                "raw": ("--edition", 2024, "--input", "raw")}[base]
    return Bad(id, make, expect, rc=rc, args=args)


def range_case(id, base, line, col, value, expect_col, args=None):
    """A component outside [0, 1]: the message names the unit, the column
    and the value."""
    def make(b, path):
        return inputs.text(inputs.set_cell(b[base], line, col, value))

    def expect(path, b):
        code, name = inputs.unit_at(b[base], line)
        return [AnyOf(*[x for x in (code, name) if x]), expect_col, number(value)]
    if args is None:
        args = () if base == "un" else ("--edition", 2024)
    return Bad(id, make, expect, args=args)


UN_OSI = column("Online Service Index", 6)
UN_HCI = column("Human Capital Index", 7)
UN_TII = column("Telecommunication Infrastructure Index", 8)
UN_EPI = column("E-Participation Index", 5)
UN_EGDI = column("E-Government Index", 4)
OSI, TII, HCI = column("osi", 3), column("tii", 4), column("hci", 5)


def _scaled_100(b, path):
    out = [b["wide"][0]]
    for l in b["wide"][1:]:
        c = l.split(",")
        out.append(",".join(c[:2] + [f"{float(v) * 100:.3f}" for v in c[2:]]))
    return inputs.text(out)


def _dup_header(b, path):
    return inputs.text([b["wide"][0] + ",osi"] + [l + ",0.5" for l in b["wide"][1:]])


def _drop_column(lines, col):
    j = lines[0].split(",").index(col)
    return inputs.text([",".join(c for k, c in enumerate(l.split(",")) if k != j)
                        for l in lines])


def _all_cells(lines, col, value):
    for line in range(2, len(lines) + 1):
        lines = inputs.set_cell(lines, line, col, value)
    return inputs.text(lines)


def _set_line(lines, line, new):
    out = list(lines)
    out[line - 1] = new
    return inputs.text(out)


BAD_INPUTS = [
    # NUL bytes and invalid UTF-8: file, line, 'NUL'/'UTF-8', byte offset
    bytes_case("nul-in-name-un", "un", 4, "Israel", b"Isr\x00ael", "NUL", at=3),
    bytes_case("nul-in-name-wide", "wide", 9, "Kazakhstan", b"Kaza\x00khstan", "NUL", at=4),
    bytes_case("nul-in-number-wide", "wide", 5, "0.76239", b"0.76\x00239", "NUL", at=4),
    bytes_case("utf8-ff-un", "un", 5, "Italy", b"Italy\xff", "UTF-8", at=5),
    bytes_case("utf8-truncated-wide", "wide", 6, "Jamaica", b"Jamaic\xc3", "UTF-8", at=6),
    bytes_case("utf8-overlong-un", "un", 7, "Japan", b"Japan\xc0\xaf", "UTF-8", at=5),
    bytes_case("utf8-surrogate-wide", "wide", 3, "Ireland", b"Ireland\xed\xa0\x80", "UTF-8",
               at=7),
    bytes_case("utf8-in-header-wide", "wide", 1, "hci", b"hc\xe9", "UTF-8", at=2),
    Bad("utf16-file",
        lambda b, path: inputs.text(b["wide"]).encode("utf-16"),
        lambda path, b: [place(path, 1), AnyOf("UTF-8", "NUL")]),
    Bad("utf8-truncated-at-eof",
        lambda b, path: inputs.text(b["wide"]).encode() + b"\xe2\x82",
        lambda path, b: [place(path, 12), "UTF-8",
                         offset(len(inputs.text(b["wide"]).encode()))]),
    # cells that are not finite numbers, in the columns the computation needs
    cell_case("number-abc-osi", "wide", 2, "osi", "abc", OSI),
    cell_case("number-inf-tii", "wide", 3, "tii", "inf", TII),
    cell_case("number-minus-inf-hci", "wide", 4, "hci", "-inf", HCI),
    cell_case("number-Infinity-osi", "wide", 5, "osi", "Infinity", OSI),
    cell_case("number-1e400-tii", "wide", 6, "tii", "1e400", TII),
    cell_case("number-hexfloat-hci", "wide", 7, "hci", "0x1p3", HCI),
    cell_case("number-1.2.3-osi", "wide", 8, "osi", "1.2.3", OSI),
    cell_case("number-trailing-junk-tii", "wide", 9, "tii", "0.5x", TII),
    cell_case("un-number-abc-tii", "un", 9, "Telecommunication Infrastructure Index", "abc",
              UN_TII),
    cell_case("un-number-inf-osi", "un", 10, "Online Service Index", "inf", UN_OSI),
    cell_case("un-number-1e400-hci", "un", 11, "Human Capital Index", "1e400", UN_HCI),
    cell_case("un-number-word-epi", "un", 3, "E-Participation Index", "high", UN_EPI),
    cell_case("un-number-Infinity-egdi", "un", 2, "E-Government Index", "Infinity", UN_EGDI),
    cell_case("raw-number-abc-internet_users", "raw", 4, "internet_users", "abc",
              column("internet_users", 4)),
    cell_case("raw-number-inf-mean_years", "raw", 6, "mean_years", "inf",
              column("mean_years", 11)),
    Bad("decimal-comma-without-flag",
        lambda b, path: inputs.text(decimal_comma_lines(b["wide"])),
        lambda path, b: [place(path, 2), OSI,
                         quoted(inputs.cell(b["wide"], 2, "osi").replace(".", ","))]),
    # structure
    Bad("duplicate-header-osi", _dup_header,
        lambda path, b: [path, quoted("osi"), colnum(3), colnum(6)]),
    Bad("too-many-fields",
        lambda b, path: _set_line(b["wide"], 5, b["wide"][4] + ",0.1"),
        lambda path, b: [place(path, 5)]),
    Bad("too-few-fields-un",
        lambda b, path: _set_line(b["un"], 8, b["un"][7].rsplit(",", 1)[0]),
        lambda path, b: [place(path, 8)], args=()),
    Bad("unterminated-quote",
        lambda b, path: _set_line(b["wide"], 6, b["wide"][5].replace("Jamaica", '"Jamaica')),
        lambda path, b: [place(path, 6)]),
    Bad("header-only-un", lambda b, path: inputs.text(b["un"][:1]),
        lambda path, b: [path], args=()),
    Bad("header-only-wide", lambda b, path: inputs.text(b["wide"][:1]), lambda path, b: [path]),
    Bad("empty-file", lambda b, path: b"", lambda path, b: [path]),
    Bad("blank-lines-only", lambda b, path: b"\n\n\r\n\n", lambda path, b: [path]),
    Bad("all-empty-hci", lambda b, path: _all_cells(b["wide"], "hci", ""),
        lambda path, b: [path, HCI]),
    Bad("all-NA-tii", lambda b, path: _all_cells(b["wide"], "tii", "NA"),
        lambda path, b: [path, TII]),
    Bad("un-all-empty-osi", lambda b, path: _all_cells(b["un"], "Online Service Index", ""),
        lambda path, b: [path, AnyOf(UN_OSI, column("osi"))], args=()),
    Bad("missing-column-tii", lambda b, path: _drop_column(b["wide"], "tii"),
        lambda path, b: [column("tii")], rc=(1, 3)),
    Bad("raw-missing-column-mean_years", lambda b, path: _drop_column(b["raw"], "mean_years"),
        lambda path, b: [column("mean_years")], rc=(1, 3),
        args=("--edition", 2024, "--input", "raw")),
    Bad("duplicate-code",
        lambda b, path: _set_line(b["wide"], 7, b["wide"][6].replace("JPN,", "IRQ,")),
        lambda path, b: [quoted("IRQ"), line_no(7)]),
    Bad("un-duplicate-country",
        lambda b, path: _set_line(b["un"], 9, b["un"][8].replace("Kazakhstan", "Japan")),
        lambda path, b: [quoted("Japan"), line_no(9)], args=()),
    # plausibility: components outside [0, 1]
    range_case("range-osi-1.5", "wide", 3, "osi", "1.5", OSI),
    range_case("range-tii-negative", "wide", 8, "tii", "-0.1", TII),
    Bad("range-0-100-scale", _scaled_100,
        lambda path, b: [AnyOf("IRQ", "Iraq"), OSI, number("18.755")]),
    range_case("un-range-epi-1.2", "un", 4, "E-Participation Index", "1.2",
               AnyOf(UN_EPI, column("epi"))),
    range_case("un-range-osi-negative", "un", 10, "Online Service Index", "-0.5",
               AnyOf(UN_OSI, column("osi"))),
    # plausibility: the edition
    Bad("edition-mismatch", lambda b, path: inputs.text(b["un"]),
        lambda path, b: [number("2024"), number("2022")], args=("--edition", 2022)),
    Bad("edition-mismatch-groups", lambda b, path: inputs.text(b["un"]),
        lambda path, b: [number("2024"), number("2020")], args=("--edition", 2020),
        command="groups"),
    Bad("mixed-survey-years",
        lambda b, path: _set_line(b["un"], 6, b["un"][5].replace("2024,", "2022,", 1)),
        lambda path, b: [path, line_no(6)], args=()),
    Bad("unknown-edition", lambda b, path: inputs.text(b["un"]),
        lambda path, b: [number("2001")], rc=(1, 2, 3), args=("--edition", 2001)),
    # other commands read through the same checks
    bytes_case("groups-nul", "un", 3, "Ireland", b"Irel\x00and", "NUL", at=4,
               command="groups"),
]


@pytest.mark.parametrize("case", BAD_INPUTS, ids=[c.id for c in BAD_INPUTS])
def test_bad_input(egdi_tool, bases, tmp_path, outdir, case):
    src = tmp_path / "bad.csv"
    write(src, case.make(bases, src))
    before = src.read_bytes()
    # half the cases with an existing output file, half without
    existing = BAD_INPUTS.index(case) % 2 == 0
    out = Unchanged(os.path.join(outdir, "out.csv"), existing)
    p = run(egdi_tool, [case.command, *case.args, "-o", out.path, src], outdir)
    check_rc(p, case.rc)
    check_message(p, case.expect(str(src), bases))
    out.check(p)
    assert src.read_bytes() == before


@pytest.mark.parametrize("existing", [True, False], ids=["compare-bad-second-file",
                                                         "compare-bad-first-file"])
def test_bad_input_compare(egdi_tool, bases, tmp_path, outdir, existing):
    good22 = write(tmp_path / "un22.csv", inputs.text(bases["un22"]))
    good24 = write(tmp_path / "un24.csv", inputs.text(bases["un"]))
    out = Unchanged(os.path.join(outdir, "out.csv"), existing)
    if existing:
        bad = write(tmp_path / "bad24.csv", inputs.text(inputs.set_cell(
            bases["un"], 7, "Online Service Index", "abc")))
        files, want = [good22, bad], [place(bad, 7), UN_OSI, quoted("abc")]
    else:
        content, k = with_bytes(bases["un22"], 5, "Italy", b"Ital\xffy")
        bad = write(tmp_path / "bad22.csv", content)
        files, want = [bad, good24], [place(bad, 5), "UTF-8", offset(k + 4)]
    p = run(egdi_tool, ["compare", "-o", out.path, *files], outdir)
    check_rc(p, 3)
    check_message(p, want)
    out.check(p)


@pytest.mark.parametrize("existing", [True, False], ids=["stdin-nul", "stdin-bad-number"])
def test_bad_input_on_stdin(egdi_tool, bases, outdir, existing):
    if existing:
        content, _ = with_bytes(bases["un"], 4, "Israel", b"Isr\x00ael")
        want = [line_no(4), "NUL"]
    else:
        content = inputs.text(inputs.set_cell(bases["un"], 6, "Human Capital Index",
                                              "abc")).encode()
        want = [line_no(6), UN_HCI, quoted("abc")]
    out = Unchanged(os.path.join(outdir, "out.csv"), existing)
    p = run(egdi_tool, ["compute", "-o", out.path, "-"], outdir, stdin=content)
    check_rc(p, 3)
    check_message(p, [AnyOf("stdin", "standard input", re.compile(r"(^|\s)-:")), *want])
    out.check(p)


def test_input_is_a_directory(egdi_tool, tmp_path, outdir):
    d = tmp_path / "indir"
    d.mkdir()
    out = Unchanged(os.path.join(outdir, "out.csv"), True)
    p = run(egdi_tool, ["compute", "-o", out.path, d], outdir)
    check_rc(p, 3)
    check_message(p, [str(d), "directory"])
    out.check(p)


def test_input_is_missing(egdi_tool, tmp_path, outdir):
    missing = tmp_path / "no-such-file.csv"
    out = Unchanged(os.path.join(outdir, "out.csv"), False)
    p = run(egdi_tool, ["compute", "-o", out.path, missing], outdir)
    check_rc(p, 3)
    check_message(p, [str(missing)])
    out.check(p)


# ----------------------------------------------------------------------------
# refused output targets: exit 4, the path named, the target untouched,
# checked before the inputs are read

def describe(st):
    for test, name in [(stat.S_ISREG, "regular file"), (stat.S_ISDIR, "directory"),
                       (stat.S_ISFIFO, "FIFO"), (stat.S_ISCHR, "character device"),
                       (stat.S_ISSOCK, "socket"), (stat.S_ISLNK, "symlink")]:
        if test(st.st_mode):
            return name
    return "special file"


def make_chardev(path):
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("cannot create a character device (not root)")


class Target:
    """A special output target and how to tell it is untouched."""

    def __init__(self, kind, outdir):
        self.kind, self.dir = kind, outdir
        self.path = os.path.join(outdir, "out.csv")
        self.fd = self.sock = None
        real = self.path
        if kind.startswith("symlink-to-"):
            real = os.path.join(outdir, "real")
            kind = kind[len("symlink-to-"):]
        if kind == "directory":
            os.mkdir(real)
        elif kind == "fifo":
            os.mkfifo(real)
            # a reader, so that a writer that opens the FIFO does not block
            self.fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK)
        elif kind == "chardev":
            make_chardev(real)
        elif kind == "socket":
            self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            self.sock.bind(real)
        else:
            raise ValueError(kind)
        if real != self.path:
            os.symlink(real, self.path)
        self.real = real
        self.lstat, self.stat = os.lstat(self.path), os.stat(real)
        self.before = listing(outdir)

    def check(self, p):
        """`p`, the run, is quoted in every failure."""
        run = f"(the run: exit {p.returncode}, stderr {p.err!r})"
        try:
            assert listing(self.dir) == self.before, \
                f"{self.dir}: before {self.before}, after {listing(self.dir)} {run}"
            st = os.lstat(self.path)
            assert (st.st_ino, stat.S_IFMT(st.st_mode)) == \
                (self.lstat.st_ino, stat.S_IFMT(self.lstat.st_mode)), \
                f"{self.path} ({self.kind}) replaced by a {describe(st)} {run}"
            if self.real != self.path:
                assert os.readlink(self.path) == self.real, f"symlink changed {run}"
            st = os.stat(self.real)
            assert (st.st_ino, stat.S_IFMT(st.st_mode), st.st_rdev) == \
                (self.stat.st_ino, stat.S_IFMT(self.stat.st_mode), self.stat.st_rdev), \
                f"{self.real} replaced by a {describe(st)} {run}"
            if stat.S_ISDIR(st.st_mode):
                assert os.listdir(self.real) == [], f"{self.real}: written into {run}"
            if self.fd is not None:
                try:
                    data = os.read(self.fd, 65536)
                except BlockingIOError:
                    data = b""
                assert data == b"", f"{self.real}: {len(data)} bytes written to the FIFO {run}"
        finally:
            self.close()

    def close(self):
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
        if self.sock is not None:
            self.sock.close()
            self.sock = None


KINDS = ["directory", "fifo", "chardev", "socket", "symlink-to-directory", "symlink-to-fifo",
         "symlink-to-chardev", "symlink-to-socket"]

# (id, command, target kind, input: "good" | "missing" | "bad")
OUTPUT_CASES = (
    [(f"compute-out-{k}", "compute", k, "good") for k in KINDS]
    + [("groups-out-directory", "groups", "directory", "good"),
       ("groups-out-chardev", "groups", "chardev", "good"),
       ("compare-out-fifo", "compare", "fifo", "good"),
       ("compare-out-socket", "compare", "socket", "good"),
       # the output target is checked before the inputs are read
       ("out-directory-before-missing-input", "compute", "directory", "missing"),
       ("out-fifo-before-bad-input", "compute", "fifo", "bad"),
       ("out-symlink-to-chardev-before-bad-input", "groups", "symlink-to-chardev", "bad")])


@pytest.mark.parametrize("id,command,kind,inp", OUTPUT_CASES, ids=[c[0] for c in OUTPUT_CASES])
def test_output_refused(egdi_tool, bases, tmp_path, outdir, id, command, kind, inp):
    un24 = write(tmp_path / "un24.csv", inputs.text(bases["un"]))
    if inp == "missing":
        files = [tmp_path / "missing.csv"]
    elif inp == "bad":
        files = [write(tmp_path / "bad.csv", with_bytes(bases["un"], 4, "Israel",
                                                        b"Isr\x00ael")[0])]
    elif command == "compare":
        files = [write(tmp_path / "un22.csv", inputs.text(bases["un22"])), un24]
    else:
        files = [un24]
    target = Target(kind, outdir)
    try:
        p = run(egdi_tool, [command, "-o", target.path, *files], outdir)
    except BaseException:
        target.close()
        raise
    target.check(p)
    check_rc(p, 4)
    check_message(p, [target.path])


def test_output_dev_null_refused(egdi_tool, bases, tmp_path, outdir):
    src = write(tmp_path / "un.csv", inputs.text(bases["un"]))
    # A tool that replaces its output target by rename would replace /dev/null
    # with a regular file; try a character device of our own first.
    probe = os.path.join(outdir, "null")
    make_chardev(probe)
    run(egdi_tool, ["compute", "-o", probe, src], outdir)
    if not stat.S_ISCHR(os.lstat(probe).st_mode):
        pytest.fail("not run on /dev/null: the tool replaced a character device "
                    f"({probe}) given as -o")
    before, dev = os.stat("/dev/null"), set(os.listdir("/dev"))
    try:
        p = run(egdi_tool, ["compute", "-o", "/dev/null", src], outdir)
    finally:
        st = os.lstat("/dev/null")
        if not stat.S_ISCHR(st.st_mode) or st.st_rdev != before.st_rdev:
            os.unlink("/dev/null")                       # repair, then fail below
            os.mknod("/dev/null", stat.S_IFCHR | 0o666, before.st_rdev)
            os.chmod("/dev/null", 0o666)
            pytest.fail("the tool replaced /dev/null (restored)")
    assert set(os.listdir("/dev")) - dev == set(), "temporary file left in /dev"
    check_rc(p, 4)
    check_message(p, ["/dev/null"])


def test_output_in_missing_directory(egdi_tool, bases, tmp_path, outdir):
    src = write(tmp_path / "un.csv", inputs.text(bases["un"]))
    out = os.path.join(outdir, "no", "such", "dir", "out.csv")
    p = run(egdi_tool, ["compute", "-o", out, src], outdir)
    check_rc(p, 4)
    check_message(p, [out])
    assert listing(outdir) == []


def test_usage_error_before_output_target(egdi_tool, bases, tmp_path, outdir):
    src = write(tmp_path / "un.csv", inputs.text(bases["un"]))
    target = Target("directory", outdir)
    p = run(egdi_tool, ["compute", "--no-such-option", "-o", target.path, src], outdir)
    target.check(p)
    check_rc(p, 2)
    check_message(p, ["--no-such-option"])


# ----------------------------------------------------------------------------
# the output is the input: exit 4, both named, the input unchanged

def _same_path(d, src):
    return src


def _dot_path(d, src):
    return os.path.join(os.path.dirname(src), ".", os.path.basename(src))


def _symlink(d, src):
    link = os.path.join(d, "link.csv")
    os.symlink(src, link)
    return link


def _hardlink(d, src):
    link = os.path.join(d, "hard.csv")
    os.link(src, link)
    return link


SAME_FILE = [("output-is-input-same-path", "compute", _same_path),
             ("output-is-input-dot-path", "compute", _dot_path),
             ("output-is-input-symlink", "compute", _symlink),
             ("output-is-input-hard-link", "compute", _hardlink),
             ("groups-output-is-input", "groups", _same_path),
             ("compare-output-is-second-input", "compare", _hardlink)]


@pytest.mark.parametrize("id,command,alias", SAME_FILE, ids=[c[0] for c in SAME_FILE])
def test_output_is_input(egdi_tool, bases, outdir, id, command, alias):
    src = os.path.join(outdir, "in.csv")
    with open(src, "w", encoding="utf-8") as f:
        f.write(inputs.text(bases["un"]))
    os.chmod(src, 0o640)
    out = alias(outdir, src)
    files = [src]
    if command == "compare":
        files = [os.path.join(outdir, "un22.csv"), src]
        with open(files[0], "w", encoding="utf-8") as f:
            f.write(inputs.text(bases["un22"]))
    before, st0, names = open(src, "rb").read(), os.stat(src), listing(outdir)
    p = run(egdi_tool, [command, "-o", out, *files], outdir)
    st = os.stat(src)
    run_ = f"(the run: exit {p.returncode}, stderr {p.err!r})"
    assert (st.st_ino, stat.S_IMODE(st.st_mode)) == (st0.st_ino, 0o640), \
        f"input replaced {run_}"
    assert open(src, "rb").read() == before, f"input changed {run_}"
    assert listing(outdir) == names, f"{listing(outdir)}, was {names} {run_}"
    check_rc(p, 4)
    check_message(p, [out, src])


# ----------------------------------------------------------------------------
# cases found in review: each was accepted, misreported or crashed once

def test_ok_comma_file_padded_with_tabs(egdi_tool, bases, tmp_path, outdir):
    # a hand-aligned comma file has more tabs than commas: still a comma file
    padded = [line.replace(",", "\t,\t") for line in bases["wide"]]
    src = write(tmp_path / "padded.csv", inputs.text(padded))
    plain = write(tmp_path / "plain.csv", inputs.text(bases["wide"]))
    a, b = os.path.join(outdir, "a.csv"), os.path.join(outdir, "b.csv")
    check_rc(run(egdi_tool, ["compute", "--edition", 2024, "-o", a, src], outdir), 0)
    check_rc(run(egdi_tool, ["compute", "--edition", 2024, "-o", b, plain], outdir), 0)
    assert read_csv_rows(a) == read_csv_rows(b)


def test_word_starting_with_inf_is_not_a_number(egdi_tool, bases, tmp_path, outdir):
    src = write(tmp_path / "info.csv", inputs.text(inputs.set_cell(bases["wide"], 3, "osi",
                                                                   "Info")))
    out = Unchanged(os.path.join(outdir, "out.csv"), True)
    p = run(egdi_tool, ["compute", "--edition", 2024, "-o", out.path, src], outdir)
    check_rc(p, 3)
    check_message(p, [place(src, 3), column("osi"), quoted("Info"), "not a number"])
    assert "finite" not in p.err
    out.check(p)


def test_survey_year_that_is_not_a_year(egdi_tool, bases, tmp_path, outdir):
    lines = [bases["wide"][0] + ",survey_year"] + [l + ",1e300" for l in bases["wide"][1:]]
    src = write(tmp_path / "year.csv", inputs.text(lines))
    out = Unchanged(os.path.join(outdir, "out.csv"), False)
    p = run(egdi_tool, ["compute", "-o", out.path, src], outdir)
    check_rc(p, 3)
    check_message(p, [str(src), "survey_year"])
    out.check(p)


def test_input_is_a_device(egdi_tool, outdir):
    # /dev/zero would otherwise be read until memory runs out
    out = Unchanged(os.path.join(outdir, "out.csv"), True)
    p = run(egdi_tool, ["compute", "-o", out.path, "/dev/zero"], outdir)
    check_rc(p, 3)
    check_message(p, ["/dev/zero", "device"])
    out.check(p)


def test_standard_input_twice_is_a_usage_error(egdi_tool, bases, outdir):
    out = Unchanged(os.path.join(outdir, "out.csv"), True)
    p = run(egdi_tool, ["compare", "-o", out.path, "-", "-"], outdir,
            stdin=inputs.text(bases["un"]).encode())
    check_rc(p, 2)
    check_message(p, ["standard input"])
    out.check(p)


def test_output_is_the_country_table(egdi_tool, bases, data_dir, tmp_path, outdir):
    # the country table is an input too: -o naming it is refused before any work
    table = os.path.join(outdir, "countries.csv")
    shutil.copyfile(os.path.join(data_dir, "countries.csv"), table)
    before = open(table, "rb").read()
    src = write(tmp_path / "un.csv", inputs.text(bases["un"]))
    p = run(egdi_tool, ["groups", "--countries", table, "-o", table, src], outdir)
    check_rc(p, 4)
    check_message(p, [table, "input"])
    assert open(table, "rb").read() == before


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("args", [["-o", "-"], ["-f", "csv"], []],
                         ids=["dash-output", "csv-on-stdout", "table-on-stdout"])
def test_standard_output_full(egdi_tool, bases, tmp_path, outdir, args):
    src = write(tmp_path / "un.csv", inputs.text(bases["un"]))
    with open("/dev/full", "wb") as full:
        p = subprocess.run([egdi_tool, "compute", *args, str(src)], stdout=full,
                           stderr=subprocess.PIPE, cwd=outdir, timeout=TIMEOUT)
    p.err = p.stderr.decode("utf-8", "replace")
    check_rc(p, 4)
    check_message(p, [AnyOf("standard output", "output")])

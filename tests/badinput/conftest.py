"""Options and fixtures of the bad-input suite.

    python3 -m pytest tests/badinput --egdi-tool BUILD/tools/egdi \
        --egdi-data data --egdi-pythonpath BUILD/python

or the environment variables EGDI_TOOL, EGDI_DATA, EGDI_PYTHONPATH (ctest sets
them, see tests/CMakeLists.txt). Without --egdi-tool the tool half fails; without
an importable ``egdi`` package (no --egdi-pythonpath and none installed) the
Python half is skipped.
"""
import os
import shutil
import sys
import tempfile

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))

# set by pytest_configure; read by test_python_badinput.py at import
PYTHONPATH_GIVEN = None


def pytest_addoption(parser):
    g = parser.getgroup("egdi bad-input suite")
    g.addoption("--egdi-tool", default=os.environ.get("EGDI_TOOL"),
                help="path of the built egdi tool (default: $EGDI_TOOL)")
    g.addoption("--egdi-data", default=os.environ.get("EGDI_DATA", os.path.join(ROOT, "data")),
                help="the data/ directory (default: $EGDI_DATA or the source tree's)")
    g.addoption("--egdi-pythonpath", default=os.environ.get("EGDI_PYTHONPATH"),
                help="directory holding the built 'egdi' package (default: $EGDI_PYTHONPATH)")


def pytest_configure(config):
    global PYTHONPATH_GIVEN
    path = config.getoption("--egdi-pythonpath")
    if path:
        PYTHONPATH_GIVEN = path
        sys.path.insert(0, path)


@pytest.fixture(scope="session")
def egdi_tool(request):
    path = request.config.getoption("--egdi-tool")
    if not path:
        pytest.fail("no egdi tool: give --egdi-tool PATH or set EGDI_TOOL", pytrace=False)
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        pytest.fail(f"--egdi-tool {path}: not an executable file", pytrace=False)
    return os.path.abspath(path)


@pytest.fixture(scope="session")
def data_dir(request):
    path = request.config.getoption("--egdi-data")
    if not os.path.isfile(os.path.join(path, "un-egov", "EGOV_DATA_2024.csv")):
        pytest.fail(f"--egdi-data {path}: no un-egov/EGOV_DATA_2024.csv there", pytrace=False)
    return os.path.abspath(path)


@pytest.fixture
def outdir():
    """A fresh directory for outputs with a short path (a Unix socket path
    must fit in 108 bytes; tmp_path can be longer)."""
    d = tempfile.mkdtemp(prefix="egdi-bi-")
    yield d
    shutil.rmtree(d, ignore_errors=True)

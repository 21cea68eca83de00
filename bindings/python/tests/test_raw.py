"""Raw-indicator input from Python: the bundled 2022 raw file, with the two
indicators it lacks left out (the same C path as egdi compute --input raw
--drop-absent-indicators; the tolerance against the published values is tested
in tests/tool/test_raw.py)."""
import os
import subprocess

import numpy as np
import pandas as pd
import pytest

import egdi
from conftest import DATA, un_file

RAW_2022 = os.path.join(DATA, "raw", "EGDI_RAW_2022.csv")


def test_absent_indicators_are_named_and_needed():
    df = egdi.read_csv(RAW_2022)
    assert egdi.absent_indicators(df, 2022) == [("active_mobile_broadband", "tii"),
                                               ("gross_enrolment", "hci")]
    with pytest.raises(egdi.NotFoundError, match="active_mobile_broadband"):
        egdi.compute(df, edition=2022, input="raw")


def test_left_out_indicators_match_the_tool_and_the_published_tii():
    df = egdi.read_csv(RAW_2022)
    r = egdi.compute(df, edition=2022, input="raw", drop_absent_indicators=True)
    tool = os.environ.get("EGDI_TOOL")
    if tool:   # the tool and Python share the C path: the same numbers, up to pandas' own
        # decimal parsing of the input and output files (its default parser can be an
        # ulp off: 1e-15 allows that, a different computation would differ by far more)
        out = subprocess.run([tool, "compute", "--input", "raw", "--drop-absent-indicators",
                              "-f", "csv", RAW_2022], capture_output=True, text=True, check=True)
        t = pd.read_csv(pd.io.common.StringIO(out.stdout)).set_index("name")
        both = r.set_index("name").join(t, rsuffix="_tool", how="inner")
        assert len(both) == len(r)
        np.testing.assert_allclose(both["tii"].to_numpy(), both["tii_tool"].to_numpy(),
                                   rtol=0, atol=1e-15)
        np.testing.assert_allclose(both["hci"].to_numpy(), both["hci_tool"].to_numpy(),
                                   rtol=0, atol=1e-15)
    # against the published 2022 TII: the tolerance the data README documents (r > 0.95)
    pub = egdi.read_un_csv(un_file(2022)).set_index("name")["tii"]
    mine = r.set_index("name")["tii"]
    j = pd.concat([mine, pub], axis=1, keys=["mine", "pub"]).dropna()
    assert len(j) >= 180
    assert np.corrcoef(j["mine"], j["pub"])[0, 1] > 0.95

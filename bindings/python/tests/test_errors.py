"""Bad input raises the right egdi.Error subclass with the library's message."""
import numpy as np
import pandas as pd
import pytest

import egdi
from egdi import _egdi
from conftest import un_file

UN_HEAD = ("Survey Year,Country Name,E-Government Rank,E-Government Index,"
           "E-Participation Index,Online Service Index,Human Capital Index,"
           "Telecommunication Infrastructure Index\n")


def test_every_code_has_a_class():
    classes = {egdi.errors.exception_class(c) for c in range(1, 10)}
    assert len(classes) == 9
    assert all(issubclass(c, egdi.Error) for c in classes)
    assert egdi.errors.exception_class(42) is egdi.Error
    assert issubclass(egdi.ParseError, ValueError)
    assert issubclass(egdi.InputOutputError, OSError)
    assert issubclass(egdi.NotFoundError, LookupError)


def test_malformed_csv_names_row_and_column(tmp_path):
    p = tmp_path / "bad.csv"
    p.write_text(UN_HEAD + "2024,Denmark,1,0.98474,0.9863,0.99924,0.95841,0.99662\n"
                           "2024,Estonia,2,0.97274,0.9589,high,0.94970,0.97310\n")
    with pytest.raises(egdi.ParseError) as e:
        egdi.read_un_csv(p)
    assert f"{p}:3: column 6 ('Online Service Index'), country 'Estonia': 'high' is not a number" \
        in str(e.value)
    p.write_text(UN_HEAD + "2024,Denmark,1,0.98474,0.9863,0.99924,0.95841\n")
    with pytest.raises(egdi.ParseError, match=r"bad.csv:2: row has 7 fields, the header has 8"):
        egdi.read_un_csv(p)
    p.write_text("name,x\nA,\"1\nB,2\n")
    with pytest.raises(egdi.ParseError, match=r"bad.csv:2: column 2: quoted field is not closed"):
        egdi.read_csv(p)


def test_invalid_index_definition_names_row_and_column(tmp_path):
    head = "iCode,iName,Level,Parent,Direction,Weight,Type\n"
    cases = [
        ("a,A,1,top,1,1,Indicator\ntop,T,2,ghost,1,1,Aggregate\n", egdi.IndexDefinitionError,
         "line 3: column Parent: node 'top': unknown parent 'ghost'"),
        ("a,A,1,top,3,1,Indicator\ntop,T,2,,1,1,Aggregate\n", egdi.IndexDefinitionError,
         "line 2: column Direction: node 'a': must be 1 or -1, not 3"),
        ("a,A,1,top,1,1,Indicator\na,B,1,top,1,1,Indicator\ntop,T,2,,1,1,Aggregate\n",
         egdi.DuplicateError, "line 3: column iCode: duplicate 'a' (first on line 2)"),
        ("a,A,1,top,1,-2,Indicator\ntop,T,2,,1,1,Aggregate\n", egdi.IndexDefinitionError,
         "line 2: column Weight: node 'a': negative weight -2"),
        ("a,A,1,top,1,x,Indicator\ntop,T,2,,1,1,Aggregate\n", egdi.ParseError,
         "line 2: column Weight: 'x' is not a number"),
    ]
    for body, cls, message in cases:
        p = tmp_path / "meta.csv"
        p.write_text(head + body)
        with pytest.raises(cls) as e:
            egdi.Index.from_csv(p)
        assert message in str(e.value)
        assert str(p) in str(e.value)


def test_other_failures():
    with pytest.raises(egdi.InputOutputError, match="cannot open"):
        egdi.read_un_csv("/nonexistent/EGOV_DATA_2024.csv")
    df = egdi.read_un_csv(un_file(2024))
    with pytest.raises(egdi.NotFoundError, match="no Survey edition 2007"):
        egdi.compute(df, edition=2007)
    with pytest.raises(egdi.NotFoundError,
                       match=r"indicator 'osi': the data has no numeric column 'osi_raw' "
                             r"\(9 of the index's source columns are missing\)"):
        egdi.compute(df, edition=2024, input="raw")
    with pytest.raises(egdi.InvalidArgumentError, match="'name' or 'code'"):
        egdi.compute(pd.DataFrame({"osi": [0.1]}), edition=2024)
    with pytest.raises(egdi.DuplicateError, match="duplicate unit code 'A'"):
        egdi.compute(pd.DataFrame({"name": ["A", "A"], "osi": [0.1, 0.2], "tii": [0.1, 0.2],
                                   "hci": [0.1, 0.2]}), edition=2024)
    flat = pd.DataFrame({"name": ["A", "B"], "x": [3.0, 3.0]})
    with pytest.raises(egdi.DomainError, match="node 'x': min-max of values that are all 3"):
        egdi.Index().add_indicator("x", normalization="minmax").compute(flat)
    with pytest.raises(egdi.InvalidArgumentError, match="arrays of different lengths"):
        _egdi.egdi_py_rank(np.zeros(3), -1, 0, np.zeros(2, dtype=np.intc))
    with pytest.raises(egdi.InvalidArgumentError, match="quantile_type 11"):
        egdi.compute(df, edition=2024, quantile_type=11)
    with pytest.raises(TypeError):
        _egdi.egdi_dataset_add_labels(_egdi.egdi_dataset_new(), "x", [1, 2])

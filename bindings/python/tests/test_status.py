"""The exception classes come from the C list of status codes (EGDI_STATUS_LIST),
and the extension module leaves the process in a safe state (GSL's aborting
error handler switched off)."""
import builtins
import ctypes

import pytest

import egdi
from egdi import _egdi


def test_classes_follow_the_c_status_list():
    table = _egdi.egdi_py_status_list()
    assert table[0] == (0, "EGDI_OK", "success", "", "")
    assert [row[0] for row in table] == list(range(len(table)))     # codes 0..n-1
    for code, symbol, text, pyclass, pybase in table[1:]:
        cls = egdi.errors.exception_class(code)
        assert cls.__name__ == pyclass
        assert getattr(egdi, pyclass) is cls                        # egdi.ParseError, ...
        assert issubclass(cls, egdi.Error) and issubclass(cls, getattr(builtins, pybase))
        assert cls.code == code and cls.status_name == symbol
        assert _egdi.egdi_strerror(code) == text
        assert _egdi.egdi_status_name(code) == symbol
        assert pyclass in egdi.__all__


def test_the_codes_added_in_1_1():
    assert issubclass(egdi.NoConvergenceError, ArithmeticError)
    assert issubclass(egdi.CancelledError, RuntimeError)
    assert issubclass(egdi.UnsupportedError, NotImplementedError)
    assert egdi.errors.exception_class(12) is egdi.UnsupportedError


@pytest.mark.parametrize("code, cls", [(2, "InvalidArgumentError"), (10, "NoConvergenceError"),
                                       (11, "CancelledError"), (12, "UnsupportedError")])
def test_a_c_message_arrives_unchanged(code, cls):
    # egdi_set_error records the message and returns the status, which the
    # binding raises: class from the code, text exactly as C recorded it
    message = "node 'x': 100% done? no: 'quotes', {braces} and é"
    with pytest.raises(getattr(egdi, cls)) as e:
        _egdi.egdi_set_error(code, message)
    assert str(e.value) == message


def test_gsl_error_handler_is_off():
    # gsl_set_error_handler_off() returns the handler it replaces: after the
    # import that is GSL's own "no handler" (non-NULL), not NULL (the default,
    # which prints and aborts the process).
    path = next(line.split()[-1] for line in open("/proc/self/maps")
                if "libgsl.so" in line)
    gsl = ctypes.CDLL(path)                       # the instance the module uses
    gsl.gsl_set_error_handler_off.restype = ctypes.c_void_p
    first = gsl.gsl_set_error_handler_off()
    assert first is not None and first == gsl.gsl_set_error_handler_off()

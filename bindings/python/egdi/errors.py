"""Exceptions raised by libegdi, one class per status code.

The classes are generated at import time from the library's one list of status
codes (``EGDI_STATUS_LIST`` in ``egdi/error.h``), which names each code's
Python class and built-in base: :class:`ParseError` (``EGDI_ERR_PARSE``, a
``ValueError``), :class:`NotFoundError` (``EGDI_ERR_NOT_FOUND``, a
``LookupError``), and so on. Every exception is an :class:`egdi.Error` and also
a subclass of its built-in base, so ``except ValueError`` works where it
should. The message is the library's own, naming the file, line, column, unit
or indicator.
"""
import builtins

from . import _egdi


class Error(Exception):
    """Base class of every libegdi error. ``code`` is the C ``egdi_status``;
    ``status_name`` its symbolic name (e.g. ``"EGDI_ERR_PARSE"``)."""

    code = None
    status_name = None


def _make_classes():
    """One class per non-zero code of EGDI_STATUS_LIST: name, base and
    docstring come from the list."""
    classes = {}
    for code, symbol, text, pyclass, pybase in _egdi.egdi_py_status_list():
        if not pyclass:                 # EGDI_OK
            continue
        base = getattr(builtins, pybase)
        doc = f"{symbol} ({code}): {text}. Also a :class:`{pybase}`."
        classes[code] = type(pyclass, (Error, base),
                             {"code": code, "status_name": symbol, "__doc__": doc,
                              "__module__": __name__})
    return classes


_BY_CODE = _make_classes()
globals().update({cls.__name__: cls for cls in _BY_CODE.values()})

__all__ = ["Error", "exception_class"] + [cls.__name__ for cls in _BY_CODE.values()]


def exception_class(code):
    """The exception class for a C status code (used by the compiled module);
    :class:`Error` for a code the list does not know."""
    return _BY_CODE.get(code, Error)

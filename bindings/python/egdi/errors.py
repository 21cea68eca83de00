"""Exceptions raised by libegdi, one class per family of status codes.

Every exception is an :class:`egdi.Error` and also a subclass of the matching
built-in exception, so ``except ValueError`` works where it should. The message
is the library's own, naming the file, line, column, unit or indicator.
"""


class Error(Exception):
    """Base class of every libegdi error. ``code`` is the C ``egdi_status``."""

    code = None


class OutOfMemoryError(Error, MemoryError):
    """EGDI_ERR_NOMEM: memory allocation failed."""

    code = 1


class InvalidArgumentError(Error, ValueError):
    """EGDI_ERR_INVALID_ARG: wrong length, bad option value, missing argument."""

    code = 2


class InputOutputError(Error, OSError):
    """EGDI_ERR_IO: a file could not be opened, read or written."""

    code = 3


class ParseError(Error, ValueError):
    """EGDI_ERR_PARSE: malformed input (CSV syntax, a cell that is not a number, a bad header)."""

    code = 4


class NotFoundError(Error, LookupError):
    """EGDI_ERR_NOT_FOUND: unknown column, unit, node or edition."""

    code = 5


class DuplicateError(Error, ValueError):
    """EGDI_ERR_DUPLICATE: a name or code that must be unique is repeated."""

    code = 6


class IndexDefinitionError(Error, ValueError):
    """EGDI_ERR_INVALID_INDEX: unknown parent, cycle, childless aggregate, bad weights, ..."""

    code = 7


class DomainError(Error, ArithmeticError):
    """EGDI_ERR_DOMAIN: data a method cannot process (zero variance, too few values)."""

    code = 8


class RangeError(Error, IndexError):
    """EGDI_ERR_RANGE: a position out of range."""

    code = 9


_BY_CODE = {cls.code: cls for cls in (OutOfMemoryError, InvalidArgumentError, InputOutputError,
                                      ParseError, NotFoundError, DuplicateError,
                                      IndexDefinitionError, DomainError, RangeError)}


def exception_class(code):
    """The exception class for a C status code (used by the compiled module)."""
    return _BY_CODE.get(code, Error)

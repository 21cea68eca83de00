"""libegdi for Python: UN-style composite e-government indices.

>>> import egdi
>>> df = egdi.read_un_csv("data/un-egov/EGOV_DATA_2022.csv")
>>> egdi.compute(df, edition=2022).head()

The numbers come from the C library libegdi (through the private SWIG module
``egdi._egdi``); errors arrive as subclasses of :class:`egdi.Error`.
"""
from . import _egdi
from .api import (Index, Ranking, compare, compute, countries, edition_info, editions, group_averages,
                  rank, read_csv, read_un_csv)
from .errors import (DomainError, DuplicateError, Error, IndexDefinitionError,
                     InputOutputError, InvalidArgumentError, NotFoundError, OutOfMemoryError,
                     ParseError, RangeError)

__version__ = _egdi.egdi_version_string()

__all__ = ["Index", "Ranking", "compare", "compute", "countries", "edition_info", "editions",
           "group_averages", "rank", "read_csv", "read_un_csv", "Error", "OutOfMemoryError",
           "InvalidArgumentError", "InputOutputError", "ParseError", "NotFoundError",
           "DuplicateError", "IndexDefinitionError", "DomainError", "RangeError", "__version__"]

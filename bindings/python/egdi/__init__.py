"""libegdi for Python: UN-style composite e-government indices.

>>> import egdi
>>> df = egdi.read_un_csv("data/un-egov/EGOV_DATA_2022.csv")
>>> egdi.compute(df, edition=2022).head()

The numbers come from the C library libegdi (through the private SWIG module
``egdi._egdi``); errors arrive as subclasses of :class:`egdi.Error`, one per
libegdi status code (:class:`egdi.ParseError`, :class:`egdi.NotFoundError`, ...).
"""
from . import _egdi, errors
from .api import (Index, Ranking, compare, compute, countries, edition_info, editions,
                  group_averages, method_parameters, methods, rank, read_csv, read_un_csv)
from .errors import *  # noqa: F401,F403  (Error and one class per status code)
from .plan import Evaluation, Plan

__version__ = _egdi.egdi_version_string()

__all__ = ["Index", "Ranking", "Plan", "Evaluation", "compare", "compute", "countries",
           "edition_info", "editions", "group_averages", "method_parameters", "methods", "rank",
           "read_csv", "read_un_csv", "__version__"]
__all__ += [name for name in errors.__all__ if name != "exception_class"]   # Error, ParseError, ..

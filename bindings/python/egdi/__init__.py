"""libegdi for Python: UN-style composite e-government indices.

>>> import egdi
>>> df = egdi.read_un_csv("data/un-egov/EGOV_DATA_2022.csv")
>>> egdi.compute(df, edition=2022).head()

The numbers come from the C library libegdi (through the private SWIG module
``egdi._egdi``); errors arrive as subclasses of :class:`egdi.Error`, one per
libegdi status code (:class:`egdi.ParseError`, :class:`egdi.NotFoundError`, ...).
"""
from . import _egdi, errors
from .api import (Ranking, absent_indicators, aggregate_array, compute, countries,
                  edition_info, editions, impute_array, membership_groups, memberships,
                  group_averages, method_parameters, methods, normalise_array, rank, read_csv,
                  read_un_csv)
from .errors import *  # noqa: F401,F403  (Error and one class per status code)
from .index import Index
from .plan import Evaluation, Plan

__version__ = _egdi.egdi_version_string()

__all__ = ["Index", "Ranking", "Plan", "Evaluation", "absent_indicators", "compute", "countries",
           "membership_groups", "memberships",
           "edition_info", "editions", "group_averages", "method_parameters", "methods", "rank",
           "read_csv", "read_un_csv", "normalise_array", "aggregate_array", "impute_array",
           "__version__"]
__all__ += [name for name in errors.__all__ if name != "exception_class"]   # Error, ParseError, ..

# analytics, one module per topic; each lists its public names in __all__
from . import explain as _explain_mod, panel as _panel_mod, whatif as _whatif_mod  # noqa: E402
from . import describe as _describe_mod, impute as _impute_mod  # noqa: E402
from . import pipeline as _pipeline_mod, weights as _weights_mod  # noqa: E402
from . import panel_index as _panel_index_mod  # noqa: E402
from .explain import *  # noqa: F401,F403,E402
from .panel import *  # noqa: F401,F403,E402
from .whatif import *  # noqa: F401,F403,E402
from .describe import *  # noqa: F401,F403,E402
from .impute import *  # noqa: F401,F403,E402
from .pipeline import *  # noqa: F401,F403,E402
from .weights import *  # noqa: F401,F403,E402
from .panel_index import *  # noqa: F401,F403,E402

for _m in (_explain_mod, _panel_mod, _whatif_mod, _describe_mod, _impute_mod, _pipeline_mod,
           _weights_mod, _panel_index_mod):
    __all__ += [n for n in _m.__all__ if n not in __all__]
del _m

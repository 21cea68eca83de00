"""The Pythonic layer over libegdi: DataFrames in, DataFrames out."""
import functools
import math
import os
from collections.abc import Mapping

import numpy as np
import pandas as pd

from . import _egdi
from ._egdi import aggregate_array, impute_array, normalise_array  # noqa: F401 (methods.i)
from ._frames import _data_file, country_table, to_dataset, to_frame

_INPUTS = {"components": 0, "raw": 1}
_TIES = {"min": 0, "dense": 1, "first": 2}
_RESULT_COLUMNS = ["name", "osi", "tii", "hci", "egdi", "rank", "group", "rating_class"]


class Ranking(pd.DataFrame):
    """A DataFrame of :func:`compute` results. It is an ordinary DataFrame, except
    that it prints all of its columns at once (up to 160 characters wide) instead
    of eliding the middle ones."""

    @property
    def _constructor(self):
        return Ranking

    def __repr__(self):
        with pd.option_context("display.width", 160, "display.max_columns", 40):
            return super().__repr__()


def editions():
    """The built-in Survey editions, e.g. ``[2003, 2004, ..., 2024]``."""
    return [_egdi.egdi_survey_edition(i) for i in range(_egdi.egdi_survey_n_editions())]


def edition_info(edition):
    """Parameters of one edition as a dict (weights, precision, rating classes, TII cap)."""
    w_osi, w_tii, w_hci, dec, rank_dec, classes, cap = _egdi.egdi_py_edition_info(int(edition))
    return {"edition": int(edition), "weight_osi": w_osi, "weight_tii": w_tii,
            "weight_hci": w_hci, "decimals": dec, "rank_decimals": rank_dec,
            "rating_classes": bool(classes), "tii_cap": cap,
            "tii_indicators": _indicators(edition, "tii"),
            "hci_indicators": _indicators(edition, "hci")}


def _indicators(edition, component):
    out, i = [], 0
    while (code := _egdi.egdi_survey_indicator(int(edition), component, i)) is not None:
        out.append(code)
        i += 1
    return out


def read_un_csv(path, keep_placeholders=False):
    """Read a UN E-Government Data Center export (``EGOV_DATA_<year>.csv``) as it is.

    One row per country; ``name`` is trimmed. Columns: ``name, survey_year,
    rank_published, egdi_published, epi, osi, hci, tii``. Rows whose published
    EGDI is 0 (countries not assessed, 2003-2012) get missing values unless
    ``keep_placeholders`` is true. Malformed files raise :class:`egdi.ParseError`
    naming the line and column.
    """
    ds = _egdi.egdi_survey_read_un_csv(os.fspath(path), 1 if keep_placeholders else 0)
    df = to_frame(ds)
    for col in ("survey_year", "rank_published"):
        df[col] = _nullable_int(df[col])
    return df


def _nullable_int(values):
    """Whole numbers stored as float (NaN = missing) as a nullable Int64 array."""
    return pd.array(np.asarray(values, dtype=np.float64), dtype="Int64")


def read_csv(path):
    """Read a wide CSV (one row per unit, one column per indicator) via libegdi.

    RFC 4180 quoting, CRLF, UTF-8 BOM, ``,`` or ``;``. Unit codes come from a
    ``code`` column, names from ``name``; a column that is all numbers is
    numeric, any other is a label column.
    """
    return to_frame(_egdi.egdi_dataset_read_csv(os.fspath(path), None), code=True)


@functools.lru_cache(maxsize=4)
def _read_frame(path):
    """A bundled CSV table as a DataFrame, read once per path (callers get copies)."""
    return pd.read_csv(path, keep_default_na=False)


def _country_frame():
    """The bundled country table, shared: for reading only (see :func:`countries`)."""
    return _read_frame(_data_file("countries.csv"))


def countries():
    """The bundled country table: code (ISO alpha-3), name (as the Data Center
    writes it), region, subregion, income, status."""
    return _country_frame().copy()


def memberships():
    """The bundled memberships (``data/memberships.csv``): one row per membership
    period, columns ``group`` (gcc, arab, escwa, ldc, lldc, sids), ``code`` (ISO
    alpha-3), ``name``, ``since``, ``until`` (ISO dates, empty = open) and
    ``source``. A country is a member on the days since <= d < until; an edition
    counts the members of 1 July of its year."""
    return _read_frame(_data_file("memberships.csv")).copy()


def membership_groups():
    """The membership groups (``data/groups.csv``): ``key`` (as ``rank_within``
    takes it), ``name``, ``source``, ``url`` and ``as_of`` (the date the list was
    checked against its source)."""
    return _read_frame(_data_file("groups.csv")).copy()


@functools.lru_cache(maxsize=4)
def _read_memberships(path):
    """The memberships as libegdi's handle, read once per path (only read after)."""
    return _egdi.egdi_memberships_read(path)


def _membership_keys():
    m = _read_memberships(_data_file("memberships.csv"))
    return [_egdi.egdi_memberships_group(m, g) for g in range(_egdi.egdi_memberships_n_groups(m))]


def _add_groups(ds, labels, edition, groups):
    """Give the C dataset ds the label columns of ``labels`` that are user groups
    (``groups``: name -> countries by name or ISO code) or memberships on 1 July of
    ``edition``, through the country table (libegdi matches and checks them)."""
    if not labels:
        return
    table = country_table()
    for label in labels:
        if groups and label in groups:
            _egdi.egdi_dataset_add_group(ds, label, [str(c) for c in groups[label]], table)
        elif not _has_column(ds, label):
            _egdi.egdi_memberships_add_labels(_read_memberships(_data_file("memberships.csv")),
                                              ds, label, str(int(edition)), table)


def _has_column(ds, name):
    return any(_egdi.egdi_dataset_column_name(ds, j) == name
               for j in range(_egdi.egdi_dataset_n_columns(ds)))


def _ranking_overrides(input, rank_decimals, thresholds):
    """The survey options' rank decimals (-2 = the edition's, -1 = exact) and
    thresholds ((0, 0, 0) = the edition's) from the Python arguments, checked."""
    if input not in _INPUTS:
        raise ValueError(f"input must be 'components' or 'raw', not {input!r}")
    if rank_decimals is None:
        rd = -2
    elif rank_decimals == "exact":
        rd = -1
    else:
        rd = int(rank_decimals)
        if not 0 <= rd <= 15:
            raise ValueError("rank_decimals must be 'exact' or 0..15")
    t = (0.0, 0.0, 0.0) if thresholds is None else tuple(float(v) for v in thresholds)
    if len(t) != 3:
        raise ValueError("thresholds takes three numbers (middle, high, very high)")
    return rd, t


def compute(df, edition=2024, input="components", quantile_type=None, rank_decimals=None,
            thresholds=None, extra=False, impute=None, impute_group=None,
            allow_out_of_range=False, allow_edition_mismatch=False, rank_within=None,
            groups=None, published=False, use_published=False, drop_absent_indicators=False):
    """Compute a Survey edition and return its ranking, best first.

    ``df`` has one row per country with a ``name`` (or ``code``) column and the
    columns the edition needs: ``osi, tii, hci`` (``input="components"``, e.g.
    from :func:`read_un_csv`) or the raw indicators (``input="raw"``, see
    :func:`edition_info`). Returns a DataFrame with the columns ``name, osi,
    tii, hci, egdi, rank, group, rating_class``; with ``extra=True`` also ``epi``
    (when the input has it), the component ranks ``osi_rank, tii_rank, hci_rank``
    (and ``epi_rank``; competition ranks on the edition's precision, as the Survey
    publishes them) and the label columns (the input's, and those joined for
    ``rank_within``, e.g. ``region`` or a membership column ``gcc`` holding the
    group's key for members). ``rank`` is a
    nullable integer (missing for countries not assessed); ``rating_class`` is
    empty before 2020.

    ``quantile_type`` (Hyndman-Fan 1..9), ``rank_decimals`` (``"exact"`` or
    0..15) and ``thresholds`` (middle, high, very high) override the edition's
    published choices.

    ``impute`` fills missing values of the edition's indicators before
    computing: an imputation method of the registry (``"mean"``, ``"median"``,
    ``"groupmean"``, ``"groupmedian"``; see :func:`methods`); the group methods
    take ``impute_group``, the label column of ``df`` that defines the groups
    (``region``, ``subregion``, ``income`` and ``status`` are joined from
    :func:`countries` when ``df`` lacks them). With imputation the result has an ``imputed`` column
    after ``rating_class``: per country the indicators whose value was filled,
    separated by ``;`` (empty if none).

    ``rank_within`` (a label column or a list of them, e.g. ``"region"``; the
    country-table labels are joined when ``df`` lacks them) adds
    ``<label>_rank`` after ``rating_class``: the EGDI rank among the countries
    with the same label ("5th in Asia"), empty without a label. A label may also
    be a membership (``"gcc"``, ``"arab"``, ``"escwa"``, ``"ldc"``, ``"lldc"``,
    ``"sids"``; members on 1 July of ``edition``, see :func:`memberships`) or a
    key of ``groups``, a dict of user groups (name -> countries by name or ISO
    code, e.g. ``{"gulf": ["BHR", "Kuwait", ...]}``; a country that is not in
    ``df`` raises :class:`NotFoundError` naming it). Either gives ranks among
    the members only, empty for the others.

    ``published=True`` (a Data Center file from :func:`read_un_csv`) adds
    ``egdi_published, rank_published, published_diff, published_note``: the
    published figures, a flag where the result differs ("egdi", "rank",
    "egdi+rank") and the reason (source anomaly, near tie, ...; see
    ``egdi/published.h``). ``use_published=True`` ranks on the published EGDI
    instead: ``egdi`` holds it, and rank, group, class and the ranks within
    groups follow from it.

    ``drop_absent_indicators=True`` (with ``input="raw"``) leaves out the TII and
    HCI indicators whose column ``df`` lacks altogether and renormalises the
    weights of the others (e.g. the bundled ``data/raw/EGDI_RAW_2022.csv`` has no
    active mobile broadband or gross enrolment); :func:`absent_indicators` names
    them. Without it an absent column raises :class:`NotFoundError`.

    Data that cannot give a meaningful ranking raises :class:`DataError` (a
    ``ValueError``) naming the country and column: no rows, an indicator column
    without a single value, a component (osi, tii, hci, epi) outside [0, 1]
    (pass ``allow_out_of_range=True`` to rank such data as it is; the 2003
    export needs it for two published HCI values above 1), or a
    ``survey_year`` column holding another year than ``edition`` (pass
    ``allow_edition_mismatch=True``). NaN and None are missing values; an
    infinite value is a :class:`DomainError`, and a value that is not a number
    (text, a list, ...) a :class:`ParseError`, each naming the country, the
    column and the value.
    """
    rd, t = _ranking_overrides(input, rank_decimals, thresholds)
    imp = 0 if impute is None else _egdi.egdi_method_from_name(_egdi.EGDI_STEP_IMPUTE, impute)
    if imp and impute_group is not None:
        df = _with_country_label(df, impute_group)
    within = [rank_within] if isinstance(rank_within, str) else list(rank_within or [])
    table_labels = set(_country_frame().columns) - {"code", "name"} if within else set()
    for label in within:
        if label in table_labels and label not in (groups or {}):
            df = _with_country_label(df, label)
    ds, names = to_dataset(df, with_names=True)
    wanted = [w for w in within if w not in df.columns]
    _add_groups(ds, list(dict.fromkeys(wanted + list(groups or {}))), edition, groups)
    flags = (1 if published else 0) | (2 if use_published else 0)
    if flags:
        if input != "components" or imp:
            raise ValueError("published/use_published take the published components of a "
                             "Data Center file (input='components', no imputation)")
        table = _egdi.egdi_py_survey_compute_published(
            int(edition), ds, int(quantile_type or 0), rd, *t, within or None,
            int(bool(allow_out_of_range)), int(bool(extra)), flags,
            int(bool(allow_edition_mismatch)))
    else:
        table = _egdi.egdi_py_survey_compute(int(edition), _INPUTS[input], ds,
                                             int(quantile_type or 0), rd, *t, within or None,
                                             imp, impute_group,
                                             int(bool(allow_out_of_range)),
                                             int(bool(allow_edition_mismatch)), int(bool(extra)),
                                             int(bool(drop_absent_indicators)))
    columns = (_RESULT_COLUMNS[1:] + (["imputed"] if imp else [])
               + [f"{label}_rank" for label in within]
               + (["egdi_published", "rank_published", "published_diff", "published_note"]
                  if published else []))
    if extra:   # (``names`` holds the unit names: do not reuse it here)
        all_columns = [_egdi.egdi_dataset_column_name(table, j)
                       for j in range(_egdi.egdi_dataset_n_columns(table))]
        columns += [c for c in all_columns if c not in columns]
    # best first; ties and unranked rows (rank NaN, last) keep the input order
    ranks = np.empty(_egdi.egdi_dataset_n_units(table), dtype=np.float64)
    _egdi.egdi_dataset_get_numeric(table, _egdi.egdi_dataset_find_column(table, "rank"), ranks)
    order = np.argsort(np.where(np.isnan(ranks), np.inf, ranks), kind="stable")
    out = to_frame(table, columns=columns, order=order, names=names)  # same units, same order
    for c in out.columns:
        if c == "rank" or c.endswith("_rank") or c == "rank_published":
            out[c] = _nullable_int(out[c])
    return Ranking(out)


def methods(step=None):
    """The methods libegdi knows, from its method registry (one row each).

    Columns: ``step`` ("impute", "normalise" or "aggregate"), ``name`` (as
    accepted by :meth:`Index.add_indicator`, :meth:`Index.add_aggregate`,
    iMeta files and the ``egdi`` tool), ``id``, ``summary``, ``parameters``
    (in order, as ``name=default``, or just ``name`` for a required one; a
    keyword parameter's default as its word, e.g. ``sd_type=population``; the
    same text is accepted as ``params``), ``n_required``, and the properties
    ``data_driven`` (fitted on the data), ``needs_positive`` (every input must
    be > 0) and ``uses_groups`` (works within groups of a label column).
    ``step`` keeps only that step's methods.
    """
    rows = []
    for i in range(_egdi.egdi_method_count()):
        info = _egdi.egdi_method_get_info(i)
        params = [_egdi.egdi_method_get_param(i, k) for k in range(info["n_params"])]
        flags = info["flags"]
        rows.append({
            "step": _egdi.egdi_step_name(info["step"]), "name": info["name"], "id": info["id"],
            "summary": info["summary"],
            "parameters": " ".join(_param_text(p) for p in params),
            "n_required": info["n_required"],
            "data_driven": bool(flags & _egdi.EGDI_METHOD_DATA_DRIVEN),
            "needs_positive": bool(flags & _egdi.EGDI_METHOD_NEEDS_POSITIVE),
            "uses_groups": bool(flags & _egdi.EGDI_METHOD_USES_GROUPS)})
    out = pd.DataFrame(rows, columns=["step", "name", "id", "summary", "parameters",
                                      "n_required", "data_driven", "needs_positive",
                                      "uses_groups"])
    if step is not None:
        out = out[out["step"] == step].reset_index(drop=True)
    return out


def method_parameters(step, name):
    """The parameters of one method of the registry: ``name``, ``summary``,
    ``default`` (NaN = required), ``lower`` and ``upper`` (NaN = no bound) and
    ``lower_open`` (True if the value must be strictly above ``lower``).
    Unknown names raise :class:`egdi.NotFoundError` listing the valid ones."""
    code = _STEPS.get(step)
    if code is None:
        raise ValueError(f"step must be one of {', '.join(_STEPS)}, not {step!r}")
    wanted = _egdi.egdi_method_from_name(code, name)
    for i in range(_egdi.egdi_method_count()):
        info = _egdi.egdi_method_get_info(i)
        if info["step"] == code and info["id"] == wanted:
            rows = [_egdi.egdi_method_get_param(i, k) for k in range(info["n_params"])]
            return pd.DataFrame(rows, columns=["name", "summary", "default", "lower", "upper",
                                               "lower_open"])
    raise AssertionError("unreachable: the registry knows the name but not its entry")


def _keywords(param):
    """The words of a keyword parameter (method.h: its summary starts with them,
    separated by '|', before a ':'; its value is a word's position), or None."""
    head, colon, _ = param["summary"].partition(":")
    words = head.split("|")
    if colon and len(words) > 1 and all(w.isidentifier() for w in words):
        return words
    return None


def _param_text(param):
    """``name=default`` (the default as its word for a keyword), or ``name`` if required."""
    if math.isnan(param["default"]):
        return param["name"]
    words = _keywords(param)
    if words is not None and 0 <= param["default"] < len(words):
        return f"{param['name']}={words[int(param['default'])]}"
    return f"{param['name']}={_number_text(param['default'])}"


def _step_names():
    """{step name: step} for every step libegdi names (0, 1, ... until it names none)."""
    steps, s = {}, 0
    while (name := _egdi.egdi_step_name(s)) is not None:
        steps[name] = s
        s += 1
    return steps


_STEPS = _step_names()


def _number_text(v):
    """A float as the shortest text that reads back exactly ("0", "1e-05", "0.1")."""
    text = repr(float(v))
    return text[:-2] if text.endswith(".0") else text


def _value_text(v):
    """A parameter value: a str (a keyword's word, a unit code) as it is, else a number."""
    return v if isinstance(v, str) else _number_text(v)


def _params_text(params):
    """Method parameters for libegdi: a sequence of numbers (in order), a dict
    {name: value} or text ("lo=0 hi=100" or "0 100"); None or empty = defaults.
    A value may be a str where libegdi takes a word ({"sd_type": "sample"},
    {"ref": "KOR"}). libegdi checks names, counts and ranges."""
    if params is None:
        return None
    if isinstance(params, str):
        return params
    if isinstance(params, Mapping):
        return " ".join(f"{k}={_value_text(v)}" for k, v in params.items())
    if isinstance(params, (list, tuple)) and any(isinstance(v, str) for v in params):
        return " ".join(_value_text(v) for v in params)
    return " ".join(_number_text(v) for v in np.asarray(params, dtype=np.float64).ravel())


def rank(values, decimals=None, ties="min"):
    """Ranks of ``values``, highest first (1, 2, 2, 4 with ``ties="min"``).

    Values are rounded to ``decimals`` first if given; NaN gets rank 0.
    """
    x = np.ascontiguousarray(values, dtype=np.float64)
    out = np.zeros(len(x), dtype=np.intc)
    _egdi.egdi_py_rank(x, -1 if decimals is None else int(decimals), _TIES[ties], out)
    return out


def _with_country_label(df, column):
    """``df`` with the label ``column`` (region, subregion, income, status)
    joined from :func:`countries` by code or name if ``df`` lacks it."""
    if column in df.columns:
        return df
    table = _country_frame()
    if column not in table.columns:
        raise KeyError(f"no column '{column}' in the data or the country table")
    key = "code" if "code" in df.columns else "name"
    return df.merge(table[[key, column]], on=key, how="left")


def _membership_column(df, key, edition):
    """The membership label ``key`` of each row of df on 1 July of ``edition`` (libegdi)."""
    if edition is None:
        if "survey_year" not in df.columns:
            raise ValueError(f"grouping by the membership '{key}' needs the edition "
                             "(edition=YEAR, or a survey_year column)")
        edition = int(pd.Series(df["survey_year"]).dropna().iloc[0])
    ds = to_dataset(df[[c for c in ("code", "name") if c in df.columns]])
    _add_groups(ds, [key], edition, None)
    return to_frame(ds, columns=[key])[key].replace("", np.nan).to_numpy()


def group_averages(df, by="region", columns=("osi", "tii", "hci", "egdi"), groups=None,
                   world=True, edition=None):
    """Unweighted averages of ``columns`` per group, computed by libegdi.

    ``by`` names a label column of ``df`` (``region``, ``subregion``, ``income``,
    ``status`` are added from :func:`countries` when ``df`` lacks them), a
    membership (``"gcc"``, ``"ldc"``, ...: the members on 1 July of ``edition``,
    by default the ``survey_year`` of ``df``), or ``None``. ``groups`` maps a name to a list of country names or codes, e.g.
    ``{"GCC": ["Bahrain", "Kuwait", "Oman", "Qatar", "Saudi Arabia",
    "United Arab Emirates"]}``. Returns one row per group with ``n`` and the means.
    """
    if by is not None and by not in df.columns and by in _membership_keys():
        df = df.assign(**{by: _membership_column(df, by, edition)})
    elif by is not None:
        df = _with_country_label(df, by)
    columns = [c for c in columns if c in df.columns]
    if not columns:
        raise ValueError("none of the columns to average is in the DataFrame")
    values = {c: np.ascontiguousarray(df[c].to_numpy(dtype=np.float64, na_value=np.nan))
              for c in columns}
    partitions = []              # (group labels, group number of each row, -1 = none)
    if world:
        partitions.append((["World"], np.zeros(len(df), dtype=np.intc)))
    if by is not None:
        codes, levels = pd.factorize(df[by].replace("", np.nan))
        partitions.append((list(levels), codes.astype(np.intc)))
    known = set(df["name"]) | (set(df["code"]) if "code" in df.columns else set())
    for label, members in (groups or {}).items():
        unknown = sorted(set(members) - known)
        if unknown:
            raise KeyError(f"group '{label}': no country {unknown[0]!r}")
        member = df["name"].isin(members)
        if "code" in df.columns:
            member |= df["code"].isin(members)
        partitions.append(([label], np.where(member, 0, -1).astype(np.intc)))
    rows = []
    for labels, codes in partitions:     # one libegdi call per partition and column
        table = {"group": labels}
        for c in columns:
            means, counts = np.zeros(len(labels)), np.zeros(len(labels))
            _egdi.egdi_py_group_means(values[c], codes, means, counts)
            table.setdefault("n", counts.astype(int))
            table[c] = means
        rows.append(pd.DataFrame(table))
    return pd.concat(rows, ignore_index=True)[["group", "n"] + columns]


def absent_indicators(df, edition=2024):
    """The raw TII and HCI indicators of ``edition`` whose column ``df`` lacks, as
    ``(indicator, component)`` pairs: what ``compute(..., input="raw",
    drop_absent_indicators=True)`` leaves out."""
    ds = to_dataset(df)
    tii = set(_indicators(edition, "tii"))
    out = []
    while True:
        code = _egdi.egdi_survey_absent_indicator(int(edition), _INPUTS["raw"], ds, len(out), None)
        if code is None:
            return out
        out.append((code, "tii" if code in tii else "hci"))


"""The Survey editions as one panel, comparisons of editions sorted, and what
changed in the methodology between two editions (libegdi's panel.h)."""
import os
from collections.abc import Mapping

import numpy as np
import pandas as pd

from . import _egdi
from .api import editions as _editions
from ._frames import _data_file, country_table, to_dataset, to_frame

__all__ = ["panel", "compare", "method_changes"]

_SORTS = {"rank": _egdi.EGDI_PANEL_SORT_LATEST_RANK, "change": _egdi.EGDI_PANEL_SORT_RANK_CHANGE}
_PANEL_COLUMNS = ["edition", "code", "name", "egdi", "osi", "tii", "hci", "epi", "rank", "group",
                  "rating_class", "osi_rank", "tii_rank", "hci_rank", "epi_rank", "assessed"]


def _bundled_dir():
    """The directory of the bundled Data Center exports: the package's own data,
    else ``$EGDI_DATA/un-egov`` (a source checkout's ``data`` directory)."""
    base = _data_file("un-egov")
    if not os.path.isdir(base):
        raise FileNotFoundError("the bundled Data Center files (egdi/data/un-egov) are not "
                                "installed; pass the files, or set EGDI_DATA to a data "
                                "directory")
    return base


def _read(item):
    """A C dataset from a path (Data Center export or wide CSV) or a DataFrame."""
    if isinstance(item, pd.DataFrame):
        return to_dataset(item)
    path = os.fspath(item)
    with open(path, "rb") as f:
        head = f.read(16).lstrip(b"\xef\xbb\xbf")
    if head.startswith(b"Survey Year,"):
        return _egdi.egdi_survey_read_un_csv(path, 0)
    return _egdi.egdi_dataset_read_csv(path, None)


def _year(ds, what):
    """The survey year in a dataset's survey_year column."""
    try:
        j = _egdi.egdi_dataset_find_column(ds, "survey_year")
    except Exception:
        raise ValueError(f"{what}: no survey_year column; pass {{edition: data}} instead") from None
    values = np.empty(_egdi.egdi_dataset_n_units(ds))
    _egdi.egdi_dataset_get_numeric(ds, j, values)
    values = values[~np.isnan(values)]
    if not len(values) or values[0] != int(values[0]):
        raise ValueError(f"{what}: the survey_year column holds no year")
    return int(values[0])


def _ints(df, columns):
    for c in columns:
        df[c] = pd.array(df[c].to_numpy(dtype=np.float64), dtype="Int64")
    return df


def panel(paths_or_frames=None, editions=None, allow_out_of_range=False,
          allow_edition_mismatch=False):
    """All editions as one long DataFrame: one row per (edition, country).

    ``paths_or_frames``: ``None`` (the bundled Data Center exports 2003-2024),
    a list of paths (Data Center exports or wide CSVs) or DataFrames (e.g. from
    :func:`read_un_csv`), each with a ``survey_year`` column, or a mapping
    ``{edition: path or DataFrame}``. ``editions`` keeps only these editions.

    Columns: ``edition, code`` (ISO alpha-3, from :func:`countries` by name),
    ``name, egdi, osi, tii, hci, epi, rank, group, rating_class, osi_rank,
    tii_rank, hci_rank, epi_rank, assessed`` (False where the country was not
    assessed in that edition). Rows by edition, then rank. Each edition is
    computed by libegdi on its published components; the 2003 data is ranked
    as published although two of its HCI values exceed 1
    (``allow_out_of_range=True`` accepts such values in every edition).
    """
    if paths_or_frames is None:
        base = _bundled_dir()
        known = _editions()
        unknown = sorted(set(editions or []) - set(known))
        if unknown:
            raise ValueError(f"no Survey edition {unknown[0]} (editions: {known})")
        items = {y: os.path.join(base, f"EGOV_DATA_{y}.csv") for y in (editions or known)}
    elif isinstance(paths_or_frames, Mapping):
        items = dict(paths_or_frames)
    else:
        items = list(paths_or_frames)
    years, datasets = [], []
    for key, item in (items.items() if isinstance(items, dict) else enumerate(items)):
        ds = _read(item)
        y = int(key) if isinstance(items, dict) else _year(ds, f"input {key + 1}")
        if editions is None or y in editions:
            years.append(y)
            datasets.append(ds)
    if not years:
        raise ValueError(f"no edition among {sorted(editions)} in the inputs")
    table = _egdi.egdi_py_panel_compute(years, datasets, country_table(),
                                        int(bool(allow_out_of_range)),
                                        int(bool(allow_edition_mismatch)), 0)
    df = _ints(to_frame(table)[_PANEL_COLUMNS],
               ["edition", "rank", "osi_rank", "tii_rank", "hci_rank", "epi_rank"])
    df["assessed"] = df["assessed"].astype(bool)
    return df


def compare(df_a, df_b, labels=("a", "b"), countries=None, sort="rank"):
    """EGDI and rank of the same countries in two results of :func:`compute`.

    Returns ``code`` (ISO alpha-3), ``name, egdi_<a>, rank_<a>, egdi_<b>,
    rank_<b>, egdi_change, rank_change`` (``rank_change`` > 0: moved up) and
    ``method_changes`` (what changed in the Survey's methodology between the
    two editions, e.g. ``"tii_cap;rating_classes"``, when ``labels`` are
    editions; see :func:`method_changes`); one row per country of either
    result, restricted to ``countries`` (names or ISO codes) if given.

    Rows are sorted by the rank in ``df_b`` (``sort="rank"``, best first) or by
    ``rank_change`` (``sort="change"``, biggest gain first), ties by name;
    countries without a rank (or change) last.
    """
    if sort not in _SORTS:
        raise ValueError(f"sort must be 'rank' or 'change', not {sort!r}")
    a, b = labels
    known = all(isinstance(v, (int, np.integer)) and v > 0 for v in labels) and a != b
    years = [int(a), int(b)] if known else [1, 2]
    table = _egdi.egdi_py_panel_compute(years, [to_dataset(df_a), to_dataset(df_b)],
                                        country_table(), 0, 0, 1)
    cmp = to_frame(_egdi.egdi_py_panel_compare(table, years, _SORTS[sort]), code=True)
    ya, yb = years
    out = cmp.rename(columns={f"egdi_{ya}": f"egdi_{a}", f"rank_{ya}": f"rank_{a}",
                              f"egdi_{yb}": f"egdi_{b}", f"rank_{yb}": f"rank_{b}",
                              f"egdi_change_{ya}_{yb}": "egdi_change",
                              f"rank_change_{ya}_{yb}": "rank_change",
                              f"method_changes_{ya}_{yb}": "method_changes"})
    out = _ints(out, [f"rank_{a}", f"rank_{b}", "rank_change"])
    if countries is not None:
        wanted = list(countries)
        out = out[out["name"].isin(wanted) | out["code"].isin(wanted)].reset_index(drop=True)
    return out


def method_changes(a, b):
    """What changed in the Survey's methodology between editions ``a`` and ``b``:
    ``{"changes": [...], "text": "..."}`` with the names ``weights``,
    ``tii_indicators``, ``tii_cap``, ``zscores``, ``rating_classes``,
    ``hci_indicators``, ``rank_precision`` and one sentence per change."""
    flags = _egdi.egdi_panel_changes(int(a), int(b))
    names = [_egdi.egdi_panel_change_name(1 << k) for k in range(_egdi.EGDI_N_CHANGES)
             if flags & (1 << k)]
    return {"changes": names, "text": _egdi.egdi_py_panel_changes_text(int(a), int(b))}

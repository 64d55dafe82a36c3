"""The shared dashboard's data access: the read-only queries of etl/db/queries.py, cached per database
file version. The review page's reading and writing of data/ is in ui/review.py."""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import streamlit as st

from etl import build
from etl.core import paths
from etl.db import queries

CACHE_ENTRIES = 256  # distinct (query, filters) results kept; a rebuild's new version makes old ones unused
CACHE_TTL = "1h"     # and unused ones leave after an hour


def db_path() -> Path:
    """The database file: $LOUDI_DB, else data/loudi.duckdb."""
    return Path(os.environ.get("LOUDI_DB", paths.DEFAULT_DB))


def review_mode() -> bool:
    """True when the app was started for review (LOUDI_REVIEW=1): only then is there a review page."""
    return os.environ.get("LOUDI_REVIEW", "") == "1"


def ensure_database() -> None:
    """Build the database first when it is missing, with a visible message."""
    if db_path().exists():
        return
    with st.status("数据库尚未生成，正在从原始版面构建… / Building the database from the source pages…",
                   expanded=True) as status:
        summary = build.build(db_path())
        st.code(str(summary))
        status.update(label="数据库已生成 / Database built", state="complete", expanded=False)


def _version() -> float:
    """Cache key: the database file's modification time (a rebuild invalidates every cache)."""
    return db_path().stat().st_mtime


@st.cache_data(show_spinner=False, max_entries=CACHE_ENTRIES, ttl=CACHE_TTL)
def _cached(version: float, name: str, kwargs: tuple, db: str = "") -> pd.DataFrame:
    return getattr(queries, name)(Path(db), **dict(kwargs))


def _call(name: str, **kwargs) -> pd.DataFrame:
    frozen = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in kwargs.items()))
    return _cached(_version(), name, frozen, str(db_path())).copy()


def values(**filters) -> pd.DataFrame:
    """Published facts; see etl.queries.values for the filters."""
    return _call("values", **filters)


def comparisons(**filters) -> pd.DataFrame:
    return _call("comparisons", **filters)


def counties() -> pd.DataFrame:
    return _call("counties")


def regions() -> pd.DataFrame:
    return _call("regions")


def indicators() -> pd.DataFrame:
    return _call("indicators")


def conflicts() -> pd.DataFrame:
    return _call("conflicts")


def derived_values() -> pd.DataFrame:
    return _call("derived_values")


def sources() -> pd.DataFrame:
    return _call("sources")


def coverage() -> pd.DataFrame:
    return _call("coverage")


def values_page(**filters) -> pd.DataFrame:
    """A page of the facts matching the explorer's filters, paged in DuckDB (etl.queries.values_page)."""
    return _call("values_page", **filters)


def values_count(**filters) -> int:
    return _call_scalar("values_count", **filters)


def value_options() -> pd.DataFrame:
    """The explorer's filter options (etl.queries.value_options)."""
    return _call("value_options")


def fact_exists(fact_id: str) -> bool:
    return _call_scalar("fact_exists", fact_id=fact_id)


def _call_scalar(name: str, **kwargs):
    frozen = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in kwargs.items()))
    return _cached_scalar(_version(), name, frozen, str(db_path()))


@st.cache_data(show_spinner=False, max_entries=CACHE_ENTRIES, ttl=CACHE_TTL)
def _cached_scalar(version: float, name: str, kwargs: tuple, db: str = ""):
    return getattr(queries, name)(Path(db), **dict(kwargs))


class FactIds:
    """The catalogue's fact ids as a collection a link's ``Spec`` can test (``id in FactIds()``) without
    loading every fact."""

    def __contains__(self, fact_id: object) -> bool:
        return isinstance(fact_id, str) and fact_exists(fact_id)

"""The dashboard's data access: the etl query module, cached per database file version."""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import streamlit as st

from etl import build, queries

DB = Path(os.environ.get("LOUDI_DB", build.DEFAULT_DB))


def ensure_database() -> None:
    """Build the database first when it is missing, with a visible message."""
    if DB.exists():
        return
    with st.status("数据库尚未生成，正在从原始版面构建… / Building the database from the source pages…",
                   expanded=True) as status:
        summary = build.build(DB)
        st.code(str(summary))
        status.update(label="数据库已生成 / Database built", state="complete", expanded=False)


def _version() -> float:
    """Cache key: the database file's modification time (a rebuild invalidates every cache)."""
    return DB.stat().st_mtime


@st.cache_data(show_spinner=False)
def _cached(version: float, name: str, kwargs: tuple) -> pd.DataFrame:
    return getattr(queries, name)(DB, **dict(kwargs))


def _call(name: str, **kwargs) -> pd.DataFrame:
    frozen = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in kwargs.items()))
    return _cached(_version(), name, frozen).copy()


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

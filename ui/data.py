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
def _values(version: float, counties: tuple[str, ...]) -> pd.DataFrame:
    return queries.values(DB, counties=counties or None)


def values(counties: tuple[str, ...] = ()) -> pd.DataFrame:
    return _values(_version(), counties)


@st.cache_data(show_spinner=False)
def _counties(version: float) -> pd.DataFrame:
    return queries.counties(DB)


def counties() -> pd.DataFrame:
    return _counties(_version())

"""The dashboard's data access: the etl query module, cached per database file version."""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import streamlit as st

from etl import accept, build
from etl.core import catalog, paths
from etl.db import queries


def db_path() -> Path:
    """The database file: $LOUDI_DB, else data/loudi.duckdb."""
    return Path(os.environ.get("LOUDI_DB", paths.DEFAULT_DB))


def data_dir() -> Path:
    """The catalogue the review page edits: $LOUDI_DATA, else data/ (the shared dashboard never writes it)."""
    return Path(os.environ.get("LOUDI_DATA", catalog.DATA))


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


@st.cache_data(show_spinner=False)
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


# --- Review mode only (LOUDI_REVIEW=1): the review files and the rebuild ------------------------------

def review_docs() -> list[str]:
    return accept.review_docs(data_dir())


def review_rows(doc: str) -> pd.DataFrame:
    """The candidates of a page's review file, every column as text."""
    rows = pd.DataFrame(accept.load_review(doc, data_dir()), dtype=object)
    if rows.empty:
        rows = pd.DataFrame(columns=accept.REVIEW_COLUMNS, dtype=object)
    for column in ("indicator_en", "theme"):  # a new indicator needs them before accept
        if column not in rows:
            rows[column] = ""
    return rows


def save_review(doc: str, rows: pd.DataFrame) -> Path:
    return accept.save_review(doc, rows.fillna("").astype(str).to_dict("records"), data_dir())


def accept_review(doc: str) -> accept.Result:
    """Move the decided rows into the catalogue; raises accept.AcceptError (then nothing is changed)."""
    return accept.accept(doc, data_dir())


def rebuild() -> build.Summary:
    """Rebuild the database from the catalogue (the caches follow its mtime); raises catalog.CatalogError
    or build.BuildError, and the previous database stays."""
    return build.build(db_path(), data_dir())

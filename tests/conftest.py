"""One realistic fixture for the whole suite: the real catalogue, built into a real DuckDB file."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from etl import build
from etl.core import catalog

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def built_db(tmp_path_factory) -> Path:
    """The real catalogue built once per test session."""
    db = tmp_path_factory.mktemp("db") / "loudi.duckdb"
    build.build(db)
    return db


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A writable copy of data/ (without any database) for tests that break the catalogue."""
    target = tmp_path / "data"
    shutil.copytree(catalog.DATA, target, ignore=shutil.ignore_patterns("*.duckdb", "*.wal", ".build-*"))
    return target

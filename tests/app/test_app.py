"""The explorer: every fact with its quote, filtered by the county from the link."""
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from etl.db import queries

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def explorer(built_db, monkeypatch):
    monkeypatch.setenv("LOUDI_DB", str(built_db))

    def make(**params):
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30)
        for k, v in params.items():
            at.query_params[k] = v
        at.run()
        return at.switch_page("pages/explorer.py").run()
    return make


def test_facts_table_shows_every_fact_with_quotes(explorer, built_db):
    at = explorer()
    assert not at.exception
    table = at.dataframe[0].value
    assert len(table) == len(queries.values(built_db))
    assert "原文" in table.columns and table["原文"].str.len().min() > 0


def test_county_from_link_filters_the_table(explorer, built_db):
    at = explorer(county="lianyuan")
    assert not at.exception
    table = at.dataframe[0].value
    assert len(table) == len(queries.values(built_db, counties=["lianyuan"]))
    assert len(table) < len(queries.values(built_db))


def test_csv_downloads_offered(explorer):
    at = explorer(lang="en")
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Download CSV (what is shown)" in labels and "Download all facts (CSV)" in labels

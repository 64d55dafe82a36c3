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
    """The first page of the facts (paged in DuckDB), the caption counting all of them; the last page the rest."""
    at = explorer()
    assert not at.exception
    table = at.dataframe[0].value
    total = len(queries.values(built_db))
    assert len(table) == min(total, 200) and str(total) in at.caption[0].value
    assert "原文" in table.columns and table["原文"].str.len().min() > 0
    if total > 200:
        at.number_input(key="explorer_page").set_value(2).run()
        assert len(at.dataframe[0].value) == total - 200


def test_filters_run_in_the_query(explorer, built_db):
    at = explorer(year="2020", theme="poverty", lang="en")
    assert not at.exception
    want = queries.values(built_db, years=[2020], themes=["poverty"])
    assert sorted(at.dataframe[0].value["ID"].str.extract(r"id=([^&]+)")[0]) == sorted(want["fact_id"])


def test_county_from_link_filters_the_table(explorer, built_db):
    at = explorer(county="lianyuan")
    assert not at.exception
    table = at.dataframe[0].value
    assert len(table) == len(queries.values(built_db, counties=["lianyuan"]))
    assert len(table) < len(queries.values(built_db))


def test_csv_downloads_offered(explorer, built_db):
    """The CSVs are made only when the Download menu is opened: the current filter (every page) and all."""
    at = explorer(lang="en", county="lianyuan")
    assert not at.get("download_button")
    at.session_state["explorer_downloads"] = True
    at.run()
    labels = [b.proto.label for b in at.get("download_button")]
    n = len(queries.values(built_db, counties=["lianyuan"]))
    assert f"Download all {n} filtered facts (CSV)" in labels and "Download all facts (CSV)" in labels

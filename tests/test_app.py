"""The first view, run by Streamlit's AppTest against the real database."""
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from etl import queries

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def app(built_db, monkeypatch):
    monkeypatch.setenv("LOUDI_DB", str(built_db))

    def make(**params):
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30)
        for k, v in params.items():
            at.query_params[k] = v
        return at.run()
    return make


def test_facts_table_shows_every_fact_with_quotes(app, built_db):
    at = app()
    assert not at.exception
    table = at.dataframe[0].value
    assert len(table) == len(queries.values(built_db))
    assert "原文" in table.columns and table["原文"].str.len().min() > 0


def test_county_from_link_filters_the_table(app, built_db):
    at = app(county="lianyuan")
    assert not at.exception
    assert at.selectbox(key="county").value == "lianyuan"
    table = at.dataframe[0].value
    assert len(table) == len(queries.values(built_db, counties=["lianyuan"]))
    assert len(table) < len(queries.values(built_db))


@pytest.mark.parametrize("bad", ["nowhere", "", "<script>x</script>", "x" * 500])
def test_bad_county_in_link_gives_notice_and_page_still_works(app, built_db, bad):
    at = app(county=bad)
    assert not at.exception
    assert any("county" in w.value for w in at.warning)
    assert at.selectbox(key="county").value == ""
    assert len(at.dataframe[0].value) == len(queries.values(built_db))

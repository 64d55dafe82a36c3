"""The citable fact page (/fact?id=…) and the explorer's links to it, through AppTest."""
from __future__ import annotations

import pytest
from app_kit import open_app

from etl.db import queries


@pytest.fixture
def open_page(built_db, monkeypatch):
    monkeypatch.setenv("LOUDI_DB", str(built_db))
    return open_app


def test_fact_page_shows_value_quote_register_conflict_and_citations(open_page, built_db):
    at = open_page("fact", {"id": "d001-002"})
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "涟源市贫困发生率（2020）"
    assert at.metric[0].value == "0%"
    mark = [h.proto.body for h in at.get("html") if "<mark>" in h.proto.body]
    assert len(mark) == 1 and "<mark>贫困发生率<br>2013年 18.3%<br>2020年 0</mark>" in mark[0]
    assert any("001_517b1d5de5a6b7ee.txt" in m.value for m in at.markdown)  # the register entry
    assert any("图表采用此值" in s.value for s in at.success)  # d001-002 is the value charts use, with why
    conflict = [h.proto.body for h in at.get("html") if "d000" in h.proto.body and "0.45" in h.proto.body]
    assert conflict  # the table of the group names the other value
    codes = [c.value for c in at.code]
    assert len(codes) == 2 and codes[0].startswith("娄底发展指标. 涟源市贫困发生率（2020）：事实 d001-002[DB/OL]")
    assert codes[1].startswith("Loudi development indicators") and "fact?id=d001-002&lang=en" in codes[1]
    version = queries.build_info(built_db)["catalogue_sha256"].iloc[0][:12]
    assert all(version in c for c in codes)


def test_fact_page_in_english_not_the_value_charts_use(open_page):
    at = open_page("fact", {"id": "d000-033", "lang": "en"})
    assert not at.exception
    assert at.title[0].value == "Poverty incidence, Lianyuan, 2020"
    assert any("Charts use d001 0%" in w.value for w in at.warning)
    assert at.code[0].value.startswith("Loudi development indicators")  # the reader's language first


@pytest.mark.parametrize("fact_id", ["d999-999", "<b>x</b>", "x" * 500])
def test_unknown_id_gives_a_notice_naming_it_and_the_page_renders(open_page, fact_id):
    at = open_page("fact", {"id": fact_id})
    assert not at.exception
    notices = [w.value for w in at.warning if "无法识别" in w.value]
    assert len(notices) == 1 and "id=" in notices[0] and len(notices[0]) < 200
    assert at.title[0].value == "事实" and at.info  # how to reach a fact


def test_fact_page_without_id(open_page):
    at = open_page("fact", {})
    assert not at.exception and at.title[0].value == "事实" and at.info and not at.warning


def test_explorer_rows_link_to_their_fact_page(open_page, built_db):
    at = open_page("explorer", {"county": "lianyuan", "lang": "en"})
    assert not at.exception
    table = at.dataframe[0].value
    links = table["ID"].tolist()
    assert links and all("/fact?id=" in link and link.endswith("&lang=en") for link in links)
    ids = {link.split("id=")[1].split("&")[0] for link in links}
    assert ids == set(queries.values(built_db, counties=["lianyuan"])["fact_id"])

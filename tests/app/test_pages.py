"""Every page through AppTest with several links, good and bad."""
import io
from pathlib import Path

import pandas as pd
import pytest
from app_kit import open_app

from etl.db import queries

ROOT = Path(__file__).resolve().parents[2]
PAGES = ["overview", "compare", "parks", "land", "explorer", "sources"]
LINKS = [{}, {"county": "lianyuan"}, {"county": "louxing", "lang": "en"}, {"lang": "en"}]
BAD_LINKS = [("overview", {"county": "nowhere_xyz"}), ("overview", {"lang": "xx"}), ("overview", {"county": ""}),
             ("overview", {"county": "<b>x</b>"}), ("overview", {"county": "x" * 1000}),
             ("compare", {"ind": "gdp,nonsense"}), ("compare", {"ind": "nonsense"}), ("compare", {"reg": "atlantis"}),
             ("compare", {"tab": "nonsense"}), ("compare", {"tab": "fiscal_revenue", "ind": "gdp"}),
             ("parks", {"tab": "<b>x</b>"})]


@pytest.fixture
def open_page(built_db, monkeypatch):
    monkeypatch.setenv("LOUDI_DB", str(built_db))

    return open_app


@pytest.mark.parametrize("params", LINKS, ids=str)
@pytest.mark.parametrize("page", PAGES)
def test_page_renders_from_link(open_page, page, params):
    at = open_page(page, params)
    assert not at.exception, [e.value for e in at.exception]
    if page == "overview":  # AppTest drops sidebar widgets from its tree after switch_page
        assert at.pills(key="county__widget").value == params.get("county", "")
    assert at.query_params.get("county", "") == params.get("county", "")
    assert at.query_params.get("lang", "zh") == params.get("lang", "zh")
    assert at.title[0].value
    assert not any("无法识别" in w.value or "not recognised" in w.value for w in at.warning)


@pytest.mark.parametrize("page, params", BAD_LINKS, ids=lambda x: str(x)[:40])
def test_bad_link_value_gives_notice_naming_parameter(open_page, page, params):
    at = open_page(page, params)
    assert not at.exception
    name = next(iter(params))
    notices = [w.value for w in at.warning if "无法识别" in w.value]
    assert len(notices) == 1 and name in notices[0]
    assert len(notices[0]) < 200  # a very long value is cut, not echoed whole


def test_overview_metrics_equal_database(open_page, built_db):
    at = open_page("overview", {"county": "lianyuan"})
    shown = {m.label: m.value for m in at.metric}
    facts = queries.values(built_db, regions=["lianyuan"], years=[2020], preferred_only=True).set_index("indicator")
    assert shown["地区生产总值"] == f"{facts.loc['gdp', 'value']}亿元"
    assert shown["贫困发生率"] == f"{facts.loc['poverty_incidence', 'value']}%"
    assert shown["财政收入"] == f"{facts.loc['fiscal_revenue', 'value']}亿元"


def test_overview_names_missing_years_for_louxing(open_page):
    at = open_page("overview", {"county": "louxing"})
    captions = " ".join(c.value for c in at.caption)
    assert "娄星区" in at.subheader[0].value
    assert "没有公布 2013" in captions


def test_english_labels(open_page):
    at = open_page("overview", {"lang": "en", "county": "lianyuan"})
    assert at.title[0].value == "Loudi development indicators"
    assert "Lianyuan" in at.subheader[0].value
    assert "Gross domestic product (GDP)" in [m.label for m in at.metric]


def test_compare_restores_indicators_and_regions_from_link(open_page, built_db):
    at = open_page("compare", {"ind": "gdp,rural_disposable_income_per_capita", "reg": "louxing", "view": "table"})
    assert not at.exception
    assert at.pills(key="compare_ind__widget").value == ["gdp", "rural_disposable_income_per_capita"]
    assert at.pills(key="compare_reg__widget").value == ["louxing"]
    # a tab per chosen indicator; only the open one (the first, without ?tab=) is drawn
    assert [tab.label for tab in at.tabs] == ["地区生产总值", "农村居民人均可支配收入"]
    assert len(at.get("vega_lite_chart")) == 0  # table view
    # table view: the published facts drawn in the chart, as the page's first static table
    first_table = next(h.value for h in at.html if "<table" in h.value)
    shown = pd.read_html(io.StringIO(first_table), converters={"数值": str})[0]
    assert set(shown["地区"]) == {"娄星区"} and set(shown["数值"]) == {"585.8"}


def test_compare_tab_from_link_draws_only_that_indicator(open_page, built_db):
    at = open_page("compare", {"tab": "fiscal_revenue", "reg": "lianyuan"})
    assert not at.exception
    assert len(at.get("vega_lite_chart")) == 1
    assert at.query_params["tab"] == "fiscal_revenue"
    first_table = next(h.value for h in at.html if "<table" in h.value)
    shown = pd.read_html(io.StringIO(first_table))[0]
    facts = queries.values(built_db, regions=["lianyuan"], indicators=["fiscal_revenue"], years=[2013, 2020],
                           preferred_only=True)
    assert list(shown["地区"]) == ["涟源市"]
    assert set(shown["2020"]) == {f"{facts[facts['period'] == '2020']['value'].iloc[0]}亿元"}


@pytest.mark.parametrize("tab, charts, tables", [("", 1, 0), ("2022", 1, 1), ("money", 0, 1)])
def test_parks_tabs_draw_only_the_open_section(open_page, tab, charts, tables):
    at = open_page("parks", {"tab": tab} if tab else {})
    assert not at.exception
    assert [t.label for t in at.tabs] == ["省级排名变化", "2022 年排名与进位", "园区收入、出口与税收"]
    assert len(at.get("vega_lite_chart")) == charts
    assert sum("<table" in h.value for h in at.html) == tables


@pytest.mark.parametrize("tab, charts, metrics, tables", [("", 1, 2, 0), ("other", 0, 0, 1)])
def test_land_tabs_draw_only_the_open_section(open_page, built_db, tab, charts, metrics, tables):
    at = open_page("land", {"tab": tab} if tab else {})
    assert not at.exception
    assert [t.label for t in at.tabs] == ["“三类”土地处置", "版面上的其他土地数字"]
    assert len(at.get("vega_lite_chart")) == charts
    assert sum("<table" in h.value for h in at.html) == tables
    assert len(at.metric) == metrics
    if metrics:  # the published rate, and the one recomputed from the two areas
        rate = queries.values(built_db, indicators=["idle_land_disposal_rate"], preferred_only=True)
        assert at.metric[0].value == f"{rate['value'].iloc[0]}%"
        assert at.metric[1].value.endswith("%")

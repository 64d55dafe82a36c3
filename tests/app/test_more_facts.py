"""More legitimate facts than the five pages give: another period and another region of the idle land, and
a third year of GDP. Every page must show them all (no page may expect one row per indicator), and the
compared years come from the page configuration."""
import csv
import io
from pathlib import Path

import pandas as pd
import pytest
from app_kit import open_app
from streamlit.testing.v1 import AppTest

from etl import add, build

ROOT = Path(__file__).resolve().parents[2]
PAGES = ["overview", "compare", "parks", "land", "explorer", "sources"]
NEW_PAGE = ("娄底日报 2024年3月1日\n"
            "2023年，全市“三类”土地面积12500.5亩，累计处置9100.2亩，处置率达到72.8%。\n"
            "涟源市“三类”土地面积2300亩，累计处置1500亩。\n"
            "涟源市2016年地区生产总值达到210.5亿元。\n")
# (region, indicator, period, value, unit, qualifier, quote): each quote is a sentence of NEW_PAGE
FACTS = [
    ("loudi", "idle_land_total", "2023", "12500.5", "亩", "", "2023年，全市“三类”土地面积12500.5亩"),
    ("loudi", "idle_land_disposed", "2023", "9100.2", "亩", "cumulative", "累计处置9100.2亩"),
    ("loudi", "idle_land_disposal_rate", "2023", "72.8", "%", "", "处置率达到72.8%"),
    ("lianyuan", "idle_land_total", "2023", "2300", "亩", "", "涟源市“三类”土地面积2300亩"),
    ("lianyuan", "idle_land_disposed", "2023", "1500", "亩", "cumulative", "涟源市“三类”土地面积2300亩，累计处置1500亩"),
    ("lianyuan", "gdp", "2016", "210.5", "亿元", "", "涟源市2016年地区生产总值达到210.5亿元"),
]


@pytest.fixture
def more_facts(data_copy, tmp_path) -> Path:
    """The real catalogue plus a new page and the facts above quoting it, built into its own database."""
    source = tmp_path / "more.txt"
    source.write_text(NEW_PAGE, encoding="utf-8")
    doc = add.add(source, data_copy, date="2024-03-01", title="土地与经济", publisher="娄底日报")["doc"]
    with (data_copy / "facts" / f"{doc}.csv").open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["fact_id", "doc", "region", "indicator", "period", "value", "unit", "qualifier", "out_of",
                      "quote", "note"])
        for i, (region, indicator, period, value, unit, qualifier, quote) in enumerate(FACTS, 1):
            out.writerow([f"{doc}-{i:03d}", doc, region, indicator, period, value, unit, qualifier, "", quote, ""])
    db = tmp_path / "more.duckdb"
    build.build(db, data_copy)
    return db


@pytest.fixture
def open_page(more_facts, monkeypatch):
    monkeypatch.setenv("LOUDI_DB", str(more_facts))
    monkeypatch.delenv("LOUDI_CONFIG", raising=False)

    def make(page: str, **params) -> AppTest:
        at = open_app(page, params)
        assert not at.exception, [e.value for e in at.exception]
        return at
    return make


@pytest.fixture
def years_2016(tmp_path, monkeypatch) -> None:
    """A page configuration comparing 2016 with 2020 (overview and compare)."""
    path = tmp_path / "config.toml"
    text = (ROOT / "ui" / "config.toml").read_text(encoding="utf-8")
    assert text.count("years = [2013, 2020]") == 2
    path.write_text(text.replace("years = [2013, 2020]", "years = [2016, 2020]"), encoding="utf-8")
    monkeypatch.setenv("LOUDI_CONFIG", str(path))


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_with_more_periods_and_regions(open_page, page, lang):
    at = open_page(page, lang=lang)
    assert at.title[0].value


def progress_texts(at: AppTest) -> list[str]:
    return [p.proto.text for p in at.get("progress")]


def test_overview_shows_land_progress_per_region_and_period_latest_first(open_page):
    texts = progress_texts(open_page("overview"))
    assert [t.split(" · ")[0] for t in texts] == ["涟源市，2023年", "娄底市，2023年", "娄底市，2022年1月至2023年1月"]
    assert "已处置 1,500亩，共 2,300亩" in texts[0] and "按两数推算 65.22%" in texts[0]
    assert "公布处置率 72.8%" in texts[1] and "公布处置率 61.86%" in texts[2]


def test_land_shows_rates_of_every_region_and_period(open_page):
    at = open_page("land", lang="en")
    shown = [(m.label, m.value) for m in at.metric]
    assert shown == [
        ("Disposal rate (derived) · Lianyuan, 2023", "65.22%"),
        ("Disposal rate (published) · Loudi, 2023", "72.8%"),
        ("Disposal rate (derived) · Loudi, 2023", "72.80%"),
        ("Disposal rate (published) · Loudi, Jan 2022 – Jan 2023", "61.86%"),
        ("Disposal rate (derived) · Loudi, Jan 2022 – Jan 2023", "61.86%"),
    ], shown
    at.segmented_control(key="land_view__widget").set_value("table").run()
    table = next(h.value for h in at.html if "<table" in h.value)
    bars = pd.read_html(io.StringIO(table))[0]
    assert sorted(bars["Value"]) == sorted([12500.5, 9100.2, 2300, 1500, 11723.24, 7252.04])


def test_compare_and_overview_take_the_years_of_the_configuration(open_page, years_2016):
    at = open_page("compare", ind="gdp", reg="lianyuan", view="table")
    assert at.title[0].value == "2016 与 2020 对比"
    table = pd.read_html(io.StringIO([h.value for h in at.html if "<table" in h.value][1]))[0]
    assert list(table.columns[:3]) == ["地区", "2016", "2020"]
    assert list(table.iloc[0, :3]) == ["涟源市", "210.5亿元", "302.92亿元"]

    at = open_page("overview", county="lianyuan")
    gdp = next(m for m in at.metric if m.label == "地区生产总值")
    assert gdp.value == "302.92亿元" and gdp.delta == "+92.42亿元"
    assert "2016" in at.subheader[0].value

"""Every page on a grown catalogue: a synthetic one of every Hunan city and county (a few thousand facts,
hundreds of regions and pages), for each of Loudi's counties and both languages, and the awkward shapes it
always has (an indicator with one period and one with ten, a resolved conflict, a county with no figures,
a long region name). No page may raise or show an error, and the charts stay readable (few marks)."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa
import pytest
from app_kit import open_app

from etl import build
from etl.synth import synth
from etl.synth.series import CONFLICT

FACTS, SEED = 3000, 3
PAGES = ["overview", "compare", "parks", "land", "explorer", "sources"]
# Loudi's five counties, alternating the language, and no county in both (the county parameter takes only
# Loudi's counties: a region outside Loudi is shown through compare's region picker and the explorer)
LINKS = [{}, {"lang": "en"}, {"county": "lianyuan", "lang": "en"}, {"county": "louxing"},
         {"county": "lengshuijiang", "lang": "en"}, {"county": "shuangfeng"}, {"county": "xinhua", "lang": "en"}]


@pytest.fixture(scope="module")
def grown_db(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("grown") / "data"
    synth(FACTS, out, seed=SEED)
    db = out.parent / "loudi.duckdb"
    build.build(db, out)
    return db


def one(db: Path, sql: str, params=()) -> tuple:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchone()
    finally:
        con.close()


@pytest.fixture
def open_page(grown_db, monkeypatch):
    monkeypatch.setenv("LOUDI_DB", str(grown_db))
    monkeypatch.delenv("LOUDI_CONFIG", raising=False)

    def make(page: str, params: dict[str, str]):
        at = open_app(page, params, timeout=60)
        assert not at.exception, [e.value for e in at.exception]
        assert not at.error, [e.value for e in at.error]
        assert at.title and at.title[0].value
        assert not any("无法识别" in w.value or "not recognised" in w.value for w in at.warning), params
        return at
    return make


def chart_rows(at) -> list[int]:
    """The number of data rows of every chart on the page."""
    return [sum(pa.ipc.open_stream(d.data.data).read_all().num_rows for d in chart.proto.datasets)
            for chart in at.get("vega_lite_chart")]


@pytest.mark.parametrize("params", LINKS, ids=lambda p: ",".join(f"{k}={v}" for k, v in p.items()) or "none")
@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_on_a_grown_catalogue(open_page, page, params):
    at = open_page(page, params)
    # a chart shows at most a dozen regions' marks (two years or two areas each), the rest left out
    assert all(n <= 2 * 13 for n in chart_rows(at)), chart_rows(at)


def test_fact_page_of_a_resolved_conflict_and_of_a_long_name(open_page, grown_db):
    indicator, period, qualifier = CONFLICT
    (conflicted,) = one(grown_db, "select fact_id from conflicts where indicator = ? and period = ? and qualifier = ? "
                                  "order by fact_id limit 1", [indicator, period, qualifier])
    (long_named,) = one(grown_db, "select fact_id from indicator_values order by length(region_zh) desc, fact_id "
                                  "limit 1")
    for fact_id in (conflicted, long_named):
        for lang in ("zh", "en"):
            at = open_page("fact", {"id": fact_id, "lang": lang})
            assert fact_id in " ".join(c.value for c in at.caption)


@pytest.mark.parametrize("indicator", ["average_elevation", "rural_road_length", CONFLICT[0]])
def test_explorer_and_compare_with_one_ten_and_conflicting_periods(open_page, indicator):
    open_page("explorer", {"ind": indicator})
    open_page("explorer", {"ind": indicator, "lang": "en"})
    if indicator != "average_elevation":  # one period: nothing to compare, so compare does not offer it
        open_page("compare", {"ind": indicator, "lang": "en"})


def test_compare_names_the_region_with_no_figures(open_page, grown_db):
    """A county without any figure is not offered as a region; a compared region outside Loudi renders."""
    (outside,) = one(grown_db, "select region from comparisons where start_year = 2013 and end_year = 2020 "
                               "and indicator = 'gdp' and region like 'adm_%' order by region limit 1")
    at = open_page("compare", {"ind": "gdp", "reg": outside})
    assert len(at.get("vega_lite_chart")) == 1

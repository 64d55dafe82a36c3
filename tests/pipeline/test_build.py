"""The real catalogue builds into a real DuckDB file with the headline facts right."""
import duckdb
import pytest

from etl import coverage
from etl.core import catalog
from etl.db import queries


def one(db, sql, params=()):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


# (region, indicator, period, doc, value as published, unit, value in base unit)
HEADLINE_FACTS = [
    ("lianyuan", "poverty_incidence", "2013", "d001", "18.3", "%", 18.3),
    ("lianyuan", "poverty_incidence", "2020", "d001", "0", "%", 0.0),
    ("lianyuan", "poverty_incidence", "2020", "d000", "0.45", "%", 0.45),
    ("lianyuan", "gdp", "2013", "d001", "168.3", "亿元", 168.3e8),
    ("lianyuan", "gdp", "2020", "d001", "302.9", "亿元", 302.9e8),
    ("lianyuan", "gdp", "2020", "d000", "302.92", "亿元", 302.92e8),
    ("lianyuan", "fiscal_revenue", "2013", "d001", "13.56", "亿元", 13.56e8),
    ("lianyuan", "fiscal_revenue", "2020", "d001", "14.2", "亿元", 14.2e8),
    ("lianyuan", "rural_disposable_income_per_capita", "2013", "d001", "5962", "元", 5962),
    ("lianyuan", "rural_disposable_income_per_capita", "2020", "d001", "12285", "元", 12285),
    ("loudi_hitech", "park_provincial_rank", "2016", "d000", "44", "位", 44),
    ("loudi_hitech", "park_provincial_rank", "2019", "d000", "9", "位", 9),
    ("loudi_hitech", "park_total_revenue", "2020", "d000", "265.61", "亿元", 265.61e8),
    ("loudi_hitech", "park_gdp", "2020", "d000", "70.77", "亿元", 70.77e8),
    ("loudi_hitech", "park_tax", "2020", "d000", "6.9", "亿元", 6.9e8),
    ("loudi_etdz", "park_provincial_rank", "2022", "d003", "四", "位", 4),
    ("loudi_etdz", "park_rank_among_national_level", "2022", "d003", "二", "位", 2),
    ("loudi_hitech", "park_rank_western_hunan_provincial", "2022", "d003", "2", "名", 2),
    ("lengshuijiang_etdz", "park_rank_places_gained", "2022", "d003", "31", "个名次", 31),
    ("louxing_industrial", "park_rank_places_gained", "2022", "d003", "36", "个名次", 36),
    ("loudi", "idle_land_total", "2022-01..2023-01", "d003", "11723.24", "亩", 11723.24),
    ("loudi", "idle_land_disposed", "2022-01..2023-01", "d003", "7252.04", "亩", 7252.04),
    ("loudi", "idle_land_disposal_rate", "2022-01..2023-01", "d003", "61.86", "%", 61.86),
    ("louxing", "urban_disposable_income_per_capita", "2020", "d004", "35161", "元", 35161),
    ("louxing", "rural_disposable_income_per_capita", "2020", "d004", "22564", "元", 22564),
    ("louxing", "urbanisation_rate", "2020", "d004", "87.6", "%", 87.6),
]


@pytest.mark.parametrize("region, indicator, period, doc, value, unit, base", HEADLINE_FACTS,
                         ids=[f"{r[0]}-{r[1]}-{r[2]}-{r[3]}" for r in HEADLINE_FACTS])
def test_headline_fact(built_db, region, indicator, period, doc, value, unit, base):
    rows = one(built_db, "select value, unit, value_base, quote from indicator_values "
                         "where region = ? and indicator = ? and period = ? and doc = ?",
               [region, indicator, period, doc])
    assert len(rows) == 1, rows
    got_value, got_unit, got_base, quote = rows[0]
    assert (got_value, got_unit) == (value, unit)
    assert got_base == pytest.approx(base)
    assert value in quote


def test_park_rank_is_out_of_144(built_db):
    rows = one(built_db, "select distinct out_of from facts where region = 'loudi_hitech' "
                         "and indicator = 'park_provincial_rank' and doc = 'd000'")
    assert rows == [(144,)]


def test_poverty_conflict_kept_with_documented_choice(built_db):
    rows = one(built_db, "select fact_id, value, is_preferred, rule, reason_en from conflicts "
                         "where region = 'lianyuan' and indicator = 'poverty_incidence' and period = '2020' "
                         "order by fact_id")
    assert len(rows) == 2
    preferred = [r for r in rows if r[2]]
    assert len(preferred) == 1 and preferred[0][1] == "0"
    assert preferred[0][3] == "per-case resolution" and preferred[0][4]


def test_gdp_rounding_conflict_prefers_the_more_precise(built_db):
    rows = one(built_db, "select value, rule from conflicts where region = 'lianyuan' and indicator = 'gdp' "
                         "and period = '2020' and is_preferred")
    assert rows == [("302.92", "more precise")]


def test_comparison_2013_2020_is_derived_from_preferred_values(built_db):
    df = queries.comparisons(built_db, start_year=2013, end_year=2020, regions=["lianyuan"], indicators=["gdp"])
    assert len(df) == 1
    row = df.iloc[0]
    assert (row.start_value, row.end_value) == pytest.approx((168.3e8, 302.92e8))
    assert row.abs_change == pytest.approx(134.62e8)
    assert row.annual_growth == pytest.approx((302.92 / 168.3) ** (1 / 7) - 1)
    assert row.status == "derived" and "start" in row.annual_growth_formula


def test_poverty_comparison_has_no_growth_rate_for_a_percentage(built_db):
    df = queries.comparisons(built_db, start_year=2013, end_year=2020, regions=["lianyuan"],
                             indicators=["poverty_incidence"])
    assert df.iloc[0].abs_change == pytest.approx(-18.3)
    assert df.iloc[0].annual_growth != df.iloc[0].annual_growth  # NaN: not meaningful for a rate


def test_land_disposal_rate_recomputed_as_derived(built_db):
    df = queries.derived_values(built_db)
    row = df[df.indicator == "idle_land_disposal_rate_derived"].iloc[0]
    assert row.value_base == pytest.approx(7252.04 / 11723.24 * 100)
    assert row.status == "derived" and "/" in row.formula


def test_county_filter_includes_parks_and_villages_within(built_db):
    df = queries.values(built_db, counties=["lianyuan"])
    assert {"lianyuan", "loudi_hitech"} <= set(df.region)
    assert set(df.county) == {"lianyuan"}


def test_coverage_has_no_uncovered_number():
    report = coverage.measure(catalog.load())
    assert report.uncovered == [], "\n".join(map(str, report.uncovered[:20]))
    assert report.total["numbers"] > 500


def test_every_region_of_loudi_is_present(built_db):
    rows = one(built_db, "select name_zh, level from regions where scope = 'loudi' and level in ('county', 'park')")
    assert len([r for r in rows if r[1] == "county"]) == 5
    assert len([r for r in rows if r[1] == "park"]) == 6

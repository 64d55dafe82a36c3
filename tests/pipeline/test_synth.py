"""python -m etl synth: a small synthetic catalogue of all of Hunan builds with every check, has the awkward
shapes real data brings, marks every generated page SYNTHETIC, and is the same for the same seed."""
from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest
from catalog_kit import tree_sha

from etl import build
from etl.__main__ import main
from etl.core import catalog, places
from etl.synth import synth

FACTS, SEED = 2000, 7


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "data"
    synth(FACTS, out, seed=SEED)
    return out


@pytest.fixture(scope="module")
def db(synthetic) -> Path:
    """Built with every check: the catalogue's, coverage, conflicts, the SQL checks and the page config."""
    target = synthetic.parent / "synthetic.duckdb"
    build.build(target, synthetic)
    return target


def rows(db: Path, sql: str, params=()) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def register(folder: Path) -> list[dict]:
    with open(folder / "raw" / "sources.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


REAL_DOCS = {s["doc"] for s in register(catalog.DATA)}


def test_it_has_the_facts_asked_for_and_every_real_fact(db):
    assert rows(db, "select count(*) from facts") == [(FACTS,)]
    real = catalog.load()
    got = set(rows(db, "select fact_id, value, quote from facts where doc in (select unnest(?))", [sorted(REAL_DOCS)]))
    assert got == {(f["fact_id"], f["value"], f["quote"]) for f in real.facts}


def test_every_city_and_county_of_hunan_is_a_region(db):
    names = {n for (n,) in rows(db, "select name_zh from regions")}
    divisions = {d.name for d in places.hunan() if d.level in ("city", "county")}
    assert divisions - names <= {r["name_zh"][:-1] + "县" for r in catalog.load().regions}  # 祁阳县 is 祁阳市 now
    loudi = {r["code"] for r in catalog.load().regions}
    assert loudi <= {c for (c,) in rows(db, "select code from regions")}  # the dashboard's config resolves


def test_every_generated_page_is_marked_synthetic(synthetic):
    generated = [s for s in register(synthetic) if s["doc"] not in REAL_DOCS]
    assert generated
    for s in generated:
        assert s["newspaper"] == "SYNTHETIC"
        assert "SYNTHETIC" in s["unknown_en"] and "SYNTHETIC" in s["unknown_zh"]
        assert "SYNTHETIC" in (synthetic / "raw" / s["file"]).read_text(encoding="utf-8")
    real = [s for s in register(synthetic) if s["doc"] in REAL_DOCS]
    assert real == register(catalog.DATA)


def test_an_indicator_with_one_period_and_one_with_ten(db):
    periods = dict(rows(db, "select indicator, count(distinct period) from facts group by indicator"))
    assert periods["average_elevation"] == 1
    assert periods["rural_road_length"] == 10
    assert rows(db, "select count(distinct region) from facts where indicator = 'average_elevation'")[0][0] > 1


def test_two_values_for_one_period_resolved_with_a_qualifier(db, synthetic):
    resolved = rows(db, "select region, period, qualifier, count(*), count(*) filter (where is_preferred) "
                        "from conflicts where rule = 'per-case resolution' and region <> 'lianyuan' "
                        "group by all")
    assert len(resolved) == 1 and resolved[0][2:] == ("approx", 2, 1)
    with open(synthetic / "conflict_resolutions.csv", encoding="utf-8", newline="") as f:
        assert [r["qualifier"] for r in csv.DictReader(f)][-1] == "approx"
    rules = {r for (r,) in rows(db, "select distinct rule from fact_groups")}
    assert {"per-case resolution", "more precise", "same value"} <= rules


def test_a_county_without_figures_and_a_long_name_with_them(db):
    silent = rows(db, "select code from regions r where level = 'county' and scope = 'outside' "
                      "and not exists (select 1 from facts f where f.region = r.code)")
    assert silent
    name, n = rows(db, "select r.name_zh, count(f.fact_id) from regions r left join facts f on f.region = r.code "
                       "group by r.name_zh order by length(r.name_zh) desc, r.name_zh limit 1")[0]
    assert len(name) >= 10 and n > 0


def test_series_are_plausible(db):
    # levels grow, growth rates follow the published levels, ranks are whole and within out_of
    gdp = rows(db, "select f.region, f.year, f.value_base, g.value_base from facts f join facts g "
                   "on g.region = f.region and g.period = f.period and g.indicator = 'gdp_growth' "
                   "and g.quote = f.quote where f.indicator = 'gdp' and f.doc not in (select unnest(?))",
               [sorted(REAL_DOCS)])
    assert gdp
    level = {(r, y): v for r, y, v, _ in gdp}
    for region, year, value, growth in gdp:
        if (region, year - 1) in level:
            assert growth == pytest.approx((value / level[(region, year - 1)] - 1) * 100, abs=0.06)
            assert value >= level[(region, year - 1)]
    assert rows(db, "select count(*) from facts where base_unit = 'rank' and out_of is null "
                    "and doc not in (select unnest(?))", [sorted(REAL_DOCS)]) == [(0,)]
    assert rows(db, "select count(*) from derived_values")[0][0] > 1
    shapes = {p for (p,) in rows(db, "select distinct regexp_replace(period, '\\d', 'N', 'g') from facts")}
    assert {"NNNN", "NNNN-NN", "NNNN..NNNN"} <= shapes


def test_same_seed_same_files_other_seed_other_files(synthetic, tmp_path):
    synth(FACTS, tmp_path / "again", seed=SEED)
    synth(FACTS, tmp_path / "other", seed=SEED + 1)
    assert tree_sha(tmp_path / "again") == tree_sha(synthetic)
    assert tree_sha(tmp_path / "other") != tree_sha(synthetic)


def test_never_into_the_real_catalogue_nor_a_full_folder(tmp_path, capsys):
    with pytest.raises(ValueError, match="never written into the real one"):
        synth(FACTS, catalog.DATA / "synthetic")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    assert main(["synth", "--facts", "500", "--out", str(tmp_path / "full")]) == 1
    assert "not empty" in capsys.readouterr().err

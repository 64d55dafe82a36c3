"""The dashboard's page configuration is checked against the catalogue when the database is built."""
from __future__ import annotations

import pytest

from etl import build, page_config
from etl.core import catalog
from etl.core.catalog import CatalogError

GOOD = """
[overview]
region = "lianyuan"
years = [2013, 2020]
headline_indicators = ["gdp", "poverty_incidence"]
[land.total]
indicator = "idle_land_total"
theme = "land"
"""


def test_the_real_configuration_knows_only_catalogue_codes():
    assert page_config.check(catalog.load()) == []


@pytest.mark.parametrize("edit, key, reason", [
    (('"poverty_incidence"', '"happiness"'), "overview.headline_indicators", "unknown indicator 'happiness'"),
    (('"idle_land_total"', '"idle_land_totals"'), "land.total.indicator", "unknown indicator 'idle_land_totals'"),
    (('"lianyuan"', '"atlantis"'), "overview.region", "unknown region 'atlantis'"),
    (("2013", '"2013"'), "overview.years", "'2013' is not a year"),
    (('"land"', '"moon"'), "land.total.theme", "unknown theme 'moon'"),
])
def test_an_unknown_code_is_named_with_its_key(tmp_path, edit, key, reason):
    path = tmp_path / "config.toml"
    path.write_text(GOOD.replace(*edit), encoding="utf-8")
    assert [(p.field, p.reason) for p in page_config.check(catalog.load(), path)] == [(key, reason)]


def test_the_build_refuses_an_unknown_code(data_copy, tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(GOOD.replace('"gdp"', '"gpd"'), encoding="utf-8")
    with pytest.raises(CatalogError, match=r"config.toml: overview.headline_indicators: unknown indicator 'gpd'"):
        build.build(tmp_path / "x.duckdb", data_copy, config=path)
    assert not (tmp_path / "x.duckdb").exists()


def test_unreadable_configuration_is_a_problem(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("[overview\n", encoding="utf-8")
    assert "not valid TOML" in page_config.check(catalog.load(), path)[0].reason

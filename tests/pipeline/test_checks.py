"""Every SQL data check can fail: each gets a planted violation in a copy of the real database and must
name it; on the real database every check returns no rows."""
from __future__ import annotations

import shutil

import duckdb
import pytest

from etl.db import checks

# check name -> SQL that plants one violation of exactly that rule into a built database
PLANTED = {
    "comparisons_marked_derived": "update derived_values set status = 'published'",
    "coverage_complete": "update coverage set uncovered = uncovered + 1 where doc = 'd000'",
    "facts_base_value_converts": "update facts set value_base = value_base * 2 where fact_id = 'd001-004'",
    "facts_no_derived_indicator": "update facts set indicator = 'idle_land_disposal_rate_derived' "
                                  "where fact_id = 'd003-001'",
    "facts_not_null": "update facts set quote = '' where fact_id = 'd001-001'",
    "facts_period_year": "update facts set period = '2031', year = 2031 where fact_id = 'd001-001'",
    "facts_quote_in_page": "update facts set quote = '这句话不在任何版面上' where fact_id = 'd001-001'",
    "facts_ranks_valid": "update facts set value_base = 0 where base_unit = 'rank' and fact_id = "
                         "(select min(fact_id) from facts where base_unit = 'rank')",
    "facts_relationships": "update facts set region = 'atlantis' where fact_id = 'd001-001'",
    "facts_shares_in_range": "update facts set value_base = 118.3 where fact_id = 'd001-001'",
    "facts_value_in_quote": "update facts set value = '99999' where fact_id = 'd001-001'",
    "groups_one_preferred": "update fact_groups set is_preferred = true",
    "indicator_values_one_per_key": "insert into facts select * replace ('d001-999' as fact_id) from facts "
                                    "where fact_id = 'd001-001'",
    "loudi_divisions_complete": "update regions set scope = 'outside' where name_zh = '新化县'",
    "regions_accepted_values": "update regions set level = 'galaxy' where code = 'lianyuan'",
    "sources_complete": "update sources set status = 'lost' where doc = 'd002'",
}


def test_every_check_has_a_planted_violation():
    assert sorted(PLANTED) == sorted(checks.queries())


@pytest.mark.parametrize("name", sorted(checks.queries()))
def test_real_database_passes_the_check(built_db, name):
    with duckdb.connect(str(built_db), read_only=True) as con:
        assert checks.run(con, checks.queries()[name]) == []


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_check_catches_its_planted_violation(built_db, tmp_path, name):
    db = tmp_path / "planted.duckdb"
    shutil.copyfile(built_db, db)
    with duckdb.connect(str(db)) as con:
        con.execute(PLANTED[name])
        assert checks.run(con, checks.queries()[name]), f"{name} did not see its planted violation"
        failures = checks.run_all(con)
    assert any(f.startswith(f"check {name}:") for f in failures)

"""Groups of facts that state the same thing, and which one charts use."""
from __future__ import annotations

import pandas as pd

from etl.core import conflicts
from etl.core.catalog import Row

COLUMNS = ["fact_id", "region", "indicator", "period", "qualifier", "value", "value_num", "value_base", "unit"]


def facts(*rows: tuple) -> pd.DataFrame:
    return pd.DataFrame([dict(zip(COLUMNS, r)) for r in rows], columns=COLUMNS)


def resolution(preferred: str, qualifier: str = "", line: int = 2) -> Row:
    return Row("data/conflict_resolutions.csv", line, {
        "region": "lianyuan", "indicator": "new_jobs", "period": "2021", "qualifier": qualifier,
        "preferred_fact": preferred, "reason_zh": "同一口径", "reason_en": "same definition"})


EXACT_AND_MORE_THAN = facts(
    ("d005-001", "lianyuan", "new_jobs", "2021", None, "1200", 1200.0, 1200.0, "个"),
    ("d006-001", "lianyuan", "new_jobs", "2021", None, "1300", 1300.0, 1300.0, "个"),
    ("d005-002", "lianyuan", "new_jobs", "2021", "more_than", "1000", 1000.0, 1000.0, "个"),  # 1000余个
    ("d006-002", "lianyuan", "new_jobs", "2021", "more_than", "1100", 1100.0, 1100.0, "个"),
)


def test_a_resolution_decides_only_the_group_of_its_qualifier():
    """The resolution names the 余 group; the exact group's disagreement still needs a person."""
    groups, problems = conflicts.resolve_groups(EXACT_AND_MORE_THAN, [resolution("d006-002", "more_than")])
    preferred = set(groups.loc[groups["is_preferred"], "fact_id"])
    assert preferred == {"d006-002"}
    assert [p.reason.split(":")[0] for p in problems] == ["unresolved conflict lianyuan new_jobs 2021"]


def test_a_resolution_without_qualifier_does_not_reach_the_qualified_group():
    groups, problems = conflicts.resolve_groups(EXACT_AND_MORE_THAN, [resolution("d006-001")])
    assert set(groups.loc[groups["is_preferred"], "fact_id"]) == {"d006-001"}
    assert [p.reason.split(":")[0] for p in problems] == ["unresolved conflict lianyuan new_jobs 2021 (more_than)"]


def test_a_resolution_for_a_group_without_conflict_is_a_problem():
    single = EXACT_AND_MORE_THAN.iloc[:1]
    _, problems = conflicts.resolve_groups(single, [resolution("d005-001")])
    assert [(p.line, p.reason) for p in problems] == [(2, "resolution for a group that has no conflict")]


def test_a_rounded_value_gives_way_to_the_precise_one():
    gdp = facts(("d000-028", "lianyuan", "gdp", "2020", None, "302.92", 302.92, 302.92e8, "亿元"),
                ("d001-004", "lianyuan", "gdp", "2020", None, "302.9", 302.9, 302.9e8, "亿元"))
    groups, problems = conflicts.resolve_groups(gdp, [])
    assert problems == []
    assert groups.set_index("fact_id").loc["d000-028", "rule"] == "more precise"


def test_a_rounded_value_in_another_unit_gives_way_to_the_precise_one():
    """483亿元 in a sentence, 4830423万元 in the bulletin's table: one figure, rounded."""
    gdp = facts(("d006-001", "xiangxiang", "gdp", "2019", None, "483", 483.0, 483e8, "亿元"),
                ("d006-003", "xiangxiang", "gdp", "2019", None, "4830423", 4830423.0, 4830423e4, "万元"))
    groups, problems = conflicts.resolve_groups(gdp, [])
    assert problems == []
    assert set(groups.loc[groups["is_preferred"], "fact_id"]) == {"d006-003"}


def test_a_value_that_is_not_a_rounding_stays_a_conflict():
    gdp = facts(("d006-001", "xiangxiang", "gdp", "2019", None, "484", 484.0, 484e8, "亿元"),
                ("d006-003", "xiangxiang", "gdp", "2019", None, "4830423", 4830423.0, 4830423e4, "万元"))
    _, problems = conflicts.resolve_groups(gdp, [])
    assert len(problems) == 1 and "unresolved conflict xiangxiang gdp 2019" in problems[0].reason

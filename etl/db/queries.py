"""Read-only queries the dashboard uses: each takes filters and returns a DataFrame.

The database is opened read-only for every call, so a rebuild (an atomic rename) never disturbs a
reader. Filters that are None or empty mean "no filter".
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import duckdb
import pandas as pd

from etl.core.paths import DEFAULT_DB


def _query(db: Path | str, sql: str, params: Sequence = ()) -> pd.DataFrame:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(params)).df()
    finally:
        con.close()


def _where(filters: dict[str, Sequence | None]) -> tuple[str, list]:
    """'where col in (?, ?) and …' for each non-empty filter."""
    clauses, params = [], []
    for column, values in filters.items():
        if values:
            values = list(values)
            clauses.append(f"{column} in ({', '.join('?' * len(values))})")
            params += values
    return (" where " + " and ".join(clauses)) if clauses else "", params


def regions(db: Path | str = DEFAULT_DB) -> pd.DataFrame:
    """Every region with its level, parent, host county and the county it lies in."""
    return _query(db, "select * from regions order by scope, level, code")


def counties(db: Path | str = DEFAULT_DB) -> pd.DataFrame:
    """Loudi's county-level divisions, in catalogue order."""
    return _query(db, "select code, name_zh, name_en from regions where level = 'county' and scope = 'loudi' "
                      "order by code")


def indicators(db: Path | str = DEFAULT_DB) -> pd.DataFrame:
    return _query(db, "select * from indicators order by theme, code")


def values(db: Path | str = DEFAULT_DB, *, counties: Sequence[str] | None = None,
           regions: Sequence[str] | None = None, levels: Sequence[str] | None = None,
           themes: Sequence[str] | None = None, indicators: Sequence[str] | None = None,
           years: Sequence[int] | None = None, docs: Sequence[str] | None = None,
           preferred_only: bool = False) -> pd.DataFrame:
    """Published facts (the indicator_values view), filtered; ``counties`` keeps a county and all in it."""
    where, params = _where({"county": counties, "region": regions, "level": levels, "theme": themes,
                            "indicator": indicators, "year": years, "doc": docs})
    if preferred_only:
        where += (" and " if where else " where ") + "is_preferred"
    return _query(db, f"select * from indicator_values{where} order by fact_id", params)


def comparisons(db: Path | str = DEFAULT_DB, *, start_year: int | None = None, end_year: int | None = None,
                counties: Sequence[str] | None = None, regions: Sequence[str] | None = None,
                indicators: Sequence[str] | None = None) -> pd.DataFrame:
    """Derived changes between two years with a preferred value each."""
    where, params = _where({"county": counties, "region": regions, "indicator": indicators,
                            "start_year": [start_year] if start_year else None,
                            "end_year": [end_year] if end_year else None})
    return _query(db, f"select * from comparisons{where} order by indicator, region, start_year, end_year", params)


def conflicts(db: Path | str = DEFAULT_DB) -> pd.DataFrame:
    return _query(db, "select * from conflicts order by group_key, fact_id")


def derived_values(db: Path | str = DEFAULT_DB) -> pd.DataFrame:
    return _query(db, "select * from derived_values order by indicator, region, period")


def sources(db: Path | str = DEFAULT_DB) -> pd.DataFrame:
    """The source register (without the page text), with per page: ``status`` (reviewed | pending),
    ``facts`` accepted into the catalogue and the candidates still in its review file, 0 without one:
    ``candidates_accepted`` and ``candidates_rejected`` (decided, not yet moved by ``etl accept``),
    ``candidates_pending`` (undecided) and ``candidates_held_back`` (undecided, held back)."""
    return _query(db, """
        select s.* exclude (raw_text),
               (select count(*) from facts f where f.doc = s.doc) as facts,
               coalesce(r.accepted, 0) as candidates_accepted,
               coalesce(r.rejected, 0) as candidates_rejected,
               coalesce(r.pending, 0) as candidates_pending,
               coalesce(r.held_back, 0) as candidates_held_back
        from sources s left join review r using (doc)
        order by s.doc""")


def page_text(db: Path | str, doc: str) -> str:
    df = _query(db, "select raw_text from sources where doc = ?", [doc])
    return df["raw_text"].iloc[0] if len(df) else ""


def fact(db: Path | str, fact_id: str) -> pd.DataFrame:
    """One published fact (its indicator_values row) with its indicator's description and formula; no row
    for an unknown id."""
    return _query(db, """
        select v.*, i.description_zh, i.description_en, i.formula
        from indicator_values v join indicators i on i.code = v.indicator
        where v.fact_id = ?""", [fact_id])


def conflict_group(db: Path | str, fact_id: str) -> pd.DataFrame:
    """The rows of the conflicts view in the group of a fact (every disagreeing value, the one charts use
    and why); no row when the fact disagrees with no other."""
    return _query(db, """
        select * from conflicts
        where group_key = (select group_key from fact_groups where fact_id = ?)
        order by fact_id""", [fact_id])


def coverage(db: Path | str = DEFAULT_DB) -> pd.DataFrame:
    """Numbers per page: in facts, skipped, uncovered (allowed only while the page's status is pending)."""
    return _query(db, "select c.*, s.status from coverage c join sources s using (doc) order by doc")


def build_info(db: Path | str = DEFAULT_DB) -> pd.DataFrame:
    return _query(db, "select * from build_info")


def audit(db: Path | str = DEFAULT_DB, limit: int = 200, offset: int = 0) -> pd.DataFrame:
    """Review decisions of data/audit.csv, latest first: ``limit`` rows from ``offset``."""
    return _query(db, "select * exclude (seq) from audit order by seq desc limit ? offset ?",
                  [int(limit), int(offset)])


def audit_count(db: Path | str = DEFAULT_DB) -> int:
    """How many rows the audit has."""
    return int(_query(db, "select count(*) as n from audit")["n"].iloc[0])


FACT_FILTERS = ("counties", "levels", "themes", "indicators", "years", "docs")


def _fact_where(counties=None, levels=None, themes=None, indicators=None, years=None, docs=None) -> tuple[str, list]:
    return _where({"county": counties, "level": levels, "theme": themes, "indicator": indicators,
                   "year": [int(y) for y in years] if years else None, "doc": docs})


def values_page(db: Path | str = DEFAULT_DB, *, limit: int = 200, offset: int = 0, **filters) -> pd.DataFrame:
    """``limit`` facts (indicator_values rows, by fact id) from ``offset`` of those matching the explorer's
    filters (``FACT_FILTERS``, each a list; None or empty means any): the page runs in DuckDB."""
    where, params = _fact_where(**filters)
    return _query(db, f"select * from indicator_values{where} order by fact_id limit ? offset ?",
                  params + [int(limit), int(offset)])


def values_count(db: Path | str = DEFAULT_DB, **filters) -> int:
    """How many facts match the explorer's filters (``FACT_FILTERS``)."""
    where, params = _fact_where(**filters)
    return int(_query(db, f"select count(*) as n from indicator_values{where}", params)["n"].iloc[0])


def value_options(db: Path | str = DEFAULT_DB) -> pd.DataFrame:
    """The explorer's filter options without loading the facts: one row per distinct (level, theme,
    indicator with its names, year, doc) combination is too many, so one row per option: ``field``
    (level | theme | indicator | year | doc), ``code``, ``name_zh``, ``name_en``."""
    return _query(db, """
        select 'level' as field, level as code, level as name_zh, level as name_en from indicator_values group by level
        union all select 'theme', theme, theme, theme from indicator_values group by theme
        union all select 'indicator', indicator, any_value(indicator_zh), any_value(indicator_en)
                  from indicator_values group by indicator
        union all select 'year', cast(year as varchar), cast(year as varchar), cast(year as varchar)
                  from indicator_values where year is not null group by year
        union all select 'doc', doc, doc, doc from indicator_values group by doc
        order by field, code""")


def fact_exists(db: Path | str, fact_id: str) -> bool:
    """Whether a fact of that id is published."""
    return bool(_query(db, "select count(*) as n from indicator_values where fact_id = ?", [fact_id])["n"].iloc[0])

"""``python -m etl build``: raw pages + reviewed catalogue -> checked DuckDB file, published atomically.

Steps: load and validate the catalogue (row checks with file/line messages), measure coverage, resolve
groups of facts that share region/indicator/period (conflicts), write everything into a temporary
DuckDB file beside the target, run the SQL data checks in ``etl/checks/`` against it, and only when all
pass replace the target with it. Any failure leaves the previous database byte-for-byte untouched.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd

from etl import accept, catalog, checks, coverage, text
from etl.catalog import Catalog, CatalogError, Problem

SCHEMA = Path(__file__).with_name("schema.sql")
DEFAULT_DB = catalog.DATA / "loudi.duckdb"


class BuildError(Exception):
    """A build that must not publish; the message says why."""


@dataclass
class Summary:
    db: Path
    facts_per_doc: Counter
    facts_per_region: Counter
    facts_per_theme: Counter
    conflicts: list[str]
    coverage: coverage.Report
    seconds: float
    pending: tuple[str, ...] = ()

    def __str__(self) -> str:
        lines = [f"built {self.db} in {self.seconds:.2f}s: {sum(self.facts_per_doc.values())} facts"]
        lines.append("per document: " + ", ".join(f"{k} {v}" for k, v in sorted(self.facts_per_doc.items())))
        lines.append("per theme:    " + ", ".join(f"{k} {v}" for k, v in self.facts_per_theme.most_common()))
        top = self.facts_per_region.most_common(8)
        lines.append("per region:   " + ", ".join(f"{k} {v}" for k, v in top)
                     + (f", … ({len(self.facts_per_region)} regions)" if len(self.facts_per_region) > 8 else ""))
        t = self.coverage.total
        lines.append(f"coverage:     {t['numbers']} numbers, {t['in_facts']} in facts, {t['skipped']} skipped, "
                     f"{t['uncovered']} uncovered")
        for doc in self.pending:
            c = self.coverage.per_doc.get(doc, {})
            lines.append(f"pending:      {doc} (review not finished: {c.get('in_facts', 0)} numbers in facts, "
                         f"{c.get('uncovered', 0)} not yet decided; python -m etl accept {doc} after review)")
        lines.append(f"conflicts:    {len(self.conflicts)}")
        lines += [f"  {c}" for c in self.conflicts]
        return "\n".join(lines)


# --- Process: pure functions from catalogue rows to tables -------------------------------------------

def county_of(regions: dict[str, catalog.Row]) -> dict[str, str | None]:
    """The county-level division each region lies in: itself, a park's host, or a township's ancestor."""
    result: dict[str, str | None] = {}
    for code in regions:
        node, seen = code, set()
        found = None
        while node and node not in seen:
            seen.add(node)
            row = regions[node]
            if row["level"] == "county":
                found = node
                break
            if row["level"] == "park":
                found = row["host_county"] or None
                break
            node = row["parent"]
        result[code] = found
    return result


def period_year(period: str) -> int:
    """The last year a period covers: '2016..2020' -> 2020."""
    return int(period.split("..")[-1][:4])


def facts_table(cat: Catalog) -> pd.DataFrame:
    """Facts with the published value parsed and converted to the indicator's base unit."""
    indicators = {r["code"]: r for r in cat.indicators}
    factors = {(u["unit"], u["base_unit"]): Decimal(u["factor"]) for u in cat.units}
    rows = []
    for f in cat.facts:
        base_unit = indicators[f["indicator"]]["base_unit"]
        value_num = text.parse_number(f["value"])
        rows.append({
            "fact_id": f["fact_id"], "doc": f["doc"], "region": f["region"], "indicator": f["indicator"],
            "period": f["period"], "year": period_year(f["period"]), "value": f["value"],
            "value_num": float(value_num), "unit": f["unit"],
            "value_base": float(value_num * factors[(f["unit"], base_unit)]), "base_unit": base_unit,
            "qualifier": f["qualifier"] or None, "out_of": int(f["out_of"]) if f["out_of"] else None,
            "quote": f["quote"], "note": f["note"] or None, "source_file": f.file, "source_line": f.line,
        })
    return pd.DataFrame(rows, columns=[
        "fact_id", "doc", "region", "indicator", "period", "year", "value", "value_num", "unit",
        "value_base", "base_unit", "qualifier", "out_of", "quote", "note", "source_file", "source_line"])


def decimals(value: str) -> int:
    s = text.squeeze(value)
    return len(s.split(".")[1]) if "." in s else 0


ROUNDING_TOLERANCE = 0.01  # a rounded figure is within 1 % of the precise one


def is_rounding_of(precise: pd.Series, coarse: pd.Series) -> bool:
    """True when the coarse value is the precise one rounded to the coarse one's decimals.

    A zero is never taken as a rounding (0 vs 0.45 % is a disagreement, not a rounding), nor is a value
    more than 1 % away.
    """
    if precise["unit"] != coarse["unit"] or coarse["value_num"] == 0:
        return False
    if abs(precise["value_num"] - coarse["value_num"]) > ROUNDING_TOLERANCE * abs(coarse["value_num"]):
        return False
    places = decimals(coarse["value"])
    return round(Decimal(str(precise["value_num"])), places) == Decimal(str(coarse["value_num"])).quantize(
        Decimal(1).scaleb(-places))


def resolve_groups(facts: pd.DataFrame, resolutions: list[catalog.Row]) -> tuple[pd.DataFrame, list[Problem]]:
    """Facts sharing region, indicator, period and qualifier: mark one preferred and say why.

    Rules, in order: a per-case row in data/conflict_resolutions.csv; equal values (the lowest fact id
    stands for them all); one value is the other rounded (the more precise wins). Any other disagreement
    without a resolution row is a problem: a person must decide.
    """
    overrides = {(r["region"], r["indicator"], r["period"]): r for r in resolutions}
    rows, problems = [], []
    keyed = facts.assign(key=facts["region"] + "|" + facts["indicator"] + "|" + facts["period"] + "|"
                         + facts["qualifier"].fillna(""))
    for key, group in keyed.groupby("key", sort=True):
        if len(group) < 2:
            continue
        region, indicator, period, _ = key.split("|")
        is_conflict = group["value_base"].nunique() > 1
        ordered = group.sort_values("fact_id")
        override = overrides.get((region, indicator, period))
        if override is not None:
            preferred, rule = override["preferred_fact"], "per-case resolution"
            reason = (override["reason_zh"], override["reason_en"])
            if preferred not in set(group["fact_id"]):
                problems.append(Problem(override.file, override.line, "preferred_fact",
                                        f"{preferred} is not one of {', '.join(ordered['fact_id'])}"))
                continue
        elif not is_conflict:
            preferred, rule = ordered["fact_id"].iloc[0], "same value"
            ids = ", ".join(ordered["fact_id"])
            reason = (f"{ids} 给出相同数值", f"{ids} state the same value")
        else:
            by_precision = ordered.assign(d=ordered["value"].map(decimals)).sort_values("d", ascending=False)
            best = by_precision.iloc[0]
            if by_precision["value_base"].nunique() == len(by_precision) and all(
                    is_rounding_of(best, other) for _, other in by_precision.iloc[1:].iterrows()):
                preferred, rule = best["fact_id"], "more precise"
                reason = (f"其他公布值是 {best['value']}{best['unit']} 的四舍五入，采用更精确的数值",
                          f"the other published value(s) are {best['value']} {best['unit']} rounded; "
                          "the more precise figure is used")
            else:
                values = ", ".join(f"{r.fact_id}={r.value}{r.unit}" for r in ordered.itertuples())
                problems.append(Problem("data/conflict_resolutions.csv", 0, "",
                                        f"unresolved conflict {region} {indicator} {period}: {values}; add a row "
                                        "naming the preferred fact and why"))
                continue
        for fact_id in ordered["fact_id"]:
            rows.append({"group_key": key, "fact_id": fact_id, "is_conflict": is_conflict,
                         "is_preferred": fact_id == preferred, "rule": rule,
                         "reason_zh": reason[0], "reason_en": reason[1]})
    for key, override in overrides.items():
        if not ((keyed["region"] == key[0]) & (keyed["indicator"] == key[1]) & (keyed["period"] == key[2])).sum() > 1:
            problems.append(Problem(override.file, override.line, "", "resolution for a group that has no conflict"))
    columns = ["group_key", "fact_id", "is_conflict", "is_preferred", "rule", "reason_zh", "reason_en"]
    return pd.DataFrame(rows, columns=columns), problems


def derived_values(facts: pd.DataFrame, cat: Catalog) -> pd.DataFrame:
    """Derived indicators of the form ``a / b [× k]`` computed from preferred published facts."""
    rows = []
    for ind in cat.indicators:
        if not ind["formula"]:
            continue
        m = catalog.DERIVED_FORMULA.match(ind["formula"])
        num, den, scale = m.group(1), m.group(2), int(m.group(3) or 1)
        a = facts[facts["indicator"] == num]
        b = facts[facts["indicator"] == den]
        for (_, x), (_, y) in ((x, y) for x in a.iterrows() for y in b.iterrows()):
            if x["region"] == y["region"] and x["period"] == y["period"] and y["value_base"]:
                rows.append({
                    "indicator": ind["code"], "region": x["region"], "period": x["period"], "year": x["year"],
                    "value_base": x["value_base"] / y["value_base"] * scale, "base_unit": ind["base_unit"],
                    "formula": ind["formula"], "inputs": f"{x['fact_id']}, {y['fact_id']}",
                    "status": "derived"})
    return pd.DataFrame(rows, columns=["indicator", "region", "period", "year", "value_base", "base_unit",
                                       "formula", "inputs", "status"])


def catalogue_digest(data_dir: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file() and p.suffix in {".csv", ".txt"}):
        h.update(str(path.relative_to(data_dir)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def review_table(data_dir: Path, docs: set[str]) -> pd.DataFrame:
    """Candidates still in data/review/DOC.csv per registered page (see etl.accept.review_counts)."""
    counts = accept.review_counts(data_dir)
    return pd.DataFrame([{"doc": d, **c} for d, c in sorted(counts.items()) if d in docs],
                        columns=["doc", "accepted", "rejected", "held_back", "pending"])


# --- Save: write tables into a fresh DuckDB file ------------------------------------------------------

def write_tables(con: duckdb.DuckDBPyConnection, cat: Catalog, facts: pd.DataFrame, groups: pd.DataFrame,
                 derived: pd.DataFrame, report: coverage.Report, data_dir: Path) -> None:
    con.execute(SCHEMA.read_text(encoding="utf-8"))
    regions = {r["code"]: r for r in cat.regions}
    counties = county_of(regions)
    sources = pd.DataFrame([{**s.values, "raw_text": cat.pages[s["doc"]]} for s in cat.sources])
    region_df = pd.DataFrame([{**r.values, "county": counties[r["code"]]} for r in cat.regions])
    indicator_df = pd.DataFrame([{**r.values, "higher_is_better": catalog.BOOLEANS[r["higher_is_better"]],
                                  "is_derived": bool(r["formula"])} for r in cat.indicators])
    unit_df = pd.DataFrame([{**u.values, "factor": float(u["factor"])} for u in cat.units])
    skipped_df = pd.DataFrame([k.values for k in cat.skipped], columns=catalog.COLUMNS["skipped"])
    coverage_df = pd.DataFrame([{"doc": d, **c} for d, c in report.per_doc.items()])
    review_df = review_table(data_dir, set(cat.pages))
    for table, df in [("sources", sources), ("regions", region_df), ("indicators", indicator_df),
                      ("units", unit_df), ("facts", facts), ("skipped", skipped_df),
                      ("fact_groups", groups), ("coverage", coverage_df), ("review", review_df)]:
        df = df.replace({"": None})
        con.register("frame", df)
        cols = ", ".join(f'"{c}"' for c in df.columns)
        con.execute(f"insert into {table} ({cols}) select {cols} from frame")
        con.unregister("frame")
    con.execute("create table derived_values as select * from derived")
    con.execute("insert into build_info values (now(), ?, ?, ?, ?, ?, ?)", [
        len(facts), len(cat.regions), len(cat.indicators), len(cat.sources),
        int(groups.loc[groups["is_conflict"], "group_key"].nunique()) if len(groups) else 0,
        catalogue_digest(data_dir)])


# --- The step -----------------------------------------------------------------------------------------

def build(db: Path = DEFAULT_DB, data_dir: Path = catalog.DATA, checks_dir: Path = checks.CHECKS) -> Summary:
    """Build and publish ``db``; raise CatalogError or BuildError (db untouched) on any failure."""
    started = time.perf_counter()
    db = Path(db)

    # Load inputs
    cat = catalog.load(data_dir)
    problems = catalog.validate(cat)
    if problems:
        raise CatalogError(problems)

    # Process data
    report = coverage.measure(cat)
    pending = cat.pending()  # measured and stored, but their uncovered numbers do not stop the build
    strict = [u for u in report.uncovered if u.doc not in pending]
    if strict:
        raise CatalogError([Problem(f"data/raw/{u.file}", u.line, "", f"number {u.number!r} is neither a fact nor "
                                    f"skipped: …{u.context}…") for u in strict])
    facts = facts_table(cat)
    groups, problems = resolve_groups(facts, cat.conflict_resolutions)
    if problems:
        raise CatalogError(problems)
    preferred = facts[~facts["fact_id"].isin(groups.loc[~groups["is_preferred"], "fact_id"])] if len(groups) else facts
    derived = derived_values(preferred, cat)

    # Save outputs: into a temporary file beside the target, checked, then renamed over it
    db.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".build-", suffix=".duckdb", dir=db.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()  # duckdb wants to create the file itself
    try:
        con = duckdb.connect(str(tmp))
        try:
            write_tables(con, cat, facts, groups, derived, report, data_dir)
            failures = checks.run_all(con, checks_dir)
        finally:
            con.close()
        if failures:
            raise BuildError("data checks failed:\n" + "\n".join(failures))
        os.replace(tmp, db)
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
            leftover.unlink(missing_ok=True)

    conflicts = []
    if len(groups):
        for key, g in groups[groups["is_conflict"]].groupby("group_key"):
            values = facts.set_index("fact_id").loc[g["fact_id"]]
            used = g.loc[g["is_preferred"], "fact_id"].iloc[0]
            conflicts.append(f"{key.rstrip('|').replace('|', ' ')}: " + " vs ".join(
                f"{fid} {v.value}{v.unit}" for fid, v in values.iterrows()) + f" -> uses {used} ({g['rule'].iloc[0]})")
    theme_of = {r["code"]: r["theme"] for r in cat.indicators}
    return Summary(db, Counter(facts["doc"]), Counter(facts["region"]),
                   Counter(theme_of[i] for i in facts["indicator"]), conflicts, report,
                   time.perf_counter() - started, tuple(sorted(pending)))

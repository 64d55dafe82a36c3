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
from pathlib import Path

import duckdb
import pandas as pd

from etl import coverage, page_config
from etl.core import audit, catalog, lock, review, vocab
from etl.core.catalog import Catalog, CatalogError, Problem
from etl.core.conflicts import facts_table, resolve_groups
from etl.core.paths import DEFAULT_DB
from etl.db import checks

SCHEMA = Path(checks.__file__).resolve().parent.parent / "schema.sql"


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


DERIVED_COLUMNS = ["indicator", "region", "period", "year", "value_base", "base_unit", "formula", "inputs", "status"]


def derived_values(facts: pd.DataFrame, cat: Catalog) -> pd.DataFrame:
    """Derived indicators of the form ``a / b [× k]`` computed from preferred published facts: every pair of a
    numerator and a denominator fact of the same region and period (a join), the denominator not zero."""
    frames = []
    for ind in cat.indicators:
        if not ind["formula"]:
            continue
        m = catalog.DERIVED_FORMULA.match(ind["formula"])
        num, den, scale = m.group(1), m.group(2), int(m.group(3) or 1)
        a = facts.loc[facts["indicator"] == num, ["region", "period", "year", "value_base", "fact_id"]]
        b = facts.loc[facts["indicator"] == den, ["region", "period", "value_base", "fact_id"]]
        b = b[b["value_base"] != 0]
        # numerator order, then denominator order, as the pairs were once listed
        pairs = a.assign(_x=range(len(a))).merge(b.assign(_y=range(len(b))), on=["region", "period"],
                                                 suffixes=("", "_den")).sort_values(["_x", "_y"], kind="stable")
        if pairs.empty:
            continue
        frames.append(pd.DataFrame({
            "indicator": ind["code"], "region": pairs["region"].to_numpy(), "period": pairs["period"].to_numpy(),
            "year": pairs["year"].to_numpy(),
            "value_base": (pairs["value_base"] / pairs["value_base_den"] * scale).to_numpy(),
            "base_unit": ind["base_unit"], "formula": ind["formula"],
            "inputs": (pairs["fact_id"] + ", " + pairs["fact_id_den"]).to_numpy(), "status": "derived"}))
    if not frames:
        return pd.DataFrame([], columns=DERIVED_COLUMNS)
    return pd.concat(frames, ignore_index=True)[DERIVED_COLUMNS]


def catalogue_digest(data_dir: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file() and p.suffix in {".csv", ".txt"}):
        h.update(str(path.relative_to(data_dir)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def review_table(data_dir: Path, docs: set[str]) -> pd.DataFrame:
    """Candidates still in data/review/DOC.csv per registered page (see etl.accept.review_counts)."""
    counts = review.review_counts(data_dir)
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
    audit_df = pd.DataFrame([{"seq": i, **r} for i, r in enumerate(audit.read(data_dir), start=1)],
                            columns=["seq", *audit.COLUMNS])  # data/audit.csv; none: no rows
    for table, df in [("sources", sources), ("regions", region_df), ("indicators", indicator_df),
                      ("units", unit_df), ("facts", facts), ("skipped", skipped_df),
                      ("fact_groups", groups), ("coverage", coverage_df), ("review", review_df),
                      ("audit", audit_df)]:
        df = df.replace({"": None})
        con.register("frame", df)
        cols = ", ".join(f'"{c}"' for c in df.columns)
        con.execute(f"insert into {table} ({cols}) select {cols} from frame")
        con.unregister("frame")
    con.executemany("insert into accepted_values values (?, ?)", vocab.accepted_values())
    con.execute("create table derived_values as select * from derived")
    con.execute("insert into build_info values (now(), ?, ?, ?, ?, ?, ?)", [
        len(facts), len(cat.regions), len(cat.indicators), len(cat.sources),
        int(groups.loc[groups["is_conflict"], "group_key"].nunique()) if len(groups) else 0,
        catalogue_digest(data_dir)])


def remove_stale_builds(folder: Path) -> None:
    """Remove the temporary databases (``.build-PID-*``) that a killed build of this host left behind."""
    for leftover in folder.glob(".build-*"):
        pid = leftover.name.split("-")[1]
        if pid.isdigit() and int(pid) != os.getpid() and not lock.alive(int(pid)):
            leftover.unlink(missing_ok=True)


# --- The step -----------------------------------------------------------------------------------------

@lock.locking("build")  # the catalogue's lock, from loading it to publishing the database
def build(db: Path = DEFAULT_DB, data_dir: Path = catalog.DATA, checks_dir: Path = checks.CHECKS,
          config: Path | None = page_config.PAGE_CONFIG) -> Summary:
    """Build and publish ``db``; raise CatalogError or BuildError (db untouched) on any failure. ``config``:
    the dashboard's page configuration to check against the catalogue (None: no dashboard to serve)."""
    started = time.perf_counter()
    db = Path(db)

    # Load inputs
    cat = catalog.load(data_dir)
    problems = catalog.validate(cat) + (page_config.check(cat, config) if config else [])
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
    remove_stale_builds(db.parent)
    fd, tmp_name = tempfile.mkstemp(prefix=f".build-{os.getpid()}-", suffix=".duckdb", dir=db.parent)
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
        lock.crash_point("build-checked")
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

"""``python -m etl accept DOC``: move the decided candidates of ``data/review/DOC.csv`` into the catalogue.

The review file (written by ``python -m etl propose DOC``, filled in by a person) has one row per number of
the page; see :data:`REVIEW_COLUMNS`. For each row:

- ``decision`` accept (the row's fields, edited or not) -> a fact in ``data/facts/DOC.csv`` (ids continue);
  an unknown ``indicator`` marked ``is_new_indicator`` -> a row of ``data/indicators.csv`` (needs the
  optional columns ``indicator_en`` and ``theme``); an unknown ``region`` with ``region_zh`` -> a row of
  ``data/regions.csv`` with level and parent from Hunan's division list (jionlp);
- ``decision`` reject, or undecided with a ``hold_back`` reason -> a row of ``data/skipped/DOC.csv``;
- undecided and not held back -> stays in the review file; the page stays ``pending``. When no row stays,
  the page becomes ``reviewed`` in ``data/raw/sources.csv`` (unless numbers of it are still uncovered).

All or nothing: every row is checked (messages name ``data/review/DOC.csv:LINE: field: reason``), then the
would-be catalogue is written into a temporary copy of ``data/`` and loaded and validated there; only when
that passes are the real files replaced, all together (``etl.core.files.commit``).

Every decided row is recorded in ``data/audit.csv`` (:mod:`etl.core.audit`) in the same commit: who, when,
the decision, and for an accepted row each field changed from the candidate as proposed (kept in
``data/review/DOC.proposed.csv``, see :func:`etl.core.review.keep_proposed`). Accept holds the catalogue's
lock (:mod:`etl.core.lock`) from reading the review file to the commit.
"""
from __future__ import annotations

import csv
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from etl import coverage
from etl.core import audit, catalog, conflicts, files, lock, places, text
from etl.core.review import (
    DECISIONS,
    OPTIONAL_COLUMNS,
    REVIEW_COLUMNS,
    ReviewFileError,
    ReviewRow,
    load_review,
    proposal_for,
    proposed_path,
    read_review,
    review_counts,
    review_docs,
    review_path,
    save_review,
)

REJECTED = "rejected in review"


class AcceptError(ReviewFileError):
    """Every problem found in a review file; nothing was written."""


@dataclass
class Result:
    doc: str
    facts: int = 0
    skipped: int = 0
    remaining: int = 0
    new_indicators: list[str] = field(default_factory=list)
    new_regions: list[str] = field(default_factory=list)
    status: str = "pending"
    warnings: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        lines = [f"{self.doc}: {self.facts} facts accepted, {self.skipped} numbers skipped, "
                 f"{self.remaining} candidates still undecided; page status {self.status}"]
        if self.new_indicators:
            lines.append("new indicators: " + ", ".join(self.new_indicators))
        if self.new_regions:
            lines.append("new regions: " + ", ".join(self.new_regions))
        lines += [f"warning: {w}" for w in self.warnings]
        lines.append("next: python -m etl build")
        return "\n".join(lines)


# --- Hunan's divisions (for new regions) ----------------------------------------------------------------

SUFFIX_EN = [("街道", "Subdistrict"), ("社区", "Community"), ("县", "County"), ("区", "District"),
             ("镇", "Town"), ("乡", "Township"), ("村", "Village"), ("市", "")]


def name_en(name_zh: str) -> str:
    """'桥头河镇' -> 'Qiaotouhe Town' (pinyin without tones, English word for the suffix)."""
    import jionlp

    for suffix, word in SUFFIX_EN:
        if name_zh.endswith(suffix) and len(name_zh) > len(suffix) + 1:
            stem, english = name_zh[: -len(suffix)], word
            break
    else:
        stem, english = name_zh, ""
    syllables = "".join(s.rstrip("012345") for s in jionlp.pinyin(stem, formater="simple"))
    return f"{syllables.capitalize()} {english}".strip()


def new_region(row: ReviewRow, code: str, regions: dict[str, dict], subject: str) -> tuple[dict | None, str]:
    """A regions.csv row for a place of Hunan's division list, or (None, reason)."""
    name = row["region_zh"]
    if not catalog.CODE.match(code):
        return None, f"{code!r} is not a lowercase ascii code"
    known = [c for c, r in regions.items() if r["name_zh"] == name]
    if known:
        return None, f"{name} is already in data/regions.csv as {known[0]!r}; use that code"
    paths = [d.path for d in places.by_name().get(name, []) if d.path]
    by_name = {r["name_zh"]: c for c, r in regions.items()}
    if len(paths) > 1:  # same name in several places: keep those under the page's region or in Loudi
        subject_zh = regions.get(subject, {}).get("name_zh", "")
        paths = [p for p in paths if subject_zh in p] or [p for p in paths if "娄底市" in p] or paths
    if not paths:
        return None, f"unknown region {code!r}: {name} is not in data/regions.csv nor in Hunan's division list"
    if len(paths) > 1:
        where = "; ".join("/".join(p) for p in paths[:4])
        return None, f"{name} is ambiguous in Hunan's division list ({where}); add it to data/regions.csv by hand"
    path = paths[0]
    parent = next((by_name[n] for n in reversed(path[:-1]) if n in by_name), "hunan")
    return {"code": code, "name_zh": name, "name_en": row["region_en"] or name_en(name),
            "level": places.LEVEL_BY_DEPTH[len(path)], "parent": parent, "host_county": "",
            "scope": "loudi" if path[0] == "娄底市" else "outside"}, ""


# --- Checking rows -----------------------------------------------------------------------------------------

@dataclass
class Plan:
    """What accept would write: new rows per file, the rows that stay, the page's new status."""
    facts: list[dict] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)
    indicators: dict[str, dict] = field(default_factory=dict)
    regions: dict[str, dict] = field(default_factory=dict)
    remaining: list[ReviewRow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    decided: list[tuple[ReviewRow, str, str]] = field(default_factory=list)  # (row, accept|reject|skip, fact_id)


def number_in_quote(row: ReviewRow, cat: catalog.Catalog, doc: str) -> str:
    """'' when the quote is in the page and the value is one of the page's numbers inside it, else the
    reason (the same tokeniser as the catalogue's checks and coverage)."""
    if not text.squeeze(row["quote"]):
        return "quote: required field is empty"
    numbers = cat.numbers_in(doc, row["quote"])
    if numbers is None:
        return f"quote: quote not found in {doc} (whitespace ignored): {row['quote'][:40]}"
    if text.squeeze(row["value"]) not in numbers:
        return f"value: {row['value']!r} is not a number in the quote"
    return ""


def check_indicator(row: ReviewRow, plan: Plan, indicators: dict, units: dict) -> str:
    """Known indicator, or a complete new one added to the plan; '' or the reason."""
    code = row["indicator"]
    if not code:
        return "indicator: required field is empty"
    if code in indicators or code in plan.indicators:
        return ""
    if row["is_new_indicator"].lower() != "true":
        return (f"indicator: unknown indicator {code!r} (set is_new_indicator to true and give indicator_zh, "
                "indicator_en and theme to add it)")
    if not catalog.CODE.match(code):
        return f"indicator: {code!r} is not a lowercase ascii code"
    for col, label in (("indicator_zh", "name_zh"), ("indicator_en", "name_en"), ("theme", "theme")):
        if not row[col]:
            return f"{col}: new indicator {code!r} lacks {label} (column {col})"
    if row["theme"] not in catalog.THEMES:
        return f"theme: {row['theme']!r} not one of {sorted(catalog.THEMES)}"
    bases = sorted({b for (u, b) in units if u == row["unit"]})
    base = row["base_unit"] if row["base_unit"] in bases else (bases[0] if len(bases) == 1 else "")
    if not base:
        return f"unit: unknown unit {row['unit']!r}: not in data/units.csv"
    if row["higher_is_better"].lower() not in catalog.BOOLEANS:
        return "higher_is_better: must be true, false or empty"
    plan.indicators[code] = {
        "code": code, "name_zh": row["indicator_zh"], "name_en": row["indicator_en"], "theme": row["theme"],
        "unit": row["unit"], "base_unit": base, "description_zh": row["description_zh"] or row["indicator_zh"],
        "description_en": row["description_en"] or row["indicator_en"],
        "higher_is_better": row["higher_is_better"].lower(), "formula": ""}
    return ""


def check_fact(row: ReviewRow, plan: Plan, cat: catalog.Catalog, doc: str, subject: str) -> list[str]:
    """Reasons (field: why) an accepted row cannot become a fact. An unknown region or indicator that the
    row can add goes into the plan first; the rest are the catalogue's own row rules
    (:func:`etl.core.catalog.fact_problems`), so accept and the build never disagree about a row."""
    regions = {r["code"]: r.values for r in cat.regions} | plan.regions
    indicators = {r["code"]: r.values for r in cat.indicators} | plan.indicators
    units = {(u["unit"], u["base_unit"]) for u in cat.units}
    reasons: dict[str, str] = {}
    unresolved: set[str] = set()  # region/indicator that could not be added: said once, with why
    code = row["region"]
    if code and code not in regions:
        if not row["region_zh"]:
            reasons["region"] = f"unknown region {code!r} and no region_zh to add it from Hunan's division list"
            unresolved.add("region")
        else:
            region, why = new_region(row, code, regions, subject)
            if region:
                plan.regions[code] = region
            else:
                reasons["region"] = why
                unresolved.add("region")
    if row["indicator"]:
        reason = check_indicator(row, plan, indicators, units)
        if reason:
            field, _, why = reason.partition(": ")
            reasons.setdefault(field, why)
            unresolved.add("indicator")
    values = {k: row[k] for k in catalog.COLUMNS["facts"]} | {"doc": doc}
    for field, why in catalog.fact_problems(values, cat, regions | plan.regions, indicators | plan.indicators):
        if field not in unresolved:
            reasons.setdefault(field, why)
    return [f"{field}: {why}" for field, why in reasons.items()]


def next_fact_number(cat: catalog.Catalog, doc: str) -> int:
    numbers = [int(m.group(2)) for f in cat.facts if (m := catalog.FACT_ID.match(f["fact_id"])) and m.group(1) == doc]
    return max(numbers, default=0) + 1


def make_plan(doc: str, rows: list[ReviewRow], cat: catalog.Catalog, rel: str) -> Plan:
    """Check every row and sort it into facts, skipped rows and rows that stay."""
    plan = Plan()
    subject = next(s["subject_region"] for s in cat.sources if s["doc"] == doc)
    number = next_fact_number(cat, doc)
    for row in rows:
        decision = DECISIONS.get(row["decision"].lower())
        if decision is None:
            plan.problems.append(f"{rel}:{row.line}: decision: {row['decision']!r} is not accept, reject or empty")
            continue
        if decision == "" and not row["hold_back"]:
            plan.remaining.append(row)
            continue
        if decision == "accept":
            reasons = check_fact(row, plan, cat, doc, subject)
        else:
            reasons = [r for r in [number_in_quote(row, cat, doc)] if r]
        plan.problems += [f"{rel}:{row.line}: {r}" for r in reasons]
        if reasons:
            continue
        if decision == "accept":
            note = "; ".join(filter(None, [row["notes"], f"review {row['candidate_id']}".strip()]))
            plan.facts.append({"fact_id": f"{doc}-{number:03d}", "doc": doc, "region": row["region"],
                               "indicator": row["indicator"], "period": row["period"], "value": row["value"],
                               "unit": row["unit"], "qualifier": ";".join(t.strip() for t in row["qualifier"].split(";") if t.strip()),
                               "out_of": row["out_of"], "quote": row["quote"], "note": note})
            plan.decided.append((row, "accept", plan.facts[-1]["fact_id"]))
            number += 1
        else:
            plan.decided.append((row, decision or "skip", ""))
            reason = REJECTED if decision == "reject" else row["hold_back"]
            if decision == "reject" and row["hold_back"]:
                reason = f"{REJECTED} (held back: {row['hold_back']})"
            plan.skipped.append({"doc": doc, "number": text.squeeze(row["value"]), "context": row["quote"],
                                 "reason": reason})
    return plan


# --- Writing --------------------------------------------------------------------------------------------

def append_rows(path: Path, kind: str, rows: list[dict]) -> None:
    """Append rows to a catalogue CSV (created with its header when missing), existing bytes kept."""
    columns = catalog.COLUMNS[kind]
    old = path.read_text(encoding="utf-8") if path.exists() else files.csv_text([columns])
    if old and not old.endswith("\n"):
        old += "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(old + files.csv_text([[r[c] for c in columns] for r in rows]), encoding="utf-8")


def set_status(register: Path, doc: str, status: str) -> None:
    with register.open(encoding="utf-8", newline="") as f:
        records = list(csv.reader(f))
    col = records[0].index("status")
    for rec in records[1:]:
        if rec and rec[0] == doc:
            rec[col] = status
    register.write_text(files.csv_text(records), encoding="utf-8")


def write_plan(data: Path, doc: str, plan: Plan, header: list[str]) -> list[str]:
    """Write the plan into the catalogue at ``data``; returns the changed paths relative to it."""
    changed = [f"review/{doc}.csv"]
    if plan.facts:
        append_rows(data / "facts" / f"{doc}.csv", "facts", plan.facts)
        changed.append(f"facts/{doc}.csv")
    if plan.skipped:
        append_rows(data / "skipped" / f"{doc}.csv", "skipped", plan.skipped)
        changed.append(f"skipped/{doc}.csv")
    if plan.indicators:
        append_rows(data / "indicators.csv", "indicators", list(plan.indicators.values()))
        changed.append("indicators.csv")
    if plan.regions:
        append_rows(data / "regions.csv", "regions", list(plan.regions.values()))
        changed.append("regions.csv")
    review = [header] + [[r.values.get(c, "") for c in header] for r in plan.remaining]
    (data / "review" / f"{doc}.csv").write_text(files.csv_text(review), encoding="utf-8")
    return changed


def conflicts_of(cat: catalog.Catalog) -> list[str]:
    """Unresolved conflicts the build would refuse (a person adds a data/conflict_resolutions.csv row)."""
    _, problems = conflicts.resolve_groups(conflicts.facts_table(cat), cat.conflict_resolutions)
    return [p.reason for p in problems]


def accept(doc: str, data_dir: Path = catalog.DATA, *, who: str | None = None,
           proposed: dict[str, dict[str, str]] | None = None) -> Result:
    """Check the review file of ``doc``, then write the catalogue changes and their audit rows; raise
    AcceptError, nothing written. ``who``: the reviewer (:func:`etl.core.audit.reviewer`); ``proposed``:
    the candidates as propose would write them now, by id, for the audit when none are kept. Holds the
    catalogue's lock (raises :class:`etl.core.lock.LockBusy` when it cannot get it)."""
    with lock.held(data_dir, f"accept {doc}", who=audit.reviewer(who)):
        return _accept(doc, Path(data_dir), audit.reviewer(who), proposed)


def _accept(doc: str, data_dir: Path, who: str, proposed: dict[str, dict[str, str]] | None) -> Result:
    rel = f"data/review/{doc}.csv"
    cat = catalog.load(data_dir)
    if doc not in {s["doc"] for s in cat.sources}:
        raise AcceptError([f"data/raw/sources.csv: no document {doc!r} is registered"])
    if doc not in cat.pages:
        raise AcceptError([str(p) for p in cat.problems])
    path = review_path(data_dir, doc)
    if not path.exists():
        raise AcceptError([f"{rel}: no such review file (write it with: python -m etl propose {doc})"])
    try:
        header, rows = read_review(path, rel)
    except ReviewFileError as exc:
        raise AcceptError(exc.problems) from exc
    plan = make_plan(doc, rows, cat, rel)
    if plan.problems:
        raise AcceptError(plan.problems)
    with tempfile.TemporaryDirectory(prefix="accept-") as tmp:
        trial = Path(tmp) / "data"
        shutil.copytree(data_dir, trial, ignore=shutil.ignore_patterns("*.duckdb", "*.wal", ".build-*"))
        changed = write_plan(trial, doc, plan, header)
        result = Result(doc, len(plan.facts), len(plan.skipped), len(plan.remaining),
                        list(plan.indicators), list(plan.regions))
        status = "reviewed" if not plan.remaining else "pending"
        trial_cat = catalog.load(trial)
        if status == "reviewed" and not any(f["doc"] == doc for f in trial_cat.facts):
            status = "pending"  # as checks/sources_complete.sql: a reviewed page has at least one fact
            result.warnings.append(f"no fact of {doc} is accepted, so the page stays pending: accept its figures "
                                   "(or correct the rows that were rejected for a wrong proposal)")
        if status == "reviewed":
            uncovered = coverage.measure(trial_cat, [doc]).uncovered
            if uncovered:
                status = "pending"
                result.warnings.append(f"{len(uncovered)} number(s) of {doc} are neither facts nor skipped, so the "
                                       "page stays pending: " + "; ".join(str(u) for u in uncovered[:5]))
        set_status(trial / "raw" / "sources.csv", doc, status)
        result.status = status
        new = catalog.load(trial)
        problems = catalog.validate(new)
        if problems:
            raise AcceptError([f"after accept: {p}" for p in problems])
        result.warnings += [f"{c}" for c in conflicts_of(new)]
        changes = {name: (trial / name).read_bytes() for name in changed + ["raw/sources.csv"]}
        before, snapshot = proposal_for(doc, data_dir, rows, proposed)
        if snapshot is not None:
            changes[proposed_path(Path(), doc).as_posix()] = snapshot
        changes[audit.FILE] = audit.appended(data_dir, audit.decisions(doc, plan.decided, before, who, audit.now()))
        lock.crash_point("accept-validated")
        # all the changed files at once, or none (etl.core.files.commit)
        with lock.crash_after_first_move("accept-moving", data_dir):
            files.commit(data_dir, changes)
    return result

"""The review file of a page, ``data/review/DOC.csv``: its columns, reading, writing and counting.

``propose`` writes it, a person (or the review page) fills in ``decision`` and edits fields, ``accept``
moves the decided rows into the catalogue. One row per number of the page; see :data:`REVIEW_COLUMNS`.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from etl.core import files
from etl.core.paths import DATA, review_path


class ReviewFileError(Exception):
    """Every problem found in a review file, each naming file, line, field and reason."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


REVIEW_COLUMNS = ["candidate_id", "decision", "region", "region_zh", "indicator", "indicator_zh",
                  "is_new_indicator", "period", "value", "unit", "qualifier", "out_of", "value_base", "base_unit",
                  "quote", "line", "confidence", "hold_back", "notes"]
# Optional columns a reviewer may add (any position after the contract's columns) for new indicators/regions.
OPTIONAL_COLUMNS = ["indicator_en", "theme", "description_zh", "description_en", "higher_is_better", "region_en"]
DECISIONS = {"": "", "accept": "accept", "accepted": "accept", "reject": "reject", "rejected": "reject"}

@dataclass
class ReviewRow:
    line: int
    values: dict[str, str]

    def __getitem__(self, key: str) -> str:
        return self.values.get(key, "").strip()


# --- Reading review files -----------------------------------------------------------------------------

def read_review(path: Path, rel: str) -> tuple[list[str], list[ReviewRow]]:
    """Header and rows (with their line numbers) of a review file; raises ReviewFileError when unreadable."""
    try:
        content = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReviewFileError([f"{rel}: not UTF-8 text ({exc.reason} at byte {exc.start})"]) from exc
    reader = csv.reader(io.StringIO(content, newline=""), strict=True)
    try:
        header = [h.strip() for h in next(reader, [])]
        missing = [c for c in REVIEW_COLUMNS if c not in header]
        if missing:
            raise ReviewFileError([f"{rel}:1: header lacks column(s) {', '.join(missing)}"])
        rows, problems = [], []
        for record in reader:
            if not any(cell.strip() for cell in record):
                continue
            if len(record) != len(header):
                problems.append(f"{rel}:{reader.line_num}: malformed line: {len(record)} fields, "
                                f"expected {len(header)}")
                continue
            rows.append(ReviewRow(reader.line_num, dict(zip(header, record))))
    except csv.Error as exc:
        raise ReviewFileError([f"{rel}:{reader.line_num}: malformed CSV: {exc}"]) from exc
    if problems:
        raise ReviewFileError(problems)
    return header, rows


def review_docs(data_dir: Path = DATA) -> list[str]:
    """The docs that have a review file, in order."""
    return sorted(p.stem for p in (Path(data_dir) / "review").glob("d[0-9][0-9][0-9].csv"))


def load_review(doc: str, data_dir: Path = DATA) -> list[dict[str, str]]:
    """The rows of ``data/review/DOC.csv`` as dicts of text, every column of its header kept (reading
    writes nothing; the review page calls :func:`keep_proposed` when it opens a file)."""
    header, rows = read_review(review_path(data_dir, doc), f"data/review/{doc}.csv")
    return [{c: r.values.get(c, "") for c in header} for r in rows]


def save_review(doc: str, rows: list[dict[str, str]], data_dir: Path = DATA) -> Path:
    """Write the (edited) rows back to ``data/review/DOC.csv`` atomically, contract columns first (the file
    as it was is kept as proposed first, when nothing is kept yet: :func:`keep_proposed`)."""
    header = REVIEW_COLUMNS + [c for c in (rows[0] if rows else {}) if c not in REVIEW_COLUMNS]
    path = review_path(data_dir, doc)
    keep_proposed(doc, data_dir)
    files.write_atomic(path, files.csv_text([header] + [["" if r.get(c) is None else str(r.get(c, "")) for c in header]
                                                        for r in rows]))
    return path


# --- The candidates as proposed (for the audit of edits) ----------------------------------------------------
# data/review/DOC.proposed.csv: the review file as it was before the first edit, kept when the review page
# first opens it (keep_proposed), on its first save_review, or by accept (in its commit), so that accept can
# record, per edited field, what propose wrote and what the reviewer made of it. A new proposal (propose run again: its rows' line or quote
# differ from the kept ones) replaces it.

# what only propose writes: a row whose line or quote differ from the kept one comes from a new proposal
PROPOSE_ONLY = ("line", "quote")


def proposed_path(data_dir: Path, doc: str) -> Path:
    return Path(data_dir) / "review" / f"{doc}.proposed.csv"


def load_proposed(doc: str, data_dir: Path = DATA) -> dict[str, dict[str, str]]:
    """The kept proposal of ``doc`` by candidate id; {} when none is kept (or it is unreadable)."""
    path = proposed_path(data_dir, doc)
    if not path.exists():
        return {}
    try:
        _, rows = read_review(path, path.name)
    except ReviewFileError:
        return {}
    return {r["candidate_id"]: dict(r.values) for r in rows}


def proposal_matches(proposed: dict[str, dict[str, str]], rows: list[ReviewRow]) -> bool:
    """True when every row of the review file is a kept candidate with the same line and quote."""
    return bool(proposed) and all(
        r["candidate_id"] in proposed
        and all(proposed[r["candidate_id"]].get(c, "").strip() == r[c] for c in PROPOSE_ONLY) for r in rows)


def keep_proposed(doc: str, data_dir: Path = DATA) -> bool:
    """Keep the review file as proposed when no matching proposal is kept yet; True when it wrote one."""
    path = review_path(data_dir, doc)
    if not path.exists():
        return False
    try:
        _, rows = read_review(path, path.name)
    except ReviewFileError:
        return False
    if not rows or proposal_matches(load_proposed(doc, data_dir), rows):
        return False
    files.write_atomic(proposed_path(data_dir, doc), path.read_bytes())
    return True


def proposal_for(doc: str, data_dir: Path, rows: list[ReviewRow],
                 proposed: dict[str, dict[str, str]] | None) -> tuple[dict[str, dict[str, str]], bytes | None]:
    """The candidates of ``rows`` as proposed, by id, and the bytes to keep as data/review/DOC.proposed.csv
    when no matching proposal is kept yet: ``proposed`` (what propose would write now) when it matches the
    review file, else the review file itself (its edits cannot be told then)."""
    kept = load_proposed(doc, data_dir)
    if not rows or proposal_matches(kept, rows):
        return kept, None
    if proposed and proposal_matches(proposed, rows):
        columns = REVIEW_COLUMNS + [c for c in next(iter(proposed.values())) if c not in REVIEW_COLUMNS]
        return proposed, files.csv_text([columns] + [[r.get(c, "") for c in columns]
                                                     for r in proposed.values()]).encode("utf-8")
    return {r["candidate_id"]: dict(r.values) for r in rows}, review_path(data_dir, doc).read_bytes()


def review_counts(data_dir: Path = DATA) -> dict[str, dict[str, int]]:
    """Per doc with a review file: candidates marked ``accepted`` / ``rejected`` but not yet moved by
    accept, ``held_back`` (undecided with a hold-back reason) and ``pending`` (undecided, waiting for a
    person). Unreadable files and unknown decision words count as pending."""
    counts: dict[str, dict[str, int]] = {}
    for path in sorted((Path(data_dir) / "review").glob("d[0-9][0-9][0-9].csv")):
        c = {"accepted": 0, "rejected": 0, "held_back": 0, "pending": 0}
        try:
            _, rows = read_review(path, path.name)
        except ReviewFileError:
            rows = []
            c["pending"] = 1
        for row in rows:
            decision = DECISIONS.get(row["decision"].lower())
            if decision == "accept":
                c["accepted"] += 1
            elif decision == "reject":
                c["rejected"] += 1
            elif decision == "" and row["hold_back"]:
                c["held_back"] += 1
            else:
                c["pending"] += 1
        counts[path.stem] = c
    return counts

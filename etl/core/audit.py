"""The review audit, ``data/audit.csv``: one line per decision a person made on a review row, appended by
``python -m etl accept`` inside the same all-or-nothing commit as the catalogue change, never rewritten.

Columns (:data:`COLUMNS`): ``at`` (when accept ran, ISO 8601 with offset), ``who`` (``--who``, else
``$LOUDI_REVIEWER``, else the OS user), ``doc``, ``candidate_id``, ``decision`` (``accept``, ``reject``,
``skip`` for an undecided held-back row that accept files as skipped, ``edit`` for a field the reviewer
changed), ``field``, ``before`` (as propose wrote it) and ``after`` (as accepted) for an edit, and the
``fact_id`` an accepted row became.
"""
from __future__ import annotations

import csv
import datetime as dt
import getpass
import io
import os
from pathlib import Path

from etl.core import files
from etl.core.review import PROPOSE_ONLY

FILE = "audit.csv"
COLUMNS = ["at", "who", "doc", "candidate_id", "decision", "field", "before", "after", "fact_id"]
REVIEWER_ENV = "LOUDI_REVIEWER"


def reviewer(name: str | None = None) -> str:
    """Who decides: ``name``, else ``$LOUDI_REVIEWER``, else the OS user."""
    for candidate in (name, os.environ.get(REVIEWER_ENV)):
        if candidate and candidate.strip():
            return candidate.strip()
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def path(data_dir: Path) -> Path:
    return Path(data_dir) / FILE


def appended(data_dir: Path, rows: list[dict[str, str]]) -> bytes:
    """The audit file's bytes with ``rows`` appended (created with its header when missing)."""
    target = path(data_dir)
    old = target.read_text(encoding="utf-8") if target.exists() else files.csv_text([COLUMNS])
    if old and not old.endswith("\n"):
        old += "\n"
    return (old + files.csv_text([[r.get(c, "") for c in COLUMNS] for r in rows])).encode("utf-8")


NOT_COMPARED = {"candidate_id", "decision"}


def decisions(doc: str, decided: list, proposed: dict[str, dict[str, str]], who: str, at: str) -> list[dict]:
    """Audit rows of ``decided`` ((review row, accept|reject|skip, fact_id) as accept sorted them): one per
    row, and for an accepted one a row per field that differs from the candidate as ``proposed`` (by id; a
    candidate whose line or quote changed is not compared: it is not the same one)."""
    out = []
    for row, decision, fact_id in decided:
        cid = row["candidate_id"]
        base = {"at": at, "who": who, "doc": doc, "candidate_id": cid}
        out.append(base | {"decision": decision, "fact_id": fact_id})
        before = proposed.get(cid)
        if decision != "accept" or before is None or any(before.get(c, "").strip() != row[c] for c in PROPOSE_ONLY):
            continue
        for column in row.values:
            if column not in NOT_COMPARED and before.get(column, "").strip() != row[column]:
                out.append(base | {"decision": "edit", "field": column, "before": before.get(column, "").strip(),
                                   "after": row[column], "fact_id": fact_id})
    return out


def read(data_dir: Path) -> list[dict[str, str]]:
    """Every audit row, oldest first; no file: no rows."""
    target = path(data_dir)
    if not target.exists():
        return []
    reader = csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"), newline=""))
    return [{c: r.get(c) or "" for c in COLUMNS} for r in reader]

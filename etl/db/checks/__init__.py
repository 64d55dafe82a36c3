"""Data checks as SQL: each ``*.sql`` file here is a query returning the offending rows (none = pass).

The build runs them against the freshly written database before publishing it; the test suite runs
the same queries against the published one.
"""
from __future__ import annotations

from pathlib import Path

import duckdb

CHECKS = Path(__file__).resolve().parent


def queries(checks_dir: Path = CHECKS) -> dict[str, str]:
    """Check name -> SQL, in file-name order."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(checks_dir.glob("*.sql"))}


def run(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


def run_all(con: duckdb.DuckDBPyConnection, checks_dir: Path = CHECKS) -> list[str]:
    """One message per failing check, naming it and showing up to five offending rows."""
    failures = []
    for name, sql in queries(checks_dir).items():
        rows = run(con, sql)
        if rows:
            shown = "\n    ".join(map(str, rows[:5]))
            failures.append(f"check {name}: {len(rows)} offending row(s)\n    {shown}")
    return failures

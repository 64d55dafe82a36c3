"""The dashboard's page configuration (``ui/config.toml``) checked against the catalogue at build time.

The dashboard takes what each page shows (headline indicators, compared years, regions, themes) from that
file; a code in it that the catalogue does not know would only show up as an empty chart, so the build
refuses it, naming the key. The file is read as data: the ETL imports nothing of the dashboard.
Key names carry the meaning (the file's own header states the format): ``indicator`` / ``*indicators``
hold indicator codes, ``region`` / ``*regions`` region codes, ``theme`` / ``*themes`` themes, ``*years``
integers.
"""
from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path

from etl.core import vocab
from etl.core.catalog import Catalog, Problem
from etl.core.paths import ROOT

PAGE_CONFIG = ROOT / "ui" / "config.toml"


def _entries(table: dict, prefix: str = "") -> Iterator[tuple[str, object]]:
    """(dotted key, value) for every leaf of the TOML document."""
    for key, value in table.items():
        if isinstance(value, dict):
            yield from _entries(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


def _kind(key: str) -> str:
    last = key.rsplit(".", 1)[-1]
    for kind in ("indicator", "region", "theme"):
        if last == kind or last.endswith(kind + "s"):
            return kind
    return "year" if last.endswith("years") else ""


def check(cat: Catalog, path: Path = PAGE_CONFIG) -> list[Problem]:
    """Every problem of the page configuration: unreadable TOML, unknown codes, years that are not years."""
    rel = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
    try:
        config = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return [Problem(rel, 0, "", "no such file: the dashboard needs its page configuration")]
    except tomllib.TOMLDecodeError as exc:
        return [Problem(rel, 0, "", f"not valid TOML: {exc}")]
    known = {"indicator": {r["code"] for r in cat.indicators}, "region": {r["code"] for r in cat.regions},
             "theme": vocab.THEMES}
    problems = []
    for key, value in _entries(config):
        kind = _kind(key)
        items = value if isinstance(value, list) else [value]
        if kind == "year":
            problems += [Problem(rel, 0, key, f"{y!r} is not a year") for y in items
                         if not isinstance(y, int) or not 1949 <= y <= 2100]
        elif kind:
            problems += [Problem(rel, 0, key, f"unknown {kind} {code!r}") for code in items if code not in known[kind]]
    return problems

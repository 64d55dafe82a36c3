"""Grading ``propose`` against hand-checked gold facts of pages no rule was written for (a corpus such as
``tests/corpus/dev/``: ``register.csv``, ``gold.csv`` and the pages ``NN.txt``).

A gold fact is located by position: the value token (:func:`etl.core.text.numbers_of`) inside the first
occurrence of its context in the squeezed page (the n-th gold fact with the same context and value takes
the n-th such token). Matching is one-to-one and by position: a candidate matches the gold fact whose value
token it stands on, and no other. A candidate that is held back counts as not proposed.

Per page: gold facts, candidates proposed, value recall (gold facts whose token got a proposed candidate),
full recall (value, unit, region and period start and end all right), precision (proposed candidates that
match a gold fact) and counts by error class: wrong region, wrong period, wrong unit (among the facts whose
value was found; one fact may have several), false candidate (proposed, no gold fact) and missed (the gold
value held back or absent).
"""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from etl.core import text

REGISTER_COLUMNS = ["file", "address", "publisher", "title", "kind", "script", "has_table", "region",
                    "date_published", "date_accessed", "notes"]
GOLD_COLUMNS = ["file", "region", "indicator_zh", "period_start", "period_end", "value", "unit", "qualifier",
                "context"]
ERROR_CLASSES = ("wrong_region", "wrong_period", "wrong_unit", "false_candidate", "missed")


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def load_corpus(folder: Path) -> tuple[list[dict[str, str]], dict[str, list[dict[str, str]]], dict[str, str]]:
    """(register rows, gold facts by file, raw text by file) of a corpus folder."""
    register = read_csv(folder / "register.csv")
    gold: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in read_csv(folder / "gold.csv"):
        gold[row["file"]].append(row)
    pages = {r["file"]: (folder / r["file"]).read_text(encoding="utf-8") for r in register}
    return register, dict(gold), pages


# --- Locating gold facts ---------------------------------------------------------------------------------

def bare(value: str) -> str:
    """The token a printed value stands on: -0.8 is the token 0.8 after a minus sign."""
    v = text.squeeze(value)
    return v[1:] if v[:1] in "-－−" else v


def locate(raw: str, facts: list[dict[str, str]]) -> list[int | None]:
    """Squeezed start offset of each fact's value token, None when its context or value is not found."""
    page, tokens = text.squeeze(raw), text.numbers_of(raw)
    used: dict[tuple[str, str], int] = defaultdict(int)
    out: list[int | None] = []
    for f in facts:
        ctx, value = text.squeeze(f["context"]), bare(f["value"])
        nth = used[(ctx, value)]
        used[(ctx, value)] += 1
        start = page.find(ctx) if ctx else -1
        hits = [t.start for t in tokens if start != -1 and start <= t.start and t.end <= start + len(ctx)
                and t.text == value]
        out.append(hits[nth] if nth < len(hits) else None)
    return out


LIST_GAP = re.compile(r"(?:[个個]?[、和与及與][0-9０-９.．]+)*")  # 1.74個、3.22個、4.0個百分點 / 0.3、4.5、3个百分点
HEADING_MARKS = ("单位:", "单位：", "單位:", "單位：", "(", "（", "±")


def unit_printed(raw: str, start: int, value: str, unit: str) -> bool:
    """The unit is printed right after the value (or after the rest of its list: 0.3、4.5、3个百分点), or in a
    table heading before it (单位:万元, (%), 同比±%)."""
    if not unit:
        return True
    page, u = text.squeeze(raw), text.squeeze(unit)
    end = start + len(bare(value))
    gap = LIST_GAP.match(page, end)
    if page.startswith(u, end) or page.startswith(u, gap.end()):
        return True
    if u == "位" and page[start - 1: start] == "第":  # 全市第二: a rank printed without a measure word (the
        return True  # catalogue's convention supplies 位)
    return any(mark + u in page[:start] for mark in HEADING_MARKS)


# --- Grading ---------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def norm_unit(unit: str) -> str:
    """Units compared across scripts and widths: 億元 = 亿元, ％ = %."""
    u = text.squeeze(unit).replace("％", "%").replace("‰", "‰")
    return _t2s().convert(u)


def period_bounds(period: str) -> tuple[str, str]:
    """A catalogue period (YYYY[-MM[-DD]][..YYYY[-MM[-DD]]]) as (start, end)."""
    start, _, end = period.partition("..")
    return start, end or start


def period_ok(candidate: str, start: str, end: str) -> bool:
    """The candidate's period has the gold start and end, read at the gold's precision: a date inside the gold
    year is that year (2015-02-04 for 2015), a bare year is not a month (2017 for 2017-11)."""
    c_start, c_end = period_bounds(candidate)
    return c_start[: len(start)] == start and c_end[: len(end)] == end and len(c_start) >= len(start) \
        and len(c_end) >= len(end)


@dataclass
class Grade:
    """The figures of one page (or of several, added up)."""

    gold: int = 0
    proposed: int = 0
    matched: int = 0  # proposed candidates standing on a gold fact's value token
    value: int = 0  # gold facts whose value token got a proposed candidate
    full: int = 0  # … with unit, region and period all right
    wrong_region: int = 0
    wrong_period: int = 0
    wrong_unit: int = 0
    false_candidate: int = 0
    missed: int = 0
    unlocated: int = 0  # gold facts whose value token was not found in the page (a broken gold row)
    errors: list[dict[str, str]] = field(default_factory=list)  # one row per error, for a closer look

    def add(self, other: Grade) -> None:
        for k, v in vars(other).items():
            setattr(self, k, getattr(self, k) + v)

    def figures(self) -> dict[str, str | int]:
        """The grade as one CSV row (shares as 0.000)."""
        def share(n: int, d: int) -> str:
            return f"{n / d:.3f}" if d else ""
        return {"gold": self.gold, "proposed": self.proposed, "value_recall": share(self.value, self.gold),
                "full_recall": share(self.full, self.gold), "precision": share(self.matched, self.proposed),
                **{k: getattr(self, k) for k in ERROR_CLASSES}}


def region_ok(candidate: dict[str, str], gold_region: str) -> bool:
    return gold_region in (candidate.get("region", ""), candidate.get("region_zh", ""))


def grade(gold: list[dict[str, str]], positions: list[int | None], candidates: list[tuple[int, dict[str, str]]],
          page: str = "") -> Grade:
    """Grade candidates ``(start, review row)`` against gold facts located at ``positions`` (see
    :func:`locate`): one-to-one by position, unit-aware."""
    g = Grade(gold=len(gold))
    proposed = {start: row for start, row in candidates if not row.get("hold_back")}
    g.proposed = len(proposed)
    taken: set[int] = set()
    for fact, pos in zip(gold, positions):
        where = {"page": page, "value": fact["value"], "context": fact["context"]}
        if pos is None:
            g.unlocated += 1
        row = proposed.get(pos) if pos is not None and pos not in taken else None
        if row is None:
            g.missed += 1
            held = next((r for s, r in candidates if s == pos and r.get("hold_back")), None)
            g.errors.append({**where, "error": "missed", "proposed": held["hold_back"] if held else "no candidate",
                             "gold": fact["indicator_zh"]})
            continue
        taken.add(pos)
        g.value += 1
        checks = {
            "wrong_unit": (norm_unit(row.get("unit", "")) == norm_unit(fact["unit"]), row.get("unit", ""), fact["unit"]),
            "wrong_region": (region_ok(row, fact["region"]), f"{row.get('region', '')} {row.get('region_zh', '')}".strip(),
                             fact["region"]),
            "wrong_period": (period_ok(row.get("period", ""), fact["period_start"], fact["period_end"]),
                             row.get("period", ""), fact["period_start"] if fact["period_start"] == fact["period_end"]
                             else f"{fact['period_start']}..{fact['period_end']}"),
        }
        for cls, (ok, said, truth) in checks.items():
            if not ok:
                setattr(g, cls, getattr(g, cls) + 1)
                g.errors.append({**where, "error": cls, "proposed": said, "gold": truth})
        g.full += all(ok for ok, _, _ in checks.values())
    g.matched = len(taken)
    for start, row in proposed.items():
        if start not in taken:
            g.false_candidate += 1
            g.errors.append({"page": page, "value": row.get("value", ""), "context": row.get("quote", ""),
                             "error": "false_candidate", "proposed": f"{row.get('indicator_zh', '')} {row.get('unit', '')}".strip(),
                             "gold": ""})
    return g

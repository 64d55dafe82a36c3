"""Coverage: is every number in the raw pages either a fact or knowingly skipped?

A number token (see :mod:`etl.text`) at some offset of a page is *covered by a fact* of that page when
the fact's quote occurs in the page around it and the token is the fact's value, one of the numbers of
its period (year, month, day) or its ``out_of`` (rank among N). It is *covered by a skip* when a row of
``data/skipped/`` for that page names the token and its context occurs in the page around it.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from etl.core import text
from etl.core.catalog import Catalog


@dataclass(frozen=True)
class Uncovered:
    doc: str
    file: str
    line: int
    number: str
    context: str

    def __str__(self) -> str:
        return f"data/raw/{self.file}:{self.line}: {self.number!r} in …{self.context}…"


@dataclass
class Report:
    per_doc: dict[str, dict[str, int]]  # doc -> {"numbers", "in_facts", "skipped", "uncovered"}
    uncovered: list[Uncovered]

    @property
    def total(self) -> dict[str, int]:
        keys = ("numbers", "in_facts", "skipped", "uncovered")
        return {k: sum(d[k] for d in self.per_doc.values()) for k in keys}


def period_numbers(period: str) -> set[str]:
    """'2022-01..2023-01' -> {'2022', '2023', '1'}: the numbers a period is written with."""
    parts: set[str] = set()
    for end in period.split(".."):
        for piece in end.split("-"):
            parts.add(piece)
            parts.add(str(int(piece)))
    return parts


def covered(tokens: list[text.Token], spans: list[tuple[int, int, set[str]]]) -> set[int]:
    """Indexes of the tokens lying inside a span (start, end, accepted texts) whose texts accept them.

    Each span looks only at the tokens inside it (a binary search on the tokens' starts), so a page with
    many facts costs the sum of its quotes' tokens, not tokens × facts."""
    starts = [t.start for t in tokens]
    found: set[int] = set()
    for s, e, accepted in spans:
        i = bisect.bisect_left(starts, s)
        while i < len(tokens) and tokens[i].start < e:
            if tokens[i].end <= e and tokens[i].text in accepted:
                found.add(i)
            i += 1
    return found


def measure(cat: Catalog, docs: list[str] | None = None) -> Report:
    """Scan each page and classify each number token."""
    per_doc: dict[str, dict[str, int]] = {}
    uncovered: list[Uncovered] = []
    files = {s["doc"]: s["file"] for s in cat.sources}
    facts_of: dict[str, list] = {}
    for f in cat.facts:
        if f["quote"]:
            facts_of.setdefault(f["doc"], []).append(f)
    skips_of: dict[str, list] = {}
    for k in cat.skipped:
        if k["context"]:
            skips_of.setdefault(k["doc"], []).append(k)
    for doc, raw in sorted(cat.pages.items()):
        if docs and doc not in docs:
            continue
        page = cat.squeezed(doc)
        # (start, end, accepted token texts) for each fact and skip row of this page
        fact_spans: list[tuple[int, int, set[str]]] = []
        for f in facts_of.get(doc, []):
            accepted = {text.squeeze(f["value"]), f["out_of"]}
            try:
                accepted |= period_numbers(f["period"])
            except ValueError:
                pass
            length = len(text.squeeze(f["quote"]))
            fact_spans += [(s, s + length, accepted) for s in cat.occurrences(doc, f["quote"])]
        skip_spans: list[tuple[int, int, set[str]]] = []
        for k in skips_of.get(doc, []):
            length = len(text.squeeze(k["context"]))
            skip_spans += [(s, s + length, {k["number"]}) for s in cat.occurrences(doc, k["context"])]
        tokens = cat.numbers(doc)
        in_facts, skipped = covered(tokens, fact_spans), covered(tokens, skip_spans)
        counts = {"numbers": len(tokens), "in_facts": 0, "skipped": 0, "uncovered": 0}
        for i, tok in enumerate(tokens):
            if i in in_facts:
                counts["in_facts"] += 1
            elif i in skipped:
                counts["skipped"] += 1
            else:
                counts["uncovered"] += 1
                context = page[max(0, tok.start - 12): tok.end + 12]
                uncovered.append(Uncovered(doc, files.get(doc, doc), text.line_of(raw, tok.start), tok.text, context))
        per_doc[doc] = counts
    return Report(per_doc, uncovered)

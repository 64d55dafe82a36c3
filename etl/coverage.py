"""Coverage: is every number in the raw pages either a fact or knowingly skipped?

A number token (see :mod:`etl.text`) at some offset of a page is *covered by a fact* of that page when
the fact's quote occurs in the page around it and the token is the fact's value, one of the numbers of
its period (year, month, day) or its ``out_of`` (rank among N). It is *covered by a skip* when a row of
``data/skipped/`` for that page names the token and its context occurs in the page around it.
"""
from __future__ import annotations

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


def _spans(squeezed_page: str, snippet: str) -> list[tuple[int, int]]:
    return [(s, s + len(snippet)) for s in text.find_all(squeezed_page, snippet)]


def measure(cat: Catalog, docs: list[str] | None = None) -> Report:
    """Scan each page and classify each number token."""
    per_doc: dict[str, dict[str, int]] = {}
    uncovered: list[Uncovered] = []
    files = {s["doc"]: s["file"] for s in cat.sources}
    for doc, raw in sorted(cat.pages.items()):
        if docs and doc not in docs:
            continue
        page = text.squeeze(raw)
        # (start, end, accepted token texts) for each fact and skip row of this page
        fact_spans: list[tuple[int, int, set[str]]] = []
        for f in cat.facts:
            if f["doc"] != doc or not f["quote"]:
                continue
            accepted = {text.squeeze(f["value"]), f["out_of"]}
            try:
                accepted |= period_numbers(f["period"])
            except ValueError:
                pass
            for s, e in _spans(page, text.squeeze(f["quote"])):
                fact_spans.append((s, e, accepted))
        skip_spans: list[tuple[int, int, set[str]]] = []
        for k in cat.skipped:
            if k["doc"] == doc and k["context"]:
                for s, e in _spans(page, text.squeeze(k["context"])):
                    skip_spans.append((s, e, {k["number"]}))
        counts = {"numbers": 0, "in_facts": 0, "skipped": 0, "uncovered": 0}
        for tok in cat.numbers(doc):
            counts["numbers"] += 1
            if any(s <= tok.start and tok.end <= e and tok.text in acc for s, e, acc in fact_spans):
                counts["in_facts"] += 1
            elif any(s <= tok.start and tok.end <= e and tok.text in acc for s, e, acc in skip_spans):
                counts["skipped"] += 1
            else:
                counts["uncovered"] += 1
                context = page[max(0, tok.start - 12): tok.end + 12]
                uncovered.append(Uncovered(doc, files.get(doc, doc), text.line_of(raw, tok.start), tok.text, context))
        per_doc[doc] = counts
    return Report(per_doc, uncovered)

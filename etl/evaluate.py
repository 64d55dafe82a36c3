"""Leave-one-page-out evaluation of ``propose``: precision and recall per page and overall.

For each reviewed page, the extractor gets knowledge (indicators, synonyms) built from the other pages only;
indicators only the held-out page uses are removed. A fact is matched to the candidate at its value token's
position in the page (the value inside the quote's location); held-back candidates count as not proposed.

Levels: (a) value, (b) value and unit, (c) value with region, indicator and period all right. An indicator
unseen in training counts as right when the candidate proposes a new indicator (lenient); the strict variant
also needs the suggested name to equal the catalogue name (normalised), and the mean character overlap of
suggested and true names is reported. Precision: share of proposed candidates that are facts; every other
number token of the page (skipped rows, period and out_of numbers) is a negative.

``--corpus DIR`` grades propose instead on a corpus of pages no rule was written for, against hand-checked
gold facts (:mod:`etl.grading`), with the knowledge of the whole catalogue.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from etl import grading
from etl.core import catalog, files, text
from etl.extract.candidate import propose
from etl.extract.knowledge import Knowledge
from etl.extract.page import Page
from etl.propose import page_of


@dataclass
class Score:
    facts: int = 0
    proposed: int = 0
    proposed_true: int = 0
    value: int = 0
    value_unit: int = 0
    all_fields: int = 0
    all_strict: int = 0
    region: int = 0
    indicator: int = 0
    period: int = 0
    unseen: int = 0
    overlap: list[float] = field(default_factory=list)

    def add(self, other: "Score") -> None:
        for k, v in vars(other).items():
            setattr(self, k, getattr(self, k) + v)


def fact_positions(cat: catalog.Catalog, doc: str, facts: list[catalog.Row]) -> dict[str, set[int]]:
    """fact_id -> squeezed start offsets of its value token (every place its quote occurs), found with the
    page's own tokens (the one tokeniser)."""
    page, tokens = cat.squeezed(doc), cat.numbers(doc)
    out: dict[str, set[int]] = {}
    used: dict[tuple[str, str], int] = defaultdict(int)
    for f in sorted(facts, key=lambda r: r["fact_id"]):
        quote, value = text.squeeze(f["quote"]), text.squeeze(f["value"])
        nth = used[(quote, value)]
        used[(quote, value)] += 1
        positions = set()
        for start in text.find_all(page, quote):
            hits = [t.start for t in tokens if start <= t.start and t.end <= start + len(quote) and t.text == value]
            if hits:
                positions.add(hits[nth] if nth < len(hits) else hits[-1])
        out[f["fact_id"]] = positions
    return out


def norm_name(s: str) -> str:
    return re.sub(r"[\s（）()“”\"、，,·]", "", s)


def overlap(a: str, b: str) -> float:
    """Share of characters in common (multiset Dice)."""
    from collections import Counter
    A, B = Counter(norm_name(a)), Counter(norm_name(b))
    total = sum(A.values()) + sum(B.values())
    return 2 * sum((A & B).values()) / total if total else 0.0


def evaluate_page(cat: catalog.Catalog, doc: str) -> Score:
    """Propose on one page with its facts hidden and score against them."""
    k = Knowledge.from_catalog(cat, hide_docs=(doc,))
    candidates = propose(page_of(cat, doc), k)
    by_start = {c.start: c.values for c in candidates}
    facts = [f for f in cat.facts if f["doc"] == doc]
    names = {i["code"]: i["name_zh"] for i in cat.indicators}
    positions = fact_positions(cat, doc, facts)
    fact_starts = set().union(*positions.values()) if positions else set()
    sc = Score(facts=len(facts))
    for c in candidates:
        if not c.values["hold_back"]:
            sc.proposed += 1
            sc.proposed_true += c.start in fact_starts
    for f in facts:
        hits = [by_start[p] for p in sorted(positions[f["fact_id"]]) if p in by_start and not by_start[p]["hold_back"]]
        if not hits:
            continue
        row = hits[0]
        sc.value += 1
        unit_ok = row["unit"] == f["unit"]
        sc.value_unit += unit_ok
        unseen = f["indicator"] not in k.indicators
        sc.unseen += unseen
        if unseen:
            ind_ok = row["is_new_indicator"] == "true"
            strict_ok = ind_ok and norm_name(row["indicator_zh"]) == norm_name(names.get(f["indicator"], ""))
            if ind_ok:
                sc.overlap.append(overlap(row["indicator_zh"], names.get(f["indicator"], "")))
        else:
            ind_ok = strict_ok = row["indicator"] == f["indicator"]
        reg_ok = row["region"] == f["region"]
        per_ok = row["period"] == f["period"]
        sc.region += reg_ok
        sc.indicator += ind_ok
        sc.period += per_ok
        sc.all_fields += reg_ok and ind_ok and per_ok
        sc.all_strict += reg_ok and strict_ok and per_ok
    return sc


def _r(n: int, d: int) -> str:
    return f"{n / d:.3f}" if d else "  -  "


def table(scores: dict[str, Score]) -> str:
    """The figures as a plain-text table."""
    head = (f"{'page':6} {'facts':>5} {'prop':>5} {'P':>6} {'R val':>6} {'R v+u':>6} {'R all':>6} {'R strict':>8}"
            f" {'region':>6} {'indic':>6} {'period':>6} {'unseen':>6} {'name~':>6}")
    lines = [head, "-" * len(head)]
    for doc, s in scores.items():
        ov = sum(s.overlap) / len(s.overlap) if s.overlap else 0.0
        lines.append(f"{doc:6} {s.facts:>5} {s.proposed:>5} {_r(s.proposed_true, s.proposed):>6} {_r(s.value, s.facts):>6}"
                     f" {_r(s.value_unit, s.facts):>6} {_r(s.all_fields, s.facts):>6} {_r(s.all_strict, s.facts):>8}"
                     f" {_r(s.region, s.value):>6} {_r(s.indicator, s.value):>6} {_r(s.period, s.value):>6}"
                     f" {s.unseen:>6} {ov:>6.2f}")
    return "\n".join(lines)


LEGEND = """P = precision (proposed, not held back, that are facts); R val / R v+u / R all = recall of facts with the
value / value and unit / value, region, indicator and period right (an unseen indicator is right when proposed
as new); R strict = as R all but a new indicator's suggested name must equal the catalogue name; region / indic /
period = share right among the facts found; unseen = facts whose indicator the extractor could not know;
name~ = mean character overlap of suggested and true names for those. Targets: R val >= 0.95, R all >= 0.85,
P >= 0.8."""


def run(data_dir=catalog.DATA) -> str:
    """Evaluate every reviewed page and return the table."""
    cat = catalog.load(data_dir)
    docs = sorted({f["doc"] for f in cat.facts})
    scores = {doc: evaluate_page(cat, doc) for doc in docs}
    total = Score()
    for s in scores.values():
        total.add(s)
    scores["all"] = total
    return table(scores) + "\n\n" + LEGEND


# --- A corpus of pages no rule was written for (tests/corpus/dev/): see etl.grading ----------------------

def corpus_subject(raw: str, region: str, k: Knowledge, codes: set[str]) -> str:
    """The subject region of a corpus page: its register's region when that is a catalogue code, else the
    city or county-level division named most often in the page (traditional script converted), the first
    named of equals; '' when it names none."""
    if region in codes:
        return region
    import opencc

    from etl.extract.regions import region_pattern

    pattern, table = region_pattern(k.regions)
    s = opencc.OpenCC("t2s").convert(text.squeeze(raw))
    named = [table[m.group()] for m in pattern.finditer(s) if m.group() in table]
    named = [r for r in named if r.level in ("city", "county")]
    if not named:
        return ""
    counts = Counter(r.code for r in named)
    best = max(counts.values())
    return next(r.code for r in named if counts[r.code] == best)


def evaluate_corpus(folder: Path, data_dir=catalog.DATA) -> dict[str, grading.Grade]:
    """Propose on every page of a corpus register with the whole catalogue's knowledge; grade each page."""
    register, gold, pages = grading.load_corpus(Path(folder))
    cat = catalog.load(data_dir)
    k = Knowledge.from_catalog(cat)
    codes = {r["code"] for r in cat.regions}
    out: dict[str, grading.Grade] = {}
    for reg in register:
        raw, facts = pages[reg["file"]], gold.get(reg["file"], [])
        page = Page(reg["file"].removesuffix(".txt"), raw, reg["date_published"],
                    corpus_subject(raw, reg["region"], k, codes))
        candidates = [(c.start, c.values) for c in propose(page, k)]
        out[reg["file"]] = grading.grade(facts, grading.locate(raw, facts), candidates, page=reg["file"])
    return out


CORPUS_COLUMNS = ["page", "gold", "proposed", "value_recall", "full_recall", "precision", *grading.ERROR_CLASSES]
CORPUS_LEGEND = """R val = value recall (gold facts whose value token got a candidate not held back); R full = value, unit,
region and period start and end all right; P = precision (candidates not held back that stand on a gold
fact's value token; one-to-one). Errors: region / period / unit wrong among the values found, false =
candidates not held back on no gold fact, missed = gold values held back or without a candidate."""


def corpus_rows(grades: dict[str, grading.Grade]) -> list[dict[str, str | int]]:
    """One row per page and the overall row ('all')."""
    total = grading.Grade()
    rows = []
    for page, g in grades.items():
        total.add(g)
        rows.append({"page": page, **g.figures()})
    return rows + [{"page": "all", **total.figures()}]


def corpus_table(rows: list[dict[str, str | int]]) -> str:
    heads = ["page", "gold", "prop", "R val", "R full", "P", "region", "period", "unit", "false", "missed"]
    lines = [" ".join(f"{h:>7}" for h in heads)]
    lines.append("-" * len(lines[0]))
    for r in rows:
        lines.append(" ".join(f"{str(r[c]) if r[c] != '' else '-':>7}" for c in CORPUS_COLUMNS))
    return "\n".join(lines)


def run_corpus(folder: Path, data_dir=catalog.DATA, out: Path | None = None, errors: Path | None = None) -> str:
    """python -m etl evaluate --corpus DIR [--out FILE] [--errors FILE]: the table; the figures (and one row
    per error) as CSV when asked."""
    grades = evaluate_corpus(folder, data_dir)
    rows = corpus_rows(grades)
    if out is not None:
        files.write_atomic(Path(out), files.csv_text([CORPUS_COLUMNS] + [[r[c] for c in CORPUS_COLUMNS] for r in rows]))
    if errors is not None:
        cols = ["page", "error", "value", "proposed", "gold", "context"]
        files.write_atomic(Path(errors), files.csv_text([cols] + [[e[c] for c in cols] for g in grades.values()
                                                                 for e in g.errors]))
    return corpus_table(rows) + "\n\n" + CORPUS_LEGEND

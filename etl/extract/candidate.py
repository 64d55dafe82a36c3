"""One candidate fact per number token of a page: every field of its review row (the columns of
:data:`etl.core.review.REVIEW_COLUMNS`)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from etl.core import catalog, text
from etl.core.review import REVIEW_COLUMNS
from etl.extract.holdback import hold_reason, implausible, out_of_of_rank
from etl.extract.indicators import (
    GROWTH_WORDS,
    INDICATOR_THRESHOLD,
    clean_phrase,
    indicator_phrase,
    match_indicator,
    suggest_name,
)
from etl.extract.knowledge import Knowledge
from etl.extract.layout import clause_start, enclosing, normalise
from etl.extract.page import Page, PageContext, read_page
from etl.extract.periods import resolve_period
from etl.extract.quantities import (
    QUALIFIER_CLAUSE,
    Quantity,
    base_of,
    borrow_unit,
    is_place_change,
    is_span,
    list_head,
    rank_before,
    rank_out_of,
    read_quantity,
)
from etl.extract.regions import Region, resolve_region, respectively
from etl.extract.spans import average_span, base_year_period, change_period
from etl.extract.tables import Cell


@dataclass
class Candidate:
    """The review row of one number token and where the token stands (squeezed offsets)."""

    values: dict[str, str]
    start: int
    end: int


def propose(page: Page, k: Knowledge) -> list[Candidate]:
    """One candidate per number token of the page."""
    ctx = read_page(page, k)
    out: list[Candidate] = []
    new_codes: dict[str, str] = {}
    for idx, tok in enumerate(ctx.tokens):
        row = candidate_row(ctx, idx, k=k, new_codes=new_codes)
        if ctx.traditional:
            row["notes"] += "; traditional script: matched on an OpenCC t2s copy, quote verbatim"
        row["candidate_id"] = f"{page.doc}-c{idx + 1:03d}"
        row["value"] = ctx.original[tok.start: tok.end]  # as printed, typing errors included
        if row["value"] != tok.text:
            row["notes"] += f"; printed {row['value']}: read as {normalise(tok.text)}"
        row["line"] = str(text.line_of(page.raw, tok.start))
        out.append(Candidate(row, tok.start, tok.end))
    return out


RANK_CLAUSE_DELIMS = "，,；;：:"  # the clause of a rank: a list (、) or a bracket does not end it


def candidate_row(ctx: PageContext, idx: int, *, k: Knowledge, new_codes: dict[str, str]) -> dict[str, str]:
    """All fields of the candidate of ``ctx.tokens[idx]`` but its id, value and line (the caller fills them
    in); ``new_codes``: the codes given so far to the names of new indicators of the page."""
    s, printed = ctx.analysed, ctx.tokens[idx]
    tok = text.Token(normalise(printed.text), printed.start, printed.end)
    span = next((c for c in ctx.cells if c[0] <= tok.start < c[1]), None)
    cell = ctx.cells[span] if span else None
    words, table_unit, growth = (cell_words(cell, k.region_re), cell.unit, cell.growth) if cell else ("", "", False)
    q = _quantity(ctx, idx, tok, table_unit=table_unit, growth=growth, cell_end=span[1] if span else None)
    sent = enclosing(tok.start, ctx.sentences)
    para = enclosing(tok.start, ctx.paragraphs) if ctx.paragraphs else (0, len(s))
    para = (min(para[0], sent[0]), para[1])
    head = list_head(s, ctx.tokens, idx, lo=sent[0])  # 分别达35161元、22564元: later items share the head's words
    pre, post, phrase = indicator_phrase(s, head, read_quantity(s, head), region_re=k.region_re,
                                         breaks=[p[0] for p in ctx.paragraphs])
    if words:  # a table cell: the row label (and a growth column) names it
        pre, post = words + ("增长" if growth else ""), ""
        phrase = clean_phrase(pre, k.region_re) + "|"
        if growth and "yoy" not in q.qualifiers:
            q.qualifiers.append("yoy")
    if not q.measure:
        post = ""
    clause_lo = clause_start(s, sent[0], head.start)
    clause_before = s[clause_lo: head.start]
    for word, tag in QUALIFIER_CLAUSE.items():  # a table cell's qualifiers come from its headings
        if word in clause_before and tag not in q.qualifiers and cell is None:
            q.qualifiers.append(tag)
    if q.measure in ("%", "个百分点") and pre.endswith(GROWTH_WORDS) and "annual_avg" not in q.qualifiers and "yoy" not in q.qualifiers:
        q.qualifiers.append("yoy")
    article = max([x for x in ctx.articles if x <= tok.start] or [0])
    story = (min(article, para[0]), ctx.headers[article])  # the article's start and the end of its header
    region, region_note, region_conf = _region(ctx, tok, q, pre, sent=sent, para=para, story=story)
    heading = max([x for x in ctx.headers if x <= tok.start] or [0])  # the latest header, subheadings too
    lead = enclosing(ctx.headers[heading], ctx.paragraphs) if ctx.paragraphs else (0, 0)  # the lead paragraph
    period, period_note, period_conf = _period(ctx, tok, q, pre, sent=sent, para=para, lead=lead, k=k)
    if cell is not None and cell.period:
        period, period_note, period_conf = cell.period, f"period {cell.period} from the table's heading or notes", 0.8
    value_base, base = base_of(q, k.units, pre)
    negative = s[tok.start - 1: tok.start] in ("-", "－", "−") and (
        not re.search(r"[0-9A-Za-z]$", s[: tok.start - 1]) or (span is not None and span[0] == tok.start - 1))
    if negative and value_base is not None:  # 同比增长-3.2%: the sign is printed before the number
        value_base = -value_base
    code, score = match_indicator(phrase, base, indicators=k.indicators, synonyms=k.synonyms)
    hold = (hold_reason(s, tok, q, line_start=tok.start in ctx.line_starts)
            or ("year heading of a table column" if cell is not None and cell.heading_only else "")
            or implausible(value_base, base, level=region.level if region else "", pre=pre))
    out_of = rank_out_of(s, (clause_lo, sent[1]), tok) if q.rank else ""
    if not hold and out_of_of_rank(s, tok, sent=sent, tokens=ctx.tokens):
        hold = "number of ranked items (out_of of a rank)"
    row = {c: "" for c in REVIEW_COLUMNS}
    printed_unit = normalise("".join(ctx.original[a:b] for a, b in q.unit_spans)) if q.unit_spans and not q.unit_supplied else q.unit
    row.update(region=region.code if region else "", region_zh=region.name if region else "", period=period,
               unit=printed_unit, qualifier=";".join(t for t in catalog.QUALIFIERS if t in q.qualifiers), out_of=out_of,
               value_base=_fmt(value_base), base_unit=base, quote=quote_for(ctx.original, sent, tok, ctx.gaps), hold_back=hold)
    if score >= INDICATOR_THRESHOLD:
        row.update(indicator=code, indicator_zh=k.indicators[code]["name_zh"], is_new_indicator="false")
        ind_conf, ind_note = score, f"indicator by synonym/name (similarity {score:.2f})"
    else:
        pre_c, _, post_c = phrase.partition("|")  # the words matched: a bare growth rate's subject included
        same = head.start == tok.start or (pre_c and not re.search(r"[0-9]", pre_c))  # a list item: the head's words
        name = (suggest_name(pre_c, post_c if head.start == tok.start else "", q, cleaned=True) if same
                else suggest_name(pre, post, q, region_re=k.region_re))
        code = new_codes.setdefault(name, f"new_{len(new_codes) + 1}")
        row.update(indicator=code, indicator_zh=name, is_new_indicator="true")
        ind_conf, ind_note = 0.3, f"new indicator (best known match {score:.2f})"
    unit_conf = 1.0 if q.unit and not q.unit_supplied else 0.6
    row["confidence"] = f"{(region_conf + period_conf + ind_conf + unit_conf) / 4:.2f}"
    notes = [region_note, period_note, ind_note]
    if negative:
        notes.append("negative: a minus sign is printed before the number")
    if q.unit_supplied:
        notes.append(f"unit {q.unit} from the table's row or column heading" if cell
                     else "unit 位 supplied for a rank printed without a measure word")
    row["notes"] = "; ".join(notes)
    return row


def _period(ctx: PageContext, tok: text.Token, q: Quantity, pre: str, *, sent: tuple[int, int],
            para: tuple[int, int], lead: tuple[int, int], k: Knowledge) -> tuple[str, str, float]:
    """The period of the number (:func:`resolve_period`), then the spans it compares: a change 由x到y, a
    growth over a base year (比2012年), a yearly average over the span named before it."""
    over_years = bool({"annual_avg", "cumulative"} & set(q.qualifiers))

    def at(offset: int, sent: tuple[int, int] = sent) -> tuple[str, str, float]:
        return resolve_period(offset, ctx.analysed, sent=sent, para=para, page_year=ctx.page_year,
                              span=is_span(q, pre), lead=lead, region_re=k.region_re, default_year=ctx.default_year,
                              page_month=ctx.page_month, over_years=over_years)
    period, note, conf = at(tok.start)
    s = ctx.analysed
    found = change_period(s, tok.start, sent, period, page_year=ctx.page_year, period_at=lambda o: at(o, (sent[0], o))[0],
                          para=para)
    if found is None and q.measure in ("%", "个百分点", "倍") and pre.endswith(GROWTH_WORDS):
        found = base_year_period(s, tok.start, sent, para, period)
    if found is None and "annual_avg" in q.qualifiers:  # 累计: the span of its own paragraph only
        found = average_span(s, tok.start, period, page_year=ctx.page_year)
    return (found[0], found[1], 0.6) if found else (period, note, conf)


def cell_words(cell: Cell, region_re: re.Pattern | None) -> str:
    """The words naming a table cell: its row label, or, when the rows are places (长沙市), its column
    heading (and the headings spanning the columns)."""
    label = text.squeeze(cell.label)
    if region_re is not None and label and not region_re.sub("", label):
        return re.sub(r"[（(][^（）()]*[)）]", "", cell.column or cell.heading) or label
    return label


def _quantity(ctx: PageContext, idx: int, tok: text.Token, *, table_unit: str, growth: bool,
              cell_end: int | None = None) -> Quantity:
    """The quantity of the token: as printed, else with the unit of its list or of its table's headings
    (社会消费品零售总额（亿元） | 98.63; a growth column: %). A table cell's unit is printed inside the cell
    (7.4 | 批发和零售业: 批 is the next row's label)."""
    q = read_quantity(ctx.analysed, tok)
    if cell_end is not None and any(b > cell_end for _, b in q.unit_spans):
        q = read_quantity(ctx.analysed[:cell_end], tok)
    if cell_end is None:  # a table cell stands alone: no list shares its unit
        borrow_unit(ctx.analysed, q, tokens=ctx.tokens, idx=idx)
    if table_unit and not q.unit:
        tq = read_quantity(table_unit + " ", text.Token("1", 0, 0))
        q.unit, q.measure, q.multiplier, q.unit_supplied = tq.unit, tq.measure, tq.multiplier, True
    if growth and not q.unit:
        q.unit, q.measure, q.unit_supplied = "%", "%", True
    return q


def _region(ctx: PageContext, tok: text.Token, q: Quantity, pre: str, *, sent: tuple[int, int],
            para: tuple[int, int], story: tuple[int, int]) -> tuple[Region | None, str, float]:
    """The region of the number, a note on how it was found and a confidence (see :func:`resolve_region`);
    a place change takes the subject of the rank it follows, a 分别 list pairs places and numbers in order."""
    s, mentions = ctx.analysed, ctx.mentions
    where = {"sent": sent, "para": para, "section": story, "subject": ctx.subject}
    rank_lo = clause_start(s, sent[0], tok.start, RANK_CLAUSE_DELIMS)
    others = bool(re.match(r"其他|其余|其它", s[rank_lo: tok.start]))
    region, note, conf = resolve_region(tok.start, mentions, **where, rank_clause=rank_lo if q.rank else None,
                                        others=others)
    prior = rank_before(s, tok, sent[0]) if is_place_change(q, pre) else None
    if prior is not None and s.rfind("分别", sent[0], tok.start) == -1:  # 排名第18位，比上年上升7个名次
        r, _, r_conf = resolve_region(prior.start, mentions, **where,
                                      rank_clause=clause_start(s, sent[0], prior.start, RANK_CLAUSE_DELIMS))
        if r is not None:
            region, note, conf = r, f"region {r.name}: the subject of the rank the place change follows", r_conf
    resp = respectively(s, tok, sent=sent, tokens=ctx.tokens, mentions=mentions)
    if resp is not None:
        region, note, conf = resp, f"region {resp.name}: 分别 list order", 0.8
    return region, note, conf

def quote_for(original: str, sent: tuple[int, int], tok: text.Token, gaps: list[int] = ()) -> str:
    """The sentence around the number, verbatim from the original: its whitespace dropped (PDF layout) but
    where it separates two numbers (table cells: 社会消费品零售总额 120.5 7.1); long ones cut at clauses."""
    lo, hi = sent
    if hi - lo > 100:
        lo = max([original.rfind(c, lo, max(lo, tok.start - 50)) + 1 for c in "，,；;：:"] + [lo])
        cut = [original.find(c, tok.end, hi) for c in "，,；;"]
        cut = [c for c in cut if c != -1 and c - tok.end > 5]
        hi = min(cut) + 1 if cut and min(cut) + 1 < hi else hi
    return text.with_gaps(original, lo, hi, gaps).rstrip("，,；;、")


def _fmt(v: Decimal | None) -> str:
    if v is None:
        return ""
    return format(v.normalize(), "f") if v == v.to_integral() else str(float(v))

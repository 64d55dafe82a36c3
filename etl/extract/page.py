"""The page-wide analysis a page's candidates are read from: its texts and number tokens, sentences,
paragraphs, articles and headers, table cells and the places it names."""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from etl.core import text
from etl.extract.knowledge import Knowledge
from etl.extract.layout import (
    DATELINE,
    SENTENCE_DELIMS,
    cut_at,
    line_ends,
    normalise,
    paragraph_breaks,
    spans,
    table_rows,
    to_simplified,
)
from etl.extract.periods import FRAME_WORDS, PINYIN_GLOSS, TIME_EXPR, document_year
from etl.extract.regions import Mention, Region, find_mentions
from etl.extract.tables import Cell, read_tables


@dataclass
class Page:
    """A page to propose on: its raw text, date (``YYYY[-MM[-DD]]``) and subject region code."""

    doc: str
    raw: str
    date: str
    subject: str
    html: bool = False  # main text of an HTML page: every line break ends a sentence


@dataclass(frozen=True)
class PageContext:
    """What a page's candidates share. Offsets are into the squeezed page; both texts have the same length."""

    original: str  # the squeezed page as printed: quotes and printed units come from it
    analysed: str  # digits repaired, full-width signs to ASCII, traditional script to simplified
    traditional: bool  # analysed is an OpenCC t2s copy
    tokens: list[text.Token]  # the number tokens, as printed (typing errors repaired)
    gaps: list[int]  # where whitespace separates two numbers (table cells): a quote keeps a space there
    sentences: list[tuple[int, int]]
    paragraphs: list[tuple[int, int]]
    articles: list[int]  # where articles start
    headers: dict[int, int]  # start -> end of each header (an article's or a subheading)
    cells: dict[tuple[int, int], Cell]  # a table cell -> its row label, column heading, unit and period
    mentions: list[Mention]
    subject: Region | None  # the page's subject region
    page_year: int  # the year 今年/上年 count from: the page date's, a bulletin's own year
    default_year: int  # the year of a number the text gives no time for (:func:`document_year`)
    page_month: int = 0  # the page date's month (0 when not known)
    line_starts: frozenset[int] = frozenset()  # where the raw page's lines start


def read_page(page: Page, k: Knowledge) -> PageContext:
    """The page-wide analysis of a page."""
    original = text.squeeze(page.raw)
    repaired = text.repair_digits(original)
    analysed, traditional = to_simplified(normalise(repaired))
    analysed = PINYIN_GLOSS.sub(lambda m: "·" * len(m.group()), analysed)  # 增長(zhǎng): a converter's gloss
    gaps = text.number_gaps(page.raw, page.html)
    subject = {r.code: r for r in k.regions}.get(page.subject)
    breaks, articles, headers, stops = paragraph_breaks(page.raw)
    if page.html:  # one paragraph a line
        breaks = sorted(set(breaks) | {p for p in line_ends(page.raw) if p < len(original)})
    stops = line_ends(page.raw) if page.html else sentence_stops(analysed, stops, k.region_re) + table_rows(page.raw, gaps)
    mentions = find_mentions(analysed, k.regions, subject=subject, starts=breaks)
    breaks = breaks + [len(analysed)]
    paragraphs = [(a, b) for a, b in itertools.pairwise(breaks) if a < b]
    year, bulletin = document_year(analysed, headers, paragraphs, int(page.date[:4]))
    cells = read_tables(page.raw, gaps, year=year, page_date=page.date)
    stops = stops + [p for c in cells.values() if c.row != (0, 0) for p in c.row]  # a row a line: a sentence
    return PageContext(
        original=original, analysed=analysed, traditional=traditional, tokens=text.numbers_of(page.raw, page.html),
        gaps=gaps,
        sentences=cut_at(spans(analysed, SENTENCE_DELIMS), stops),
        paragraphs=paragraphs,
        articles=articles, headers=headers, cells=cells, mentions=mentions, subject=subject,
        page_year=year if bulletin else int(page.date[:4]), default_year=year,
        page_month=int(page.date[5:7]) if re.match(r"\d{4}-\d{2}", page.date) and not bulletin else 0,
        line_starts=frozenset([0, *line_ends(page.raw)]))


def sentence_stops(s: str, stops: list[tuple[int, bool]], region_re: re.Pattern | None) -> list[int]:
    """The ends of headline-like lines followed by a line that opens a sentence: another headline line, a
    dateline, a time (2021年6月1日, 今年一季度), a place (涟源市统计局), a frame word or an opening mark.
    (依靠平台的积分，黄旗村村民石小 | 勇领取到… is a short line inside a sentence, not a headline.)"""
    out = []
    for p, next_head in stops:
        opens = (next_head or s[p] in "“「『《（(【—" or TIME_EXPR.match(s, p) or DATELINE.match(s, p)
                 or FRAME_WORDS.match(s, p) or (region_re is not None and region_re.match(s, p)))
        if opens:
            out.append(p)
    return out

"""Spans and base years: the period of a number that compares two times — a change 由A年的x降到B年的y (x
gets A, y gets B), a growth over a base year 比2012年增长47.7% (the span 2013..2016, and (下同) carries the
base to the growth rates after it), a yearly average 年均增长8.5% over the span the text names before it
(四年来, 2013年以来, “十三五”)."""
from __future__ import annotations

import re
from collections.abc import Callable

from etl.extract.layout import CLAUSE_DELIMS
from etl.extract.periods import time_exprs

CHANGE = re.compile(r"(?:由|从)(?P<x>[^。；;！？!?]{1,40}?)(?:增加到|增加至|增至|提高到|提高至|提升到|提升至|上升到|上升至|"
                    r"下降到|下降至|降到|降至|减少到|减少至|调整为|调整到|优化为|变为|扩大到|扩大至|缩小到|缩小至|"
                    r"增长到|增长至|跃升到|跃升至|攀升至)")
BASE_YEAR = re.compile(r"(?:比|较)((?:19|20)\d{2})年(?P<same>[（(]下同[)）])?")
SPAN_BACK = 3000  # squeezed characters searched back for the span a yearly average or a change is over


def change_side(s: str, offset: int, sent: tuple[int, int]) -> tuple[str, int, int] | None:
    """('from' | 'to', where the change starts (由/从), where its verb ends) for a number inside a change
    由x增加到y of its sentence; None elsewhere."""
    for m in CHANGE.finditer(s, sent[0], sent[1]):
        if m.start("x") <= offset < m.end("x"):
            return "from", m.start(), m.end()
        if offset >= m.end():
            cut = min([i for i in (s.find(c, m.end(), sent[1]) for c in "，,；;") if i != -1] or [sent[1]])
            if offset < cut:
                return "to", m.start(), m.end()
    return None


def _years(s: str, lo: int, hi: int, page_year: int):
    return [e for e in time_exprs(s, lo, hi, page_year=page_year, last_year=page_year) if e.period[:4].isdigit()]


def governing_span(s: str, offset: int, end_year: int, *, page_year: int) -> tuple[int, int] | None:
    """The last span of years named before ``offset`` (within :data:`SPAN_BACK`) that ends in ``end_year``."""
    found = None
    for e in _years(s, max(0, offset - SPAN_BACK), offset, page_year):
        a, _, b = e.period.partition("..")
        if b and len(a) == 4 and b[:4] == str(end_year) and int(a[:4]) < end_year:
            found = (int(a[:4]), end_year)
    return found


def change_period(s: str, offset: int, sent: tuple[int, int], period: str, *, page_year: int,
                  period_at: Callable[[int], str], para: tuple[int, int] | None = None) -> tuple[str, str] | None:
    """The period of a number in a change 由x…到y when its own time is not printed beside it: x takes the
    first year of the change (由2020年的… / the year before the span it is over), y its last (…为2024年的 /
    the time of the text before the change, ``period_at(offset)``), never 上年 of x. None when the rule does
    not apply."""
    side = change_side(s, offset, sent)
    if side is None:
        return None
    where, start, verb_end = side
    frame = period_at(start)
    own = _years(s, start if where == "from" else verb_end, offset, page_year)
    if own:
        return None  # 由2012年的14.6 / 调整为2016年的13.3: printed beside it
    pairs = [(a, b) for m in CHANGE.finditer(s, min(sent[0], (para or sent)[0]), start)
             for a in [_years(s, m.start(), m.end(), page_year)] for b in [_years(s, m.end(), start, page_year)]
             if a and b]
    if pairs:  # 由2020年的…优化为2024年的…；从38家增至82家: the years of the change before in the paragraph
        a, b = pairs[-1][0][-1].period[:4], pairs[-1][1][0].period[:4]
        return (a, f"period {a}: start of the change named before") if where == "from" else \
            (b, f"period {b}: end of the change named before")
    if where == "to":
        return (frame, f"period {frame}: time of the sentence before the change (not its starting time)") \
            if frame != period else None
    end = int(frame[:4]) if frame[:4].isdigit() else page_year
    span = governing_span(s, start, end, page_year=page_year)
    if span:
        return str(span[0] - 1), f"period {span[0] - 1}: the year before the span {span[0]}..{span[1]} it changes over"
    return None


def base_year_period(s: str, offset: int, sent: tuple[int, int], para: tuple[int, int], period: str) -> tuple[str, str] | None:
    """比2012年增长47.7% in 2016: the growth is over 2013..2016; a base marked (下同) holds for the growth
    rates after it in its paragraph that name no base of their own."""
    if not period[:4].isdigit() or ".." in period:
        return None
    clause_lo = max([s.rfind(c, sent[0], offset) for c in CLAUSE_DELIMS.replace("（", "").replace("(", "")
                     .replace("）", "").replace(")", "")] + [sent[0]])
    own = [m for m in BASE_YEAR.finditer(s, clause_lo, offset)]
    if not own and re.search(r"比|较", s[clause_lo: offset]):
        return None  # 比上年增长: a base of its own
    base = own[-1] if own else None
    if base is None:
        same = [m for m in BASE_YEAR.finditer(s, para[0], offset) if m.group("same")]
        base = same[-1] if same else None
    if base is None:
        return None
    y, b = int(period[:4]), int(base.group(1))
    if b + 1 >= y:
        return None
    return f"{b + 1}..{y}", f"period {b + 1}..{y}: growth over the base year {b}" + (" (下同)" if base.group("same") else "")


def average_span(s: str, offset: int, period: str, *, page_year: int) -> tuple[str, str] | None:
    """年均增长 in a year Y: over the span ending in Y the text names before it (四年来, 2013年以来)."""
    if not period[:4].isdigit() or ".." in period:
        return None
    span = governing_span(s, offset, int(period[:4]), page_year=page_year)
    if span is None:
        return None
    return f"{span[0]}..{span[1]}", f"period {span[0]}..{span[1]}: the span a yearly average is over"


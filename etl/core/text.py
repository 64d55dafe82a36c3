"""Text rules shared by the checks and the coverage scan.

Whitespace rule: the raw pages come from a PDF layout, so line breaks and stray spaces fall inside
words and numbers (``302.92亿\\n\\n元``, ``2 年``). All whitespace (spaces, tabs, line breaks, U+3000)
is insignificant: a quote matches a page when both, with every whitespace character removed, contain
one another. No page has two numbers separated only by whitespace, so removing it never merges numbers
(``tests/test_text.py`` asserts this for every raw page).

Numbers: a *number token* is either a run of Arabic digits with an optional decimal part (``302.92``,
``16000``; a following 万/亿 belongs to the unit, ``亿元``), or a run of Chinese numerals used as a
quantity: preceded by 第 (an ordinal), followed by a measure word or unit (``三名``, ``九成``, ``百余名``),
or a multi-character numeral with a positional digit (``十七``, ``三千``, ``十三五``). A lone ``一`` is
not a number token unless it is an ordinal (第一): in running text it is almost always the article "a"
(一条公路, 一张蓝图).
"""
from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import cn2an

WHITESPACE = re.compile(r"\s+")
ARABIC = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")
# Traditional forms (萬 億 兩 and measure words) so that reposts in traditional script have the same tokens.
TRADITIONAL = {"萬": "万", "億": "亿", "兩": "两"}
CHINESE_NUMERAL_CHARS = "〇零一二两三四五六七八九十百千万亿" + "".join(TRADITIONAL)
CHINESE = re.compile(f"[{CHINESE_NUMERAL_CHARS}]+")
POSITIONAL = set("十百千万亿萬億")
# Measure words, units and approximators that make a Chinese numeral a quantity.
MEASURE_WORDS = set(
    "个名位家项支人户次场件条座台套所处宗类批级届期年月日天岁亩吨米里元成倍轮档部本张份笔间栋幅例起组种大余多来"
    "周层线片块点村镇乡县区市省"
    "個項場條臺間棟種層線塊點鎮鄉縣區餘來歲畝噸張筆組類輪屆處級戶門顆隻頭"
)


def squeeze(text: str) -> str:
    """Remove every whitespace character (the whitespace rule)."""
    return WHITESPACE.sub("", text)


@dataclass(frozen=True)
class Token:
    """A number as it stands in the squeezed text of a page."""

    text: str
    start: int  # offset in the squeezed text
    end: int

    @property
    def kind(self) -> str:
        return "arabic" if ARABIC.fullmatch(self.text) else "chinese"


def find_numbers(squeezed: str) -> list[Token]:
    """Every number token in a squeezed page, in order."""
    tokens = [Token(m.group(), m.start(), m.end()) for m in ARABIC.finditer(squeezed)]
    for m in CHINESE.finditer(squeezed):
        run = m.group()
        before = squeezed[m.start() - 1] if m.start() else ""
        after = squeezed[m.end()] if m.end() < len(squeezed) else ""
        if before and (before.isdigit() or before in "．."):  # 15.7亿: the multiplier belongs to the unit
            continue
        is_ordinal = before == "第"
        if run == "一" and not is_ordinal:
            continue
        is_quantity = after in MEASURE_WORDS
        is_compound = len(run) > 1 and bool(POSITIONAL & set(run))
        if is_ordinal or is_quantity or is_compound:
            tokens.append(Token(run, m.start(), m.end()))
    return sorted(tokens, key=lambda t: t.start)


@functools.lru_cache(maxsize=1 << 18)  # the checks, the facts table and accept read the same values
def parse_number(text: str) -> Decimal:
    """The value of a number as published: Arabic (half or full width) or Chinese numerals.

    Raises ValueError for anything else.

    >>> parse_number("302.92"), parse_number("三千"), parse_number("百"), parse_number("九"), parse_number("23,641")
    (Decimal('302.92'), Decimal('3000'), Decimal('100'), Decimal('9'), Decimal('23641'))
    """
    text = unicodedata.normalize("NFKC", text.strip())
    if not text:
        raise ValueError("empty value")
    if re.fullmatch(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?", text):  # 23,641: thousands separators
        text = text.replace(",", "")
    if re.fullmatch(r"-?\d+(?:\.\d+)?", text):
        try:
            return Decimal(text)
        except InvalidOperation as exc:  # pragma: no cover - regex guards this
            raise ValueError(f"not a number: {text!r}") from exc
    if not set(text) <= set(CHINESE_NUMERAL_CHARS):
        raise ValueError(f"not a number: {text!r}")
    if text[0] in POSITIONAL:  # 百 / 十七: an implicit leading 一
        text = "一" + text
    for trad, simp in TRADITIONAL.items():
        text = text.replace(trad, simp)
    text = text.replace("两", "二").replace("〇", "零")
    try:
        return Decimal(str(cn2an.cn2an(text, "strict")))
    except (ValueError, TypeError) as exc:
        raise ValueError(f"not a number: {text!r}") from exc


def line_of(raw: str, squeezed_offset: int) -> int:
    """1-based line number in the raw text of the character at a squeezed offset."""
    seen = 0
    for line_no, line in enumerate(raw.splitlines(), start=1):
        n = len(squeeze(line))
        if seen + n > squeezed_offset:
            return line_no
        seen += n
    return raw.count("\n") + 1


def find_all(haystack: str, needle: str) -> list[int]:
    """Start offsets of every (possibly overlapping) occurrence of needle."""
    starts, i = [], haystack.find(needle)
    while i != -1 and needle:
        starts.append(i)
        i = haystack.find(needle, i + 1)
    return starts


# --- The one tokeniser of a page: every step (propose, accept, the catalogue checks, coverage, evaluate)
# finds a page's numbers with numbers_of(); the functions above and below are its parts. -----------------

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}  # as etl.add registers an HTML page's original


def is_html_original(original: str) -> bool:
    """True when a page's register names an HTML original: its lines are paragraphs, not PDF layout."""
    return Path(original).suffix.lower() in HTML_SUFFIXES


DIGIT_LOOKALIKES = re.compile(r"(?<=[0-9０-９])[OoＯｏ〇](?=[0-9０-９])|(?<=[0-9０-９])[Oo](?=年)|(?<=[0-9])[lI](?=[0-9])")


CN_YEAR = re.compile(r"[一二三四五六七八九〇零○Ｏ]{4}(?=年)")
CN_YEAR_DIGITS = str.maketrans("〇零○Ｏ一二三四五六七八九", "0000123456789")


def repair_digits(s: str) -> str:
    """Typing errors inside numbers, one character for one: 2O22 (letter O) → 2022, 1l5 → 115; a year in
    Chinese numerals is read as digits (二〇二二年 → 2022年)."""
    s = DIGIT_LOOKALIKES.sub(lambda m: "1" if m.group() in "lI" else "0", s)
    return CN_YEAR.sub(lambda m: m.group().translate(CN_YEAR_DIGITS) if m.group()[0] in "一二" else m.group(), s)


DIGITS = set("0123456789０１２３４５６７８９")


def number_gaps(raw: str, html: bool = False) -> list[int]:
    """Squeezed offsets where whitespace separates two numbers that squeezing would join into one.

    Whitespace between two digits separates two numbers (table cells: 地区生产总值 285.6 5.2, one cell a
    line, 17 23,641 3,817), with one exception: a single space inside an integer that groups its thousands
    (1 023, 12 345 678). ``html`` is kept for callers; on any page a line break between digits is a gap.
    """
    gaps, pos = [], 0
    for m in re.finditer(r"\S+|\s+", raw):
        piece = m.group()
        if not piece[0].isspace():
            pos += len(piece)
            continue
        a, b = raw[m.start() - 1: m.start()], raw[m.end(): m.end() + 1]
        if a in DIGITS and b in DIGITS and not _groups_thousands(raw, m.start(), m.end(), piece):
            gaps.append(pos)
    return gaps


def _groups_thousands(raw: str, start: int, end: int, space: str) -> bool:
    """True for the single space of 1 023: 1–3 digits (or a group) before, exactly three digits after."""
    if space != " ":
        return False
    left = re.search(r"(?:^|[^0-9０-９.．,，])([0-9０-９]{1,3})$|[ ]([0-9０-９]{3})$", raw[:start])
    right = re.match(r"[0-9０-９]{3}(?![0-9０-９.．,，])", raw[end:])
    return bool(left and right)


def number_tokens(s: str, gaps: list[int]) -> list[Token]:
    """Number tokens of a squeezed text, not joined across ``gaps``; 4,256 (thousands separators) is one."""
    tokens, lo = [], 0
    for hi in gaps + [len(s)]:
        found = find_numbers(s[lo:hi])
        tokens += found if lo == 0 else [Token(t.text, t.start + lo, t.end + lo) for t in found]
        lo = hi
    merged: list[Token] = []
    for t in tokens:
        last = merged[-1] if merged else None
        if (last is not None and s[last.end: t.start] == "," and re.fullmatch(r"\d{1,3}(?:,\d{3})*", last.text)
                and re.fullmatch(r"\d{3}(?:\.\d+)?", t.text) and t.start not in gaps):
            merged[-1] = Token(s[last.start: t.end], last.start, t.end)
        elif (last is not None and s[last.end: t.start] in ("..", "．．", "。.") and last.kind == t.kind == "arabic"
              and "." not in last.text + t.text and t.start not in gaps):  # 56..3亿元: a doubled decimal point
            merged[-1] = Token(s[last.start: t.end], last.start, t.end)
        else:
            merged.append(t)
    return merged



def with_gaps(squeezed: str, start: int, end: int, gaps: list[int]) -> str:
    """``squeezed[start:end]`` with a space put back at each gap between two numbers inside it, so a quote
    of a table row keeps its cells apart (120.5 7.1, not 120.57.1) and still matches its page."""
    cuts = [g for g in gaps if start < g < end]
    pieces = [squeezed[a:b] for a, b in zip([start] + cuts, cuts + [end])]
    return " ".join(pieces)


def numbers_of(raw: str, html: bool = False) -> list[Token]:
    """Every number of a raw page, offsets in its squeezed text: digit typing errors repaired (2O22), not
    joined across the gaps between table cells (285.6 5.2), thousands separators kept (4,256)."""
    return number_tokens(repair_digits(squeeze(raw)), number_gaps(raw, html))


def numbers_within(tokens: list[Token], start: int, end: int) -> set[str]:
    """The texts of the tokens lying inside the squeezed span [start, end)."""
    return {t.text for t in tokens if start <= t.start and t.end <= end}


def numbers_between(tokens: list[Token], starts: list[int], start: int, end: int) -> set[str]:
    """:func:`numbers_within` for tokens in page order, with ``starts`` their start offsets: a binary search
    instead of a scan of the whole page."""
    found, i = set(), bisect.bisect_left(starts, start)
    while i < len(tokens) and tokens[i].start < end:
        if tokens[i].end <= end:
            found.add(tokens[i].text)
        i += 1
    return found

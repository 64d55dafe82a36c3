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

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

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


def parse_number(text: str) -> Decimal:
    """The value of a number as published: Arabic (half or full width) or Chinese numerals.

    >>> parse_number("302.92"), parse_number("三千"), parse_number("百"), parse_number("九")
    (Decimal('302.92'), Decimal('3000'), Decimal('100'), Decimal('9'))
    Raises ValueError for anything else.
    """
    text = unicodedata.normalize("NFKC", text.strip())
    if not text:
        raise ValueError("empty value")
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

"""Reading a number as a quantity: its value, multiplier, unit and qualifiers as printed around it, the unit
a list shares, the value in its base unit; ranks and their printed set (第9 of 144个园区)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from etl.core import text, vocab

QUALIFIER_BEFORE = {  # word right before the number (after the indicator phrase) -> qualifier
    "约": "approx", "大约": "approx", "近": "less_than", "将近": "less_than", "接近": "less_than",
    "超": "more_than", "超过": "more_than", "逾": "more_than", "不到": "less_than", "不足": "less_than",
    "不少于": "at_least", "至少": "at_least", "数": "more_than",
}
QUALIFIER_AFTER = {"余": "more_than", "多": "more_than", "来": "approx"}
QUALIFIER_TAIL = {"以上": "at_least", "左右": "approx", "以下": "less_than", "以内": "less_than"}
QUALIFIER_CLAUSE = {"累计": "cumulative", "共计": "cumulative", "年均": "annual_avg", "年平均": "annual_avg",
                    "力争": "target", "预计": "expected", "同比": "yoy"}
WORD_LEFT = {"约": "签节制条公合履邀预相特契大", "近": "最附靠就将接贴亲临", "超": "高"}  # 签约 is no 约
LEVEL_VERBS = ("达", "达到", "为", "降至", "下降至", "提高到", "提高至", "提升至", "增至", "增加到", "保持在", "稳定在")
MOVE_UP = ("上升", "提升", "前移", "进位", "攀升", "跃升", "提高", "前进")
MOVE_DOWN = ("下降", "下滑", "后退", "后移", "回落", "退后")
LIST_JOINS = ("、", "和", "及", "与")
SMALL_MULTIPLIERS = {"千": 1000, "百": 100}


@dataclass
class Quantity:
    """A number as a quantity: value as printed, unit (multiplier and measure word) and qualifiers."""

    value: str
    unit: str = ""
    measure: str = ""  # the unit word without the multiplier (座 of 万座)
    multiplier: int = 1
    qualifiers: list[str] = field(default_factory=list)
    rank: bool = False
    end: int = 0  # squeezed offset after the unit and trailing qualifier
    unit_supplied: bool = False
    unit_spans: tuple = ()  # squeezed (start, end) of the multiplier and the unit word

    def number(self) -> Decimal:
        return text.parse_number(re.sub(r"[.．。]{2,}", ".", self.value.replace(",", "")))


def read_quantity(s: str, tok: text.Token) -> Quantity:
    """Value, multiplier, unit and qualifiers of a number token as printed around it in s."""
    q = Quantity(tok.text, end=tok.end)
    i = tok.end
    i = _approx_after(s, i, q)
    for word, factor in vocab.MULTIPLIERS.items():
        if s.startswith(word, i):
            q.multiplier, q.unit, q.unit_spans, i = factor, word, ((i, i + len(word)),), i + len(word)
            if s.startswith(word, i) and word in ("亿", "万"):  # 15.6亿亿元: a doubled multiplier is a typing error
                i += len(word)
            break
    if q.multiplier == 1 and s[i: i + 1] in SMALL_MULTIPLIERS and not any(s.startswith(w, i) for w in vocab.UNIT_WORDS) \
            and any(s.startswith(w, i + 1) for w in vocab.UNIT_WORDS if w not in ("%", "‰")):
        # 115.5千公顷, 3百米: 千/百 before a unit word multiplies it (千米, 千克, 百分点 are unit words themselves)
        q.multiplier, q.unit, q.unit_spans, i = SMALL_MULTIPLIERS[s[i]], s[i], ((i, i + 1),), i + 1
    i = _approx_after(s, i, q)
    if i + 1 < len(s) and s[i] == s[i + 1] and any(len(w) > 1 and s.startswith(w, i + 1) for w in vocab.UNIT_WORDS):
        i += 1  # 152万人人次: a doubled character before a unit word
    for word in vocab.UNIT_WORDS:
        if s.startswith(word, i):
            if word == "个" and s.startswith("个", i) and s[i + 1: i + 2] == "月" and q.multiplier == 1:
                word = "个月"
            q.unit_spans += ((i, i + len(word)),)
            q.measure, q.unit, i = word, q.unit + word, i + len(word)
            break
    before = s[max(0, tok.start - 1): tok.start]
    if before == "第":
        q.rank = True
        if q.measure not in ("位", "名", "个名次"):
            q.unit, q.measure, q.unit_supplied, i = "位", "位", True, tok.end
    for word, tag in QUALIFIER_TAIL.items():
        if s.startswith(word, i):
            q.qualifiers.append(tag)
            i += len(word)
            break
    for word, tag in sorted(QUALIFIER_BEFORE.items(), key=lambda kv: -len(kv[0])):
        left = s[tok.start - len(word) - 1: tok.start - len(word)]
        if s[: tok.start].endswith(word) and left not in WORD_LEFT.get(word, ""):
            if word == "数" and tok.kind == "arabic":
                continue
            q.qualifiers.append(tag)
            break
    q.end = i
    return q


def _approx_after(s: str, i: int, q: Quantity) -> int:
    """Skip a 余/多/来 right after a number (or its multiplier), recording the qualifier."""
    if (i < len(s) and s[i] in QUALIFIER_AFTER and not s.startswith(("多元", "多个", "来源", "来自", "来到", "来看"), i)):
        q.qualifiers.append(QUALIFIER_AFTER[s[i]])
        return i + 1
    return i


def borrow_unit(s: str, q: Quantity, *, tokens: list[text.Token], idx: int) -> None:
    """A list 31、36个名次 prints the unit once: the quantity of ``tokens[idx]``, if it has none, borrows the
    unit of the next item."""
    j = idx
    if q.unit == "个" and j + 1 < len(tokens) and s[q.end: tokens[j + 1].start] in ("、", "和"):
        last = _list_unit(s, tokens, j)  # 1.74个、3.22个、4.0个百分点: 个 abbreviates the list's unit
        if last.unit.startswith("个") and last.unit != "个":
            q.unit, q.measure, q.multiplier = last.unit, last.measure, last.multiplier
            q.unit_spans, q.unit_supplied = (), True
        return
    while not q.unit and j + 1 < len(tokens) and s[tokens[j].end: tokens[j + 1].start] in ("、", "和", "或", "至", "到", "-", "—", "~"):
        nxt = read_quantity(s, tokens[j + 1])
        if nxt.unit:
            q.unit, q.measure, q.multiplier, q.unit_spans = nxt.unit, nxt.measure, nxt.multiplier, nxt.unit_spans
            return
        j += 1


def _list_unit(s: str, tokens: list[text.Token], idx: int) -> Quantity:
    """The quantity of the last item of the list ``tokens[idx]`` opens or goes on."""
    q = read_quantity(s, tokens[idx])
    while idx + 1 < len(tokens) and s[q.end: tokens[idx + 1].start] in ("、", "和"):
        idx += 1
        q = read_quantity(s, tokens[idx])
    return q


def list_head(s: str, tokens: list[text.Token], idx: int, *, lo: int) -> text.Token:
    """The first number of a list '8.8%、9.6%' / '35161元、22564元' that the token at idx ends (itself if none)."""
    j = idx
    while j > 0 and tokens[j - 1].start >= lo:
        prev = read_quantity(s, tokens[j - 1])
        if s[prev.end: tokens[j].start] not in LIST_JOINS or not prev.unit or s[tokens[j - 1].start - 1: tokens[j - 1].start] == "第":
            break
        j -= 1
    return tokens[j]


def base_of(q: Quantity, units: dict[str, list[tuple[str, Decimal]]], pre: str) -> tuple[Decimal | None, str]:
    """Value in the base unit, and the base unit (per-capita and rank readings from the context); ``units``:
    unit word -> [(base unit, factor)] as :class:`etl.extract.knowledge.Knowledge` knows them."""
    try:
        value = q.number()
    except ValueError:
        return None, ""
    if q.rank:
        return value, "rank"
    if q.measure in ("位", "名") and is_place_change(q, pre):  # 上升7位: places, not a rank or persons
        return value, "places"
    choices = units.get(q.unit, [])
    scale = Decimal(1)
    if not choices and q.multiplier != 1:  # 5万亿元: the measure word's conversion times the multiplier
        choices, scale = units.get(q.measure, []), Decimal(q.multiplier)
    if choices:
        pick = choices[0]
        if "人均" in pre and any(b == "yuan_per_person" for b, _ in choices):
            pick = next(c for c in choices if c[0] == "yuan_per_person")
        elif q.measure == "名" and any(b == "person" for b, _ in choices):
            pick = next(c for c in choices if c[0] == "person")
        return value * pick[1] * scale, pick[0]
    if q.measure in vocab.BASE_UNITS:
        base, f = vocab.BASE_UNITS[q.measure]
        return value * Decimal(f) * q.multiplier, base
    if q.measure:
        return value * q.multiplier, vocab.COUNT_DEFAULT
    return value * q.multiplier, ""


def is_place_change(q: Quantity, pre: str) -> bool:
    """上升7个名次 / 排名前移3位: a change of places, not a rank or a count."""
    if q.rank:
        return False
    if q.measure in ("个名次", "个位次"):
        return True
    return q.measure in ("位", "名") and pre.endswith(MOVE_UP + MOVE_DOWN)


def rank_before(s: str, tok: text.Token, lo: int) -> text.Token | None:
    """The rank (第18位) printed before a place change in the same sentence."""
    last = None
    for m in re.finditer(r"第([0-9]+|[一二三四五六七八九十百]+)", s[lo: tok.start]):
        last = text.Token(m.group(1), lo + m.start(1), lo + m.end(1))
    return last


def rank_out_of(s: str, sent: tuple[int, int], tok: text.Token) -> str:
    """'全省144个园区中排第9' / '在144个园区排名…第9位': the N of the ranked set, when printed."""
    m = None
    for m in re.finditer(r"(\d+)[个家所座]([\u4e00-\u9fff]{0,10}?)(?:中|里|之中|当中|排名|排|位列|居)", s[sent[0]: tok.start]):
        pass
    return m.group(1) if m else ""


def is_span(q: Quantity, pre: str) -> bool:
    """Does the number take a whole span (flows, counts, yearly averages) rather than its end (levels, rates)?"""
    if {"cumulative", "annual_avg"} & set(q.qualifiers):
        return True
    if pre.endswith(LEVEL_VERBS) and q.measure not in ("年",) and not re.search(r"[通直抵到送传表下发畅]达$", pre):
        return False
    return q.measure not in ("%", "‰", "成", "个百分点", "百分点")

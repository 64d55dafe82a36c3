"""Hold-back rules: why a number token is not a quantity to propose (dates, years, times, phone and id
numbers, names and slogans, ordinals, spans, the set of a ranking, implausible magnitudes)."""
from __future__ import annotations

import re
from decimal import Decimal

from etl.core import text, vocab
from etl.extract.layout import CLAUSE_DELIMS
from etl.extract.periods import CN_DIGITS, PLAN_PERIODS
from etl.extract.quantities import QUALIFIER_AFTER, Quantity, rank_out_of

LEXICAL_WORDS = ("零部件", "零售", "零星", "零距离", "十分", "万分", "百姓", "千方百计", "万里", "千家万户", "百年",
                 "万众", "一线", "四面八方", "五湖四海", "三农", "十全十美", "24小时", "万物", "千秋", "三次产业")
NAME_TAILS = ("大以来", "大精神", "大报告", "届", "次党代会", "次代表大会", "中全会", "次全会")
IDENT_TAILS = ("楼", "号", "路", "版", "号线", "栋楼", "室")
SPAN_BEFORE = ("近", "未来", "过去", "最近", "这", "前", "后")
SPAN_AFTER = ("来", "内", "前", "后", "以来", "间", "之内")
ID_BEFORE = ("号码", "编号", "账号", "帐号", "身份证", "证号", "代码", "电话", "手机", "热线", "传真", "邮编", "字")
PUBLICATION_LINE = re.compile(r"(?:发布|收录|更新|录入|发表|上传)(?:时间|日期)[:：]?|(?:来源|日期|时间)[:：]")
PAGE_FURNITURE = re.compile(r"(?:浏览次数|浏览量|阅读量|阅读数|点击数|点击量|访问量|访问次数|浏览|阅读|点击)[:：]?$")
DATE_SPAN_WORDS = ("至", "到", "—", "－", "-", "~", "～")
RANK_SCOPE = ("全国", "全省", "全市", "全区", "全县", "排名", "排", "位列", "位居", "居", "列", "名列", "跻身", "保持")
MULTIPLIER_CHARS = set("".join(vocab.MULTIPLIERS))  # 万 亿 千 百
MAX_BASE = {  # (base unit, region level) -> largest plausible value in the base unit
    ("yuan", "village"): 1e10, ("yuan", "township"): 1e11, ("yuan", "county"): 1e12, ("yuan", "park"): 1e12,
    ("yuan", "city"): 1e13, ("yuan", "province"): 1e14,
    ("person", "village"): 1e5, ("person", "township"): 1e6, ("person", "county"): 1e7, ("person", "city"): 1e8,
    ("household", "village"): 1e5, ("household", "county"): 1e7,
}
MAX_ANY = {"percent": 1000, "yuan_per_person": 1e6, "rank": 10000, "places": 10000, "year_of_age": 150}


def hold_reason(s: str, tok: text.Token, q: Quantity, *, line_start: bool = False) -> str:
    """Why a number token is not a quantity to propose ('' when it is one); ``line_start``: the token opens
    a line of the raw page (a list marker 2、… of notes)."""
    before, after, t = s[: tok.start], s[tok.end:], tok.text
    if (line_start or re.search(r"(?:注|说明)[:：]$|[。；;！？!?|]$", before) or not before) and _list_marker(after, t):
        return "list marker (1、 2、 of a list or notes)"
    for rule in (_numeric_date, _clock, _phone_or_id, _date_or_time, _boilerplate, _name_or_slogan, _ordinal, _span_or_label):
        reason = rule(before, after, t, q)
        if reason:
            return reason
    return ""


def _list_marker(after: str, t: str) -> bool:
    """1、 2. (一)、: the number of an item opening a list line, not a quantity."""
    small = (t.isdigit() and len(t) <= 2) or t in CN_DIGITS
    return small and bool(re.match(r"(?:[、．]|\.(?!\d))[\u4e00-\u9fff“《(（]", after))


def _boilerplate(before: str, after: str, t: str, q: Quantity) -> str:
    """The site's furniture: a publication line (发布时间:…, 来源:…), a site marker glued to letters (hd9),
    a table's number (表1)."""
    if PUBLICATION_LINE.search(before[-30:]) and not re.search(r"[。；;！？!?]", before[-30:][PUBLICATION_LINE.search(before[-30:]).end():]):
        return "publication line of the site (date, time, source)"
    if re.search(r"[A-Za-z]$", before) and not q.unit and not after[:1].isdigit() and not re.search(r"[A-Z]{2,}$", before):
        return "part of a code or site marker (letters and digits)"
    if re.search(r"[A-Za-z]{1,6}$", before) and re.search(r"(?:PM|pm)$", before):
        return "part of a name (PM2.5)"
    if re.search(r"(?:^|[^\u4e00-\u9fff])[表图]$", before) and t.isdigit() and len(t) <= 2:
        return "number of a table or figure (表1)"
    if t.isdigit() and re.match(r"[A-Za-z]", after) and not re.match(r"(?:km|kg|kW|kV|MW|GW|m|t|cm|mm|ha)(?![A-Za-z])", after):
        return "part of a code or name (5G, 4A)"
    return ""


def _clock(before: str, after: str, t: str, q: Quantity) -> str:
    """09:42:07, 15:09 after a date or a time word: a time of day (a site's timestamp), not the ratio
    11.9:49.1:39 or 由2018年的20:30:50."""
    opens = r"(?:[-/.．]\d{1,2}|日|午|晚上|凌晨|时间[:：]?)"  # after a date (…-07-2717:55) or a time word, not 的20:30
    if t.isdigit() and len(t) <= 2 and (
            re.match(r"[:：]\d{2}(?![\d.])", after) and int(t) <= 23 and re.search(opens + "$", before)
            or re.search(opens + r"\d{1,2}[:：](?:\d{2}[:：])?$", before) and len(t) == 2):
        return "time of day (HH:MM:SS)"
    return ""


def _numeric_date(before: str, after: str, t: str, q: Quantity) -> str:
    """2023-03-15, 2023/3/15, 2023.03.15: the month and day of a date written with digits only."""
    if t.isdigit() and len(t) == 4 and 1900 <= int(t) <= 2100 and re.match(r"([-/.．])\d{1,2}\1\d{1,2}(?!\d)", after):
        return "year (a period, not a value)"
    if not t.isdigit() or len(t) > 2:
        return ""
    if re.search(r"(?:19|20)\d{2}([-/.．])$", before) and re.match(r"[-/.．]\d{1,2}", after) and 1 <= int(t) <= 12:
        return "date (month)"
    if re.search(r"(?:19|20)\d{2}([-/.．])\d{1,2}[-/.．]$", before) and 1 <= int(t) <= 31 and not after[:1] in "．.":
        return "date (day)"
    return ""


def _phone_or_id(before: str, after: str, t: str, q: Quantity) -> str:
    if ((re.search(r"(?<!\d)0\d{2,3}[-－—]$", before) and t.isdigit() and 7 <= len(t) <= 8)
            or (t.isdigit() and t[0] == "0" and 3 <= len(t) <= 4 and re.match(r"[-－—]\d{7,8}", after))):
        return "phone number"  # 0738-8312345: not a negative table cell (110456 -0.8)
    if t.isdigit() and re.fullmatch(r"1[3-9]\d{9}", t):
        return "phone number"
    if PAGE_FURNITURE.search(before):
        return "page furniture (views, clicks)"
    if before.endswith(ID_BEFORE) or after.startswith(("*", "＊", "X", "x")):
        return "id / account number"
    if t.isdigit() and (len(t) >= 9 and not q.unit or (len(t) > 1 and t[0] == "0" and "." not in t)):
        return "id / serial number"
    if before.endswith("第") and after.startswith(("号", "版", "期")):
        return "serial / page number"
    return ""


def _date_or_time(before: str, after: str, t: str, q: Quantity) -> str:
    num = t.isdigit() and int(t)
    if num and 1900 <= num <= 2100 and (after.startswith("年") or after.startswith(DATE_SPAN_WORDS)
                                      or re.search(r"[—－\-~～至到]$", before)):
        return "year (a period, not a value)"
    if after.startswith("月") and not before.endswith("个") and (t in CN_DIGITS or (num and 1 <= num <= 12)):
        return "date (month)"
    if num and 1 <= num <= 12 and re.match(r"(?:月份?)?[-－—~～至到]\d{1,2}月", after):  # 1-10月
        return "date (month)"
    if re.search(r"月$", before) and after.startswith(("日", "号")):
        return "date (day)"
    if re.search(r"(\d{1,2}|[一二三四五六七八九十]+)月(\d{1,2})?[日号]?[、和至到—－\-]$", before) and after[:1] in "日号":
        return "date (day)"
    if after.startswith(("时", "点")) and (re.match(r"[时点]\d", after) or re.search(r"(凌晨|上午|下午|晚上|早上|中午)$", before)):
        return "time of day"
    if re.search(r"\d[时点]$", before) and after.startswith("分"):
        return "time of day"
    if t in PLAN_PERIODS:
        return "name of a plan period"
    return ""


def _name_or_slogan(before: str, after: str, t: str, q: Quantity) -> str:
    if set(t) <= MULTIPLIER_CHARS and before[-1:] in ("余", "多", "来", "几", "数"):
        return "multiplier of the preceding number (part of its unit)"
    if set(t) <= MULTIPLIER_CHARS and before.endswith("每"):
        return "denominator of a rate (每千人)"
    if set(t) <= MULTIPLIER_CHARS and (before[-1:] in ("（", "(") and re.match(r"[^（）()]{0,3}[）)]", after)
                                       or re.search(r"单位[:：]$", before)):
        return "unit in a heading (亿元, 单位:万元)"
    for w in LEXICAL_WORDS:
        for k in range(len(w)):
            if w.startswith(t, k) and before.endswith(w[:k]) and after.startswith(w[k + len(t):]):
                return f"part of a word ({w})"
    if after.startswith(NAME_TAILS) or (after.startswith("大") and before.endswith("党的")):
        return "part of a name (congress, session)"
    if after.startswith(("周年", "週年")):
        return "anniversary (part of a name)"
    if t[0] in text.CHINESE_NUMERAL_CHARS and (re.match(r"次(?:全体|代表)?(?:会议|大会|全会|党代会)", after)
                                               or (after.startswith("次") and re.search(r"届(?:人大|政协|党委|县委|市委)?$", before))):
        return "session of a congress (part of a name)"
    if t[0] in text.CHINESE_NUMERAL_CHARS and after.startswith("批") and before.endswith("第"):
        return "ordinal of a batch (part of a name)"
    if t[0] in text.CHINESE_NUMERAL_CHARS and after.startswith("大") and after[1:2] not in text.MEASURE_WORDS:
        return "part of a name (三大攻坚战, 十大工程)"
    if t[0] in text.CHINESE_NUMERAL_CHARS and after.startswith("级") and not q.rank:
        return "number of tiers (part of a name)"
    if t[0] in text.CHINESE_NUMERAL_CHARS and after.startswith("期") and not before.endswith("第"):
        return "phase of a project (part of a name)"
    if before.endswith("+") or after.startswith("+"):
        return "part of a name (a N+N formula)"
    for open_, close in (("“", "”"), ("‘", "’"), ("《", "》"), ("〈", "〉"), ('"', '"')):
        o = before.rfind(open_)
        if o != -1 and before.rfind(close) < o and len(before) - o <= 12:
            c = after.find(close)
            if 0 <= c <= 12:
                return "part of a name or slogan in quotation marks"
            if open_ == "《" and c >= 0:
                return "part of a title"
    if after.startswith(IDENT_TAILS) and not q.unit:
        return "identifier (floor, number, route)"
    if after.startswith("后") and t in ("50", "60", "70", "80", "90", "00", "95", "05"):
        return "generation label"
    if re.match(r"(以上|以下)的", after[len(q.unit) + (1 if q.qualifiers and after[:1] in QUALIFIER_AFTER else 0):] or ""):
        return "threshold in a definition"
    if before.endswith(("过", "超", "超过", "达到", "逾")) and q.unit and after[len(q.unit):].startswith("的"):
        return "threshold in a definition"  # 投资过10亿元的项目5个
    return ""


def _ordinal(before: str, after: str, t: str, q: Quantity) -> str:
    if (t in CN_DIGITS or t == "一") and (after.startswith("是") or (
            before.endswith("第") and after[:1] in ("，", "、", "：", ",") and not before[:-1].endswith(RANK_SCOPE))):
        return "list ordinal"
    if before.endswith("第") and not q.rank:
        return "ordinal (part of a name)"
    if before.endswith("第") and q.unit_supplied:
        tail = after[:1]
        scope = before[:-1][-8:]
        if not (tail == "" or tail in CLAUSE_DELIMS or tail in "”" or any(w in scope for w in RANK_SCOPE)):
            return "ordinal (part of a name)"
    return ""


def _span_or_label(before: str, after: str, t: str, q: Quantity) -> str:
    if q.measure in ("年", "个月", "天", "日", "周") and (before.endswith(SPAN_BEFORE) or after[len(q.unit):].startswith(SPAN_AFTER)):
        return "length of a time span"
    if before.endswith(("几", "十几", "好几")):
        return "vague quantity"
    return ""


def out_of_of_rank(s: str, tok: text.Token, *, sent: tuple[int, int], tokens: list[text.Token]) -> bool:
    """True for the N of '在全省N个园区(中)排名第k' (a denominator, not a quantity of its own)."""
    hi = min([i for i in (s.find(c, tok.end, sent[1]) for c in CLAUSE_DELIMS) if i != -1] or [sent[1]])
    later = [t for t in tokens if tok.end <= t.start < hi and s[t.start - 1: t.start] == "第"]
    return any(rank_out_of(s, sent, t) == tok.text and re.match(r"\d+[个家所座][\u4e00-\u9fff]{0,10}?(?:中|里|排名|排|位列|居)", s[tok.start: t.start]) for t in later)


def implausible(value_base: Decimal | None, base: str, *, level: str, pre: str) -> str:
    """A magnitude implausible for its unit and region level ('' when plausible)."""
    if value_base is None or not base:
        return ""
    limit = MAX_ANY.get(base)
    if base == "yuan" and "人均" in pre:
        limit = MAX_ANY["yuan_per_person"]
    limit = limit or MAX_BASE.get((base, level))
    if limit is not None and value_base > Decimal(str(limit)):
        return f"implausible magnitude ({value_base:.4g} {base} for a {level or 'region'})"
    return ""

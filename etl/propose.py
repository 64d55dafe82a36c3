"""Propose candidate facts for a page: one candidate per number token, written to data/review/DOC.csv.

Every number token of :func:`etl.text.find_numbers` (on the squeezed page) becomes a row of the review
file (contract in ISSUE5.md): value and unit as printed, value in the base unit, qualifiers, region,
indicator, period, the verbatim sentence, a confidence, and a hold-back reason for numbers that are not
quantities (dates, years, phone and id numbers, names and slogans, implausible magnitudes).

The rules are general ones of Chinese statistical news; the knowledge of indicators, synonyms and units is
a parameter (:class:`Knowledge`) so that evaluation can hide a page from it. Pages in traditional script
are analysed on an OpenCC t2s copy with the same character offsets; quotes are taken from the original.
"""
from __future__ import annotations

import bisect
import csv
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from etl.core import catalog, places, text, vocab

# ---------------------------------------------------------------------------------------------------
# Data tables (the only place for words)
# ---------------------------------------------------------------------------------------------------
QUALIFIER_BEFORE = {  # word right before the number (after the indicator phrase) -> qualifier
    "约": "approx", "大约": "approx", "近": "less_than", "将近": "less_than", "接近": "less_than",
    "超": "more_than", "超过": "more_than", "逾": "more_than", "不到": "less_than", "不足": "less_than",
    "不少于": "at_least", "至少": "at_least", "数": "more_than",
}
QUALIFIER_AFTER = {"余": "more_than", "多": "more_than", "来": "approx"}
QUALIFIER_TAIL = {"以上": "at_least", "左右": "approx", "以下": "less_than", "以内": "less_than"}
QUALIFIER_CLAUSE = {"累计": "cumulative", "共计": "cumulative", "年均": "annual_avg", "年平均": "annual_avg",
                    "力争": "target", "预计": "expected", "同比": "yoy"}
LEVEL_VERBS = ("达", "达到", "为", "降至", "下降至", "提高到", "提高至", "提升至", "增至", "增加到", "保持在", "稳定在")
GROWTH_WORDS = ("增长", "增速", "增幅", "下降", "提高", "减少", "上涨")
RELATIVE_YEARS = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1}
PLAN_PERIODS = {"十一五": (2006, 2010), "十二五": (2011, 2015), "十三五": (2016, 2020),
                "十四五": (2021, 2025), "十五五": (2026, 2030)}
SCOPE_WORDS = {  # anaphoric scope words -> the name suffix of the region they refer to
    "全市": "市", "该市": "市", "本市": "市", "全县": "县", "该县": "县", "本县": "县", "全区": "区",
    "该区": "区", "本区": "区", "全镇": "镇", "该镇": "镇", "全乡": "乡", "该乡": "乡", "全村": "村", "该村": "村",
    "村里": "村", "本村": "村", "镇里": "镇", "乡里": "乡", "县里": "县",
}
PROVINCE_SCOPE = {"全省": "hunan"}
RANK_SCOPE = ("全国", "全省", "全市", "全区", "全县", "排名", "排", "位列", "位居", "居", "列", "名列", "跻身", "保持")
CLAUSE_DELIMS = "，,、；;：:（）()。！？!?…|"  # | separates the cells of an extracted table
SENTENCE_DELIMS = "。！？!?；;"
LEXICAL_WORDS = ("零部件", "零售", "零星", "零距离", "十分", "万分", "百姓", "千方百计", "万里", "千家万户", "百年",
                 "万众", "一线", "四面八方", "五湖四海", "三农", "十全十美", "24小时", "万物", "千秋", "三次产业")
NAME_TAILS = ("大以来", "大精神", "大报告", "届", "次党代会", "次代表大会", "中全会", "次全会")
IDENT_TAILS = ("楼", "号", "路", "版", "号线", "栋楼", "室")
SPAN_BEFORE = ("近", "未来", "过去", "最近", "这", "前", "后")
SPAN_AFTER = ("来", "内", "前", "后", "以来", "间", "之内")
ID_BEFORE = ("号码", "编号", "账号", "帐号", "身份证", "证号", "代码", "电话", "手机", "热线", "传真", "邮编", "字")
PAGE_FURNITURE = re.compile(r"(?:浏览次数|浏览量|阅读量|阅读数|点击数|点击量|访问量|访问次数|浏览|阅读|点击)[:：]?$")
TRIM_LEADING = ("其中", "实现", "完成", "并", "且", "和", "及", "共", "总共", "已", "还", "再", "又", "均", "全部", "都", "有", "其",
                "年", "底", "末", "初", "月", "日", "以来", "期间", "时期", "在", "对", "为", "的", "从", "由", "将")
TRIM_TRAILING = ("达到", "达", "为", "是", "至", "到", "突破", "超过", "实现", "有", "约", "近", "共", "共计", "累计",
                 "稳定在", "保持在", "稳定", "保持", "完成",
                 "分别", "的", "了", "在", "第", "从", "由", "占", "超")
MAX_BASE = {  # (base unit, region level) -> largest plausible value in the base unit
    ("yuan", "village"): 1e10, ("yuan", "township"): 1e11, ("yuan", "county"): 1e12, ("yuan", "park"): 1e12,
    ("yuan", "city"): 1e13, ("yuan", "province"): 1e14,
    ("person", "village"): 1e5, ("person", "township"): 1e6, ("person", "county"): 1e7, ("person", "city"): 1e8,
    ("household", "village"): 1e5, ("household", "county"): 1e7,
}
MAX_ANY = {"percent": 1000, "yuan_per_person": 1e6, "rank": 10000, "places": 10000, "year_of_age": 150}
FUNCTIONAL_ZONES = ("开发区", "管理区", "高新区", "经开区", "新区", "示范区")
WORD_LEFT = {"约": "签节制条公合履邀预相特契大", "近": "最附靠就将接贴亲临", "超": "高"}  # 签约 is no 约
LOCATION_VERBS = ("位于", "地处", "隶属", "属于", "毗邻", "距离", "邻近", "紧邻")  # X位于Y: Y is not the subject
COUNTED_BEFORE = re.compile(r"[0-9一二三四五六七八九十百千万]+[余多]?[个家所项名位支条座]$")
DATE_SPAN_WORDS = ("至", "到", "—", "－", "-", "~", "～")
MOVE_UP = ("上升", "提升", "前移", "进位", "攀升", "跃升", "提高", "前进")
MOVE_DOWN = ("下降", "下滑", "后退", "后移", "回落", "退后")
RANKING_NOUN = re.compile(r"排名|排位|位次|名次|排序")
RANKING_AFTER = re.compile(r"[^，,；;。！？!?]{0,30}?(?:排名|排位|排第|排在|位列|位居|名列|居第|第[0-9一二三四五六七八九十百]+[位名])")

DATA = catalog.DATA
REVIEW_COLUMNS = ["candidate_id", "decision", "region", "region_zh", "indicator", "indicator_zh",
                  "is_new_indicator", "period", "value", "unit", "qualifier", "out_of", "value_base", "base_unit",
                  "quote", "line", "confidence", "hold_back", "notes"]

YEAR = r"((?:19|20)\d{2})"
TIME_EXPR = re.compile(
    rf"(?P<range>{YEAR}年?(?:(?P<m1>\d{{1,2}})月)?(?:至|到|—|－|-|~|～){YEAR}年(?:(?P<m2>\d{{1,2}})月)?(?:底|末)?)"
    rf"|(?P<mrange>(?:{YEAR}年|今年|去年|上年)?(?P<mr1>\d{{1,2}})(?:月份?)?(?:-|－|—|~|～|至|到)(?P<mr2>\d{{1,2}})月份?)"
    rf"|(?P<quarter>(?:{YEAR}年|今年|去年|上年)?(?:第?(?P<q>[一二三四1-4])季度|前(?P<qs>[二三两2-3])(?:个)?季度|(?P<half>[上下])半年))"
    rf"|(?P<ymd>{YEAR}年(\d{{1,2}})月(\d{{1,2}})[日号])"
    rf"|(?P<ym>{YEAR}年(\d{{1,2}})月)"
    rf"|(?P<since>{YEAR}年以来)"
    rf"|(?P<y>{YEAR}年(?:度|底|末|初)?)"
    r"|(?P<rel>今年|本年|去年|上年|前年|明年)(?:(\d{1,2})月(?:(\d{1,2})[日号])?)?"
    r"|(?P<md>(\d{1,2})月(\d{1,2})[日号])"
    r"|(?P<mon>(?<![\d个])(?P<mo>\d{1,2})月(?:底|末|份))"
    r"|(?P<plan>十一五|十二五|十三五|十四五|十五五)"
    r"|(?P<recent>近(\d{1,2}|[两二三四五六七八九十])年)"
    r"|(?P<future>(?:未来|今后)?(\d{1,2}|[两二三四五六七八九十])年内|未来(\d{1,2}|[两二三四五六七八九十])年)"
    r"|(?P<same>当年|同年)(?:(\d{1,2})月)?"
    r"|(?P<day>当天|当日)"
)
CN_DIGITS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


# ---------------------------------------------------------------------------------------------------
# Knowledge: what the extractor may know (built from a catalogue, optionally hiding pages)
# ---------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Region:
    code: str
    name: str
    level: str
    alias: str = ""
    source: str = "regions.csv"


@dataclass
class Knowledge:
    """Indicators, synonyms (phrases → indicator) and units the extractor may use."""

    indicators: dict[str, dict[str, str]] = field(default_factory=dict)  # code -> {name_zh, unit, base_unit}
    synonyms: list[tuple[str, str]] = field(default_factory=list)  # (phrase, code)
    units: dict[str, list[tuple[str, Decimal]]] = field(default_factory=dict)  # unit -> [(base unit, factor)]
    regions: list[Region] = field(default_factory=list)
    region_re: re.Pattern | None = None

    @classmethod
    def from_catalog(cls, cat: catalog.Catalog, hide_docs: tuple[str, ...] = ()) -> "Knowledge":
        """Knowledge of a catalogue; facts of ``hide_docs`` and indicators only they use are left out."""
        facts = [f for f in cat.facts if f["doc"] not in hide_docs]
        hidden = {f["indicator"] for f in cat.facts if f["doc"] in hide_docs} - {f["indicator"] for f in facts}
        k = cls()
        for ind in cat.indicators:
            if ind["code"] not in hidden and not ind["formula"]:
                k.indicators[ind["code"]] = {"name_zh": ind["name_zh"], "unit": ind["unit"], "base_unit": ind["base_unit"]}
        for u in cat.units:
            k.units.setdefault(u["unit"], []).append((u["base_unit"], Decimal(u["factor"])))
        k.regions = load_regions(cat)
        k.region_re = region_pattern(k.regions)[0]
        for f in facts:
            phrase = fact_phrase(f["quote"], f["value"], k)
            if phrase and f["indicator"] in k.indicators:
                k.synonyms.append((phrase, f["indicator"]))
        k.regions = load_regions(cat)
        return k


def fact_phrase(quote: str, value: str, k: "Knowledge | None" = None) -> str:
    """The cleaned words around a fact's value in its quote (the synonym it teaches)."""
    sq = normalise(text.squeeze(quote))
    tokens = text.find_numbers(sq)
    for i, tok in enumerate(tokens):
        if tok.text == normalise(text.squeeze(value)):
            head = list_head(sq, tokens, i, 0)
            return indicator_phrase(sq, head, read_quantity(sq, head), k)[2]
    return ""


def load_regions(cat: catalog.Catalog) -> list[Region]:
    """Regions of the catalogue plus every Hunan city and county-level division (new ones coded adm_<code>)."""
    regions = [Region(r["code"], r["name_zh"], r["level"], short_alias(r["name_zh"])) for r in cat.regions]
    known = {r.name for r in regions}
    hunan = places.hunan()  # cities and county-level divisions, from jionlp's data
    counts = Counter(d.alias for d in hunan)
    for d in hunan:
        if d.name in known:
            continue
        functional = any(w in d.name for w in FUNCTIONAL_ZONES)
        ok = len(d.alias) >= 2 and counts[d.alias] == 1 and not functional
        regions.append(Region(f"adm_{d.code}", d.name, d.level, d.alias if ok else "", "jionlp"))
    return regions


def short_alias(name: str) -> str:
    """涟源市 → 涟源, 桑植县 → 桑植; no alias when fewer than two characters would remain."""
    for suffix in ("自治县", "自治州", "市", "县", "区", "镇", "乡", "村", "省"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return ""


# ---------------------------------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------------------------------
def normalise(s: str) -> str:
    """Full-width digits and signs to ASCII, one character for one (offsets stay aligned)."""
    out = []
    for c in s:
        n = unicodedata.normalize("NFKC", c)
        out.append(n if len(n) == 1 else c)
    return "".join(out)


def table_rows(raw: str, gaps: list[int]) -> list[int]:
    """Start and end (squeezed) of each line that is a table row: its numbers are cells apart (a gap)."""
    out, pos = [], 0
    for ln in raw.splitlines():
        n = len(text.squeeze(ln))
        if n and any(pos < g < pos + n for g in gaps):
            out += [pos, pos + n]
        pos += n
    return [p for p in out if p > 0]


def table_cells(raw: str, gaps: list[int]) -> dict[tuple[int, int], tuple[str, str]]:
    """Squeezed (start, end) of each cell after the first of a table row -> (row label, column heading).

    Rows are lines of cells split by '|' (trafilatura's tables) or by the gaps between numbers; a heading is
    the line of cells without numbers right above the rows (指标 数值 增长（%）).
    """
    out: dict[tuple[int, int], tuple[str, str]] = {}
    heading: list[str] = []
    pos = 0
    for ln in raw.splitlines():
        sq_len = len(text.squeeze(ln))
        piped = ln.count("|") >= 2
        gapped = any(pos < g < pos + sq_len for g in gaps)
        cells = [c for c in (ln.strip().strip("|").split("|") if piped else re.split(r"\s+", ln.strip())) if c.strip()]
        if len(cells) >= 2 and not any(ch in text.DIGITS for ch in "".join(cells)) and (piped or len(cells) <= 8):
            heading = [text.squeeze(c) for c in cells]
        elif len(cells) >= 2 and (piped or gapped):
            at = pos
            for j, c in enumerate(cells):
                sq = text.squeeze(c)
                at = text.squeeze(ln).find(sq, at - pos) + pos if sq else at
                if j and sq:
                    col = heading[j] if len(heading) == len(cells) else ""
                    out[(at, at + len(sq))] = (text.squeeze(cells[0]), col)
                at += len(sq)
        elif sq_len:
            heading = []
        pos += sq_len
    return out


TABLE_UNIT = re.compile(r"[（(]([^（）()]{1,6})[)）]")


def table_reading(cell: tuple[str, str]) -> tuple[str, str, bool]:
    """(indicator words, unit, growth) of a table cell from its row label and column heading."""
    label, col = cell
    unit = next((m.group(1) for x in (col, label) for m in [TABLE_UNIT.search(x)] if m), "")
    growth = bool(re.search(r"增长|增速|增幅|同比|±", col))
    words = TABLE_UNIT.sub("", label)
    return words, unit, growth


def to_simplified(s: str) -> tuple[str, bool]:
    """OpenCC t2s copy of a squeezed text with the same length (per sentence, else per character)."""
    import opencc
    conv = opencc.OpenCC("t2s")
    whole = conv.convert(s)
    if len(whole) == len(s):
        out = whole
    else:
        parts = re.split(f"(?<=[{SENTENCE_DELIMS}])", s)
        out = ""
        for part in parts:
            c = conv.convert(part)
            out += c if len(c) == len(part) else "".join(conv.convert(ch) if len(conv.convert(ch)) == 1 else ch for ch in part)
    changed = sum(a != b for a, b in zip(s, out))
    return out, changed >= max(2, len(s) // 500)


def spans(s: str, delims: str) -> list[tuple[int, int]]:
    """Start/end offsets of the pieces of s cut after each delimiter."""
    out, start = [], 0
    for i, c in enumerate(s):
        if c in delims:
            out.append((start, i + 1))
            start = i + 1
    if start < len(s):
        out.append((start, len(s)))
    return out


def paragraph_breaks(raw: str) -> tuple[list[int], list[int], dict[int, int], list[int]]:
    """Squeezed offsets where paragraphs and articles start, where each header (article or subheading) ends,
    and where a headline-like line ends a sentence.

    A paragraph ends with a line ending a sentence or with a short line. An article starts with a block
    of headline-like lines: a short line without any sentence end, a subtitle (——…), a place-and-colon
    headline of a news brief (道县：…), or a line after a closing byline in parentheses ((李秉钧 贺湘华));
    a dateline (本报讯) starts one too. Consecutive headline lines (title, subtitle, byline) form one header;
    a single plain headline line inside an article (兴产业提质效，…) is a subheading, not a new article.
    Stops: a headline-like line (title, date 2021年6月1日, publisher 涟源市统计局) ends a sentence when the
    next line is headline-like too or does not go on with punctuation (:func:`sentence_stops` checks
    that it opens a sentence): PDF lines break mid-sentence, but not after a headline.
    """
    lines = [ln for ln in raw.splitlines()]
    stops: list[int] = []
    heads: set[int] = set()
    lengths = sorted(len(text.squeeze(ln)) for ln in lines if text.squeeze(ln))
    typical = lengths[len(lengths) * 3 // 4] if lengths else 0
    breaks, pos = [0], 0
    blocks: list[list] = []  # [start, end, lines, strong] of each run of headline lines
    in_header, after_byline, after_colon = False, False, False
    for ln in lines:
        sq = text.squeeze(ln)
        if not sq:
            continue
        short = len(sq) < typical * 0.6
        sentence_inside = any(c in sq[:-1] for c in "。！？!?")
        placed = bool(HEADLINE_PLACE.match(sq))
        ends = "。！？!?：:，,；;" if placed or sq.startswith("—") else "。！？!?”」：:，,；;"  # 安仁：…“防火墙”
        headline = not sentence_inside and sq[-1] not in ends and len(sq) <= HEADLINE_MAX and (
            short or sq.startswith(("——", "—", "--")) or placed or after_byline
            or (after_colon and not any(c in sq for c in "，,；;")))  # 永州市冷水滩区： | 法治宣传进校园
        after_colon = bool(HEADLINE_PLACE.fullmatch(sq))  # 永州市冷水滩区： on a line of its own
        headline = headline or after_colon
        byline = bool(BYLINE_CLOSING.search(sq))
        dateline = DATELINE.match(sq)
        if headline or dateline:
            if not in_header:
                blocks.append([pos, pos, 0, False])
                in_header = True
            breaks.append(pos)
            block = blocks[-1]
            block[1] = pos + (len(sq) if headline else len(dateline.group()))
            block[2] += 1
            block[3] = block[3] or placed or after_byline or bool(dateline)
        else:
            in_header = False
        if headline or dateline:
            heads.add(pos)
        if headline:
            stops.append(pos + len(sq))
        pos += len(sq)
        after_byline = byline
        if sq[-1] in "。！？!?”」" or short or headline or byline:
            breaks.append(pos)
    # a header of one plain line inside an article is a subheading: a new paragraph, not a new article
    headers, articles = {0: 0}, {0}
    for start, end, n, strong in blocks:
        headers[start] = end
        if n >= 2 or strong:
            articles.add(start)
    squeezed = text.squeeze(raw)
    stops = [(p, p in heads) for p in stops if squeezed[p: p + 1] and squeezed[p] not in CONTINUATION]
    return sorted(set(breaks)), sorted(articles), headers, stops


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


CONTINUATION = "，,、；;：:）)”」』。！？!?…%"  # a line starting with these goes on with the line before


def line_ends(raw: str) -> list[int]:
    """Squeezed offsets of every line end (pages from HTML: one paragraph or table row a line)."""
    out, pos = [], 0
    for ln in raw.splitlines():
        pos += len(text.squeeze(ln))
        if out and out[-1] == pos:
            continue
        out.append(pos)
    return [p for p in out if p > 0]


def cut_at(pieces: list[tuple[int, int]], stops: list[int]) -> list[tuple[int, int]]:
    """Split the (start, end) pieces at the stop offsets falling inside them."""
    out = []
    for a, b in pieces:
        for c in sorted(x for x in set(stops) if a < x < b):
            out.append((a, c))
            a = c
        out.append((a, b))
    return out


HEADLINE_MAX = 40  # squeezed characters: a longer line without a sentence end is a broken text line
HEADLINE_PLACE = re.compile(r"[\u4e00-\u9fff]{2,8}[：:]")
BYLINE_CLOSING = re.compile(r"(?:^|[。！？”])[（(][\u4e00-\u9fff\s·、 ]{2,30}[）)]$")
DATELINE = re.compile(r"本[报報][讯訊]|本[报報][\u4e00-\u9fff\d]{0,12}[电電]|本[报報]\d{1,2}月\d{1,2}日[讯訊]|[\u4e00-\u9fff]{2,6}[讯訊]")


def enclosing(offset: int, pieces: list[tuple[int, int]]) -> tuple[int, int]:
    """The piece containing offset."""
    for s, e in pieces:
        if s <= offset < e:
            return s, e
    return 0, 0


# ---------------------------------------------------------------------------------------------------
# Quantities: value, unit, qualifiers
# ---------------------------------------------------------------------------------------------------
@dataclass
class Quantity:
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


def _approx_after(s: str, i: int, q: Quantity) -> int:
    """Skip a 余/多/来 right after a number (or its multiplier), recording the qualifier."""
    if (i < len(s) and s[i] in QUALIFIER_AFTER and not s.startswith(("多元", "多个", "来源", "来自", "来到", "来看"), i)):
        q.qualifiers.append(QUALIFIER_AFTER[s[i]])
        return i + 1
    return i


def borrow_unit(s: str, tok: text.Token, q: Quantity, tokens: list[text.Token], idx: int) -> None:
    """A list 31、36个名次 prints the unit once: the earlier items borrow it from the next one."""
    j = idx
    while not q.unit and j + 1 < len(tokens) and s[tokens[j].end: tokens[j + 1].start] in ("、", "和", "或", "至", "到", "-", "—", "~"):
        nxt = read_quantity(s, tokens[j + 1])
        if nxt.unit:
            q.unit, q.measure, q.multiplier, q.unit_spans = nxt.unit, nxt.measure, nxt.multiplier, nxt.unit_spans
            return
        j += 1


def base_of(q: Quantity, k: Knowledge, pre: str) -> tuple[Decimal | None, str]:
    """Value in the base unit, and the base unit (per-capita and rank readings from the context)."""
    try:
        value = q.number()
    except ValueError:
        return None, ""
    if q.rank:
        return value, "rank"
    if q.measure in ("位", "名") and is_place_change(q, pre):  # 上升7位: places, not a rank or persons
        return value, "places"
    choices = k.units.get(q.unit, [])
    scale = Decimal(1)
    if not choices and q.multiplier != 1:  # 5万亿元: the measure word's conversion times the multiplier
        choices, scale = k.units.get(q.measure, []), Decimal(q.multiplier)
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


# ---------------------------------------------------------------------------------------------------
# Hold-back rules
# ---------------------------------------------------------------------------------------------------
def hold_reason(s: str, tok: text.Token, q: Quantity) -> str:
    """Why a number token is not a quantity to propose ('' when it is one)."""
    before, after, t = s[: tok.start], s[tok.end:], tok.text
    for rule in (_numeric_date, _phone_or_id, _date_or_time, _name_or_slogan, _ordinal, _span_or_label):
        reason = rule(before, after, t, q)
        if reason:
            return reason
    return ""


def _numeric_date(before: str, after: str, t: str, q: Quantity) -> str:
    """2023-03-15, 2023/3/15, 2023.03.15: the month and day of a date written with digits only."""
    if t.isdigit() and len(t) == 4 and 1900 <= int(t) <= 2100 and re.match(r"([-/.．])\d{1,2}\1\d{1,2}(?!\d)", after):
        return "year (a period, not a value)"
    if not t.isdigit() or len(t) > 2:
        return ""
    if re.search(r"(?:19|20)\d{2}([-/.．])$", before) and re.match(r"[-/.．]\d{1,2}(?!\d)", after) and 1 <= int(t) <= 12:
        return "date (month)"
    if re.search(r"(?:19|20)\d{2}([-/.．])\d{1,2}[-/.．]$", before) and 1 <= int(t) <= 31 and not after[:1].isdigit():
        return "date (day)"
    return ""


def _phone_or_id(before: str, after: str, t: str, q: Quantity) -> str:
    if re.search(r"\d{3,4}[-－—]$", before) or (t.isdigit() and 3 <= len(t) <= 4 and re.match(r"[-－—]\d{7,8}", after)):
        return "phone number"
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
    if set(t) <= set(MULTIPLIERS_CHARS) and before[-1:] in ("余", "多", "来", "几", "数"):
        return "multiplier of the preceding number (part of its unit)"
    if set(t) <= set(MULTIPLIERS_CHARS) and before.endswith("每"):
        return "denominator of a rate (每千人)"
    if set(t) <= set(MULTIPLIERS_CHARS) and before[-1:] in ("（", "(") and re.match(r"[^（）()]{0,3}[）)]", after):
        return "unit in a heading (亿元)"
    for w in LEXICAL_WORDS:
        for k in range(len(w)):
            if w.startswith(t, k) and before.endswith(w[:k]) and after.startswith(w[k + len(t):]):
                return f"part of a word ({w})"
    if after.startswith(NAME_TAILS) or (after.startswith("大") and before.endswith("党的")):
        return "part of a name (congress, session)"
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


MULTIPLIERS_CHARS = "万亿千百"


def _ordinal(before: str, after: str, t: str, q: Quantity) -> str:
    if t in CN_DIGITS or t == "一":
        if after.startswith("是") or (before.endswith("第") and after[:1] in ("，", "、", "：", ",") and not before[:-1].endswith(RANK_SCOPE)):
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


def implausible(value_base: Decimal | None, base: str, level: str, pre: str) -> str:
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


# ---------------------------------------------------------------------------------------------------
# Regions
# ---------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    region: Region
    scope: bool = False  # an anaphoric scope word (全市, 该县 …)
    subject: bool = False  # opens its clause (after a time frame, 在, 记者走进 …): the clause is about it
    lead: bool = False  # opens its paragraph's first sentence: a story may move to it
    organ: bool = False  # names an office or official (涟源市委, 斗笠山镇镇长): an actor, not the story's place
    ranked_set: bool = False  # 在全省…中排名: the scope word names the set ranked in, not the subject


def region_pattern(regions: list[Region]) -> tuple[re.Pattern, dict[str, Region]]:
    """One alternation of every name and alias (longest first) and its lookup table."""
    table: dict[str, Region] = {}
    for r in regions:  # catalogue rows first: they win over jionlp rows of the same name
        for name in (r.name, r.alias):
            if name and name not in table:
                table[name] = r
    words = sorted(set(table) | set(SCOPE_WORDS) | set(PROVINCE_SCOPE), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words))), table


def find_mentions(s: str, k: Knowledge, subject: Region | None, starts: list[int] | None = None) -> list[Mention]:
    """Region mentions in page order; scope words resolve to the latest mention with the same suffix.

    Places that are not where the reported thing happens are left out: a counted noun's qualifier
    (22个娄底市重点项目), an aside in parentheses, a location (位于X), a direction or counterpart (向X申请,
    跑到X、Y去推销, 销往X, 来自X) and the places listed with it. Each mention records whether it opens
    its clause or its sentence (``starts``: paragraph starts) and whether it names an office.
    """
    pattern, table = region_pattern(k.regions)
    by_code = {r.code: r for r in k.regions}
    starts = sorted(starts or [0])
    out: list[Mention] = []
    dropped_end = -1
    for m in pattern.finditer(s):
        word = m.group()
        before = s[max(0, m.start() - 8): m.start()]
        listed_after_dropped = dropped_end != -1 and s[dropped_end: m.start()] in ("、", "和", "及", "与")
        if word in table and word == table[word].alias and s[m.end(): m.end() + 1] in LEVEL_SUFFIXES:
            continue  # 石门村 is a village, not 石门县 by its short name
        if (COUNTED_BEFORE.search(before) or in_parentheses(s, m.start())
                or s[max(0, m.start() - 2): m.start()] in LOCATION_VERBS or DIRECTION_BEFORE.search(before)
                or listed_after_dropped):
            dropped_end = m.end()
            continue  # 22个娄底市重点项目: the place qualifies the counted noun, it is not the subject
        chained = bool(out) and out[-1].end == m.start() and not out[-1].scope
        if chained:  # 涟源市伏口镇胡家坪村: a chain of names shares the position of its first name
            subj, lead = out[-1].subject, out[-1].lead
        else:
            subj, lead = opens_clause(s, m.start(), starts)
        organ = bool(ORGAN_AFTER.match(s, m.end()))
        if word in table:
            out.append(Mention(m.start(), m.end(), table[word], subject=subj, lead=lead, organ=organ))
        elif word in PROVINCE_SCOPE and PROVINCE_SCOPE[word] in by_code:
            out.append(Mention(m.start(), m.end(), by_code[PROVINCE_SCOPE[word]], scope=True,
                               ranked_set=ranking_scope(s, m.start(), m.end())))
        else:
            suffix = SCOPE_WORDS[word]
            target = next((x.region for x in reversed(out) if not x.scope and x.region.name.endswith(suffix)), None)
            if target is None and subject is not None and subject.name.endswith(suffix):
                target = subject
            if target is not None:
                out.append(Mention(m.start(), m.end(), target, scope=True, ranked_set=ranking_scope(s, m.start(), m.end())))
    return listed_under_parent(s, out)


def ranking_scope(s: str, start: int, end: int) -> bool:
    """在全省县域经济…中排名第18位 / 居全市第一: the scope word is the set a ranking is made in."""
    return s[start - 1: start] in ("在", "居", "列", "于") and bool(RANKING_AFTER.match(s, end))


DIRECTION_BEFORE = re.compile(r"(?:向|往|赴|来自|跑到|送到|卖到|运到|销到|(?<!侵)占|高于|低于|快于|慢于|超过|比|较)$")  # 占全省的, 比全省高: the whole or the yardstick, not the subject  # 占全省的3.5%: the whole, not the subject
ORGAN_AFTER = re.compile(r"(?:市|县|区|镇|乡|村)?(?:委|党委|政府|人民政府|人大|政协|纪委|监委|镇长|乡长|县长|市长|区长|村长|"
                         r"书记|支书|[\u4e00-\u9fff]{0,3}?局)")
FRAME_WORDS = re.compile(r"近年来|近几年|目前|如今|当前|现在|过去|日前|近日|此前|随后|其中|同时|截至|截止|[上下]午|晚上|凌晨|"
                         r"记者|走进|来到|深入|在|据|从|于|今年以来|去年以来")
QUOTES = "“”‘’\"「」『』"


def opens_clause(s: str, i: int, starts: list[int]) -> tuple[bool, bool]:
    """(opens its clause, opens its paragraph's first sentence) for a place named at s[i].

    Only a time frame, quote marks and words like 在/记者走进/近年来 may come before it in the clause; for a
    lead, a quoted remark opening the paragraph (“…！”杉山镇同福村村民说) is passed over as well.
    """
    para = starts[max(0, _bisect(starts, i) - 1)]
    clause = max(max(s.rfind(c, para, i) for c in CLAUSE_DELIMS + "”") + 1, para)
    if not _only_frame(s[clause:i]):
        return False, False
    head = re.sub(r"“[^“”]*”", "", s[para:clause])
    return True, all(_only_frame(piece) for piece in re.split(f"[{re.escape(CLAUSE_DELIMS)}]", head))


def _only_frame(piece: str) -> bool:
    """Nothing but time expressions, quote marks and frame words."""
    rest = TIME_EXPR.sub("", piece.strip(QUOTES))
    rest = FRAME_WORDS.sub("", rest).strip(QUOTES)
    return rest == ""


def _bisect(xs: list[int], v: int) -> int:
    return bisect.bisect_right(xs, v)


def listed_under_parent(s: str, mentions: list[Mention]) -> list[Mention]:
    """'堡子镇黄旗村、上坊村共74户': places of one level listed after their parent stand for the parent."""
    out = list(mentions)
    for i, m in enumerate(mentions):
        if i == 0 or m.scope or mentions[i - 1].end != m.start or mentions[i - 1].scope:
            continue
        parent = mentions[i - 1]
        suffix = m.region.name[-1]
        if vocab.LEVEL_RANK.get(parent.region.level, 0) <= vocab.LEVEL_RANK.get(m.region.level, 0):
            continue
        if re.match(rf"(?:[、和及与][\u4e00-\u9fff]{{1,6}}?{re.escape(suffix)})+", s[m.end:]):
            out[i] = Mention(m.start, m.end, parent.region, subject=m.subject, lead=m.lead)
    return out


LEVEL_SUFFIXES = set("省市县区镇乡村街社组")


def topic(mentions: list[Mention]) -> Mention:
    """The region named most often (the latest of equals)."""
    counts = Counter(m.region.code for m in mentions)
    best = max(counts.values())
    return next(m for m in reversed(mentions) if counts[m.region.code] == best)


def in_parentheses(s: str, i: int) -> bool:
    """Inside a parenthetical aside（原名…）."""
    o = max(s.rfind("（", max(0, i - 30), i), s.rfind("(", max(0, i - 30), i))
    return o != -1 and max(s.rfind("）", o, i), s.rfind(")", o, i)) == -1


def resolve_region(offset: int, sent: tuple[int, int], para: tuple[int, int], section: tuple[int, int],
                   mentions: list[Mention], subject: Region | None, rank_clause: int | None,
                   others: bool = False) -> tuple[Region | None, str, float]:
    """Nearest preceding mention in the sentence, then the paragraph, then the article's story place; else the
    page's subject.

    ``section`` is the article's (start, end of its header). For a rank (``rank_clause`` = start of its
    clause) the first mention of the clause names the ranked region, and a scope word right before the rank
    (全省第三) is the set ranked in, not the region; but when the clause names only one place and it is
    above the story's place, it is the set (郴州市…评比第一名 in a story about 安仁县). A clause about
    ``others`` (其他园区…) skips the places of its sentence, paragraph and story: the article's subject.
    """
    usable = [m for m in mentions if m.end <= offset]
    story = story_place([m for m in usable if m.start >= section[0] and m.region.level != "province" and not m.scope],
                        section[1], base_only=others)
    if rank_clause is not None:
        in_clause = [m for m in usable if m.start >= rank_clause]
        usable = [m for m in usable if not (m.scope and (offset - m.end <= 10 or m.region.level == "province"))]
        first = [m for m in usable if m.start >= rank_clause and not m.scope]
        if first and story is not None and len(in_clause) == 1 and rank_of(first[0]) > rank_of(story):
            # 郴州市林长制考核评比第一名 in a story about 安仁县: the only place, above the story's, is the set ranked
            return story.region, f"region {story.region.name}: ranked within {first[0].region.name}", 0.7
        if first:
            return first[0].region, f"region {first[0].region.name}: named first in the clause of the rank", 0.85
    tiers = ((sent[0], "sentence", 0.9), (para[0], "paragraph", 0.7))
    if others:  # 其他园区…: not the place just named
        tiers = ()
    for lo, where, conf in tiers:
        inside = [m for m in usable if m.start >= lo and (m.region.level != "province" or where == "sentence")
                  and (where == "sentence" or not m.scope) and not m.ranked_set]
        if inside:
            m = inside[-1]
            return m.region, f"region {m.region.name} from the {where}", conf
    if story is not None:
        return story.region, f"region {story.region.name}: place of the story so far in the article", 0.6
    if subject is not None:
        return subject, f"region {subject.name}: page subject (fallback)", 0.5
    return None, "region unknown", 0.0


def rank_of(m: Mention) -> int:
    return vocab.LEVEL_RANK.get(m.region.level, 0)


def story_place(mentions: list[Mention], header_end: int, base_only: bool = False) -> Mention | None:
    """The place an article is about at the end of ``mentions`` (its mentions so far, in order).

    The article's subject is the first place named in its header (headline, subtitle, dateline), else the
    place it names most often. A story about a lower-level place starts where a paragraph's first sentence
    opens with it (4月16日，记者走进涟源市伏口镇胡家坪村) and lasts until a place of the same or a higher
    level opens a clause (脱贫攻坚战打响后，涟源…). Offices and officials (斗笠山镇镇长) change nothing.
    """
    if not mentions:
        return None
    in_header = [m for m in mentions if m.start < header_end]
    base = in_header[0] if in_header else topic(mentions)
    focus = base
    if base_only:
        return base
    for m in mentions:
        if m.organ or m.region == focus.region or m.start < header_end:
            continue
        if m.lead and rank_of(m) < rank_of(focus):
            focus = m
        elif focus is not base and m.subject and rank_of(m) >= rank_of(focus):
            focus = m if rank_of(m) <= rank_of(base) else base
    return focus


def respectively(s: str, sent: tuple[int, int], tok: text.Token, tokens: list[text.Token],
                 mentions: list[Mention]) -> Region | None:
    """'A、B…分别 x、y': the i-th number of the list belongs to the i-th region named before 分别."""
    lo, hi = sent
    k = s.rfind("分别", lo, tok.start)
    if k == -1:
        return None
    listed = [t for t in tokens if k < t.start < hi]
    group = []
    for t in listed:
        if group and s[group[-1].end: t.start].lstrip("余多万亿元%个名次位家项人户") not in ("、", "和", "，"):
            break
        group.append(t)
    regs = [m for m in mentions if lo <= m.start < k and not m.scope]
    if tok in group and len(regs) >= len(group) > 1:
        return regs[len(regs) - len(group) + group.index(tok)].region
    return None


# ---------------------------------------------------------------------------------------------------
# Periods
# ---------------------------------------------------------------------------------------------------
@dataclass
class TimeExpr:
    start: int
    end: int
    period: str
    note: str
    plan: tuple[int, int] | None = None
    md: bool = False  # a month/day printed without its year
    as_of: bool = False  # 截至 …: the state at a date
    future: bool = False  # 五年内, 未来3年: a target span ahead of the page date
    day: bool = False  # 当天/当日: the day last named


def cn_int(s: str) -> int:
    return int(s) if s.isdigit() else CN_DIGITS.get(s, 0)


def time_exprs(s: str, lo: int, hi: int, page_year: int, last_year: int) -> list[TimeExpr]:
    """Time expressions of s[lo:hi] with the period each stands for."""
    out: list[TimeExpr] = []
    sentence_year = None
    for m in TIME_EXPR.finditer(s, lo, hi):
        g = m.groupdict()
        if s[max(0, m.start() - 1): m.start()] in ("比", "较") and (g["rel"] or g["y"]) and not m.group().endswith(("底", "末")):
            continue  # 比上年上升, 较去年同期: the base compared with, not the period of the value
        if g["range"]:
            ys = re.findall(r"(?:19|20)\d{2}", g["range"])
            a, b = ys[0], ys[-1]
            if g["m2"]:
                start = f"{a}-{int(g['m1'] or 1):02d}"
                period = f"{start}..{b}-{int(g['m2']):02d}"
            else:
                period = f"{a}..{b}"
            out.append(TimeExpr(m.start(), m.end(), period, f"period {m.group()} → {period}"))
            sentence_year = sentence_year or int(b)
        elif g["mrange"]:  # 今年1-10月, 2022年1至6月: months of one year
            ym = re.match(r"((?:19|20)\d{2})年", g["mrange"])
            rel = re.match(r"今年|去年|上年", g["mrange"])
            y = int(ym.group(1)) if ym else page_year + RELATIVE_YEARS[rel.group()] if rel else (sentence_year or page_year)
            m1, m2 = int(g["mr1"]), int(g["mr2"])
            if not (1 <= m1 < m2 <= 12):
                continue
            period = f"{y}-{m1:02d}..{y}-{m2:02d}"
            out.append(TimeExpr(m.start(), m.end(), period, f"period {m.group()} → {period}"))
            sentence_year = sentence_year or y
        elif g["quarter"]:  # 今年一季度, 2022年前三季度, 上半年: months of one year
            ym = re.match(r"((?:19|20)\d{2})年", g["quarter"])
            rel = re.match(r"今年|去年|上年", g["quarter"])
            y = int(ym.group(1)) if ym else page_year + RELATIVE_YEARS[rel.group()] if rel else (sentence_year or page_year)
            if g["q"]:
                n = cn_int(g["q"]) if not g["q"].isdigit() else int(g["q"])
                n = 1 if g["q"] == "一" else n
                m1, m2 = 3 * n - 2, 3 * n
            elif g["qs"]:
                m1, m2 = 1, 3 * (cn_int(g["qs"]) if not g["qs"].isdigit() else int(g["qs"]))
            else:
                m1, m2 = (1, 6) if g["half"] == "上" else (7, 12)
            period = f"{y}-{m1:02d}..{y}-{m2:02d}"
            out.append(TimeExpr(m.start(), m.end(), period, f"period {m.group()} → {period}"))
            sentence_year = sentence_year or y
        elif g["ymd"]:
            y, mo, d = re.findall(r"\d+", g["ymd"])
            out.append(TimeExpr(m.start(), m.end(), f"{y}-{int(mo):02d}-{int(d):02d}", f"period from {m.group()}"))
            sentence_year = sentence_year or int(y)
        elif g["ym"]:
            y, mo = re.findall(r"\d+", g["ym"])
            out.append(TimeExpr(m.start(), m.end(), f"{y}-{int(mo):02d}", f"period from {m.group()}"))
            sentence_year = sentence_year or int(y)
        elif g["since"]:
            y = g["since"][:4]
            out.append(TimeExpr(m.start(), m.end(), f"{y}..{page_year}", f"period {m.group()} → {y}..{page_year} (page year)"))
        elif g["y"]:
            y = g["y"][:4]
            if s[m.end(): m.end() + 1] in ("—", "－", "-"):
                continue
            out.append(TimeExpr(m.start(), m.end(), y, f"period from {m.group()}"))
            sentence_year = sentence_year or int(y)
        elif g["rel"]:
            y = page_year + RELATIVE_YEARS[g["rel"]]
            nums = re.findall(r"\d+", m.group())
            period = str(y) + "".join(f"-{int(n):02d}" for n in nums)
            out.append(TimeExpr(m.start(), m.end(), period, f"period {m.group()} → {period} from the page date"))
        elif g["md"]:
            mo, d = re.findall(r"\d+", g["md"])
            since = s[max(0, m.start() - 1): m.start()] in ("自", "从") 
            out.append(TimeExpr(m.start(), m.end(), "?" if since else f"?-{int(mo):02d}-{int(d):02d}", m.group(), md=True))
        elif g["mon"]:  # 截至6月底: a month of the sentence's year, else the page's
            if 1 <= int(g["mo"]) <= 12:
                out.append(TimeExpr(m.start(), m.end(), f"?-{int(g['mo']):02d}", m.group()))
        elif g["plan"]:
            a, b = PLAN_PERIODS[g["plan"]]
            out.append(TimeExpr(m.start(), m.end(), f"{a}..{b}", f"period “{g['plan']}” → {a}..{b}", (a, b)))
        elif g["recent"]:
            n = cn_int(re.findall(r"近(.+)年", m.group())[0])
            out.append(TimeExpr(m.start(), m.end(), f"{page_year - n}..{page_year - 1}",
                                f"period {m.group()} → {page_year - n}..{page_year - 1} from the page date"))
        elif g["future"]:
            n = cn_int(re.findall(r"(\d{1,2}|[两二三四五六七八九十])年", m.group())[0])
            out.append(TimeExpr(m.start(), m.end(), f"{page_year + 1}..{page_year + n}",
                                f"period {m.group()} → {page_year + 1}..{page_year + n} from the page date", future=True))
        elif g["same"]:
            nums = re.findall(r"\d+", m.group())
            period = str(_latest_year(s[max(0, m.start() - 400): m.start()]) or last_year) + "".join(f"-{int(n):02d}" for n in nums)
            out.append(TimeExpr(m.start(), m.end(), period, f"period {m.group()} → {period} (latest year named)"))
        elif g["day"]:
            day = _latest_day(s[max(0, m.start() - 600): m.start()], last_year)
            if day:
                out.append(TimeExpr(m.start(), m.end(), day, f"period {m.group()} → {day} (latest day named)", day=True))
    for e in out:
        e.as_of = s[max(0, e.start - 2): e.start] in ("截至", "截止", "到") 
    for e in out:  # a month/day without a year takes the sentence's year, else the page's
        if e.period.startswith("?"):
            y = sentence_year or page_year
            e.period = f"{y}{e.period[1:]}"
            e.note = f"period {e.note} → {e.period} ({'year of the sentence' if sentence_year else 'page year'})"
    return out


def resolve_period(offset: int, s: str, sent: tuple[int, int], para: tuple[int, int], page_year: int,
                   span: bool, lead: tuple[int, int] = (0, 0), region_re: re.Pattern | None = None) -> tuple[str, str, float]:
    """Nearest preceding time expression in the sentence, then the paragraph's time frame, then the frame of
    the lead; else the page year.

    A time frame is a time expression opening its sentence (2020年，…; 截至2021年5月，…; 湖南省2022年度…)
    or a year opening a clause: it governs the later sentences of its paragraph that name no time. A time
    inside a sentence (刘清锋，2018年3月来到…) governs only its sentence, and one opening a clause after
    the number with a comma (…，2019年，…) only what follows it. The year of the frame of the lead paragraph
    (``lead``: the paragraph after the latest heading, subheadings included) carries to the later paragraphs
    up to the next heading. A day frame 当天/当日 dates its paragraph; a dated lead (11月26日，…) dates only
    the sentences about the event (本次活动共为84名村民…).
    A span (2014年至2020年底, “十三五”, 2020年以来) gives its range to flows and counts (``span``) and its end
    year to levels and rates (达585.8亿元, 达标率达100%); a future span (五年内, 未来3年) stays a span: a target.
    """
    last_year = _latest_year(s[max(0, sent[0] - 400): sent[0]]) or page_year
    exprs = time_exprs(s, sent[0], sent[1], page_year, last_year)
    before = [e for e in exprs if e.end <= offset]
    after = [e for e in exprs if e.start >= offset
             and not (opens_frame(s, e, sent[0], region_re, clause=True) and s[e.end: e.end + 1] in "，,")]
    pick = before[-1] if before else (after[0] if after else None)
    if pick is not None and ".." not in pick.period and pick.period[:4].isdigit():
        dated = [e for e in exprs if e.start < pick.start and e.md and e.period.startswith(pick.period)]
        if dated:  # 3月4日，…举行2021年… : the day of the sentence
            pick = dated[-1]
    where, conf = "", 0.9 if before else 0.7
    if pick is None:
        frames = [e for e in time_exprs(s, para[0], sent[0], page_year, last_year)
                  if opens_frame(s, e, para[0], region_re)
                  or ((len(e.period) == 4 or ".." in e.period) and opens_frame(s, e, para[0], region_re, clause=True))]
        lead_frames = [e for e in time_exprs(s, lead[0], min(lead[1], para[0]), page_year, last_year)
                       if opens_frame(s, e, lead[0], region_re) and e.period[:4].isdigit()]
        event = EVENT_WORDS.search(s, sent[0], offset)
        days = [e for e in frames + lead_frames if len(e.period) == 10 and (event or e.day)]
        if days and (event or (frames and days[-1] is frames[-1])):  # 当天，…; 本次活动共为84名村民…: the day of the event
            return days[-1].period, f"{days[-1].note} (frame of the paragraph or lead): the day of the event", 0.6
        if frames:
            pick, where, conf = frames[-1], " (frame of the paragraph)", 0.6
        else:
            years = [e for e in lead_frames if len(e.period) == 4 or e.plan]
            if not years:  # 本报讯…获悉，2022年上半年，…: a year opening a clause of the lead
                years = [e for e in time_exprs(s, lead[0], min(lead[1], para[0]), page_year, last_year)
                         if (len(e.period) == 4 or ".." in e.period) and opens_frame(s, e, lead[0], region_re, clause=True)]
            if not years:
                return str(page_year), f"no date in the text; page year {page_year}", 0.4
            pick, where, conf = years[-1], " (frame of the article's lead)", 0.5
            if ".." not in pick.period:
                return pick.period, f"{pick.note}{where}", conf
        if not pick.as_of and ".." not in pick.period:
            return pick.period[:4], f"{pick.note}{where} → {pick.period[:4]}", conf
    if ".." in pick.period and not span and not pick.future:
        end = pick.period.split("..")[-1]
        return end, f"{pick.note}{where}, level at its end → {end}", conf - 0.1
    if span and ".." not in pick.period:
        wider = [e for e in time_exprs(s, para[0], sent[0], page_year, last_year)
                 if ".." in e.period and e.period.endswith(pick.period[:4])]
        if wider:  # 年均 needs a span: the paragraph's span ending in this year
            return wider[-1].period, f"{wider[-1].note} (span of the paragraph for a yearly average)", 0.6
    return pick.period, pick.note + (f"{where} → {pick.period}" if where else ""), conf


EVENT_WORDS = re.compile(r"本次|此次|当天|当日|现场|活动中|会上|仪式上")


def opens_frame(s: str, e: TimeExpr, lo: int, region_re: re.Pattern | None, clause: bool = False) -> bool:
    """Does the time expression open its sentence (``clause``: its clause) after ``lo``?

    Before it may stand only place names, quote marks and words like 截至/到/在/自/从/近年来.
    """
    delims = CLAUSE_DELIMS if clause else SENTENCE_DELIMS
    start = max(max(s.rfind(c, lo, e.start) for c in delims) + 1, lo)
    prefix = s[start: e.start]
    if region_re is not None:
        prefix = region_re.sub("", prefix)
    return _only_frame(re.sub(r"截至|截止|到|自|从|至", "", prefix))


def _latest_day(s: str, year: int) -> str:
    """The last full day named in s (2023年2月25日 or 2月25日 in the latest year named)."""
    day = ""
    for m in re.finditer(r"(?:((?:19|20)\d{2})年)?(\d{1,2})月(\d{1,2})[日号]", s):
        y = int(m.group(1)) if m.group(1) else (_latest_year(s[: m.start()]) or year)
        day = f"{y}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    return day


def _latest_year(s: str) -> int | None:
    """The year last named in s (the start of a bracketed span such as a plan's years)."""
    last = None
    for m in re.finditer(r"(?:19|20)\d{2}年?(?:[—－\-~～至到](?:19|20)\d{2})?年", s):
        ys = re.findall(r"(?:19|20)\d{2}", m.group())
        bracketed = s[max(0, m.start() - 1): m.start()] in "（(《"
        last = int(ys[0] if bracketed else ys[-1])
    return last


# ---------------------------------------------------------------------------------------------------
# Indicators
# ---------------------------------------------------------------------------------------------------
QUANTITY_RUN = re.compile(r"(?:19|20)\d{2}年(?:度|底|末|初)?|[0-9.]+[余多]?(?:万亿|千万|百万|万|亿)?[余多]?")
COUNTED = set("个名位家项支座台条场次件处所笔套部张本组幅起盏例批类轮期间栋块辆户人村")


def subject_clause(s: str, lo: int) -> str:
    """Words naming the value a bare growth rate or change refers to: the clause before ``lo`` that prints a
    value (按可比价格计算 and other asides are passed over), cut before that value (一般… and 第一产业 start
    with numerals that are no values)."""
    sent_lo = max(s.rfind(c, 0, lo) for c in SENTENCE_DELIMS) + 1
    hi, first = lo, None
    while hi > sent_lo:
        prev_lo = max(max(s.rfind(c, 0, hi) for c in CLAUSE_DELIMS.replace("、", "")) + 1, sent_lo)  # not a list item
        prev = re.sub(r"^(?:(?:19|20)\d{2}年(?:度|底|末|初)?|今年|去年|上年|当年)", "", s[prev_lo:hi])
        nums = [t for t in text.find_numbers(prev) if prev[t.start - 1: t.start] != "第"
                and not re.match(r"(?:19|20)\d{2}年", prev[t.start:])]
        first = prev if first is None else first
        if nums:
            return prev[: nums[0].start]
        hi = prev_lo - 1
    return first or ""


def context_words(s: str, tok: text.Token, unit_end: int, breaks: list[int] | None = None,
                  rank: bool = False) -> tuple[str, str]:
    """Words of the clause before the number (after any earlier quantity) and after its unit.

    Line blocks (``breaks``: paragraph and headline starts) cut the words: in a box of figures the label
    is the last line with words (刘清锋 摄 | 数说脱贫 | 贫困发生率 | 2013年 18.3%). For a rank, the words
    naming the ranking (排名, 位列, 跻身 …) are preferred over the verbs around 第 (从第44位跃升至第9位).
    """
    lo = max(s.rfind(c, 0, tok.start) for c in CLAUSE_DELIMS) + 1
    if s[lo - 1: lo] == "、" and s[:tok.start].endswith("等"):  # 打通人民路、建设路等8条: the verb opens the list
        lo = max(s.rfind(c, 0, lo - 1) for c in CLAUSE_DELIMS.replace("、", "")) + 1
    cuts = [lo] + sorted(b for b in (breaks or []) if lo < b < tok.start)
    pieces: list[str] = []
    for a, b in zip(cuts, cuts[1:] + [tok.start]):
        # only a piece that follows a number starts with its unit (双峰县… at a clause start is a name)
        pieces += [strip_unit(x) if i else x for i, x in enumerate(QUANTITY_RUN.split(s[a:b]))]
    pre = pieces[-1] if pieces else ""
    if rank:
        named = [x for x in pieces if re.search(r"排名|排位|位次|位列|位居|名列|跻身|排在|居", x)]
        pre = named[-1] if named else pre
    if not clean_phrase(pre):  # 地区生产总值 2013年 168.3亿元 2020年 302.9亿元: the last words printed
        pre = next((x for x in reversed(pieces) if clean_phrase(x)), pre)
    hi_candidates = [s.find(c, unit_end) for c in CLAUSE_DELIMS]
    hi = min([h for h in hi_candidates if h != -1] or [len(s)])
    post = s[unit_end: hi]
    num = re.search(r"[0-9]", post)
    if num:
        post = post[: num.start()]
    return pre, post


def strip_unit(piece: str) -> str:
    """Drop the unit word that starts a piece of text following a number."""
    for word in vocab.UNIT_WORDS:
        if piece.startswith(word):
            return piece[len(word):]
    return piece


def indicator_phrase(s: str, tok: text.Token, q: Quantity, k: "Knowledge | None" = None,
                     breaks: list[int] | None = None) -> tuple[str, str, str]:
    """Raw words before/after the number and the cleaned 'pre|post' phrase used for matching.

    A growth rate printed alone (…302.92亿元，同比增长4.3%) takes the subject of the previous clause; the
    words after the unit count only for counted nouns (149个产业项目).
    """
    pre, post = context_words(s, tok, q.end, breaks, rank=q.rank)
    if q.measure not in COUNTED or q.rank:
        post = ""  # 第9位跃升: words after a rank are verbs
    pre_c, post_c = clean_phrase(pre, k), clean_phrase(post, k)
    if q.rank and not RANKING_NOUN.search(pre_c):  # 增速居全市各园区第一: 增速各园区排名
        m = re.fullmatch(r"(.+?)(?:位居|位列|名列|排在|居)(?![民住家])(.*)", pre_c)
        if m:
            pre_c = m.group(1) + m.group(2) + "排名"
    if is_place_change(q, pre) and not RANKING_NOUN.search(pre_c):
        lo = max(max(s.rfind(c, 0, tok.start) for c in SENTENCE_DELIMS) + 1, 0)
        prior = rank_before(s, tok, lo)
        if prior is not None:  # 排名第18位，比上年上升7个名次: 县域经济发展综合评价排名上升名次
            rank_pre = indicator_phrase(s, prior, read_quantity(s, prior), k, breaks)[2].split("|")[0]
            move = "下降" if any(w in pre for w in MOVE_DOWN) else "上升"
            return pre, post, f"{rank_pre}{move}名次|"
    share = re.fullmatch(r"(?:约|分别|已)?占(?:到)?((?:全国|全省|全市|全县|全区)?)的?", pre)
    if share and not post_c:  # 占全省的3.5%: the subject's share of the whole
        lo = max(s.rfind(c, 0, tok.start) for c in CLAUSE_DELIMS)
        subject_words = clean_phrase(subject_clause(s, lo), k) if lo > 0 and s[lo] in "，,、；;" else ""
        return pre, post, f"{subject_words}占{share.group(1)}比重|"
    bare = not pre_c or (len(pre_c) <= 4 and pre_c.endswith(GROWTH_WORDS + ("增加", "净增", "增加值增速", "高于", "低于",
                                                                           "快于", "慢于")))
    if bare and not post_c:
        lo = max(s.rfind(c, 0, tok.start) for c in CLAUSE_DELIMS)
        if lo > 0 and s[lo] in "，,、；;":
            prev = subject_clause(s, lo)
            pre_c = clean_phrase(prev, k) + pre_c
            pre = prev + pre
    return pre, post, pre_c + "|" + post_c


def clean_phrase(p: str, k: "Knowledge | None" = None) -> str:
    """Drop years, region names, quote marks and leading/trailing function words."""
    if k is not None and k.region_re is not None:
        p = k.region_re.sub("", p)
    p = COMPARISON_BASE.sub("", p)  # 比上年增长, 比年初增加: the base compared with is no part of the name
    p = re.sub(r"(?:19|20)\d{2}年(?:度|底|末|初)?|\d{1,2}月(?:\d{1,2}[日号])?|今年|去年|上年|当年|同期|目前|截至|截止|全年|年内", "", p)
    p = re.sub(r"[“”‘’\"《》（）()【】\[\]…·•—\-－]", "", p).strip("、，,；;：:")
    p = re.sub(r"^(全市|全县|全区|全省|全国|该市|该县|该区|全镇|全村|本级)", "", p)
    p = re.sub(r"第$", "", p)  # the ordinal marker of a rank
    p = re.sub(r"^[该本这此][\u4e00-\u9fff]{1,4}?在", "", p)  # 该园区在…排名: the subject and 在
    p = re.sub(r"^[\u4e00-\u9fff]{2,6}?(?:街道|社区|镇|乡|村|园区|开发区)在", "在", p)  # 锡矿山街道在…: a place not catalogued
    p = re.sub(r"^在(.{2,}?)中(排名|排位|排|位列|位居|名列|居|获评)", r"\1\2", p)  # 在…评价中排名: …评价排名
    if not RANKING_NOUN.search(p):
        p = re.sub(r"(?<=[\u4e00-\u9fff]{2})(?:获评|荣获|位列|位居|名列|排在|居|排)$", "排名", p)  # 考核中位列第二: 考核排名
    changed = True
    while changed and p:
        changed = False
        for w in TRIM_LEADING:
            if p.startswith(w) and not p.startswith(IN_WORDS):
                p, changed = p[len(w):], True
        for w in TRIM_TRAILING:
            if p.endswith(w) and len(p) > len(w):
                p, changed = p[: -len(w)], True
    for q in list(QUALIFIER_BEFORE) + list(QUALIFIER_CLAUSE):
        if p.endswith(q) and len(p) > len(q):
            p = p[: -len(q)]
    if p.endswith("等") and len(p) > 3:  # 打通中心城区吉星路等20余条断头路: examples before 等 are no name
        p = p[:2]
    return p


IN_WORDS = ("在校", "在岗", "在册", "在建", "在职", "在读", "在编", "在园", "在营", "在库", "在外", "在线")
COMPARISON_BASE = re.compile(r"(?:比|较)(?:上年|去年|前年|年初|上月|上季度|上半年|上一年)(?:同期)?")


def bigrams(s: str) -> Counter:
    s = s.replace("|", "")
    return Counter(s[i: i + 2] for i in range(len(s) - 1)) if len(s) > 1 else Counter([s])


def similarity(a: str, b: str) -> float:
    """Dice coefficient of character bigrams."""
    A, B = bigrams(a), bigrams(b)
    total = sum(A.values()) + sum(B.values())
    return 2 * sum((A & B).values()) / total if total else 0.0


def match_indicator(phrase: str, base: str, k: Knowledge) -> tuple[str, float]:
    """Best known indicator for a phrase (by synonyms and names) compatible with the base unit.

    A known name that the text qualifies is another indicator (园区生产总值 is not 地区生产总值 or
    生产总值): when the phrase puts a modifier of two or more characters before the head noun it shares
    with the best entry, and no entry of that indicator carries that modifier, the match is refused.
    """
    best, score, best_entry = "", 0.0, ""
    if not phrase.replace("|", ""):  # no words at all (4.5:54.8, a phone number): nothing to match
        return best, score
    codes_of: dict[str, set[str]] = defaultdict(set)
    for e, c in k.synonyms:
        if c in k.indicators and _unit_compatible(base, k.indicators[c]["base_unit"]):
            codes_of[e].add(c)
    # a phrase taught for several indicators of this unit (产值| for two industries' output) decides none
    if len(codes_of.get(phrase, ())) > 1:  # the very phrase is ambiguous: no name decides it either
        return best, score
    entries = [(e, c) for e, c in k.synonyms if e.replace("|", "") and len(codes_of[e]) <= 1] + [(re.sub(r"[“”‘’\"《》（）()]", "", v["name_zh"]) + "|", c) for c, v in k.indicators.items()]
    for entry, code in entries:
        ind = k.indicators.get(code)
        if ind is None or not _unit_compatible(base, ind["base_unit"]):
            continue
        sc = similarity(phrase, entry)
        if sc > score:
            best, score, best_entry = code, sc, entry
    if best and qualified(phrase, best_entry, [e for e, c in entries if c == best]):
        return best, min(score, INDICATOR_THRESHOLD - 0.01)
    change = phrase.split("|")[0].endswith(("净增", "增加", "减少", "高于", "低于"))  # not 下降(至): a level
    if best and change and not re.search(r"增|减|降|提高|提升|上升|高于|低于|变化|幅", best_entry + k.indicators[best]["name_zh"]):
        return best, min(score, INDICATOR_THRESHOLD - 0.01)  # 规模工业企业净增 is a change, not the count itself
    return best, score


NOT_QUALIFYING = re.compile(r"同比|环比|比上年|较上年|比去年|较去年|分别|年均|平均")
VERBS_BEFORE_NOUN = ("实现", "完成", "达到", "共有", "拥有", "全年", "累计", "其中", "合计", "共计", "主要", "全部", "有", "达")


def qualified(phrase: str, entry: str, same_code: list[str]) -> bool:
    """Does the phrase add a modifier before the head noun it shares with entry (园区|生产总值)?"""
    p, e = NOT_QUALIFYING.sub("", phrase.split("|")[0]), NOT_QUALIFYING.sub("", entry.split("|")[0])
    n = 0
    while n < min(len(p), len(e)) and p[-1 - n] == e[-1 - n]:
        n += 1
    if n >= 3 and e[:-n] not in ("", "地区", "地"):  # 油茶种植面积 is not 红薯种植面积: another modifier
        pm, em = strip_verbs(p[:-n]), strip_verbs(e[:-n])
        return (len(pm) >= 2 and len(em) >= 2 and not set(pm) & set(em)  # 上报湘扶贫监测/上报湘扶贫困: a variant
                and not any(pm[-2:] + p[-n:] in x.split("|")[0] for x in same_code))
    if n < 2:  # only a name that is the bare head noun (or 地区 + it)
        return False
    n = min(n, len(e) - (2 if e.startswith("地区") else 0))  # 地区 is generic: 地区生产总值 is 生产总值
    head, mod = p[-n:], strip_verbs(re.sub("地区$", "", p[:-n]))
    if len(mod) < 2:
        return False
    mod = mod[-2:]
    return not any((mod + head) in x.split("|")[0] for x in same_code)


def strip_verbs(mod: str) -> str:
    """The modifier without the verbs and frame words that open it (实现, 全年 …)."""
    changed = True
    while changed:
        changed = False
        for v in VERBS_BEFORE_NOUN:
            if mod.startswith(v):
                mod, changed = mod[len(v):], True
    return mod


def _unit_compatible(base: str, ind_base: str) -> bool:
    if not base:
        return True
    if base == ind_base:
        return True
    family = {"rank": {"rank"}, "person": {"person"}, "count": {"count"}, "yuan": {"yuan", "yuan_per_person", "yuan_per_mu"}}
    return ind_base in family.get(base, {base})


def suggest_name(pre: str, post: str, q: Quantity, k: "Knowledge | None" = None, cleaned: bool = False) -> str:
    """A name for a new indicator: the noun phrase before the number, or after a counted unit (``cleaned``:
    the words are the matched phrase already, 占全省比重 keeps its 全省)."""
    pre_c, post_c = (pre, post) if cleaned else (clean_phrase(pre, k), clean_phrase(post, k))
    if post_c and len(post_c) >= 2 and (len(pre_c) < 2 or q.measure not in ("元", "%", "亩", "米", "吨", "公里", "平方米")):
        name = (pre_c if 0 < len(pre_c) <= 6 else "") + post_c
    else:
        name = pre_c or post_c
    if q.measure == "%":  # 一般公共预算收入同比增长 → 一般公共预算收入增速 (the catalogue's form of a growth rate)
        name = re.sub(r"(?:同比|比上年|较上年|比去年|较去年)?(?:增长|增幅)$", "增速", name) if len(name) > 4 else name
    name = name.replace("分别", "") if len(name) > 4 else name  # A、B分别增长: the list word is no part of a name
    return name[:20] or "未命名指标"


# ---------------------------------------------------------------------------------------------------
# The proposer
# ---------------------------------------------------------------------------------------------------
@dataclass
class Page:
    doc: str
    raw: str
    date: str
    subject: str
    html: bool = False  # main text of an HTML page: every line break ends a sentence


@dataclass
class Candidate:
    values: dict[str, str]
    start: int  # squeezed offset of the number
    end: int


INDICATOR_THRESHOLD = 0.6


def propose(page: Page, k: Knowledge) -> list[Candidate]:
    """One candidate per number token of the page."""
    original = text.squeeze(page.raw)
    repaired = text.repair_digits(original)
    analysed, traditional = to_simplified(normalise(repaired))
    gaps = text.number_gaps(page.raw, page.html)
    tokens = text.number_tokens(repaired, gaps)
    page_year = int(page.date[:4])
    by_code = {r.code: r for r in k.regions}
    subject = by_code.get(page.subject)
    breaks, sections, headers, stops = paragraph_breaks(page.raw)
    if page.html:  # one paragraph a line
        breaks = sorted(set(breaks) | {p for p in line_ends(page.raw) if p < len(original)})
    cells = table_cells(page.raw, gaps)
    stops = line_ends(page.raw) if page.html else sentence_stops(analysed, stops, k.region_re) + table_rows(page.raw, gaps)
    sentences = cut_at(spans(analysed, SENTENCE_DELIMS), stops)
    mentions = find_mentions(analysed, k, subject, breaks)
    breaks = breaks + [len(analysed)]
    paragraphs = [(a, b) for a, b in zip(breaks, breaks[1:]) if a < b]
    out: list[Candidate] = []
    new_codes: dict[str, str] = {}
    for idx, tok in enumerate(tokens):
        atok = text.Token(normalise(tok.text), tok.start, tok.end)
        section = max([x for x in sections if x <= tok.start] or [0])
        head = max([x for x in headers if x <= tok.start] or [0])  # the latest header, subheadings too
        cell = next((cells[c] for c in cells if c[0] <= tok.start < c[1]), None)
        row = candidate_row(page, k, analysed, original, tokens, idx, atok, sentences, paragraphs,
                            (section, headers[section], headers[head]),
                            mentions, subject, page_year, new_codes, cell)
        if traditional:
            row["notes"] += "; traditional script: matched on an OpenCC t2s copy, quote verbatim"
        row["candidate_id"] = f"{page.doc}-c{idx + 1:03d}"
        row["value"] = original[tok.start: tok.end]  # as printed, typing errors included
        if row["value"] != tok.text:
            row["notes"] += f"; printed {row['value']}: read as {normalise(tok.text)}"
        row["line"] = str(text.line_of(page.raw, tok.start))
        out.append(Candidate(row, tok.start, tok.end))
    return out


def candidate_row(page, k, s, original, tokens, idx, tok, sentences, paragraphs, section, mentions, subject,
                  page_year, new_codes, cell=None) -> dict[str, str]:
    """All fields of one candidate (value and line are filled by the caller); ``cell``: (row label, column
    heading) of a number in a table."""
    q = read_quantity(s, tok)
    borrow_unit(s, tok, q, tokens, idx)
    words, table_unit, growth = table_reading(cell) if cell else ("", "", False)
    if cell and not q.unit and table_unit:  # 社会消费品零售总额（亿元） | 98.63: the unit of the row or column
        tq = read_quantity(table_unit + " ", text.Token("1", 0, 0))
        q.unit, q.measure, q.multiplier, q.unit_supplied = tq.unit, tq.measure, tq.multiplier, True
    if cell and growth and not q.unit:
        q.unit, q.measure, q.unit_supplied = "%", "%", True
    sent = enclosing(tok.start, sentences)
    para = enclosing(tok.start, paragraphs) if paragraphs else (0, len(s))
    para = (min(para[0], sent[0]), para[1])
    clause_lo = max(max(s.rfind(c, sent[0], tok.start) for c in CLAUSE_DELIMS) + 1, sent[0])
    rank_lo = max(max(s.rfind(c, sent[0], tok.start) for c in "，,；;：:") + 1, sent[0])
    head = list_head(s, tokens, idx, sent[0])  # 分别达35161元、22564元: later items share the head's words
    pre, post, phrase = indicator_phrase(s, head, read_quantity(s, head) if head is not tok else q, k,
                                         [p[0] for p in paragraphs])
    if cell and words:  # a table cell: the row label (and a growth column) names it
        pre, post = words + ("增长" if growth else ""), ""
        phrase = clean_phrase(pre, k) + "|"
        if growth and "yoy" not in q.qualifiers:
            q.qualifiers.append("yoy")
    if head is not tok:
        clause_lo = max(max(s.rfind(c, sent[0], head.start) for c in CLAUSE_DELIMS) + 1, sent[0])
        if not q.measure:
            post = ""
    clause_before = s[clause_lo: head.start]
    for word, tag in QUALIFIER_CLAUSE.items():
        if word in clause_before and tag not in q.qualifiers:
            q.qualifiers.append(tag)
    if q.measure in ("%", "个百分点") and pre.endswith(GROWTH_WORDS) and "annual_avg" not in q.qualifiers and "yoy" not in q.qualifiers:
        q.qualifiers.append("yoy")
    others = bool(re.match(r"其他|其余|其它", s[rank_lo: tok.start]))
    region, region_note, region_conf = resolve_region(tok.start, sent, para, (min(section[0], para[0]), section[1]), mentions, subject,
                                                      rank_lo if q.rank else None, others)
    prior = rank_before(s, tok, sent[0]) if is_place_change(q, pre) else None
    if prior is not None and resp_free(s, sent, tok):  # 排名第18位，比上年上升7个名次: the subject of the rank
        p_lo = max(max(s.rfind(c, sent[0], prior.start) for c in "，,；;：:") + 1, sent[0])
        r, _, r_conf = resolve_region(prior.start, sent, para, (min(section[0], para[0]), section[1]), mentions, subject, p_lo)
        if r is not None:
            region, region_note, region_conf = r, f"region {r.name}: the subject of the rank the place change follows", r_conf
    resp = respectively(s, sent, tok, tokens, mentions)
    if resp is not None:
        region, region_note, region_conf = resp, f"region {resp.name}: 分别 list order", 0.8
    lead = enclosing(section[2], paragraphs) if paragraphs else (0, 0)  # the lead of the article or subsection
    period, period_note, period_conf = resolve_period(tok.start, s, sent, para, page_year, is_span(q, pre), lead,
                                                      k.region_re)
    value_base, base = base_of(q, k, pre)
    negative = s[tok.start - 1: tok.start] in ("-", "－", "−") and not re.search(r"[0-9A-Za-z]$", s[: tok.start - 1])
    if negative and value_base is not None:  # 同比增长-3.2%: the sign is printed before the number
        value_base = -value_base
    code, score = match_indicator(phrase, base, k)
    hold = hold_reason(s, tok, q) or implausible(value_base, base, region.level if region else "", pre)
    out_of = rank_out_of(s, (clause_lo, sent[1]), tok) if q.rank else ""
    if not hold and out_of_of_rank(s, sent, tok, tokens):
        hold = "number of ranked items (out_of of a rank)"
    row = {c: "" for c in REVIEW_COLUMNS}
    printed_unit = normalise("".join(original[a:b] for a, b in q.unit_spans)) if q.unit_spans and not q.unit_supplied else q.unit
    row.update(region=region.code if region else "", region_zh=region.name if region else "", period=period,
               unit=printed_unit, qualifier=";".join(t for t in catalog.QUALIFIERS if t in q.qualifiers), out_of=out_of,
               value_base=_fmt(value_base), base_unit=base, quote=quote_for(original, sent, tok), hold_back=hold)
    if score >= INDICATOR_THRESHOLD:
        row.update(indicator=code, indicator_zh=k.indicators[code]["name_zh"], is_new_indicator="false")
        ind_conf, ind_note = score, f"indicator by synonym/name (similarity {score:.2f})"
    else:
        pre_c, _, post_c = phrase.partition("|")  # the words matched: a bare growth rate's subject included
        same = head.start == tok.start or (pre_c and not re.search(r"[0-9]", pre_c))  # a list item: the head's words
        name = suggest_name(pre_c, post_c if head.start == tok.start else "", q, k, cleaned=True) if same else suggest_name(pre, post, q, k)
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


def resp_free(s: str, sent: tuple[int, int], tok: text.Token) -> bool:
    """No 分别 list before the number in its sentence (that pairs places and numbers itself)."""
    return s.rfind("分别", sent[0], tok.start) == -1


LIST_JOINS = ("、", "和", "及", "与")


def list_head(s: str, tokens: list[text.Token], idx: int, lo: int) -> text.Token:
    """The first number of a list '8.8%、9.6%' / '35161元、22564元' that the token at idx ends (itself if none)."""
    j = idx
    while j > 0 and tokens[j - 1].start >= lo:
        prev = read_quantity(s, tokens[j - 1])
        if s[prev.end: tokens[j].start] not in LIST_JOINS or not prev.unit or s[tokens[j - 1].start - 1: tokens[j - 1].start] == "第":
            break
        j -= 1
    return tokens[j]


def is_span(q: Quantity, pre: str) -> bool:
    """Does the number take a whole span (flows, counts, yearly averages) rather than its end (levels, rates)?"""
    if {"cumulative", "annual_avg"} & set(q.qualifiers):
        return True
    if pre.endswith(LEVEL_VERBS) and q.measure not in ("年",) and not re.search(r"[通直抵到送传表下发畅]达$", pre):
        return False
    return q.measure not in ("%", "‰", "成", "个百分点", "百分点")


def rank_out_of(s: str, sent: tuple[int, int], tok: text.Token) -> str:
    """'全省144个园区中排第9' / '在144个园区排名…第9位': the N of the ranked set, when printed."""
    m = None
    for m in re.finditer(r"(\d+)[个家所座]([\u4e00-\u9fff]{0,10}?)(?:中|里|之中|当中|排名|排|位列|居)", s[sent[0]: tok.start]):
        pass
    return m.group(1) if m else ""


def out_of_of_rank(s: str, sent: tuple[int, int], tok: text.Token, tokens: list[text.Token]) -> bool:
    """True for the N of '在全省N个园区(中)排名第k' (a denominator, not a quantity of its own)."""
    hi = min([i for i in (s.find(c, tok.end, sent[1]) for c in CLAUSE_DELIMS) if i != -1] or [sent[1]])
    later = [t for t in tokens if tok.end <= t.start < hi and s[t.start - 1: t.start] == "第"]
    return any(rank_out_of(s, sent, t) == tok.text and re.match(r"\d+[个家所座][\u4e00-\u9fff]{0,10}?(?:中|里|排名|排|位列|居)", s[tok.start: t.start]) for t in later)


def quote_for(original: str, sent: tuple[int, int], tok: text.Token) -> str:
    """The sentence around the number, verbatim (squeezed) from the original; long ones cut at clauses."""
    lo, hi = sent
    if hi - lo > 100:
        lo = max([original.rfind(c, lo, max(lo, tok.start - 50)) + 1 for c in "，,；;：:"] + [lo])
        cut = [original.find(c, tok.end, hi) for c in "，,；;"]
        cut = [c for c in cut if c != -1 and c - tok.end > 5]
        hi = min(cut) + 1 if cut and min(cut) + 1 < hi else hi
    return original[lo:hi].rstrip("，,；;、")


def _fmt(v: Decimal | None) -> str:
    if v is None:
        return ""
    return format(v.normalize(), "f") if v == v.to_integral() else str(float(v))


# ---------------------------------------------------------------------------------------------------
# Command
# ---------------------------------------------------------------------------------------------------
def page_of(cat: catalog.Catalog, doc: str) -> Page:
    """The page of a registered document with its date and subject region."""
    src = next((s for s in cat.sources if s["doc"] == doc), None)
    if src is None or doc not in cat.pages:
        raise KeyError(f"unknown document {doc!r} (not in data/raw/sources.csv)")
    date = src.values.get("date_printed") or src.values.get("date_inferred") or ""
    html = text.is_html_original(src.values.get("original") or "")
    return Page(doc, cat.pages[doc], date, src["subject_region"], html)




def write_review(path: Path, candidates: list[Candidate]) -> None:
    """Write the review file (UTF-8 CSV, contract columns)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=REVIEW_COLUMNS)
        w.writeheader()
        for c in candidates:
            w.writerow(c.values)
    tmp.replace(path)


def run(doc: str, data_dir: Path = DATA) -> tuple[Path, list[Candidate]]:
    """python -m etl propose DOC: knowledge from the whole catalogue, review file in data/review/."""
    cat = catalog.load(data_dir)
    page = page_of(cat, doc)
    k = Knowledge.from_catalog(cat)
    candidates = propose(page, k)
    path = data_dir / "review" / f"{doc}.csv"
    write_review(path, candidates)
    return path, candidates


def propose_text(raw: str, k: Knowledge, date: str = "2021", subject: str = "loudi", doc: str = "dtest",
                 html: bool = False) -> list[dict[str, str]]:
    """Candidates of a text that is not registered (for tests and quick looks)."""
    return [c.values for c in propose(Page(doc, raw, date, subject, html), k)]

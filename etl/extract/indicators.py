"""Indicators: the words naming a number (before it, after a counted unit, a table's row label, a bare
growth rate's subject), matching them to a known indicator, and the suggested name of a new one."""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from etl.core import text, vocab
from etl.extract.layout import CLAUSE_DELIMS, SENTENCE_DELIMS, clause_start
from etl.extract.quantities import (
    MOVE_DOWN,
    QUALIFIER_BEFORE,
    QUALIFIER_CLAUSE,
    Quantity,
    is_place_change,
    rank_before,
    read_quantity,
)

GROWTH_WORDS = ("增长", "增速", "增幅", "下降", "提高", "减少", "上涨")
TRIM_LEADING = ("其中", "实现", "完成", "并", "且", "和", "及", "共", "总共", "已", "还", "再", "又", "均", "全部", "都", "有", "其",
                "年", "底", "末", "初", "月", "日", "以来", "期间", "时期", "在", "对", "为", "的", "从", "由", "将")
TRIM_TRAILING = ("达到", "达", "为", "是", "至", "到", "突破", "超过", "实现", "有", "约", "近", "共", "共计", "累计",
                 "稳定在", "保持在", "稳定", "保持", "完成",
                 "分别", "的", "了", "在", "第", "从", "由", "占", "超")
RANKING_NOUN = re.compile(r"排名|排位|位次|名次|排序")
QUANTITY_RUN = re.compile(r"(?:19|20)\d{2}年(?:度|底|末|初)?|[0-9.]+[余多]?(?:万亿|千万|百万|万|亿)?[余多]?")
COUNTED = set("个名位家项支座台条场次件处所笔套部张本组幅起盏例批类轮期间栋块辆户人村")
IN_WORDS = ("在校", "在岗", "在册", "在建", "在职", "在读", "在编", "在园", "在营", "在库", "在外", "在线")
COMPARISON_BASE = re.compile(r"(?:比|较)(?:上年|去年|前年|年初|上月|上季度|上半年|上一年)(?:同期)?")
NOT_QUALIFYING = re.compile(r"同比|环比|比上年|较上年|比去年|较去年|分别|年均|平均")
VERBS_BEFORE_NOUN = ("实现", "完成", "达到", "共有", "拥有", "全年", "累计", "其中", "合计", "共计", "主要", "全部", "有", "达")
INDICATOR_THRESHOLD = 0.6


def subject_clause(s: str, lo: int) -> str:
    """Words naming the value a bare growth rate or change refers to: the clause before ``lo`` that prints a
    value (按可比价格计算 and other asides are passed over), cut before that value (一般… and 第一产业 start
    with numerals that are no values)."""
    sent_lo = clause_start(s, 0, lo, SENTENCE_DELIMS)
    hi, first = lo, None
    while hi > sent_lo:
        prev_lo = clause_start(s, sent_lo, hi, CLAUSE_DELIMS.replace("、", ""))  # not a list item
        prev = re.sub(r"^(?:(?:19|20)\d{2}年(?:度|底|末|初)?|今年|去年|上年|当年)", "", s[prev_lo:hi])
        nums = [t for t in text.find_numbers(prev) if prev[t.start - 1: t.start] != "第"
                and not re.match(r"(?:19|20)\d{2}年", prev[t.start:])]
        first = prev if first is None else first
        if nums:
            return prev[: nums[0].start]
        hi = prev_lo - 1
    return first or ""


def context_words(s: str, tok: text.Token, unit_end: int, *, breaks: list[int] | None = None,
                  rank: bool = False) -> tuple[str, str]:
    """Words of the clause before the number (after any earlier quantity) and after its unit.

    Line blocks (``breaks``: paragraph and headline starts) cut the words: in a box of figures the label
    is the last line with words (刘清锋 摄 | 数说脱贫 | 贫困发生率 | 2013年 18.3%). For a rank, the words
    naming the ranking (排名, 位列, 跻身 …) are preferred over the verbs around 第 (从第44位跃升至第9位).
    """
    lo = clause_start(s, 0, tok.start)
    if s[lo - 1: lo] == "、" and s[:tok.start].endswith("等"):  # 打通人民路、建设路等8条: the verb opens the list
        lo = clause_start(s, 0, lo - 1, CLAUSE_DELIMS.replace("、", ""))
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


def indicator_phrase(s: str, tok: text.Token, q: Quantity, *, region_re: re.Pattern | None = None,
                     breaks: list[int] | None = None) -> tuple[str, str, str]:
    """Raw words before/after the number and the cleaned 'pre|post' phrase used for matching (``region_re``:
    the place names cut from it; ``breaks``: see :func:`context_words`).

    A growth rate printed alone (…302.92亿元，同比增长4.3%) takes the subject of the previous clause; the
    words after the unit count only for counted nouns (149个产业项目).
    """
    pre, post = context_words(s, tok, q.end, breaks=breaks, rank=q.rank)
    if q.measure not in COUNTED or q.rank:
        post = ""  # 第9位跃升: words after a rank are verbs
    pre_c, post_c = clean_phrase(pre, region_re), clean_phrase(post, region_re)
    if q.rank and not RANKING_NOUN.search(pre_c):  # 增速居全市各园区第一: 增速各园区排名
        m = re.fullmatch(r"(.+?)(?:位居|位列|名列|排在|居)(?![民住家])(.*)", pre_c)
        if m:
            pre_c = m.group(1) + m.group(2) + "排名"
    if is_place_change(q, pre) and not RANKING_NOUN.search(pre_c):
        lo = clause_start(s, 0, tok.start, SENTENCE_DELIMS)
        prior = rank_before(s, tok, lo)
        if prior is not None:  # 排名第18位，比上年上升7个名次: 县域经济发展综合评价排名上升名次
            rank_pre = indicator_phrase(s, prior, read_quantity(s, prior), region_re=region_re, breaks=breaks)[2].split("|")[0]
            move = "下降" if any(w in pre for w in MOVE_DOWN) else "上升"
            return pre, post, f"{rank_pre}{move}名次|"
    share = re.fullmatch(r"(?:约|分别|已)?占(?:到)?((?:全国|全省|全市|全县|全区)?)的?", pre)
    if share and not post_c:  # 占全省的3.5%: the subject's share of the whole
        lo = max(s.rfind(c, 0, tok.start) for c in CLAUSE_DELIMS)
        subject_words = clean_phrase(subject_clause(s, lo), region_re) if lo > 0 and s[lo] in "，,、；;" else ""
        return pre, post, f"{subject_words}占{share.group(1)}比重|"
    bare = not pre_c or (len(pre_c) <= 4 and pre_c.endswith(GROWTH_WORDS + ("增加", "净增", "增加值增速", "高于", "低于",
                                                                           "快于", "慢于")))
    if bare and not post_c:
        lo = max(s.rfind(c, 0, tok.start) for c in CLAUSE_DELIMS)
        if lo > 0 and s[lo] in "，,、；;":
            prev = subject_clause(s, lo)
            pre_c = clean_phrase(prev, region_re) + pre_c
            pre = prev + pre
    return pre, post, pre_c + "|" + post_c


def clean_phrase(p: str, region_re: re.Pattern | None = None) -> str:
    """Drop years, region names (``region_re``), quote marks and leading/trailing function words."""
    if region_re is not None:
        p = region_re.sub("", p)
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


def bigrams(s: str) -> Counter:
    s = s.replace("|", "")
    return Counter(s[i: i + 2] for i in range(len(s) - 1)) if len(s) > 1 else Counter([s])


def similarity(a: str, b: str) -> float:
    """Dice coefficient of character bigrams."""
    A, B = bigrams(a), bigrams(b)
    total = sum(A.values()) + sum(B.values())
    return 2 * sum((A & B).values()) / total if total else 0.0


def match_indicator(phrase: str, base: str, *, indicators: dict[str, dict[str, str]],
                    synonyms: list[tuple[str, str]]) -> tuple[str, float]:
    """Best known indicator for a phrase (by synonyms and names) compatible with the base unit, and its
    similarity; ``indicators`` and ``synonyms`` as :class:`etl.extract.knowledge.Knowledge` has them.

    A known name that the text qualifies is another indicator (园区生产总值 is not 地区生产总值 or
    生产总值): when the phrase puts a modifier of two or more characters before the head noun it shares
    with the best entry, and no entry of that indicator carries that modifier, the match is refused.
    """
    best, score, best_entry = "", 0.0, ""
    if not phrase.replace("|", ""):  # no words at all (4.5:54.8, a phone number): nothing to match
        return best, score
    codes_of: dict[str, set[str]] = defaultdict(set)
    for e, c in synonyms:
        if c in indicators and _unit_compatible(base, indicators[c]["base_unit"]):
            codes_of[e].add(c)
    # a phrase taught for several indicators of this unit (产值| for two industries' output) decides none
    if len(codes_of.get(phrase, ())) > 1:  # the very phrase is ambiguous: no name decides it either
        return best, score
    entries = [(e, c) for e, c in synonyms if e.replace("|", "") and len(codes_of[e]) <= 1] + [(re.sub(r"[“”‘’\"《》（）()]", "", v["name_zh"]) + "|", c) for c, v in indicators.items()]
    for entry, code in entries:
        ind = indicators.get(code)
        if ind is None or not _unit_compatible(base, ind["base_unit"]):
            continue
        sc = similarity(phrase, entry)
        if sc > score:
            best, score, best_entry = code, sc, entry
    if best and qualified(phrase, best_entry, [e for e, c in entries if c == best]):
        return best, min(score, INDICATOR_THRESHOLD - 0.01)
    change = phrase.split("|")[0].endswith(("净增", "增加", "减少", "高于", "低于"))  # not 下降(至): a level
    if best and change and not re.search(r"增|减|降|提高|提升|上升|高于|低于|变化|幅", best_entry + indicators[best]["name_zh"]):
        return best, min(score, INDICATOR_THRESHOLD - 0.01)  # 规模工业企业净增 is a change, not the count itself
    return best, score


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


def suggest_name(pre: str, post: str, q: Quantity, *, region_re: re.Pattern | None = None,
                 cleaned: bool = False) -> str:
    """A name for a new indicator: the noun phrase before the number, or after a counted unit (``cleaned``:
    the words are the matched phrase already, 占全省比重 keeps its 全省)."""
    pre_c, post_c = (pre, post) if cleaned else (clean_phrase(pre, region_re), clean_phrase(post, region_re))
    if post_c and len(post_c) >= 2 and (len(pre_c) < 2 or q.measure not in ("元", "%", "亩", "米", "吨", "公里", "平方米")):
        name = (pre_c if 0 < len(pre_c) <= 6 else "") + post_c
    else:
        name = pre_c or post_c
    if q.measure == "%":  # 一般公共预算收入同比增长 → 一般公共预算收入增速 (the catalogue's form of a growth rate)
        name = re.sub(r"(?:同比|比上年|较上年|比去年|较去年)?(?:增长|增幅)$", "增速", name) if len(name) > 4 else name
    name = name.replace("分别", "") if len(name) > 4 else name  # A、B分别增长: the list word is no part of a name
    return name[:20] or "未命名指标"

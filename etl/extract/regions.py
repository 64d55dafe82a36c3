"""Regions: the places a page names (catalogue regions and every Hunan city and county from
:mod:`etl.core.places`), scope words (全市, 该县), the place a story is about, and the region of a number."""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from etl.core import catalog, places, text, vocab
from etl.extract.layout import CLAUSE_DELIMS, clause_start
from etl.extract.periods import only_frame

SCOPE_WORDS = {  # anaphoric scope words -> the name suffix of the region they refer to
    "全市": "市", "该市": "市", "本市": "市", "全县": "县", "该县": "县", "本县": "县", "全区": "区",
    "该区": "区", "本区": "区", "全镇": "镇", "该镇": "镇", "全乡": "乡", "该乡": "乡", "全村": "村", "该村": "村",
    "村里": "村", "本村": "村", "镇里": "镇", "乡里": "乡", "县里": "县",
}
PROVINCE_SCOPE = {"全省": "hunan"}
FUNCTIONAL_ZONES = ("开发区", "管理区", "高新区", "经开区", "新区", "示范区")
LOCATION_VERBS = ("位于", "地处", "隶属", "属于", "毗邻", "距离", "邻近", "紧邻")  # X位于Y: Y is not the subject
COUNTED_BEFORE = re.compile(r"[0-9一二三四五六七八九十百千万]+[余多]?[个家所项名位支条座]$")
RANKING_AFTER = re.compile(r"[^，,；;。！？!?]{0,30}?(?:排名|排位|排第|排在|位列|位居|名列|居第|第[0-9一二三四五六七八九十百]+[位名])")
DIRECTION_BEFORE = re.compile(r"(?:向|往|赴|来自|跑到|送到|卖到|运到|销到|(?<!侵)占|高于|低于|快于|慢于|超过|比|较)$")  # 占全省的, 比全省高: the whole or the yardstick, not the subject
ORGAN_AFTER = re.compile(r"(?:市|县|区|镇|乡|村)?(?:委|党委|政府|人民政府|人大|政协|纪委|监委|镇长|乡长|县长|市长|区长|村长|"
                         r"书记|支书|[\u4e00-\u9fff]{0,3}?局)")
LEVEL_SUFFIXES = set("省市县区镇乡村街社组")


@dataclass(frozen=True)
class Region:
    """A place the extractor knows: a catalogue region, or a Hunan division from jionlp (``source``)."""

    code: str
    name: str
    level: str
    alias: str = ""
    source: str = "regions.csv"


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


@dataclass(frozen=True)
class Mention:
    """A place named at s[start:end] (a scope word stands for the region it refers to)."""

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


def find_mentions(s: str, regions: list[Region], *, subject: Region | None,
                  starts: list[int] | None = None) -> list[Mention]:
    """Region mentions in page order; scope words resolve to the latest mention with the same suffix.

    Places that are not where the reported thing happens are left out: a counted noun's qualifier
    (22个娄底市重点项目), an aside in parentheses, a location (位于X), a direction or counterpart (向X申请,
    跑到X、Y去推销, 销往X, 来自X) and the places listed with it. Each mention records whether it opens
    its clause or its sentence (``starts``: paragraph starts) and whether it names an office.
    """
    pattern, table = region_pattern(regions)
    by_code = {r.code: r for r in regions}
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


def opens_clause(s: str, i: int, starts: list[int]) -> tuple[bool, bool]:
    """(opens its clause, opens its paragraph's first sentence) for a place named at s[i].

    Only a time frame, quote marks and words like 在/记者走进/近年来 may come before it in the clause; for a
    lead, a quoted remark opening the paragraph (“…！”杉山镇同福村村民说) is passed over as well.
    """
    para = starts[max(0, bisect.bisect_right(starts, i) - 1)]
    clause = clause_start(s, para, i, CLAUSE_DELIMS + "”")
    if not only_frame(s[clause:i]):
        return False, False
    head = re.sub(r"“[^“”]*”", "", s[para:clause])
    return True, all(only_frame(piece) for piece in re.split(f"[{re.escape(CLAUSE_DELIMS)}]", head))


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


def topic(mentions: list[Mention]) -> Mention:
    """The region named most often (the latest of equals)."""
    counts = Counter(m.region.code for m in mentions)
    best = max(counts.values())
    return next(m for m in reversed(mentions) if counts[m.region.code] == best)


def in_parentheses(s: str, i: int) -> bool:
    """Inside a parenthetical aside（原名…）."""
    o = max(s.rfind("（", max(0, i - 30), i), s.rfind("(", max(0, i - 30), i))
    return o != -1 and max(s.rfind("）", o, i), s.rfind(")", o, i)) == -1


def resolve_region(offset: int, mentions: list[Mention], *, sent: tuple[int, int], para: tuple[int, int],
                   section: tuple[int, int], subject: Region | None, rank_clause: int | None = None,
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


def chain_end(mentions: list[Mention]) -> Mention:
    """The last and smallest place of the chain of names the first mention opens (娄底市娄星区: 娄星区)."""
    i = 0
    while (i + 1 < len(mentions) and mentions[i + 1].start == mentions[i].end and not mentions[i + 1].scope
           and rank_of(mentions[i + 1]) < rank_of(mentions[i])):
        i += 1
    return mentions[i]


def story_place(mentions: list[Mention], header_end: int, base_only: bool = False) -> Mention | None:
    """The place an article is about at the end of ``mentions`` (its mentions so far, in order).

    The article's subject is the first place named in its header (headline, subtitle, dateline; the last of
    a chain of names, 娄底市娄星区 → 娄星区), else the place it names most often. A story about a lower-level place starts where a paragraph's first sentence
    opens with it (4月16日，记者走进涟源市伏口镇胡家坪村) and lasts until a place of the same or a higher
    level opens a clause (脱贫攻坚战打响后，涟源…). Offices and officials (斗笠山镇镇长) change nothing.
    """
    if not mentions:
        return None
    in_header = [m for m in mentions if m.start < header_end]
    base = chain_end(in_header) if in_header else topic(mentions)
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


def respectively(s: str, tok: text.Token, *, sent: tuple[int, int], tokens: list[text.Token],
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

"""Which series a synthetic catalogue publishes (the awkward shapes first), and its pages: text, fact rows,
skip rows and register entry."""
from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from etl.core import text
from etl.coverage import period_numbers
from etl.synth.series import (
    BLOCKS,
    CONFLICT,
    CORE,
    GROWTH_OF,
    IDLE,
    MAX_FACTS_PER_PAGE,
    ONE_PERIOD,
    SYNTHETIC,
    TEN_PERIODS,
    YEARS,
    Fact,
    Sentence,
    World,
    _fmt,
    kind,
    sentences_of,
    series,
)

# --- The plan: which series are published ------------------------------------------------------------------

def indicators_for(world: World, region: dict) -> list[dict]:
    park = region["level"] == "park"
    growths = set(GROWTH_OF.values()) | set(IDLE[1:])
    return [i for i in world.indicators.values() if not i["formula"] and i["code"] not in growths
            and (i["theme"] == "park") == park and not (kind(i) == "rank" and region["level"] == "province")]


def _free(world: World, region: str, ind: str, years: list[int]) -> list[int]:
    """Years whose keys (of the indicator and of the growth rate or idle-land figures published with it) are
    not taken by a real or special fact."""
    family = [ind] + ([GROWTH_OF[ind]] if ind in GROWTH_OF else []) + (list(IDLE[1:]) if ind == IDLE[0] else [])
    return [y for y in years if not any((region, i, p) in world.taken for i in family for p in (str(y), f"{y}-06"))]


def specials(world: World, seed: int) -> list[Sentence]:
    """The awkward shapes, present at any size."""
    by_code = {r["code"]: r for r in world.regions}
    counties = [r for r in world.targets if r["level"] == "county" and r["scope"] == "outside"
                and r["code"] != world.long_name]
    a, b, c = counties[0], counties[1], counties[2]
    ind = world.indicators
    out: list[Sentence] = []
    # two disagreeing values for one period (qualifier approx), resolved by a conflict_resolutions.csv row
    code, period, qualifier = CONFLICT
    v1 = series(world, a, ind[code], seed)[int(period)]
    v2 = _fmt(float(v1) + 0.7, 1)
    out.append(Sentence(f"{period}年，{a['name_zh']}城镇化率约{v1}%。", [Fact(a["code"], code, period, v1, "%", qualifier)],
                        int(period)))
    out.append(Sentence(f"另据抽样调查，{period}年{a['name_zh']}城镇化率约{v2}%。",
                        [Fact(a["code"], code, period, v2, "%", qualifier)], int(period)))
    # a rounded duplicate (the more precise value is used) and a repeated value (one value)
    gdp = series(world, b, ind["gdp"], seed)[2018]
    coarse = str(Decimal(gdp).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
    out.append(Sentence(f"据统计公报，2018年{b['name_zh']}地区生产总值{gdp}亿元。", [Fact(b["code"], "gdp", "2018", gdp, "亿元")], 2018))
    out.append(Sentence(f"另据年鉴，2018年{b['name_zh']}地区生产总值{coarse}亿元。", [Fact(b["code"], "gdp", "2018", coarse, "亿元")], 2018))
    rev = series(world, c, ind["fiscal_revenue"], seed)[2017]
    for lead in ("据财政部门统计，", "另据年报，"):
        out.append(Sentence(f"{lead}2017年{c['name_zh']}财政收入{rev}亿元。", [Fact(c["code"], "fiscal_revenue", "2017", rev, "亿元")], 2017))
    # one indicator published for one period only, one for exactly ten; the long-named region; idle land
    for r in counties[3:8]:
        out += sentences_of(world, r, ind[ONE_PERIOD[0]], ONE_PERIOD[1], seed)
    out += sentences_of(world, counties[3], ind[TEN_PERIODS[0]], TEN_PERIODS[1], seed)
    out += sentences_of(world, by_code[world.long_name], ind["gdp"], list(range(2015, 2025)), seed)
    out += sentences_of(world, counties[4], ind[IDLE[0]], [2019, 2020, 2021], seed)
    return out


def plan(world: World, n: int, seed: int) -> list[Sentence]:
    """Sentences holding exactly ``n`` generated facts (specials first, then series until ``n``)."""
    out = specials(world, seed)
    for s in out:
        world.taken |= {(f.region, f.indicator, f.period) for f in s.facts}
    count = sum(len(s.facts) for s in out)
    if count > n:
        raise ValueError(f"--facts must leave room for the {count} facts of the awkward shapes")
    rng = random.Random(seed)
    pairs = [(r, i) for r in world.targets for i in indicators_for(world, r)]
    rng.shuffle(pairs)
    pairs.sort(key=lambda p: p[1]["code"] not in CORE)  # headline indicators first: small catalogues have them
    for region, ind in pairs:
        if count >= n:
            break
        if ind["code"] == ONE_PERIOD[0]:
            years = ONE_PERIOD[1]
        elif ind["code"] == TEN_PERIODS[0]:
            years = TEN_PERIODS[1]
        else:
            length = rng.randint(3, len(YEARS))
            start = rng.randint(YEARS[0], YEARS[-1] - length + 1)
            years = list(range(start, start + length))
        for s in sentences_of(world, region, ind, _free(world, region["code"], ind["code"], years), seed):
            if count + len(s.facts) > n:
                s = Sentence(s.text, s.facts[: n - count], s.year)
            out.append(s)
            count += len(s.facts)
            if count >= n:
                break
    if count < n:
        raise ValueError(f"at most {count} facts fit the regions, indicators and years")
    return out


# --- Pages -------------------------------------------------------------------------------------------------

def _wrap(paragraph: str, width: int = 40) -> str:
    """Break a paragraph into lines as a PDF layout does, only between two CJK characters."""
    out, run = [], 0
    for i, ch in enumerate(paragraph):
        out.append(ch)
        run += 1
        nxt = paragraph[i + 1] if i + 1 < len(paragraph) else ""
        if run >= width and ord(ch) > 0x2E80 and nxt and ord(nxt) > 0x2E80 and ch not in "，。" and nxt not in "，。":
            out.append("\n")
            run = 0
    return "".join(out)


def _skips(doc: str, context: str, accepted: set[str], reason: str) -> list[list[str]]:
    seen: list[str] = []
    for tok in text.numbers_of(context):
        if tok.text not in accepted and tok.text not in seen:
            seen.append(tok.text)
    return [[doc, number, context, reason] for number in seen]


def _accepted(f: Fact) -> set[str]:
    return {text.squeeze(f.value), f.out_of} | period_numbers(f.period)


@dataclass
class Page:
    doc: str
    region: dict
    block: tuple[int, int]
    sentences: list[Sentence]


def paginate(world: World, sentences: list[Sentence], first_doc: int) -> list[Page]:
    order = {r["code"]: i for i, r in enumerate(world.regions)}
    groups: dict[tuple[int, int], list[Sentence]] = {}
    for s in sentences:
        groups.setdefault((order[s.facts[0].region], (s.year - YEARS[0]) // 5), []).append(s)
    by_index = {i: r for r, i in order.items()}
    pages, n = [], first_doc
    for (ri, bi), group in sorted(groups.items()):
        group.sort(key=lambda s: s.year)  # stable: series order within a year
        chunk: list[Sentence] = []
        for s in group + [None]:
            if s is None or sum(len(c.facts) for c in chunk) + len(s.facts) > MAX_FACTS_PER_PAGE:
                if chunk:
                    region = next(r for r in world.regions if r["code"] == by_index[ri])
                    pages.append(Page(f"d{n:03d}", region, BLOCKS[bi], chunk))
                    n += 1
                chunk = []
            if s is not None:
                chunk.append(s)
    if n > 1000:
        raise ValueError(f"{n} pages: more than fact ids dNNN allow; ask for fewer facts")
    return pages


def render(page: Page) -> tuple[str, list[list[str]], list[list[str]]]:
    """The page's text, its fact rows and its skip rows."""
    R, (a, b) = page.region["name_zh"], page.block
    headline = f"{R}{a}—{b}年主要发展指标（合成）"
    lines = [f"【{SYNTHETIC} 合成数据】本版面由程序生成，仅供测试和基准测试，并非真实报道。", "", headline, ""]
    skips = _skips(page.doc, headline, set(), "synthetic page: years of the headline")
    facts, year, paragraph = [], None, []
    for s in page.sentences + [None]:
        if s is None or s.year != year:
            if paragraph:
                lines += [_wrap("".join(paragraph)), ""]
            paragraph, year = [], s.year if s else None
        if s is None:
            break
        paragraph.append(s.text)
        accepted = set().union(*(_accepted(f) for f in s.facts))
        skips += _skips(page.doc, s.text, accepted, "synthetic: a number of the sentence that is not one of its facts")
        for f in s.facts:
            facts.append([f"{page.doc}-{len(facts) + 1:03d}", page.doc, f.region, f.indicator, f.period, f.value,
                          f.unit, f.qualifier, f.out_of, s.text, ""])
    return "\n".join(lines), facts, skips


def register_row(page: Page, file: str, sha: str) -> list[str]:
    (a, b), R = page.block, page.region["name_zh"]
    return [page.doc, file, sha, SYNTHETIC, "", "", str(b + 1), "合成版面：日期取所报范围的次年。",
            "SYNTHETIC page: dated the year after the range it reports.", f"{R}{a}—{b}年主要发展指标（合成）",
            page.region["code"],
            "合成数据（SYNTHETIC）：由 python -m etl synth 生成，仅供测试和基准测试，并非真实报道；报纸、版次和日期均不存在。",
            ("SYNTHETIC data generated by python -m etl synth for tests and benchmarks, not a real publication: "
             "no newspaper, page or date exists."), "reviewed", ""]

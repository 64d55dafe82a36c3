"""The synthetic catalogue's places, series and sentences: what ``python -m etl synth`` writes on a page."""
from __future__ import annotations

import math
import random
import unicodedata
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from etl.core import places

SYNTHETIC = "SYNTHETIC"
YEARS = range(2000, 2025)
BLOCKS = [(a, a + 4) for a in range(2000, 2025, 5)]  # one page per region and range
MAX_FACTS_PER_PAGE = 900  # fact ids are dNNN-NNN: at most 999 facts a page, 1000 pages
ONE_PERIOD = ("average_elevation", [2021])  # as the real page (d002) has it
TEN_PERIODS = ("rural_road_length", list(range(2012, 2022)))  # the real one is of 2021
GROWTH_OF = {"gdp": "gdp_growth", "rural_disposable_income_per_capita": "rural_income_growth",
             "urban_disposable_income_per_capita": "urban_income_growth"}
CONFLICT = ("urbanisation_rate", "2016", "approx")  # indicator, period, qualifier of the resolved conflict
IDLE = ("idle_land_total", "idle_land_disposed", "idle_land_disposal_rate")  # total, part, published rate
CORE = ["gdp", "fiscal_revenue", "rural_disposable_income_per_capita", "urban_disposable_income_per_capita",
        "urbanisation_rate", "poverty_incidence", "idle_land_total", "park_provincial_rank", "park_total_revenue",
        "forest_coverage_rate", "above_scale_industrial_enterprises", "rural_road_length"]
MAGNITUDE = {"yuan": 3e9, "yuan_per_person": 2500, "yuan_per_mu": 2e5, "person": 3e4, "household": 8e3,
             "count": 60, "mu": 8e3, "km": 400, "km2": 50, "m": 2000, "m2": 8e4, "m3": 2e5, "kg": 5e5,
             "tonne": 5e4, "year": 6, "day": 20, "hour": 12, "minute": 25, "year_of_age": 60,
             "person_time": 5e4}
RANKED = {"park": ("园区", 144), "city": ("市州", 14)}  # what a region is ranked among; counties: its city's
SUFFIXES = [("土家族苗族自治州", " Tujia and Miao Autonomous Prefecture"), ("高新技术产业园区", " High-tech Industrial Park"),
            ("高新技术产业开发区", " High-tech Zone"), ("经济技术开发区", " Economic and Technological Development Zone"),
            ("经济开发区", " Economic Development Zone"), ("自治县", " Autonomous County"),
            ("管理区", " Administrative Area"), ("县", " County"), ("区", " District"), ("市", "")]
SPREAD = {"yuan_per_person": 0.2, "yuan_per_mu": 0.3}  # per-capita figures vary less between places


@dataclass
class Fact:
    region: str
    indicator: str
    period: str
    value: str
    unit: str
    qualifier: str = ""
    out_of: str = ""


@dataclass
class Sentence:
    text: str
    facts: list[Fact]
    year: int  # which page range it belongs to


@dataclass
class World:
    """What the generator knows: regions, indicators, units and the keys the real facts already use."""
    regions: list[dict]  # every region row (real ones first)
    targets: list[dict]  # the regions that get figures
    indicators: dict[str, dict]
    factors: dict[tuple[str, str], Decimal]
    taken: set[tuple[str, str, str]]  # (region, indicator, period) of real and special facts
    siblings: dict[str, int] = field(default_factory=dict)  # county code -> counties in its city
    empty: str = ""  # the county that publishes nothing
    long_name: str = ""
    anchors: dict[tuple[str, str], tuple[int, Decimal]] = field(default_factory=dict)  # real level figures


# --- Regions ---------------------------------------------------------------------------------------------

def _romanise(name: str) -> str:
    """湘西土家族苗族自治州 -> Xiangxi Tujia and Miao Autonomous Prefecture; 岳阳市屈原管理区 -> Yueyang Quyuan
    Administrative Area: pinyin of the words, English for the kind of division."""
    import jionlp

    stem, tail = name, ""
    for zh, en in SUFFIXES:
        if name.endswith(zh) and len(name) > len(zh):
            stem, tail = name[: -len(zh)], en
            break
    words = [w for w in stem.replace("湖南", "湖南|", 1).replace("市", "市|").split("|") if w]
    roman = []
    for word in words:
        syllables = ["".join(c for c in unicodedata.normalize("NFD", s) if c.isascii())
                     for s in jionlp.pinyin(word.removesuffix("市") if len(word) > 2 else word)]
        roman.append("".join(s for s in syllables if s.isalpha()).capitalize())
    return " ".join(roman) + tail


def _regions(real: list[dict]) -> tuple[list[dict], dict[str, int]]:
    """Real regions plus every city and county-level division of Hunan; counts of counties per city."""
    rows = [dict(r) for r in real]
    by_name = {r["name_zh"]: r for r in rows}
    code_of: dict[str, str] = {}  # division name -> region code
    siblings: dict[str, int] = {}
    tree = [d for d in places.hunan() if d.level in ("city", "county")]
    for d in sorted(tree, key=lambda d: (len(d.path), d.code)):
        match = by_name.get(d.name) or next((r for r in rows if r["level"] == d.level and d.alias
                                             and r["name_zh"][:-1] == d.alias), None)
        if match is None:
            match = {"code": f"adm_{d.code}", "name_zh": d.name, "name_en": _romanise(d.name), "level": d.level,
                     "parent": code_of.get(d.path[0], "hunan") if d.level == "county" else "hunan",
                     "host_county": "", "scope": "outside"}
            rows.append(match)
        code_of[d.name] = match["code"]
    for d in tree:
        if d.level == "county":
            siblings[code_of[d.name]] = sum(1 for e in tree if e.level == "county" and e.path[0] == d.path[0])
    return rows, siblings


# --- Series ----------------------------------------------------------------------------------------------

def kind(ind: dict) -> str:
    code, base = ind["code"], ind["base_unit"]
    if base == "rank":
        return "rank"
    if base == "places":
        return "places"
    if base == "percentage_point":
        return "points"
    if base == "percent":
        if "growth" in code:
            return "growth"
        if code.endswith(("_rate", "_incidence", "_share", "_coverage")):
            return "share"
        return "completion"
    return "level"


def _fmt(value: float, decimals: int) -> str:
    q = Decimal(1).scaleb(-decimals)
    return str(Decimal(repr(value)).quantize(q, rounding=ROUND_HALF_UP))


def series(world: World, region: dict, ind: dict, seed: int) -> dict[int, str]:
    """The published value (as printed, in the indicator's unit) for every year 1999–2024."""
    rng = random.Random(f"{seed}|{region['code']}|{ind['code']}")
    k, years = kind(ind), range(1999, 2025)
    if k == "level":
        factor = float(world.factors[(ind["unit"], ind["base_unit"])])
        size = MAGNITUDE.get(ind["base_unit"], 100) * math.exp(rng.gauss(0, SPREAD.get(ind["base_unit"], 0.7)))
        if ind["base_unit"] not in SPREAD:
            size *= {"province": 40, "city": 5}.get(region["level"], 1)
        decimals = 2 if factor >= 1e4 else (1 if ind["base_unit"] in ("km", "km2", "mu") else 0)
        growth, raw, v = rng.uniform(0.02, 0.1), {}, size / factor
        for y in years:
            v *= 1 + max(0.003, growth + rng.gauss(0, 0.015))
            raw[y] = v
        anchor = world.anchors.get((region["code"], ind["code"]))  # a real published figure: the series meets it
        scale = float(anchor[1]) / raw[anchor[0]] if anchor else 1.0
        return {y: _fmt(max(v * scale, 1.0), decimals) for y, v in raw.items()}
    if k == "rank":
        out_of = _out_of(world, region)
        r = rng.randint(1, out_of)
        out = {}
        for y in years:
            r = min(out_of, max(1, r + rng.randint(-2, 2)))
            out[y] = str(r)
        return out
    if k == "share":
        start, drift = (rng.uniform(12, 30), -rng.uniform(0.6, 1.2)) if ind["code"] == "poverty_incidence" \
            else (rng.uniform(10, 70), rng.uniform(-0.5, 1.5))
        return {y: _fmt(min(99.9, max(0.1, start + drift * (y - 1999) + rng.gauss(0, 0.3))), 1) for y in years}
    low, high = {"growth": (3, 13), "completion": (85, 130), "points": (0.1, 4), "places": (1, 40)}[k]
    return {y: (str(rng.randint(low, high)) if k == "places" else _fmt(rng.uniform(low, high), 1)) for y in years}


def _out_of(world: World, region: dict) -> int:
    return RANKED[region["level"]][1] if region["level"] in RANKED else world.siblings.get(region["code"], 10)


def growth_of(levels: dict[int, str], y: int) -> str:
    """Growth on the previous year from the two published levels, in percent."""
    a, b = Decimal(levels[y - 1].replace(",", "")), Decimal(levels[y].replace(",", ""))
    return _fmt(float((b / a - 1) * 100), 1)


# --- Sentences -------------------------------------------------------------------------------------------

def _with_commas(value: str, rng: random.Random) -> str:
    return f"{int(value):,}" if value.isdigit() and int(value) >= 10000 and rng.random() < 0.1 else value


def sentences_of(world: World, region: dict, ind: dict, years: list[int], seed: int) -> list[Sentence]:
    """One sentence per published year of a series (with its growth rate, or its idle-land family)."""
    rng = random.Random(f"{seed}|s|{region['code']}|{ind['code']}")
    values, k, name, unit = series(world, region, ind, seed), kind(ind), ind["name_zh"], ind["unit"]
    R, code, out = region["name_zh"], region["code"], []
    for y in years:
        v = values[y]
        if k == "rank":
            out_of = str(_out_of(world, region))
            among = RANKED.get(region["level"], ("县市区",))[0]
            shown = "十一二三四五六七八九十"[int(v)] if int(v) <= 10 and rng.random() < 0.2 else v
            fact = Fact(code, ind["code"], str(y), shown, unit, out_of=out_of)
            out.append(Sentence(f"{y}年，{R}{name}在{out_of}个参评{among}中居第{shown}{unit}。", [fact], y))
        elif ind["code"] in GROWTH_OF and GROWTH_OF[ind["code"]] in world.indicators:
            g = world.indicators[GROWTH_OF[ind["code"]]]
            shown = _with_commas(v, rng)
            facts = [Fact(code, ind["code"], str(y), shown, unit),
                     Fact(code, g["code"], str(y), growth_of(values, y), "%", "yoy")]
            out.append(Sentence(f"{y}年，{R}{name}{shown}{unit}，比上年增长{facts[1].value}%。", facts, y))
        elif ind["code"] == IDLE[0] and all(i in world.indicators for i in IDLE):
            rate = series(world, region, world.indicators[IDLE[2]], seed)[y]
            done = _fmt(float(Decimal(v) * Decimal(rate) / 100), 2)
            published = _fmt(float(Decimal(done) / Decimal(v) * 100), 2)
            period = f"{y}-06"
            facts = [Fact(code, IDLE[0], period, v, unit), Fact(code, IDLE[1], period, done, unit),
                     Fact(code, IDLE[2], period, published, "%")]
            out.append(Sentence(f"截至{y}年6月，{R}{name}{v}{unit}，已处置{done}{unit}，处置率{published}%。", facts, y))
        elif k == "level" and ind["base_unit"] in ("count", "person", "household") and rng.random() < 0.08 \
                and y % 5 == 4:  # a cumulative figure over the page's range
            a = y - 4
            total = sum(Decimal(values[t]) for t in range(a, y + 1))
            fact = Fact(code, ind["code"], f"{a}..{y}", str(total), unit, "cumulative")
            out.append(Sentence(f"{a}年至{y}年，{R}累计{name}{total}{unit}。", [fact], y))
        else:
            qualifier, before, after = "", "为", ""
            if k == "level" and rng.random() < 0.05:
                qualifier, before, after = "more_than", "达", "余"
            shown = _with_commas(v, rng) if k == "level" else v
            fact = Fact(code, ind["code"], str(y), shown, unit, qualifier)
            out.append(Sentence(f"{y}年，{R}{name}{before}{shown}{after}{unit}。", [fact], y))
    return out

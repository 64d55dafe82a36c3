"""The parts restructured for speed give what the plain versions gave: coverage of a page with many facts
(spans indexed per page instead of every token against every fact), the catalogue's numbers inside a quote
(binary search), derived values (a join instead of all pairs) and groups of facts (only shared keys)."""
from __future__ import annotations

import random
from pathlib import Path

import pandas as pd

from etl import build, coverage
from etl.core import conflicts, text
from etl.core.catalog import Catalog, Row


def plain_measure(cat: Catalog, doc: str) -> dict[str, int]:
    """Coverage as it was first written: every token against every span of the page."""
    page = text.squeeze(cat.pages[doc])
    spans = []
    for f in cat.facts:
        accepted = {text.squeeze(f["value"]), f["out_of"]} | coverage.period_numbers(f["period"])
        q = text.squeeze(f["quote"])
        spans += [(s, s + len(q), accepted) for s in text.find_all(page, q)]
    skips = []
    for k in cat.skipped:
        c = text.squeeze(k["context"])
        skips += [(s, s + len(c), {k["number"]}) for s in text.find_all(page, c)]
    counts = {"numbers": 0, "in_facts": 0, "skipped": 0, "uncovered": 0}
    for tok in text.numbers_of(cat.pages[doc]):
        counts["numbers"] += 1
        if any(s <= tok.start and tok.end <= e and tok.text in a for s, e, a in spans):
            counts["in_facts"] += 1
        elif any(s <= tok.start and tok.end <= e and tok.text in a for s, e, a in skips):
            counts["skipped"] += 1
        else:
            counts["uncovered"] += 1
    return counts


def fact(i: int, quote: str, value: str, period: str, out_of: str = "") -> Row:
    return Row("data/facts/d005.csv", i + 2, {
        "fact_id": f"d005-{i + 1:03d}", "doc": "d005", "region": "lianyuan", "indicator": "gdp", "period": period,
        "value": value, "unit": "亿元", "qualifier": "", "out_of": out_of, "quote": quote, "note": ""})


def many_facts_page(n: int, seed: int = 3) -> Catalog:
    """A page of n sentences, most of them quoted by a fact, some quoted twice, some by a skip row only,
    some by nothing, and one sentence that occurs twice on the page."""
    rng = random.Random(seed)
    sentences, facts, skipped = [], [], []
    for i in range(n):
        year, value, rank = 2000 + i % 25, f"{rng.randint(1, 999)}.{rng.randint(0, 99)}", str(rng.randint(1, 9))
        s = f"第{i}段：{year}年，某县地区生产总值{value}亿元，全省{rank}0个县中排第{rank}位。"
        sentences.append(s)
        roll = rng.random()
        if roll < 0.7:
            facts.append(fact(len(facts), s, value, str(year)))
        elif roll < 0.8:  # two facts share the sentence: one takes the value, the other the rank
            facts.append(fact(len(facts), s, value, str(year)))
            facts.append(fact(len(facts), s[s.index("全省"):], rank, str(year), out_of=f"{rank}0"))
        elif roll < 0.9:
            skipped.append(Row("data/skipped/d005.csv", len(skipped) + 2,
                               {"doc": "d005", "number": value, "context": s, "reason": "test"}))
    sentences.append(sentences[0])  # a quote found twice
    raw = "\n".join(s[:15] + "\n" + s[15:] for s in sentences)  # line breaks inside sentences, not numbers
    return Catalog(Path("."), sources=[Row("data/raw/sources.csv", 2, {"doc": "d005", "file": "005.txt",
                                                                        "original": ""})],
                   facts=facts, skipped=skipped, pages={"d005": raw})


def test_coverage_of_a_page_with_many_facts_is_the_plain_count():
    cat = many_facts_page(600)
    report = coverage.measure(cat)
    assert report.per_doc["d005"] == plain_measure(cat, "d005")
    c = report.per_doc["d005"]
    assert c["in_facts"] and c["skipped"] and c["uncovered"]
    assert len(report.uncovered) == c["uncovered"]


def test_numbers_between_is_numbers_within():
    raw = many_facts_page(80).pages["d005"]
    tokens = text.numbers_of(raw)
    starts = [t.start for t in tokens]
    rng = random.Random(1)
    n = len(text.squeeze(raw))
    for _ in range(500):
        a = rng.randint(0, n)
        b = rng.randint(a, min(n, a + 200))
        assert text.numbers_between(tokens, starts, a, b) == text.numbers_within(tokens, a, b)


def test_numbers_in_a_quote_found_twice_and_after_a_page_changes():
    cat = many_facts_page(40)
    quote = cat.facts[0]["quote"]
    assert cat.numbers_in("d005", quote) >= {cat.facts[0]["value"]}
    assert cat.numbers_in("d005", "not on the page") is None
    cat.pages["d005"] = "完全不同的一页：2021年，地区生产总值12.5亿元。"
    cat._numbers.clear()
    assert cat.numbers_in("d005", quote) is None
    assert cat.numbers_in("d005", "地区生产总值12.5亿元") == {"12.5"}


class Formulas:
    indicators = [{"code": "rate", "formula": "part / whole × 100", "base_unit": "percent"},
                  {"code": "part", "formula": ""}, {"code": "whole", "formula": ""}]


def plain_derived(facts: pd.DataFrame) -> list[tuple]:
    a, b = facts[facts["indicator"] == "part"], facts[facts["indicator"] == "whole"]
    return [(x.region, x.period, x.year, x.value_base / y.value_base * 100, f"{x.fact_id}, {y.fact_id}")
            for x in a.itertuples() for y in b.itertuples()
            if x.region == y.region and x.period == y.period and y.value_base]


def test_derived_values_join_lists_every_pair_in_the_plain_order():
    rng = random.Random(5)
    rows = []
    for i in range(400):
        region, period = rng.choice(["a", "b", "c"]), rng.choice(["2020", "2021", "2022-06"])
        value = rng.choice([0.0, 10.0, 55.5, 200.0])
        rows.append({"fact_id": f"d{i // 100:03d}-{i % 100:03d}", "indicator": rng.choice(["part", "whole", "x"]),
                     "region": region, "period": period, "year": int(period[:4]), "value_base": value})
    facts = pd.DataFrame(rows)
    got = build.derived_values(facts, Formulas())
    assert list(got.columns) == build.DERIVED_COLUMNS
    assert list(got[["region", "period", "year", "value_base", "inputs"]].itertuples(index=False, name=None)) \
        == plain_derived(facts)
    assert set(got["formula"]) == {"part / whole × 100"} and set(got["status"]) == {"derived"}
    assert build.derived_values(facts[facts["indicator"] == "x"], Formulas()).empty


def test_groups_come_only_from_shared_keys():
    cols = ["fact_id", "region", "indicator", "period", "qualifier", "value", "value_num", "value_base", "unit"]
    rows = [(f"d005-{i:03d}", f"r{i}", "gdp", "2020", None, "1", 1.0, 1e8, "亿元") for i in range(1, 300)]
    rows += [("d006-001", "r7", "gdp", "2020", None, "1", 1.0, 1e8, "亿元")]
    groups, problems = conflicts.resolve_groups(pd.DataFrame(rows, columns=cols), [])
    assert not problems
    assert list(groups["fact_id"]) == ["d005-007", "d006-001"]
    assert list(groups["rule"]) == ["same value", "same value"]

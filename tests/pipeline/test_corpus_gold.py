"""The development corpus (tests/corpus/dev/): its register meets the mix it was collected for and every
gold fact is provable from its page (context in the page, value a number token inside it, unit printed
after it or in its table's heading, qualifier a known code)."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from etl import grading
from etl.core import catalog, text
from etl.core.vocab import QUALIFIERS

DEV = Path(__file__).resolve().parents[1] / "corpus" / "dev"
REGISTER = grading.read_csv(DEV / "register.csv")
GOLD = grading.read_csv(DEV / "gold.csv")
PAGES = {r["file"]: (DEV / r["file"]).read_text(encoding="utf-8") for r in REGISTER if (DEV / r["file"]).exists()}
PERIOD = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2]))?")


def test_register_columns_and_files():
    with open(DEV / "register.csv", encoding="utf-8") as fh:
        assert fh.readline().strip().split(",") == grading.REGISTER_COLUMNS
    with open(DEV / "gold.csv", encoding="utf-8") as fh:
        assert fh.readline().strip().split(",") == grading.GOLD_COLUMNS
    files = [r["file"] for r in REGISTER]
    assert len(files) == len(set(files)) >= 20
    for r in REGISTER:
        assert re.fullmatch(r"\d\d\.txt", r["file"]) and (DEV / r["file"]).exists(), r["file"]
        assert r["address"].startswith("http"), r["file"]
        assert r["kind"] in {"bulletin", "report", "release", "news"}, r["file"]
        assert r["script"] in {"simplified", "traditional"} and r["has_table"] in {"true", "false"}, r["file"]
        assert re.fullmatch(r"\d{4}(?:-\d\d(?:-\d\d)?)?", r["date_published"]), r["file"]
        assert r["date_accessed"] == "2026-12-02", r["file"]


def test_register_meets_the_mix():
    kinds = Counter(r["kind"] for r in REGISTER)
    assert kinds["bulletin"] >= 5 and kinds["report"] + kinds["release"] >= 5 and kinds["news"] >= 5, kinds
    assert sum(r["script"] == "traditional" for r in REGISTER) >= 2
    assert sum(r["has_table"] == "true" for r in REGISTER) >= 2
    codes = {r["code"]: r for r in catalog.load().regions}
    county = {r["region"] for r in REGISTER
              if (r["region"] in codes and codes[r["region"]]["level"] == "county") or r["region"].endswith("县")}
    assert len(county) >= 4, county


def test_every_page_has_gold_facts():
    per_file = Counter(g["file"] for g in GOLD)
    assert set(per_file) == set(PAGES)
    assert all(n >= 2 for n in per_file.values()), per_file


def test_regions_are_codes_or_hunan_names():
    from etl.core import places

    codes = {r["code"] for r in catalog.load().regions}
    names = {d.name for d in places.hunan()}
    for g in GOLD:
        assert g["region"] in codes or g["region"] in names or g["region"].endswith(("经开区", "园")), g


@pytest.mark.parametrize("fact", GOLD, ids=[f"{g['file']}:{g['value']}:{g['context'][:12]}" for g in GOLD])
def test_gold_fact_is_in_its_page(fact):
    raw = PAGES[fact["file"]]
    page = text.squeeze(raw)
    ctx = text.squeeze(fact["context"])
    assert ctx and ctx in page, "context not in the page"
    (pos,) = grading.locate(raw, [fact])
    assert pos is not None, "value is not a number token inside the context"
    if fact["value"][:1] in "-－−":
        assert page[pos - 1] in "-－−", "minus sign not printed before the value"
    assert grading.unit_printed(raw, pos, fact["value"], fact["unit"]), "unit not printed after the value or in a heading"
    assert fact["qualifier"] in QUALIFIERS or not fact["qualifier"], "unknown qualifier"
    assert PERIOD.fullmatch(fact["period_start"]) and PERIOD.fullmatch(fact["period_end"])
    assert fact["period_start"] <= fact["period_end"]
    assert fact["indicator_zh"].strip()


def test_gold_facts_stand_on_distinct_tokens():
    """Two gold facts on one number token would make the one-to-one grading count a miss that is not one."""
    positions = Counter()
    for file, raw in PAGES.items():
        facts = [g for g in GOLD if g["file"] == file]
        for pos in grading.locate(raw, facts):
            positions[(file, pos)] += 1
    assert [k for k, n in positions.items() if n > 1] == []

"""Grading propose against gold facts (etl.grading): positions, one-to-one matching, units, periods."""
from __future__ import annotations

import csv

import pytest

from etl import evaluate, grading
from etl.core import text

RAW = "全县地区生产总值120.5亿元,增长7.1%。新建项目20个,完成率20%。2021年末常住人口55万人。"


def fact(value, unit, context, *, indicator="x", region="xinhua", start="2021", end="2021", qualifier=""):
    return {"file": "01.txt", "region": region, "indicator_zh": indicator, "period_start": start,
            "period_end": end, "value": value, "unit": unit, "qualifier": qualifier, "context": context}


def row(value, unit, *, region="xinhua", region_zh="新化县", period="2021", hold_back=""):
    return {"value": value, "unit": unit, "region": region, "region_zh": region_zh, "period": period,
            "hold_back": hold_back, "indicator_zh": "", "quote": ""}


GOLD = [
    fact("120.5", "亿元", "地区生产总值120.5亿元"),
    fact("7.1", "%", "增长7.1%", qualifier="yoy"),
    fact("20", "个", "新建项目20个"),
    fact("20", "%", "完成率20%"),
    fact("55", "万人", "常住人口55万人"),
]


def test_locate_finds_each_value_token_inside_its_context():
    tokens = text.numbers_of(RAW)
    positions = grading.locate(RAW, GOLD)
    assert [tokens[[t.start for t in tokens].index(p)].text for p in positions] == ["120.5", "7.1", "20", "20", "55"]
    assert positions[2] != positions[3]  # the two 20s are told apart by their contexts
    assert grading.locate(RAW, [fact("21", "", "新建项目20个")]) == [None]  # a value not in the context
    assert grading.locate(RAW, [fact("20", "", "不在页面上")]) == [None]


def test_locate_takes_the_nth_token_for_the_nth_fact_of_one_context():
    raw = "羊肉产量900吨,禽肉产量900吨"
    a, b = grading.locate(raw, [fact("900", "吨", raw), fact("900", "吨", raw)])
    assert a < b


def test_grade_counts_every_figure_and_class():
    p = grading.locate(RAW, GOLD)
    year = next(t.start for t in text.numbers_of(RAW) if t.text == "2021")
    candidates = [
        (p[0], row("120.5", "亿元")),  # all right
        (p[1], row("7.1", "%", region="lianyuan", region_zh="涟源市")),  # wrong region
        (p[2], row("20", "%")),  # 20 个 is not 20 %: wrong unit
        (p[3], row("20", "%", period="2020")),  # wrong period
        (p[4], row("55", "万人", hold_back="implausible")),  # held back: missed
        (year, row("2021", "")),  # proposed, no gold fact: false candidate
    ]
    g = grading.grade(GOLD, p, candidates, page="01.txt")
    assert (g.gold, g.proposed, g.matched, g.value, g.full) == (5, 5, 4, 4, 1)
    assert (g.wrong_region, g.wrong_unit, g.wrong_period, g.false_candidate, g.missed) == (1, 1, 1, 1, 1)
    fig = g.figures()
    assert (fig["value_recall"], fig["full_recall"], fig["precision"]) == ("0.800", "0.200", "0.800")
    classes = sorted(e["error"] for e in g.errors)
    assert classes == ["false_candidate", "missed", "wrong_period", "wrong_region", "wrong_unit"]
    missed = next(e for e in g.errors if e["error"] == "missed")
    assert missed["proposed"] == "implausible" and missed["value"] == "55"


def test_grade_is_one_to_one():
    """Two gold facts on one token: the candidate matches one of them, the other is missed."""
    gold = [fact("120.5", "亿元", "地区生产总值120.5亿元"), fact("120.5", "亿元", "120.5亿元")]
    pos = grading.locate(RAW, gold)
    assert pos[0] == pos[1]
    g = grading.grade(gold, pos, [(pos[0], row("120.5", "亿元"))])
    assert (g.value, g.full, g.missed, g.matched, g.proposed, g.false_candidate) == (1, 1, 1, 1, 1, 0)


def test_grade_absent_candidate_is_missed_and_empty_page_has_no_shares():
    p = grading.locate(RAW, GOLD[:1])
    g = grading.grade(GOLD[:1], p, [])
    assert (g.missed, g.value, g.proposed) == (1, 0, 0)
    assert g.figures()["precision"] == ""
    assert grading.grade([], [], []).figures()["value_recall"] == ""


def test_region_matches_by_code_or_name_and_units_across_scripts():
    assert grading.region_ok(row("1", ""), "xinhua")
    assert grading.region_ok(row("1", "", region="adm_431223", region_zh="辰溪县"), "辰溪县")
    assert not grading.region_ok(row("1", ""), "lianyuan")
    assert grading.norm_unit("億元") == grading.norm_unit("亿元")
    assert grading.norm_unit("％") == "%"
    assert grading.norm_unit("个") != grading.norm_unit("%")


@pytest.mark.parametrize("candidate, start, end, ok", [
    ("2021", "2021", "2021", True),
    ("2015-02-04", "2015", "2015", True),  # a date inside the gold year
    ("2017", "2017-11", "2017-11", False),  # a year is not a month
    ("2017-01..2017-11", "2017-01", "2017-11", True),
    ("2016", "2013", "2016", False),
    ("2013..2016", "2013", "2016", True),
    ("", "2021", "2021", False),
])
def test_period_ok(candidate, start, end, ok):
    assert grading.period_ok(candidate, start, end) is ok


def test_unit_printed_after_the_value_its_list_or_in_a_heading():
    raw = "分别拉动经济增长1.74个、3.22个、4.0个百分点。新建项目20个"
    pos = {t.text: t.start for t in text.numbers_of(raw)}
    assert grading.unit_printed(raw, pos["1.74"], "1.74", "个百分点")
    assert grading.unit_printed(raw, pos["20"], "20", "个")
    assert not grading.unit_printed(raw, pos["20"], "20", "%")
    table = "(单位:万元)\n\n生产总值\n\n4830423\n\n7.8"
    tpos = {t.text: t.start for t in text.numbers_of(table)}
    assert grading.unit_printed(table, tpos["4830423"], "4830423", "万元")
    assert not grading.unit_printed(table, tpos["4830423"], "4830423", "亩")
    rank = "位列全市第二"
    assert grading.unit_printed(rank, len(rank) - 1, "二", "位")  # 位 supplied for a rank without measure word


def test_run_corpus_on_a_small_corpus(tmp_path):
    page = "新化县2021年国民经济和社会发展统计公报\n2021年全县地区生产总值309.81亿元,增长7.5%。"
    (tmp_path / "01.txt").write_text(page, encoding="utf-8")
    with open(tmp_path / "register.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(grading.REGISTER_COLUMNS)
        w.writerow(["01.txt", "http://x", "p", "t", "bulletin", "simplified", "false", "xinhua", "2022-03",
                    "2026-12-02", ""])
    with open(tmp_path / "gold.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(grading.GOLD_COLUMNS)
        w.writerow(["01.txt", "xinhua", "地区生产总值", "2021", "2021", "309.81", "亿元", "", "地区生产总值309.81亿元"])
        w.writerow(["01.txt", "xinhua", "地区生产总值增长", "2021", "2021", "7.5", "%", "yoy", "增长7.5%"])
    out = tmp_path / "eval.csv"
    table = evaluate.run_corpus(tmp_path, out=out, errors=tmp_path / "errors.csv")
    assert "01.txt" in table and "all" in table
    rows = grading.read_csv(out)
    assert [r["page"] for r in rows] == ["01.txt", "all"]
    assert rows[-1]["gold"] == "2" and rows[-1]["value_recall"] == "1.000"
    assert list(rows[0]) == evaluate.CORPUS_COLUMNS


def test_corpus_subject_is_the_register_code_or_the_division_named_most():
    from etl.core import catalog
    from etl.extract.knowledge import Knowledge

    cat = catalog.load()
    k = Knowledge.from_catalog(cat)
    codes = {r["code"] for r in cat.regions}
    assert evaluate.corpus_subject("涟源市", "xinhua", k, codes) == "xinhua"
    code = evaluate.corpus_subject("辰溪縣統計局。辰溪縣2021年……湖南省", "辰溪县", k, codes)
    assert {r.code: r.name for r in k.regions}[code] == "辰溪县"
    assert evaluate.corpus_subject("没有地名", "某县", k, codes) == ""

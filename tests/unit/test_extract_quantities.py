"""etl.extract.quantities: a number's value, unit, multiplier and qualifiers; lists, base units, ranks."""
from decimal import Decimal

import pytest
from extract_kit import only

from etl.core import text
from etl.extract.quantities import (
    base_of,
    borrow_unit,
    is_place_change,
    is_span,
    list_head,
    rank_before,
    rank_out_of,
    read_quantity,
)
from etl.propose import propose_text


@pytest.mark.parametrize("sentence, value, unit, base, base_unit, qualifier", [
    ("累计改建无害化卫生户厕1.83万座", "1.83", "万座", "18300", "count", "cumulative"),
    ("全县选派三千名党员干部", "三千", "名", "3000", "person", ""),
    ("2020年地区生产总值302.92亿元", "302.92", "亿元", "30292000000", "yuan", ""),
    ("带动百余名留守妇女就业", "百", "名", "100", "person", "more_than"),
    ("处置率达到61.86%", "61.86", "%", "61.86", "percent", ""),
    ("跻身全省产业园区第四位", "四", "位", "4", "rank", ""),
    ("省评排名较上年上升31个名次", "31", "个名次", "31", "places", ""),
    ("出口总额同比增长8.5%", "8.5", "%", "8.5", "percent", "yoy"),
    ("种植玳玳酸橙1.5万余亩", "1.5", "万亩", "15000", "mu", "more_than"),
    ("年缴纳税收约5000万元", "5000", "万元", "50000000", "yuan", "approx"),
    ("企业达到50家以上", "50", "家", "50", "count", "at_least"),
])
def test_number_parsing(k, sentence, value, unit, base, base_unit, qualifier):
    row = only(propose_text(sentence, k), value)
    assert (row["unit"], row["base_unit"], row["qualifier"]) == (unit, base_unit, qualifier)
    assert Decimal(row["value_base"]) == Decimal(base)
    assert row["hold_back"] == ""


def test_rank_out_of_printed_set(k):
    rows = propose_text("娄底高新区在全省144个园区中排第9。", k)
    rank, total = only(rows, "9"), only(rows, "144")
    assert (rank["unit"], rank["base_unit"], rank["out_of"]) == ("位", "rank", "144")
    assert "supplied" in rank["notes"]
    assert total["hold_back"].startswith("number of ranked items")


@pytest.mark.parametrize("raw, value, base", [
    ("全县新增市场主体4,256户。", "4,256", "4256"),
    ("全县新增企业1 023家。", "1023", "1023"),            # a stray space inside an integer (PDF layout)
])
def test_thousands_separators(k, raw, value, base):
    row = only(propose_text(raw, k), value)
    assert row["value_base"] == base and row["hold_back"] == ""


def test_a_doubled_decimal_point_is_one_number(k):
    row = only(propose_text("全县农业总产值56..3亿元。", k, subject="shuangfeng"), "56..3")
    assert row["value_base"] == "5630000000"


@pytest.mark.parametrize("raw, value, base, base_unit", [
    ("全縣財政收入完成１５.６億億元。", "１５.６", "1560000000", "yuan"),     # a doubled multiplier
    ("全县接待游客152万人人次。", "152", "1520000", "person_time"),           # a doubled character
])
def test_doubled_characters_in_units(k, raw, value, base, base_unit):
    row = only(propose_text(raw, k, subject="shuangfeng"), value)
    assert (row["value_base"], row["base_unit"]) == (base, base_unit)


def test_laiyuan_is_no_approximation(k):
    assert only(propose_text("发布时间：2023-03-15 来源：某局", k), "15")["qualifier"] == ""


def test_read_quantity_reads_multiplier_measure_and_qualifiers():
    s = "种植玳玳酸橙1.5万余亩以上"
    q = read_quantity(s, text.find_numbers(s)[0])
    assert (q.value, q.unit, q.measure, q.multiplier) == ("1.5", "万亩", "亩", 10000)
    assert q.qualifiers == ["more_than", "at_least"] and s[q.end:] == ""
    assert q.number() == Decimal("1.5")


def test_read_quantity_supplies_the_rank_of_an_ordinal():
    s = "排名第18"
    q = read_quantity(s, text.find_numbers(s)[0])
    assert (q.rank, q.unit, q.unit_supplied) == (True, "位", True)


def test_an_earlier_item_of_a_list_borrows_the_unit_and_a_later_one_finds_its_head():
    s = "上升31、36个名次"
    tokens = text.find_numbers(s)
    q = read_quantity(s, tokens[0])
    borrow_unit(s, q, tokens=tokens, idx=0)
    assert (q.unit, q.measure) == ("个名次", "个名次")
    s = "分别达35161元、22564元"
    tokens = text.find_numbers(s)
    assert list_head(s, tokens, 1, lo=0) == tokens[0]
    assert list_head(s, tokens, 0, lo=0) == tokens[0]


@pytest.mark.parametrize("s, pre, units, base", [
    ("5万亿元", "", {"元": [("yuan", Decimal(1))]}, (Decimal(5000000000000), "yuan")),   # measure x multiplier
    ("3000元", "人均", {"元": [("yuan", Decimal(1)), ("yuan_per_person", Decimal(1))]},
     (Decimal(3000), "yuan_per_person")),
    ("7位", "上升", {}, (Decimal(7), "places")),
    ("8.5%", "", {}, (Decimal("8.5"), "percent")),                                         # vocab.BASE_UNITS
    ("12座", "", {}, (Decimal(12), "count")),
])
def test_base_of(s, pre, units, base):
    assert base_of(read_quantity(s, text.find_numbers(s)[0]), units, pre) == base


def test_ranks_place_changes_and_spans():
    s = "娄底高新区在全省144个园区中排第9，比上年上升7个名次"
    tokens = text.find_numbers(s)
    assert rank_out_of(s, (0, len(s)), tokens[1]) == "144"
    change = read_quantity(s, tokens[2])
    assert is_place_change(change, "比上年上升") and not is_place_change(read_quantity(s, tokens[1]), "排")
    assert rank_before(s, tokens[2], 0) == text.Token("9", tokens[1].start, tokens[1].end)
    rate = read_quantity("61.86%", text.find_numbers("61.86%")[0])
    assert not is_span(rate, "处置率达到") and is_span(change, "累计")


@pytest.mark.parametrize("sentence, value, unit, base", [
    ("全县油菜播种面积为21.3千公顷。", "21.3", "千公顷", "21300"),     # 千 + a unit word
    ("全年家禽出栏120.5万羽。", "120.5", "万羽", "1205000"),           # 万 + a unit word
    ("建成绿道3百米。", "3", "百米", "300"),
])
def test_a_multiplier_before_a_unit_word(k, sentence, value, unit, base):
    row = only(propose_text(sentence, k), value)
    assert (row["unit"], row["value_base"]) == (unit, base)


def test_a_list_abbreviates_its_unit(k):
    rows = propose_text("三次产业分别拉动经济增长0.5个、2.1个、1.9个百分点。", k)
    assert [only(rows, v)["unit"] for v in ("0.5", "2.1", "1.9")] == ["个百分点"] * 3
    assert only(propose_text("新建学校3个、医院2个。", k), "3")["unit"] == "个"

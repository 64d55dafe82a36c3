"""etl.extract.holdback: numbers that are not quantities to propose (dates, phone numbers, names …)."""
from decimal import Decimal

import pytest
from extract_kit import only

from etl.core import text
from etl.extract.holdback import hold_reason, implausible, out_of_of_rank
from etl.extract.quantities import read_quantity
from etl.propose import propose_text


@pytest.mark.parametrize("sentence, value, reason", [
    ("3月25日，茶农在采摘茶叶。", "25", "date"),
    ("3月25日，茶农在采摘茶叶。", "3", "date"),
    ("咨询电话0738-8312345。", "0738", "phone"),
    ("咨询电话0738-8312345。", "8312345", "phone"),
    ("某县扶贫资金达5万亿元。", "5", "implausible"),
    ("身份证号码430105196310312345。", "430105196310312345", "id"),
    ("见本报第3版。", "3", "serial"),
    ("党的十八大以来，全县发展很快。", "十八", "name"),
    ("实现“两个全覆盖”。", "两", "quotation"),
    ("16时50分下班。", "50", "time"),
])
def test_hold_back(k, sentence, value, reason):
    row = only(propose_text(sentence, k, subject="lianyuan"), value)
    assert reason in row["hold_back"]


def test_plausible_county_fund_is_not_held(k):
    row = only(propose_text("某县扶贫资金达5亿元。", k, subject="lianyuan"), "5")
    assert row["hold_back"] == ""


def test_full_width_year_is_a_period_not_a_value(k):
    rows = propose_text("２０２０年，全县共有规模工业企业４８家。", k, date="2021")
    year, count = only(rows, "２０２０"), only(rows, "４８")
    assert year["hold_back"].startswith("year")
    assert (count["period"], count["unit"], count["value_base"], count["hold_back"]) == ("2020", "家", "48", "")


@pytest.mark.parametrize("raw, value, reason", [
    ("发布时间：2023-03-15 来源：某市统计局", "03", "date (month)"),
    ("发布时间：2023-03-15 来源：某市统计局", "15", "date (day)"),
    ("更新于2022/12/8。", "2022", "year"),
    ("更新于2022/12/8。", "8", "date (day)"),
])
def test_dates_written_with_digits_only_are_held_back(k, raw, value, reason):
    assert only(propose_text(raw, k), value)["hold_back"].startswith(reason)


def test_a_threshold_defining_a_set_is_held_back(k):
    rows = propose_text("今年以来，园区新签约项目18个，其中投资过10亿元的项目5个。", k, subject="loudi_etdz")
    assert only(rows, "10")["hold_back"] == "threshold in a definition"
    assert only(rows, "5")["hold_back"] == ""


@pytest.mark.parametrize("s, value, reason", [
    ("咨询电话0738-8312345。", "0738", "phone number"),
    ("2023年3月15日", "2023", "year (a period, not a value)"),
    ("第3版", "3", "serial / page number"),
    ("近3年来", "3", "length of a time span"),
    ("全县新增企业48家。", "48", ""),
])
def test_hold_reason(s, value, reason):
    tok = next(t for t in text.find_numbers(s) if t.text == value)
    assert hold_reason(s, tok, read_quantity(s, tok)) == reason


def test_implausible_magnitudes_depend_on_unit_and_level():
    assert implausible(Decimal("5e12"), "yuan", level="county", pre="").startswith("implausible magnitude")
    assert implausible(Decimal("5e8"), "yuan", level="county", pre="") == ""
    assert implausible(Decimal("2e6"), "yuan", level="city", pre="人均").startswith("implausible")  # per person
    assert implausible(None, "yuan", level="county", pre="") == ""


def test_the_set_of_a_ranking_is_no_quantity():
    s = "娄底高新区在全省144个园区中排第9"
    tokens = text.find_numbers(s)
    assert out_of_of_rank(s, tokens[0], sent=(0, len(s)), tokens=tokens)
    assert not out_of_of_rank(s, tokens[1], sent=(0, len(s)), tokens=tokens)

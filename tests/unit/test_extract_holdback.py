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
    ("本站 2020-05-18 09:42:07 发布", "05", "date"),                      # a timestamp of the site
    ("本站 2020-05-18 09:42:07 发布", "18", "date"),
    ("本站 2020-05-18 09:42:07 发布", "09", "time"),
    ("本站 2020-05-18 09:42:07 发布", "42", "time"),
    ("本站 2020-05-18 09:42:07 发布", "07", "time"),
    ("发布时间:2020-05-18 来源:某县统计局\n", "18", "date"),
    ("更新时间：5月18日 访问", "18", "date"),
    ("今天是建党100周年纪念日。", "100", "anniversary"),
    ("县第九届人大三次会议召开。", "三", "session"),
    ("列入第二批试点名单。", "二", "batch"),
    ("全力打好三大攻坚战。", "三", "name"),
    ("全文见下xy7\n某县新增企业8家。", "7", "code"),
    ("空气中PM2.5浓度下降。", "2.5", "name"),
    ("建成5G基站120个。", "5", "code"),
    ("表2 某县主要指标\n", "2", "table"),
    ("注:1、数据为快报数。\n2、总量按现价计算。\n", "1", "list marker"),
    ("注:1、数据为快报数。\n2、总量按现价计算。\n", "2", "list marker"),
    ("(单位:万元)\n", "万", "unit in a heading"),
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


@pytest.mark.parametrize("sentence, value", [
    ("三次产业结构为11.9:49.1:39。", "39"),              # a ratio, not a time
    ("结构由上年的20:30:50调整为18:32:50。", "30"),
    ("建筑业 110456\n-0.8\n", "0.8"),                     # a negative table cell, not a phone number
    ("全县耕地分为三大块。", "三"),                          # a count: 大 before a measure word
    ("全县GDP451亿元。", "451"),                            # letters before a number with a unit
])
def test_not_held_back(k, sentence, value):
    assert only(propose_text(sentence, k, subject="lianyuan"), value)["hold_back"] == ""

"""etl.extract.periods: time expressions, time frames of paragraphs and leads, the period of a number."""
import pytest
from extract_kit import only

from etl.extract.periods import (
    cn_int,
    only_frame,
    opens_frame,
    resolve_period,
    time_exprs,
)
from etl.propose import propose_text


@pytest.mark.parametrize("sentence, date, period", [
    ("今年全县新增企业12家。", "2021-06-01", "2021"),
    ("去年全县新增企业12家。", "2021", "2020"),
    ("上年全县新增企业12家。", "2023", "2022"),
    ("“十三五”期间，全区累计投入民生资金88.7亿元。", "2021", "2016..2020"),
    ("“十三五”期间，全区地区生产总值达585.8亿元。", "2021", "2020"),
    ("2013年末，全县贫困发生率18.3%。", "2021", "2013"),
    ("截至2021年5月，共召开屋场会16000余场。", "2021", "2021-05"),
    ("2014年至2020年底，全市累计新增饮水项目633个。", "2021", "2014..2020"),
    ("近5年，全县共完成149个产业项目建设。", "2021", "2016..2020"),
    ("全县共有企业48家。", "2019", "2019"),
])
def test_period_resolution(k, sentence, date, period):
    row = next(r for r in propose_text(sentence, k, date=date) if not r["hold_back"])
    assert row["period"] == period
    assert row["notes"]


def test_relative_period_is_noted(k):
    row = only(propose_text("去年全县新增企业12家。", k, date="2021"), "12")
    assert "去年 → 2020" in row["notes"]


@pytest.mark.parametrize("raw, value, period", [
    ("2019年，全县新建公路12条。全县新增企业8家。\n", "8", "2019"),                 # frame of the paragraph
    ("张三，2018年3月来到该村任职。全村共有农户300户。\n", "300", "2021"),           # an event's time, not a frame
    ("建成水池9个，2019年10月全村实现通水。\n", "9", "2019-10"),                     # time later in the clause
    ("派驻工作队471支，2019年，全县实现脱贫。\n", "471", "2021"),                    # a frame of what follows only
    ("力争五年内企业达到80家。\n", "80", "2022..2026"),                              # a target keeps its span
    ("3月5日，某镇举行签约仪式。\n\n当天，共签约项目6个。\n", "6", "2021-03-05"),     # 当天: the day named last
    ("11月26日，交警走进某村开展送考活动。本次活动共为84名村民提供服务。\n", "84", "2021-11-26"),
    ("4月16日，记者走进某村。村里共有耕地300亩。\n", "300", "2021"),                 # a dated lead: not every number
])
def test_time_frames(k, raw, value, period):
    assert only(propose_text(raw, k, date="2021-12-01"), value)["period"] == period


def test_the_year_of_an_article_lead_carries_to_later_paragraphs(k):
    raw = ("园区建设成效显著\n\n"
           "湖南省2022年度园区综合评价结果出炉，全市园区表现突出。\n\n"
           "园区实现税收35亿元，同比增长12%。\n\n"
           "2019年，园区建成道路5条。\n\n"
           "园区新增企业7家。\n")
    rows = propose_text(raw, k, date="2023-03-01")
    assert only(rows, "35")["period"] == "2022"
    assert "lead" in only(rows, "35")["notes"]
    assert only(rows, "7")["period"] == "2022"       # the 2019 frame stays in its paragraph


def test_tongda_is_no_level_verb(k):
    raw = "2014年至2020年底，全县农村公路通达150公里，公路里程达1000公里。\n"
    rows = propose_text(raw, k, date="2021")
    assert only(rows, "150")["period"] == "2014..2020"
    assert only(rows, "1000")["period"] == "2020"


@pytest.mark.parametrize("raw, value", [
    ("2020年，双峰县在全省县域经济考核中排名第18位，比上年上升7个名次。", "7"),
    ("2020年，全县税收收入5.6亿元，较去年同期增长3.2%。", "3.2"),
])
def test_the_base_of_a_comparison_is_not_the_period(k, raw, value):
    row = only(propose_text(raw, k, date="2023-01-20", subject="shuangfeng"), value)
    assert row["period"] == "2020"


def test_a_year_opening_a_clause_of_the_lead_carries_to_the_next_paragraph(k):
    raw = ("新化县上半年经济运行稳中向好\n"
           "本报讯（通讯员 王芳）记者从新化县统计局获悉，2022年上半年，新化县实现地区生产总值156.8亿元。\n"
           "规模工业增加值同比增长7.5%，固定资产投资增长10.3%。\n")
    rows = propose_text(raw, k, subject="xinhua", date="2023-03-15")
    assert only(rows, "156.8")["period"] == "2022-01..2022-06"
    assert only(rows, "7.5")["period"] == "2022-06"                  # a rate: the end of the half year


def test_a_year_in_chinese_numerals_is_a_period(k):
    raw = "某市召开经济工作会议\n二〇二二年，全市接待游客385.6万人次。\n"
    rows = propose_text(raw, k, subject="lengshuijiang", date="2023-02-01")
    assert only(rows, "二〇二二")["hold_back"].startswith("year")
    visitors = only(rows, "385.6")
    assert visitors["period"] == "2022" and visitors["quote"] == "二〇二二年，全市接待游客385.6万人次。"


def test_months_of_a_year_and_a_yardstick_place(k):
    raw = "今年1-10月，全市固定资产投资同比增长8.3%，高于全省平均水平1.2个百分点；新增企业1200家。\n"
    rows = propose_text(raw, k, subject="loudi", date="2022-12-06")
    assert only(rows, "1")["hold_back"].startswith("date (month)")
    assert only(rows, "1200")["period"] == "2022-01..2022-10"                 # a flow over the months
    assert only(rows, "8.3")["period"] == only(rows, "1.2")["period"] == "2022-10"   # rates: its end
    assert only(rows, "1.2")["region"] == "loudi"                             # 高于全省: the yardstick


def test_a_month_end_without_a_year(k):
    row = only(propose_text("截至6月底，全县金融机构各项存款余额达到489.6亿元。", k, date="2022-08-01"), "489.6")
    assert row["period"] == "2022-06"


@pytest.mark.parametrize("raw, value, period", [
    ("今年一季度，全市实现地区生产总值85.3亿元。", "85.3", "2022-01..2022-03"),
    ("今年一季度，全市地区生产总值同比增长18.2%。", "18.2", "2022-03"),          # a rate: the end of the span
    ("2021年前三季度，全市新增企业120家。", "120", "2021-01..2021-09"),
    ("上半年，全县新增企业35家。", "35", "2022-01..2022-06"),
])
def test_quarters_and_halves_are_spans_of_months(k, raw, value, period):
    assert only(propose_text(raw, k, subject="lianyuan", date="2022-08-01"), value)["period"] == period


def test_time_exprs():
    s = "2014年至2020年底，今年1-10月，去年，“十三五”，近5年，五年内"
    exprs = time_exprs(s, 0, len(s), page_year=2021, last_year=2021)
    assert [e.period for e in exprs] == ["2014..2020", "2021-01..2021-10", "2020", "2016..2020", "2016..2020",
                                         "2022..2026"]
    assert exprs[3].plan == (2016, 2020) and exprs[-1].future


def test_a_base_of_comparison_is_no_time_expression():
    s = "比上年增长5%"
    assert time_exprs(s, 0, len(s), page_year=2021, last_year=2021) == []


def test_resolve_period_falls_back_to_the_page_year():
    s = "2013年末，全县贫困发生率18.3%。"
    at = s.index("18.3")
    assert resolve_period(at, s, sent=(0, len(s)), para=(0, len(s)), page_year=2021, span=False)[:2] == (
        "2013", "period from 2013年末")
    s = "全县共有企业48家。"
    assert resolve_period(6, s, sent=(0, len(s)), para=(0, len(s)), page_year=2019, span=True) == (
        "2019", "no date in the text; page year 2019", 0.4)


def test_frames_and_numerals():
    assert only_frame("近年来") and only_frame("2020年") and only_frame("“目前”")
    assert not only_frame("全县")
    s = "截至2021年5月，共召开屋场会16000余场"
    e = time_exprs(s, 0, len(s), page_year=2021, last_year=2021)[0]
    assert e.as_of and opens_frame(s, e, 0, region_re=None)
    assert (cn_int("五"), cn_int("12"), cn_int("百")) == (5, 12, 0)


@pytest.mark.parametrize("raw, date, value, period", [
    # a bulletin's title names the year of its numbers; its date line does not
    ("某某县2020年国民经济和社会发展统计公报\n发布时间:2021-03-05 10:20\n\n全年实现地区生产总值88.6亿元。\n",
     "2021-03-05", "88.6", "2020"),
    ("某某县2020年国民经济和社会发展统计公报\n\n今年全县新增企业12家。\n", "2021", "12", "2020"),
    ("某某縣2020年國民經(jīng)濟和社會發(fā)展統(tǒng)計公報\n\n全年新增企業12家。\n", "2021", "12", "2020"),  # glosses
    # a page kept without its headline: the year opening the first paragraph of the body
    ("2020年，某某县坚持稳中求进。\n一、综合\n全年实现地区生产总值88.6亿元。\n", "2021", "88.6", "2020"),
    # a news story dated 2021: its first paragraph names no year
    ("某某县召开大会\n\n全县共有企业48家。\n", "2021", "48", "2021"),
])
def test_the_year_of_a_document(k, raw, date, value, period):
    assert only(propose_text(raw, k, date=date), value)["period"] == period


def test_a_month_after_the_page_date_is_of_the_year_before(k):
    rows = propose_text("11月当月全市工业增速为6.5%。\n", k, date="2021-01-05")
    assert only(rows, "6.5")["period"] == "2020-11"
    rows = propose_text("1-11月全市工业产值65亿元。\n", k, date="2021-01-05")
    assert only(rows, "65")["period"] == "2020-01..2020-11"

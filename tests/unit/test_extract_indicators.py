"""etl.extract.indicators: the words naming a number, matching them to an indicator, suggested names."""
import pytest
from extract_kit import only

from etl.core import catalog, text
from etl.extract.indicators import (
    INDICATOR_THRESHOLD,
    clean_phrase,
    context_words,
    indicator_phrase,
    match_indicator,
    qualified,
    similarity,
    strip_unit,
    strip_verbs,
    subject_clause,
    suggest_name,
)
from etl.extract.knowledge import Knowledge
from etl.extract.quantities import read_quantity
from etl.propose import propose_text


def test_a_qualified_name_is_a_new_indicator(k):
    gdp = only(propose_text("2020年，全县实现地区生产总值50亿元。", k), "50")
    assert gdp["indicator"] == "gdp"
    narrower = Knowledge.from_catalog(catalog.load(), hide_docs=("d000",))   # park GDP unknown here
    assert "park_gdp" not in narrower.indicators
    park = only(propose_text("2020年，示范园区生产总值8.5亿元。", narrower), "8.5")
    assert park["is_new_indicator"] == "true" and park["indicator_zh"].endswith("园区生产总值")
    assert qualified("园区生产总值|", "生产总值|", ["生产总值|"])
    assert not qualified("实现生产总值|", "生产总值|", ["生产总值|"])           # a verb is no modifier
    assert not qualified("地区生产总值同比增长|", "地区生产总值增长|", [])       # nor 同比


def test_growth_after_a_dated_clause_takes_its_subject(k):
    row = only(propose_text("2020年地区生产总值50亿元，同比增长4.3%。", k), "4.3")
    assert row["indicator"] == "gdp_growth"


def test_rank_phrase_is_the_ranking_not_the_verbs(k):
    rows = propose_text("该园区在全省产业园区排名从2018年第30位跃升至2020年第12位。", k)
    assert only(rows, "30")["indicator"] == only(rows, "12")["indicator"] == "park_provincial_rank"


def test_box_label_is_the_last_line_with_words(k):
    raw = "张三 摄\n\n数说发展\n\n贫困发生率\n2014年 12.5%\n2020年 0.8%\n"
    rows = propose_text(raw, k)
    assert only(rows, "12.5")["indicator"] == only(rows, "0.8")["indicator"] == "poverty_incidence"


def test_examples_before_deng_are_not_the_name(k):
    row = only(propose_text("全年打通城区人民路、建设路等8条“断头路”。", k), "8")
    assert row["indicator"] == "dead_end_roads_opened"


def test_later_items_of_a_list_share_the_words_of_the_first(k):
    raw = "“十三五”期间，全县发展加快。2020年，全县城镇居民人均可支配收入达30000元、28000元，年均增长8.1%、7.9%。\n"
    rows = propose_text(raw, k, date="2021")
    first, second = only(rows, "30000"), only(rows, "28000")
    assert first["indicator"] == second["indicator"] and first["period"] == second["period"] == "2020"
    a, b = only(rows, "8.1"), only(rows, "7.9")
    assert a["qualifier"] == b["qualifier"] == "annual_avg"
    assert a["period"] == b["period"] == "2016..2020"


@pytest.mark.parametrize("raw", [
    "双峰县在全省县域经济发展综合评价中排名第18位。",
    "雙峰縣在全省縣域經濟發展綜合評價中排名第18位。",
])
def test_region_names_are_cut_whole_from_suggested_names(k, raw):
    row = only(propose_text(raw, k, subject="loudi"), "18")
    assert row["region"] == "shuangfeng"
    assert row["indicator_zh"] == "县域经济发展综合评价排名"     # 双 is a unit word only after a number


@pytest.mark.parametrize("raw, name", [
    ("一般公共预算收入达到12.3亿元，增长8.1%。", "一般公共预算收入增速"),       # 一般 starts with 一, no number
    ("一般公共預算收入達到12.3億元，增長8.1%。", "一般公共预算收入增速"),
    ("全县税收收入5.6亿元，同比增长3.2%。", "税收收入增速"),
])
def test_growth_after_a_value_takes_its_subject_not_its_number(k, raw, name):
    row = only(propose_text(raw, k, subject="shuangfeng"), "8.1" if "8.1" in raw else "3.2")
    assert row["is_new_indicator"] == "true" and row["indicator_zh"] == name
    assert row["qualifier"] == "yoy"


@pytest.mark.parametrize("raw, value, name", [
    ("全年全市地区生产总值412.36亿元，按可比价格计算，比上年增长4.6%。", "4.6", "地区生产总值增速"),   # an aside passed over
    ("其中，第一产业增加值18.52亿元，增长3.9%。", "3.9", "第一产业增加值增速"),                     # 第一 is no value
    ("全县金融机构各项存款余额达到489.6亿元，比年初增加35.2亿元。", "35.2", "金融机构各项存款余额增加"),
])
def test_a_change_printed_after_a_value_takes_the_value_s_subject(k, raw, value, name):
    narrower = Knowledge.from_catalog(catalog.load(), hide_docs=("d000", "d001", "d004"))   # gdp unknown
    row = only(propose_text(raw, narrower, subject="lengshuijiang"), value)
    assert row["indicator_zh"] == name


@pytest.mark.parametrize("raw, value, name", [
    ("新化县在全市县域经济考核中位列第二。", "二", "县域经济考核排名"),          # 位列 names no ranking
    ("全县粮食播种面积稳定在100万亩以上。", "100", "粮食播种面积"),
])
def test_verbs_are_no_part_of_suggested_names(k, raw, value, name):
    assert only(propose_text(raw, k, subject="xinhua"), value)["indicator_zh"] == name


def test_no_words_match_no_indicator(k):
    rows = propose_text("三次产业结构为4.5:54.8:40.7。", k)
    assert only(rows, "54.8")["is_new_indicator"] == "true"
    assert only(rows, "三")["hold_back"].startswith("part of a word")


@pytest.mark.parametrize("raw, value, expect", [
    ("锡矿山街道在全市综合考核中获评第1名。", "1", ("indicator_zh", "综合考核排名")),
    ("全市在校学生5.8万余人。", "5.8", ("indicator_zh", "在校学生")),
    ("全市每千人床位6.4张。", "千", ("hold_back", "denominator of a rate (每千人)")),
])
def test_words_of_statistical_bulletins(k, raw, value, expect):
    row = only(propose_text(raw, k, subject="lengshuijiang"), value)
    assert row[expect[0]] == expect[1]


def test_another_crop_is_another_indicator(k):
    assert "sweet_potato_area" in k.indicators or any("红薯种植面积" in v["name_zh"] for v in k.indicators.values())
    row = only(propose_text("全县油茶种植面积达到35万亩。", k, subject="xinhua"), "35")
    assert row["is_new_indicator"] == "true" and row["indicator_zh"] == "油茶种植面积"
    assert not qualified("上报湘扶贫监测APP问题|", "上报湘扶贫困APP问题|", ["上报湘扶贫困APP问题|"])  # a variant


def test_a_phrase_taught_for_several_indicators_decides_none(k):
    ambiguous = {e for e, c in k.synonyms if e == "产值|"}
    assert ambiguous and len({c for e, c in k.synonyms if e == "产值|"}) > 1
    row = only(propose_text("全县油茶种植面积达到35万亩，年产值超过10亿元。", k, subject="xinhua"), "10")
    assert row["is_new_indicator"] == "true"            # not one industry's output chosen at random


@pytest.mark.parametrize("raw, value, name", [
    ("全县规模工业企业达到268家，较上年净增15家。", "15", "规模工业企业净增"),          # a change, not the count
    ("全县规模工业增加值增长8.6%，高于全市1.1个百分点。", "1.1", "规模工业增加值增长高于"),
])
def test_a_change_or_difference_is_not_the_level(k, raw, value, name):
    row = only(propose_text(raw, k, subject="shuangfeng"), value)
    assert row["is_new_indicator"] == "true" and row["indicator_zh"] == name
    assert row["region"] == "shuangfeng"


def test_leading_verbs_are_no_part_of_a_name(k):
    row = only(propose_text("全县实现农业总产值56.3亿元。", k, subject="shuangfeng"), "56.3")
    assert row["indicator_zh"] == "农业总产值"


def test_an_ambiguous_phrase_is_not_decided_by_a_longer_name(k):
    assert len({c for e, c in k.synonyms if e == "总投资|"}) > 1
    row = only(propose_text("全县累计引进项目126个，总投资达320亿元。", k, subject="shuangfeng"), "320")
    assert row["is_new_indicator"] == "true"             # not 村饮水工程总投资 by its name


def test_later_items_of_a_list_get_the_name_of_the_first(k):
    raw = "2020年，全区城乡居民人均可支配收入分别达35161元、22564元，年均分别增长8.8%、9.6%。\n"
    narrower = Knowledge.from_catalog(catalog.load(), hide_docs=("d000", "d001", "d004"))
    rows = propose_text(raw, narrower, date="2021")
    assert only(rows, "9.6")["indicator_zh"] == only(rows, "8.8")["indicator_zh"] == "城乡居民人均可支配收入增速"


def test_ju_inside_a_rank_phrase_is_a_ranking(k):
    row = only(propose_text("园区规模工业总产值增长15.3%，增速居全市各园区第一。", k, subject="loudi_etdz"), "一")
    assert row["indicator_zh"] == "增速各园区排名" and row["hold_back"] == ""


def test_clean_phrase(k):
    assert clean_phrase("2020年全县实现地区生产总值", k.region_re) == "地区生产总值"
    assert clean_phrase("涟源市贫困发生率降至", k.region_re) == "贫困发生率降"
    assert clean_phrase("比上年增长") == "增长"
    assert strip_unit("个产业项目") == "产业项目" and strip_verbs("实现全年生产") == "生产"


def test_words_before_a_bare_growth_rate():
    s = "2020年地区生产总值50亿元，同比增长4.3%"
    tok = text.find_numbers(s)[2]
    assert subject_clause(s, s.index("，")) == "地区生产总值"
    assert context_words(s, tok, tok.end + 1) == ("同比增长", "")
    assert indicator_phrase(s, tok, read_quantity(s, tok))[2] == "地区生产总值同比增长|"


INDICATORS = {"gdp": {"name_zh": "地区生产总值", "unit": "亿元", "base_unit": "yuan"},
              "output": {"name_zh": "工业产值", "unit": "亿元", "base_unit": "yuan"}}


def test_match_indicator_by_name_synonym_and_unit():
    assert similarity("地区生产总值|", "地区生产总值|") == 1.0 and similarity("甲乙", "丙丁") == 0.0
    assert match_indicator("地区生产总值|", "yuan", indicators=INDICATORS, synonyms=[]) == ("gdp", 1.0)
    assert match_indicator("地区生产总值|", "person", indicators=INDICATORS, synonyms=[]) == ("", 0.0)
    assert match_indicator("|", "", indicators=INDICATORS, synonyms=[]) == ("", 0.0)
    taught = [("产值|", "gdp"), ("产值|", "output")]                      # one phrase for two indicators
    assert match_indicator("产值|", "yuan", indicators=INDICATORS, synonyms=taught) == ("", 0.0)
    code, score = match_indicator("园区生产总值|", "yuan", indicators=INDICATORS, synonyms=[])
    assert code == "gdp" and score < INDICATOR_THRESHOLD                 # a qualified name is another indicator


def test_suggest_name():
    q = read_quantity("增长4.3%", text.find_numbers("增长4.3%")[0])
    assert suggest_name("一般公共预算收入同比增长", "", q) == "一般公共预算收入增速"
    assert suggest_name("", "", q) == "未命名指标"
    q = read_quantity("149个", text.find_numbers("149个")[0])
    assert suggest_name("完成", "产业项目", q) == "产业项目"

"""propose: numbers, units and qualifiers; periods; regions (incl. jionlp's Hunan divisions); traditional
script; hold-back rules; the leave-one-page-out knowledge."""
from decimal import Decimal

import pytest

from etl import evaluate, propose
from etl.core import catalog, places, text


@pytest.fixture(scope="module")
def cat():
    return catalog.load()


@pytest.fixture(scope="module")
def k(cat):
    return propose.Knowledge.from_catalog(cat)


def only(rows, value):
    """The single candidate whose value is printed as ``value``."""
    hits = [r for r in rows if r["value"] == value]
    assert len(hits) == 1, rows
    return hits[0]


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
    row = only(propose.propose_text(sentence, k), value)
    assert (row["unit"], row["base_unit"], row["qualifier"]) == (unit, base_unit, qualifier)
    assert Decimal(row["value_base"]) == Decimal(base)
    assert row["hold_back"] == ""


def test_full_width_year_is_a_period_not_a_value(k):
    rows = propose.propose_text("２０２０年，全县共有规模工业企业４８家。", k, date="2021")
    year, count = only(rows, "２０２０"), only(rows, "４８")
    assert year["hold_back"].startswith("year")
    assert (count["period"], count["unit"], count["value_base"], count["hold_back"]) == ("2020", "家", "48", "")


def test_rank_out_of_printed_set(k):
    rows = propose.propose_text("娄底高新区在全省144个园区中排第9。", k)
    rank, total = only(rows, "9"), only(rows, "144")
    assert (rank["unit"], rank["base_unit"], rank["out_of"]) == ("位", "rank", "144")
    assert "supplied" in rank["notes"]
    assert total["hold_back"].startswith("number of ranked items")


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
    row = next(r for r in propose.propose_text(sentence, k, date=date) if not r["hold_back"])
    assert row["period"] == period
    assert row["notes"]


def test_relative_period_is_noted(k):
    row = only(propose.propose_text("去年全县新增企业12家。", k, date="2021"), "12")
    assert "去年 → 2020" in row["notes"]


def test_hunan_divisions_come_from_jionlp():
    names = {d.name for d in places.hunan()}
    assert {"醴陵市", "桑植县", "涟源市", "娄底市", "湖南省"} <= names
    assert len([d for d in places.hunan() if d.level == "county"]) > 100


@pytest.mark.parametrize("sentence, subject, code, region_zh, how", [
    ("醴陵市新增规模工业企业12家。", "loudi", "adm_430281", "醴陵市", "sentence"),   # not in regions.csv
    ("桑植县新增规模工业企业12家。", "loudi", "sangzhi", "桑植县", "sentence"),
    ("涟源新增规模工业企业12家。", "loudi", "lianyuan", "涟源市", "sentence"),       # short alias
    ("娄星区召开大会，涟源市新增规模工业企业12家。", "loudi", "lianyuan", "涟源市", "sentence"),  # nearest wins
    ("新增规模工业企业12家。", "louxing", "louxing", "娄星区", "fallback"),
])
def test_region_recognition(k, sentence, subject, code, region_zh, how):
    row = only(propose.propose_text(sentence, k, subject=subject), "12")
    assert (row["region"], row["region_zh"]) == (code, region_zh)
    assert how in row["notes"]


def test_region_from_the_paragraph(k):
    raw = "醴陵市今年加快发展。全市新增规模工业企业12家。\n\n"
    row = only(propose.propose_text(raw, k, subject="loudi"), "12")
    assert row["region"] == "adm_430281"


def test_traditional_script_matches_like_simplified(k):
    trad = propose.propose_text("漣源市貧困發生率降至0.45%，全縣兩個項目。", k, subject="loudi")
    simp = propose.propose_text("涟源市贫困发生率降至0.45%，全县两个项目。", k, subject="loudi")
    t, s = only(trad, "0.45"), only(simp, "0.45")
    for field in ("region", "indicator", "period", "unit", "value_base"):
        assert t[field] == s[field], field
    assert t["region"] == "lianyuan" and t["indicator"] == "poverty_incidence"
    assert t["quote"] == "漣源市貧困發生率降至0.45%，全縣兩個項目。"   # verbatim, not converted
    assert "OpenCC" in t["notes"] and "OpenCC" not in s["notes"]
    assert only(trad, "兩")["unit"] == "個"                      # 兩 is a number token in traditional script too


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
    row = only(propose.propose_text(sentence, k, subject="lianyuan"), value)
    assert reason in row["hold_back"]


def test_plausible_county_fund_is_not_held(k):
    row = only(propose.propose_text("某县扶贫资金达5亿元。", k, subject="lianyuan"), "5")
    assert row["hold_back"] == ""


def test_one_candidate_per_number_token_with_contract_columns(cat, k):
    page = propose.page_of(cat, "d004")
    rows = [c.values for c in propose.propose(page, k)]
    assert len(rows) == len(text.find_numbers(text.squeeze(page.raw)))
    assert list(rows[0]) == propose.REVIEW_COLUMNS or set(rows[0]) == set(propose.REVIEW_COLUMNS)
    squeezed = text.squeeze(page.raw)
    for r in rows:
        assert text.squeeze(r["quote"]) in squeezed
        assert r["value"] in {t.text for t in text.find_numbers(text.squeeze(r["quote"]))}
        assert catalog.PERIOD.match(r["period"])
        assert 0 <= float(r["confidence"]) <= 1


def test_knowledge_hides_a_page(cat):
    full = propose.Knowledge.from_catalog(cat)
    hidden = propose.Knowledge.from_catalog(cat, hide_docs=("d000",))
    assert "village_work_teams_sent_by_city" in full.indicators           # used by d000 only
    assert "village_work_teams_sent_by_city" not in hidden.indicators
    assert "gdp" in hidden.indicators                                     # also used by d001 and d004
    assert len(hidden.synonyms) < len(full.synonyms)


def test_evaluate_reports_every_page(cat):
    score = evaluate.evaluate_page(cat, "d004")
    assert score.facts == 52 and score.value / score.facts > 0.9
    out = evaluate.run()
    assert all(doc in out for doc in ("d000", "d004", "all"))


# --- article structure and story places ----------------------------------------------------------------
def test_village_story_lead_governs_until_a_higher_place_opens_a_clause(k):
    raw = ("涟源市今年新建公路12条。\n\n"
           "5月3日，记者走进伏口镇胡家坪村。村支书介绍，他向涟源市委申请了项目资金。\n\n"
           "去年，村民种植红薯40亩，斗笠山镇镇长前来参观。\n\n"
           "今年，村里又新修水池6个。\n\n"
           "乡村振兴以来，涟源新增合作社30家。\n")
    rows = propose.propose_text(raw, k, subject="loudi")
    assert only(rows, "40")["region"] == "hujiaping_village"     # lead of the story, 向涟源市委 and 镇长 change nothing
    assert only(rows, "6")["region"] == "hujiaping_village"      # 村里 refers to the village
    assert only(rows, "30")["region"] == "lianyuan"              # a county opening a clause ends the story
    assert only(rows, "12")["region"] == "lianyuan"


def test_lower_place_inside_a_sentence_does_not_start_a_story(k):
    raw = ("娄底市加快园区建设\n\n"
           "全市建成园区6个，其中娄底经开区新增企业20家。\n\n"
           "园区实现税收35亿元。\n")
    rows = propose.propose_text(raw, k, subject="hunan")
    assert only(rows, "35")["region"] == "loudi"                  # headline place, not the park named mid-sentence
    assert "story" in only(rows, "35")["notes"]


def test_news_briefs_are_separate_articles(k):
    raw = ("涟源：茶园扩种见成效\n"
           "近年来，该市新增茶园3000亩，带动茶农增收。\n"
           "（张三 李四）\n"
           "桑植：村级道路全面硬化\n"
           "今年以来，完成道路硬化85公里。\n")
    rows = propose.propose_text(raw, k, subject="loudi")
    assert only(rows, "3000")["region"] == "lianyuan"
    assert only(rows, "85")["region"] == "sangzhi"              # new headline after the closing byline


def test_villages_listed_after_their_town_stand_for_the_town(k):
    rows = propose.propose_text("伏口镇胡家坪村、石门村共有120户参加。", k, subject="loudi")
    assert only(rows, "120")["region"] == "fukou_town"


# --- time frames ---------------------------------------------------------------------------------------
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
    assert only(propose.propose_text(raw, k, date="2021-12-01"), value)["period"] == period


def test_the_year_of_an_article_lead_carries_to_later_paragraphs(k):
    raw = ("园区建设成效显著\n\n"
           "湖南省2022年度园区综合评价结果出炉，全市园区表现突出。\n\n"
           "园区实现税收35亿元，同比增长12%。\n\n"
           "2019年，园区建成道路5条。\n\n"
           "园区新增企业7家。\n")
    rows = propose.propose_text(raw, k, date="2023-03-01")
    assert only(rows, "35")["period"] == "2022"
    assert "lead" in only(rows, "35")["notes"]
    assert only(rows, "7")["period"] == "2022"       # the 2019 frame stays in its paragraph


# --- indicator phrases -----------------------------------------------------------------------------------
def test_a_qualified_name_is_a_new_indicator(k):
    gdp = only(propose.propose_text("2020年，全县实现地区生产总值50亿元。", k), "50")
    assert gdp["indicator"] == "gdp"
    narrower = propose.Knowledge.from_catalog(catalog.load(), hide_docs=("d000",))   # park GDP unknown here
    assert "park_gdp" not in narrower.indicators
    park = only(propose.propose_text("2020年，示范园区生产总值8.5亿元。", narrower), "8.5")
    assert park["is_new_indicator"] == "true" and park["indicator_zh"].endswith("园区生产总值")
    assert propose.qualified("园区生产总值|", "生产总值|", ["生产总值|"])
    assert not propose.qualified("实现生产总值|", "生产总值|", ["生产总值|"])           # a verb is no modifier
    assert not propose.qualified("地区生产总值同比增长|", "地区生产总值增长|", [])       # nor 同比


def test_growth_after_a_dated_clause_takes_its_subject(k):
    row = only(propose.propose_text("2020年地区生产总值50亿元，同比增长4.3%。", k), "4.3")
    assert row["indicator"] == "gdp_growth"


def test_rank_phrase_is_the_ranking_not_the_verbs(k):
    rows = propose.propose_text("该园区在全省产业园区排名从2018年第30位跃升至2020年第12位。", k)
    assert only(rows, "30")["indicator"] == only(rows, "12")["indicator"] == "park_provincial_rank"


def test_box_label_is_the_last_line_with_words(k):
    raw = "张三 摄\n\n数说发展\n\n贫困发生率\n2014年 12.5%\n2020年 0.8%\n"
    rows = propose.propose_text(raw, k)
    assert only(rows, "12.5")["indicator"] == only(rows, "0.8")["indicator"] == "poverty_incidence"


def test_examples_before_deng_are_not_the_name(k):
    row = only(propose.propose_text("全年打通城区人民路、建设路等8条“断头路”。", k), "8")
    assert row["indicator"] == "dead_end_roads_opened"


def test_later_items_of_a_list_share_the_words_of_the_first(k):
    raw = "“十三五”期间，全县发展加快。2020年，全县城镇居民人均可支配收入达30000元、28000元，年均增长8.1%、7.9%。\n"
    rows = propose.propose_text(raw, k, date="2021")
    first, second = only(rows, "30000"), only(rows, "28000")
    assert first["indicator"] == second["indicator"] and first["period"] == second["period"] == "2020"
    a, b = only(rows, "8.1"), only(rows, "7.9")
    assert a["qualifier"] == b["qualifier"] == "annual_avg"
    assert a["period"] == b["period"] == "2016..2020"


def test_rank_within_the_only_higher_place_named_belongs_to_the_story(k):
    raw = "桑植：护林成效显著\n\n近年来，桑植县加强森林防火。2022年，张家界市林长制考核评比第一名。\n"
    row = only(propose.propose_text(raw, k, subject="loudi"), "一")
    assert row["region"] == "sangzhi"
    row = only(propose.propose_text("桑植：护林\n\n近年来，桑植县加强防火。张家界市在全省排名第五。\n", k, subject="loudi"), "五")
    assert row["region"] == "zhangjiajie"          # with its own set (全省) the higher place is ranked


def test_others_are_not_the_place_just_named(k):
    raw = "娄底市推进园区改革\n\n娄底经开区内设机构整合成8个，其他园区内设机构精简至5个。\n"
    rows = propose.propose_text(raw, k, subject="hunan")
    assert only(rows, "8")["region"] == "loudi_etdz"
    assert only(rows, "5")["region"] == "loudi"


def test_tongda_is_no_level_verb(k):
    raw = "2014年至2020年底，全县农村公路通达150公里，公路里程达1000公里。\n"
    rows = propose.propose_text(raw, k, date="2021")
    assert only(rows, "150")["period"] == "2014..2020"
    assert only(rows, "1000")["period"] == "2020"


def test_a_subheading_is_not_a_new_article(k):
    raw = ("奋进新征程\n——涟源市乡村振兴纪实\n\n"
           "2020年，全市新增企业20家，发展势头良好，各项事业全面进步，群众生活明显改善。\n\n"
           "新增合作社15家，带动农户增收。\n\n"
           "产业兴旺\n\n"
           "新增家庭农场30家，带动农户增收，农村面貌焕然一新，乡村振兴取得明显成效。\n")
    rows = propose.propose_text(raw, k, date="2021", subject="loudi")
    assert only(rows, "30")["region"] == "lianyuan"          # the article's subject across the subheading
    assert only(rows, "15")["period"] == "2020"              # the lead's year within its section
    assert only(rows, "30")["period"] == "2021"              # not past the subheading


def test_story_and_frames_in_traditional_script(k):
    simp = ("涟源市今年新建公路12条。\n\n5月3日，记者走进伏口镇胡家坪村。他向涟源市委申请了项目资金。\n\n"
            "去年，村民种植红薯40亩。\n\n当天，村里又新修水池6个。\n\n乡村振兴以来，涟源新增合作社30家。\n")
    trad = ("漣源市今年新建公路12條。\n\n5月3日，記者走進伏口鎮胡家坪村。他向漣源市委申請了項目資金。\n\n"
            "去年，村民種植紅薯40畝。\n\n當天，村裏又新修水池6個。\n\n鄉村振興以來，漣源新增合作社30家。\n")
    a, b = propose.propose_text(simp, k, date="2021"), propose.propose_text(trad, k, date="2021")
    assert [(r["region"], r["period"]) for r in a] == [(r["region"], r["period"]) for r in b]
    assert (only(b, "40")["region"], only(b, "6")["period"], only(b, "30")["region"]) == (
        "hujiaping_village", "2021-05-03", "lianyuan")


# --- general defects found on unseen articles ------------------------------------------------------------
@pytest.mark.parametrize("raw", [
    "双峰县在全省县域经济发展综合评价中排名第18位。",
    "雙峰縣在全省縣域經濟發展綜合評價中排名第18位。",
])
def test_region_names_are_cut_whole_from_suggested_names(k, raw):
    row = only(propose.propose_text(raw, k, subject="loudi"), "18")
    assert row["region"] == "shuangfeng"
    assert row["indicator_zh"] == "县域经济发展综合评价排名"     # 双 is a unit word only after a number


@pytest.mark.parametrize("raw, name", [
    ("一般公共预算收入达到12.3亿元，增长8.1%。", "一般公共预算收入增速"),       # 一般 starts with 一, no number
    ("一般公共預算收入達到12.3億元，增長8.1%。", "一般公共预算收入增速"),
    ("全县税收收入5.6亿元，同比增长3.2%。", "税收收入增速"),
])
def test_growth_after_a_value_takes_its_subject_not_its_number(k, raw, name):
    row = only(propose.propose_text(raw, k, subject="shuangfeng"), "8.1" if "8.1" in raw else "3.2")
    assert row["is_new_indicator"] == "true" and row["indicator_zh"] == name
    assert row["qualifier"] == "yoy"


@pytest.mark.parametrize("raw, value, base_unit", [
    ("双峰县在全省县域经济发展综合评价中排名第18位，比上年上升7个名次。", "7", "places"),
    ("雙峰縣在全省縣域經濟發展綜合評價中排名第18位，比上年上升7個名次。", "7", "places"),
    ("双峰县在全省县域经济发展综合评价中排名第18位，较上年前移3位。", "3", "places"),
])
def test_a_place_change_belongs_to_the_subject_of_its_rank(k, raw, value, base_unit):
    rows = propose.propose_text(raw, k, subject="loudi")
    change = only(rows, value)
    assert change["region"] == only(rows, "18")["region"] == "shuangfeng"    # 全省 is the set ranked in
    assert change["base_unit"] == base_unit
    assert change["indicator_zh"] == "县域经济发展综合评价排名上升名次"


def test_scope_of_a_ranking_is_not_the_subject_of_the_sentence(k):
    row = only(propose.propose_text("双峰县在全省考核中排名靠前，新增企业12家。", k, subject="loudi"), "12")
    assert row["region"] == "shuangfeng"


def test_headline_date_and_publisher_lines_are_not_glued_to_the_first_sentence(k):
    raw = "某市一季度经济运行情况\n2021年6月1日\n某市统计局\n今年一季度，全市实现地区生产总值85.3亿元，同比增长18.2%。\n"
    row = only(propose.propose_text(raw, k, date="2021-06-01"), "85.3")
    assert row["quote"] == "今年一季度，全市实现地区生产总值85.3亿元，同比增长18.2%。"
    assert only(propose.propose_text(raw, k, date="2021-06-01"), "2021")["quote"] == "2021年6月1日"


def test_a_short_line_inside_a_sentence_does_not_end_it(k):
    raw = ("近年来，该县大力发展特色产业，全县新增茶园面积达到三千亩，带动了一大批农户增收致富，成效明显。\n"
           "依靠平台的积分，某村村民石小\n勇领取到村集体经济分红346.8元，乡亲们比学赶超。\n")
    row = only(propose.propose_text(raw, k), "346.8")
    assert row["quote"].startswith("依靠平台的积分")


def test_every_line_of_an_html_page_ends_a_sentence(k):
    raw = "全市主要经济指标\n指标 数值 增长\n地区生产总值 285.6亿元 5.2%\n社会消费品零售总额 120.5亿元 7.1%\n"
    rows = propose.propose_text(raw, k, html=True)
    assert only(rows, "120.5")["quote"] == "社会消费品零售总额120.5亿元7.1%"
    assert only(rows, "285.6")["quote"] == "地区生产总值285.6亿元5.2%"


def test_a_letter_o_typed_for_a_zero_is_read_as_a_digit(k):
    rows = propose.propose_text("2O22年上半年，新化县实现地区生产总值156.8亿元，同比增长5.2%%。", k, date="2023-03-15")
    year = only(rows, "2O22")                                   # one token, printed as it is
    assert year["hold_back"].startswith("year") and "read as 2022" in year["notes"]
    row = only(rows, "156.8")
    assert row["period"] == "2022-01..2022-06" and row["indicator"] == "gdp"   # 上半年 of 2O22
    assert only(rows, "5.2")["unit"] == "%"


@pytest.mark.parametrize("raw, value, reason", [
    ("发布时间：2023-03-15 来源：某市统计局", "03", "date (month)"),
    ("发布时间：2023-03-15 来源：某市统计局", "15", "date (day)"),
    ("更新于2022/12/8。", "2022", "year"),
    ("更新于2022/12/8。", "8", "date (day)"),
])
def test_dates_written_with_digits_only_are_held_back(k, raw, value, reason):
    assert only(propose.propose_text(raw, k), value)["hold_back"].startswith(reason)


@pytest.mark.parametrize("raw, value, name", [
    ("全年全市地区生产总值412.36亿元，按可比价格计算，比上年增长4.6%。", "4.6", "地区生产总值增速"),   # an aside passed over
    ("其中，第一产业增加值18.52亿元，增长3.9%。", "3.9", "第一产业增加值增速"),                     # 第一 is no value
    ("全县金融机构各项存款余额达到489.6亿元，比年初增加35.2亿元。", "35.2", "金融机构各项存款余额增加"),
])
def test_a_change_printed_after_a_value_takes_the_value_s_subject(k, raw, value, name):
    narrower = propose.Knowledge.from_catalog(catalog.load(), hide_docs=("d000", "d001", "d004"))   # gdp unknown
    row = only(propose.propose_text(raw, narrower, subject="lengshuijiang"), value)
    assert row["indicator_zh"] == name


@pytest.mark.parametrize("raw, value", [
    ("2020年，双峰县在全省县域经济考核中排名第18位，比上年上升7个名次。", "7"),
    ("2020年，全县税收收入5.6亿元，较去年同期增长3.2%。", "3.2"),
])
def test_the_base_of_a_comparison_is_not_the_period(k, raw, value):
    row = only(propose.propose_text(raw, k, date="2023-01-20", subject="shuangfeng"), value)
    assert row["period"] == "2020"


def test_numbers_in_cells_of_a_table_row_stay_apart(k):
    raw = "全县主要经济指标\n指标 数值 增长\n地区生产总值 285.6 5.2\n社会消费品零售总额 120.5 7.1\n"
    rows = propose.propose_text(raw, k)
    assert [r["value"] for r in rows] == ["285.6", "5.2", "120.5", "7.1"]       # not 285.65 and 2
    assert only(rows, "120.5")["quote"] == "社会消费品零售总额120.57.1"           # a row is a sentence of its own


def test_numbers_on_lines_of_an_html_page_stay_apart(k):
    rows = propose.propose_text("浏览次数：1024\n2022年，全县新增企业12家。\n", k, html=True)
    assert {"1024", "2022", "12"} <= {r["value"] for r in rows}
    assert only(rows, "2022")["hold_back"].startswith("year")


@pytest.mark.parametrize("raw, value, base", [
    ("全县新增市场主体4,256户。", "4,256", "4256"),
    ("全县新增企业1 023家。", "1023", "1023"),            # a stray space inside an integer (PDF layout)
])
def test_thousands_separators(k, raw, value, base):
    row = only(propose.propose_text(raw, k), value)
    assert row["value_base"] == base and row["hold_back"] == ""


@pytest.mark.parametrize("raw, html", [
    ("主要经济指标\n指标 数值 增长（%）\n社会消费品零售总额（亿元） 98.63 3.1\n", False),
    ("| 指标 | 数值 | 增长（%） |\n| 社会消费品零售总额（亿元） | 98.63 | 3.1 |\n", True),
])
def test_a_table_cell_takes_its_unit_and_name_from_the_headings(k, raw, html):
    rows = propose.propose_text(raw, k, subject="xinhua", html=html)
    value, growth = only(rows, "98.63"), only(rows, "3.1")
    assert (value["unit"], value["value_base"], value["indicator_zh"]) == ("亿元", "9863000000", "社会消费品零售总额")
    assert (growth["unit"], growth["qualifier"]) == ("%", "yoy")
    assert growth["indicator_zh"] == "社会消费品零售总额增速"
    assert "heading" in value["notes"]
    assert only(rows, "亿")["hold_back"].startswith("unit in a heading")


@pytest.mark.parametrize("raw, value, name", [
    ("新化县在全市县域经济考核中位列第二。", "二", "县域经济考核排名"),          # 位列 names no ranking
    ("全县粮食播种面积稳定在100万亩以上。", "100", "粮食播种面积"),
])
def test_verbs_are_no_part_of_suggested_names(k, raw, value, name):
    assert only(propose.propose_text(raw, k, subject="xinhua"), value)["indicator_zh"] == name


def test_no_words_match_no_indicator(k):
    rows = propose.propose_text("三次产业结构为4.5:54.8:40.7。", k)
    assert only(rows, "54.8")["is_new_indicator"] == "true"
    assert only(rows, "三")["hold_back"].startswith("part of a word")


def test_laiyuan_is_no_approximation(k):
    assert only(propose.propose_text("发布时间：2023-03-15 来源：某局", k), "15")["qualifier"] == ""


def test_a_year_opening_a_clause_of_the_lead_carries_to_the_next_paragraph(k):
    raw = ("新化县上半年经济运行稳中向好\n"
           "本报讯（通讯员 王芳）记者从新化县统计局获悉，2022年上半年，新化县实现地区生产总值156.8亿元。\n"
           "规模工业增加值同比增长7.5%，固定资产投资增长10.3%。\n")
    rows = propose.propose_text(raw, k, subject="xinhua", date="2023-03-15")
    assert only(rows, "156.8")["period"] == "2022-01..2022-06"
    assert only(rows, "7.5")["period"] == "2022-06"                  # a rate: the end of the half year


def test_a_year_in_chinese_numerals_is_a_period(k):
    raw = "某市召开经济工作会议\n二〇二二年，全市接待游客385.6万人次。\n"
    rows = propose.propose_text(raw, k, subject="lengshuijiang", date="2023-02-01")
    assert only(rows, "二〇二二")["hold_back"].startswith("year")
    visitors = only(rows, "385.6")
    assert visitors["period"] == "2022" and visitors["quote"] == "二〇二二年，全市接待游客385.6万人次。"


@pytest.mark.parametrize("raw, value, expect", [
    ("锡矿山街道在全市综合考核中获评第1名。", "1", ("indicator_zh", "综合考核排名")),
    ("全市在校学生5.8万余人。", "5.8", ("indicator_zh", "在校学生")),
    ("全市每千人床位6.4张。", "千", ("hold_back", "denominator of a rate (每千人)")),
])
def test_words_of_statistical_bulletins(k, raw, value, expect):
    row = only(propose.propose_text(raw, k, subject="lengshuijiang"), value)
    assert row[expect[0]] == expect[1]


def test_a_page_registered_from_html_breaks_sentences_at_lines(data_copy, tmp_path):
    from etl import add
    src = tmp_path / "report.html"
    src.write_text("<!DOCTYPE html><html><head><meta charset='utf-8'><title>某县一季度经济运行情况</title></head><body>"
                   "<article><h1>某县一季度经济运行情况</h1><p>双峰县统计局</p>"
                   "<p>今年一季度，双峰县完成地区生产总值85.3亿元，同比增长6.2%。</p>"
                   "<p>双峰县规模以上工业增加值增长9.5%，社会消费品零售总额达到28.7亿元。</p></article></body></html>",
                   encoding="utf-8")
    row = add.add(src, data_copy)
    cat = catalog.load(data_copy)
    page = propose.page_of(cat, row["doc"])
    assert page.html
    rows = [c.values for c in propose.propose(page, propose.Knowledge.from_catalog(cat))]
    assert only(rows, "85.3")["quote"] == "今年一季度，双峰县完成地区生产总值85.3亿元，同比增长6.2%。"


def test_a_share_of_a_higher_place_belongs_to_the_subject(k):
    row = only(propose.propose_text("全市进出口总额达123.4亿元，占全省的3.5%。", k, subject="shaodong"), "3.5")
    assert row["region"] == "shaodong"                       # 全省 is the whole, not the subject
    assert row["indicator_zh"] == "进出口总额占全省比重"


def test_a_printed_minus_sign_makes_the_value_negative(k):
    row = only(propose.propose_text("规模以上工业企业营业收入302.92亿元，同比增长-3.2%。", k), "3.2")
    assert row["value_base"] == "-3.2" and "minus" in row["notes"]
    assert only(propose.propose_text("电话0738-12345678。", k), "12345678")["value_base"] == "12345678"


def test_months_of_a_year_and_a_yardstick_place(k):
    raw = "今年1-10月，全市固定资产投资同比增长8.3%，高于全省平均水平1.2个百分点；新增企业1200家。\n"
    rows = propose.propose_text(raw, k, subject="loudi", date="2022-12-06")
    assert only(rows, "1")["hold_back"].startswith("date (month)")
    assert only(rows, "1200")["period"] == "2022-01..2022-10"                 # a flow over the months
    assert only(rows, "8.3")["period"] == only(rows, "1.2")["period"] == "2022-10"   # rates: its end
    assert only(rows, "1.2")["region"] == "loudi"                             # 高于全省: the yardstick


def test_another_crop_is_another_indicator(k):
    assert "sweet_potato_area" in k.indicators or any("红薯种植面积" in v["name_zh"] for v in k.indicators.values())
    row = only(propose.propose_text("全县油茶种植面积达到35万亩。", k, subject="xinhua"), "35")
    assert row["is_new_indicator"] == "true" and row["indicator_zh"] == "油茶种植面积"
    assert not propose.qualified("上报湘扶贫监测APP问题|", "上报湘扶贫困APP问题|", ["上报湘扶贫困APP问题|"])  # a variant


def test_a_phrase_taught_for_several_indicators_decides_none(k):
    ambiguous = {e for e, c in k.synonyms if e == "产值|"}
    assert ambiguous and len({c for e, c in k.synonyms if e == "产值|"}) > 1
    row = only(propose.propose_text("全县油茶种植面积达到35万亩，年产值超过10亿元。", k, subject="xinhua"), "10")
    assert row["is_new_indicator"] == "true"            # not one industry's output chosen at random


def test_a_doubled_decimal_point_is_one_number(k):
    row = only(propose.propose_text("全县农业总产值56..3亿元。", k, subject="shuangfeng"), "56..3")
    assert row["value_base"] == "5630000000"


@pytest.mark.parametrize("raw, value, name", [
    ("全县规模工业企业达到268家，较上年净增15家。", "15", "规模工业企业净增"),          # a change, not the count
    ("全县规模工业增加值增长8.6%，高于全市1.1个百分点。", "1.1", "规模工业增加值增长高于"),
])
def test_a_change_or_difference_is_not_the_level(k, raw, value, name):
    row = only(propose.propose_text(raw, k, subject="shuangfeng"), value)
    assert row["is_new_indicator"] == "true" and row["indicator_zh"] == name
    assert row["region"] == "shuangfeng"


def test_leading_verbs_are_no_part_of_a_name(k):
    row = only(propose.propose_text("全县实现农业总产值56.3亿元。", k, subject="shuangfeng"), "56.3")
    assert row["indicator_zh"] == "农业总产值"


def test_an_ambiguous_phrase_is_not_decided_by_a_longer_name(k):
    assert len({c for e, c in k.synonyms if e == "总投资|"}) > 1
    row = only(propose.propose_text("全县累计引进项目126个，总投资达320亿元。", k, subject="shuangfeng"), "320")
    assert row["is_new_indicator"] == "true"             # not 村饮水工程总投资 by its name


@pytest.mark.parametrize("raw, value, base, base_unit", [
    ("全縣財政收入完成１５.６億億元。", "１５.６", "1560000000", "yuan"),     # a doubled multiplier
    ("全县接待游客152万人人次。", "152", "1520000", "person_time"),           # a doubled character
])
def test_doubled_characters_in_units(k, raw, value, base, base_unit):
    row = only(propose.propose_text(raw, k, subject="shuangfeng"), value)
    assert (row["value_base"], row["base_unit"]) == (base, base_unit)


def test_lines_after_a_table_on_an_html_page(k):
    raw = ("| 指标 | 数值 | 增长（%） |\n| 一般公共预算收入（亿元） | 21.08 | 7.3 |\n"
           "年末全市户籍总人口37.82万人。\n发布时间：2023-03-15 浏览次数：1024\n")
    rows = propose.propose_text(raw, k, subject="lengshuijiang", html=True)
    assert only(rows, "37.82")["indicator_zh"] == "户籍总人口"          # not glued to the cells above
    assert only(rows, "1024")["hold_back"].startswith("page furniture")


def test_a_month_end_without_a_year(k):
    row = only(propose.propose_text("截至6月底，全县金融机构各项存款余额达到489.6亿元。", k, date="2022-08-01"), "489.6")
    assert row["period"] == "2022-06"


@pytest.mark.parametrize("raw, value, period", [
    ("今年一季度，全市实现地区生产总值85.3亿元。", "85.3", "2022-01..2022-03"),
    ("今年一季度，全市地区生产总值同比增长18.2%。", "18.2", "2022-03"),          # a rate: the end of the span
    ("2021年前三季度，全市新增企业120家。", "120", "2021-01..2021-09"),
    ("上半年，全县新增企业35家。", "35", "2022-01..2022-06"),
])
def test_quarters_and_halves_are_spans_of_months(k, raw, value, period):
    assert only(propose.propose_text(raw, k, subject="lianyuan", date="2022-08-01"), value)["period"] == period


def test_a_threshold_defining_a_set_is_held_back(k):
    rows = propose.propose_text("今年以来，园区新签约项目18个，其中投资过10亿元的项目5个。", k, subject="loudi_etdz")
    assert only(rows, "10")["hold_back"] == "threshold in a definition"
    assert only(rows, "5")["hold_back"] == ""


def test_later_items_of_a_list_get_the_name_of_the_first(k):
    raw = "2020年，全区城乡居民人均可支配收入分别达35161元、22564元，年均分别增长8.8%、9.6%。\n"
    narrower = propose.Knowledge.from_catalog(catalog.load(), hide_docs=("d000", "d001", "d004"))
    rows = propose.propose_text(raw, narrower, date="2021")
    assert only(rows, "9.6")["indicator_zh"] == only(rows, "8.8")["indicator_zh"] == "城乡居民人均可支配收入增速"


def test_ju_inside_a_rank_phrase_is_a_ranking(k):
    row = only(propose.propose_text("园区规模工业总产值增长15.3%，增速居全市各园区第一。", k, subject="loudi_etdz"), "一")
    assert row["indicator_zh"] == "增速各园区排名" and row["hold_back"] == ""

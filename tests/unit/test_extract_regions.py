"""etl.extract.regions: places named (incl. jionlp's Hunan divisions), scope words, story places, the
region of a number."""
import pytest
from extract_kit import only

from etl.core import places, text
from etl.extract.regions import (
    find_mentions,
    in_parentheses,
    resolve_region,
    respectively,
    short_alias,
    story_place,
    topic,
)
from etl.propose import propose_text


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
    row = only(propose_text(sentence, k, subject=subject), "12")
    assert (row["region"], row["region_zh"]) == (code, region_zh)
    assert how in row["notes"]


def test_region_from_the_paragraph(k):
    raw = "醴陵市今年加快发展。全市新增规模工业企业12家。\n\n"
    row = only(propose_text(raw, k, subject="loudi"), "12")
    assert row["region"] == "adm_430281"


def test_village_story_lead_governs_until_a_higher_place_opens_a_clause(k):
    raw = ("涟源市今年新建公路12条。\n\n"
           "5月3日，记者走进伏口镇胡家坪村。村支书介绍，他向涟源市委申请了项目资金。\n\n"
           "去年，村民种植红薯40亩，斗笠山镇镇长前来参观。\n\n"
           "今年，村里又新修水池6个。\n\n"
           "乡村振兴以来，涟源新增合作社30家。\n")
    rows = propose_text(raw, k, subject="loudi")
    assert only(rows, "40")["region"] == "hujiaping_village"     # lead of the story, 向涟源市委 and 镇长 change nothing
    assert only(rows, "6")["region"] == "hujiaping_village"      # 村里 refers to the village
    assert only(rows, "30")["region"] == "lianyuan"              # a county opening a clause ends the story
    assert only(rows, "12")["region"] == "lianyuan"


def test_lower_place_inside_a_sentence_does_not_start_a_story(k):
    raw = ("娄底市加快园区建设\n\n"
           "全市建成园区6个，其中娄底经开区新增企业20家。\n\n"
           "园区实现税收35亿元。\n")
    rows = propose_text(raw, k, subject="hunan")
    assert only(rows, "35")["region"] == "loudi"                  # headline place, not the park named mid-sentence
    assert "story" in only(rows, "35")["notes"]


def test_villages_listed_after_their_town_stand_for_the_town(k):
    rows = propose_text("伏口镇胡家坪村、石门村共有120户参加。", k, subject="loudi")
    assert only(rows, "120")["region"] == "fukou_town"


def test_rank_within_the_only_higher_place_named_belongs_to_the_story(k):
    raw = "桑植：护林成效显著\n\n近年来，桑植县加强森林防火。2022年，张家界市林长制考核评比第一名。\n"
    row = only(propose_text(raw, k, subject="loudi"), "一")
    assert row["region"] == "sangzhi"
    row = only(propose_text("桑植：护林\n\n近年来，桑植县加强防火。张家界市在全省排名第五。\n", k, subject="loudi"), "五")
    assert row["region"] == "zhangjiajie"          # with its own set (全省) the higher place is ranked


def test_others_are_not_the_place_just_named(k):
    raw = "娄底市推进园区改革\n\n娄底经开区内设机构整合成8个，其他园区内设机构精简至5个。\n"
    rows = propose_text(raw, k, subject="hunan")
    assert only(rows, "8")["region"] == "loudi_etdz"
    assert only(rows, "5")["region"] == "loudi"


@pytest.mark.parametrize("raw, value, base_unit", [
    ("双峰县在全省县域经济发展综合评价中排名第18位，比上年上升7个名次。", "7", "places"),
    ("雙峰縣在全省縣域經濟發展綜合評價中排名第18位，比上年上升7個名次。", "7", "places"),
    ("双峰县在全省县域经济发展综合评价中排名第18位，较上年前移3位。", "3", "places"),
])
def test_a_place_change_belongs_to_the_subject_of_its_rank(k, raw, value, base_unit):
    rows = propose_text(raw, k, subject="loudi")
    change = only(rows, value)
    assert change["region"] == only(rows, "18")["region"] == "shuangfeng"    # 全省 is the set ranked in
    assert change["base_unit"] == base_unit
    assert change["indicator_zh"] == "县域经济发展综合评价排名上升名次"


def test_scope_of_a_ranking_is_not_the_subject_of_the_sentence(k):
    row = only(propose_text("双峰县在全省考核中排名靠前，新增企业12家。", k, subject="loudi"), "12")
    assert row["region"] == "shuangfeng"


def test_a_share_of_a_higher_place_belongs_to_the_subject(k):
    row = only(propose_text("全市进出口总额达123.4亿元，占全省的3.5%。", k, subject="shaodong"), "3.5")
    assert row["region"] == "shaodong"                       # 全省 is the whole, not the subject
    assert row["indicator_zh"] == "进出口总额占全省比重"


def test_short_alias():
    assert (short_alias("涟源市"), short_alias("桑植县"), short_alias("市"), short_alias("张家界市")) == (
        "涟源", "桑植", "", "张家界")


def test_find_mentions_resolves_scope_words_and_chains(k):
    s = "涟源市伏口镇胡家坪村新增企业12家，全市新增企业30家。"
    mentions = find_mentions(s, k.regions, subject=None)
    assert [m.region.code for m in mentions] == ["lianyuan", "fukou_town", "hujiaping_village", "lianyuan"]
    assert all(m.subject and m.lead for m in mentions[:3])               # a chain shares its first name's place
    assert mentions[3].scope                                              # 全市 -> the latest 市
    assert topic(mentions).region.code == "lianyuan"


def test_places_that_are_not_the_subject_are_left_out(k):
    assert find_mentions("他们跑到涟源市推销", k.regions, subject=None) == []
    assert find_mentions("22个娄底市重点项目", k.regions, subject=None) == []
    assert in_parentheses("甲（涟源市", 3) and not in_parentheses("甲（乙）涟源市", 5)


def test_resolve_region_and_respectively(k):
    s = "涟源市、双峰县分别新增企业12家、8家。"
    tokens = text.find_numbers(s)
    mentions = find_mentions(s, k.regions, subject=None)
    assert respectively(s, tokens[0], sent=(0, len(s)), tokens=tokens, mentions=mentions).code == "lianyuan"
    assert respectively(s, tokens[1], sent=(0, len(s)), tokens=tokens, mentions=mentions).code == "shuangfeng"
    region, note, _ = resolve_region(tokens[0].start, mentions, sent=(0, len(s)), para=(0, len(s)), section=(0, 0),
                                     subject=None)
    assert (region.code, note) == ("shuangfeng", "region 双峰县 from the sentence")
    loudi = next(r for r in k.regions if r.code == "loudi")
    assert resolve_region(0, [], sent=(0, 1), para=(0, 1), section=(0, 0), subject=loudi)[0] == loudi


def test_story_place_is_the_header_s_place_until_a_lead_moves_it(k):
    s = "涟源市新建公路。记者走进伏口镇胡家坪村。"
    mentions = find_mentions(s, k.regions, subject=None, starts=[0, 8])
    assert story_place(mentions, 3).region.code == "hujiaping_village"
    assert story_place(mentions, 3, base_only=True).region.code == "lianyuan"
    assert story_place([], 0) is None


def test_a_chain_of_names_in_the_headline_is_about_its_last_place(k):
    raw = ("娄底市涟源市经济运行情况通报\n\n"
           "全年完成地区生产总值88.6亿元，同比增长5.2%，经济运行总体平稳，各项指标好于预期。\n")
    rows = propose_text(raw, k, date="2021", subject="loudi")
    assert only(rows, "88.6")["region"] == "lianyuan"

"""etl.extract.layout: paragraphs, articles and headers, sentence pieces, tables, traditional script."""
import pytest
from extract_kit import only

from etl.core import text
from etl.extract.layout import (
    SENTENCE_DELIMS,
    clause_start,
    cut_at,
    enclosing,
    line_ends,
    normalise,
    paragraph_breaks,
    spans,
    table_cells,
    table_reading,
    table_rows,
    to_simplified,
)
from etl.propose import propose_text


def test_traditional_script_matches_like_simplified(k):
    trad = propose_text("漣源市貧困發生率降至0.45%，全縣兩個項目。", k, subject="loudi")
    simp = propose_text("涟源市贫困发生率降至0.45%，全县两个项目。", k, subject="loudi")
    t, s = only(trad, "0.45"), only(simp, "0.45")
    for field in ("region", "indicator", "period", "unit", "value_base"):
        assert t[field] == s[field], field
    assert t["region"] == "lianyuan" and t["indicator"] == "poverty_incidence"
    assert t["quote"] == "漣源市貧困發生率降至0.45%，全縣兩個項目。"   # verbatim, not converted
    assert "OpenCC" in t["notes"] and "OpenCC" not in s["notes"]
    assert only(trad, "兩")["unit"] == "個"                      # 兩 is a number token in traditional script too


def test_news_briefs_are_separate_articles(k):
    raw = ("涟源：茶园扩种见成效\n"
           "近年来，该市新增茶园3000亩，带动茶农增收。\n"
           "（张三 李四）\n"
           "桑植：村级道路全面硬化\n"
           "今年以来，完成道路硬化85公里。\n")
    rows = propose_text(raw, k, subject="loudi")
    assert only(rows, "3000")["region"] == "lianyuan"
    assert only(rows, "85")["region"] == "sangzhi"              # new headline after the closing byline


def test_a_subheading_is_not_a_new_article(k):
    raw = ("奋进新征程\n——涟源市乡村振兴纪实\n\n"
           "2020年，全市新增企业20家，发展势头良好，各项事业全面进步，群众生活明显改善。\n\n"
           "新增合作社15家，带动农户增收。\n\n"
           "产业兴旺\n\n"
           "新增家庭农场30家，带动农户增收，农村面貌焕然一新，乡村振兴取得明显成效。\n")
    rows = propose_text(raw, k, date="2021", subject="loudi")
    assert only(rows, "30")["region"] == "lianyuan"          # the article's subject across the subheading
    assert only(rows, "15")["period"] == "2020"              # the lead's year within its section
    assert only(rows, "30")["period"] == "2021"              # not past the subheading


def test_story_and_frames_in_traditional_script(k):
    simp = ("涟源市今年新建公路12条。\n\n5月3日，记者走进伏口镇胡家坪村。他向涟源市委申请了项目资金。\n\n"
            "去年，村民种植红薯40亩。\n\n当天，村里又新修水池6个。\n\n乡村振兴以来，涟源新增合作社30家。\n")
    trad = ("漣源市今年新建公路12條。\n\n5月3日，記者走進伏口鎮胡家坪村。他向漣源市委申請了項目資金。\n\n"
            "去年，村民種植紅薯40畝。\n\n當天，村裏又新修水池6個。\n\n鄉村振興以來，漣源新增合作社30家。\n")
    a, b = propose_text(simp, k, date="2021"), propose_text(trad, k, date="2021")
    assert [(r["region"], r["period"]) for r in a] == [(r["region"], r["period"]) for r in b]
    assert (only(b, "40")["region"], only(b, "6")["period"], only(b, "30")["region"]) == (
        "hujiaping_village", "2021-05-03", "lianyuan")


def test_every_line_of_an_html_page_ends_a_sentence(k):
    raw = "全市主要经济指标\n指标 数值 增长\n地区生产总值 285.6亿元 5.2%\n社会消费品零售总额 120.5亿元 7.1%\n"
    rows = propose_text(raw, k, html=True)
    assert only(rows, "120.5")["quote"] == "社会消费品零售总额120.5亿元7.1%"
    assert only(rows, "285.6")["quote"] == "地区生产总值285.6亿元5.2%"


def test_numbers_in_cells_of_a_table_row_stay_apart(k):
    raw = "全县主要经济指标\n指标 数值 增长\n地区生产总值 285.6 5.2\n社会消费品零售总额 120.5 7.1\n"
    rows = propose_text(raw, k)
    assert [r["value"] for r in rows] == ["285.6", "5.2", "120.5", "7.1"]       # not 285.65 and 2
    assert only(rows, "120.5")["quote"] == "社会消费品零售总额120.5 7.1"  # its own sentence, cells kept apart


@pytest.mark.parametrize("raw, html", [
    ("主要经济指标\n指标 数值 增长（%）\n社会消费品零售总额（亿元） 98.63 3.1\n", False),
    ("| 指标 | 数值 | 增长（%） |\n| 社会消费品零售总额（亿元） | 98.63 | 3.1 |\n", True),
])
def test_a_table_cell_takes_its_unit_and_name_from_the_headings(k, raw, html):
    rows = propose_text(raw, k, subject="xinhua", html=html)
    value, growth = only(rows, "98.63"), only(rows, "3.1")
    assert (value["unit"], value["value_base"], value["indicator_zh"]) == ("亿元", "9863000000", "社会消费品零售总额")
    assert (growth["unit"], growth["qualifier"]) == ("%", "yoy")
    assert growth["indicator_zh"] == "社会消费品零售总额增速"
    assert "heading" in value["notes"]
    assert only(rows, "亿")["hold_back"].startswith("unit in a heading")


def test_lines_after_a_table_on_an_html_page(k):
    raw = ("| 指标 | 数值 | 增长（%） |\n| 一般公共预算收入（亿元） | 21.08 | 7.3 |\n"
           "年末全市户籍总人口37.82万人。\n发布时间：2023-03-15 浏览次数：1024\n")
    rows = propose_text(raw, k, subject="lengshuijiang", html=True)
    assert only(rows, "37.82")["indicator_zh"] == "户籍总人口"          # not glued to the cells above
    assert only(rows, "1024")["hold_back"].startswith("page furniture")


def test_pieces_and_offsets():
    assert spans("甲。乙；丙", SENTENCE_DELIMS) == [(0, 2), (2, 4), (4, 5)]
    assert cut_at([(0, 10)], [3, 7, 12]) == [(0, 3), (3, 7), (7, 10)]
    assert enclosing(5, [(0, 3), (3, 8)]) == (3, 8) and enclosing(9, [(0, 3)]) == (0, 0)
    assert clause_start("甲，乙、丙", 0, 4) == 4 and clause_start("甲，乙、丙", 0, 4, "，") == 2
    assert normalise("２０２０年，４８％") == "2020年,48%"


def test_paragraphs_articles_and_headers():
    raw = "标题在此\n\n" + "正文" * 20 + "。\n第二段。\n"
    breaks, articles, headers, stops = paragraph_breaks(raw)
    assert breaks == [0, 4, 45, 49] and articles == [0] and headers == {0: 4}
    assert stops == [(4, False)]                          # the headline line ends a sentence
    assert line_ends(raw) == [4, 45, 49]


def test_table_rows_and_cells():
    raw = "指标 数值 增长（%）\n社会消费品零售总额（亿元） 98.63 3.1\n"
    gaps = text.number_gaps(raw)
    assert table_rows(raw, gaps) == [9, 30]                   # the second line is a row
    cells = table_cells(raw, gaps)
    assert list(cells.values()) == [("社会消费品零售总额（亿元）", "数值"), ("社会消费品零售总额（亿元）", "增长（%）")]
    assert table_reading(("社会消费品零售总额（亿元）", "增长（%）")) == ("社会消费品零售总额", "%", True)


def test_to_simplified_keeps_offsets():
    assert to_simplified("漣源市貧困發生率") == ("涟源市贫困发生率", True)
    assert to_simplified("涟源市") == ("涟源市", False)

"""etl.extract.page: the page-wide analysis; headline lines that end a sentence."""
from extract_kit import only

from etl.extract.page import Page, read_page, sentence_stops
from etl.propose import propose_text


def test_headline_date_and_publisher_lines_are_not_glued_to_the_first_sentence(k):
    raw = "某市一季度经济运行情况\n2021年6月1日\n某市统计局\n今年一季度，全市实现地区生产总值85.3亿元，同比增长18.2%。\n"
    row = only(propose_text(raw, k, date="2021-06-01"), "85.3")
    assert row["quote"] == "今年一季度，全市实现地区生产总值85.3亿元，同比增长18.2%。"
    assert only(propose_text(raw, k, date="2021-06-01"), "2021")["quote"] == "2021年6月1日"


def test_a_short_line_inside_a_sentence_does_not_end_it(k):
    raw = ("近年来，该县大力发展特色产业，全县新增茶园面积达到三千亩，带动了一大批农户增收致富，成效明显。\n"
           "依靠平台的积分，某村村民石小\n勇领取到村集体经济分红346.8元，乡亲们比学赶超。\n")
    row = only(propose_text(raw, k), "346.8")
    assert row["quote"].startswith("依靠平台的积分")


def test_read_page(k):
    page = Page("dx", "涟源市今年新建公路12条。\n\n去年全市新增企业8家。\n", "2021-06-01", "loudi")
    ctx = read_page(page, k)
    assert ctx.original == ctx.analysed == "涟源市今年新建公路12条。去年全市新增企业8家。"
    assert [t.text for t in ctx.tokens] == ["12", "8"]
    assert ctx.sentences == ctx.paragraphs == [(0, 13), (13, 24)]
    assert (ctx.articles, ctx.headers, ctx.cells, ctx.page_year) == ([0], {0: 0}, {}, 2021)
    assert ctx.subject.code == "loudi" and not ctx.traditional
    assert [m.region.code for m in ctx.mentions] == ["lianyuan", "lianyuan"]   # 全市: the latest 市


def test_sentence_stops_after_a_headline_line():
    assert sentence_stops("标题2021年6月1日", [(2, False)], None) == [2]       # a date opens the next line
    assert sentence_stops("标题继续", [(2, False)], None) == []
    assert sentence_stops("标题继续", [(2, True)], None) == [2]                 # another headline line


def test_pinyin_glosses_of_a_machine_conversion_are_no_words(k):
    raw = "某縣經(jīng)濟穩步發展。2020年地區生產總值88.6億元，年均增長(zhǎng)8.5%。\n"
    row = next(r for r in propose_text(raw, k, date="2021") if r["value"] == "8.5")
    assert "annual_avg" in row["qualifier"] and "年均增長(zhǎng)8.5%" in row["quote"]  # the quote stays verbatim

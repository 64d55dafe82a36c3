"""etl.propose end to end: propose_text and run on registered pages, and the evaluation."""
from extract_kit import only

from etl import evaluate, propose
from etl.core import catalog, review
from etl.extract.candidate import propose as propose_page
from etl.extract.knowledge import Knowledge


def test_evaluate_reports_every_page(cat):
    score = evaluate.evaluate_page(cat, "d004")
    assert score.facts == 52 and score.value / score.facts > 0.9
    out = evaluate.run()
    assert all(doc in out for doc in ("d000", "d004", "all"))


def test_a_letter_o_typed_for_a_zero_is_read_as_a_digit(k):
    rows = propose.propose_text("2O22年上半年，新化县实现地区生产总值156.8亿元，同比增长5.2%%。", k, date="2023-03-15")
    year = only(rows, "2O22")                                   # one token, printed as it is
    assert year["hold_back"].startswith("year") and "read as 2022" in year["notes"]
    row = only(rows, "156.8")
    assert row["period"] == "2022-01..2022-06" and row["indicator"] == "gdp"   # 上半年 of 2O22
    assert only(rows, "5.2")["unit"] == "%"


def test_numbers_on_lines_of_an_html_page_stay_apart(k):
    rows = propose.propose_text("浏览次数：1024\n2022年，全县新增企业12家。\n", k, html=True)
    assert {"1024", "2022", "12"} <= {r["value"] for r in rows}
    assert only(rows, "2022")["hold_back"].startswith("year")


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
    rows = [c.values for c in propose_page(page, Knowledge.from_catalog(cat))]
    assert only(rows, "85.3")["quote"] == "今年一季度，双峰县完成地区生产总值85.3亿元，同比增长6.2%。"


def test_run_writes_the_review_file(data_copy):
    path, candidates = propose.run("d004", data_copy)
    assert path == data_copy / "review" / "d004.csv"
    rows = review.load_review("d004", data_copy)
    assert rows == [c.values for c in candidates] and list(rows[0]) == review.REVIEW_COLUMNS
    assert not [p for p in path.parent.iterdir() if p.name != "d004.csv"]      # no temporary file left

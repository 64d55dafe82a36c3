"""etl.extract.tables: table cells with the unit and period their headings and notes give."""
from extract_kit import only

from etl.core import text
from etl.extract.tables import column_period, is_unit, read_tables, reading
from etl.propose import propose_text

CELL_A_LINE = """某县主要经济指标如下。

表2  2020年主要指标

(单位:万元)

指  标

2020

同比±%

地区生产总值

3456789

6.2

农林牧渔业

456123

-1.5

批发和零售业

234567

4.4
"""

PIPED = """单位:%
|
工业增加值
增长速度 |
工业利润总额
增长速度 |
全 省
|
8.1
|
12.3
|
甲市
|
7.7
|
-2.4
|
乙市
|
9.0
|
10.5
|
注:1、数据来源于省统计局;
2、利润总额增长速度为1-4月数据。
"""


def test_a_table_printed_a_cell_a_line_takes_unit_and_period_from_its_headings(k):
    rows = propose_text(CELL_A_LINE, k, date="2021-04", subject="lianyuan")
    gdp, growth, negative = only(rows, "3456789"), only(rows, "6.2"), only(rows, "1.5")
    assert (gdp["unit"], gdp["period"], gdp["hold_back"]) == ("万元", "2020", "")
    assert (growth["unit"], growth["period"], growth["qualifier"]) == ("%", "2020", "yoy")
    assert negative["hold_back"] == "" and negative["value_base"].startswith("-")   # not a phone number
    assert only(rows, "4.4")["unit"] == "%"                                           # not 批 of the next label
    assert only(rows, "456123")["unit"] == "万元" and gdp["qualifier"] == ""
    assert all(r["hold_back"] for r in rows if r["value"] == "2020")                 # the title, the column heading
    assert gdp["quote"] == "地区生产总值3456789 6.2"                                  # the row is the sentence


def test_a_flattened_web_table_and_the_period_of_its_notes(k):
    rows = propose_text(PIPED, k, date="2012-06-10", subject="hunan")
    first, second = only(rows, "8.1"), only(rows, "12.3")
    assert (first["unit"], first["period"]) == ("%", "2012")
    assert (second["unit"], second["period"]) == ("%", "2012-01..2012-04")
    assert only(rows, "2.4")["value_base"] == "-2.4"
    assert only(rows, "2")["hold_back"].startswith("list marker")


def test_cells_and_readings():
    cells = read_tables(CELL_A_LINE, text.number_gaps(CELL_A_LINE), year=2020)
    assert {c.label for c in cells.values() if not c.heading_only} == {"地区生产总值", "农林牧渔业", "批发和零售业"}
    assert reading("生产总值(GDP)", "").unit == ""                   # (GDP) is no unit
    assert reading("面积（千公顷）", "").unit == "千公顷"
    assert is_unit("万元") and is_unit("%") and is_unit("千公顷") and not is_unit("GDP")


def test_column_periods():
    notes = "注:甲市若含某厂则3月当月增速为6.0%,1-3月累计增速为6.4%"
    assert column_period("比上年同月(%)", "", notes, year=2019, page_date="2019-05-02") == "2019-03"
    assert column_period("比上年同期(%)", "", notes, year=2019, page_date="2019-05-02") == "2019-01..2019-03"
    assert column_period("比上年同月(%)", "", notes.replace("3月", "11月").replace("1-3月", "1-11月"),
                         year=2020, page_date="2020-01-04") == "2019-11"          # a month after the page's
    assert column_period("1-9月", "", "", year=2021) == "2021-01..2021-09"
    assert column_period("2018年", "", "", year=2021) == "2018"

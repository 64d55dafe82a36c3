"""The whitespace rule, number tokens and number parsing."""
import re
from decimal import Decimal

import pytest

from etl.core import catalog, text


@pytest.mark.parametrize("page", sorted((catalog.DATA / "raw").glob("*.txt")), ids=lambda p: p.name[:3])
def test_no_two_numbers_separated_only_by_whitespace(page):
    """Removing whitespace (the whitespace rule) never merges two numbers into one."""
    raw = page.read_text(encoding="utf-8")
    assert not re.search(r"\d\s+[\d.]|\d\.\s+\d", raw)


@pytest.mark.parametrize("raw, squeezed", [
    ("302.92亿\n\n元", "302.92亿元"),
    ("2 年", "2年"),
    ("总 投 资 215 亿 元", "总投资215亿元"),
    ("全\u3000省", "全省"),
])
def test_squeeze(raw, squeezed):
    assert text.squeeze(raw) == squeezed


@pytest.mark.parametrize("sentence, numbers", [
    ("2020年地区生产总值302.92亿元", ["2020", "302.92"]),
    ("累计改（新）建无害化卫生户厕1.83万座", ["1.83"]),
    ("带动百余名留守妇女就业", ["百"]),
    ("产量占全球市场的九成", ["九"]),
    ("跻身全省产业园区第四位", ["四"]),
    ("四个部分、十七个单元", ["四", "十七"]),
    ("一条长约600米的通组公路", ["600"]),       # a lone 一 is the article "a"
    ("“十三五”期间", ["十三五"]),                # compound numeral: reported, then skipped as a name
    ("娄底经开区成功整合万宝新区", []),           # 万 in a place name is not a quantity
    ("投资近三千万元", ["三千万"]),                # value 三千万, unit 元
])
def test_find_numbers(sentence, numbers):
    assert [t.text for t in text.find_numbers(sentence)] == numbers


@pytest.mark.parametrize("published, value", [
    ("302.92", Decimal("302.92")),
    ("0", Decimal("0")),
    ("三千", Decimal("3000")),
    ("百", Decimal("100")),
    ("十七", Decimal("17")),
    ("九", Decimal("9")),
    ("两", Decimal("2")),
    ("２０２０", Decimal("2020")),
])
def test_parse_number(published, value):
    assert text.parse_number(published) == value


@pytest.mark.parametrize("bad", ["", "abc", "12元", "三x", "1.2.3"])
def test_parse_number_rejects(bad):
    with pytest.raises(ValueError):
        text.parse_number(bad)


def test_line_of_maps_squeezed_offsets_to_raw_lines():
    raw = "第一行 12\n\n第 二 行 34\n"
    squeezed = text.squeeze(raw)
    assert text.line_of(raw, squeezed.index("34")) == 3
    assert text.line_of(raw, squeezed.index("12")) == 1


@pytest.mark.parametrize("raw, numbers", [
    ("全县新增企业1 023家。", ["1023"]),                      # a space grouping thousands
    ("12 345 678元", ["12345678"]),
    ("生产总值(GDP)\n\n4830423\n\n7.8\n", ["4830423", "7.8"]),  # a table of one cell a line
    ("冷水江市 17 23,641 3,817", ["17", "23,641", "3,817"]),   # cells apart by one space, with separators
    ("地区生产总值 285.6 5.2", ["285.6", "5.2"]),
    ("地区生产总值\t285.6\t5.2", ["285.6", "5.2"]),
    ("302.92亿\n元", ["302.92"]),                              # a line break inside a unit
    ("2O22年完成56..3亿元", ["2022", "56..3"]),                # typing errors read as meant
])
def test_numbers_of_a_raw_page(raw, numbers):
    assert [t.text for t in text.numbers_of(raw)] == numbers


@pytest.mark.parametrize("value, number", [("23,641", "23641"), ("1,234.5", "1234.5"), ("１２", "12")])
def test_parse_number_reads_separators_and_full_width(value, number):
    assert str(text.parse_number(value)) == number


def test_with_gaps_keeps_table_cells_apart_and_still_matches_the_page():
    raw = "社会消费品零售总额 120.5 7.1\n"
    squeezed, gaps = text.squeeze(raw), text.number_gaps(raw)
    quote = text.with_gaps(squeezed, 0, len(squeezed), gaps)
    assert quote == "社会消费品零售总额120.5 7.1"
    assert text.squeeze(quote) == squeezed

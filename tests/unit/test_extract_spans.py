"""etl.extract.spans: changes 由x到y, growth over a base year, yearly averages over a span named before."""
import pytest
from extract_kit import only

from etl.extract.spans import change_side
from etl.propose import propose_text


@pytest.mark.parametrize("raw, date, value, period", [
    # 由A年的x…为B年的y, then 从x增至y of the next clause: the years of the change named before
    ("结构由2018年的20:30:50优化为2022年的15:35:50，企业从12家增至31家。\n", "2023", "12", "2018"),
    ("结构由2018年的20:30:50优化为2022年的15:35:50，企业从12家增至31家。\n", "2023", "31", "2022"),
    # 由上年的x调整为y: y is the year of the text, not 上年
    ("2022年，某县生产总值增长5%。三次产业结构由上年的9.1:40.2:50.7调整为8.8:41.0:50.2。\n", "2022", "8.8", "2022"),
    ("2022年，某县生产总值增长5%。三次产业结构由上年的9.1:40.2:50.7调整为8.8:41.0:50.2。\n", "2022", "9.1", "2021"),
    # the start of a change over a term (三年来: 2020..2022) is the year before it
    ("三年来，全县上下团结奋进。\n\n2022年，财政收入由3.2亿元增加到4.5亿元。\n", "2022-11", "3.2", "2019"),
    # a growth over a base year, and (下同) for the growth rates after it
    ("2022年，全县生产总值88亿元，比2018年(下同)增长30.5%；财政收入6亿元，增长41.2%。\n", "2022", "30.5", "2019..2022"),
    ("2022年，全县生产总值88亿元，比2018年(下同)增长30.5%；财政收入6亿元，增长41.2%。\n", "2022", "41.2", "2019..2022"),
    ("2022年，全县生产总值88亿元，比上年增长5.5%。\n", "2022", "5.5", "2022"),
    # a yearly average over the span named before it
    ("三年来，全县上下团结奋进。\n\n2022年全县生产总值88亿元，年均增长7.5%。\n", "2022-11", "7.5", "2020..2022"),
])
def test_spans(k, raw, date, value, period):
    assert only(propose_text(raw, k, date=date), value)["period"] == period


def test_change_side():
    s = "收入由5亿元增加到7亿元，增长40%"
    assert change_side(s, s.index("5"), (0, len(s)))[0] == "from"
    assert change_side(s, s.index("7"), (0, len(s)))[0] == "to"
    assert change_side(s, s.index("40"), (0, len(s))) is None

"""Chart builders through chart.to_dict(), exports with Chinese glyphs, number formats (share links: test_links.py)."""
import pandas as pd
import pytest

from etl.db import queries
from ui import charts, export, prep
from ui import format as fmt
from ui.i18n import tooltip_titles


def layer_encodings(spec: dict) -> list[dict]:
    return [layer["encoding"] for layer in spec["layer"]]


@pytest.fixture
def gdp_points(built_db):
    values = queries.values(built_db, regions=["lianyuan"], indicators=["gdp"], years=[2013, 2020],
                            preferred_only=True)
    return prep.chart_points(values[values["period"].isin(["2013", "2020"])], "zh")


def test_dumbbell_has_two_points_typed_and_tooltipped(gdp_points):
    spec = charts.dumbbell(gdp_points, "地区生产总值（亿元）", tooltip_titles("zh")).to_dict()
    assert len(spec["datasets"][spec["data"]["name"]]) == 2  # two published values, nothing in between
    dots = next(e for e in layer_encodings(spec) if "tooltip" in e)
    assert dots["x"]["type"] == "quantitative" and dots["y"]["type"] == "nominal"
    assert dots["color"] == {"field": "year", "type": "ordinal", "title": None, "scale": {"scheme": "tableau10"}}
    assert [t["field"] for t in dots["tooltip"]] == charts.TOOLTIP_FIELDS
    assert {t["title"] for t in dots["tooltip"]} >= {"原文", "版面", "数值"}
    assert all(layer["mark"]["type"] != "line" for layer in spec["layer"])


def test_rank_axis_is_reversed_and_starts_at_one(built_db):
    values = queries.values(built_db, indicators=["park_provincial_rank"], preferred_only=True)
    points = prep.chart_points(values, "en").assign(rank=values["value_base"])
    spec = charts.ranks(points, "Rank", tooltip_titles("en")).to_dict()
    y = layer_encodings(spec)[0]["y"]
    assert y["scale"]["reverse"] is True and y["scale"]["domain"][0] == 1
    assert y["type"] == "quantitative" and layer_encodings(spec)[0]["x"]["type"] == "ordinal"
    assert {t["title"] for t in layer_encodings(spec)[0]["tooltip"]} >= {"Quote", "Page", "Region"}


def test_bars_sorted_with_value_labels():
    points = pd.DataFrame({"category_name": ["a", "b"], "value": [1.0, 2.0], "label": ["1亩", "2亩"],
                           **{f: ["x", "y"] for f in charts.TOOLTIP_FIELDS if f != "label"}})
    spec = charts.bars(points, "亩", tooltip_titles("zh")).to_dict()
    bar, text = layer_encodings(spec)
    assert bar["y"]["sort"] == "-x" and text["text"]["field"] == "label"


def test_exported_png_renders_chinese_glyphs(gdp_points):
    """Two charts whose only difference is the Chinese region name must give different images: with
    no CJK font both names would be drawn as the same missing-glyph boxes."""
    one = export.png(charts.dumbbell(gdp_points.assign(region_name="娄底娄底"), "亿元", tooltip_titles("zh")))
    two = export.png(charts.dumbbell(gdp_points.assign(region_name="涟源涟源"), "亿元", tooltip_titles("zh")))
    assert one.startswith(b"\x89PNG") and one != two


def test_exported_svg_keeps_chinese_text(gdp_points):
    svg = export.svg(charts.dumbbell(gdp_points, "地区生产总值（亿元）", tooltip_titles("zh")))
    assert svg.startswith("<svg") and "涟源市" in svg


@pytest.mark.parametrize("value, unit, lang, shown", [
    (302.92, "亿元", "zh", "302.92亿元"),
    (302.92, "亿元", "en", "30.292 bn yuan"),
    (12285, "元", "zh", "12,285元"),
    (0.45, "%", "en", "0.45%"),
    (10.75, "万元", "en", "107,500 yuan"),
    (9, "位", "zh", "第9位"),
    (2, "名", "en", "2nd"),
    (11723.24, "亩", "en", "11,723.24 mu"),
])
def test_number_format(value, unit, lang, shown):
    assert fmt.number(value, unit, lang) == shown


@pytest.mark.parametrize("value, out_of, lang, shown", [
    (9, 144, "en", "9th of 144"), (44, 144, "zh", "第44位（共144个）"), (11, None, "en", "11th"), (3, None, "en", "3rd"),
])
def test_rank_format(value, out_of, lang, shown):
    assert fmt.rank(value, out_of, lang) == shown

"""What a chart keeps of a large catalogue (ui.prep.top_groups and its users) and the highlighted marks."""
import pandas as pd

from ui import charts, prep
from ui.i18n import tooltip_titles


def frame(n: int) -> pd.DataFrame:
    return pd.DataFrame({"region": [f"r{i:02d}" for i in range(n) for _ in (0, 1)],
                         "value": [float(i * 10 + j) for i in range(n) for j in (0, 1)]})


def test_top_groups_keeps_focus_first_then_the_largest():
    points = frame(30)
    rows, kept, total = prep.top_groups(points, ["region"], points["value"], points["region"] == "r03", 5)
    assert (kept, total) == (5, 30)
    assert list(dict.fromkeys(rows["region"])) == ["r03", "r26", "r27", "r28", "r29"]  # original order kept
    assert rows[rows["highlight"]]["region"].unique().tolist() == ["r03"]
    assert len(rows) == 10  # every row of a kept group


def test_top_groups_keeps_everything_when_few_and_handles_empty():
    points = frame(3)
    rows, kept, total = prep.top_groups(points, ["region"], points["value"], points["region"] == "x", 12)
    assert (kept, total, len(rows)) == (3, 3, 6) and not rows["highlight"].any()
    empty, kept, total = prep.top_groups(points.iloc[:0], ["region"], points["value"].iloc[:0],
                                         points["region"].iloc[:0] == "x", 12)
    assert (kept, total, len(empty)) == (0, 0, 0)


def test_default_regions_and_focus_progress():
    assert prep.default_regions(["a", "b"], {"a"}) == []
    many = [f"r{i}" for i in range(20)]
    assert prep.default_regions(many, {"r3", "zz"}) == ["r3"]
    items = [prep.LandProgress("w", None, None, None, None, "", "", pd.Series(), region=r, period=p)
             for r, p in [("a", "2"), ("b", "2"), ("a", "1")]]
    assert [(p.region, p.period) for p in prep.focus_progress(items, {"a"})] == [("a", "2"), ("a", "1")]
    assert len(prep.focus_progress(items, {"zz"}, n=2)) == 2


def test_bars_and_dumbbell_colour_the_highlighted_rows():
    points = pd.DataFrame({"category_name": ["a", "b"], "region_name": ["a", "b"], "year": [2013, 2020],
                           "value": [1.0, 2.0], "label": ["1", "2"], "highlight": [True, False],
                           **{f: ["x", "y"] for f in charts.TOOLTIP_FIELDS if f not in ("label", "region_name")}})
    bar = charts.bars(points, "亩", tooltip_titles("zh")).to_dict()["layer"][0]["encoding"]
    assert bar["color"]["condition"]["test"] == "datum.highlight"
    rule = charts.dumbbell(points, "亿元", tooltip_titles("zh")).to_dict()["layer"][0]["encoding"]
    assert rule["color"]["field"] == "highlight" and rule["color"]["scale"]["range"][1] == "#e45756"
    plain = charts.bars(points.drop(columns="highlight"), "亩", tooltip_titles("zh")).to_dict()
    assert "color" not in plain["layer"][0]["encoding"]

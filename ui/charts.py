"""Chart builders: DataFrame in, ``alt.Chart`` out. No Streamlit calls here.

Every encoding carries an explicit type; every mark a tooltip with region, period, value as published,
status (published / derived), source page and quote. ``titles`` maps those tooltip fields to headers in
the interface language (ui.i18n.tooltip_titles).
"""
from __future__ import annotations

import altair as alt
import pandas as pd

FONT = "Noto Sans CJK SC, Noto Sans, sans-serif"
TOOLTIP_FIELDS = ["region_name", "indicator_name", "period", "label", "status", "doc", "quote"]


def _slim(points: pd.DataFrame, *fields: str) -> pd.DataFrame:
    """Only the columns a chart uses, with plain Python strings: the spec stays small and altair does
    not convert every column of the query result on each layer."""
    columns = list(dict.fromkeys([*fields, *TOOLTIP_FIELDS]))
    slim = points[columns].copy()
    for column in slim.columns:
        if not pd.api.types.is_numeric_dtype(slim[column]):
            slim[column] = slim[column].astype(object).where(slim[column].notna(), None)
    return slim


def tooltip(titles: dict[str, str]) -> list[alt.Tooltip]:
    return [alt.Tooltip(f"{field}:N", title=titles[field]) for field in TOOLTIP_FIELDS]


CONFIG = {  # one dict instead of chained configure_* calls, each of which deep-copies the chart
    "font": FONT,
    "axis": {"labelFont": FONT, "titleFont": FONT, "labelLimit": 260},
    "legend": {"labelFont": FONT, "titleFont": FONT, "orient": "bottom", "labelLimit": 0},
    "view": {"stroke": None},
}


def _layered(*layers: alt.Chart, data: pd.DataFrame, height: int) -> alt.LayerChart:
    """The layers over one shared data set, styled, as wide as their container."""
    return alt.layer(*layers, data=data, config=CONFIG, width="container", height=height)


def dumbbell(points: pd.DataFrame, value_title: str, titles: dict[str, str]) -> alt.LayerChart:
    """Two published values per region as two dots joined by a thin rule (no trend implied in between).

    ``points`` columns: region_name, year, value (published unit), label and the tooltip fields. The
    earlier year's label sits above its dot and the later one's below, so close values stay legible.
    """
    base = alt.Chart()
    y = alt.Y("region_name:N", title=None, scale=alt.Scale(padding=1))
    highlight = "highlight" in points.columns  # the chosen county's rule in the accent colour
    rule = base.mark_rule(color="#bbb", strokeWidth=2).encode(
        y=y, x=alt.X("min(value):Q", title=value_title), x2="max(value):Q",
        **({"color": alt.Color("highlight:N", legend=None,
                               scale=alt.Scale(domain=[False, True], range=["#bbb", "#e45756"]))} if highlight else {}))
    dots = base.mark_circle(size=160, opacity=1).encode(
        y=y, x=alt.X("value:Q", title=value_title),
        color=alt.Color("year:O", title=None, scale=alt.Scale(scheme="tableau10")),
        tooltip=tooltip(titles))
    # label the smaller value above-left of its dot and the larger above-right, so close values stay legible
    ends = base.transform_joinaggregate(low="min(value)", high="max(value)", groupby=["region_name"])
    left = ends.transform_filter("datum.value == datum.low").mark_text(align="right", dx=-4, dy=-14, fontSize=12).encode(
        y=y, x=alt.X("value:Q"), text=alt.Text("label:N"))
    right = ends.transform_filter("datum.value == datum.high && datum.high != datum.low").mark_text(
        align="left", dx=4, dy=-14, fontSize=12).encode(y=y, x=alt.X("value:Q"), text=alt.Text("label:N"))
    # the height includes the axis and the legend below (Streamlit fits the chart into it); the rest leaves
    # room above the first row for its labels, which a single-region chart used to cut off
    height = 150 + 44 * max(1, points["region_name"].nunique())
    fields = ("year", "value", "highlight") if highlight else ("year", "value")
    return _layered(rule, dots, left, right, data=_slim(points, *fields), height=height)


def ranks(points: pd.DataFrame, rank_title: str, titles: dict[str, str]) -> alt.LayerChart:
    """Published ranks per park and year as dots on a reversed axis (rank 1 at the top); no lines
    between years, since the years in between have no published rank."""
    base = alt.Chart()
    top = max(10, int(points["rank"].max()) + 2) if len(points) else 10
    ticks = [1] + list(range(10, top + 1, 10))
    y = alt.Y("rank:Q", title=rank_title, axis=alt.Axis(values=ticks),
              scale=alt.Scale(reverse=True, nice=False, domain=[1, top]))
    x = alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0))
    dots = base.mark_circle(size=180, opacity=1).encode(
        x=x, y=y, color=alt.Color("region_name:N", title=None), tooltip=tooltip(titles))
    labels = base.mark_text(dx=12, align="left", fontSize=12).encode(
        x=x, y=y, text=alt.Text("label:N"), color=alt.Color("region_name:N"))
    return _layered(dots, labels, data=_slim(points, "year", "rank"), height=320)


def bars(points: pd.DataFrame, value_title: str, titles: dict[str, str],
         category: str = "category_name") -> alt.LayerChart:
    """Horizontal bars of published values, one per category, labelled with the value as published.
    A category name may hold line breaks ('name\\nregion, period'): its axis label then has several lines.
    Rows with a true ``highlight`` column (the chosen county, say) are drawn in the accent colour."""
    base = alt.Chart()
    y = alt.Y(f"{category}:N", title=None, sort="-x", axis=alt.Axis(labelExpr="split(datum.label, '\\n')"))
    highlight = "highlight" in points.columns
    bar = base.mark_bar(color="#4c78a8").encode(y=y, x=alt.X("value:Q", title=value_title),
                                                tooltip=tooltip(titles), **_accent(highlight))
    labels = base.mark_text(align="left", dx=4, fontSize=12).encode(y=y, x=alt.X("value:Q"),
                                                                   text=alt.Text("label:N"))
    height = 60 + 40 * max(1, points[category].nunique())
    fields = (category, "value", "highlight") if highlight else (category, "value")
    return _layered(bar, labels, data=_slim(points, *fields), height=height)


def _accent(highlight: bool, usual: str = "#4c78a8") -> dict:
    """A colour encoding giving highlighted rows the accent colour (the others ``usual``), or nothing."""
    if not highlight:
        return {}
    return {"color": alt.condition("datum.highlight", alt.value("#e45756"), alt.value(usual))}

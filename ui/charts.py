"""Chart builders: DataFrame in, ``alt.Chart`` out. No Streamlit calls here.

Every encoding carries an explicit type; every mark a tooltip with value, unit, period, region, source
page and quote.
"""
from __future__ import annotations

import altair as alt
import pandas as pd

TOOLTIP = [
    alt.Tooltip("region_name:N", title="地区 / region"),
    alt.Tooltip("period:N", title="时期 / period"),
    alt.Tooltip("label:N", title="数值 / value"),
    alt.Tooltip("status:N", title="性质 / status"),
    alt.Tooltip("doc:N", title="版面 / page"),
    alt.Tooltip("quote:N", title="原文 / quote"),
]
FONT = "Noto Sans CJK SC, sans-serif"


def _style(chart: alt.Chart) -> alt.Chart:
    return chart.configure(font=FONT).configure_axis(labelFont=FONT, titleFont=FONT).configure_legend(
        labelFont=FONT, titleFont=FONT, orient="bottom")


def dumbbell(points: pd.DataFrame, value_title: str) -> alt.Chart:
    """Two published values per region as two dots joined by a thin rule (no trend implied in between).

    ``points`` columns: region_name, year, value (display unit), label, period, status, doc, quote.
    """
    base = alt.Chart(points)
    rule = base.mark_rule(color="#bbb", strokeWidth=2).encode(
        y=alt.Y("region_name:N", title=None),
        x=alt.X("min(value):Q", title=value_title),
        x2="max(value):Q",
    )
    dots = base.mark_circle(size=160, opacity=1).encode(
        y=alt.Y("region_name:N", title=None),
        x=alt.X("value:Q", title=value_title),
        color=alt.Color("year:O", title=None, scale=alt.Scale(scheme="tableau10")),
        tooltip=TOOLTIP,
    )
    labels = base.mark_text(dy=-14, fontSize=12, font=FONT).encode(
        y=alt.Y("region_name:N"), x=alt.X("value:Q"), text=alt.Text("label:N"))
    height = 70 + 45 * points["region_name"].nunique()
    return _style((rule + dots + labels).properties(width="container", height=height))


def ranks(points: pd.DataFrame, rank_title: str) -> alt.Chart:
    """Published ranks per park and year as dots on a reversed axis (rank 1 at the top)."""
    base = alt.Chart(points)
    dots = base.mark_circle(size=180, opacity=1).encode(
        x=alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("rank:Q", title=rank_title,
                scale=alt.Scale(reverse=True, nice=False, domain=[1, max(10, int(points["rank"].max()) + 2)])),
        color=alt.Color("region_name:N", title=None),
        tooltip=TOOLTIP,
    )
    labels = base.mark_text(dx=14, align="left", fontSize=12, font=FONT).encode(
        x=alt.X("year:O"), y=alt.Y("rank:Q"), text=alt.Text("label:N"), color=alt.Color("region_name:N"))
    return _style((dots + labels).properties(width="container", height=320))


def bars(points: pd.DataFrame, value_title: str, category: str = "category_name") -> alt.Chart:
    """Horizontal bars of published values, one per category, labelled with the value as published."""
    base = alt.Chart(points)
    bar = base.mark_bar(color="#4c78a8").encode(
        y=alt.Y(f"{category}:N", title=None, sort="-x"),
        x=alt.X("value:Q", title=value_title),
        tooltip=TOOLTIP,
    )
    labels = base.mark_text(align="left", dx=4, fontSize=12, font=FONT).encode(
        y=alt.Y(f"{category}:N", sort="-x"), x=alt.X("value:Q"), text=alt.Text("label:N"))
    height = 60 + 36 * points[category].nunique()
    return _style((bar + labels).properties(width="container", height=height))

"""Layout pieces shared by pages: a chart with its table view, caption and downloads."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from ui import export, link, prep, state
from ui.i18n import t

VIEWS = ["chart", "table"]


def notice(problem: str) -> None:
    st.warning(t("bad_param", state.lang(), problem=problem), icon="⚠️")


def view_switch(page: str) -> str:
    """The page's chart/table choice, kept in ``?view=``."""
    lang = state.lang()
    return link.bound(st.segmented_control, "view", VIEWS, "chart", key=f"{page}_view", notice=notice,
                      label=t("view", lang), required=True, format_func=lambda v: t(v, lang))


def chart_block(chart: alt.TopLevelMixin, shown: pd.DataFrame, *, name: str, view: str, caption: str) -> None:
    """The chart (or its table), a caption saying where the numbers come from, and downloads of exactly
    what is shown: CSV always, PNG and SVG of the chart (made on click, Chinese fonts embedded)."""
    lang = state.lang()
    if view == "table":
        st.dataframe(prep.table(shown, lang), hide_index=True, width="stretch")
    else:
        # validated in the tests through chart.to_dict(); skipped here to keep pages fast
        st.vega_lite_chart(chart.to_dict(validate=False), width="stretch")
    st.caption(caption)
    with st.popover(t("downloads", lang), icon=":material/download:"):
        st.download_button(t("download_csv", lang), prep.csv_bytes(prep.table(shown, lang)),
                           file_name=f"loudi-{name}.csv", mime="text/csv", key=f"csv_{name}")
        st.download_button(t("download_png", lang), lambda: export.png(chart), file_name=f"loudi-{name}.png",
                           mime="image/png", key=f"png_{name}")
        st.download_button(t("download_svg", lang), lambda: export.svg(chart), file_name=f"loudi-{name}.svg",
                           mime="image/svg+xml", key=f"svg_{name}")


def share_box(page_path: str) -> None:
    """The full URL of the current view, with a copy button."""
    url = link.share_url(st.context.url or "http://localhost:8501/", page_path, st.query_params.to_dict())
    with st.expander(t("share_link", state.lang())):
        st.code(url, language=None, wrap_lines=True)

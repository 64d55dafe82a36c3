"""Layout pieces shared by pages: a chart with its table view, caption and downloads."""
from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date

import altair as alt
import pandas as pd
import streamlit as st

from ui import api, bind, charts, cite, data, export, links, nav, prep, state
from ui import format as fmt
from ui.i18n import rule_label, t

VIEWS = ["chart", "table"]


def notice(problem: str) -> None:
    st.warning(t("bad_param", state.lang(), problem=problem), icon="⚠️")


def view_choice(page: str) -> str:
    """The page's chart/table choice from ``?view=`` (or the user's pick), without drawing the switch."""
    return bind.value("view", VIEWS, "chart", key=f"{page}_view", notice=notice)


def view_switch(page: str) -> str:
    """The page's chart/table choice, kept in ``?view=``."""
    lang = state.lang()
    return bind.widget(st.segmented_control, "view", VIEWS, "chart", key=f"{page}_view", notice=notice,
                       label=t("view", lang), required=True, format_func=lambda v: t(v, lang))


PILLS_MAX = 12  # more options than this: a searchable multiselect instead of pills


def multi_picker(options: list) -> Callable:
    """The widget for picking several of ``options``: pills (one tap each) for a few, a searchable
    multiselect for many (pills would fill the screen)."""
    if len(options) > PILLS_MAX:
        return st.multiselect
    return functools.partial(st.pills, selection_mode="multi")


def chart_spec(build_name: str, points: pd.DataFrame, args: tuple) -> dict:
    """The Vega-Lite spec of ``charts.<build_name>(points, *args)``, built once per distinct input:
    building an Altair chart costs tens of milliseconds of server time on every run otherwise."""
    # the points' JSON is the cache key: far cheaper than Streamlit hashing an Arrow-backed DataFrame
    return _chart_spec(build_name, points.to_json(orient="split", force_ascii=False), points, args)


@st.cache_data(show_spinner=False, max_entries=256, ttl=data.CACHE_TTL)
def _chart_spec(build_name: str, points_key: str, _points: pd.DataFrame, args: tuple) -> dict:
    return getattr(charts, build_name)(_points, *args).to_dict(validate=False)


def chart_block(build: Callable[..., alt.TopLevelMixin], points: pd.DataFrame, *args, shown: pd.DataFrame,
                name: str, view: str, caption: str) -> None:
    """The chart ``build(points, *args)`` (or the table of ``shown``), a caption saying where the numbers
    come from, and downloads of exactly what is shown: CSV always, PNG and SVG of the chart (made on
    click, Chinese fonts embedded)."""
    lang = state.lang()
    # validated in the tests through chart.to_dict(); not here, to keep pages fast
    spec = chart_spec(build.__name__, points, args)
    if view == "table":
        table(prep.table(shown, lang))
    else:
        st.vega_lite_chart(spec, width="stretch")
    st.caption(caption)
    # lazy: the buttons and their files are made only once the menu is opened (one rerun), so a page's
    # first load sends three elements fewer per chart and renders no image
    with st.popover(t("downloads", lang), icon=":material/download:", on_change="rerun",
                    key=f"downloads_{name}") as menu:
        if not menu.open:
            return
        st.download_button(t("download_csv", lang), prep.csv_bytes(prep.table(shown, lang)),
                           file_name=f"loudi-{name}.csv", mime="text/csv", key=f"csv_{name}")
        st.download_button(t("download_png", lang), export.png(spec), file_name=f"loudi-{name}.png",
                           mime="image/png", key=f"png_{name}")
        st.download_button(t("download_svg", lang), export.svg(spec), file_name=f"loudi-{name}.svg",
                           mime="image/svg+xml", key=f"svg_{name}")


def card(card: prep.Card, region_name: str, years: tuple[int, int]) -> None:
    """A headline card: the later year's value with its derived change, its source pages, and the years
    without a figure."""
    lang = state.lang()
    if card.end is not None:
        end = card.end
        st.metric(card.label, fmt.number(end["value_num"], end["unit"], lang), card.delta, border=True,
                  delta_color="inverse" if card.lower_is_better else "normal", help=f"{end['doc']}: {end['quote']}")
        st.caption(t("change_derived", lang, start=years[0], end=years[1]) + " · "
                   + t("source_card", lang, docs=card.docs))
    if card.missing:
        st.caption(t("no_years", lang, region=region_name, years=t("list_sep", lang).join(card.missing),
                     indicator=card.label))


def land_progress_bar(progress: prep.LandProgress) -> None:
    """One progress bar: disposed of total in a region and period, with the published rate and the one
    recomputed from the two areas; the caption names formula and pages, its help the quote."""
    lang = state.lang()
    shown = {name: "—" if row is None else fmt.number(row["value_num"], row["unit"], lang)
             for name, row in (("total", progress.total), ("disposed", progress.disposed),
                               ("published", progress.rate))}
    derived = "—" if progress.derived is None else f"{progress.derived['value_base']:.2f}%"
    if progress.share is None:
        published = t("list_sep", lang).join(v for v in shown.values() if v != "—")
        st.caption(t("land_partial", lang, where=progress.where, published=published),
                   help=f"{progress.quote['doc']}: {progress.quote['quote']}")
        return
    st.progress(progress.share, text=t("land_progress_text", lang, where=progress.where, derived=derived, **shown))
    st.caption(t("land_caption", lang, formula=progress.formula or "—", docs=progress.docs),
               help=f"{progress.quote['doc']}: {progress.quote['quote']}")


def conflict_notes(conflicts: pd.DataFrame) -> None:
    """A note per group of disagreeing facts: the values, the one charts use and why."""
    lang = state.lang()
    for _, group in conflicts.groupby("group_key"):
        used = group[group["is_preferred"]].iloc[0]
        detail = " vs ".join(f"{r.doc} {fmt.number(r.value_num, r.unit, lang)}" for r in group.itertuples())
        used_value = fmt.number(used["value_num"], used["unit"], lang)
        st.warning(t("conflict_note", lang, detail=detail, used=f"{used['doc']} {used_value}",
                     reason=f"{rule_label(used['rule'], lang)}: {used[f'reason_{lang}']}"), icon="⚖️")


def land_rates(progress: prep.LandProgress) -> None:
    """The published disposal rate of a region and period beside the one recomputed from the two areas."""
    lang = state.lang()
    published, derived = st.columns(2)
    if progress.rate is not None:
        rate = progress.rate
        published.metric(f"{t('land_published', lang)} · {progress.where}", fmt.number(rate["value_num"], "%", lang),
                         border=True, help=f"{rate['doc']}: {rate['quote']}")
    if progress.derived is not None:
        derived.metric(f"{t('land_derived', lang)} · {progress.where}", f"{progress.derived['value_base']:.2f}%",
                       border=True, help=f"{progress.formula} ({progress.derived['inputs']})")


def share_box(page_path: str) -> None:
    """The full URL of the current view, and beside it a citation of the view (page title, data version,
    date, link), each in a box with a copy button."""
    url = links.share_url(st.context.url or "http://localhost:8501/", page_path, st.query_params.to_dict())
    lang = state.lang()
    # their content (and the code block's script) is made only when one is opened
    with st.popover(t("share_link", lang), icon=":material/link:", width="stretch", on_change="rerun",
                    key="share_link") as box:
        if box.open:
            st.code(url, language=None, wrap_lines=True)
    with st.popover(t("cite_this_view", lang), icon=":material/format_quote:", width="stretch", on_change="rerun",
                    key="cite_view") as box:
        if box.open:
            title = nav.title(page_path or nav.PAGES[0][0], lang)
            st.code(cite.view_citation(title, api.data_version(data.db_path()), url, date.today(), lang),
                    language=None, wrap_lines=True)


# Why no app-wide CSS element: the browser fetches an element type's code (st.html, or st.markdown with
# HTML) on first use, and the page's first paint waits for every element type on it. The CSS therefore
# travels with the elements that need it.
TABLE_CSS = """<style>
.loudi-table {overflow: auto; border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 0.5rem; margin-bottom: 1rem}
.loudi-table table {border-collapse: collapse; width: 100%; font-size: 0.875rem}
.loudi-table th {position: sticky; top: 0; background: #f0f2f6; text-align: left; font-weight: 600}
.loudi-table th, .loudi-table td {padding: 0.35rem 0.6rem; border-bottom: 1px solid rgba(49, 51, 63, 0.1); min-width: 4.5em;
  vertical-align: top}
</style>"""


def wrap_metric_values() -> None:
    """Metric cards wrap long values and labels instead of cutting them off: "30.292 bn yuan" in English
    is wider than a quarter of the page (the Chinese values fit, so the overview asks only in English)."""
    st.html("""<style>
[data-testid="stMetricValue"] p {white-space: normal; line-height: 1.2 !important}
[data-testid="stMetricLabel"] p {white-space: normal}
</style>""")


def table(df: pd.DataFrame, *, max_rows: int = 12) -> None:
    """A static table for the chart pages, as one HTML element (escaped): far lighter for the browser
    than st.dataframe or st.table, so the page's charts draw sooner. Longer tables scroll inside."""
    height = "" if len(df) <= max_rows else f"max-height: {36 * (max_rows + 1)}px"
    body = df.to_html(index=False, escape=True, na_rep="", border=0)
    st.html(f'{TABLE_CSS}<div class="loudi-table" style="{height}">{body}</div>')

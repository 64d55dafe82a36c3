"""Compare the configured two years: a tab per chosen indicator with its dumbbell, a table of published
values and derived change, conflicts and the regions without figures."""
import streamlit as st

from ui import bind, charts, config, data, nav, prep, show, state
from ui.i18n import t, tooltip_titles, unit_label

nav.ensure_routed()
cfg = config.get().compare
lang, county = state.lang(), state.county()
st.title(nav.title("compare", lang))

start, end = cfg.years
default = list(cfg.default_indicators)
comparisons = data.comparisons(start_year=start, end_year=end)
indicators = data.indicators().set_index("code")
available = list(dict.fromkeys(default + list(comparisons["indicator"])))
chosen = bind.value("ind", available, default, key="compare_ind", notice=show.notice)
values = prep.in_years(data.values(years=list(cfg.years), indicators=chosen,
                                   counties=[county] if county else None, preferred_only=True), cfg.years)
region_names = dict(zip(values["region"], values[f"region_{lang}"]))
regions = data.regions()
focus = prep.focus_regions(regions, county)
# a few regions: all of them by default; many: the chosen county and its city (the chart keeps 12 anyway)
reg_default = prep.default_regions(sorted(region_names), focus)
picked = bind.value("reg", sorted(region_names), reg_default, key="compare_reg", notice=show.notice)
view = show.view_choice("compare")
# the pickers are drawn into this place after the charts, so the first chart reaches the browser sooner
controls = st.container()
if picked:
    values = values[values["region"].isin(picked)]
conflicts = prep.in_years(data.conflicts(), cfg.years)
loudi_counties = regions[(regions["level"] == "county") & (regions["scope"] == "loudi")]
if county:
    loudi_counties = loudi_counties[loudi_counties["code"] == county]
formulas = "; ".join(comparisons[["abs_change_formula", "annual_growth_formula"]].iloc[0]) if len(comparisons) else ""


def draw_indicator(code: str) -> None:
    """The open tab: the indicator's dumbbell, its table, conflicts and the counties without figures."""
    name = indicators.loc[code, f"name_{lang}"]
    rows = values[values["indicator"] == code]
    pairs = comparisons[(comparisons["indicator"] == code) & comparisons["region"].isin(rows["region"])]
    missing = loudi_counties[~loudi_counties["code"].isin(set(pairs["region"]))][f"name_{lang}"]
    if rows.empty:
        st.info(t("missing_regions", lang, indicator=name, regions=t("list_sep", lang).join(missing) or "—"))
        return
    points, kept, total = prep.top_groups(prep.chart_points(rows, lang), ["region"],
                                          rows["value_num"].where(rows["year"] == end), rows["region"].isin(focus),
                                          prep.CHART_MAX)
    unit = points["unit"].iloc[0]
    caption = t("compare_caption", lang, formulas=formulas)
    if kept < total:
        caption = t("kept_regions", lang, shown=kept, total=total, year=end) + "  \n" + caption
    chart_col, table_col = st.columns([3, 2])
    with chart_col:
        show.chart_block(charts.dumbbell, points, f"{name} ({unit_label(unit, lang)})", tooltip_titles(lang),
                         shown=points, name=f"{code}-{start}-{end}", view=view, caption=caption)
    with table_col:
        show.table(prep.comparison_table(pairs, unit, cfg.years, lang))
    show.conflict_notes(conflicts[(conflicts["indicator"] == code) & conflicts["region"].isin(rows["region"])])
    if len(missing):
        st.caption(t("missing_regions", lang, indicator=name, regions=t("list_sep", lang).join(missing)))


# one tab per indicator; only the open one is drawn (a tab switch reruns the page), so a visit draws
# one chart, not one per indicator
if chosen:
    code, tab = bind.tabs("tab", chosen, lambda c: indicators.loc[c, f"name_{lang}"], key="compare_tab",
                          notice=show.notice)
    with tab:
        draw_indicator(code)
else:
    st.info(t("pick_indicator", lang))

with controls:
    # pills for a few options (one tap each), a searchable multiselect for many
    bind.widget(show.multi_picker(available), "ind", available, default, key="compare_ind", notice=show.notice,
                label=t("indicators", lang), format_func=lambda c: indicators.loc[c, f"name_{lang}"])
    bind.widget(show.multi_picker(sorted(region_names)), "reg", sorted(region_names), reg_default,
                key="compare_reg", notice=show.notice, label=t("regions", lang), help=t("regions_help", lang),
                format_func=region_names.get)
    show.view_switch("compare")

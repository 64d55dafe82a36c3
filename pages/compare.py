"""Compare 2013 vs 2020: a tab per chosen indicator with its dumbbell, a table of published values and
derived change, conflicts and the regions without figures."""
import streamlit as st

from ui import charts, data, link, prep, show, state
from ui import format as fmt
from ui.i18n import rule_label, t, tooltip_titles, unit_label

DEFAULT = ["poverty_incidence", "gdp", "fiscal_revenue", "rural_disposable_income_per_capita"]

state.ensure_routed()
lang, county = state.lang(), state.county()
st.title(t("nav_compare", lang))

comparisons = data.comparisons(start_year=2013, end_year=2020)
indicators = data.indicators().set_index("code")
available = list(dict.fromkeys(DEFAULT + list(comparisons["indicator"])))
chosen = link.current("ind", available, DEFAULT, key="compare_ind", notice=show.notice)
values = data.values(years=[2013, 2020], indicators=chosen, counties=[county] if county else None,
                     preferred_only=True)
values = values[values["period"].isin(["2013", "2020"])]
region_names = dict(zip(values["region"], values[f"region_{lang}"]))
picked = link.current("reg", sorted(region_names), [], key="compare_reg", notice=show.notice)
view = show.view_choice("compare")
# the pickers are drawn into this place after the charts, so the first chart reaches the browser sooner
controls = st.container()
if picked:
    values = values[values["region"].isin(picked)]
conflicts = data.conflicts()
regions = data.regions()
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
    points = prep.chart_points(rows, lang)
    unit = points["unit"].iloc[0]
    chart_col, table_col = st.columns([3, 2])
    with chart_col:
        show.chart_block(charts.dumbbell, points, f"{name} ({unit_label(unit, lang)})", tooltip_titles(lang),
                         shown=rows, name=f"{code}-2013-2020", view=view,
                         caption=t("compare_caption", lang, formulas=formulas))
    with table_col:
        show.table(prep.comparison_table(pairs, unit, lang))
    in_chart = (conflicts["indicator"] == code) & conflicts["period"].isin(["2013", "2020"]) \
        & conflicts["region"].isin(rows["region"])
    for _, group in conflicts[in_chart].groupby("group_key"):
        used = group[group["is_preferred"]].iloc[0]
        detail = " vs ".join(f"{r.doc} {fmt.number(r.value_num, r.unit, lang)}" for r in group.itertuples())
        used_value = fmt.number(used["value_num"], used["unit"], lang)
        st.warning(t("conflict_note", lang, detail=detail, used=f"{used['doc']} {used_value}",
                     reason=f"{rule_label(used['rule'], lang)}: {used[f'reason_{lang}']}"), icon="⚖️")
    if len(missing):
        st.caption(t("missing_regions", lang, indicator=name, regions=t("list_sep", lang).join(missing)))


# one tab per indicator; only the open one is drawn (a tab switch reruns the page), so a visit draws
# one chart, not one per indicator
if chosen:
    code, tab = link.bound_tabs("tab", chosen, lambda c: indicators.loc[c, f"name_{lang}"], key="compare_tab",
                                notice=show.notice)
    with tab:
        draw_indicator(code)
else:
    st.info(t("pick_indicator", lang))

with controls:
    link.bound(st.pills, "ind", available, DEFAULT, key="compare_ind", notice=show.notice, selection_mode="multi",
               label=t("indicators", lang), format_func=lambda c: indicators.loc[c, f"name_{lang}"])
    link.bound(st.pills, "reg", sorted(region_names), [], key="compare_reg", notice=show.notice,
               selection_mode="multi", label=t("regions", lang), help=t("regions_help", lang),
               format_func=region_names.get)
    show.view_switch("compare")

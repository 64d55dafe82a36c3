"""Compare 2013 vs 2020: a dumbbell per indicator and a table with published values and derived change."""
import streamlit as st

from ui import charts, data, link, prep, state
from ui import format as fmt
from ui.i18n import t, unit_label

lang, county = state.lang(), state.county()
st.title(t("nav_compare", lang))

comparisons = data.comparisons(start_year=2013, end_year=2020)
indicators = data.indicators().set_index("code")
available = list(dict.fromkeys(comparisons["indicator"]))
default = available
if "compare_ind" not in st.session_state:
    st.session_state["compare_ind"], problem = link.read_list("ind", available, default)
    if problem:
        st.warning(t("bad_param", lang, problem=problem), icon="⚠️")
chosen = st.multiselect(t("indicators", lang), available, key="compare_ind",
                        format_func=lambda c: indicators.loc[c, f"name_{lang}"])
link.keep_list("ind", chosen, default)

values = data.values(years=[2013, 2020], indicators=chosen, preferred_only=True)
values = values[values["period"].isin(["2013", "2020"])]
if county:
    values = values[values["county"] == county]
conflicts = data.conflicts()
formulas = f"{comparisons['abs_change_formula'].iloc[0]}; {comparisons['annual_growth_formula'].iloc[0]}" if len(comparisons) else ""

for code in chosen:
    name = indicators.loc[code, f"name_{lang}"]
    rows = values[values["indicator"] == code]
    st.subheader(name)
    if rows.empty:
        region_names = data.regions().set_index("code")[f"name_{lang}"]
        st.info(t("missing_regions", lang, indicator=name, regions=region_names.get(county, "—")))
        continue
    points = prep.chart_points(rows, lang)
    unit = points["unit"].iloc[0]
    chart_col, table_col = st.columns([3, 2])
    with chart_col:
        st.altair_chart(charts.dumbbell(points, f"{name} ({unit_label(unit, lang)})"), width="stretch")
    with table_col:
        pairs = comparisons[comparisons["indicator"] == code]
        if county:
            pairs = pairs[pairs["county"] == county]
        table = pairs.assign(**{
            t("col_region", lang): pairs[f"region_{lang}"],
            "2013": [fmt.number(v, unit, lang) for v in pairs["start_value_published"].astype(float)],
            "2020": [fmt.number(v, unit, lang) for v in pairs["end_value_published"].astype(float)],
            t("col_change", lang): [fmt.change(float(e) - float(s), unit, lang)
                                     for s, e in zip(pairs["start_value_published"], pairs["end_value_published"])],
            t("col_growth", lang): [fmt.percent(g) for g in pairs["annual_growth"]],
        })[[t("col_region", lang), "2013", "2020", t("col_change", lang), t("col_growth", lang)]]
        st.dataframe(table, hide_index=True, width="stretch")
        st.download_button(t("download_csv", lang), prep.csv_bytes(prep.table(rows, lang)),
                           file_name=f"loudi-{code}-2013-2020.csv", mime="text/csv", key=f"dl_{code}")
    st.caption(t("compare_caption", lang, formulas=formulas))
    for _, c in conflicts[(conflicts["indicator"] == code) & conflicts["period"].isin(["2013", "2020"])].groupby("group_key"):
        used = c[c["is_preferred"]].iloc[0]
        detail = " vs ".join(f"{r.doc} {r.value}{r.unit}" for r in c.itertuples())
        st.warning(t("conflict_note", lang, detail=detail, used=f"{used['doc']} {used['value']}{used['unit']}",
                     reason=used["reason"]), icon="⚖️")
    with_both = set(pairs["region"])
    all_regions = data.regions()
    loudi_counties = all_regions[(all_regions["level"] == "county") & (all_regions["scope"] == "loudi")]
    if county:
        loudi_counties = loudi_counties[loudi_counties["code"] == county]
    missing = loudi_counties[~loudi_counties["code"].isin(with_both)][f"name_{lang}"]
    if len(missing):
        st.caption(t("missing_regions", lang, indicator=name, regions="、".join(missing)))

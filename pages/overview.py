"""Overview: the headline 2013 → 2020 story for the chosen county (涟源市 when none), parks and land."""
import streamlit as st

from ui import charts, data, prep, state
from ui import format as fmt
from ui.i18n import t

lang, county = state.lang(), state.county()
region = county or "lianyuan"
HEADLINE = ["poverty_incidence", "gdp", "fiscal_revenue", "rural_disposable_income_per_capita"]

st.title(t("title", lang))
st.caption(t("subtitle", lang))

facts = data.values(regions=[region], years=[2013, 2020], preferred_only=True)
facts = facts[facts["period"].isin(["2013", "2020"]) & facts["indicator"].isin(HEADLINE)]
names = data.regions().set_index("code")
region_name = names.loc[region, f"name_{lang}"]
st.subheader(t("overview_for", lang, region=region_name))

ranks = prep.chart_points(data.values(indicators=["park_provincial_rank"], preferred_only=True), lang)
ranks["rank"] = ranks["value_base"]
if len(facts):
    cols = st.columns(len(HEADLINE))
    indicators = data.indicators().set_index("code")
    for col, code in zip(cols, HEADLINE):
        rows = facts[facts["indicator"] == code].set_index("period")
        label = indicators.loc[code, f"name_{lang}"]
        with col:
            if "2020" in rows.index:
                end = rows.loc["2020"]
                delta = None
                if "2013" in rows.index:
                    start = rows.loc["2013"]
                    delta = fmt.change(end["value_num"] - start["value_num"], end["unit"], lang)
                st.metric(label, fmt.number(end["value_num"], end["unit"], lang), delta,
                          delta_color="inverse" if indicators.loc[code, "higher_is_better"] == False else "normal",  # noqa: E712
                          help=f"{end['doc']}: {end['quote']}", border=True)
                st.caption(t("change_derived", lang) + " · " + t("source_card", lang, docs=", ".join(sorted(set(rows["doc"])))))
            missing = [y for y in ("2013", "2020") if y not in rows.index]
            if missing:
                st.caption(t("no_years", lang, region=region_name, years="、".join(missing), indicator=label))
else:
    st.info(t("no_figures", lang, region=region_name))

st.subheader(t("parks_movement", lang))
st.altair_chart(charts.ranks(ranks, t("col_rank", lang)), width="stretch")
st.caption(t("rank_caption", lang, docs=", ".join(sorted(set(ranks["doc"])))))

st.subheader(t("land_progress", lang))
land = data.values(indicators=["idle_land_total", "idle_land_disposed", "idle_land_disposal_rate"], preferred_only=True)
derived = data.derived_values()
if len(land):
    by = land.set_index("indicator")
    c1, c2, c3 = st.columns(3)
    c1.metric(by.loc["idle_land_total", f"indicator_{lang}"], fmt.number(by.loc["idle_land_total", "value_num"], "亩", lang), border=True)
    c2.metric(by.loc["idle_land_disposed", f"indicator_{lang}"], fmt.number(by.loc["idle_land_disposed", "value_num"], "亩", lang), border=True)
    c3.metric(t("land_published", lang), fmt.number(by.loc["idle_land_disposal_rate", "value_num"], "%", lang), border=True,
              help=by.loc["idle_land_disposal_rate", "quote"])
    if len(derived):
        d = derived.iloc[0]
        st.caption(t("land_caption", lang, formula=f"{d['formula']} = {d['value_base']:.2f}%", docs=by["doc"].iloc[0]))

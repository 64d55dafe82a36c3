"""Overview: the 2013 → 2020 headline story for the chosen county (涟源市 when none), parks and land."""
import streamlit as st

from ui import charts, data, prep, show, state
from ui import format as fmt
from ui.i18n import formula_label, t, tooltip_titles

HEADLINE = ["poverty_incidence", "gdp", "fiscal_revenue", "rural_disposable_income_per_capita"]
HEADLINE_REGION = "lianyuan"  # the story the pages tell; the county filter replaces it

state.ensure_routed()
lang, county = state.lang(), state.county()
region = county or HEADLINE_REGION
region_name = data.regions().set_index("code").loc[region, f"name_{lang}"]

st.title(t("title", lang))
st.caption(t("subtitle", lang))
st.subheader(t("overview_for", lang, region=region_name))

cards = st.container()  # filled after the park chart below, so that chart reaches the browser first
facts = data.values(regions=[region], years=[2013, 2020], indicators=HEADLINE, preferred_only=True)
facts = facts[facts["period"].isin(["2013", "2020"])]
indicators = data.indicators().set_index("code")

st.subheader(t("parks_movement", lang))
ranks = prep.chart_points(data.values(indicators=["park_provincial_rank"], preferred_only=True), lang)
ranks["rank"] = ranks["value_base"]
ranks["label"] = [fmt.rank(v, o, lang) for v, o in zip(ranks["value_base"], ranks["out_of"])]
show.chart_block(charts.ranks, ranks, t("col_rank", lang), tooltip_titles(lang), shown=ranks, name="park-ranks",
                 view="chart", caption=t("rank_caption", lang, docs=", ".join(sorted(set(ranks["doc"])))))

st.subheader(t("land_progress", lang))
land = data.values(indicators=["idle_land_total", "idle_land_disposed", "idle_land_disposal_rate"],
                   preferred_only=True).set_index("indicator")
derived = data.derived_values().set_index("indicator")
total, disposed, published = (land.loc[code] for code in
                              ("idle_land_total", "idle_land_disposed", "idle_land_disposal_rate"))
rate = derived.loc["idle_land_disposal_rate_derived"]
formula = formula_label(rate["formula"], dict(zip(land.index, land[f"indicator_{lang}"])))
# one progress bar: disposed of total, with the published rate and the one recomputed from the two areas
st.progress(min(disposed["value_base"] / total["value_base"], 1.0),
            text=t("land_progress_text", lang, disposed=fmt.number(disposed["value_num"], disposed["unit"], lang),
                   total=fmt.number(total["value_num"], total["unit"], lang),
                   published=fmt.number(published["value_num"], published["unit"], lang),
                   derived=f"{rate['value_base']:.2f}%"))
longest = land.loc[land["quote"].str.len().idxmax()]  # d003 gives the three figures in one sentence
st.caption(t("land_caption", lang, formula=formula, docs=", ".join(sorted(set(land["doc"])))),
           help=f"{longest['doc']}: {longest['quote']}")

with cards:
    if lang == "en":
        show.wrap_metric_values()
    if facts.empty:
        st.info(t("no_figures", lang, region=region_name))
    else:
        for col, code in zip(st.columns(len(HEADLINE)), HEADLINE):
            rows = facts[facts["indicator"] == code].set_index("period")
            label = indicators.loc[code, f"name_{lang}"]
            with col:
                if "2020" in rows.index:
                    end = rows.loc["2020"]
                    delta = None
                    if "2013" in rows.index:
                        delta = fmt.change(end["value_num"] - rows.loc["2013", "value_num"], end["unit"], lang)
                    lower_is_better = indicators.loc[code, "higher_is_better"] == False  # noqa: E712 (NA-safe)
                    st.metric(label, fmt.number(end["value_num"], end["unit"], lang), delta, border=True,
                              delta_color="inverse" if lower_is_better else "normal",
                              help=f"{end['doc']}: {end['quote']}")
                    st.caption(t("change_derived", lang) + " · " + t("source_card", lang, docs=", ".join(sorted(set(rows["doc"])))))
                missing = [y for y in ("2013", "2020") if y not in rows.index]
                if missing:
                    st.caption(t("no_years", lang, region=region_name, years=t("list_sep", lang).join(missing), indicator=label))

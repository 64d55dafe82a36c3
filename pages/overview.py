"""Overview: the configured years' headline story for the chosen county (the configured region when none),
the park ranking movement and the idle-land disposal per region and period."""
import streamlit as st

from ui import charts, config, data, nav, prep, show, state
from ui.i18n import t, tooltip_titles

nav.ensure_routed()
cfg = config.get()
lang, county = state.lang(), state.county()
region = county or cfg.overview.region
region_name = data.regions().set_index("code").loc[region, f"name_{lang}"]
start, end = cfg.overview.years

st.title(t("title", lang))
st.caption(t("subtitle", lang))
st.subheader(t("overview_for", lang, region=region_name, start=start, end=end))

cards = st.container()  # filled after the park chart below, so that chart reaches the browser first

st.subheader(t("parks_movement", lang))
ranks = prep.rank_points(data.values(indicators=[cfg.parks.rank], preferred_only=True), lang)
show.chart_block(charts.ranks, ranks, t("col_rank", lang), tooltip_titles(lang), shown=ranks, name="park-ranks",
                 view="chart", caption=t("rank_caption", lang, docs=", ".join(sorted(set(ranks["doc"])))))

st.subheader(t("land_progress", lang))
land = data.values(indicators=list(cfg.land.progress_indicators), preferred_only=True)
progress = prep.land_progress(land, data.derived_values(), cfg.land, lang)  # latest period first
shown = prep.focus_progress(progress, prep.focus_regions(data.regions(), region))
for item in shown:
    show.land_progress_bar(item)
if len(shown) < len(progress):
    st.caption(t("kept_progress", lang, shown=len(shown), total=len(progress)))

with cards:
    facts = prep.in_years(data.values(regions=[region], years=list(cfg.overview.years),
                                      indicators=list(cfg.overview.headline_indicators), preferred_only=True),
                          cfg.overview.years)
    if lang == "en":
        show.wrap_metric_values()
    if facts.empty:
        st.info(t("no_figures", lang, region=region_name, start=start, end=end))
    else:
        headline = prep.cards(facts, data.indicators().set_index("code"), cfg.overview.headline_indicators,
                              cfg.overview.years, lang)
        for col, card in zip(st.columns(len(headline)), headline):
            with col:
                show.card(card, region_name, cfg.overview.years)

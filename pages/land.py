"""Land, in the configured tabs: the idle land's total, disposed area and rate per region and period (the
rate recomputed from its parts beside the published one); the other land figures in the pages. A large
catalogue's chart keeps the chosen county, Loudi and the largest areas (ui/prep.top_groups) and says so."""
import streamlit as st

from ui import bind, charts, config, data, nav, prep, show, state
from ui.i18n import t, tooltip_titles, unit_label

nav.ensure_routed()
cfg = config.get().land
lang, county = state.lang(), state.county()
st.title(t("nav_land", lang))
view = show.view_choice("land")
controls = st.container()  # the chart/table switch, drawn after the chart so the chart arrives first
land = data.values(themes=[cfg.theme], preferred_only=True)

# tabs as configured, only the open one drawn (a switch reruns the page)
section, tab = bind.tabs("tab", list(cfg.tabs), lambda s: t(f"land_tab_{s}", lang), key="land_tab",
                         notice=show.notice)
with tab:
    if section == "idle":
        areas, kept, total = prep.land_top(prep.land_points(land, cfg, lang), cfg,
                                           prep.focus_regions(data.regions(), county))
        progress = prep.land_progress(land[land["region"].isin(set(areas["region"]))], data.derived_values(), cfg,
                                      lang)  # latest period first
        progress = [p for p in progress if (p.region, p.period) in set(zip(areas["region"], areas["period"]))]
        formulas = sorted({p.formula for p in progress if p.formula})
        unit = unit_label(areas["unit"].iloc[0], lang) if len(areas) else ""
        caption = t("land_caption", lang, formula="; ".join(formulas) or "—", docs=", ".join(sorted(set(areas["doc"]))))
        if kept < total:
            caption = t("kept_land", lang, shown=kept, total=total) + "  \n" + caption
        show.chart_block(charts.bars, areas, unit, tooltip_titles(lang), shown=areas, name="idle-land", view=view,
                         caption=caption)
        for item in progress:
            show.land_rates(item)
    else:
        other = land[~land["indicator"].isin(cfg.progress_indicators)]  # the idle land is the first tab's
        show.table(prep.table(other, lang))
        st.download_button(t("download_csv", lang), prep.csv_bytes(prep.table(other, lang)),
                           file_name="loudi-land.csv", mime="text/csv")

with controls:  # the chart/table switch only where the open tab has a chart
    if section == "idle":
        show.view_switch("land")

"""Land, in the configured tabs: the idle land's total, disposed area and rate per region and period (the
rate recomputed from its parts beside the published one); the other land figures in the pages."""
import streamlit as st

from ui import bind, charts, config, data, nav, prep, show, state
from ui.i18n import t, tooltip_titles, unit_label

nav.ensure_routed()
cfg = config.get().land
lang = state.lang()
st.title(t("nav_land", lang))
view = show.view_choice("land")
controls = st.container()  # the chart/table switch, drawn after the chart so the chart arrives first

land = data.values(themes=[cfg.theme], preferred_only=True)
# tabs as configured, only the open one drawn (a switch reruns the page)
section, tab = bind.tabs("tab", list(cfg.tabs), lambda s: t(f"land_tab_{s}", lang), key="land_tab",
                         notice=show.notice)
with tab:
    if section == "idle":
        areas = prep.land_points(land, cfg, lang)
        progress = prep.land_progress(land, data.derived_values(), cfg, lang)  # latest period first
        formulas = sorted({p.formula for p in progress if p.formula})
        unit = unit_label(areas["unit"].iloc[0], lang) if len(areas) else ""
        show.chart_block(charts.bars, areas, unit, tooltip_titles(lang), shown=areas, name="idle-land", view=view,
                         caption=t("land_caption", lang, formula="; ".join(formulas) or "—",
                                   docs=", ".join(sorted(set(areas["doc"])))))
        for item in progress:
            show.land_rates(item)
    else:
        show.table(prep.table(land, lang))
        st.download_button(t("download_csv", lang), prep.csv_bytes(prep.table(land, lang)),
                           file_name="loudi-land.csv", mime="text/csv")

with controls:  # the chart/table switch only where the open tab has a chart
    if section == "idle":
        show.view_switch("land")

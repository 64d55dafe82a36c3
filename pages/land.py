"""Land, in two tabs: 三类土地 total, disposed and rate (the rate recomputed from its parts beside the
published one); the other land figures in the pages."""
import streamlit as st

from ui import charts, data, link, prep, show, state
from ui import format as fmt
from ui.i18n import formula_label, t, tooltip_titles, unit_label

state.ensure_routed()
lang = state.lang()
st.title(t("nav_land", lang))
view = show.view_choice("land")
controls = st.container()  # the chart/table switch, drawn after the chart so the chart arrives first

land = data.values(themes=["land"], preferred_only=True)
# two tabs, only the open one drawn (a switch reruns the page)
sections = {"idle": t("land_tab_idle", lang), "other": t("other_land", lang)}
section, tab = link.bound_tabs("tab", list(sections), sections.get, key="land_tab", notice=show.notice)
with tab:
    if section == "idle":
        idle = prep.chart_points(land[land["indicator"].isin(["idle_land_total", "idle_land_disposed"])], lang)
        idle["category_name"] = idle["indicator_name"]
        derived = data.derived_values().set_index("indicator").loc["idle_land_disposal_rate_derived"]
        formula = formula_label(derived["formula"], dict(zip(land["indicator"], land[f"indicator_{lang}"])))
        show.chart_block(charts.bars, idle, unit_label("亩", lang), tooltip_titles(lang), shown=idle,
                         name="idle-land", view=view,
                         caption=t("land_caption", lang, formula=formula, docs=", ".join(sorted(set(idle["doc"])))))
        rate = land[land["indicator"] == "idle_land_disposal_rate"].iloc[0]
        c1, c2 = st.columns(2)
        c1.metric(t("land_published", lang), fmt.number(rate["value_num"], "%", lang), border=True,
                  help=f"{rate['doc']}: {rate['quote']}")
        c2.metric(t("land_derived", lang), f"{derived['value_base']:.2f}%", border=True,
                  help=f"{formula} ({derived['inputs']})")
    else:
        show.table(prep.table(land, lang))
        st.download_button(t("download_csv", lang), prep.csv_bytes(prep.table(land, lang)),
                           file_name="loudi-land.csv", mime="text/csv")

with controls:  # the chart/table switch only where the open tab has a chart
    if section == "idle":
        show.view_switch("land")

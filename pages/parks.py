"""Parks, in the configured tabs: provincial ranking movement; 2022 ranks and places gained; revenue,
exports and tax. Each park with its host county."""
import streamlit as st

from ui import bind, charts, config, data, nav, prep, show, state
from ui.i18n import t, tooltip_titles, unit_label

nav.ensure_routed()
cfg = config.get().parks
lang, county = state.lang(), state.county()
st.title(t("nav_parks", lang))
view = show.view_choice("parks")
controls = st.container()  # the chart/table switch, drawn after the first chart so that chart arrives first

park_values = data.values(themes=[cfg.theme], preferred_only=True)
if county:  # parks hosted by the county, and the city-wide figures
    park_values = park_values[(park_values["county"] == county) | (park_values["level"] != "park")]
park_values["host"] = park_values["host_county"].map(data.regions().set_index("code")[f"name_{lang}"])
ranks = prep.rank_points(park_values[park_values["base_unit"] == "rank"], lang)


def draw_rank() -> None:
    provincial = ranks[ranks["indicator"] == cfg.rank]
    show.chart_block(charts.ranks, provincial, t("col_rank", lang), tooltip_titles(lang), shown=provincial,
                     name="park-provincial-rank", view=view,
                     caption=t("rank_caption", lang, docs=", ".join(sorted(set(provincial["doc"])))))


def draw_2022() -> None:
    gained = prep.chart_points(park_values[park_values["indicator"] == cfg.gained], lang)
    if len(gained):
        st.subheader(t("places_gained", lang))
        gained["category_name"] = gained["region_name"] + " (" + gained["host"].fillna("") + ")"
        show.chart_block(charts.bars, gained, unit_label("个名次", lang), tooltip_titles(lang), shown=gained,
                         name="park-places-gained", view=view,
                         caption=t("source_card", lang, docs=", ".join(sorted(set(gained["doc"])))))
    st.subheader(t("other_ranks", lang))
    show.table(prep.rank_table(ranks[ranks["indicator"] != cfg.rank], lang))


def draw_money() -> None:
    show.table(prep.table(park_values[park_values["base_unit"].isin(cfg.money_units)], lang, host=True))
    st.download_button(t("download_csv_all_parks", lang), prep.csv_bytes(prep.table(park_values, lang, host=True)),
                       file_name="loudi-parks.csv", mime="text/csv")


# tabs as configured, only the open one drawn (a switch reruns the page): one chart per visit
draw = {"rank": draw_rank, "2022": draw_2022, "money": draw_money}
section, tab = bind.tabs("tab", list(cfg.tabs), lambda s: t(f"parks_tab_{s}", lang), key="parks_tab",
                         notice=show.notice)
with tab:
    draw[section]()

with controls:  # the chart/table switch only where the open tab has a chart
    if section in ("rank", "2022"):
        show.view_switch("parks")

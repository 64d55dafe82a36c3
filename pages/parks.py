"""Parks, in three tabs: provincial ranking movement; 2022 ranks and places gained; revenue, exports and
tax. Each park with its host county."""
import streamlit as st

from ui import charts, data, link, prep, show, state
from ui import format as fmt
from ui.i18n import t, tooltip_titles, unit_label

state.ensure_routed()
lang, county = state.lang(), state.county()
st.title(t("nav_parks", lang))
view = show.view_choice("parks")
controls = st.container()  # the chart/table switch, drawn after the first chart so that chart arrives first

park_values = data.values(themes=["park"], preferred_only=True)
if county:  # parks hosted by the county, and the city-wide figures
    park_values = park_values[(park_values["county"] == county) | (park_values["level"] != "park")]
region_names = data.regions().set_index("code")[f"name_{lang}"]
park_values["host"] = park_values["host_county"].map(region_names)

ranks = prep.chart_points(park_values[park_values["base_unit"] == "rank"], lang)
ranks["rank"] = ranks["value_base"]
ranks["label"] = [fmt.rank(v, o, lang) for v, o in zip(ranks["value_base"], ranks["out_of"])]

# three tabs, only the open one drawn (a switch reruns the page): one chart per visit
sections = {"rank": t("parks_tab_rank", lang), "2022": t("parks_tab_2022", lang), "money": t("park_money", lang)}
section, tab = link.bound_tabs("tab", list(sections), sections.get, key="parks_tab", notice=show.notice)
with tab:
    if section == "rank":
        provincial = ranks[ranks["indicator"] == "park_provincial_rank"]
        show.chart_block(charts.ranks, provincial, t("col_rank", lang), tooltip_titles(lang), shown=provincial,
                         name="park-provincial-rank", view=view,
                         caption=t("rank_caption", lang, docs=", ".join(sorted(set(provincial["doc"])))))
    elif section == "2022":
        gained = prep.chart_points(park_values[park_values["indicator"] == "park_rank_places_gained"], lang)
        if len(gained):
            st.subheader(t("places_gained", lang))
            gained["category_name"] = gained["region_name"] + " (" + gained["host"].fillna("") + ")"
            show.chart_block(charts.bars, gained, unit_label("个名次", lang), tooltip_titles(lang), shown=gained,
                             name="park-places-gained", view=view,
                             caption=t("source_card", lang, docs=", ".join(sorted(set(gained["doc"])))))
        st.subheader(t("other_ranks", lang))
        show.table(prep.rank_table(ranks[ranks["indicator"] != "park_provincial_rank"], lang))
    else:
        money = park_values[park_values["base_unit"].isin(["yuan", "percent", "yuan_per_mu"])]
        show.table(prep.table(money, lang, host=True))
        st.download_button(t("download_csv_all_parks", lang),
                           prep.csv_bytes(prep.table(park_values, lang, host=True)),
                           file_name="loudi-parks.csv", mime="text/csv")

with controls:  # the chart/table switch only where the open tab has a chart
    if section in ("rank", "2022"):
        show.view_switch("parks")

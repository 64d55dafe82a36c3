"""Parks: provincial ranking movement, 2022 ranks and places gained, revenue, exports and tax."""
import streamlit as st

from ui import charts, data, prep, state
from ui import format as fmt
from ui.i18n import t, unit_label

lang, county = state.lang(), state.county()
st.title(t("nav_parks", lang))

park_values = data.values(themes=["park"], preferred_only=True)
if county:
    park_values = park_values[(park_values["county"] == county) | (park_values["level"] != "park")]
ranks = prep.chart_points(park_values[park_values["base_unit"] == "rank"], lang)
ranks["rank"] = ranks["value_base"]
ranks["label"] = [fmt.rank(v, o, lang) for v, o in zip(ranks["value_base"], ranks["out_of"])]
provincial = ranks[ranks["indicator"] == "park_provincial_rank"]
st.subheader(data.indicators().set_index("code").loc["park_provincial_rank", f"name_{lang}"])
st.altair_chart(charts.ranks(provincial, t("col_rank", lang)), width="stretch")
st.caption(t("rank_caption", lang, docs=", ".join(sorted(set(provincial["doc"])))))

st.subheader(t("places_gained", lang))
gained = prep.chart_points(park_values[park_values["indicator"] == "park_rank_places_gained"], lang)
gained["category_name"] = gained["region_name"]
if len(gained):
    st.altair_chart(charts.bars(gained, unit_label("个名次", lang)), width="stretch")

other_ranks = ranks[ranks["indicator"] != "park_provincial_rank"]
st.dataframe(other_ranks.assign(**{t("col_indicator", lang): other_ranks["indicator_name"],
                                   t("col_region", lang): other_ranks["region_name"],
                                   t("col_rank", lang): other_ranks["label"],
                                   t("col_period", lang): other_ranks["period"]})[
    [t("col_region", lang), t("col_indicator", lang), t("col_rank", lang), t("col_period", lang)]],
    hide_index=True, width="stretch")

st.subheader(t("park_money", lang))
money = park_values[park_values["base_unit"].isin(["yuan", "percent", "yuan_per_mu"])]
st.dataframe(prep.table(money, lang), hide_index=True, width="stretch")
st.download_button(t("download_csv", lang), prep.csv_bytes(prep.table(park_values, lang)),
                   file_name="loudi-parks.csv", mime="text/csv")

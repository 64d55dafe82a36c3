"""Land: 三类土地 total, disposed and rate, the rate recomputed as derived, other land figures."""
import streamlit as st

from ui import charts, data, prep, state
from ui import format as fmt
from ui.i18n import t, unit_label

lang = state.lang()
st.title(t("nav_land", lang))

land = data.values(themes=["land"], preferred_only=True)
idle = prep.chart_points(land[land["indicator"].isin(["idle_land_total", "idle_land_disposed"])], lang)
idle["category_name"] = idle["indicator_name"]
st.altair_chart(charts.bars(idle, unit_label("亩", lang)), width="stretch")

rate = land[land["indicator"] == "idle_land_disposal_rate"]
derived = data.derived_values()
derived = derived[derived["indicator"] == "idle_land_disposal_rate_derived"]
c1, c2 = st.columns(2)
if len(rate):
    c1.metric(t("land_published", lang), fmt.number(rate["value_num"].iloc[0], "%", lang), border=True,
              help=f"{rate['doc'].iloc[0]}: {rate['quote'].iloc[0]}")
if len(derived):
    c2.metric(t("land_derived", lang), f"{derived['value_base'].iloc[0]:.2f}%", border=True,
              help=f"{derived['formula'].iloc[0]} ({derived['inputs'].iloc[0]})")
    st.caption(t("land_caption", lang, formula=derived["formula"].iloc[0], docs=", ".join(sorted(set(idle["doc"])))))

st.subheader(t("other_land", lang))
st.dataframe(prep.table(land, lang), hide_index=True, width="stretch")
st.download_button(t("download_csv", lang), prep.csv_bytes(prep.table(land, lang)),
                   file_name="loudi-land.csv", mime="text/csv")

"""Every published fact with its quote, filterable, sortable and downloadable."""
import streamlit as st

from ui import data, prep, state
from ui.i18n import t

lang, county = state.lang(), state.county()
st.title(t("facts", lang))

facts = data.values(counties=[county] if county else None)
everything = data.values()
cols = st.columns(5)
levels = cols[0].multiselect(t("level", lang), sorted(everything["level"].unique()), key="ex_level")
themes = cols[1].multiselect(t("theme", lang), sorted(everything["theme"].unique()), key="ex_theme")
names = dict(zip(everything["indicator"], everything[f"indicator_{lang}"]))
chosen = cols[2].multiselect(t("indicators", lang), sorted(names), key="ex_ind", format_func=names.get)
years = cols[3].multiselect(t("year", lang), sorted(everything["year"].unique()), key="ex_year")
docs = cols[4].multiselect(t("page", lang), sorted(everything["doc"].unique()), key="ex_doc")
for column, picked in (("level", levels), ("theme", themes), ("indicator", chosen), ("year", years), ("doc", docs)):
    if picked:
        facts = facts[facts[column].isin(picked)]

st.caption(t("facts_caption", lang, n=len(facts)))
shown = prep.table(facts, lang)
st.dataframe(shown, hide_index=True, width="stretch")
c1, c2 = st.columns(2)
c1.download_button(t("download_csv", lang), prep.csv_bytes(shown), file_name="loudi-facts-shown.csv", mime="text/csv")
c2.download_button(t("download_all", lang), prep.csv_bytes(everything), file_name="loudi-facts-all.csv", mime="text/csv")

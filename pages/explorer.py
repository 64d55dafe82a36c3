"""Every published fact with its quote, filtered by the shared county filter."""
import streamlit as st

from ui import data
from ui.i18n import t

lang = st.session_state.get("lang", "zh")
county = st.session_state.get("county") or ""
facts = data.values((county,) if county else ())

st.title(t("facts", lang))
st.caption(t("facts_caption", lang, n=len(facts)))
columns = {
    f"region_{lang}": t("col_region", lang), f"indicator_{lang}": t("col_indicator", lang),
    "period": t("col_period", lang), "value": t("col_value", lang), "unit": t("col_unit", lang),
    "qualifier": t("col_qualifier", lang), "quote": t("col_quote", lang), "doc": t("col_doc", lang),
}
st.dataframe(facts[list(columns)].rename(columns=columns), hide_index=True, width="stretch")

"""Sources: the register, facts per page, conflicts, coverage and a note on method."""
import streamlit as st

from ui import data, state
from ui.i18n import t

lang = state.lang()
st.title(t("nav_sources", lang))

st.subheader(t("register", lang))
register = data.sources()
counts = data.values().groupby("doc").size().rename("facts")
st.dataframe(register.join(counts, on="doc").drop(columns=["sha256"]), hide_index=True, width="stretch")

st.subheader(t("conflicts", lang))
conflicts = data.conflicts()
st.dataframe(conflicts.assign(**{t("col_used", lang): conflicts["is_preferred"].map({True: t("yes", lang), False: t("no", lang)})})[
    ["region", "indicator", "period", "doc", "value", "unit", t("col_used", lang), "rule", "reason", "quote"]],
    hide_index=True, width="stretch")

st.subheader(t("coverage", lang))
cov = data.coverage()
st.caption(t("coverage_caption", lang, numbers=cov["numbers"].sum(), facts=cov["in_facts"].sum(),
             skipped=cov["skipped"].sum(), uncovered=cov["uncovered"].sum()))
st.dataframe(cov, hide_index=True, width="stretch")

st.subheader(t("method", lang))
st.markdown(t("method_text", lang))

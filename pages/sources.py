"""Sources: each page's register entry and facts, the conflicts, coverage and a note on method."""
import streamlit as st

from ui import data, nav, prep, review, state
from ui.i18n import t

nav.ensure_routed()
lang = state.lang()
st.title(t("nav_sources", lang))

sources = data.sources()
st.subheader(t("pages_table", lang))
for src in sources[sources["status"] == "pending"].itertuples():  # the few pages waiting for a reviewer
    st.info(t("pending_caption", lang, pending=src.candidates_pending, held=src.candidates_held_back,
              accepted=src.candidates_accepted, rejected=src.candidates_rejected, doc=src.doc))
# one searchable, scrolling table of every page with its facts count; a page's details only when picked
st.dataframe(prep.review_status_table(sources, lang), hide_index=True, width="stretch", height=320)
st.subheader(t("register", lang))
headlines = dict(zip(sources["doc"], sources["headlines"].str.split(" | ", regex=False).str[0]))
doc = st.selectbox(t("source_pick", lang), list(headlines), index=None, key="sources_doc",
                   placeholder=t("source_none", lang), format_func=lambda d: f"{d} · {headlines[d]}")
coverage = data.coverage().set_index("doc")
if doc:
    src = sources.set_index("doc").loc[doc]
    cov = coverage.loc[doc]
    st.markdown(prep.register_entry(src, data.regions(), lang))
    st.caption(t("coverage_caption", lang, numbers=cov["numbers"], facts=cov["in_facts"],
                 skipped=cov["skipped"], uncovered=cov["uncovered"]))
    st.dataframe(prep.table(data.values(docs=[doc]), lang), hide_index=True, width="stretch")
st.subheader(t("conflicts", lang))
conflicts = data.conflicts()
st.dataframe(prep.conflict_table(conflicts, lang), hide_index=True, width="stretch")

st.subheader(t("coverage", lang))
st.caption(t("coverage_caption", lang, numbers=coverage["numbers"].sum(), facts=coverage["in_facts"].sum(),
             skipped=coverage["skipped"].sum(), uncovered=coverage["uncovered"].sum()))

st.subheader(t("audit", lang))  # data/audit.csv: who accepted, rejected or edited which candidate
log, total = review.audit_log(1)
if not total:
    st.caption(t("audit_none", lang))
else:
    st.caption(t("audit_caption", lang, n=total))
    pages = -(-total // review.AUDIT_PAGE)
    if pages > 1:
        page = st.number_input(t("audit_page", lang, size=review.AUDIT_PAGE), 1, pages, 1, key="audit_page")
        log, total = review.audit_log(int(page))
    st.dataframe(log.rename(columns={c: t(f"col_audit_{c}", lang) for c in log.columns}), hide_index=True,
                 width="stretch")
    st.download_button(t("audit_download", lang), review.audit_csv, file_name="audit.csv", mime="text/csv",
                       key="audit_download")

st.subheader(t("method", lang))
st.markdown(t("method_text", lang))

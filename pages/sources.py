"""Sources: each page's register entry and facts, the conflicts, coverage and a note on method."""
import streamlit as st

from ui import data, nav, prep, review, show, state
from ui.i18n import t

nav.ensure_routed()
lang = state.lang()
st.title(t("nav_sources", lang))

sources = data.sources()
st.subheader(t("pages_table", lang))
show.table(prep.review_status_table(sources, lang))

st.subheader(t("register", lang))
facts = data.values()
coverage = data.coverage().set_index("doc")
regions = data.regions().set_index("code")[f"name_{lang}"]
for src in sources.itertuples():
    page_facts = facts[facts["doc"] == src.doc]
    cov = coverage.loc[src.doc]
    status = t(f"status_{src.status}", lang)
    with st.expander(f"{src.doc} · {src.headlines.split(' | ')[0]} · {status} · {len(page_facts)} {t('facts_word', lang)}"):
        if src.status == "pending":
            st.info(t("pending_caption", lang, pending=src.candidates_pending, held=src.candidates_held_back,
                      accepted=src.candidates_accepted, rejected=src.candidates_rejected, doc=src.doc))
        st.markdown(t("register_entry", lang, file=src.file, newspaper=src.newspaper or "—", page=src.page or "—",
                      printed=src.date_printed or "—", inferred=src.date_inferred,
                      basis=getattr(src, f"date_basis_{lang}"), region=regions.get(src.subject_region, src.subject_region),
                      unknown=getattr(src, f"unknown_{lang}")))
        st.caption(t("coverage_caption", lang, numbers=cov["numbers"], facts=cov["in_facts"],
                     skipped=cov["skipped"], uncovered=cov["uncovered"]))
        st.dataframe(prep.table(page_facts, lang), hide_index=True, width="stretch")

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

"""Review (only when the app is started with LOUDI_REVIEW=1): a page's candidate facts with accept / reject /
edit, written back to data/review/DOC.csv, then accepted into the catalogue and the database rebuilt. Only for
a signed-in reviewer (ui/review.py: sign_in)."""
import streamlit as st

from ui import nav, review, state
from ui.i18n import t

nav.ensure_routed()
lang = state.lang()
st.title(t("nav_review", lang))
st.caption(t("review_intro", lang))
review.show_outcome()
if not review.sign_in(lang):  # a signed-in reviewer only (or this machine only): see ui/review.py
    st.stop()

docs = review.docs()
if not docs:
    st.info(t("review_none", lang))
    st.stop()
doc = st.selectbox(t("review_doc", lang), docs, key="review_doc")
rows = review.rows(doc)
st.caption(t("review_counts", lang, **review.counts(rows)))

threshold = st.slider(t("review_threshold", lang), 0.0, 1.0, 0.8, 0.05, key="review_threshold")
st.button(t("review_bulk", lang), key="review_bulk", on_click=review.bulk_accept, args=(doc, threshold))

st.data_editor(rows, key=review.editor_key(doc), hide_index=True, width="stretch",
               height=min(520, 38 * (len(rows) + 1) + 3), **review.editor_options(rows))

save, run = st.columns(2)
save.button(t("review_save", lang), key="review_save", on_click=review.save, args=(doc,))
run.button(t("review_accept", lang), key="review_accept", type="primary", on_click=review.accept_and_rebuild,
           args=(doc,))

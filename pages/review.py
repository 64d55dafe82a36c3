"""Review (only when the app is started with LOUDI_REVIEW=1): a page's candidate facts with accept / reject /
edit, written back to data/review/DOC.csv, then accepted into the catalogue and the database rebuilt."""
import streamlit as st

from etl.core import catalog
from ui import data, review, state
from ui.i18n import t

# what a reviewer reads first: the number, its sentence, then the proposed fields
ORDER = ["candidate_id", "decision", "value", "unit", "quote", "region", "region_zh", "indicator", "indicator_zh",
         "is_new_indicator", "indicator_en", "theme", "period", "qualifier", "out_of", "confidence", "hold_back",
         "notes"]
EDITABLE = ["decision", "region", "region_zh", "indicator", "indicator_zh", "indicator_en", "theme", "is_new_indicator",
            "period", "value", "unit", "qualifier", "out_of"]

state.ensure_routed()
lang = state.lang()
st.title(t("nav_review", lang))
st.caption(t("review_intro", lang))
review.show_outcome()

docs = data.review_docs()
if not docs:
    st.info(t("review_none", lang))
    st.stop()
doc = st.selectbox(t("review_doc", lang), docs, key="review_doc")
rows = data.review_rows(doc)
decisions = rows["decision"].str.strip().str.lower()
held = rows["hold_back"].str.strip() != ""
st.caption(t("review_counts", lang, rows=len(rows), accepted=(decisions == "accept").sum(),
             rejected=(decisions == "reject").sum(), held=((decisions == "") & held).sum(),
             pending=((decisions == "") & ~held).sum()))

threshold = st.slider(t("review_threshold", lang), 0.0, 1.0, 0.8, 0.05, key="review_threshold")
st.button(t("review_bulk", lang), key="review_bulk", on_click=review.bulk_accept, args=(doc, threshold))

st.data_editor(
    rows, key=review.editor_key(doc), hide_index=True, width="stretch", height=min(520, 38 * (len(rows) + 1) + 3),
    column_order=[c for c in ORDER if c in rows] + [c for c in rows if c not in ORDER],
    disabled=[c for c in rows.columns if c not in EDITABLE],
    column_config={
        "decision": st.column_config.SelectboxColumn(options=["accept", "reject"], width="small"),  # empty: undecided
        "theme": st.column_config.SelectboxColumn(options=[""] + sorted(catalog.THEMES)),
        "quote": st.column_config.TextColumn(width="large"),
    })

save, run = st.columns(2)
save.button(t("review_save", lang), key="review_save", on_click=review.save, args=(doc,))
run.button(t("review_accept", lang), key="review_accept", type="primary", on_click=review.accept_and_rebuild,
           args=(doc,))

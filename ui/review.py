"""The review page's actions (LOUDI_REVIEW=1 only), run as button callbacks before the page is drawn, so
their outcome survives any rerun; the page shows the outcome kept in ``st.session_state[OUTCOME]``."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from etl import accept, build
from etl.core import catalog
from ui import data, state
from ui.i18n import t

OUTCOME = "review_outcome"  # (kind, text): kind is success, warning or error


def editor_key(doc: str) -> str:
    return f"review_editor_{doc}"


def with_edits(doc: str, rows: pd.DataFrame) -> pd.DataFrame:
    """The review rows with the reviewer's pending edits in the data editor applied."""
    edits = st.session_state.get(editor_key(doc)) or {}
    rows = rows.copy()
    for index, changes in (edits.get("edited_rows") or {}).items():
        for column, value in changes.items():
            rows.at[int(index), column] = "" if value is None else str(value)
    return rows


def bulk_accept(doc: str, threshold: float) -> None:
    """Mark accept every undecided, not held-back row at or above the confidence threshold; save."""
    rows = with_edits(doc, data.review_rows(doc))
    undecided = rows["decision"].fillna("").str.strip() == ""
    held = rows["hold_back"].fillna("").str.strip() != ""
    confident = pd.to_numeric(rows["confidence"], errors="coerce").fillna(0) >= threshold
    chosen = undecided & ~held & confident
    rows.loc[chosen, "decision"] = "accept"
    data.save_review(doc, rows)
    st.session_state.pop(editor_key(doc), None)
    st.session_state[OUTCOME] = ("success", t("review_bulk_done", state.lang(), n=int(chosen.sum())))


def save(doc: str) -> None:
    path = data.save_review(doc, with_edits(doc, data.review_rows(doc)))
    st.session_state.pop(editor_key(doc), None)
    st.session_state[OUTCOME] = ("success", t("review_saved", state.lang(), path=path))


def accept_and_rebuild(doc: str) -> None:
    """Save the edits, move the decided rows into the catalogue, rebuild the database."""
    lang = state.lang()
    save(doc)
    try:
        result = data.accept_review(doc)
    except accept.AcceptError as exc:
        st.session_state[OUTCOME] = ("error", t("review_failed", lang) + "\n\n"
                                     + "\n".join(f"- {p}" for p in exc.problems))
        return
    try:
        summary = data.rebuild()
    except (catalog.CatalogError, build.BuildError) as exc:
        st.session_state[OUTCOME] = ("warning", t("review_not_built", lang) + "\n\n"
                                     + "\n".join(f"- {line}" for line in str(exc).splitlines()) + f"\n\n{result}")
        return
    st.session_state[OUTCOME] = ("success", t("review_built", lang) + f"\n\n```\n{result}\n\n{summary}\n```")


def show_outcome() -> None:
    """The last action's outcome, once."""
    outcome = st.session_state.pop(OUTCOME, None)
    if outcome:
        kind, message = outcome
        getattr(st, kind)(message)

"""The review page (LOUDI_REVIEW=1 only): reading and writing data/review/DOC.csv, accepting the decided
rows into the catalogue and rebuilding the database. The actions run as button callbacks before the page
is drawn, so their outcome survives any rerun; the page shows the outcome kept in
``st.session_state[OUTCOME]``."""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import streamlit as st

from etl import accept, build
from etl.core import catalog
from etl.core.paths import DATA
from etl.core.review import REVIEW_COLUMNS, load_review, review_docs, save_review
from etl.core.vocab import THEMES
from ui import data, state
from ui.i18n import t

OUTCOME = "review_outcome"  # (kind, text): kind is success, warning or error
# what a reviewer reads first: the number, its sentence, then the proposed fields
ORDER = ["candidate_id", "decision", "value", "unit", "quote", "region", "region_zh", "indicator", "indicator_zh",
         "is_new_indicator", "indicator_en", "theme", "period", "qualifier", "out_of", "confidence", "hold_back",
         "notes"]
EDITABLE = ["decision", "region", "region_zh", "indicator", "indicator_zh", "indicator_en", "theme", "is_new_indicator",
            "period", "value", "unit", "qualifier", "out_of"]


def data_dir() -> Path:
    """The catalogue the review page edits: $LOUDI_DATA, else data/ (the shared dashboard never writes it)."""
    return Path(os.environ.get("LOUDI_DATA", DATA))


# --- The review file -------------------------------------------------------------------------------------

def docs() -> list[str]:
    """The pages with a review file."""
    return review_docs(data_dir())


def rows(doc: str) -> pd.DataFrame:
    """The candidates of a page's review file, every column as text."""
    found = pd.DataFrame(load_review(doc, data_dir()), dtype=object)
    if found.empty:
        found = pd.DataFrame(columns=REVIEW_COLUMNS, dtype=object)
    for column in ("indicator_en", "theme"):  # a new indicator needs them before accept
        if column not in found:
            found[column] = ""
    return found


def counts(rows: pd.DataFrame) -> dict[str, int]:
    """Rows in the file: decided accept / reject, undecided and held back, undecided (pending)."""
    decisions = rows["decision"].fillna("").str.strip().str.lower()
    held = rows["hold_back"].fillna("").str.strip() != ""
    return {"rows": len(rows), "accepted": int((decisions == "accept").sum()),
            "rejected": int((decisions == "reject").sum()), "held": int(((decisions == "") & held).sum()),
            "pending": int(((decisions == "") & ~held).sum())}


def editor_options(rows: pd.DataFrame) -> dict:
    """The data editor's column order, read-only columns and column types."""
    return {
        "column_order": [c for c in ORDER if c in rows] + [c for c in rows if c not in ORDER],
        "disabled": [c for c in rows.columns if c not in EDITABLE],
        "column_config": {
            "decision": st.column_config.SelectboxColumn(options=["accept", "reject"], width="small"),  # empty: undecided
            "theme": st.column_config.SelectboxColumn(options=[""] + sorted(THEMES)),
            "quote": st.column_config.TextColumn(width="large"),
        },
    }


def _save(doc: str, edited: pd.DataFrame) -> Path:
    return save_review(doc, edited.fillna("").astype(str).to_dict("records"), data_dir())


# --- The actions (button callbacks) ----------------------------------------------------------------------

def editor_key(doc: str) -> str:
    return f"review_editor_{doc}"


def with_edits(doc: str, found: pd.DataFrame) -> pd.DataFrame:
    """The review rows with the reviewer's pending edits in the data editor applied."""
    edits = st.session_state.get(editor_key(doc)) or {}
    found = found.copy()
    for index, changes in (edits.get("edited_rows") or {}).items():
        for column, value in changes.items():
            found.at[int(index), column] = "" if value is None else str(value)
    return found


def bulk_accept(doc: str, threshold: float) -> None:
    """Mark accept every undecided, not held-back row at or above the confidence threshold; save."""
    edited = with_edits(doc, rows(doc))
    undecided = edited["decision"].fillna("").str.strip() == ""
    held = edited["hold_back"].fillna("").str.strip() != ""
    confident = pd.to_numeric(edited["confidence"], errors="coerce").fillna(0) >= threshold
    chosen = undecided & ~held & confident
    edited.loc[chosen, "decision"] = "accept"
    _save(doc, edited)
    st.session_state.pop(editor_key(doc), None)
    st.session_state[OUTCOME] = ("success", t("review_bulk_done", state.lang(), n=int(chosen.sum())))


def save(doc: str) -> None:
    path = _save(doc, with_edits(doc, rows(doc)))
    st.session_state.pop(editor_key(doc), None)
    st.session_state[OUTCOME] = ("success", t("review_saved", state.lang(), path=path))


def accept_and_rebuild(doc: str) -> None:
    """Save the edits, move the decided rows into the catalogue, rebuild the database (the caches follow
    its mtime). On a failure nothing is moved, or the previous database stays."""
    lang = state.lang()
    save(doc)
    try:
        result = accept.accept(doc, data_dir())
    except accept.AcceptError as exc:
        st.session_state[OUTCOME] = ("error", t("review_failed", lang) + "\n\n"
                                     + "\n".join(f"- {p}" for p in exc.problems))
        return
    try:
        summary = build.build(data.db_path(), data_dir())
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

"""The review page (LOUDI_REVIEW=1 only): reading and writing data/review/DOC.csv, accepting the decided
rows into the catalogue and rebuilding the database. The actions run as button callbacks before the page
is drawn, so their outcome survives any rerun; the page shows the outcome kept in
``st.session_state[OUTCOME]``.

The page edits data, so a visitor must be a signed-in reviewer (:func:`sign_in`): through ``st.login`` when
``.streamlit/secrets.toml`` configures an OIDC provider (``[auth]``; the reviewers' e-mail addresses in
``[review] reviewers``), else with the reviewer password (``[review] password_sha256``, the sha256 of it in
hex), else only on this machine: the server listens on a loopback address and the visitor comes from it.
Each action checks it again. Accept and rebuild hold the catalogue's lock (etl.core.lock), and accept
records the reviewer in data/audit.csv. The sources page shows that audit (:func:`audit_log`).
"""
from __future__ import annotations

import hashlib
import hmac
import ipaddress
import os
from pathlib import Path
from urllib.parse import urlsplit

import duckdb
import pandas as pd
import streamlit as st

from etl import accept, build
from etl.core import audit, catalog, lock
from etl.core.paths import DATA
from etl.core.review import REVIEW_COLUMNS, keep_proposed, load_review, review_docs, save_review
from etl.core.vocab import THEMES
from etl.db import queries
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
    """The candidates of a page's review file, every column as text (the file as proposed is kept first, for
    the audit of edits: etl.core.review.keep_proposed)."""
    keep_proposed(doc, data_dir())
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
    with lock.held(data_dir(), f"review page: save {doc}", who=reviewer() or ""):
        return save_review(doc, edited.fillna("").astype(str).to_dict("records"), data_dir())


# --- Who may review -----------------------------------------------------------------------------------------

SIGNED_IN = "review_signed_in"  # session state: the reviewer's name after the password was right
LOCAL_NAMES = {"localhost", "127.0.0.1", "::1"}


def _secrets(section: str) -> dict:
    """A section of .streamlit/secrets.toml, {} when there is none (or no secrets file at all)."""
    try:
        value = st.secrets.get(section)
    except Exception:  # no secrets file: Streamlit raises on reading one that is absent or broken
        return {}
    return dict(value) if value else {}


def oidc_configured() -> bool:
    """True when secrets.toml has an [auth] section: reviewers sign in through st.login."""
    return bool(_secrets("auth"))


def password_sha256() -> str:
    return str(_secrets("review").get("password_sha256", "")).strip().lower()


def password_ok(password: str) -> bool:
    """The password's sha256 is the configured one (compared in constant time)."""
    expected = password_sha256()
    given = hashlib.sha256(password.encode("utf-8")).hexdigest()
    return bool(expected) and hmac.compare_digest(given, expected)


def _loopback(name: str | None) -> bool:
    if not name:
        return False
    if name.lower() in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(name.strip("[]")).is_loopback
    except ValueError:
        return False


def not_local() -> str:
    """'' when the server is reachable only from this machine and the visitor comes from it, else why not:
    the ``server.address`` option (unset means every address), the address the browser used (Host header),
    the visitor's address."""
    address = st.get_option("server.address")
    if address and not _loopback(address):
        return f"server.address = {address}"
    host = st.context.headers.get("host") if st.context.headers else None
    if isinstance(host, str) and host and not _loopback(urlsplit(f"//{host}").hostname):
        return f"Host: {host}"
    ip = st.context.ip_address  # None through localhost (and not a str in AppTest, which has no connection)
    if isinstance(ip, str) and ip and not _loopback(ip):
        return f"client {ip}"
    return ""


def reviewer() -> str | None:
    """The reviewer of this session, or None when the visitor may not review (draws nothing)."""
    if oidc_configured():
        if not st.user.get("is_logged_in"):
            return None
        email = str(st.user.get("email") or "").strip().lower()
        allowed = {str(a).strip().lower() for a in _secrets("review").get("reviewers", [])}
        return email if email and email in allowed else None
    if password_sha256():
        return st.session_state.get(SIGNED_IN) or None
    return audit.reviewer(None) if not not_local() else None


def sign_in_with_password() -> None:
    """Button callback: the password field against [review] password_sha256; the password is not kept."""
    password = st.session_state.get("review_password") or ""
    st.session_state["review_password"] = ""
    name = (st.session_state.get("review_name") or "").strip()
    if password_ok(password):
        st.session_state[SIGNED_IN] = name or audit.reviewer(None)
    else:
        st.session_state[OUTCOME] = ("error", t("review_wrong_password", state.lang()))


def sign_out() -> None:
    st.session_state.pop(SIGNED_IN, None)


def sign_in(lang: str) -> str | None:
    """The reviewer, or None after drawing what the visitor needs instead of the review page: the sign-in
    (provider or password) or the refusal. The page stops then."""
    who = reviewer()
    if who:
        left, right = st.columns([4, 1])
        left.caption(t("review_signed_in_as", lang, who=who))
        if oidc_configured():
            if right.button(t("review_sign_out", lang), key="review_sign_out"):
                st.logout()
        elif password_sha256():
            right.button(t("review_sign_out", lang), key="review_sign_out", on_click=sign_out)
        return who
    if oidc_configured():
        if st.user.get("is_logged_in"):
            st.error(t("review_not_a_reviewer", lang, who=st.user.get("email") or "?"))
            if st.button(t("review_sign_out", lang), key="review_sign_out"):
                st.logout()
        else:
            st.info(t("review_sign_in_oidc", lang))
            if st.button(t("review_sign_in", lang), key="review_sign_in", type="primary"):
                st.login(_secrets("review").get("provider") or None)
        return None
    if password_sha256():
        st.info(t("review_sign_in_password", lang))
        st.text_input(t("review_name", lang), key="review_name")
        st.text_input(t("review_password", lang), type="password", key="review_password")
        st.button(t("review_sign_in", lang), key="review_sign_in", type="primary", on_click=sign_in_with_password)
        return None
    st.error(t("review_refused", lang, why=not_local()))
    return None


def _refused(lang: str) -> bool:
    """In an action: True (and the refusal as its outcome) when this session may not review."""
    if reviewer():
        return False
    st.session_state[OUTCOME] = ("error", t("review_refused", lang, why=not_local() or t("review_sign_in", lang)))
    return True


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
    if _refused(state.lang()):
        return
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
    if _refused(state.lang()):
        return
    path = _save(doc, with_edits(doc, rows(doc)))
    st.session_state.pop(editor_key(doc), None)
    st.session_state[OUTCOME] = ("success", t("review_saved", state.lang(), path=path))


def accept_and_rebuild(doc: str) -> None:
    """Save the edits, move the decided rows into the catalogue, rebuild the database (the caches follow
    its mtime). On a failure nothing is moved, or the previous database stays."""
    lang = state.lang()
    who = reviewer()
    if _refused(lang):
        return
    try:
        with lock.held(data_dir(), f"review page: accept {doc} and rebuild", who=who):
            _accept_and_rebuild(doc, lang, who)
    except lock.LockBusy as exc:
        st.session_state[OUTCOME] = ("error", t("review_busy", lang) + f"\n\n{exc}")


def _accept_and_rebuild(doc: str, lang: str, who: str) -> None:
    save(doc)
    try:
        result = accept.accept(doc, data_dir(), who=who)
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


# --- The audit (shown on the sources page) ------------------------------------------------------------------

AUDIT_PAGE = 200  # rows per page of the audit table


def audit_log(page: int = 1, size: int = AUDIT_PAGE) -> tuple[pd.DataFrame, int]:
    """One page of the review audit (latest first) and how many rows it has in all; none from a database
    built before the audit table existed (until the next build)."""
    db = data.db_path()
    try:
        return queries.audit(db, limit=size, offset=(max(1, page) - 1) * size), queries.audit_count(db)
    except duckdb.Error:  # no audit table (duckdb may also try a Python object of that name)
        return pd.DataFrame(columns=audit.COLUMNS), 0


def audit_csv() -> bytes:
    """The whole audit as CSV, latest first."""
    db = data.db_path()
    return queries.audit(db, limit=max(1, queries.audit_count(db)), offset=0).to_csv(index=False).encode("utf-8")

"""The shared state every page reads: language and county, set by dashboard.py from the link."""
from __future__ import annotations

import streamlit as st


def lang() -> str:
    return st.session_state.get("lang", "zh")


def county() -> str:
    return st.session_state.get("county") or ""


def name_col(lang_code: str | None = None) -> str:
    """'name_zh' or 'name_en'."""
    return f"name_{lang_code or lang()}"


def ensure_routed() -> None:
    """Run pages only through dashboard.py's navigation.

    Streamlit treats a ``pages/`` folder as an old-style multipage app until some session has called
    ``st.navigation``: a first visit straight to ``/compare`` after the server starts would run
    pages/compare.py on its own, without the shared filters. Each page calls this first; in that case it
    switches the process to ``st.navigation`` routing and reruns, so dashboard.py runs and routes.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()

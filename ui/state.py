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

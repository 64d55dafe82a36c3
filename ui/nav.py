"""The dashboard's pages and their routing through ``st.navigation`` (dashboard.py is the router)."""
from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from ui import config, data, state
from ui.i18n import t

if TYPE_CHECKING:
    from streamlit.navigation.page import StreamlitPage

# (name, file): the name is the page's path in the URL and its title's key (nav_<name>)
PAGES = [("overview", "pages/overview.py"), ("compare", "pages/compare.py"), ("parks", "pages/parks.py"),
         ("land", "pages/land.py"), ("explorer", "pages/explorer.py"), ("sources", "pages/sources.py")]
REVIEW_PAGE = ("review", "pages/review.py")  # LOUDI_REVIEW=1 only: it writes data/
FACT_PAGE = ("fact", "pages/fact.py")  # /fact?id=d001-002: reached by a fact's link, not from the page list
ROUTED = "routed"  # session state: dashboard.py's navigation has run in this session


def title(name: str, lang: str) -> str:
    """A page's title in the navigation (the compare page names its years)."""
    start, end = config.get().compare.years
    return t(f"nav_{name}", lang, start=start, end=end)


def pages(lang: str) -> list[st.Page]:
    """The shared dashboard's pages, the review page when the app was started for review, and the fact page
    (hidden from the page list: a fact's link opens it)."""
    entries = PAGES + ([REVIEW_PAGE] if data.review_mode() else [])
    after = [name for name, _ in entries].index("explorer") + 1  # beside the explorer, whose rows link to it
    entries = entries[:after] + [FACT_PAGE] + entries[after:]
    return [st.Page(file, title=title(name, lang), url_path=name, default=i == 0,
                    visibility="hidden" if name == FACT_PAGE[0] else "visible")
            for i, (name, file) in enumerate(entries)]


def route(lang: str) -> StreamlitPage:
    """The navigation (the sidebar's page list); returns the page to run."""
    page = st.navigation(pages(lang))
    st.session_state[ROUTED] = True
    return page


def ensure_routed() -> None:
    """Run pages only through dashboard.py's navigation; every page calls this first.

    Streamlit treats a ``pages/`` folder beside the entry point as an old-style multipage app until some
    session has called ``st.navigation``: a first visit straight to ``/compare`` after the server starts
    runs pages/compare.py on its own, without dashboard.py's shared filters. ``st.navigation`` is
    documented to end that ("As soon as any session of your app executes the st.navigation command, your
    app will ignore the pages/ directory (across all sessions)"), so in that case the page calls it, with
    the same pages, and reruns: the rerun runs dashboard.py, which routes to the page asked for.
    tests/browser/test_browser.py::test_deep_link_is_first_visit_after_start pins this on a fresh server.
    """
    if st.session_state.get(ROUTED):
        return
    route(state.lang())
    st.rerun()

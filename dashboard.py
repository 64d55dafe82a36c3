"""Entry point: page config, shared filters kept in the link, navigation. Pages never import this."""
import streamlit as st

from ui import data, link, show
from ui.i18n import LANGUAGES, t

st.set_page_config(page_title="娄底发展指标 · Loudi indicators", layout="wide")
data.ensure_database()

notices = st.container()  # bad link values are reported at the top of the page, not in the sidebar


def notice(problem: str) -> None:
    with notices:
        show.notice(problem)


# The shared filters' values first (from the link, then the user's picks); their widgets are drawn in the
# sidebar after the page, so the page's first chart reaches the browser before the sidebar's widgets.
browser_lang = "en" if (st.context.locale or "").lower().startswith("en") else "zh"  # when no ?lang=
lang = link.current("lang", LANGUAGES, browser_lang, key="lang", notice=notice)
counties = data.counties()
county_names = dict(zip(counties["code"], counties[f"name_{lang}"]))
county_options = [""] + list(county_names)
link.current("county", county_options, "", key="county", notice=notice)

pages = [
    st.Page("pages/overview.py", title=t("nav_overview", lang), url_path="overview", default=True),
    st.Page("pages/compare.py", title=t("nav_compare", lang), url_path="compare"),
    st.Page("pages/parks.py", title=t("nav_parks", lang), url_path="parks"),
    st.Page("pages/land.py", title=t("nav_land", lang), url_path="land"),
    st.Page("pages/explorer.py", title=t("nav_explorer", lang), url_path="explorer"),
    st.Page("pages/sources.py", title=t("nav_sources", lang), url_path="sources"),
]
if data.review_mode():  # LOUDI_REVIEW=1: the review page writes data/; the shared dashboard never has it
    pages.append(st.Page("pages/review.py", title=t("nav_review", lang), url_path="review"))
page = st.navigation(pages)
try:
    page.run()
finally:
    with st.sidebar:
        # the language always goes into the link, so a shared link shows the same language whatever the
        # reader's browser says
        link.bound(st.segmented_control, "lang", LANGUAGES, browser_lang, key="lang", notice=notice,
                   link_default="", label="语言 · Language", required=True,
                   format_func={"zh": "中文", "en": "English"}.get)
        # pills rather than a select box: six choices, one tap each, and no extra widget code for the
        # browser to fetch before the first chart
        link.bound(st.pills, "county", county_options, "", key="county", notice=notice,
                   label=t("county", lang), required=True,
                   format_func=lambda c: county_names.get(c, t("all_counties", lang)))
        show.share_box(page.url_path)

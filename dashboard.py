"""Entry point: page config, shared filters kept in the link, navigation. Pages never import this."""
import streamlit as st

from ui import bind, data, nav, show
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
lang = bind.value("lang", LANGUAGES, browser_lang, key="lang", notice=notice)
counties = data.counties()
county_names = dict(zip(counties["code"], counties[f"name_{lang}"]))
county_options = [""] + list(county_names)
bind.value("county", county_options, "", key="county", notice=notice)

page = nav.route(lang)
try:
    page.run()
finally:
    with st.sidebar:
        # the language always goes into the link, so a shared link shows the same language whatever the
        # reader's browser says
        bind.widget(st.segmented_control, "lang", LANGUAGES, browser_lang, key="lang", notice=notice,
                    link_default="", label="语言 · Language", required=True,
                    format_func={"zh": "中文", "en": "English"}.get)
        # pills rather than a select box: six choices, one tap each, and no extra widget code for the
        # browser to fetch before the first chart
        bind.widget(st.pills, "county", county_options, "", key="county", notice=notice,
                    label=t("county", lang), required=True,
                    format_func=lambda c: county_names.get(c, t("all_counties", lang)))
        show.share_box(page.url_path)

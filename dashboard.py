"""Entry point: page config, shared filters bound to the link, navigation."""
import streamlit as st

from ui import data, link
from ui.i18n import LANGUAGES, t

st.set_page_config(page_title="娄底发展指标 · Loudi indicators", layout="wide")
data.ensure_database()

# Language: ?lang=, else the browser's locale, else Chinese.
problems = []
if "lang" not in st.session_state:
    locale = (st.context.locale or "").lower()
    default_lang = "en" if locale.startswith("en") else "zh"
    st.session_state["lang"], problem = link.read_choice("lang", LANGUAGES, default_lang)
    problems.append(problem)
lang = st.session_state["lang"]

counties = data.counties()
county_names = dict(zip(counties["code"], counties[f"name_{lang}"]))
if "county" not in st.session_state:
    st.session_state["county"], problem = link.read_choice("county", county_names)
    problems.append(problem)
st.session_state.setdefault("link_problems", [p for p in problems if p])
for problem in st.session_state["link_problems"]:
    st.warning(t("bad_param", lang, problem=problem), icon="⚠️")

with st.sidebar:
    st.selectbox(t("county", lang), [""] + list(county_names), key="county",
                 format_func=lambda c: county_names.get(c, t("all_counties", lang)))
    st.segmented_control(t("language", lang), LANGUAGES, key="lang", required=True,
                         format_func={"zh": "中文", "en": "English"}.get)
link.keep("county", st.session_state["county"])
link.keep("lang", st.session_state["lang"], default="zh")

pages = [
    st.Page("pages/overview.py", title=t("nav_overview", lang), url_path="overview", default=True),
    st.Page("pages/compare.py", title=t("nav_compare", lang), url_path="compare"),
    st.Page("pages/parks.py", title=t("nav_parks", lang), url_path="parks"),
    st.Page("pages/land.py", title=t("nav_land", lang), url_path="land"),
    st.Page("pages/explorer.py", title=t("nav_explorer", lang), url_path="explorer"),
    st.Page("pages/sources.py", title=t("nav_sources", lang), url_path="sources"),
]
pg = st.navigation(pages)
pg.run()

"""Entry point: page config, shared filters bound to the link, navigation."""
import streamlit as st

from ui import data, link
from ui.i18n import t

st.set_page_config(page_title="娄底发展指标 · Loudi indicators", layout="wide")
data.ensure_database()

lang = "zh"
counties = data.counties()
county_names = dict(zip(counties["code"], counties["name_zh"]))

if "county" not in st.session_state:
    st.session_state["county"], problem = link.read_choice("county", county_names)
    if problem:
        st.warning(t("bad_param", lang, problem=problem))
st.sidebar.selectbox(t("county", lang), [""] + list(county_names), key="county",
                     format_func=lambda c: county_names.get(c, t("all_counties", lang)))
link.keep("county", st.session_state["county"])
st.session_state["lang"] = lang

pg = st.navigation([st.Page("pages/explorer.py", title=t("facts", lang), url_path="explorer", default=True)])
pg.run()

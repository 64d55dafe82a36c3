"""Entry point: page config, shared filters kept in the link, navigation. Pages never import this.

``streamlit run dashboard.py`` reads this file, finds ``app = st.App(...)`` at its end and serves that app
with its data API (ui/api.py, under /api/v1/): it imports the file as a module (``__name__ ==
"dashboard"``), which only builds the app, and then runs the file as the script of every visit
(``__name__ == "__main__"``), which draws the dashboard. One server and one command for both.
"""
import streamlit as st


def main() -> None:
    # imported here, not when the server imports this file: ui.data's caches are declared once Streamlit's
    # runtime exists (else Streamlit warns "No runtime found" at the start)
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


if __name__ == "__main__":  # a visit: Streamlit runs this file as its script
    main()
else:  # imported by `streamlit run` (or uvicorn dashboard:app) to start the server
    from ui import api

    app = st.App(__file__, routes=api.routes())

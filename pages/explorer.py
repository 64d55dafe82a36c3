"""Every published fact with its quote: filtered and paged in DuckDB (filters kept in the link), with CSVs of
the current filter and of everything made only when asked."""
import streamlit as st

from ui import bind, data, nav, prep, show, state
from ui.i18n import LEVEL_LABELS, THEME_LABELS, label_of, t

nav.ensure_routed()
lang, county = state.lang(), state.county()
st.title(t("facts", lang))
options = prep.explorer_options(data.value_options(), lang)
filters = [  # (query filter, link parameter, label, how an option is shown)
    ("levels", "level", t("level", lang), lambda code: label_of(LEVEL_LABELS, code, lang)),
    ("themes", "theme", t("theme", lang), lambda code: label_of(THEME_LABELS, code, lang)),
    ("indicators", "ind", t("indicators", lang), options["indicators"][1].get),
    ("years", "year", t("year", lang), None),
    ("docs", "doc", t("page", lang), None),
]
picked = {"counties": [county] if county else None}
for col, (field, param, label, shown_as) in zip(st.columns(len(filters)), filters):
    with col:
        picked[field] = bind.widget(st.multiselect, param, options[field][0], [], key=f"explorer_{param}",
                                    notice=show.notice, label=label, placeholder=t("any", lang),
                                    **({"format_func": shown_as} if shown_as else {}))
query = prep.explorer_query(picked)
total = data.values_count(**query)
st.caption(t("facts_caption", lang, n=total))
pages = max(1, -(-total // prep.EXPLORER_PAGE))
if st.session_state.get("explorer_page", 1) > pages:  # a narrower filter has fewer pages
    st.session_state["explorer_page"] = 1
page = st.number_input(t("page_of", lang, pages=pages, size=prep.EXPLORER_PAGE), 1, pages, key="explorer_page") \
    if pages > 1 else 1
shown = prep.table(data.values_page(limit=prep.EXPLORER_PAGE, offset=(int(page) - 1) * prep.EXPLORER_PAGE, **query),
                   lang)
# each row's ID links to its citable fact page (/fact?id=…)
st.dataframe(prep.fact_links(shown, st.context.url or "", lang), hide_index=True, width="stretch",
             column_config={t("col_id", lang): st.column_config.LinkColumn(display_text=prep.FACT_LINK_TEXT)})
# lazy: the CSVs (every page of the filter, and everything) are made only once the menu is opened
with st.popover(t("downloads", lang), icon=":material/download:", on_change="rerun", key="explorer_downloads") as menu:
    if menu.open:
        st.download_button(t("download_filtered", lang, n=total),
                           prep.csv_bytes(prep.table(data.values_page(limit=max(total, 1), **query), lang)),
                           file_name="loudi-facts-shown.csv", mime="text/csv")
        st.download_button(t("download_all", lang), prep.csv_bytes(data.values()), file_name="loudi-facts-all.csv",
                           mime="text/csv")

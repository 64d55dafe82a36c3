"""Every published fact with its quote: filterable (filters kept in the link), sortable, downloadable."""
import streamlit as st

from ui import bind, data, nav, prep, show, state
from ui.i18n import LEVEL_LABELS, THEME_LABELS, label_of, t

nav.ensure_routed()
lang, county = state.lang(), state.county()
st.title(t("facts", lang))

everything = data.values()
facts = data.values(counties=[county] if county else None)
names = dict(zip(everything["indicator"], everything[f"indicator_{lang}"]))
filters = [  # (column, link parameter, label, options, how an option is shown)
    ("level", "level", t("level", lang), sorted(everything["level"].unique()),
     lambda code: label_of(LEVEL_LABELS, code, lang)),
    ("theme", "theme", t("theme", lang), sorted(everything["theme"].unique()),
     lambda code: label_of(THEME_LABELS, code, lang)),
    ("indicator", "ind", t("indicators", lang), sorted(names), names.get),
    ("year", "year", t("year", lang), [str(y) for y in sorted(everything["year"].unique())], None),
    ("doc", "doc", t("page", lang), sorted(everything["doc"].unique()), None),
]
for col, (column, param, label, options, shown_as) in zip(st.columns(len(filters)), filters):
    with col:
        picked = bind.widget(st.multiselect, param, options, [], key=f"explorer_{param}", notice=show.notice,
                             label=label, placeholder=t("any", lang),
                             **({"format_func": shown_as} if shown_as else {}))
    if picked:
        facts = facts[facts[column].astype(str).isin(picked)]

st.caption(t("facts_caption", lang, n=len(facts)))
shown = prep.table(facts, lang)
# each row's ID links to its citable fact page (/fact?id=…)
st.dataframe(prep.fact_links(shown, st.context.url or "", lang), hide_index=True, width="stretch",
             column_config={t("col_id", lang): st.column_config.LinkColumn(display_text=prep.FACT_LINK_TEXT)})
c1, c2 = st.columns(2)
c1.download_button(t("download_csv", lang), prep.csv_bytes(shown), file_name="loudi-facts-shown.csv", mime="text/csv")
c2.download_button(t("download_all", lang), prep.csv_bytes(everything), file_name="loudi-facts-all.csv",
                   mime="text/csv")

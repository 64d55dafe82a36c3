"""A citable fact, /fact?id=d001-002: the value as published, the sentence marked in its page's text, the
page's register entry, the values it disagrees with and the one charts use, and its citations to copy."""
from datetime import date

import streamlit as st

from ui import api, cite, data, links, nav, prep, show, state
from ui import format as fmt
from ui.i18n import LANGUAGES, qualifier_label, rule_label, t

nav.ensure_routed()
lang = state.lang()
# the id is looked up in the database, not in a list of every fact
wanted, notices = links.parse({"id": st.query_params.get_all("id")}, {"id": links.Spec(data.FactIds(), "")})
for problem in notices:
    show.notice(problem)
parts = api.fact_parts(data.db_path(), wanted["id"]) if wanted["id"] else None

if parts is None:
    st.title(t("nav_fact", lang))
    st.info(t("fact_missing", lang))
    st.page_link("pages/explorer.py", label=t("nav_explorer", lang), icon=":material/table:")
    st.stop()

fact, source = parts.fact, parts.source
st.title(cite.fact_title(fact, lang))
st.metric(t("fact_value", lang), f"{fact['value']}{fact['unit'] or ''}", border=True,
          help=fmt.number(fact["value_num"], fact["unit"], lang))
st.caption(t("fact_details", lang, region=fact[f"region_{lang}"], county=fact[f"county_{lang}"] or "—",
             period=fmt.period(fact["period"], lang), qualifier=qualifier_label(fact["qualifier"], lang) or "—",
             doc=fact["doc"], fact_id=fact["fact_id"]) + "  \n" + str(fact[f"description_{lang}"]))

st.subheader(t("fact_quote", lang))
if parts.excerpt is None:
    st.warning(t("fact_quote_lost", lang) + " " + str(fact["quote"]))
else:
    st.html(f'<div style="{prep.EXCERPT_STYLE}">{prep.excerpt_html(parts.excerpt)}</div>')

st.subheader(t("register", lang))
st.markdown(prep.register_entry(source, data.regions(), lang))

st.subheader(t("fact_group", lang))
if parts.group.empty:
    st.caption(t("fact_no_conflict", lang))
else:
    used = parts.group[parts.group["is_preferred"]].iloc[0]
    why = {"rule": rule_label(used["rule"], lang), "reason": used[f"reason_{lang}"]}
    if fact["is_preferred"]:
        st.success(t("fact_used", lang, **why))
    else:
        st.warning(t("fact_not_used", lang, used=f"{used['doc']} {fmt.number(used['value_num'], used['unit'], lang)}",
                     **why))
    show.table(prep.conflict_table(parts.group, lang))

st.subheader(t("fact_cite", lang))
st.caption(t("fact_cite_caption", lang))
citations = api.fact_citations(parts, st.context.url or "http://localhost:8501/", date.today())
for code in sorted(LANGUAGES, key=lambda c: c != lang):  # the reader's language first
    st.code(citations[code], language=None, wrap_lines=True)

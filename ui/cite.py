"""Citation text as pure functions: a fact or a view in Chinese (GB/T 7714-2015 style) and English, the
data version, and the README of the data bundle. No Streamlit and no database here; the words are in
ui/i18n.py.

>>> v = Version("5c78677d742643b9a6d5", date(2026, 12, 2))
>>> view_citation("园区", v, "http://host/parks", date(2026, 12, 3), "zh")
'娄底发展指标. 园区[DB/OL]. 数据版本 5c78677d7426. (2026-12-02)[2026-12-03]. http://host/parks.'
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from ui.i18n import LANGUAGES, t

VERSION_CHARS = 12  # the short data version: enough hex digits of the catalogue's sha256 to tell builds apart


@dataclass(frozen=True)
class Version:
    """The data version: the sha256 the build computed over every file of data/ (pages, catalogue, review
    files), stored in build_info, and the day the database was built."""

    sha256: str
    built: date

    @property
    def short(self) -> str:
        return self.sha256[:VERSION_CHARS]


def _blank(value: object) -> bool:
    return value is None or value != value or str(value).strip() == ""  # None, NaN or empty


def newspaper_name(newspaper: object) -> str:
    """The newspaper's name without the register's remark: '湖南日报 (bylines …)' -> '湖南日报'; '' when the
    page does not print it."""
    return "" if _blank(newspaper) else str(newspaper).split(" (")[0].strip()


def source_reference(source: Mapping, lang: str) -> str:
    """The page a fact was published on, as a reference: its lead headline, newspaper and date (the
    printed date, else the inferred year, marked as inferred)."""
    headline = str(source["headlines"]).split(" | ")[0]
    paper = newspaper_name(source.get("newspaper")) or t("cite_no_newspaper", lang)
    if _blank(source.get("date_printed")):
        when = t("cite_inferred", lang, year=source.get("date_inferred") or "?")
    else:
        when = str(source["date_printed"])
    if not _blank(source.get("page")):
        when = t("cite_page_no", lang, date=when, page=source["page"])
    return t("cite_source", lang, headline=headline, newspaper=paper, date=when)


def fact_title(fact: Mapping, lang: str) -> str:
    """'涟源市贫困发生率（2020）' / 'Poverty incidence, Lianyuan, 2020'."""
    return t("cite_fact_title", lang, region=fact[f"region_{lang}"], indicator=fact[f"indicator_{lang}"],
             period=fact["period"])


def _accessed(accessed: date | None, lang: str) -> str:
    return accessed.isoformat() if accessed else t("cite_accessed_blank", lang)


def view_citation(title: str, version: Version, url: str, accessed: date | None, lang: str) -> str:
    """A view of the dashboard (a page with its link state) as a data set citation."""
    return t("cite_view", lang, project=t("title", lang), title=title, version=version.short,
             built=version.built.isoformat(), year=version.built.year, accessed=_accessed(accessed, lang),
             url=url)


def fact_citation(fact: Mapping, source: Mapping, version: Version, url: str, accessed: date | None,
                  lang: str) -> str:
    """One fact as a data set citation, followed by the page it was published on."""
    return t("cite_fact", lang, project=t("title", lang), title=fact_title(fact, lang), fact_id=fact["fact_id"],
             version=version.short, built=version.built.isoformat(), year=version.built.year,
             accessed=_accessed(accessed, lang), url=url, source=source_reference(source, lang))


def bundle_readme(version: Version, url: str, rows: int, query: str) -> str:
    """The README.md of bundle.zip, in Chinese and English: what the files are, the data version, the
    licence and how to cite it (with the access date left for the reader, so the file's bytes, and with
    them the ETag, depend only on the data version and the link)."""
    lines = [f"# {t('title', 'zh')} · {t('title', 'en')}", ""]
    for lang in LANGUAGES:
        lines += [
            f"## {t('bundle_heading', lang)}", "",
            t("bundle_intro", lang, rows=rows, query=query or t("bundle_everything", lang)), "",
            t("bundle_version", lang, version=version.short, sha256=version.sha256, built=version.built.isoformat()),
            "", t("bundle_files", lang), "",
            f"### {t('licence_heading', lang)}", "", t("licence", lang), "",
            f"### {t('cite_heading', lang)}", "",
            view_citation(t("bundle_title", lang), version, url, None, lang), "",
        ]
    return "\n".join(lines)

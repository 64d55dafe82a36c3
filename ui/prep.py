"""Shape query results for charts and tables: names in the interface language, formatted labels."""
from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from ui import format as fmt
from ui import links
from ui.config import Land
from ui.i18n import formula_label, qualifier_label, rule_label, t, unit_label


def chart_points(values: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Rows of indicator_values -> chart rows (region_name, year, value as published, label, tooltip fields)."""
    out = values.copy()
    out["region_name"] = out[f"region_{lang}"]
    out["indicator_name"] = out[f"indicator_{lang}"]
    out["value"] = out["value_num"]
    out["label"] = [fmt.chart_label(v, u, lang) for v, u in zip(out["value_num"], out["unit"])]
    out["status"] = t("published", lang)
    return out


def rank_points(values: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Chart rows of published ranks: ``rank`` (the number) and ``label`` ('第9位（共144个）' / '9th of 144')."""
    points = chart_points(values, lang)
    points["rank"] = points["value_base"]
    points["label"] = [fmt.rank(v, o, lang) for v, o in zip(points["value_base"], points["out_of"])]
    return points


def table(values: pd.DataFrame, lang: str, host: bool = False) -> pd.DataFrame:
    """The columns a reader needs to check a fact, with headers in the interface language."""
    columns = {
        f"region_{lang}": t("col_region", lang),
        **({"host": t("col_host", lang)} if host else {}),
        f"indicator_{lang}": t("col_indicator", lang),
        "period": t("col_period", lang), "value": t("col_value", lang), "unit": t("col_unit", lang),
        "qualifier": t("col_qualifier", lang), "doc": t("col_doc", lang), "quote": t("col_quote", lang),
        "fact_id": t("col_id", lang),
    }
    shown = values.assign(qualifier=values["qualifier"].map(lambda q: qualifier_label(q, lang)),
                          unit=values["unit"].map(lambda u: unit_label(u, lang) if isinstance(u, str) else u))
    return shown[list(columns)].rename(columns=columns).fillna("")


def csv_bytes(df: pd.DataFrame) -> bytes:
    return df.to_csv(index=False).encode("utf-8-sig")


def comparison_table(pairs: pd.DataFrame, unit: str, years: tuple[int, int], lang: str) -> pd.DataFrame:
    """Published start and end values (headed by the two years) beside the derived change and annual growth."""
    start = pairs["start_value_published"].map(float)
    end = pairs["end_value_published"].map(float)
    return pd.DataFrame({
        t("col_region", lang): pairs[f"region_{lang}"],
        str(years[0]): [fmt.number(v, unit, lang) for v in start],
        str(years[1]): [fmt.number(v, unit, lang) for v in end],
        t("col_change", lang): [fmt.change(e - s, unit, lang) for s, e in zip(start, end)],
        t("col_growth", lang): [fmt.percent(g) for g in pairs["annual_growth"]],
    })


def rank_table(ranks: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Ranks as '第2位（共N个）' / '2nd of N', with region, host county, indicator and period."""
    return pd.DataFrame({
        t("col_region", lang): ranks["region_name"], t("col_host", lang): ranks["host"].fillna(""),
        t("col_indicator", lang): ranks["indicator_name"], t("col_rank", lang): ranks["label"],
        t("col_period", lang): ranks["period"], t("col_doc", lang): ranks["doc"], t("col_quote", lang): ranks["quote"],
    })


def conflict_table(conflicts: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Each disagreeing fact, whether charts use it, the rule and the reason."""
    return pd.DataFrame({
        t("col_region", lang): conflicts[f"region_{lang}"], t("col_indicator", lang): conflicts[f"indicator_{lang}"],
        t("col_period", lang): conflicts["period"], t("col_doc", lang): conflicts["doc"],
        t("col_value", lang): conflicts["value"], t("col_unit", lang): conflicts["unit"],
        t("col_used", lang): conflicts["is_preferred"].map({True: t("yes", lang), False: t("no", lang)}),
        t("col_rule", lang): conflicts["rule"].map(lambda r: rule_label(r, lang)),
        t("col_reason", lang): conflicts[f"reason_{lang}"], t("col_quote", lang): conflicts["quote"],
    })


def review_status_table(sources: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Per source page: headline, review status, facts accepted, and the candidates of its review file:
    marked accept or reject (not yet moved by accept), pending and held back."""
    return pd.DataFrame({
        t("col_doc", lang): sources["doc"],
        t("col_headline", lang): sources["headlines"].str.split(" | ", regex=False).str[0],
        t("col_review_status", lang): [t(f"status_{s}", lang) for s in sources["status"]],
        t("col_facts_accepted", lang): sources["facts"],
        t("col_candidates_accepted", lang): sources["candidates_accepted"],
        t("col_candidates_rejected", lang): sources["candidates_rejected"],
        t("col_candidates_pending", lang): sources["candidates_pending"],
        t("col_held_back", lang): sources["candidates_held_back"],
    })


def in_years(values: pd.DataFrame, years: tuple[int, ...]) -> pd.DataFrame:
    """The rows published for exactly those years (period '2020', not '2020-06' or '2016..2020')."""
    return values[values["period"].isin([str(y) for y in years])]


# --- Overview cards ---------------------------------------------------------------------------------------

@dataclass
class Card:
    """One headline indicator of a region: the later year's value and its change since the earlier one."""

    code: str
    label: str
    end: pd.Series | None       # the fact shown (None when the later year has no figure)
    delta: str | None           # derived change, None without the earlier year's figure
    lower_is_better: bool
    docs: str                   # the source pages of the facts used
    missing: list[str]          # configured years without a figure


def cards(facts: pd.DataFrame, indicators: pd.DataFrame, codes: tuple[str, ...], years: tuple[int, int],
          lang: str) -> list[Card]:
    """A card per indicator code from a region's preferred facts (``indicators`` indexed by code). When a
    year has several values (different qualifiers), the unqualified one is shown, else the first; the
    change is taken against the earlier value with the same qualifier."""
    out = []
    for code in codes:
        rows = facts[facts["indicator"] == code]
        by_year = {str(y): rows[rows["period"] == str(y)] for y in years}
        end = _pick(by_year[str(years[1])])
        start = _pick(by_year[str(years[0])], None if end is None else end["qualifier"])
        delta = None
        if end is not None and start is not None:
            delta = fmt.change(end["value_num"] - start["value_num"], end["unit"], lang)
        used = [r["doc"] for r in (start, end) if r is not None]
        out.append(Card(code=code, label=indicators.loc[code, f"name_{lang}"], end=end, delta=delta,
                        lower_is_better=_is_false(indicators.loc[code, "higher_is_better"]),
                        docs=", ".join(sorted(set(used))), missing=[y for y, r in by_year.items() if r.empty]))
    return out


def _is_false(flag: object) -> bool:
    """True only for a stated False (not for a missing value)."""
    return not pd.isna(flag) and not bool(flag)


def _pick(rows: pd.DataFrame, qualifier: object = None) -> pd.Series | None:
    """The row with that qualifier (None: unqualified), else the first row; None when there is none."""
    if rows.empty:
        return None
    wanted = rows["qualifier"].isna() if qualifier is None or pd.isna(qualifier) else rows["qualifier"] == qualifier
    return (rows[wanted] if wanted.any() else rows).iloc[0]


# --- Idle-land disposal -----------------------------------------------------------------------------------

@dataclass
class LandProgress:
    """The disposal of idle land in one region and period: the published figures and the derived rate."""

    where: str                  # "娄底市，2022年1月至2023年1月"
    total: pd.Series | None
    disposed: pd.Series | None
    rate: pd.Series | None      # the published rate
    derived: pd.Series | None   # the rate recomputed from the two areas (derived_values row)
    formula: str                # the derived rate's formula with indicator names
    docs: str
    quote: pd.Series            # the fact with the longest quote (it often gives all figures at once)
    region: str = ""
    period: str = ""

    @property
    def share(self) -> float | None:
        """Disposed of total, for a progress bar; None without both areas."""
        if self.total is None or self.disposed is None or not self.total["value_base"]:
            return None
        return min(self.disposed["value_base"] / self.total["value_base"], 1.0)


def land_progress(values: pd.DataFrame, derived: pd.DataFrame, land: Land, lang: str) -> list[LandProgress]:
    """One LandProgress per region and period with any of the configured figures, latest period first
    (then by region). ``values``: preferred facts of the land indicators; ``derived``: derived_values."""
    facts = values[values["indicator"].isin(land.progress_indicators)]
    rates = derived[derived["indicator"] == land.derived_rate]
    names = dict(zip(facts["indicator"], facts[f"indicator_{lang}"]))
    groups = sorted(facts.groupby(["region", "period"]), key=lambda g: g[0][0])  # by region, then
    groups.sort(key=lambda g: period_end(g[0][1]), reverse=True)               # latest period first
    out = []
    for (region, period), rows in groups:
        part = {code: _pick(rows[rows["indicator"] == code]) for code in land.progress_indicators}
        rate = rates[(rates["region"] == region) & (rates["period"] == period)]
        out.append(LandProgress(
            where=t("land_where", lang, region=rows[f"region_{lang}"].iloc[0], period=fmt.period(period, lang)),
            total=part[land.total], disposed=part[land.disposed], rate=part[land.rate],
            derived=rate.iloc[0] if len(rate) else None,
            formula=formula_label(rate["formula"].iloc[0], names) if len(rate) else "",
            docs=", ".join(sorted(set(rows["doc"]))), quote=rows.loc[rows["quote"].str.len().idxmax()],
            region=region, period=period))
    return out


def focus_progress(progress: list[LandProgress], focus: set[str], n: int = 4) -> list[LandProgress]:
    """At most ``n`` of the progress items (latest first as given): those of the ``focus`` regions, else the
    latest ones."""
    mine = [p for p in progress if p.region in focus]
    return (mine or progress)[:n]


# --- What a chart keeps when the catalogue is large ---------------------------------------------------------

CHART_MAX = 12  # marks of one colour, or rows, a chart shows at most


def top_groups(points: pd.DataFrame, keys: list[str], score: pd.Series, focus: pd.Series,
               n: int) -> tuple[pd.DataFrame, int, int]:
    """(rows, groups kept, groups in all): the rows of at most ``n`` groups of ``points`` (by ``keys``): the
    groups with a row in ``focus`` first, then those of the highest ``score`` (a group's largest). The rows
    keep their order and get ``highlight`` (their group is in focus)."""
    if points.empty:
        return points.assign(highlight=pd.Series(dtype=bool)), 0, 0
    frame = points[keys].assign(_score=pd.to_numeric(score, errors="coerce").to_numpy(),
                                _focus=focus.to_numpy(dtype=bool))
    ranked = (frame.groupby(keys, sort=False, dropna=False).agg(_score=("_score", "max"), _focus=("_focus", "any"))
              .reset_index().sort_values(["_focus", "_score"], ascending=False, na_position="last", kind="stable"))
    kept = ranked.head(n)
    chosen = set(map(tuple, kept[keys].to_numpy()))
    focused = set(map(tuple, kept[kept["_focus"]][keys].to_numpy()))
    key_of = list(map(tuple, points[keys].to_numpy()))
    rows = points[[k in chosen for k in key_of]]
    return rows.assign(highlight=[k in focused for k in key_of if k in chosen]), len(kept), len(ranked)


def land_top(points: pd.DataFrame, land: Land, focus: set[str],
             n: int = CHART_MAX // 2) -> tuple[pd.DataFrame, int, int]:
    """The land chart's rows of at most ``n`` regions and periods (two bars each): the ``focus`` regions
    (highlighted), then the largest idle-land totals; with how many are kept and how many there are."""
    score = points["value_base"].where(points["indicator"] == land.total)
    return top_groups(points, ["region", "period"], score, points["region"].isin(focus), n)


def default_regions(options: list[str], focus: set[str]) -> list[str]:
    """A region picker's default: none (every region) for a few options, else the ``focus`` ones offered."""
    return [] if len(options) <= CHART_MAX else [o for o in options if o in focus]


def focus_regions(regions: pd.DataFrame, county: str) -> set[str]:
    """The chosen county (if any) and the city it lies in (Loudi's city without a county)."""
    cities = regions[(regions["level"] == "city") & (regions["scope"] == "loudi")]["code"]
    return {c for c in [county, *cities] if c}


def period_end(period: str) -> str:
    """The last day of a period as YYYY-MM-DD text, so that periods sort by when they end:
    '2022-01..2023-01' -> '2023-01-31' (a month's end as its 31st), '2023' -> '2023-12-31'."""
    last = str(period).split("..")[-1]
    return last + {4: "-12-31", 7: "-31"}.get(len(last), "")


def land_points(values: pd.DataFrame, land: Land, lang: str) -> pd.DataFrame:
    """Chart rows of the idle-land areas (total and disposed), one bar each, labelled with indicator,
    region and period, the latest period first."""
    areas = values[values["indicator"].isin([land.total, land.disposed])]
    areas = areas.assign(_end=areas["period"].map(period_end)).sort_values(["_end", "region", "indicator"],
                                                                             ascending=[False, True, False])
    points = chart_points(areas.drop(columns="_end"), lang)
    points["category_name"] = [f"{i}\n{t('land_where', lang, region=r, period=fmt.period(p, lang))}"
                               for i, r, p in zip(points["indicator_name"], points["region_name"], points["period"])]
    return points


# --- The explorer ------------------------------------------------------------------------------------------

EXPLORER_PAGE = 200  # facts per page of the explorer's table


def explorer_options(options: pd.DataFrame, lang: str) -> dict[str, tuple[list[str], dict[str, str]]]:
    """Per query filter (levels, themes, indicators, years, docs): its option codes, sorted, and their
    names in ``lang``, from queries.value_options."""
    out = {}
    for field, name in (("level", "levels"), ("theme", "themes"), ("indicator", "indicators"), ("year", "years"),
                        ("doc", "docs")):
        rows = options[options["field"] == field]
        out[name] = (sorted(rows["code"]), dict(zip(rows["code"], rows[f"name_{lang}"])))
    return out


def explorer_query(picked: dict[str, list[str] | None]) -> dict[str, list | None]:
    """The explorer's picks as query filters: empty picks left out, years as numbers."""
    query = {field: list(values) for field, values in picked.items() if values}
    if "years" in query:
        query["years"] = [int(y) for y in query["years"]]
    return query


# --- Citable facts and the data API -----------------------------------------------------------------------

FACT_PAGE = "fact"  # the fact page's path: /fact?id=d001-002
# the API's fact fields, in order; headers come from i18n's field_<name>
FACT_FIELDS = ("fact_id", "region", "region_name", "county", "county_name", "level", "indicator",
               "indicator_name", "theme", "period", "year", "value", "unit", "value_num", "value_base", "base_unit",
               "qualifier", "out_of", "doc", "quote", "note", "is_preferred", "in_conflict", "status", "url")
FACT_LINK_TEXT = r"id=([^&]+)"  # a link column shows the fact id of its /fact?id=… URL


def fact_url(app_url: str, fact_id: str, lang: str) -> str:
    """The fact page's full link: 'http://host:8501/fact?id=d001-002&lang=zh'."""
    return links.share_url(app_url, FACT_PAGE, {"id": fact_id, "lang": lang})


def fact_links(shown: pd.DataFrame, app_url: str, lang: str) -> pd.DataFrame:
    """A table of prep.table with its ID column turned into links to the fact pages (for a LinkColumn
    showing ``FACT_LINK_TEXT``)."""
    column = t("col_id", lang)
    return shown.assign(**{column: [fact_url(app_url, i, lang) for i in shown[column]]})


def fact_fields(values: pd.DataFrame, lang: str, app_url: str) -> pd.DataFrame:
    """Rows of indicator_values as the API gives them: codes, names in ``lang``, the value as published
    and in its base unit, the quote and the fact page's link; columns ``FACT_FIELDS``."""
    out = values.assign(region_name=values[f"region_{lang}"], county_name=values[f"county_{lang}"],
                        indicator_name=values[f"indicator_{lang}"],
                        url=[fact_url(app_url, i, lang) for i in values["fact_id"]])
    return out[list(FACT_FIELDS)]


def fact_headers(lang: str) -> dict[str, str]:
    """Header of every API fact field in ``lang``."""
    return {name: t(f"field_{name}", lang) for name in FACT_FIELDS}


@dataclass(frozen=True)
class Excerpt:
    """A quote as it stands in its page, with the text around it (raw: line breaks and spaces kept)."""

    before: str
    quote: str
    after: str
    cut_before: bool  # the page goes on before ``before``
    cut_after: bool


def quote_excerpt(page: str, quote: str, context: int = 160) -> Excerpt | None:
    """Where ``quote`` stands in ``page`` under the whitespace rule (both squeezed of every whitespace
    character), with up to ``context`` characters of the page either side; None when it is not there."""
    kept = [i for i, ch in enumerate(page) if not ch.isspace()]  # raw offset of each squeezed character
    squeezed, needle = "".join(page[i] for i in kept), "".join(quote.split())
    at = squeezed.find(needle) if needle else -1
    if at < 0:
        return None
    start, end = kept[at], kept[at + len(needle) - 1] + 1
    lo, hi = max(0, start - context), min(len(page), end + context)
    return Excerpt(page[lo:start], page[start:end], page[end:hi], lo > 0, hi < len(page))


def excerpt_html(excerpt: Excerpt) -> str:
    """The excerpt as escaped HTML, the quote in <mark>, line breaks kept."""
    def esc(s: str) -> str:
        return html.escape(s).replace("\n", "<br>")

    return (("… " if excerpt.cut_before else "") + esc(excerpt.before) + f"<mark>{esc(excerpt.quote)}</mark>"
            + esc(excerpt.after) + (" …" if excerpt.cut_after else ""))


EXCERPT_STYLE = "line-height: 1.8; border-left: 3px solid #f0c36d; padding: 0.2rem 0 0.2rem 0.8rem"


def register_entry(source: pd.Series, regions: pd.DataFrame, lang: str) -> str:
    """A page's register entry as the sources page shows it (Markdown): file, newspaper, page, dates and
    their basis, subject region, what the page does not say."""
    names = dict(zip(regions["code"], regions[f"name_{lang}"]))

    def shown(value: object) -> object:
        return "—" if value is None or value != value or value == "" else value

    return t("register_entry", lang, file=source["file"], newspaper=shown(source["newspaper"]),
             page=shown(source["page"]), printed=shown(source["date_printed"]), inferred=source["date_inferred"],
             basis=source[f"date_basis_{lang}"], region=names.get(source["subject_region"], source["subject_region"]),
             unknown=source[f"unknown_{lang}"])

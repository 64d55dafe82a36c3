"""Shape query results for charts and tables: names in the interface language, formatted labels."""
from __future__ import annotations

import pandas as pd

from ui import format as fmt
from ui.i18n import qualifier_label, rule_label, t, unit_label


def chart_points(values: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Rows of indicator_values -> chart rows (region_name, year, value as published, label, tooltip fields)."""
    out = values.copy()
    out["region_name"] = out[f"region_{lang}"]
    out["indicator_name"] = out[f"indicator_{lang}"]
    out["value"] = out["value_num"]
    out["label"] = [fmt.chart_label(v, u, lang) for v, u in zip(out["value_num"], out["unit"])]
    out["status"] = t("published", lang)
    return out


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


def comparison_table(pairs: pd.DataFrame, unit: str, lang: str) -> pd.DataFrame:
    """Published start and end values beside the derived change and annual growth."""
    start = pairs["start_value_published"].map(float)
    end = pairs["end_value_published"].map(float)
    return pd.DataFrame({
        t("col_region", lang): pairs[f"region_{lang}"],
        "2013": [fmt.number(v, unit, lang) for v in start],
        "2020": [fmt.number(v, unit, lang) for v in end],
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
    """Per source page: headline, review status, facts accepted, candidates pending and held back."""
    return pd.DataFrame({
        t("col_doc", lang): sources["doc"],
        t("col_headline", lang): sources["headlines"].str.split(" | ", regex=False).str[0],
        t("col_review_status", lang): [t(f"status_{s}", lang) for s in sources["status"]],
        t("col_facts_accepted", lang): sources["facts"],
        t("col_candidates_pending", lang): sources["candidates_pending"],
        t("col_held_back", lang): sources["candidates_held_back"],
    })

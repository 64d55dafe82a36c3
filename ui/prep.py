"""Shape query results for charts and tables: names in the interface language, formatted labels."""
from __future__ import annotations

import pandas as pd

from ui import format as fmt
from ui.i18n import t


def chart_points(values: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Rows of indicator_values -> chart rows (region_name, year, value as published, label, tooltip fields)."""
    out = values.copy()
    out["region_name"] = out[f"region_{lang}"]
    out["indicator_name"] = out[f"indicator_{lang}"]
    out["value"] = out["value_num"]
    out["label"] = [fmt.number(v, u, lang) for v, u in zip(out["value_num"], out["unit"])]
    out["status"] = t("published", lang)
    return out


def table(values: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The columns a reader needs to check a fact, with headers in the interface language."""
    columns = {
        f"region_{lang}": t("col_region", lang), f"indicator_{lang}": t("col_indicator", lang),
        "period": t("col_period", lang), "value": t("col_value", lang), "unit": t("col_unit", lang),
        "qualifier": t("col_qualifier", lang), "doc": t("col_doc", lang), "quote": t("col_quote", lang),
        "fact_id": "id",
    }
    return values[list(columns)].rename(columns=columns)


def csv_bytes(df: pd.DataFrame) -> bytes:
    return df.to_csv(index=False).encode("utf-8-sig")

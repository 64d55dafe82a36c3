"""Numbers formatted for their unit and language."""
from __future__ import annotations

import pandas as pd

from ui.i18n import unit_label

# English readers get yuan in billions or plain yuan rather than 亿 / 万 multiples
EN_SCALED = {"亿元": (0.1, "bn yuan"), "万元": (10_000, "yuan"), "万人": (10_000, "persons"),
             "万亩": (10_000, "mu"), "万名": (10_000, "persons")}


def _plain(value: float) -> str:
    """12,285 / 302.92 / 30.292 — no trailing zeros, thousands separated."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def number(value: float, unit: str, lang: str) -> str:
    """302.92 亿元 / 302.92 (100 million yuan); ranks as 第9位 / 9th."""
    if pd.isna(value):
        return "—"
    if unit in ("位", "名"):
        n = int(value)
        if lang == "zh":
            return f"第{n}{unit}"
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    if lang == "en" and unit in EN_SCALED:
        scale, unit_en = EN_SCALED[unit]
        return f"{_plain(value * scale)} {unit_en}"
    text = _plain(value)
    label = unit_label(unit, lang)
    if unit == "%":
        return f"{text}%"
    if lang == "zh":
        return f"{text}{label}"
    return f"{text} {label}".strip()


def chart_label(value: float, unit: str, lang: str) -> str:
    """A value label on a chart: in the unit of the chart's axis (亿元), so English gets the bare number
    where a table would say "bn yuan"."""
    return number(value, "" if lang == "en" and unit in EN_SCALED else unit, lang)


def rank(value: float, out_of: float | None, lang: str) -> str:
    """'第9位（共144个）' / '9th of 144'."""
    base = number(value, "位", lang)
    if pd.isna(out_of):
        return base
    return f"{base}（共{int(out_of)}个）" if lang == "zh" else f"{base} of {int(out_of)}"


def change(value: float, unit: str, lang: str) -> str:
    """A signed difference in the unit (percentage points for %)."""
    if pd.isna(value):
        return "—"
    sign = "+" if value > 0 else ""
    if unit == "%":
        return f"{sign}{value:.2f}".rstrip("0").rstrip(".") + (" 个百分点" if lang == "zh" else " pp")
    return sign + number(value, unit, lang)


def percent(share: float) -> str:
    if pd.isna(share):
        return "—"
    return f"{share * 100:+.1f}%"


MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def period(text: str, lang: str) -> str:
    """A catalogue period for reading: '2022-01..2023-01' -> '2022年1月至2023年1月' / 'Jan 2022 – Jan 2023'."""
    parts = [_date(part, lang) for part in str(text).split("..")]
    return ("至" if lang == "zh" else " – ").join(parts)


def _date(text: str, lang: str) -> str:
    """'2022' / '2022-01' / '2022-01-05' in the language ('2022年1月' / 'Jan 2022'); anything else as is."""
    fields = text.split("-")
    if not all(f.isdigit() for f in fields) or not 1 <= len(fields) <= 3 or len(fields[0]) != 4:
        return text
    year, *rest = fields
    if lang == "zh":
        return f"{year}年" + "".join(f"{int(v)}{u}" for v, u in zip(rest, ("月", "日")))
    if not rest:
        return year
    month = MONTHS_EN[int(rest[0]) - 1] if 1 <= int(rest[0]) <= 12 else rest[0]
    return " ".join(([str(int(rest[1]))] if len(rest) > 1 else []) + [month, year])

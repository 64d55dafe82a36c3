"""Facts with their published value read, and groups of facts that state the same thing.

Facts with the same region, indicator, period and qualifier form a group. Charts use one of them (the
*preferred* fact): a per-case row of ``data/conflict_resolutions.csv`` decides first; else equal values are
one value; else, when one published value is the other rounded, the more precise one. Any other
disagreement is a problem until a person writes a resolution. Used by the build and by accept (which warns
of the conflicts a review would create).
"""
from __future__ import annotations

from decimal import Decimal

import pandas as pd

from etl.core import catalog, text
from etl.core.catalog import Catalog, Problem


def period_year(period: str) -> int:
    """The last year a period covers: '2016..2020' -> 2020."""
    return int(period.split("..")[-1][:4])


FACT_COLUMNS = ["fact_id", "doc", "region", "indicator", "period", "year", "value", "value_num", "unit",
                "value_base", "base_unit", "qualifier", "out_of", "quote", "note", "source_file", "source_line"]


def facts_table(cat: Catalog) -> pd.DataFrame:
    """Facts with the published value parsed and converted to the indicator's base unit."""
    base_of = {r["code"]: r["base_unit"] for r in cat.indicators}
    factors = {(u["unit"], u["base_unit"]): Decimal(u["factor"]) for u in cat.units}
    values = [f.values for f in cat.facts]
    base_units = [base_of[v["indicator"]] for v in values]
    numbers = [text.parse_number(v["value"]) for v in values]
    columns = {c: [v[c] for v in values] for c in ("fact_id", "doc", "region", "indicator", "period")}
    columns |= {
        "year": [period_year(v["period"]) for v in values], "value": [v["value"] for v in values],
        "value_num": [float(n) for n in numbers], "unit": [v["unit"] for v in values],
        "value_base": [float(n * factors[(v["unit"], b)]) for n, v, b in zip(numbers, values, base_units)],
        "base_unit": base_units, "qualifier": [v["qualifier"] or None for v in values],
        "out_of": [int(v["out_of"]) if v["out_of"] else None for v in values],
        "quote": [v["quote"] for v in values], "note": [v["note"] or None for v in values],
        "source_file": [f.file for f in cat.facts], "source_line": [f.line for f in cat.facts]}
    if not values:
        return pd.DataFrame([], columns=FACT_COLUMNS)
    return pd.DataFrame(columns, columns=FACT_COLUMNS)


def decimals(value: str) -> int:
    s = text.squeeze(value)
    return len(s.split(".")[1]) if "." in s else 0


def last_digit(fact: pd.Series) -> Decimal:
    """What the last printed digit of a fact is worth in its base unit: 302.92亿元 -> 1e6 yuan,
    4830423万元 -> 1e4 yuan. The smaller, the more precise."""
    factor = Decimal(str(fact["value_base"])) / Decimal(str(fact["value_num"])) if fact["value_num"] else Decimal(1)
    return Decimal(1).scaleb(-decimals(fact["value"])) * factor


ROUNDING_TOLERANCE = 0.01  # a rounded figure is within 1 % of the precise one


def is_rounding_of(precise: pd.Series, coarse: pd.Series) -> bool:
    """True when the coarse value is the precise one rounded to the coarse one's last printed digit, in any
    units (302.92 vs 302.9亿元; 4830423万元 vs 483亿元).

    A zero is never taken as a rounding (0 vs 0.45 % is a disagreement, not a rounding), nor is a value
    more than 1 % away.
    """
    if coarse["value_num"] == 0 or coarse["value_base"] == 0:
        return False
    if abs(precise["value_base"] - coarse["value_base"]) > ROUNDING_TOLERANCE * abs(coarse["value_base"]):
        return False
    step = last_digit(coarse)
    rounded = (Decimal(str(precise["value_base"])) / step).quantize(Decimal(1), rounding="ROUND_HALF_UP")
    return rounded * step == (Decimal(str(coarse["value_base"])) / step).quantize(Decimal(1)) * step


def resolve_groups(facts: pd.DataFrame, resolutions: list[catalog.Row]) -> tuple[pd.DataFrame, list[Problem]]:
    """Facts sharing region, indicator, period and qualifier: mark one preferred and say why.

    Rules, in order: a per-case row in data/conflict_resolutions.csv; equal values (the lowest fact id
    stands for them all); one value is the other rounded (the more precise wins). Any other disagreement
    without a resolution row is a problem: a person must decide.
    """
    # a resolution names its group whole: region, indicator, period and qualifier (余 / 近 / 以上 …)
    overrides = {(r["region"], r["indicator"], r["period"], r["qualifier"]): r for r in resolutions}
    rows, problems = [], []
    keyed = facts.assign(key=facts["region"] + "|" + facts["indicator"] + "|" + facts["period"] + "|"
                         + facts["qualifier"].fillna(""))
    sizes = keyed["key"].value_counts()
    shared = keyed[keyed["key"].isin(sizes.index[sizes > 1])]  # only groups of two or more facts matter
    for key, group in shared.groupby("key", sort=True):
        region, indicator, period, qualifier = key.split("|")
        is_conflict = group["value_base"].nunique() > 1
        ordered = group.sort_values("fact_id")
        override = overrides.get((region, indicator, period, qualifier))
        if override is not None:
            preferred, rule = override["preferred_fact"], "per-case resolution"
            reason = (override["reason_zh"], override["reason_en"])
            if preferred not in set(group["fact_id"]):
                problems.append(Problem(override.file, override.line, "preferred_fact",
                                        f"{preferred} is not one of {', '.join(ordered['fact_id'])}"))
                continue
        elif not is_conflict:
            preferred, rule = ordered["fact_id"].iloc[0], "same value"
            ids = ", ".join(ordered["fact_id"])
            reason = (f"{ids} 给出相同数值", f"{ids} state the same value")
        else:
            by_precision = ordered.assign(step=[last_digit(r) for _, r in ordered.iterrows()]).sort_values("step")
            best = by_precision.iloc[0]
            if by_precision["value_base"].nunique() == len(by_precision) and all(
                    is_rounding_of(best, other) for _, other in by_precision.iloc[1:].iterrows()):
                preferred, rule = best["fact_id"], "more precise"
                reason = (f"其他公布值是 {best['value']}{best['unit']} 的四舍五入，采用更精确的数值",
                          f"the other published value(s) are {best['value']} {best['unit']} rounded; "
                          "the more precise figure is used")
            else:
                values = ", ".join(f"{r.fact_id}={r.value}{r.unit}" for r in ordered.itertuples())
                problems.append(Problem("data/conflict_resolutions.csv", 0, "",
                                        f"unresolved conflict {region} {indicator} {period}"
                                        f"{' (' + qualifier + ')' if qualifier else ''}: {values}; add a row "
                                        "naming the preferred fact and why"))
                continue
        for fact_id in ordered["fact_id"]:
            rows.append({"group_key": key, "fact_id": fact_id, "is_conflict": is_conflict,
                         "is_preferred": fact_id == preferred, "rule": rule,
                         "reason_zh": reason[0], "reason_en": reason[1]})
    for key, override in overrides.items():
        if sizes.get("|".join(key), 0) < 2:
            problems.append(Problem(override.file, override.line, "", "resolution for a group that has no conflict"))
    columns = ["group_key", "fact_id", "is_conflict", "is_preferred", "rule", "reason_zh", "reason_en"]
    return pd.DataFrame(rows, columns=columns), problems

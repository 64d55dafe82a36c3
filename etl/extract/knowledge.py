"""What the extractor may know: indicators, the phrases that name them (taught by the catalogue's facts),
unit conversions and regions; evaluation hides a page's facts from it."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from etl.core import catalog, text
from etl.extract.indicators import indicator_phrase
from etl.extract.layout import normalise
from etl.extract.quantities import list_head, read_quantity
from etl.extract.regions import Region, load_regions, region_pattern


@dataclass
class Knowledge:
    """Indicators, synonyms (phrases → indicator), units and regions the extractor may use."""

    indicators: dict[str, dict[str, str]] = field(default_factory=dict)  # code -> {name_zh, unit, base_unit}
    synonyms: list[tuple[str, str]] = field(default_factory=list)  # (phrase, code)
    units: dict[str, list[tuple[str, Decimal]]] = field(default_factory=dict)  # unit -> [(base unit, factor)]
    regions: list[Region] = field(default_factory=list)
    region_re: re.Pattern | None = None

    @classmethod
    def from_catalog(cls, cat: catalog.Catalog, hide_docs: tuple[str, ...] = ()) -> Knowledge:
        """Knowledge of a catalogue; facts of ``hide_docs`` and indicators only they use are left out."""
        facts = [f for f in cat.facts if f["doc"] not in hide_docs]
        hidden = {f["indicator"] for f in cat.facts if f["doc"] in hide_docs} - {f["indicator"] for f in facts}
        k = cls()
        for ind in cat.indicators:
            if ind["code"] not in hidden and not ind["formula"]:
                k.indicators[ind["code"]] = {"name_zh": ind["name_zh"], "unit": ind["unit"], "base_unit": ind["base_unit"]}
        for u in cat.units:
            k.units.setdefault(u["unit"], []).append((u["base_unit"], Decimal(u["factor"])))
        k.regions = load_regions(cat)
        k.region_re = region_pattern(k.regions)[0]
        for f in facts:
            phrase = fact_phrase(f["quote"], f["value"], k.region_re)
            if phrase and f["indicator"] in k.indicators:
                k.synonyms.append((phrase, f["indicator"]))
        return k


def fact_phrase(quote: str, value: str, region_re: re.Pattern | None = None) -> str:
    """The cleaned words around a fact's value in its quote (the synonym it teaches)."""
    sq = normalise(text.squeeze(quote))
    tokens = text.find_numbers(sq)
    for i, tok in enumerate(tokens):
        if tok.text == normalise(text.squeeze(value)):
            head = list_head(sq, tokens, i, lo=0)
            return indicator_phrase(sq, head, read_quantity(sq, head), region_re=region_re)[2]
    return ""

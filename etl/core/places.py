"""Hunan's administrative divisions, from jionlp's division data (``jionlp.china_location_loader``), never
typed by hand. ``propose`` recognises places with the cities and county-level divisions; ``accept`` gives a
new region its level and parent from the full tree (down to villages)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

PROVINCE = "湖南省"
LEVEL_BY_DEPTH = {0: "province", 1: "city", 2: "county", 3: "township", 4: "village"}


@dataclass(frozen=True)
class Division:
    name: str  # full name, e.g. 涟源市
    alias: str  # jionlp's short form (涟源); empty below county level
    level: str  # province, city, county, township or village
    code: str  # administrative code; empty below county level
    path: tuple[str, ...]  # names from the city down to this division (empty for the province)


@lru_cache(maxsize=2)
def hunan(detail: bool = False) -> tuple[Division, ...]:
    """Hunan and its divisions in tree order: cities and counties, with ``detail`` also townships and villages."""
    import jionlp  # about 0.3 s to import; loading the tree takes 0.3 s (0.6 s with detail)

    tree = jionlp.china_location_loader(detail=detail)[PROVINCE]
    out = [Division(PROVINCE, _alias(tree), "province", tree.get("_admin_code", ""), ())]

    def walk(node: dict, path: tuple[str, ...]) -> None:
        for name, child in node.items():
            if name.startswith("_"):
                continue
            child = child if isinstance(child, dict) else {}
            here = path + (name,)
            out.append(Division(name, _alias(child), LEVEL_BY_DEPTH[len(here)],
                                child.get("_admin_code", ""), here))
            walk(child, here)

    walk(tree, ())
    return tuple(out)


def _alias(node: dict) -> str:
    """jionlp's short form of a name (a list for some cities: the first one)."""
    alias = node.get("_alias") or ""
    return alias[0] if isinstance(alias, list) else alias


@lru_cache(maxsize=1)
def by_name() -> dict[str, list[Division]]:
    """Name -> every division of Hunan with that name (village names repeat across counties)."""
    index: dict[str, list[Division]] = {}
    for division in hunan(detail=True):
        index.setdefault(division.name, []).append(division)
    return index

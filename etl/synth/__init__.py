"""``python -m etl synth``: a synthetic catalogue in the real format, for tests and benchmarks only.

Writes into a new folder (never ``data/``) the files of a catalogue: ``raw/sources.csv`` and ``raw/*.txt``,
``regions.csv``, ``indicators.csv``, ``units.csv``, ``facts/dNNN.csv``, ``skipped/dNNN.csv`` and
``conflict_resolutions.csv``. It holds the real catalogue (the five pages, their facts and skip rows, so
the real headline facts stay) plus generated facts for every city and county-level division of Hunan
(``etl.core.places.hunan``; new regions are ``adm_<code>``) and Loudi's parks, for the real indicators over
2000–2024: levels that grow, rates that trend, growth rates computed from their published levels, ranks
as whole numbers within ``out_of``. Each region and five-year range gets a generated page whose sentences
are the facts' quotes; every other number of a page (headline years, numerals in indicator names) gets a
skip row, so every check of the build passes. Every generated page is registered with newspaper
``SYNTHETIC`` and says so in its text and in ``unknown_zh``/``unknown_en``.

Awkward shapes real data brings are always present: an indicator with one period (``average_elevation``,
2021, as on the real page), one with ten (``rural_road_length``, 2012–2021), two disagreeing values for one
period resolved by a ``conflict_resolutions.csv`` row with a qualifier, a rounded duplicate (the more precise
one is used), a repeated value, month periods and ranges, a county without any figure, a region with a long
name. Same arguments, same files, byte for byte.
"""
from __future__ import annotations

import hashlib
import shutil
from decimal import Decimal
from pathlib import Path

from etl.core import catalog, files, text
from etl.synth.pages import paginate, plan, register_row, render
from etl.synth.series import CONFLICT, World, _regions

# --- The step ---------------------------------------------------------------------------------------------

def world_of(cat: catalog.Catalog) -> World:
    regions, siblings = _regions([r.values for r in cat.regions])
    loudi_parks = [r for r in regions if r["level"] == "park" and r["scope"] == "loudi"]
    divisions = [r for r in regions if r["level"] in ("city", "county") and (r["code"].startswith("adm_")
                 or r["scope"] == "loudi" or r["code"] in siblings or r["level"] == "city")]
    outside = sorted((r for r in divisions if r["level"] == "county" and r["scope"] == "outside"),
                     key=lambda r: r["code"])
    long_name = max(divisions, key=lambda r: (len(r["name_zh"]), r["code"]))["code"]
    empty = next(r["code"] for r in reversed(outside) if r["code"] != long_name)
    targets = [r for r in regions if r["level"] == "province"] + [r for r in divisions if r["code"] != empty] + loudi_parks
    indicators = {r["code"]: r.values for r in cat.indicators}
    anchors: dict[tuple[str, str], tuple[int, Decimal]] = {}
    for f in cat.facts:
        if f["period"].isdigit() and not f["qualifier"] and f["unit"] == indicators[f["indicator"]]["unit"] \
                and 1999 <= int(f["period"]) <= 2024 and text.parse_number(f["value"]) > 0:
            anchors.setdefault((f["region"], f["indicator"]), (int(f["period"]), text.parse_number(f["value"])))
    return World(regions, targets, indicators, {(u["unit"], u["base_unit"]): Decimal(u["factor"]) for u in cat.units},
                 {(f["region"], f["indicator"], f["period"]) for f in cat.facts}, siblings, empty, long_name, anchors)


def synth(n_facts: int, out: Path, seed: int = 0, data_dir: Path = catalog.DATA) -> dict[str, int]:
    """Write a synthetic catalogue of ``n_facts`` facts (the real ones included) into ``out``."""
    out, data_dir = Path(out).resolve(), Path(data_dir).resolve()
    if out == data_dir or out.is_relative_to(data_dir):
        raise ValueError(f"{out}: a synthetic catalogue is never written into the real one")
    if out.exists() and any(out.iterdir()):
        raise ValueError(f"{out} is not empty")
    cat = catalog.load(data_dir)
    if cat.problems:
        raise ValueError("the real catalogue does not read: " + "; ".join(map(str, cat.problems[:3])))
    world = world_of(cat)
    sentences = plan(world, n_facts - len(cat.facts), seed)
    pages = paginate(world, sentences, 1 + max(int(s["doc"][1:]) for s in cat.sources))

    for sub in ("raw", "facts", "skipped"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    for name in ("indicators.csv", "units.csv"):
        shutil.copyfile(data_dir / name, out / name)
    for src in cat.sources:
        shutil.copyfile(data_dir / "raw" / src["file"], out / "raw" / src["file"])
    for kind_ in ("facts", "skipped"):
        for path in sorted((data_dir / kind_).glob("*.csv")):
            shutil.copyfile(path, out / kind_ / path.name)
    register, resolutions, skipped = [], [], 0
    for page in pages:
        body, facts, skips = render(page)
        raw = body.encode("utf-8")
        sha = hashlib.sha256(raw).hexdigest()
        file = f"{page.doc[1:]}_{sha[:16]}.txt"
        (out / "raw" / file).write_bytes(raw)
        register.append(register_row(page, file, sha))
        (out / "facts" / f"{page.doc}.csv").write_text(files.csv_text([catalog.COLUMNS["facts"]] + facts), "utf-8")
        (out / "skipped" / f"{page.doc}.csv").write_text(files.csv_text([catalog.COLUMNS["skipped"]] + skips), "utf-8")
        skipped += len(skips)
        for f in facts:
            if (f[3], f[4], f[7]) == CONFLICT and not resolutions:  # the first of the two is used
                resolutions.append([f[2], f[3], f[4], f[7], f[0],
                                    "合成数据（SYNTHETIC）：同一年份两个公布值不一致，采用统计部门的数值。",
                                    ("SYNTHETIC: two published values for the year disagree; the statistics "
                                     "bureau's figure is used.")])
    real_register = (data_dir / "raw" / "sources.csv").read_text(encoding="utf-8")
    (out / "raw" / "sources.csv").write_text(real_register + files.csv_text(register), "utf-8")
    real_resolutions = (data_dir / "conflict_resolutions.csv").read_text(encoding="utf-8")
    (out / "conflict_resolutions.csv").write_text(real_resolutions + files.csv_text(resolutions), "utf-8")
    columns = catalog.COLUMNS["regions"]
    (out / "regions.csv").write_text(files.csv_text([columns] + [[r[c] for c in columns] for r in world.regions]),
                                     "utf-8")
    return {"facts": len(cat.facts) + sum(len(s.facts) for s in sentences), "pages": len(cat.sources) + len(pages),
            "regions": len(world.regions), "skipped": len(cat.skipped) + skipped, "empty_county": world.empty,
            "long_name": world.long_name}

"""One place for translations, and nothing missing from it."""
import pytest

from etl.core import catalog
from ui import i18n


@pytest.mark.parametrize("key", sorted(i18n.STRINGS))
def test_every_string_has_both_languages(key):
    entry = i18n.STRINGS[key]
    assert set(entry) == set(i18n.LANGUAGES) and all(entry.values())
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in entry["en"]), f"Chinese in the English {key!r}"


@pytest.mark.parametrize("table, codes", [
    (i18n.THEME_LABELS, catalog.THEMES), (i18n.LEVEL_LABELS, catalog.LEVELS),
    (i18n.QUALIFIER_LABELS, set(catalog.QUALIFIERS)),
], ids=["themes", "levels", "qualifiers"])
def test_every_catalogue_code_has_a_label(table, codes):
    assert codes <= set(table), codes - set(table)


def test_qualifier_and_formula_labels():
    assert i18n.qualifier_label("cumulative;more_than", "zh") == "累计、余/多"
    assert i18n.qualifier_label(None, "en") == ""
    names = {"idle_land_disposed": "disposed", "idle_land_total": "total"}
    assert i18n.formula_label("idle_land_disposed / idle_land_total × 100", names) == "disposed / total × 100"


def test_no_translation_key_is_written_twice():
    """A repeated key in the STRINGS literal silently replaces the first one; the source must not have any."""
    import ast
    from pathlib import Path

    source = Path(__file__).resolve().parents[2] / "ui" / "i18n.py"
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Dict):
            keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
            repeated = {k for k in keys if keys.count(k) > 1}
            assert not repeated, f"ui/i18n.py line {node.lineno}: keys written twice: {sorted(repeated)}"


def test_every_unit_has_an_english_label():
    import csv

    units = {row["unit"] for row in csv.DictReader((catalog.DATA / "units.csv").open(encoding="utf-8"))}
    missing = sorted(u for u in units if u not in i18n.UNITS_EN)
    assert not missing, f"units without an English label in ui/i18n.py UNITS_EN: {missing}"
    assert not [u for u in units if any("\u4e00" <= ch <= "\u9fff" for ch in i18n.unit_label(u, "en"))]

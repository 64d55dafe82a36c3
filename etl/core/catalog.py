"""Load the reviewed catalogue (plain CSV files in ``data/``) and validate it row by row.

Every problem becomes a :class:`Problem` naming the file, line, field and reason; the build refuses to
publish while any remain. Line numbers are those of the CSV file as a text editor shows them.
"""
from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from etl.core import files, text
from etl.core.paths import DATA
from etl.core.vocab import BOOLEANS, LEVELS, QUALIFIERS, SCOPES, STATUSES, THEMES  # noqa: E402,F401 (re-exported)

PERIOD = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(\.\.\d{4}(-\d{2}(-\d{2})?)?)?$")
FACT_ID = re.compile(r"^(d\d{3})-(\d{3})$")
DERIVED_FORMULA = re.compile(r"^\s*([a-z0-9_]+)\s*/\s*([a-z0-9_]+)\s*(?:[×*]\s*(\d+))?\s*$")
CODE = re.compile(r"^[a-z][a-z0-9_]*$")

COLUMNS = {
    "sources": ["doc", "file", "sha256", "newspaper", "page", "date_printed", "date_inferred",
                "date_basis_zh", "date_basis_en", "headlines", "subject_region", "unknown_zh", "unknown_en",
                "status", "original"],
    "regions": ["code", "name_zh", "name_en", "level", "parent", "host_county", "scope"],
    "indicators": ["code", "name_zh", "name_en", "theme", "unit", "base_unit", "description_zh",
                   "description_en", "higher_is_better", "formula"],
    "units": ["unit", "base_unit", "factor"],
    "facts": ["fact_id", "doc", "region", "indicator", "period", "value", "unit", "qualifier",
              "out_of", "quote", "note"],
    "skipped": ["doc", "number", "context", "reason"],
    "conflict_resolutions": ["region", "indicator", "period", "qualifier", "preferred_fact", "reason_zh",
                             "reason_en"],
}
# Headers of earlier versions of the format that are still read (the missing columns read as empty), so a
# catalogue written by an earlier version keeps building.
LEGACY_COLUMNS = {
    "conflict_resolutions": [["region", "indicator", "period", "preferred_fact", "reason_zh", "reason_en"]],
}


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    field: str
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.reason}" if self.field else f"{where}: {self.reason}"


class CatalogError(Exception):
    """Raised with every problem found, each naming file, line, field and reason."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class Row:
    """One CSV record with the file and line it came from."""

    file: str
    line: int
    values: dict[str, str]

    def __getitem__(self, key: str) -> str:
        return self.values[key]


@dataclass
class Catalog:
    data_dir: Path
    sources: list[Row] = field(default_factory=list)
    regions: list[Row] = field(default_factory=list)
    indicators: list[Row] = field(default_factory=list)
    units: list[Row] = field(default_factory=list)
    facts: list[Row] = field(default_factory=list)
    skipped: list[Row] = field(default_factory=list)
    conflict_resolutions: list[Row] = field(default_factory=list)
    pages: dict[str, str] = field(default_factory=dict)  # doc -> raw text
    problems: list[Problem] = field(default_factory=list)
    _numbers: dict[str, list[text.Token]] = field(default_factory=dict, repr=False)
    # caches, each checked against what it was computed from (a test may change a page or the units)
    _squeezed: dict[str, tuple[str, str]] = field(default_factory=dict, repr=False)  # doc -> (raw, squeezed)
    _starts: dict[str, list[int]] = field(default_factory=dict, repr=False)  # doc -> its tokens' starts
    _found: dict[str, dict[str, list[int]]] = field(default_factory=dict, repr=False)  # doc -> needle -> starts
    _units: tuple = field(default=(), repr=False)

    def squeezed(self, doc: str) -> str:
        raw = self.pages[doc]
        cached = self._squeezed.get(doc)
        if cached is None or cached[0] is not raw:
            cached = self._squeezed[doc] = (raw, text.squeeze(raw))
            self._found.pop(doc, None)
        return cached[1]

    def numbers(self, doc: str) -> list[text.Token]:
        """The page's number tokens (etl.core.text.numbers_of, the one tokeniser), computed once."""
        if doc not in self._numbers:
            src = next((s for s in self.sources if s["doc"] == doc), None)
            html = text.is_html_original(src.values.get("original", "")) if src else False
            self._numbers[doc] = text.numbers_of(self.pages[doc], html)
            self._starts.pop(doc, None)
        return self._numbers[doc]

    def occurrences(self, doc: str, snippet: str) -> list[int]:
        """Squeezed start offsets of every occurrence of ``snippet`` in the page (whitespace ignored), found
        once per page and snippet (the catalogue checks and coverage ask for the same quotes)."""
        page, needle = self.squeezed(doc), text.squeeze(snippet)
        found = self._found.setdefault(doc, {})
        if needle not in found:
            found[needle] = text.find_all(page, needle)
        return found[needle]

    def numbers_in(self, doc: str, snippet: str) -> set[str] | None:
        """The numbers of the page inside any occurrence of ``snippet`` (whitespace ignored); None when the
        snippet is not in the page."""
        needle = text.squeeze(snippet)
        starts = self.occurrences(doc, snippet)
        if not needle or not starts:
            return None
        tokens = self.numbers(doc)
        if doc not in self._starts:
            self._starts[doc] = [t.start for t in tokens]
        return set().union(*(text.numbers_between(tokens, self._starts[doc], s, s + len(needle)) for s in starts))

    def unit_index(self) -> tuple[set[str], set[tuple[str, str]]]:
        """Known printed units and (unit, base unit) conversions of data/units.csv."""
        if not self._units or self._units[0] is not self.units or self._units[1] != len(self.units):
            self._units = (self.units, len(self.units), {u["unit"] for u in self.units},
                           {(u["unit"], u["base_unit"]) for u in self.units})
        return self._units[2], self._units[3]

    def pending(self) -> set[str]:
        """Docs whose review is not finished: built and measured, but uncovered numbers are allowed."""
        return {s["doc"] for s in self.sources if s["status"] == "pending"}


def read_csv(path: Path, kind: str, problems: list[Problem], root: Path) -> list[Row]:
    """Read a UTF-8 CSV with the expected header; malformed lines become problems."""
    rel = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
    expected = COLUMNS[kind]
    try:
        content = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        problems.append(Problem(rel, 0, "", f"not UTF-8 text ({exc.reason} at byte {exc.start})"))
        return []
    reader = csv.reader(content.splitlines(keepends=True), strict=True)
    rows: list[Row] = []
    try:
        header = next(reader, None)
        if header != expected and header not in LEGACY_COLUMNS.get(kind, []):
            problems.append(Problem(rel, 1, "", f"header must be {','.join(expected)}; found {','.join(header or [])}"))
            return []
        for record in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if len(record) != len(header):
                problems.append(Problem(rel, line, "", f"malformed line: {len(record)} fields, expected {len(header)}"))
                continue
            values = dict.fromkeys(expected, "") | {k: v.strip() for k, v in zip(header, record)}
            rows.append(Row(rel, line, values))
    except csv.Error as exc:
        problems.append(Problem(rel, reader.line_num, "", f"malformed CSV: {exc}"))
    return rows


def load(data_dir: Path = DATA) -> Catalog:
    """Read every catalogue file; reading problems are collected, not raised. A change of several files
    that a crash interrupted is finished (or discarded) first (etl.core.files.recover)."""
    files.recover(data_dir)
    cat = Catalog(data_dir)
    root = data_dir.parent
    p = cat.problems
    cat.sources = read_csv(data_dir / "raw" / "sources.csv", "sources", p, root)
    cat.regions = read_csv(data_dir / "regions.csv", "regions", p, root)
    cat.indicators = read_csv(data_dir / "indicators.csv", "indicators", p, root)
    cat.units = read_csv(data_dir / "units.csv", "units", p, root)
    cat.conflict_resolutions = read_csv(data_dir / "conflict_resolutions.csv", "conflict_resolutions", p, root)
    for path in sorted((data_dir / "facts").glob("*.csv")):
        cat.facts += read_csv(path, "facts", p, root)
    for path in sorted((data_dir / "skipped").glob("*.csv")):
        cat.skipped += read_csv(path, "skipped", p, root)
    for src in cat.sources:
        page = data_dir / "raw" / src["file"]
        if not page.exists():
            p.append(Problem(src.file, src.line, "file", f"no such page: {page}"))
            continue
        raw = page.read_bytes()
        if hashlib.sha256(raw).hexdigest() != src["sha256"]:
            p.append(Problem(src.file, src.line, "sha256", f"{src['file']} changed since it was registered"))
        try:
            cat.pages[src["doc"]] = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            p.append(Problem(src.file, src.line, "file", f"{src['file']} is not UTF-8 text ({exc.reason})"))
    return cat


FACT_REQUIRED = ["region", "indicator", "period", "value", "unit", "quote"]


def fact_problems(values: dict[str, str], cat: Catalog, regions: Collection[str],
                  indicators: Mapping[str, Mapping[str, str]]) -> list[tuple[str, str]]:
    """(field, reason) for every rule a fact's fields break: the one statement of the row rules, used by
    :func:`validate` for data/facts and by ``etl.accept`` for accepted review rows (with the regions and
    indicators that review adds). ``values`` has the facts.csv columns (a missing one reads as empty)."""
    row = {k: (values.get(k) or "").strip() for k in COLUMNS["facts"]}
    problems = [(f, "required field is empty") for f in FACT_REQUIRED if not row[f]]
    if problems:
        return problems
    if row["region"] not in regions:
        problems.append(("region", f"unknown region {row['region']!r}"))
    ind = indicators.get(row["indicator"])
    if ind is None:
        problems.append(("indicator", f"indicator {row['indicator']!r} has no entry in data/indicators.csv"))
    elif ind["formula"]:
        problems.append(("indicator", f"{row['indicator']!r} is a derived indicator; facts hold published numbers only"))
    if not PERIOD.match(row["period"]):
        problems.append(("period", f"{row['period']!r} is not YYYY[-MM[-DD]] or a range A..B"))
    try:
        text.parse_number(row["value"])
    except ValueError as exc:
        problems.append(("value", f"non-numeric value: {exc}"))
    for tag in filter(None, (t.strip() for t in row["qualifier"].split(";"))):
        if tag not in QUALIFIERS:
            problems.append(("qualifier", f"{tag!r} not one of {sorted(QUALIFIERS)}"))
    if row["out_of"] and not row["out_of"].isdigit():
        problems.append(("out_of", f"{row['out_of']!r} is not a whole number"))
    known_units, conversions = cat.unit_index()
    if row["unit"] not in known_units:
        problems.append(("unit", f"unknown unit {row['unit']!r}: not in data/units.csv"))
    elif ind is not None and (row["unit"], ind["base_unit"]) not in conversions:
        problems.append(("unit", f"{row['unit']!r} has no conversion to {ind['base_unit']!r} "
                                 f"(indicator {row['indicator']}) in data/units.csv"))
    if row["doc"] in cat.pages:
        numbers = cat.numbers_in(row["doc"], row["quote"])
        if numbers is None:
            problems.append(("quote", f"quote not found in {row['doc']} (whitespace ignored): {row['quote'][:40]}"))
        elif text.squeeze(row["value"]) not in numbers:
            problems.append(("value", f"{row['value']!r} is not a number in the quote"))
    return problems


def validate(cat: Catalog) -> list[Problem]:
    """Schema, reference, unit and provenance checks of every row. Returns all problems."""
    problems = list(cat.problems)

    def bad(row: Row, fld: str, reason: str) -> None:
        problems.append(Problem(row.file, row.line, fld, reason))

    def required(row: Row, fields: list[str]) -> bool:
        missing = [f for f in fields if not row[f]]
        for f in missing:
            bad(row, f, "required field is empty")
        return not missing

    def unique(rows: list[Row], key: str) -> dict[str, Row]:
        seen: dict[str, Row] = {}
        for row in rows:
            if row[key] in seen:
                first = seen[row[key]]
                bad(row, key, f"duplicate {key} {row[key]!r} (first at {first.file}:{first.line})")
            else:
                seen[row[key]] = row
        return seen

    sources = unique(cat.sources, "doc")
    regions = unique(cat.regions, "code")
    indicators = unique(cat.indicators, "code")
    units = {(u["unit"], u["base_unit"]): u for u in cat.units}

    for row in cat.sources:
        required(row, ["doc", "file", "sha256", "date_inferred", "date_basis_zh", "date_basis_en",
                       "subject_region", "unknown_zh", "unknown_en"])
        if row["subject_region"] and row["subject_region"] not in regions:
            bad(row, "subject_region", f"unknown region {row['subject_region']!r}")
        if row["status"] not in STATUSES:
            bad(row, "status", f"{row['status']!r} not one of {sorted(STATUSES)}")
        if row["original"] and not (cat.data_dir / "raw" / row["original"]).is_file():
            bad(row, "original", f"no such file: data/raw/{row['original']}")

    for row in cat.regions:
        required(row, ["code", "name_zh", "name_en", "level", "scope"])
        if row["code"] and not CODE.match(row["code"]):
            bad(row, "code", f"{row['code']!r} is not a lowercase ascii code")
        if row["level"] and row["level"] not in LEVELS:
            bad(row, "level", f"{row['level']!r} not one of {sorted(LEVELS)}")
        if row["scope"] and row["scope"] not in SCOPES:
            bad(row, "scope", f"{row['scope']!r} not one of {sorted(SCOPES)}")
        for ref in ("parent", "host_county"):
            if row[ref] and row[ref] not in regions:
                bad(row, ref, f"unknown region {row[ref]!r}")
        if row["level"] == "park" and not row["host_county"]:
            bad(row, "host_county", "a park needs its host county")

    for row in cat.units:
        required(row, ["unit", "base_unit", "factor"])
        try:
            Decimal(row["factor"])
        except ArithmeticError:
            bad(row, "factor", f"{row['factor']!r} is not a number")

    for row in cat.indicators:
        required(row, ["code", "name_zh", "name_en", "theme", "unit", "base_unit",
                       "description_zh", "description_en"])
        if row["code"] and not CODE.match(row["code"]):
            bad(row, "code", f"{row['code']!r} is not a lowercase ascii code")
        if row["theme"] and row["theme"] not in THEMES:
            bad(row, "theme", f"{row['theme']!r} not one of {sorted(THEMES)}")
        if row["higher_is_better"] not in BOOLEANS:
            bad(row, "higher_is_better", "must be true, false or empty")
        if row["unit"] and (row["unit"], row["base_unit"]) not in units:
            bad(row, "unit", f"unit {row['unit']!r} has no conversion to {row['base_unit']!r} in data/units.csv")
        if row["formula"]:
            m = DERIVED_FORMULA.match(row["formula"])
            if not m:
                bad(row, "formula", "a derived formula must read 'numerator / denominator [× factor]'")
            else:
                for operand in m.group(1, 2):
                    if operand not in indicators:
                        bad(row, "formula", f"unknown indicator {operand!r} in the formula")

    fact_ids = unique(cat.facts, "fact_id")
    for row in cat.facts:
        if not required(row, ["fact_id", "doc"]):
            continue
        m = FACT_ID.match(row["fact_id"])
        if not m:
            bad(row, "fact_id", f"{row['fact_id']!r} is not of the form d000-001")
        elif m.group(1) != row["doc"]:
            bad(row, "fact_id", f"prefix {m.group(1)} does not match doc {row['doc']}")
        if row["doc"] not in sources:
            bad(row, "doc", f"unknown document {row['doc']!r}")
        for fld, reason in fact_problems(row.values, cat, regions, indicators):
            bad(row, fld, reason)

    for row in cat.skipped:
        if not required(row, ["doc", "number", "context", "reason"]):
            continue
        if row["doc"] not in cat.pages:
            bad(row, "doc", f"unknown document {row['doc']!r}")
            continue
        numbers = cat.numbers_in(row["doc"], row["context"])
        if numbers is None:
            bad(row, "context", f"context not found in {row['doc']}: {row['context'][:40]}")
        elif row["number"] not in numbers:
            bad(row, "number", f"{row['number']!r} is not a number token in the context")

    for row in cat.conflict_resolutions:
        if required(row, ["region", "indicator", "period", "preferred_fact", "reason_zh", "reason_en"]):
            if row["preferred_fact"] not in fact_ids:
                bad(row, "preferred_fact", f"unknown fact {row['preferred_fact']!r}")
            for tag in filter(None, row["qualifier"].split(";")):
                if tag not in QUALIFIERS:
                    bad(row, "qualifier", f"{tag!r} not one of {sorted(QUALIFIERS)}")
    return problems


def check(cat: Catalog) -> None:
    """Raise CatalogError when validation finds anything."""
    problems = validate(cat)
    if problems:
        raise CatalogError(problems)

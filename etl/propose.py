"""``python -m etl propose DOC``: candidate facts for a registered page, written to ``data/review/DOC.csv``.

Every number token of the page (:func:`etl.core.text.numbers_of`) becomes one row of the review file, with
the columns of :data:`etl.core.review.REVIEW_COLUMNS`: an id (``DOC-cNNN``), an empty ``decision`` for the
reviewer, region and indicator (code and Chinese name; ``is_new_indicator`` with a suggested name when no
known indicator matches), period, value and unit as printed, qualifiers, a rank's ``out_of``, the value in
its base unit, the verbatim sentence and its line, a confidence, a ``hold_back`` reason for numbers that are
not quantities (dates, years, phone and id numbers, names and slogans, implausible magnitudes) and notes on
how each field was found. ``python -m etl accept DOC`` moves the decided rows into the catalogue.

The extractor is the package :mod:`etl.extract`; what it knows of indicators, synonyms, units and regions
is a parameter (:class:`etl.extract.knowledge.Knowledge`), so that ``python -m etl evaluate`` can hide a
page from it.
"""
from __future__ import annotations

from pathlib import Path

from etl.core import catalog, files, text
from etl.core.paths import DATA, review_path
from etl.core.review import REVIEW_COLUMNS
from etl.extract.candidate import Candidate, propose
from etl.extract.knowledge import Knowledge
from etl.extract.page import Page


def page_of(cat: catalog.Catalog, doc: str) -> Page:
    """The page of a registered document with its date and subject region."""
    src = next((s for s in cat.sources if s["doc"] == doc), None)
    if src is None or doc not in cat.pages:
        raise KeyError(f"unknown document {doc!r} (not in data/raw/sources.csv)")
    date = src.values.get("date_printed") or src.values.get("date_inferred") or ""
    html = text.is_html_original(src.values.get("original") or "")
    return Page(doc, cat.pages[doc], date, src["subject_region"], html)


def run(doc: str, data_dir: Path = DATA) -> tuple[Path, list[Candidate]]:
    """python -m etl propose DOC: knowledge from the whole catalogue, review file in data/review/."""
    cat = catalog.load(data_dir)
    page = page_of(cat, doc)
    candidates = propose(page, Knowledge.from_catalog(cat))
    path = review_path(data_dir, doc)
    files.write_atomic(path, files.csv_text([REVIEW_COLUMNS] + [[c.values[col] for col in REVIEW_COLUMNS]
                                                                for c in candidates]))
    return path, candidates


def propose_text(raw: str, k: Knowledge, *, date: str = "2021", subject: str = "loudi", doc: str = "dtest",
                 html: bool = False) -> list[dict[str, str]]:
    """Candidates of a text that is not registered (for tests and quick looks)."""
    return [c.values for c in propose(Page(doc, raw, date, subject, html), k)]

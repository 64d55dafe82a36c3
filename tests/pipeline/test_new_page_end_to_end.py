"""Real pages end to end: add → propose → review → accept → build → every dashboard page.

The pages are in ``tests/corpus/real/`` (register: ``register.csv``), each the main text exactly as the
stored-pages search returned it:

- 01 新化县2021年国民经济和社会发展统计公报 (Xinhua, a Loudi county): 2021 GDP and fiscal revenue, new periods
  for a county the dashboard shows; no table in the stored text.
- 02 2019年湘乡市国民经济和社会发展统计公报 (Xiangxiang, Hunan): 2019 GDP in a sentence and in table 1, whose
  cells stand one per line (label, value in 万元, growth in %).
- 03 湖南各县市地区生产总值列表 (wiki mirror): a space-separated table of 2013 GDP (百万元, thousands
  separators) with rows for Lengshuijiang and Lianyuan.
- 04 娄底市2022年国民经济和社会发展统计公报 (Loudi city): 2022 GDP and general public budget revenue.

The review is a careful reviewer's, with the page in front of them: a held-back row is left undecided; a row
is accepted when it is one of the figures checked by reading the page (:data:`CHECKED`, keyed by the value
as printed and the words around it), with the fields corrected to the catalogue's codes; every other row is
rejected. The pipeline runs once per module on a copy of ``data/``; each step's outcome (or exception) is kept
so that every test reports its own step. Nothing here is marked xfail: a failure is a defect to fix.
"""
from __future__ import annotations

import csv
import os
import shutil
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pytest

from etl import accept as accept_step
from etl import add as add_step
from etl import build as build_step
from etl import propose as propose_step
from etl.core import catalog, text
from etl.core.review import load_review, save_review

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus" / "real"
DASHBOARD_PAGES = ["overview", "compare", "parks", "land", "explorer", "sources"]
LANGS = ["zh", "en"]


def loudi_counties() -> list[str]:
    with (catalog.DATA / "regions.csv").open(encoding="utf-8", newline="") as f:
        return [r["code"] for r in csv.DictReader(f) if r["level"] == "county" and r["parent"] == "loudi"]


COUNTIES = loudi_counties()


@dataclass(frozen=True)
class Checked:
    """A figure checked by reading the page: the value as printed, words of its sentence (or a table cell's
    row label) that place it, and the catalogue fields it is accepted with."""

    value: str
    where: str
    region: str
    indicator: str
    period: str
    unit: str
    cell: bool = False  # a table cell
    note: str = ""


@dataclass(frozen=True)
class RealPage:
    file: str
    date: str | None   # --date (YYYY-MM-DD) when the page prints one, else None: the latest year named
    subject: str
    checked: tuple[Checked, ...]


PAGES = [
    RealPage("01.txt", "2022-03-01", "xinhua", (
        Checked("3098138", "2021年全县实现地区生产总值3098138万元", "xinhua", "gdp", "2021", "万元"),
        Checked("8.0", "地区生产总值3098138万元,比上年增长8.0%", "xinhua", "gdp_growth", "2021", "%"),
        Checked("212280", "2021年全县财政总收入212280万元", "xinhua", "fiscal_revenue", "2021", "万元",
                note="财政总收入 (total fiscal revenue), the figure d001 calls 财政收入; 地方财政预算收入 130191 is "
                     "the local part, rejected"),
    )),
    RealPage("02.txt", "2024-01-07", "xiangxiang", (
        Checked("483", "全市完成地区生产总值483亿元", "xiangxiang", "gdp", "2019", "亿元"),
        Checked("7.8", "地区生产总值483亿元,同比增长7.8%", "xiangxiang", "gdp_growth", "2019", "%"),
        # table 1 (单位:万元), columns 2019 | 同比±%: the GDP row's two cells
        Checked("4830423", "生产总值(GDP)", "xiangxiang", "gdp", "2019", "万元", cell=True),
        Checked("7.8", "生产总值(GDP)", "xiangxiang", "gdp_growth", "2019", "%", cell=True),
    )),
    RealPage("03.txt", None, "loudi", (
        # GDP(百万元) column of the 2013 table
        Checked("23,641", "冷水江市", "lengshuijiang", "gdp", "2013", "百万元", cell=True),
        Checked("20,681", "涟源市", "lianyuan", "gdp", "2013", "百万元", cell=True),
    )),
    RealPage("04.txt", None, "loudi", (
        Checked("1929.5", "娄底市实现地区生产总值1929.5亿元", "loudi", "gdp", "2022", "亿元"),
        Checked("4.8", "地区生产总值1929.5亿元,同比增长4.8%", "loudi", "gdp_growth", "2022", "%"),
        Checked("149.05", "全年一般公共预算收入149.05亿元", "loudi", "fiscal_revenue", "2022", "亿元",
                note="一般公共预算收入 (total); 地方一般公共预算收入 91.71 is the local part, rejected"),
    )),
]

# A conflict a person resolves before building (README: any other disagreement stops the build until a
# person writes a resolution): Lianyuan's 2013 GDP is 168.3亿元 in d001 and 20,681百万元 in the 2013 table.
RESOLUTIONS = [
    {"region": "lianyuan", "indicator": "gdp", "period": "2013", "qualifier": "", "preferred_fact": "d001-003",
     "reason_zh": "2013→2020 对比两端取自同一“数说脱贫”栏（d001）；2013 年县市 GDP 列表（百万元）的数值予以保留并列为不一致的公布值。",
     "reason_en": "The 2013 → 2020 comparison takes both ends from d001's 数说脱贫 box; the 2013 county GDP list "
                  "(million yuan) is kept and shown as the disagreeing published figure."},
]


def squeezed(s: str) -> str:
    return text.squeeze(s)


def match(row: dict, checked: tuple[Checked, ...]) -> Checked | None:
    """The checked figure this review row is, or None."""
    for c in checked:
        if squeezed(row["value"]) == c.value and squeezed(c.where) in squeezed(row["quote"]):
            return c
    return None


def review(rows: list[dict], page: RealPage, indicators: dict[str, str]) -> list[dict]:
    """The reviewer's decisions: held back → undecided; a checked figure → accept (fields corrected);
    anything else → reject."""
    for row in rows:
        if row["hold_back"] and not row["decision"]:
            continue
        c = match(row, page.checked)
        if c is None:
            row["decision"] = "reject"
            continue
        row.update(decision="accept", region=c.region, indicator=c.indicator, indicator_zh=indicators[c.indicator],
                   is_new_indicator="false", period=c.period, unit=c.unit,
                   notes="; ".join(filter(None, [row["notes"], "checked by reading the page", c.note])))
    return rows


@dataclass
class Outcome:
    """What each step did with one page: its result, or the exception it raised (with its traceback)."""

    page: RealPage
    doc: str = ""
    register: dict = field(default_factory=dict)
    proposed: list[dict] = field(default_factory=list)
    reviewed: list[dict] = field(default_factory=list)
    accepted: object = None
    errors: dict[str, str] = field(default_factory=dict)

    def run(self, step: str, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except Exception as exc:  # kept and reported by the test of that step
            problems = getattr(exc, "problems", None)
            detail = "\n".join(problems) if problems else ""
            self.errors[step] = f"{type(exc).__name__}: {exc}\n{detail}\n{traceback.format_exc()}"
            return None


@dataclass
class Pipeline:
    data: Path
    db: Path
    outcomes: dict[str, Outcome]
    build_error: str = ""
    summary: object = None


def add_resolutions(data: Path, new_docs: set[str]) -> None:
    """Write the resolutions whose conflict exists now (a fact of a new page in that group)."""
    cat = catalog.load(data)
    path = data / "conflict_resolutions.csv"
    with path.open(encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    rows = []
    for r in RESOLUTIONS:
        if any(f["region"] == r["region"] and f["indicator"] == r["indicator"] and f["period"] == r["period"]
               and f["doc"] in new_docs for f in cat.facts):
            rows.append([r[c] for c in header])
    if rows:
        old = path.read_text(encoding="utf-8")
        with path.open("a", encoding="utf-8", newline="") as f:
            if not old.endswith("\n"):
                f.write("\n")
            csv.writer(f, lineterminator="\n").writerows(rows)


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory) -> Pipeline:
    """The four pages through add, propose, review and accept on one copy of data/, then one build.
    (The suite's data_copy fixture is function-scoped; this is the same copy, made once per module.)"""
    data = tmp_path_factory.mktemp("e2e") / "data"
    shutil.copytree(catalog.DATA, data, ignore=shutil.ignore_patterns("*.duckdb", "*.wal", ".build-*"))
    indicators = {r["code"]: r["name_zh"] for r in catalog.load(data).indicators}
    outcomes: dict[str, Outcome] = {}
    for page in PAGES:
        o = outcomes[page.file] = Outcome(page)
        row = o.run("add", add_step.add, CORPUS / page.file, data, date=page.date, subject=page.subject)
        if row is None:
            continue
        o.register, o.doc = row, row["doc"]
        if o.run("propose", propose_step.run, o.doc, data) is None:
            continue
        o.proposed = [dict(r) for r in load_review(o.doc, data)]
        o.reviewed = review([dict(r) for r in o.proposed], page, indicators)
        save_review(o.doc, o.reviewed, data)
        o.accepted = o.run("accept", accept_step.accept, o.doc, data)
    add_resolutions(data, {o.doc for o in outcomes.values() if o.doc})
    db = data.parent / "loudi.duckdb"
    p = Pipeline(data, db, outcomes)
    try:
        p.summary = build_step.build(db, data)
    except Exception as exc:
        p.build_error = f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}"
    return p


def outcome(pipeline: Pipeline, file: str) -> Outcome:
    return pipeline.outcomes[file]


PAGE_IDS = [p.file for p in PAGES]


# --- add, propose, review, accept ----------------------------------------------------------------------

@pytest.mark.parametrize("file", PAGE_IDS)
def test_add_registers_the_page_as_pending(pipeline, file):
    o = outcome(pipeline, file)
    assert "add" not in o.errors, o.errors.get("add")
    assert o.register["status"] == "pending"
    assert o.register["subject_region"] == o.page.subject
    assert (pipeline.data / "raw" / o.register["file"]).read_bytes() == (CORPUS / file).read_bytes()


@pytest.mark.parametrize("file", PAGE_IDS)
def test_propose_reads_every_checked_figure(pipeline, file):
    """Each figure checked by reading the page is one candidate, with its value as printed."""
    o = outcome(pipeline, file)
    assert "propose" not in o.errors, o.errors.get("propose")
    missing = []
    for c in o.page.checked:
        hits = [r for r in o.proposed if match(r, (c,))]
        if len(hits) != 1:
            near = [f"{r['candidate_id']} line {r['line']}: {r['value']!r} {r['unit']!r} {r['indicator']} "
                    f"{r['period']}" for r in o.proposed if squeezed(c.where) in squeezed(r["quote"])]
            missing.append(f"{c.value} ({c.where}{', table cell' if c.cell else ''}): {len(hits)} candidates; "
                           f"propose read there: {near[:6]}")
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("file", PAGE_IDS)
def test_accept_takes_the_review(pipeline, file):
    o = outcome(pipeline, file)
    assert "propose" not in o.errors, o.errors.get("propose")
    assert "accept" not in o.errors, o.errors.get("accept")
    accepted = [r for r in o.reviewed if r["decision"] == "accept"]
    assert o.accepted.facts == len(accepted)


@pytest.mark.parametrize("file", PAGE_IDS)
def test_page_is_reviewed(pipeline, file):
    """No undecided row is left and every number of the page is a fact or skipped."""
    o = outcome(pipeline, file)
    assert "accept" not in o.errors, o.errors.get("accept")
    undecided = [r["candidate_id"] for r in o.reviewed if not r["decision"] and not r["hold_back"]]
    assert not undecided
    assert o.accepted.status == "reviewed", str(o.accepted)
    status = {s["doc"]: s["status"] for s in catalog.load(pipeline.data).sources}
    assert status[o.doc] == "reviewed"


# --- build and database ---------------------------------------------------------------------------------

def test_build_publishes_the_database(pipeline):
    assert not pipeline.build_error, pipeline.build_error
    assert pipeline.db.is_file()


@pytest.mark.parametrize("file", PAGE_IDS)
def test_checked_facts_are_in_the_database(pipeline, file):
    """Every checked figure (table cells included) is a fact of its page with the right value, unit,
    region, period and indicator."""
    o = outcome(pipeline, file)
    assert not pipeline.build_error, pipeline.build_error
    with duckdb.connect(str(pipeline.db), read_only=True) as con:
        rows = con.execute("select region, indicator, period, value, unit, quote from indicator_values "
                           "where doc = ?", [o.doc]).fetchall()
        docs = dict(con.execute("select doc, status from sources").fetchall())
    assert o.doc in docs
    missing = []
    for c in o.page.checked:
        if not any((r[0], r[1], r[2], r[3], r[4]) == (c.region, c.indicator, c.period, c.value, c.unit)
                   and squeezed(c.where) in squeezed(r[5]) for r in rows):
            missing.append(f"{c.region} {c.indicator} {c.period} {c.value} {c.unit} ({c.where}"
                           f"{', table cell' if c.cell else ''})")
    assert not missing, f"not in the database for {o.doc} (its facts: {[r[:5] for r in rows]}):\n" + "\n".join(missing)
    assert docs[o.doc] == "reviewed"


# --- the dashboard on the new database ------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("county", COUNTIES)
@pytest.mark.parametrize("page", DASHBOARD_PAGES)
def test_dashboard_page_renders(pipeline, monkeypatch, page, county, lang):
    from streamlit.testing.v1 import AppTest

    assert not pipeline.build_error, pipeline.build_error
    monkeypatch.setitem(os.environ, "LOUDI_DB", str(pipeline.db))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params["county"] = county
    at.query_params["lang"] = lang
    at.run()
    if page != "overview":
        at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, "\n\n".join(f"{e.message}\n{''.join(e.stack_trace)}" for e in at.exception)
    assert not at.error, [e.value for e in at.error]

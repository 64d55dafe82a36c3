"""python -m etl accept: decided review rows move into the catalogue, all or nothing; the build then applies."""
import csv
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from catalog_kit import tree_sha

from etl import accept, add, build, propose
from etl.core import catalog, files, review
from etl.db import queries

ROOT = Path(__file__).resolve().parents[2]
PAGE = ("涟源市2021年地区生产总值达到320.5亿元，同比增长6.8%。\n"
        "桥头河镇2021年新增就业岗位1200个。咨询电话0738-4321888。\n")
LINE1, LINE2 = PAGE.splitlines()
# One row per number token of the page, as propose writes them, already decided by a person.
ROWS = [
    dict(decision="", region="lianyuan", indicator="gdp", period="2021", value="2021", unit="年", quote=LINE1,
         hold_back="a year: the period of the facts"),
    dict(decision="accept", region="lianyuan", region_zh="涟源市", indicator="gdp", indicator_zh="地区生产总值",
         period="2021", value="320.5", unit="亿元", value_base="32050000000", base_unit="yuan", quote=LINE1),
    dict(decision="accept", region="lianyuan", indicator="gdp_growth", period="2021", value="6.8", unit="%",
         qualifier="yoy", quote="涟源市2021年地区生产总值达到320.5亿元，同比增长6.8%"),
    dict(decision="", region="qiaotouhe_town", indicator="new_jobs", period="2021", value="2021", unit="年",
         quote="桥头河镇2021年新增就业岗位1200个", hold_back="a year: the period of the facts"),
    dict(decision="accept", region="qiaotouhe_town", region_zh="桥头河镇", indicator="new_jobs",
         indicator_zh="新增就业岗位", is_new_indicator="true", indicator_en="New jobs", theme="employment",
         period="2021", value="1200", unit="个", quote="桥头河镇2021年新增就业岗位1200个"),
    dict(decision="", value="0738", unit="", quote="咨询电话0738-4321888", hold_back="a phone number"),
    dict(decision="reject", value="4321888", unit="", quote="咨询电话0738-4321888"),
]
HEADER = review.REVIEW_COLUMNS + ["indicator_en", "theme"]


@pytest.fixture
def pending(data_copy, tmp_path) -> Path:
    """data_copy with the test page added as d005 (pending)."""
    src = tmp_path / "page.txt"
    src.write_text(PAGE, encoding="utf-8")
    assert add.add(src, data_copy, date="2022-01-20")["doc"] == "d005"
    return data_copy


def write_review(data: Path, rows: list[dict], header: list[str] = HEADER) -> Path:
    """data/review/d005.csv from partial rows (ids, lines and confidences filled in)."""
    path = data / "review" / "d005.csv"
    path.parent.mkdir(exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, header, lineterminator="\n", extrasaction="ignore")
        w.writeheader()
        for i, row in enumerate(rows, start=1):
            w.writerow({c: "" for c in header} | {"candidate_id": f"d005-c{i:03d}", "line": "1",
                                                  "confidence": "0.9", "is_new_indicator": "false"} | row)
    return path


def test_accept_moves_rows_and_the_page_builds_reviewed(pending, tmp_path):
    write_review(pending, ROWS)
    result = accept.accept("d005", pending)
    assert (result.facts, result.skipped, result.remaining, result.status) == (3, 4, 0, "reviewed")
    assert result.new_indicators == ["new_jobs"] and result.new_regions == ["qiaotouhe_town"]
    cat = catalog.load(pending)
    facts = [f for f in cat.facts if f["doc"] == "d005"]
    assert [f["fact_id"] for f in facts] == ["d005-001", "d005-002", "d005-003"]
    assert [f["value"] for f in facts] == ["320.5", "6.8", "1200"]
    skipped = {(k["number"], k["reason"]) for k in cat.skipped if k["doc"] == "d005"}
    assert ("4321888", accept.REJECTED) in skipped and ("0738", "a phone number") in skipped
    town = next(r for r in cat.regions if r["code"] == "qiaotouhe_town")
    assert (town["level"], town["parent"], town["scope"], town["name_en"]) == ("township", "lianyuan", "loudi",
                                                                               "Qiaotouhe Town")
    ind = next(r for r in cat.indicators if r["code"] == "new_jobs")
    assert (ind["name_en"], ind["theme"], ind["base_unit"]) == ("New jobs", "employment", "count")
    assert next(s for s in cat.sources if s["doc"] == "d005")["status"] == "reviewed"
    assert (pending / "review" / "d005.csv").read_text(encoding="utf-8").strip() == ",".join(HEADER)

    db = tmp_path / "loudi.duckdb"
    build.build(db, pending)
    con = duckdb.connect(str(db), read_only=True)
    try:
        got = con.execute("select region, indicator, value, value_base from indicator_values where doc = 'd005' "
                          "order by fact_id").fetchall()
        cov = con.execute("select uncovered from coverage where doc = 'd005'").fetchone()
    finally:
        con.close()
    assert got == [("lianyuan", "gdp", "320.5", 320.5e8), ("lianyuan", "gdp_growth", "6.8", 6.8),
                   ("qiaotouhe_town", "new_jobs", "1200", 1200.0)]
    assert cov == (0,)
    assert queries.sources(db).set_index("doc").loc["d005", "status"] == "reviewed"


def test_undecided_rows_stay_and_the_page_stays_pending(pending, tmp_path):
    rows = [dict(r) for r in ROWS]
    rows[2]["decision"] = ""  # 6.8 not decided yet
    write_review(pending, rows)
    result = accept.accept("d005", pending)
    assert (result.facts, result.remaining, result.status) == (2, 1, "pending")
    assert accept.review_counts(pending)["d005"] == {"accepted": 0, "rejected": 0, "held_back": 0, "pending": 1}
    left = list(csv.DictReader((pending / "review" / "d005.csv").open(encoding="utf-8")))
    assert [r["candidate_id"] for r in left] == ["d005-c003"]
    db = tmp_path / "loudi.duckdb"
    build.build(db, pending)  # a pending page's undecided number does not stop the build
    row = queries.sources(db).set_index("doc").loc["d005"]
    assert (row["status"], row["facts"], row["candidates_pending"]) == ("pending", 2, 1)
    # the second accept continues the fact ids
    rows = list(csv.DictReader((pending / "review" / "d005.csv").open(encoding="utf-8")))
    rows[0]["decision"] = "accept"
    write_review(pending, rows)
    assert accept.accept("d005", pending).status == "reviewed"
    assert "d005-003" in {f["fact_id"] for f in catalog.load(pending).facts}


def test_review_counts(pending):
    assert accept.review_counts(pending) == {}
    write_review(pending, ROWS + [dict(decision="", value="9", quote=LINE1)])
    assert accept.review_counts(pending) == {"d005": {"accepted": 3, "rejected": 1, "held_back": 3, "pending": 1}}


def with_change(index: int, **changes) -> list[dict]:
    rows = [dict(r) for r in ROWS]
    rows[index] |= changes
    return rows


BAD = {
    "unknown region without region_zh": (with_change(1, region="atlantis", region_zh=""), "region",
                                         "unknown region 'atlantis' and no region_zh"),
    "unknown unit": (with_change(1, unit="亿美元"), "unit", "unknown unit '亿美元'"),
    "unit without conversion": (with_change(1, unit="%"), "unit", "'%' has no conversion to 'yuan'"),
    "quote not in page": (with_change(1, quote="涟源市2021年地区生产总值达到999亿元"), "quote", "quote not found in d005"),
    "value not in quote": (with_change(1, value="320.6"), "value", "'320.6' is not a number in the quote"),
    "bad decision word": (with_change(1, decision="maybe"), "decision", "'maybe' is not accept, reject or empty"),
    "new indicator lacking name_en": (with_change(4, indicator_en=""), "indicator_en",
                                      "new indicator 'new_jobs' lacks name_en"),
    "unknown indicator not marked new": (with_change(4, is_new_indicator="false"), "indicator",
                                         "unknown indicator 'new_jobs'"),
    "bad period": (with_change(1, period="2021年"), "period", "'2021年' is not YYYY"),
    "bad qualifier": (with_change(2, qualifier="yearly"), "qualifier", "'yearly' not one of"),
    "region already known by another code": (with_change(4, region="lianyuan_city", region_zh="涟源市"), "region",
                                             "already in data/regions.csv as 'lianyuan'"),
    "rejected value not in its quote": (with_change(6, value="4321889"), "value", "is not a number in the quote"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_invalid_row_names_line_and_nothing_changes(case, pending):
    rows, field, reason = BAD[case]
    write_review(pending, rows)
    index = next(i for i, (a, b) in enumerate(zip(rows, ROWS)) if a != b)
    before = tree_sha(pending)
    with pytest.raises(accept.AcceptError) as err:
        accept.accept("d005", pending)
    message = str(err.value)
    assert f"data/review/d005.csv:{index + 2}: {field}: " in message
    assert reason in message
    assert tree_sha(pending) == before


def test_missing_review_file_and_unknown_doc(pending):
    with pytest.raises(accept.AcceptError, match="data/review/d005.csv: no such review file"):
        accept.accept("d005", pending)
    with pytest.raises(accept.AcceptError, match="no document 'd077'"):
        accept.accept("d077", pending)


def test_header_must_have_the_contract_columns(pending):
    write_review(pending, ROWS, header=[c for c in HEADER if c != "hold_back"])
    with pytest.raises(accept.AcceptError, match=r"d005.csv:1: header lacks column\(s\) hold_back"):
        accept.accept("d005", pending)


def test_cli_prints_counts_and_next_step(pending):
    write_review(pending, with_change(1, unit="亿美元"))
    before = tree_sha(pending)
    cmd = [sys.executable, "-m", "etl", "--data", str(pending), "accept", "d005"]
    bad = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    assert bad.returncode == 1 and "data/review/d005.csv:3: unit: unknown unit" in bad.stderr
    assert "nothing changed" in bad.stderr and tree_sha(pending) == before
    write_review(pending, ROWS)
    ok = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert "3 facts accepted, 4 numbers skipped, 0 candidates still undecided" in ok.stdout
    assert "python -m etl build" in ok.stdout


def test_round_trip_add_propose_accept_build(data_copy, tmp_path):
    src = tmp_path / "page.txt"
    src.write_text("涟源市2021年地区生产总值达到320.5亿元，同比增长6.8%。\n", encoding="utf-8")
    doc = add.add(src, data_copy, date="2022-01-20")["doc"]
    path, candidates = propose.run(doc, data_copy)
    assert candidates
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        header, rows = reader.fieldnames, list(reader)
    by_value = {r["value"]: r for r in rows}
    assert {"320.5", "6.8"} <= set(by_value)
    for row in rows:  # a person: accept the two figures, reject anything else not held back
        if row["value"] in ("320.5", "6.8"):
            row["decision"] = "accept"
            if row["is_new_indicator"] == "true":
                row["indicator"] = {"320.5": "gdp", "6.8": "gdp_growth"}[row["value"]]
        elif not row["hold_back"]:
            row["decision"] = "reject"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    result = accept.accept(doc, data_copy)
    assert result.status == "reviewed" and result.facts == 2
    db = tmp_path / "loudi.duckdb"
    build.build(db, data_copy)
    values = queries.values(db, docs=[doc]).set_index("value")
    assert values.loc["320.5", "value_base"] == pytest.approx(320.5e8)
    assert set(values["region"]) == {"lianyuan"} and set(values["period"]) == {"2021"}


def test_hunan_divisions_come_from_jionlp_tree():
    """The division list is jionlp's data: every county-level division of Hunan with its code and short name."""
    from etl.core import places

    counties = [d for d in places.hunan() if d.level == "county"]
    assert len(counties) > 100
    lianyuan = next(d for d in counties if d.name == "涟源市")
    assert (lianyuan.alias, lianyuan.code, lianyuan.path) == ("涟源", "431382", ("娄底市", "涟源市"))
    # with detail, townships and villages too; a name may repeat, each with its own path
    town = places.by_name()["桥头河镇"]
    assert [d.path for d in town] == [("娄底市", "涟源市", "桥头河镇")] and town[0].level == "township"


def test_one_bad_row_changes_nothing_and_names_file_line_field(pending):
    rows = [dict(r) for r in ROWS]
    rows[4] = rows[4] | {"unit": "亿美元"}  # line 6 of the review file: a unit data/units.csv does not know
    write_review(pending, rows)
    before = tree_sha(pending)
    with pytest.raises(accept.AcceptError) as err:
        accept.accept("d005", pending)
    assert err.value.problems == ["data/review/d005.csv:6: unit: unknown unit '亿美元': not in data/units.csv"]
    assert tree_sha(pending) == before


@pytest.mark.parametrize("crash_at", [1, 3, 5])
def test_a_crash_while_accept_writes_leaves_all_or_nothing(pending, monkeypatch, crash_at):
    """Fault injection: os.replace dies after `crash_at` calls. Before the commit point nothing changed;
    after it the next load of the catalogue finishes the change: never some files old and some new."""
    write_review(pending, ROWS)
    before = tree_sha(pending)
    real_replace, calls = os.replace, []

    def dying_replace(src, dst):
        calls.append(dst)
        if len(calls) > crash_at:
            raise OSError("simulated crash")
        real_replace(src, dst)

    monkeypatch.setattr(files.os, "replace", dying_replace)
    with pytest.raises(OSError, match="simulated crash"):
        accept.accept("d005", pending)
    monkeypatch.setattr(files.os, "replace", real_replace)
    committed = (pending / files.STAGE / files.MANIFEST).exists()
    cat = catalog.load(pending)  # recovers
    assert not (pending / files.STAGE).exists()
    status = next(s for s in cat.sources if s["doc"] == "d005")["status"]
    new_facts = [f for f in cat.facts if f["doc"] == "d005"]
    if committed:
        assert (status, len(new_facts)) == ("reviewed", 3)
        assert {r["code"] for r in cat.regions} >= {"qiaotouhe_town"}
        assert "new_jobs" in {r["code"] for r in cat.indicators}
    else:
        assert tree_sha(pending) == before
        assert (status, new_facts) == ("pending", [])


def test_a_page_with_every_row_rejected_stays_pending(pending, tmp_path):
    """A reviewed page has at least one fact (checks/sources_complete.sql): accept keeps it pending rather
    than write a register the build would refuse."""
    write_review(pending, [r | {"decision": "reject"} for r in ROWS])
    result = accept.accept("d005", pending)
    assert (result.facts, result.remaining, result.status) == (0, 0, "pending")
    assert any("no fact of d005 is accepted" in w for w in result.warnings)
    build.build(tmp_path / "x.duckdb", pending)  # and the build takes it

"""data/audit.csv: every accepted, edited, rejected (and held-back) review row is recorded by accept, in the
same commit as the catalogue change, compared with the candidates as proposed; the build loads it into the
``audit`` table and queries.audit pages it, latest first."""
import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from catalog_kit import tree_sha

from etl import accept, add, build, propose
from etl.core import audit, review
from etl.db import queries

ROOT = Path(__file__).resolve().parents[2]
PAGE = "涟源市2021年地区生产总值达到320.5亿元，同比增长6.8%。\n桥头河镇新增就业岗位1200个。\n"
NEW_JOBS = {"indicator": "new_jobs", "indicator_zh": "新增就业岗位", "is_new_indicator": "true",
            "indicator_en": "New jobs", "theme": "employment"}


@pytest.fixture
def proposed(data_copy, tmp_path):
    """data_copy with the page added as d005 and proposed: (data, rows as propose wrote them)."""
    src = tmp_path / "page.txt"
    src.write_text(PAGE, encoding="utf-8")
    doc = add.add(src, data_copy, date="2022-01-20")["doc"]
    assert doc == "d005"
    propose.run(doc, data_copy)
    return data_copy, review.load_review(doc, data_copy)


def decide(rows: list[dict]) -> list[dict]:
    """A reviewer: accept 320.5 as proposed, reject 6.8, accept 1200 with its new indicator named."""
    by_value = {r["value"]: r for r in rows}
    assert {"2021", "320.5", "6.8", "1200"} <= set(by_value), rows
    rows = [dict(r, indicator_en=r.get("indicator_en", ""), theme=r.get("theme", "")) for r in rows]
    for r in rows:
        if r["value"] == "320.5":
            r["decision"] = "accept"
        elif r["value"] == "6.8":
            r["decision"] = "reject"
        elif r["value"] == "1200":
            r.update(NEW_JOBS, decision="accept")
    return rows


def audit_of(data: Path) -> list[dict]:
    return audit.read(data)


def test_accept_records_who_decided_what_and_each_edit(proposed, monkeypatch):
    data, rows = proposed
    as_proposed = {r["candidate_id"]: r for r in rows}
    review.save_review("d005", decide(rows), data)  # the first save keeps the file as proposed
    assert review.load_proposed("d005", data) == {cid: r for cid, r in as_proposed.items()}
    monkeypatch.setenv("LOUDI_REVIEWER", "someone-else")
    result = accept.accept("d005", data, who="alice")
    assert result.facts == 2
    log = audit_of(data)
    assert {r["who"] for r in log} == {"alice"} and {r["doc"] for r in log} == {"d005"}
    assert all(r["at"][:4].isdigit() and "T" in r["at"] for r in log)
    by = {(r["candidate_id"], r["decision"], r["field"]): r for r in log}
    cid = {r["value"]: r["candidate_id"] for r in rows}
    assert by[(cid["320.5"], "accept", "")]["fact_id"] == "d005-001"
    assert (cid["6.8"], "reject", "") in by and (cid["2021"], "skip", "") in by
    jobs = cid["1200"]
    assert by[(jobs, "accept", "")]["fact_id"] == "d005-002"
    edit = by[(jobs, "edit", "indicator")]
    assert (edit["before"], edit["after"], edit["fact_id"]) == (as_proposed[jobs]["indicator"], "new_jobs", "d005-002")
    assert by[(jobs, "edit", "indicator_en")]["after"] == "New jobs"
    assert by[(jobs, "edit", "theme")]["after"] == "employment"
    # an accepted row left as proposed has no edit rows
    assert not [r for r in log if r["candidate_id"] == cid["320.5"] and r["decision"] == "edit"]
    assert list(csv.reader(io.StringIO((data / "audit.csv").read_text(encoding="utf-8"))))[0] == audit.COLUMNS


def test_who_defaults_to_the_environment_then_the_os_user(monkeypatch):
    monkeypatch.setenv("LOUDI_REVIEWER", "bob")
    assert audit.reviewer(None) == "bob" and audit.reviewer("alice") == "alice"
    monkeypatch.delenv("LOUDI_REVIEWER")
    import getpass

    assert audit.reviewer(None) == getpass.getuser()


def test_the_audit_is_append_only(proposed):
    data, rows = proposed
    decided = decide(rows)
    for r in decided:
        if r["value"] == "6.8":
            r["decision"] = ""  # left for a second round
    review.save_review("d005", decided, data)
    accept.accept("d005", data, who="alice")
    first = (data / "audit.csv").read_bytes()
    left = review.load_review("d005", data)
    assert [r["value"] for r in left] == ["6.8"]
    left[0]["decision"] = "accept"
    review.save_review("d005", left, data)
    accept.accept("d005", data, who="carol")
    second = (data / "audit.csv").read_bytes()
    assert second.startswith(first) and len(second) > len(first)
    last = audit_of(data)[-1]
    assert (last["who"], last["decision"], last["fact_id"]) == ("carol", "accept", "d005-003")


def test_a_refused_accept_records_nothing(proposed):
    data, rows = proposed
    decided = decide(rows)
    next(r for r in decided if r["value"] == "320.5")["unit"] = "furlongs"
    review.save_review("d005", decided, data)
    before = tree_sha(data)
    with pytest.raises(accept.AcceptError):
        accept.accept("d005", data, who="alice")
    assert tree_sha(data) == before and not (data / "audit.csv").exists()


def test_cli_compares_a_spreadsheet_edit_with_what_propose_proposes(proposed, monkeypatch):
    """Edited outside the review page (no proposal kept): the command line compares with propose's
    candidates now, keeps them as data/review/DOC.proposed.csv, and takes the reviewer from $LOUDI_REVIEWER."""
    data, rows = proposed
    path = review.review_path(data, "d005")
    decided = decide(rows)
    header = list(decided[0])
    with path.open("w", encoding="utf-8", newline="") as f:  # as a spreadsheet would: no save_review
        w = csv.DictWriter(f, header, lineterminator="\n")
        w.writeheader()
        w.writerows(decided)
    assert not review.proposed_path(data, "d005").exists()
    env = {"LOUDI_REVIEWER": "dora"}
    run = subprocess.run([sys.executable, "-m", "etl", "--data", str(data), "accept", "d005"], cwd=ROOT,
                         capture_output=True, text=True, env={**__import__("os").environ, **env})
    assert run.returncode == 0, run.stderr
    log = audit_of(data)
    assert {r["who"] for r in log} == {"dora"}
    jobs = next(r["candidate_id"] for r in rows if r["value"] == "1200")
    edits = {r["field"]: (r["before"], r["after"]) for r in log if r["candidate_id"] == jobs and r["decision"] == "edit"}
    assert edits["indicator"][1] == "new_jobs" and edits["theme"] == ("", "employment"), edits
    assert review.load_proposed("d005", data)  # kept, in the same commit
    # --who wins over the environment
    assert "--who" in subprocess.run([sys.executable, "-m", "etl", "accept", "--help"], cwd=ROOT,
                                     capture_output=True, text=True).stdout


def test_build_loads_the_audit_and_queries_page_it_latest_first(proposed, tmp_path):
    data, rows = proposed
    db = tmp_path / "a.duckdb"
    build.build(db, data)
    assert queries.audit(db).empty and queries.audit_count(db) == 0  # no data/audit.csv: no rows
    review.save_review("d005", decide(rows), data)
    accept.accept("d005", data, who="alice")
    build.build(db, data)
    log = audit_of(data)
    assert queries.audit_count(db) == len(log)
    latest = queries.audit(db, limit=2)
    assert list(latest.columns) == audit.COLUMNS
    assert list(latest["candidate_id"].fillna("")) == [r["candidate_id"] for r in log[::-1][:2]]
    page2 = queries.audit(db, limit=2, offset=2)
    assert list(page2["decision"]) == [r["decision"] for r in log[::-1][2:4]]

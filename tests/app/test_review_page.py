"""The review page exists only when the app is started for review, and takes a new page from its proposed
candidates to accepted facts in a rebuilt database; the sources page shows each page's review status."""
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from etl import accept, add, build, propose
from etl.db import queries

ROOT = Path(__file__).resolve().parents[2]
NEW_PAGE = ("涟源日报 2021年6月1日\n"
            "涟源市2021年一季度地区生产总值达到80.5亿元，同比增长9.2%。\n"
            "全市新增就业岗位3200个。\n")


def app(monkeypatch, db: Path, data: Path | None = None, review: bool = False, **params) -> AppTest:
    monkeypatch.setenv("LOUDI_DB", str(db))
    if data is not None:
        monkeypatch.setenv("LOUDI_DATA", str(data))
    if review:
        monkeypatch.setenv("LOUDI_REVIEW", "1")
    else:
        monkeypatch.delenv("LOUDI_REVIEW", raising=False)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


@pytest.fixture
def pending_page(data_copy, tmp_path):
    """A copy of data/ with a new page added and proposed, built into its own database."""
    source = tmp_path / "new_page.txt"
    source.write_text(NEW_PAGE, encoding="utf-8")
    doc = add.add(source, data_copy, date="2021-06-01", title="一季度经济", publisher="涟源日报")["doc"]
    propose.run(doc, data_copy)
    db = tmp_path / "review.duckdb"
    build.build(db, data_copy)
    return doc, data_copy, db


def test_shared_dashboard_has_no_review_page(monkeypatch, built_db):
    at = app(monkeypatch, built_db)
    assert not at.exception
    # the navigation registers six pages and no review page
    with pytest.raises(ValueError, match=r"Known pages: .*sources\.py'\]"):
        at.switch_page("pages/review.py")
    assert not any(b.key == "review_accept" for b in at.button)


def test_sources_page_shows_status_per_page(monkeypatch, pending_page):
    doc, data, db = pending_page
    at = app(monkeypatch, db, data)
    at.switch_page("pages/sources.py").run()
    assert not at.exception, [e.value for e in at.exception]
    status = queries.sources(db).set_index("doc")
    assert status.loc[doc, "status"] == "pending" and status.loc[doc, "facts"] == 0
    assert status.loc[doc, "candidates_pending"] > 0
    assert status.loc["d000", "status"] == "reviewed" and status.loc["d000", "facts"] == 70
    pending_note = [i.value for i in at.info if doc in i.value]
    assert pending_note and str(status.loc[doc, "candidates_pending"]) in pending_note[0]


def test_review_page_accepts_and_rebuilds(monkeypatch, pending_page):
    doc, data, db = pending_page
    at = app(monkeypatch, db, data, review=True)
    at.switch_page("pages/review.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key="review_doc").value == doc
    rows = accept.load_review(doc, data)
    to_accept = [r for r in rows if not r["hold_back"]]
    assert to_accept, rows

    # bulk: every undecided, not held-back candidate at or above confidence 0 is marked accept in the file
    at.slider(key="review_threshold").set_value(0.0).run()
    at.button(key="review_bulk").click().run()
    assert not at.exception, [e.value for e in at.exception]
    decided = accept.load_review(doc, data)
    assert {r["decision"] for r in decided if not r["hold_back"]} == {"accept"}

    # a new indicator without an English name: the page names the row and the field, nothing changes
    db_before = db.read_bytes()
    at.button(key="review_accept").click().run()
    assert not at.exception, [e.value for e in at.exception]
    new_rows = [r for r in decided if r["decision"] == "accept" and r["is_new_indicator"] == "true"]
    if new_rows:
        errors = " ".join(e.value for e in at.error)
        assert f"data/review/{doc}.csv:" in errors and "indicator_en" in errors, errors
        assert db.read_bytes() == db_before and not (data / "facts" / f"{doc}.csv").exists()
        for r in decided:  # the reviewer names the new indicators (in the editor or the CSV file)
            if r in new_rows:
                r.update(indicator_en=f"New indicator {r['candidate_id']}", theme="economy")
        accept.save_review(doc, decided, data)
        at.button(key="review_accept").click().run()
    assert at.success and "已收录并重建" in at.success[0].value, ([e.value for e in at.error],
                                                              [w.value for w in at.warning])
    facts = queries.values(db)
    facts = facts[facts["doc"] == doc]
    assert sorted(facts["value"]) == sorted(r["value"] for r in to_accept)  # as printed
    assert queries.sources(db).set_index("doc").loc[doc, "status"] == "reviewed"


def test_review_page_reports_a_bad_row_and_changes_nothing(monkeypatch, pending_page):
    doc, data, db = pending_page
    rows = accept.load_review(doc, data)
    for r in rows:
        r["decision"] = "accept" if not r["hold_back"] else ""
        r.update(indicator_en=f"New indicator {r['candidate_id']}", theme="economy")
    first = next(r for r in rows if r["decision"] == "accept")
    first["unit"] = "furlongs"  # no such unit in data/units.csv
    accept.save_review(doc, rows, data)
    facts_before = (data / "facts").glob("*.csv")
    before = {p.name: p.read_bytes() for p in facts_before}
    db_before = db.read_bytes()

    at = app(monkeypatch, db, data, review=True)
    at.switch_page("pages/review.py").run()
    at.button(key="review_accept").click().run()
    assert not at.exception, [e.value for e in at.exception]
    errors = " ".join(e.value for e in at.error)
    assert f"data/review/{doc}.csv" in errors and "furlongs" in errors, errors
    assert {p.name: p.read_bytes() for p in (data / "facts").glob("*.csv")} == before
    assert db.read_bytes() == db_before


def test_sources_page_counts_rows_decided_but_not_yet_accepted(monkeypatch, pending_page):
    """Rows marked accept or reject in the review file, before ``etl accept`` moves them, are counted
    (beside the pending and held-back ones) in the pages table and in the page's note."""
    doc, data, db = pending_page
    rows = accept.load_review(doc, data)
    candidates = [r for r in rows if not r["hold_back"]]
    assert len(candidates) >= 3, rows
    candidates[0]["decision"], candidates[1]["decision"] = "accept", "reject"
    accept.save_review(doc, rows, data)
    build.build(db, data)
    counts = queries.sources(db).set_index("doc").loc[doc]
    assert (counts["candidates_accepted"], counts["candidates_rejected"]) == (1, 1)
    held = sum(1 for r in rows if r["hold_back"] and not r["decision"])
    assert (counts["candidates_pending"], counts["candidates_held_back"]) == (len(candidates) - 2, held)

    for lang, headers in [("zh", ["已接受待收录", "已拒绝待收录", "待审候选", "暂缓候选"]),
                          ("en", ["Accepted, not yet moved", "Rejected, not yet moved", "Candidates pending",
                                  "Held back"])]:
        at = app(monkeypatch, db, data, lang=lang)
        at.switch_page("pages/sources.py").run()
        assert not at.exception, [e.value for e in at.exception]
        table = at.dataframe[0].value  # the searchable table of pages
        row = table.set_index(table.columns[0]).loc[doc]
        assert [row[h] for h in headers] == [1, 1, len(candidates) - 2, held], row
        note = next(i.value for i in at.info if doc in i.value)
        assert ("已标为接受 1 个、拒绝 1 个" if lang == "zh" else "1 marked accept and 1 reject") in note, note

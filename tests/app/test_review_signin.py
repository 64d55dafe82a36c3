"""The review page edits data: it opens only for a signed-in reviewer (OIDC through st.login, or the reviewer
password of secrets.toml) or, with neither configured, only on this machine. Accepting there holds the
catalogue's lock and records the reviewer in data/audit.csv, which the sources page shows."""
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit import config as st_config
from streamlit.testing.v1 import AppTest

from etl import add, build, propose
from etl.core import audit, lock, review

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery staple"
PAGE = "涟源市2021年地区生产总值达到320.5亿元，同比增长6.8%。\n"


@pytest.fixture
def server_address():
    """Set Streamlit's server.address option for the test (AppTest runs the app in this process)."""
    old = st_config.get_option("server.address")

    def set_address(value):
        st_config.set_option("server.address", value)

    yield set_address
    st_config.set_option("server.address", old)


@pytest.fixture
def pending(data_copy, tmp_path, monkeypatch):
    """A new page proposed and decided (accept the two figures), built into its own database."""
    src = tmp_path / "page.txt"
    src.write_text(PAGE, encoding="utf-8")
    doc = add.add(src, data_copy, date="2022-01-20")["doc"]
    propose.run(doc, data_copy)
    rows = review.load_review(doc, data_copy)
    for r in rows:
        r["decision"] = "accept" if r["value"] in ("320.5", "6.8") else ("" if r["hold_back"] else "reject")
    review.save_review(doc, rows, data_copy)
    db = tmp_path / "review.duckdb"
    build.build(db, data_copy)
    monkeypatch.setenv("LOUDI_DB", str(db))
    monkeypatch.setenv("LOUDI_DATA", str(data_copy))
    return doc, data_copy, db


def review_app(monkeypatch, secrets: dict | None = None, review_mode: bool = True) -> AppTest:
    if review_mode:
        monkeypatch.setenv("LOUDI_REVIEW", "1")
    else:
        monkeypatch.delenv("LOUDI_REVIEW", raising=False)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    for section, values in (secrets or {}).items():
        at.secrets[section] = values
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    if review_mode:
        at.switch_page("pages/review.py").run()
        assert not at.exception, [e.value for e in at.exception]
    return at


def editor_shown(at: AppTest) -> bool:
    keys = {w.key for w in at.button} | {w.key for w in at.selectbox}
    return bool(keys & {"review_accept", "review_save", "review_bulk", "review_doc"})


def password_secrets() -> dict:
    return {"review": {"password_sha256": hashlib.sha256(PASSWORD.encode()).hexdigest()}}


def test_refused_without_configuration_on_a_non_local_address(monkeypatch, pending, server_address):
    server_address("0.0.0.0")
    at = review_app(monkeypatch)
    refusal = " ".join(e.value for e in at.error)
    assert "server.address = 0.0.0.0" in refusal and "127.0.0.1" in refusal, refusal
    assert not editor_shown(at)


def test_open_without_configuration_on_this_machine(monkeypatch, pending, server_address):
    server_address("127.0.0.1")
    monkeypatch.setenv("LOUDI_REVIEWER", "local-reviewer")
    at = review_app(monkeypatch)
    assert editor_shown(at) and not at.error
    assert any("local-reviewer" in c.value for c in at.caption)


def test_the_right_password_signs_in_and_a_wrong_one_does_not(monkeypatch, pending, server_address):
    server_address("0.0.0.0")  # a shared address: the password is what lets a reviewer in
    at = review_app(monkeypatch, password_secrets())
    assert not editor_shown(at) and at.text_input(key="review_password")
    at.text_input(key="review_password").input("not the password")
    at.button(key="review_sign_in").click().run()
    assert not editor_shown(at)
    assert any("Wrong password" in e.value or "密码错误" in e.value for e in at.error)

    at.text_input(key="review_name").input("alice")
    at.text_input(key="review_password").input(PASSWORD)
    at.button(key="review_sign_in").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert editor_shown(at) and any("alice" in c.value for c in at.caption)
    assert at.session_state["review_password"] == ""  # the password itself is not kept
    at.button(key="review_sign_out").click().run()
    assert not editor_shown(at)


def test_with_a_provider_configured_the_page_asks_to_sign_in(monkeypatch, pending, server_address):
    server_address("127.0.0.1")  # even on this machine
    secrets = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "test-only",
                        "client_id": "x", "client_secret": "y",
                        "server_metadata_url": "https://example.invalid/.well-known/openid-configuration"},
               "review": {"reviewers": ["alice@example.org"]}}
    at = review_app(monkeypatch, secrets)
    assert not editor_shown(at)
    assert any(b.key == "review_sign_in" for b in at.button)


def test_the_shared_dashboard_never_registers_the_review_page(monkeypatch, pending):
    at = review_app(monkeypatch, password_secrets(), review_mode=False)
    with pytest.raises(ValueError, match="Known pages"):
        at.switch_page("pages/review.py")


def test_accepting_records_the_reviewer_and_the_sources_page_shows_the_audit(monkeypatch, pending, server_address):
    doc, data, db = pending
    server_address("0.0.0.0")
    at = review_app(monkeypatch, password_secrets())
    at.text_input(key="review_name").input("alice")
    at.text_input(key="review_password").input(PASSWORD)
    at.button(key="review_sign_in").click().run()
    at.button(key="review_accept").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.success, ([e.value for e in at.error], [w.value for w in at.warning])
    log = audit.read(data)
    assert {r["who"] for r in log} == {"alice"}
    assert sorted(r["fact_id"] for r in log if r["decision"] == "accept") == [f"{doc}-001", f"{doc}-002"]

    at.switch_page("pages/sources.py").run()
    assert not at.exception, [e.value for e in at.exception]
    shown = at.dataframe[-1].value
    assert len(shown) == len(log) and set(shown.iloc[:, 1]) == {"alice"}  # who, latest first
    assert any(d.proto.label and "CSV" in d.proto.label for d in at.get("download_button"))


def test_a_busy_catalogue_is_reported_and_nothing_changes(monkeypatch, pending, server_address):
    doc, data, db = pending
    server_address("127.0.0.1")
    monkeypatch.setenv(lock.WAIT_ENV, "0.3")
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from pathlib import Path; from etl.core import lock\n"
        "with lock.held(Path(sys.argv[1]), 'python -m etl build', who='bob'):\n"
        "    print('held', flush=True); time.sleep(60)\n"), str(data)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        facts = sorted(p.name for p in (data / "facts").glob("*.csv"))
        db_before = db.read_bytes()
        at = review_app(monkeypatch)
        at.button(key="review_accept").click().run()
        errors = " ".join(e.value for e in at.error)
        assert "bob" in errors and f"pid {holder.pid}" in errors and "python -m etl build" in errors, errors
        assert sorted(p.name for p in (data / "facts").glob("*.csv")) == facts and db.read_bytes() == db_before
        assert not (data / "audit.csv").exists()
    finally:
        holder.kill()
        holder.wait()
    assert os.environ.get(lock.WAIT_ENV) == "0.3"


def test_the_sources_page_reads_a_database_built_before_the_audit(monkeypatch, pending):
    import duckdb

    doc, data, db = pending
    con = duckdb.connect(str(db))
    con.execute("drop table audit")
    con.close()
    from ui import review as ui_review

    log, total = ui_review.audit_log(1)
    assert total == 0 and list(log.columns) == audit.COLUMNS

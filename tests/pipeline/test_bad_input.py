"""Each kind of bad input fails with a file/line/reason message and leaves the previous database untouched."""
import csv
import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from etl import build
from etl.core.catalog import CatalogError
from etl.db import checks

ROOT = Path(__file__).resolve().parents[2]
GOOD_ROW = ["d001-900", "d001", "lianyuan", "gdp", "2013", "168.3", "亿元", "", "", "地区生产总值 2013年 168.3亿元", ""]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def append_fact(data: Path, row: list[str]) -> int:
    """Append a row to data/facts/d001.csv; return its line number."""
    path = data / "facts" / "d001.csv"
    with path.open("a", newline="", encoding="utf-8") as f:
        csv.writer(f).writerow(row)
    return len(path.read_text(encoding="utf-8").splitlines())


def with_field(**changes) -> list[str]:
    cols = ["fact_id", "doc", "region", "indicator", "period", "value", "unit", "qualifier", "out_of", "quote", "note"]
    return [changes.get(c, v) for c, v in zip(cols, GOOD_ROW)]


@pytest.fixture
def published(data_copy, tmp_path) -> Path:
    """A database built from the good copy: the 'previous' database a failed build must not touch."""
    db = tmp_path / "loudi.duckdb"
    build.build(db, data_copy)
    return db


BAD_ROWS = {
    "unknown region": (with_field(region="atlantis"), "region", "unknown region 'atlantis'"),
    "non-numeric value": (with_field(value="lots"), "value", "non-numeric value"),
    "quote not in page": (with_field(quote="地区生产总值 2013年 999亿元"), "quote", "quote not found in d001"),
    "duplicate id": (with_field(fact_id="d001-001"), "fact_id", "duplicate fact_id 'd001-001'"),
    "unknown unit": (with_field(unit="亿美元"), "unit", "unknown unit '亿美元'"),
    "missing indicator entry": (with_field(indicator="happiness"), "indicator",
                                "indicator 'happiness' has no entry in data/indicators.csv"),
    "malformed CSV line": (GOOD_ROW[:5], "", "malformed line: 5 fields, expected 11"),
}


@pytest.mark.parametrize("case", list(BAD_ROWS))
def test_bad_fact_is_refused_and_database_unchanged(case, data_copy, published):
    row, field, reason = BAD_ROWS[case]
    line = append_fact(data_copy, row)
    before = sha(published)
    with pytest.raises(CatalogError) as err:
        build.build(published, data_copy)
    message = str(err.value)
    assert f"data/facts/d001.csv:{line}: " in message
    assert reason in message
    if field:
        assert f":{line}: {field}: " in message
    assert sha(published) == before
    assert not list(published.parent.glob(".build-*"))


def test_unresolved_conflict_is_refused(data_copy, published):
    append_fact(data_copy, with_field(fact_id="d001-901", period="2020", value="302.9", quote="2020年 302.9亿元",
                                      region="lianyuan", indicator="fiscal_revenue"))
    before = sha(published)
    with pytest.raises(CatalogError, match="unresolved conflict lianyuan fiscal_revenue 2020"):
        build.build(published, data_copy)
    assert sha(published) == before


def test_failure_in_the_middle_of_a_build_leaves_old_database(data_copy, published, monkeypatch):
    """Tables are already written into the temporary file when the checks step blows up."""
    before = sha(published)

    def explode(con, checks_dir=None):
        assert con.execute("select count(*) from facts").fetchone()[0] > 0  # really mid-build
        raise RuntimeError("injected failure")

    monkeypatch.setattr(checks, "run_all", explode)
    with pytest.raises(RuntimeError, match="injected failure"):
        build.build(published, data_copy)
    assert sha(published) == before
    assert not list(published.parent.glob(".build-*"))


def test_failing_sql_check_stops_publishing(data_copy, published, tmp_path):
    checks_dir = tmp_path / "checks"
    checks_dir.mkdir()
    (checks_dir / "always_fails.sql").write_text("select fact_id from facts where value = '18.3'")
    before = sha(published)
    with pytest.raises(build.BuildError, match="check always_fails: 1 offending row"):
        build.build(published, data_copy, checks_dir)
    assert sha(published) == before


def test_cli_exit_code_and_message(data_copy, published):
    line = append_fact(data_copy, with_field(region="atlantis"))
    before = sha(published)
    proc = subprocess.run([sys.executable, "-m", "etl", "--data", str(data_copy), "build", "--db", str(published)],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 1
    assert f"data/facts/d001.csv:{line}: region: unknown region 'atlantis'" in proc.stderr
    assert "left unchanged" in proc.stderr
    assert sha(published) == before


def test_changed_raw_page_is_refused(data_copy, published):
    page = next((data_copy / "raw").glob("001_*.txt"))
    page.write_text(page.read_text(encoding="utf-8").replace("302.9", "392.9"), encoding="utf-8")
    with pytest.raises(CatalogError, match="changed since it was registered"):
        build.build(published, data_copy)

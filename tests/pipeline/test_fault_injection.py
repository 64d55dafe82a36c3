"""Real crashes: ``python -m etl accept`` and ``python -m etl build`` killed with SIGKILL at a named point
(``LOUDI_FAULT``, see etl.core.lock.CRASH_POINTS). The catalogue is then wholly old or, after the next
load's recover, wholly new (never mixed), a killed build leaves the previous database byte for byte, no
leftover blocks the next run, and the next accept / build succeeds."""
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from catalog_kit import tree_sha

from etl import accept, add, build, propose
from etl.core import audit, catalog, files, lock, review

ROOT = Path(__file__).resolve().parents[2]
PAGE = "涟源市2021年地区生产总值达到320.5亿元，同比增长6.8%。\n桥头河镇新增就业岗位1200个。\n"


def etl(data: Path, *args: str, fault: str = "") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != lock.FAULT_ENV} | ({lock.FAULT_ENV: fault} if fault else {})
    return subprocess.run([sys.executable, "-m", "etl", "--data", str(data), *args], cwd=ROOT, capture_output=True,
                          text=True, env=env, timeout=300)


def snapshot(data: Path) -> dict[str, bytes]:
    """Every file of the catalogue folder by relative path, the audit's timestamps blanked."""
    out = {}
    for p in sorted(q for q in data.rglob("*") if q.is_file()):
        name = p.relative_to(data).as_posix()
        out[name] = p.read_bytes()
    if "audit.csv" in out:
        rows = [r | {"at": ""} for r in audit.read(data)]
        out["audit.csv"] = files.csv_text([audit.COLUMNS] + [[r[c] for c in audit.COLUMNS] for r in rows]).encode()
    return out


@pytest.fixture
def decided(data_copy, tmp_path):
    """data_copy with d005 added, proposed and decided by a reviewer; and the catalogue an uninterrupted
    accept makes of it (a copy accepted in-process): (data, expected)."""
    src = tmp_path / "page.txt"
    src.write_text(PAGE, encoding="utf-8")
    assert add.add(src, data_copy, date="2022-01-20")["doc"] == "d005"
    propose.run("d005", data_copy)
    rows = review.load_review("d005", data_copy)
    for r in rows:
        r.setdefault("indicator_en", "")
        r.setdefault("theme", "")
        if r["value"] in ("320.5", "6.8"):
            r["decision"] = "accept"
        elif r["value"] == "1200":
            r.update(decision="accept", indicator="new_jobs", indicator_zh="新增就业岗位", is_new_indicator="true",
                     indicator_en="New jobs", theme="employment")
    review.save_review("d005", rows, data_copy)
    reference = tmp_path / "reference" / "data"
    shutil.copytree(data_copy, reference)
    accept.accept("d005", reference, who="tester")
    return data_copy, snapshot(reference)


def test_the_crash_points_are_few_and_named():
    assert set(lock.CRASH_POINTS) == {"accept-validated", "accept-moving", "build-checked"}


def test_accept_killed_before_the_commit_point_leaves_the_catalogue_wholly_old(decided):
    data, expected = decided
    before = tree_sha(data)
    run = etl(data, "accept", "d005", "--who", "tester", fault="accept-validated")
    assert run.returncode == -signal.SIGKILL, run.stderr
    assert tree_sha(data) == before and not (data / files.STAGE).exists()
    catalog.load(data)  # the next load: nothing to recover
    assert tree_sha(data) == before
    again = etl(data, "accept", "d005", "--who", "tester", "--wait", "5")  # the killed one's lock is gone
    assert again.returncode == 0, again.stderr
    assert snapshot(data) == expected


def test_accept_killed_while_moving_files_is_finished_by_the_next_load(decided):
    data, expected = decided
    old = snapshot(data)
    run = etl(data, "accept", "d005", "--who", "tester", fault="accept-moving")
    assert run.returncode == -signal.SIGKILL, run.stderr
    # killed midway: the manifest is written, one file moved, the others still staged
    assert (data / files.STAGE / files.MANIFEST).exists()
    now = {k: v for k, v in snapshot(data).items() if not k.startswith(files.STAGE + "/")}
    changed = {k for k in expected if now.get(k) != old.get(k)}
    assert len(changed) == 1 and now[next(iter(changed))] == expected[next(iter(changed))], changed
    cat = catalog.load(data)  # the next load finishes the commit
    assert not (data / files.STAGE).exists()
    assert snapshot(data) == expected  # wholly new, audit rows included
    assert next(s for s in cat.sources if s["doc"] == "d005")["status"] == "reviewed"
    again = etl(data, "accept", "d005", "--who", "tester", "--wait", "5")  # nothing left to decide: succeeds
    assert again.returncode == 0 and "0 facts accepted" in again.stdout, again.stderr


def test_build_killed_before_publishing_leaves_the_database_byte_for_byte(data_copy, tmp_path):
    db = tmp_path / "loudi.duckdb"
    assert etl(data_copy, "build", "--db", str(db)).returncode == 0
    old = db.read_bytes()
    accept_audit = data_copy / "audit.csv"  # a catalogue change the killed build would have published
    accept_audit.write_text(",".join(audit.COLUMNS) + "\n2025-01-01T00:00:00+08:00,alice,d000,,accept,,,,\n",
                            encoding="utf-8")
    run = etl(data_copy, "build", "--db", str(db), fault="build-checked")
    assert run.returncode == -signal.SIGKILL, run.stderr
    assert db.read_bytes() == old
    leftovers = sorted(p.name for p in tmp_path.glob(".build-*"))
    assert leftovers, "the killed build's temporary database is left behind"
    again = etl(data_copy, "build", "--db", str(db), "--wait", "5")
    assert again.returncode == 0, again.stderr
    assert db.read_bytes() != old and not list(tmp_path.glob(".build-*"))  # published; leftovers cleared
    from etl.db import queries

    assert list(queries.audit(db)["who"]) == ["alice"]


def test_without_the_hook_the_crash_points_do_nothing(decided, tmp_path, monkeypatch):
    monkeypatch.delenv(lock.FAULT_ENV, raising=False)
    data, expected = decided
    accept.accept("d005", data, who="tester")
    assert snapshot(data) == expected
    build.build(tmp_path / "x.duckdb", data)

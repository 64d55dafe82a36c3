"""One writer at a time on a catalogue: add, accept and build hold its lock; a second one waits, then gives
up naming the holder; a killed holder never blocks; the lock is re-entrant within a thread only."""
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from etl import add, build
from etl.core import lock

ROOT = Path(__file__).resolve().parents[2]
HOLD = """
import sys, time
from pathlib import Path
from etl.core import lock
with lock.held(Path(sys.argv[1]), "holder for the test", who="alice"):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
print("released", flush=True)
"""


def hold(data: Path, seconds: float) -> subprocess.Popen:
    """Another process holding the catalogue's lock for ``seconds``."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(data), str(seconds)], cwd=ROOT, stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


def etl(data: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "etl", "--data", str(data), *args], cwd=ROOT, capture_output=True,
                          text=True, env={**os.environ, **env})


def test_the_lock_lives_beside_the_catalogue(data_copy):
    assert lock.lock_path(data_copy) == data_copy.parent / ".data.lock"
    assert lock.holder_path(data_copy) == data_copy.parent / ".data.lock.json"


@pytest.mark.parametrize("command", [["accept", "d004"], ["build"], ["add", "page.txt"]])
def test_a_second_writer_gives_up_naming_the_holder(data_copy, tmp_path, command):
    holder = hold(data_copy, 60)
    try:
        info = lock.holder(data_copy)
        assert (info["who"], info["pid"], info["host"], info["command"]) == ("alice", holder.pid,
                                                                              socket.gethostname(),
                                                                              "holder for the test")
        args = [a if a != "page.txt" else str(tmp_path / a) for a in command]
        (tmp_path / "page.txt").write_text("涟源市2021年新增就业岗位1200个。\n", encoding="utf-8")
        started = time.monotonic()
        run = etl(data_copy, *args, "--wait", "0.5", *(["--db", str(tmp_path / "x.duckdb")] if args == ["build"] else []))
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    assert run.returncode == lock.EXIT_BUSY, (run.stdout, run.stderr)
    for part in ("nothing changed", "busy", "alice", f"pid {holder.pid}", socket.gethostname(), "holder for the test",
                 "since", "--wait"):
        assert part in run.stderr, (part, run.stderr)
    assert waited >= 0.5 and not (tmp_path / "x.duckdb").exists()


def test_the_wait_comes_from_the_environment(data_copy, monkeypatch):
    monkeypatch.setenv(lock.WAIT_ENV, "0.2")
    assert lock.default_wait() == 0.2
    monkeypatch.setenv(lock.WAIT_ENV, "soon")
    assert lock.default_wait() == lock.DEFAULT_WAIT
    holder = hold(data_copy, 60)
    try:
        started = time.monotonic()
        run = etl(data_copy, "accept", "d004", **{lock.WAIT_ENV: "0.3"})
        assert run.returncode == lock.EXIT_BUSY and "after waiting 0.3s" in run.stderr, run.stderr
        assert time.monotonic() - started < 20
    finally:
        holder.kill()
        holder.wait()


def test_a_waiting_writer_goes_on_when_the_holder_is_done(data_copy, tmp_path):
    holder = hold(data_copy, 1.5)
    run = etl(data_copy, "build", "--db", str(tmp_path / "x.duckdb"), "--wait", "60")
    holder.wait()
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "x.duckdb").exists()


def test_a_killed_holder_does_not_block(data_copy, tmp_path):
    holder = hold(data_copy, 600)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    stale = json.loads(lock.holder_path(data_copy).read_text(encoding="utf-8"))
    assert stale["pid"] == holder.pid  # its record is left behind, its OS lock is not
    assert "has ended" in lock.describe(stale)
    summary = build.build(tmp_path / "x.duckdb", data_copy)  # default wait, but no waiting needed
    assert summary.seconds < lock.DEFAULT_WAIT
    assert not lock.holder_path(data_copy).exists()  # released: the record goes with the lock


def test_reentrant_in_a_thread_exclusive_between_threads(data_copy, tmp_path):
    """The review page holds the lock around accept and build (which take it again); another session of the
    same server (another thread) waits."""
    seen = {}

    def other_session():
        try:
            with lock.held(data_copy, "other session", wait=0.2):
                seen["other"] = "got it"
        except lock.LockBusy as exc:
            seen["other"] = str(exc)

    with lock.held(data_copy, "review page", who="alice"):
        with lock.held(data_copy, "inner"):
            assert lock.holder(data_copy)["command"] == "review page"  # the outer record stays
        thread = threading.Thread(target=other_session)
        thread.start()
        thread.join()
        assert "alice" in seen["other"] and "review page" in seen["other"]
        src = tmp_path / "p.txt"
        src.write_text("涟源市2021年新增就业岗位1200个。\n", encoding="utf-8")
        assert add.add(src, data_copy)["doc"] == "d005"  # the holder itself may write
    assert lock.holder(data_copy) is None
    other_session()
    assert seen["other"] == "got it"

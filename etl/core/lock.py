"""One writer at a time on a catalogue folder: ``add``, ``accept`` and ``build`` (and the review page's
accept-and-rebuild) hold its lock while they read and write it.

The lock is an OS file lock (``filelock``: ``flock`` on Unix) on a file *beside* the folder,
``<parent>/.<folder>.lock`` (``.data.lock`` for ``data/``), so the catalogue's own files never change by
locking. The OS releases the lock when its process ends, however it ends: a killed process never leaves a
lock that blocks. Who holds it (user, reviewer, host, pid, command, since when) is written atomically into a
small sidecar, ``.<folder>.lock.json``, read by whoever has to wait. A second writer waits up to ``wait``
seconds (default :data:`DEFAULT_WAIT`, ``$LOUDI_LOCK_WAIT``, ``--wait`` on the command line), then gives up
with :class:`LockBusy`, whose message names the holder.

The lock is re-entrant within a thread (the review page holds it around accept and build, which take it
again); another thread or process waits.

Crash points (a test hook): :func:`crash_point` kills the process with SIGKILL at a named point when
``$LOUDI_FAULT`` names it; ``tests/pipeline/test_fault_injection.py`` uses them to kill real ``python -m
etl`` processes midway. The points are :data:`CRASH_POINTS`; without ``LOUDI_FAULT`` they do nothing.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import functools
import getpass
import inspect
import json
import os
import signal
import socket
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import filelock

from etl.core import files

DEFAULT_WAIT = 30.0          # seconds a second writer waits for the lock
WAIT_ENV = "LOUDI_LOCK_WAIT"
FAULT_ENV = "LOUDI_FAULT"
EXIT_BUSY = 75               # exit status of a command that could not get the lock (EX_TEMPFAIL)

CRASH_POINTS = {
    "accept-validated": "accept: the new catalogue is checked in a trial copy, nothing committed yet",
    "accept-moving": "accept: the change is committed (manifest written) and one file moved over its target",
    "build-checked": "build: the temporary database is written and checked, not yet renamed over the target",
}


class LockBusy(Exception):
    """The catalogue's lock was held by someone else for longer than the wait; the message says by whom."""


def lock_path(data_dir: Path) -> Path:
    """The lock file of a catalogue folder: beside it, ``<parent>/.<name>.lock``."""
    data_dir = Path(data_dir).resolve()
    return data_dir.parent / f".{data_dir.name}.lock"


def holder_path(data_dir: Path) -> Path:
    """The sidecar naming the holder: ``<parent>/.<name>.lock.json``."""
    return lock_path(data_dir).with_suffix(".lock.json")


def default_wait() -> float:
    """Seconds to wait: ``$LOUDI_LOCK_WAIT``, else :data:`DEFAULT_WAIT`."""
    value = os.environ.get(WAIT_ENV, "")
    try:
        return float(value) if value.strip() else DEFAULT_WAIT
    except ValueError:
        return DEFAULT_WAIT


def alive(pid: int) -> bool:
    """True when a process of this host has that id."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def holder(data_dir: Path) -> dict | None:
    """What the sidecar says about the holder, or None when there is none (or it is unreadable)."""
    try:
        return json.loads(holder_path(data_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def describe(info: dict | None) -> str:
    """'held by alice (OS user alice) on host pc1, pid 4242, since 2025-01-01T10:00:00+08:00: python -m etl accept d005'."""
    if not info:
        return "held by a process that has not yet said who it is"
    who = info.get("who") or info.get("user") or "?"
    text = (f"held by {who} (OS user {info.get('user', '?')}) on host {info.get('host', '?')}, "
            f"pid {info.get('pid', '?')}, since {info.get('since', '?')}: {info.get('command', '?')}")
    if info.get("host") == socket.gethostname() and isinstance(info.get("pid"), int) and not alive(info["pid"]):
        text += " (that process has ended; the lock is being released)"
    return text


_depth = threading.local()  # per thread: {lock file: how many times this thread holds it}


@contextlib.contextmanager
def held(data_dir: Path, command: str, *, wait: float | None = None, who: str = "") -> Iterator[None]:
    """Hold the catalogue's lock for the body; wait up to ``wait`` seconds (None: :func:`default_wait`),
    then raise :class:`LockBusy`. Re-entrant within a thread: an inner hold keeps the outer one's record."""
    path = lock_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    depths = _depth.__dict__.setdefault("held", {})
    key = str(path)
    lock = filelock.FileLock(key, is_singleton=True)
    if depths.get(key):  # this thread holds it already
        depths[key] += 1
        try:
            yield
        finally:
            depths[key] -= 1
        return
    seconds = default_wait() if wait is None else max(0.0, float(wait))
    try:
        lock.acquire(timeout=seconds)
    except filelock.Timeout:
        raise LockBusy(f"the catalogue {Path(data_dir)} is busy: its lock {path} is {describe(holder(data_dir))}; "
                       f"gave up after waiting {seconds:g}s (wait longer with --wait SECONDS or ${WAIT_ENV})") from None
    depths[key] = 1
    try:
        files.write_atomic(holder_path(data_dir), json.dumps({
            "who": who, "user": _os_user(), "host": socket.gethostname(), "pid": os.getpid(),
            "command": command, "since": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        }, ensure_ascii=False) + "\n")
        yield
    finally:
        depths.pop(key, None)
        try:
            holder_path(data_dir).unlink(missing_ok=True)
        finally:
            lock.release()


def locking(command: str) -> Callable:
    """Decorator: the function holds the lock of its ``data_dir`` argument while it runs."""
    def decorate(func: Callable) -> Callable:
        signature = inspect.signature(func)

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            bound = signature.bind(*args, **kwargs)
            bound.apply_defaults()
            with held(Path(bound.arguments["data_dir"]), command):
                return func(*args, **kwargs)
        return wrapper
    return decorate


def command_line() -> str:
    """How this process was started, for the holder record: 'python -m etl accept d005'."""
    argv = list(sys.argv)
    if argv and argv[0].endswith(("etl/__main__.py", "etl\\__main__.py")):
        argv[0] = "python -m etl"
    return " ".join(argv) or "python"


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return str(os.getuid()) if hasattr(os, "getuid") else "?"


# --- Crash points (test hook) ----------------------------------------------------------------------------

def crash_point(name: str) -> None:
    """Kill this process with SIGKILL here when ``$LOUDI_FAULT`` is ``name`` (a test hook, see CRASH_POINTS)."""
    assert name in CRASH_POINTS, name
    if os.environ.get(FAULT_ENV) == name:
        sys.stdout.flush()
        sys.stderr.flush()
        os.kill(os.getpid(), signal.SIGKILL)


@contextlib.contextmanager
def crash_after_first_move(name: str, data_dir: Path) -> Iterator[None]:
    """For the body (an :func:`etl.core.files.commit` into ``data_dir``): when ``$LOUDI_FAULT`` is ``name``,
    SIGKILL this process right after the first staged file is moved over its target, i.e. after the commit
    point and before the last move (a test hook; otherwise it does nothing)."""
    assert name in CRASH_POINTS, name
    if os.environ.get(FAULT_ENV) != name:
        yield
        return
    stage = (Path(data_dir) / files.STAGE).resolve()
    real_replace = os.replace

    def replace(src, dst, *args, **kwargs):
        real_replace(src, dst, *args, **kwargs)
        if Path(src).resolve().parent == stage and Path(dst).resolve().parent != stage:
            crash_point(name)

    os.replace = replace
    try:
        yield
    finally:
        os.replace = real_replace

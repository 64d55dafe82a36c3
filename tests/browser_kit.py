"""Helpers shared by the browser tests and the scripts: run a Streamlit app, launch Chromium, settle a page.

No network is needed or used: Chromium is Debian's (/usr/bin/chromium), never a downloaded one.
"""
from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CHART = '[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg'
MAIN = '[data-testid="stMain"]'
# what a page without charts shows once its script has produced output: its st.title
MAIN_RENDERED = '[data-testid="stMain"] h1'
EXCEPTION = '[data-testid="stException"]'
STATUS = '[data-testid="stStatusWidget"]'
# url path of each page ("" is the default overview page)
PAGES = ["", "compare", "parks", "land", "explorer", "sources"]
CHART_PAGES = ["", "compare", "parks", "land"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(script: str | os.PathLike = ROOT / "dashboard.py", db: str | os.PathLike | None = None,
                     timeout: float = 60.0, cwd: str | os.PathLike = ROOT):
    """Run `streamlit run script` on a free port (LOUDI_DB=db when given); yield its base URL.

    Waits for /_stcore/health; on timeout or early exit raises RuntimeError with the server log.
    The server is terminated (then killed) on exit.
    """
    port = free_port()
    env = dict(os.environ)
    if db is not None:
        env["LOUDI_DB"] = str(db)
    log = tempfile.TemporaryFile(mode="w+b")
    cmd = [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
           "--server.port", str(port), "--browser.gatherUsageStats", "false"]
    proc = subprocess.Popen(cmd, cwd=str(cwd), env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"

    def server_log() -> str:
        log.seek(0)
        return log.read().decode("utf-8", "replace")

    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with {proc.returncode} before it was healthy:\n{server_log()}")
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"streamlit not healthy after {timeout:.0f}s at {base}:\n{server_log()}")
            time.sleep(0.25)
        yield base
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        log.close()


def launch_chromium(playwright):
    """Headless Debian chromium with the agreed flags."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def settle(page, want_chart: bool = True, timeout: float = 30000) -> float:
    """Wait until a chart (or, with want_chart=False, the page's title) is visible, then until the
    script run has finished (stApp reports script state notRunning and no status widget is shown).

    Returns the seconds until the chart/title was visible.
    """
    t0 = time.perf_counter()
    try:
        page.wait_for_selector(CHART if want_chart else MAIN_RENDERED, state="visible", timeout=timeout)
        elapsed = time.perf_counter() - t0
        page.wait_for_function(
            """(status) => {
                const app = document.querySelector('[data-testid="stApp"]');
                const idle = !app || !app.hasAttribute('data-test-script-state')
                    || app.getAttribute('data-test-script-state') === 'notRunning';
                return idle && !document.querySelector(status);
            }""", arg=STATUS, timeout=timeout)
    except Exception as e:
        if "Timeout" not in type(e).__name__:
            raise
        raise AssertionError(f"page did not settle at {page.url}: {describe(page)}") from e
    page.wait_for_timeout(300)
    return elapsed


def describe(page) -> str:
    """One line on the page's state, for failure messages."""
    try:
        return str(page.evaluate("""(sel) => ({
            script: document.querySelector('[data-testid="stApp"]')?.getAttribute('data-test-script-state'),
            status: !!document.querySelector(sel.status), charts: document.querySelectorAll(sel.chart).length,
            h1: document.querySelector('h1')?.innerText,
            exception: document.querySelector(sel.exc)?.innerText?.slice(0, 300)})""",
            {"status": STATUS, "chart": CHART, "exc": EXCEPTION}))
    except Exception as e:  # page gone
        return f"({type(e).__name__})"


def wait_for_charts(page, timeout: float = 30000) -> float:
    """settle() for a page that must draw a chart."""
    return settle(page, True, timeout)


def http_get(url: str, headers: dict[str, str] | None = None,
             timeout: float = 30.0) -> tuple[int, dict[str, str], bytes]:
    """(status, headers with lower-case names, body) of a GET, also for 304 and 4xx/5xx answers (which
    urllib raises)."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()


# --- Measuring a running server (scripts/benchmark.py) -------------------------------------------------------

def server_pid(base_url: str) -> int | None:
    """The pid of the `streamlit run` process that streamlit_server started for base_url (found by its port in
    /proc/*/cmdline; Linux only), or None."""
    port = base_url.rsplit(":", 1)[-1]
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            args = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"streamlit" in b" ".join(args) and b"--server.port" in args \
                and args[args.index(b"--server.port") + 1].decode() == port:
            return int(entry.name)
    return None


def rss_bytes(pid: int) -> int:
    """Resident set size of a process now (0 once it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


class PeakRss:
    """Samples a process's resident set size every ``every`` seconds in a thread; ``peak`` is the largest seen.

        with PeakRss(pid) as rss: ...   # rss.peak, rss.last
    """

    def __init__(self, pid: int | None, every: float = 0.1):
        import threading

        self.pid, self.every, self.peak, self.last = pid, every, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while self.pid and not self._stop.is_set():
            self.last = rss_bytes(self.pid)
            self.peak = max(self.peak, self.last)
            self._stop.wait(self.every)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

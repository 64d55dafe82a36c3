"""Time to first chart of each dashboard page against a bare one-chart Streamlit page, in the same run.

usage: .venv/bin/python scripts/benchmark.py [--db data/loudi.duckdb] [--runs 5]
Starts the dashboard and the bare page (../shared/tools/bare_app.py, else an equivalent temp file), loads
each page once to warm the caches (not counted), then N rounds: per page, a fresh browser context on the
bare page, then a fresh context on the page, from goto until the first chart is visible (explorer and
sources: until their title is rendered). Prints per page the medians and the ratio page/bare. Target
≤ 1.3x. Not a test: the numbers depend on the machine.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from browser_kit import (  # noqa: E402
    CHART,
    CHART_PAGES,
    EXCEPTION,
    MAIN_RENDERED,
    PAGES,
    launch_chromium,
    streamlit_server,
)

TARGET = 1.3
BARE_APP = '''import altair as alt
import pandas as pd
import streamlit as st

df = pd.DataFrame({"year": ["2013", "2020"], "value": [168.3, 302.9]})
st.altair_chart(alt.Chart(df).mark_bar().encode(x="year:O", y="value:Q"))
'''


def load_time(browser, url: str, selector: str, timeout: float = 30000) -> float:
    """Seconds from goto until selector is visible, in a fresh context (inf on timeout or exception)."""
    ctx = browser.new_context(locale="zh-CN", viewport={"width": 1400, "height": 1000})
    try:
        page = ctx.new_page()
        t0 = time.perf_counter()
        page.goto(url)
        page.wait_for_selector(selector, state="visible", timeout=timeout)
        elapsed = time.perf_counter() - t0
        return float("inf") if page.locator(EXCEPTION).count() else elapsed
    except Exception:
        return float("inf")
    finally:
        ctx.close()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=ROOT / "data" / "loudi.duckdb")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    db = args.db.resolve()
    if not db.exists():
        from etl import build
        print(f"building {db} …", flush=True)
        build.build(db)
    bare_script = ROOT.parent / "shared" / "tools" / "bare_app.py"
    tmp = None
    if not bare_script.exists():
        tmp = tempfile.TemporaryDirectory()
        bare_script = Path(tmp.name) / "bare_app.py"
        bare_script.write_text(BARE_APP, encoding="utf-8")
    from playwright.sync_api import sync_playwright
    try:
        with streamlit_server(ROOT / "dashboard.py", db=db) as app, \
                streamlit_server(bare_script, cwd=bare_script.parent) as bare, sync_playwright() as p:
            browser = launch_chromium(p)
            targets = {path: (f"{app}/{path}", CHART if path in CHART_PAGES else MAIN_RENDERED) for path in PAGES}
            # warm-up, not counted: the first load fills the caches (overview first: it is the entry page)
            cold = {"bare": load_time(browser, bare, CHART)}
            for path, (url, sel) in targets.items():
                cold[path] = load_time(browser, url, sel)
            times = {path: [] for path in PAGES}
            bare_times = {path: [] for path in PAGES}
            for _ in range(args.runs):
                for path, (url, sel) in targets.items():
                    bare_times[path].append(load_time(browser, bare, CHART))
                    times[path].append(load_time(browser, url, sel))
            browser.close()
    finally:
        if tmp:
            tmp.cleanup()
    print(f"bare page: {bare_script}; {args.runs} runs per page, fresh context each, page and bare interleaved")
    print(f"{'page':<10} {'waits for':<7} {'cold s':>7} {'median s':>9} {'bare s':>7} {'ratio':>6}")
    worst = 0.0
    for path in PAGES:
        med, bmed = statistics.median(times[path]), statistics.median(bare_times[path])
        ratio = med / bmed
        if path in CHART_PAGES:
            worst = max(worst, ratio)
        print(f"{path or 'overview':<10} {'chart' if path in CHART_PAGES else 'title':<7} {cold[path]:>7.2f} "
              f"{med:>9.2f} {bmed:>7.2f} {ratio:>5.2f}x" + ("" if ratio <= TARGET else "  > target"))
    print(f"bare cold {cold['bare']:.2f}s; worst chart page {worst:.2f}x bare (target <= {TARGET}x)")
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())

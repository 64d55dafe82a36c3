"""Time to first chart of each dashboard page against a bare one-chart Streamlit page, in the same run.

usage: .venv/bin/python scripts/benchmark.py [--db data/loudi.duckdb] [--runs 5]
       .venv/bin/python scripts/benchmark.py --facts 20000 [--seed 0] [--runs 3]   # a synthetic catalogue
       .venv/bin/python scripts/benchmark.py --sessions 20 [--facts N] [--page compare]

Starts the dashboard and the bare page (../shared/tools/bare_app.py, else an equivalent temp file), loads
each page once to warm the caches (not counted), then N rounds: per page, a fresh browser context on the
bare page, then a fresh context on the page, from goto until the first chart is visible (explorer and
sources: until their title is rendered). Prints per page the medians and the ratio page/bare. Target
≤ 1.3x. Not a test: the numbers depend on the machine.

``--facts N`` first writes a synthetic catalogue of N facts (``python -m etl synth``, into a temporary
folder) and builds it, printing the build's seconds and the database's size; the pages are then timed on
it, and the table adds the p95 of the queries each page makes (etl/db/queries.py, uncached, with the
filters the page uses) and the dashboard server's peak memory (RSS sampled from /proc). ``--sessions K``
opens K browser sessions at once on one page of the dashboard, then K at once on the bare page, and prints
the ratio of their medians and every failed session. Both only measure and print (exit 0).
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
    CHROMIUM,
    CHROMIUM_ARGS,
    EXCEPTION,
    MAIN_RENDERED,
    PAGES,
    PeakRss,
    launch_chromium,
    server_pid,
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


def bare_app() -> tuple[Path, tempfile.TemporaryDirectory | None]:
    bare_script = ROOT.parent / "shared" / "tools" / "bare_app.py"
    if bare_script.exists():
        return bare_script, None
    tmp = tempfile.TemporaryDirectory()
    bare_script = Path(tmp.name) / "bare_app.py"
    bare_script.write_text(BARE_APP, encoding="utf-8")
    return bare_script, tmp


def page_times(browser, app: str, bare: str, runs: int, timeout: float) -> tuple[dict, dict, dict]:
    """Cold load of every page, then ``runs`` rounds of bare page and page, each in a fresh context."""
    targets = {path: (f"{app}/{path}", CHART if path in CHART_PAGES else MAIN_RENDERED) for path in PAGES}
    # warm-up, not counted: the first load fills the caches (overview first: it is the entry page)
    cold = {"bare": load_time(browser, bare, CHART, timeout)}
    for path, (url, sel) in targets.items():
        cold[path] = load_time(browser, url, sel, timeout)
    times = {path: [] for path in PAGES}
    bare_times = {path: [] for path in PAGES}
    for _ in range(runs):
        for path, (url, sel) in targets.items():
            bare_times[path].append(load_time(browser, bare, CHART, timeout))
            times[path].append(load_time(browser, url, sel, timeout))
    return cold, times, bare_times


def page_queries() -> dict[str, list[tuple[str, dict]]]:
    """The query functions (etl/db/queries.py) each page calls through ui.data, with its filters (the
    configured ones; no county chosen). Every page's sidebar lists the counties."""
    from ui import config

    cfg = config.get()
    o, c, p, land = cfg.overview, cfg.compare, cfg.parks, cfg.land
    side = [("counties", {})]
    return {
        "": side + [("regions", {}), ("values", {"indicators": [p.rank], "preferred_only": True}),
                    ("values", {"indicators": list(land.progress_indicators), "preferred_only": True}),
                    ("derived_values", {}), ("indicators", {}),
                    ("values", {"regions": [o.region], "years": list(o.years),
                                "indicators": list(o.headline_indicators), "preferred_only": True})],
        "compare": side + [("comparisons", {"start_year": c.years[0], "end_year": c.years[1]}), ("indicators", {}),
                           ("values", {"years": list(c.years), "indicators": list(c.default_indicators),
                                       "preferred_only": True}), ("conflicts", {}), ("regions", {})],
        "parks": side + [("values", {"themes": [p.theme], "preferred_only": True}), ("regions", {})],
        "land": side + [("values", {"themes": [land.theme], "preferred_only": True}), ("derived_values", {})],
        "explorer": side + [("values", {}), ("values", {"counties": None})],
        "sources": side + [("sources", {}), ("values", {}), ("coverage", {}), ("regions", {}), ("conflicts", {})],
    }


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]


def query_times(db: Path, runs: int = 10) -> dict[str, tuple[float, float, int]]:
    """Per page: p95 of one query call, p95 of all the page's queries together, rows of the largest result."""
    from etl.db import queries

    out = {}
    for path, calls in page_queries().items():
        single, together, rows = [], [], 0
        for _ in range(runs):
            total = 0.0
            for name, kwargs in calls:
                t0 = time.perf_counter()
                df = getattr(queries, name)(db, **kwargs)
                took = time.perf_counter() - t0
                single.append(took)
                total += took
                rows = max(rows, len(df))
            together.append(total)
        out[path] = (p95(single), p95(together), rows)
    return out


def synthetic_db(facts: int, seed: int, folder: Path) -> tuple[Path, float, int]:
    """Write and build a synthetic catalogue: (database, build seconds, database bytes)."""
    from etl import build, synth

    data = folder / "data"
    t0 = time.perf_counter()
    made = synth.synth(facts, data, seed=seed)
    print(f"synth: {made['facts']} facts on {made['pages']} pages, {made['regions']} regions "
          f"in {time.perf_counter() - t0:.1f}s ({data})", flush=True)
    db = folder / "loudi.duckdb"
    summary = build.build(db, data)
    return db, summary.seconds, db.stat().st_size


async def _sessions(url: str, selector: str, n: int, timeout: float) -> list[tuple[float, str]]:
    """n fresh browser contexts opening url at once: (seconds until selector is visible, failure or '')."""
    import asyncio

    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

        async def one() -> tuple[float, str]:
            ctx = await browser.new_context(locale="zh-CN", viewport={"width": 1400, "height": 1000})
            try:
                page = await ctx.new_page()
                t0 = time.perf_counter()
                await page.goto(url, timeout=timeout)
                await page.wait_for_selector(selector, state="visible", timeout=timeout)
                took = time.perf_counter() - t0
                return (took, "exception shown") if await page.locator(EXCEPTION).count() else (took, "")
            except Exception as exc:  # a failed session is reported, not raised
                return float("inf"), f"{type(exc).__name__}: {str(exc).splitlines()[0][:100]}"
            finally:
                await ctx.close()

        try:
            return await asyncio.gather(*(one() for _ in range(n)))
        finally:
            await browser.close()


def run_sessions(app: str, bare: str, n: int, path: str, timeout: float) -> list[str]:
    import asyncio

    selector = CHART if path in CHART_PAGES else MAIN_RENDERED
    asyncio.run(_sessions(f"{app}/{path}", selector, 1, timeout))  # warm the caches, not counted
    asyncio.run(_sessions(bare, CHART, 1, timeout))
    waits = "chart" if path in CHART_PAGES else "title"
    lines = [f"{n} sessions at once on {path or 'overview'} (waits for its {waits}), then {n} at once on the bare page"]
    lines.append(f"{'target':<10} {'ok':>4} {'failed':>7} {'median s':>9} {'p95 s':>7} {'max s':>7}")
    medians = {}
    for name, url, sel in (("dashboard", f"{app}/{path}", selector), ("bare", bare, CHART)):
        results = asyncio.run(_sessions(url, sel, n, timeout))
        ok = [t for t, failure in results if not failure]
        failed = [failure for _, failure in results if failure]
        medians[name] = statistics.median(ok) if ok else float("inf")
        lines.append(f"{name:<10} {len(ok):>4} {len(failed):>7} {medians[name]:>9.2f} "
                     f"{p95(ok) if ok else float('inf'):>7.2f} {max(ok) if ok else float('inf'):>7.2f}")
        lines += [f"  failed {name} session: {f}" for f in failed]
    lines.append(f"ratio of medians dashboard/bare: {medians['dashboard'] / medians['bare']:.2f}x")
    return lines


def mib(n: float) -> str:
    return f"{n / 2**20:.0f} MiB"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=ROOT / "data" / "loudi.duckdb")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--facts", type=int, help="benchmark a synthetic catalogue of this many facts (python -m etl synth)")
    ap.add_argument("--seed", type=int, default=0, help="seed of the synthetic catalogue")
    ap.add_argument("--sessions", type=int, help="open this many browser sessions at once instead of timing each page")
    ap.add_argument("--page", default="", choices=PAGES, help="the page the sessions open (default: overview)")
    ap.add_argument("--timeout", type=float, default=None, help="seconds a page may take (default 30; 120 with --facts)")
    args = ap.parse_args(argv)
    timeout = 1000 * (args.timeout or (120 if args.facts or args.sessions else 30))
    work = tempfile.TemporaryDirectory(prefix="loudi-bench-") if args.facts else None
    header = []
    if args.facts:
        db, seconds, size = synthetic_db(args.facts, args.seed, Path(work.name))
        header.append(f"build: {args.facts} facts in {seconds:.1f}s, database {mib(size)} ({db.name})")
    else:
        db = args.db.resolve()
        if not db.exists():
            from etl import build
            print(f"building {db} …", flush=True)
            build.build(db)
    if header:
        print("\n".join(header), flush=True)
    bare_script, tmp = bare_app()
    from playwright.sync_api import sync_playwright
    try:
        with streamlit_server(ROOT / "dashboard.py", db=db) as app, \
                streamlit_server(bare_script, cwd=bare_script.parent) as bare, \
                PeakRss(server_pid(app)) as rss, PeakRss(server_pid(bare)) as bare_rss:
            if args.sessions:
                lines = run_sessions(app, bare, args.sessions, args.page, timeout)
            else:
                with sync_playwright() as p:
                    browser = launch_chromium(p)
                    cold, times, bare_times = page_times(browser, app, bare, args.runs, timeout)
                    browser.close()
    finally:
        if tmp:
            tmp.cleanup()
    memory = f"server peak RSS: dashboard {mib(rss.peak)}, bare page {mib(bare_rss.peak)} (sampled every 0.1 s)"
    if args.sessions:
        print("\n".join(header + lines + [memory]))
        if work:
            work.cleanup()
        return 0
    queries = query_times(db) if args.facts else {}
    if work:
        work.cleanup()
    print(f"bare page: {bare_script}; {args.runs} runs per page, fresh context each, page and bare interleaved")
    extra = f" {'query p95 s':>12} {'page p95 s':>11} {'rows':>7}" if queries else ""
    print(f"{'page':<10} {'waits for':<7} {'cold s':>7} {'median s':>9} {'bare s':>7} {'ratio':>6}" + extra)
    worst = 0.0
    for path in PAGES:
        med, bmed = statistics.median(times[path]), statistics.median(bare_times[path])
        ratio = med / bmed
        if path in CHART_PAGES:
            worst = max(worst, ratio)
        q = queries.get(path)
        print(f"{path or 'overview':<10} {'chart' if path in CHART_PAGES else 'title':<7} {cold[path]:>7.2f} "
              f"{med:>9.2f} {bmed:>7.2f} {ratio:>5.2f}x" + (f" {q[0]:>12.3f} {q[1]:>11.3f} {q[2]:>7}" if q else "")
              + ("" if ratio <= TARGET else "  > target"))
    print(f"bare cold {cold['bare']:.2f}s; worst chart page {worst:.2f}x bare (target <= {TARGET}x)")
    print("\n".join(header + [memory]))
    return 0 if worst <= TARGET or args.facts else 1


if __name__ == "__main__":
    sys.exit(main())

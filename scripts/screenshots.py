"""Full-page screenshots of every dashboard page: zh and en at 1400x1000, and zh at phone width 390x844.

usage: .venv/bin/python scripts/screenshots.py [--db data/loudi.duckdb] [--out docs/screenshots]
Builds the database first when it is missing. Writes <page>-zh.png, <page>-en.png and <page>-phone.png
and prints each file written.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from browser_kit import (  # noqa: E402
    CHART_PAGES,
    EXCEPTION,
    PAGES,
    launch_chromium,
    settle,
    streamlit_server,
)

DESKTOP = {"viewport": {"width": 1400, "height": 1000}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def full_page_shot(page, path: Path) -> None:
    """Streamlit scrolls inside stMain, so grow the viewport to the content's height before the shot."""
    size = page.viewport_size
    height = page.evaluate("""() => Math.max(document.documentElement.scrollHeight,
        ...[...document.querySelectorAll('[data-testid="stMain"], [data-testid="stSidebarContent"]')]
            .map(e => e.scrollHeight))""")
    if height > size["height"]:
        page.set_viewport_size({"width": size["width"], "height": min(int(height) + 40, 16000)})
        page.wait_for_timeout(800)  # charts re-layout to the new size
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(size)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=ROOT / "data" / "loudi.duckdb")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = ap.parse_args(argv)
    db = args.db.resolve()
    if not db.exists():
        from etl import build
        print(f"building {db} …", flush=True)
        build.build(db)
    args.out.mkdir(parents=True, exist_ok=True)
    shots = [(path, lang, DESKTOP, f"{path or 'overview'}-{lang}.png") for lang in ("zh", "en") for path in PAGES]
    shots += [(path, "zh", PHONE, f"{path or 'overview'}-phone.png") for path in PAGES]
    problems = []
    from playwright.sync_api import sync_playwright
    with streamlit_server(ROOT / "dashboard.py", db=db) as url, sync_playwright() as p:
        browser = launch_chromium(p)
        for path, lang, options, name in shots:
            ctx = browser.new_context(locale="zh-CN" if lang == "zh" else "en-US", **options)
            page = ctx.new_page()
            try:
                page.goto(f"{url}/{path}?lang={lang}")
                settle(page, want_chart=path in CHART_PAGES)
                if page.locator(EXCEPTION).count():
                    problems.append(f"{name}: exception shown")
                full_page_shot(page, args.out / name)
                print(args.out / name, flush=True)
            except Exception as e:  # keep going: one broken page should not hide the others
                problems.append(f"{name}: {type(e).__name__}: {str(e).splitlines()[0][:120]}")
                page.screenshot(path=str(args.out / name))
                print(args.out / name, "(after error)", flush=True)
            finally:
                ctx.close()
        browser.close()
    for problem in problems:
        print("problem:", problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

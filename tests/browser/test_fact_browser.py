"""The citable fact page and "cite this view" in headless Chromium, on a real server."""
from __future__ import annotations

from datetime import date

import pytest
from browser_kit import MAIN_RENDERED, ROOT, settle, streamlit_server

from etl.db import queries


@pytest.fixture(scope="module")
def server(built_db):
    with streamlit_server(ROOT / "dashboard.py", db=built_db) as url:
        yield url


def test_cite_this_view_in_the_sidebar(server, built_db, browser):
    """The sidebar's second box cites the view: project, page title, data version, build date, today, link."""
    version = queries.build_info(built_db)["catalogue_sha256"].iloc[0][:12]
    context = browser.new_context(locale="zh-CN", viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        page.goto(f"{server}/parks?county=lianyuan&lang=zh")
        settle(page, want_chart=True)
        page.locator('[data-testid="stSidebar"] [data-testid="stPopover"] button').nth(1).click()
        shown = page.locator('[data-testid="stPopoverBody"] [data-testid="stCode"]')
        shown.wait_for(state="visible", timeout=10000)
        text = shown.inner_text().strip()
        assert text.startswith("娄底发展指标. 园区[DB/OL]. 数据版本 " + version), text
        assert f"{server}/parks?county=lianyuan&lang=zh" in text and f"[{date.today().isoformat()}]" in text
    finally:
        context.close()


def test_fact_page_in_a_browser(server, browser):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        page.goto(f"{server}/fact?id=d001-002")
        settle(page, want_chart=False)
        assert page.locator(MAIN_RENDERED).inner_text() == "涟源市贫困发生率（2020）"
        assert " ".join(page.locator("mark").inner_text().split()) == "贫困发生率 2013年 18.3% 2020年 0"
        codes = page.locator('[data-testid="stCode"]')
        codes.nth(1).wait_for(state="visible", timeout=10000)  # a code block's script may come after settle
        assert codes.count() == 2 and "d001-002" in codes.nth(0).inner_text()
        page.goto(f"{server}/fact?id=nope")
        settle(page, want_chart=False)
        assert "id=nope" in page.locator('[data-testid="stAlert"]').first.inner_text()
    finally:
        context.close()

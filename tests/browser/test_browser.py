"""The running dashboard in headless Chromium, used as a person would: real server, real browser.

One Streamlit server (on the session's built database) and one Chromium for the whole session; every test
opens fresh browser contexts, so no cookies, storage or Streamlit session carry over between tests.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser_kit import (
    CHART,
    CHART_PAGES,
    EXCEPTION,
    PAGES,
    ROOT,
    settle,
    streamlit_server,
)

from etl.db import queries
from ui.i18n import t
from ui.nav import title

CJK = re.compile(r"[\u4e00-\u9fff]")
DESKTOP = {"viewport": {"width": 1400, "height": 1000}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
SIDEBAR = '[data-testid="stSidebar"]'
# the county pills are the sidebar's second button group (the first is the language); the chosen pill is checked
COUNTY_CHOSEN = f'{SIDEBAR} [data-testid="stButtonGroup"] >> nth=1 >> [role="radio"][aria-checked="true"]'
ALERT = '[data-testid="stAlert"]'


@pytest.fixture(scope="session")
def app_url(built_db):
    with streamlit_server(ROOT / "dashboard.py", db=built_db) as url:
        yield url


@pytest.fixture
def new_page(browser):
    """new_page(**context_options) -> a page in a fresh context (closed after the test)."""
    contexts = []

    def make(locale: str = "zh-CN", **options):
        ctx = browser.new_context(locale=locale, **{**DESKTOP, **options})
        contexts.append(ctx)
        return ctx.new_page()
    yield make
    for ctx in contexts:
        ctx.close()


@pytest.fixture(scope="session")
def county_names(built_db) -> dict[str, dict[str, str]]:
    """{'zh'|'en': {code: name}} from the database the app reads."""
    c = queries.counties(built_db)
    return {lang: dict(zip(c["code"], c[f"name_{lang}"])) for lang in ("zh", "en")}


def open_page(page, url: str, want_chart: bool):
    page.goto(url)
    settle(page, want_chart)


def exception_text(page) -> str:
    return "\n".join(page.locator(EXCEPTION).all_inner_texts())


def main_view(page) -> dict:
    """What a reader sees of the overview: headings, metric cards, the county chosen in the sidebar."""
    return {
        "headings": page.locator('[data-testid="stMain"] h1, [data-testid="stMain"] h2, [data-testid="stMain"] h3')
                        .all_inner_texts(),
        "metrics": page.locator('[data-testid="stMetric"]').all_inner_texts(),
        "county": page.locator(COUNTY_CHOSEN).inner_text().strip(),
        "charts": page.locator(CHART).count(),
    }


# First in the file on purpose: the overview case is then also the server's first, cold, page load.
@pytest.mark.parametrize("start", ["", "parks", "land"], ids=lambda p: p or "overview")
def test_county_survives_page_switch(app_url, new_page, county_names, start):
    """Open a page with ?county=lianyuan, click the sidebar link to compare: the county stays chosen."""
    page = new_page()
    open_page(page, f"{app_url}/{start}?county=lianyuan", want_chart=True)
    assert page.locator(COUNTY_CHOSEN).inner_text().strip() == county_names["zh"]["lianyuan"] == "涟源市"
    page.locator(f'{SIDEBAR} a[href*="compare"]').first.click()
    page.wait_for_function("(exc) => location.pathname.endsWith('/compare') || document.querySelector(exc)",
                           arg=EXCEPTION, timeout=15000)
    if page.locator(EXCEPTION).count() == 0:
        settle(page, want_chart=True)
    assert page.locator(EXCEPTION).count() == 0, f"after the click, at {page.url}:\n{exception_text(page)}"
    assert "/compare" in page.url and "county=lianyuan" in page.url, page.url
    assert page.locator(COUNTY_CHOSEN).inner_text().strip() == "涟源市"


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "overview")
def test_page_renders(app_url, new_page, path):
    page = new_page()
    open_page(page, f"{app_url}/{path}", want_chart=path in CHART_PAGES)
    assert page.locator(EXCEPTION).count() == 0, exception_text(page)
    if path in CHART_PAGES:
        assert page.locator(CHART).count() >= 1, f"/{path} drew no chart"
        box = page.locator(CHART).first.bounding_box()
        assert box and box["width"] > 50 and box["height"] > 50, f"/{path}: first chart is {box}"


def test_copied_link_gives_same_view_in_new_context(app_url, new_page, county_names):
    first = new_page(locale="en-US")
    open_page(first, f"{app_url}/?county=louxing&lang=en", want_chart=True)
    view = main_view(first)
    # the sidebar's "Link to this view" popover shows the full URL of the view (with a copy button)
    first.locator(f'{SIDEBAR} [data-testid="stPopover"] button').first.click()
    shown = first.locator('[data-testid="stPopoverBody"] [data-testid="stCode"]')
    shown.wait_for(state="visible", timeout=10000)
    copied = shown.inner_text().strip()
    assert copied == first.url, (copied, first.url)
    assert "county=louxing" in copied and "lang=en" in copied, copied
    assert view["county"] == county_names["en"]["louxing"]
    assert any(county_names["en"]["louxing"] in h for h in view["headings"]), view["headings"]
    assert view["metrics"] and view["charts"] >= 1, view

    # someone else opens the link: a new context, Chinese browser locale (the link must win)
    second = new_page(locale="zh-CN")
    open_page(second, copied, want_chart=True)
    assert second.locator(EXCEPTION).count() == 0, exception_text(second)
    assert main_view(second) == view
    assert second.url == copied


def test_lang_en_switches_labels(app_url, new_page):
    counts = {}
    for lang in ("zh", "en"):
        page = new_page(locale="zh-CN")
        open_page(page, f"{app_url}/?lang={lang}", want_chart=True)
        assert page.locator('[data-testid="stMain"] h1').first.inner_text().strip() == t("title", lang)
        assert page.locator(f'{SIDEBAR} a[href*="compare"]').first.inner_text().strip() == title("compare", lang)
        counts[lang] = len(CJK.findall(page.inner_text("body")))
    assert counts["zh"] > 100, counts
    assert counts["en"] < 0.2 * counts["zh"], f"CJK characters still on the English page: {counts}"


def test_bad_link_values_give_a_notice(app_url, new_page):
    page = new_page()
    open_page(page, f"{app_url}/?county=nowhere_xyz&lang=xx", want_chart=True)
    assert page.locator(EXCEPTION).count() == 0, exception_text(page)
    notices = page.locator(ALERT).all_inner_texts()
    assert any("nowhere_xyz" in n for n in notices), notices
    assert any("lang" in n and "xx" in n for n in notices), notices
    assert page.locator(ALERT).filter(has_text="nowhere_xyz").first.is_visible()
    # defaults are used: Chinese title, no county chosen, and the overview still draws its chart
    assert page.locator('[data-testid="stMain"] h1').first.inner_text().strip() == t("title", "zh")
    assert page.locator(COUNTY_CHOSEN).inner_text().strip() == t("all_counties", "zh")
    assert page.locator(CHART).count() >= 1
    assert "nowhere_xyz" not in page.url


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "overview")
def test_phone_width_does_not_scroll_sideways(app_url, new_page, path):
    page = new_page(**PHONE)
    open_page(page, f"{app_url}/{path}", want_chart=path in CHART_PAGES)
    assert page.locator(EXCEPTION).count() == 0, exception_text(page)
    overflow = page.evaluate("""() => {
        const out = {};
        for (const [name, el] of [['document', document.documentElement],
                                  ['stMain', document.querySelector('[data-testid="stMain"]')]]) {
            if (el) out[name] = el.scrollWidth - el.clientWidth;
        }
        return out;
    }""")
    assert set(overflow) == {"document", "stMain"}, overflow
    assert max(overflow.values()) <= 2, f"/{path} scrolls sideways at 390 px: {overflow}"


def test_deep_link_is_first_visit_after_start(built_db, browser, county_names):
    """A shared link to a subpage, opened as the very first visit after the server starts, gets the
    dashboard (its navigation, sidebar filters, the link's county and language), not the bare page file.
    Needs its own fresh server: the session server has already served other pages."""
    with streamlit_server(ROOT / "dashboard.py", db=built_db) as url:
        ctx = browser.new_context(locale="zh-CN", **DESKTOP)
        try:
            page = ctx.new_page()
            open_page(page, f"{url}/compare?county=lianyuan&lang=en", want_chart=True)
            assert page.locator(EXCEPTION).count() == 0, exception_text(page)
            nav = [x.strip() for x in page.locator(f'{SIDEBAR} [data-testid="stSidebarNav"] a').all_inner_texts()]
            assert nav == [title(p, "en") for p in ("overview", "compare", "parks", "land", "explorer", "sources")]
            assert page.locator('[data-testid="stMain"] h1').first.inner_text().strip() == title("compare", "en")
            assert page.locator(COUNTY_CHOSEN).inner_text().strip() == county_names["en"]["lianyuan"]
        finally:
            ctx.close()


GLYPHS_JS = r"""() => {
    const h1 = document.querySelector('[data-testid="stMain"] h1');
    const cs = getComputedStyle(h1);
    const size = 32;
    const font = `${cs.fontWeight} ${size}px ${cs.fontFamily}`;
    function alpha(ch) {
        const c = document.createElement('canvas');
        c.width = c.height = 2 * size;
        const g = c.getContext('2d');
        g.font = font; g.fillStyle = '#000'; g.textBaseline = 'top';
        g.fillText(ch, 4, 4);
        return Array.from(g.getImageData(0, 0, c.width, c.height).data.filter((_, i) => i % 4 === 3));
    }
    const a = alpha('娄'), b = alpha('底');
    const m = document.createElement('canvas').getContext('2d');
    m.font = font;
    const text = h1.innerText.trim();
    return {font, size, text,
            inkA: a.filter(v => v > 0).length, inkB: b.filter(v => v > 0).length,
            differ: a.some((v, i) => v !== b[i]),
            cjkWidth: m.measureText(text).width, cjkChars: [...text].length};
}"""


def test_chinese_glyphs_render_not_tofu(app_url, new_page):
    """Chinese text is drawn with real glyphs, in the font the page actually uses for its title.

    In the page, '娄' and '底' are drawn on a canvas with the h1's computed font ("Source Sans" then
    sans-serif: Source Sans has no CJK, so Chromium falls back through fontconfig). Checked:
    - both leave ink and their pixels differ. Without a CJK font every ideograph becomes the same .notdef
      box, so the two bitmaps are identical (seen with fontconfig limited to DejaVu/Liberation: 351 inked
      pixels each, identical).
    - the zh title (six ideographs) measures six em: CJK glyphs are full-width. The .notdef box of the
      Latin fallback is narrower (about 0.69 em there: 132 px instead of 192 px at 32 px).
    document.fonts.check('16px "Noto Sans CJK SC"') is deliberately not used: it only reports whether
    web fonts in the FontFaceSet still need loading, and returns true for any name, installed or not
    (it is true for "NoSuchFont xyz" too), so it cannot fail when fonts-noto-cjk is missing.
    """
    page = new_page()
    open_page(page, f"{app_url}/?lang=zh", want_chart=True)
    r = page.evaluate(GLYPHS_JS)
    assert r["text"] == t("title", "zh") and all(CJK.match(c) for c in r["text"]), r
    assert r["inkA"] > 50 and r["inkB"] > 50, f"a CJK glyph left no ink: {r}"
    assert r["differ"], f"'娄' and '底' render identically (tofu): {r}"
    expected = r["cjkChars"] * r["size"]
    assert abs(r["cjkWidth"] - expected) <= 0.05 * expected, f"CJK text is not full-width (tofu?): {r}"


def download_from_chart_menu(page, url: str, label: str) -> bytes:
    """Open the page, open the first chart's Download menu (made on opening), click ``label``; the file."""
    open_page(page, url, want_chart=True)
    page.locator('[data-testid="stMain"] [data-testid="stPopover"] button').first.click()
    button = page.locator('[data-testid="stPopoverBody"]').get_by_role("button", name=label)
    button.wait_for(state="visible", timeout=15000)
    settle(page, want_chart=True)  # the rerun that made the menu has finished: the button is final
    with page.expect_download(timeout=30000) as download:
        button.click()
    return Path(download.value.path()).read_bytes()


def test_chart_download_menu_gives_png_and_csv(app_url, new_page):
    """The Download menu under a chart is made when opened; its PNG is a real image and its CSV the rows shown."""
    png = download_from_chart_menu(new_page(accept_downloads=True), f"{app_url}/land", t("download_png", "zh"))
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    csv = download_from_chart_menu(new_page(accept_downloads=True), f"{app_url}/land", t("download_csv", "zh"))
    text = csv.decode("utf-8-sig")
    assert "7252.04" in text and "11723.24" in text, text[:300]  # the two bars of the land chart


@pytest.mark.parametrize("path, first, second, second_code", [
    ("compare?tab=gdp", "nav_compare", "财政收入", "fiscal_revenue"),
    ("parks?tab=2022", "nav_parks", "省级排名变化", None),
], ids=["compare", "parks"])
def test_tab_in_link_opens_that_tab_and_a_switch_updates_the_link(app_url, new_page, path, first, second,
                                                                    second_code):
    """?tab= opens that tab (its chart drawn); clicking another tab draws it and puts it in the address bar."""
    page = new_page()
    open_page(page, f"{app_url}/{path}", want_chart=True)
    assert page.locator(EXCEPTION).count() == 0, exception_text(page)
    wanted = path.split("tab=")[1]
    assert f"tab={wanted}" in page.url, page.url
    active = page.locator('[data-testid="stMain"] [role="tab"][aria-selected="true"]')
    opened = active.inner_text().strip()
    page.locator('[data-testid="stMain"] [role="tab"]', has_text=second).click()
    page.wait_for_function("(t) => document.querySelector('[role=tab][aria-selected=true]').innerText.trim() === t",
                           arg=second, timeout=15000)
    settle(page, want_chart=True)
    assert page.locator(EXCEPTION).count() == 0, exception_text(page)
    assert page.locator(CHART).count() == 1, "only the open tab is drawn"
    assert active.inner_text().strip() == second != opened
    if second_code:
        assert f"tab={second_code}" in page.url, page.url
    else:  # the first tab is the default: the link drops it
        assert "tab=" not in page.url, page.url

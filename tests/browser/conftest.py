"""One Chromium for the whole browser test session: Playwright's sync API runs an event loop in the main
thread, so a second sync_playwright() while the first is open would fail."""
from __future__ import annotations

import pytest
from browser_kit import launch_chromium
from playwright import sync_api


@pytest.fixture(scope="session")
def browser():
    with sync_api.sync_playwright() as p:
        b = launch_chromium(p)
        yield b
        b.close()

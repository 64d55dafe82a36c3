"""Opening a dashboard page the way a link does, for the AppTest tests."""
from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]


def open_app(page: str, params: dict[str, str], timeout: float = 30) -> AppTest:
    """dashboard.py run with ``params`` in the link, then switched to ``page`` (overview is the default)."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=timeout)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page != "overview":
        at.switch_page(f"pages/{page}.py").run()
    return at

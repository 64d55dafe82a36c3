"""The layout's rules, checked: imports run one way (import-linter contracts in pyproject.toml), pages are
thin (they import only Streamlit and ui), and no module grows past a size a reader can hold."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MAX_LINES = 400
# modules allowed to be longer, with the reason
LONG_MODULES = {
    "ui/i18n.py": "every interface string in zh and en: a table, not logic",
}


def test_import_contracts_are_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", sorted((ROOT / "pages").glob("*.py")) + [ROOT / "dashboard.py"],
                         ids=lambda p: p.name)
def test_pages_import_only_streamlit_and_ui(path):
    third_party = imported_roots(path) - set(sys.stdlib_module_names) - {"__future__"}
    assert third_party <= {"streamlit", "ui"}, f"{path.name} imports {sorted(third_party - {'streamlit', 'ui'})}"


@pytest.mark.parametrize("path", sorted(p for d in ("etl", "ui", "pages") for p in (ROOT / d).rglob("*.py")),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_is_over_the_size_limit(path):
    rel = str(path.relative_to(ROOT))
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES or rel in LONG_MODULES, f"{rel} has {lines} lines (limit {MAX_LINES})"

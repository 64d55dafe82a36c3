"""Helpers for tests that change a copy of the catalogue."""
from __future__ import annotations

import hashlib
from pathlib import Path


def tree_sha(folder: Path) -> str:
    """sha256 over every file name and content below folder."""
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(str(path.relative_to(folder)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()

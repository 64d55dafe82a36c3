"""What the extraction tests share besides the fixtures in conftest.py."""
from __future__ import annotations


def only(rows, value):
    """The single candidate whose value is printed as ``value``."""
    hits = [r for r in rows if r["value"] == value]
    assert len(hits) == 1, rows
    return hits[0]

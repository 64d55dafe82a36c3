"""Where things live: the project root, the catalogue folder and the database file.

Every step takes ``data_dir`` (and the database path) as a parameter; these are only the defaults.
"""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
DEFAULT_DB = DATA / "loudi.duckdb"


def review_path(data_dir: Path, doc: str) -> Path:
    """The review file of a page: data/review/DOC.csv."""
    return Path(data_dir) / "review" / f"{doc}.csv"


def relative(path: Path, data_dir: Path) -> str:
    """A path as messages name it: relative to the catalogue's parent (``data/facts/d000.csv``)."""
    path, root = Path(path), Path(data_dir).parent
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)

"""Fixtures of the unit tests: the real catalogue and what propose may know of it."""
from __future__ import annotations

import pytest

from etl.core import catalog
from etl.extract.knowledge import Knowledge


@pytest.fixture(scope="session")
def cat():
    return catalog.load()


@pytest.fixture(scope="session")
def k(cat):
    """What propose may know: the whole real catalogue."""
    return Knowledge.from_catalog(cat)

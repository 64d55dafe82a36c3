"""The declarative page configuration, ui/config.toml: what each page shows. No Streamlit here.

``LOUDI_CONFIG`` names another file of the same format (the tests use one). A missing key or a
malformed value fails loudly with the file and the key.
"""
from __future__ import annotations

import functools
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

CONFIG = Path(__file__).with_name("config.toml")


class ConfigError(ValueError):
    """A page configuration that does not have the expected shape."""


@dataclass(frozen=True)
class Overview:
    region: str
    years: tuple[int, int]
    headline_indicators: tuple[str, ...]


@dataclass(frozen=True)
class Compare:
    years: tuple[int, int]
    default_indicators: tuple[str, ...]


@dataclass(frozen=True)
class Parks:
    theme: str
    tabs: tuple[str, ...]
    money_units: tuple[str, ...]
    rank: str    # indicator of the provincial ranking
    gained: str  # indicator of the places gained


@dataclass(frozen=True)
class Land:
    theme: str
    tabs: tuple[str, ...]
    total: str
    disposed: str
    rate: str
    derived_rate: str

    @property
    def progress_indicators(self) -> tuple[str, str, str]:
        """The published indicators of the disposal progress."""
        return self.total, self.disposed, self.rate


@dataclass(frozen=True)
class Config:
    overview: Overview
    compare: Compare
    parks: Parks
    land: Land


def get() -> Config:
    """The configuration in use: $LOUDI_CONFIG, else ui/config.toml (read once per file)."""
    return load(Path(os.environ.get("LOUDI_CONFIG", CONFIG)))


@functools.cache
def load(path: Path) -> Config:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    read = _Reader(path, raw)
    return Config(
        overview=Overview(region=read.code("overview", "region"), years=read.years("overview"),
                          headline_indicators=read.codes("overview", "headline_indicators")),
        compare=Compare(years=read.years("compare"), default_indicators=read.codes("compare", "default_indicators")),
        parks=Parks(theme=read.code("parks", "theme"), tabs=read.codes("parks", "tabs"),
                    money_units=read.codes("parks", "money_units"), rank=read.code("parks.rank", "indicator"),
                    gained=read.code("parks.gained", "indicator")),
        land=Land(theme=read.code("land", "theme"), tabs=read.codes("land", "tabs"),
                  **{role: read.code(f"land.{role}", "indicator")
                     for role in ("total", "disposed", "rate", "derived_rate")}),
    )


@dataclass
class _Reader:
    path: Path
    raw: dict

    def _get(self, table: str, key: str) -> object:
        node = self.raw
        for part in table.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        if not isinstance(node, dict) or key not in node:
            raise ConfigError(f"{self.path}: [{table}] {key}: missing")
        return node[key]

    def code(self, table: str, key: str) -> str:
        value = self._get(table, key)
        if not isinstance(value, str) or not value:
            raise ConfigError(f"{self.path}: [{table}] {key}: expected a code (a non-empty string), got {value!r}")
        return value

    def codes(self, table: str, key: str) -> tuple[str, ...]:
        value = self._get(table, key)
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
            raise ConfigError(f"{self.path}: [{table}] {key}: expected a non-empty array of codes, got {value!r}")
        return tuple(value)

    def years(self, table: str) -> tuple[int, int]:
        value = self._get(table, "years")
        if not (isinstance(value, list) and len(value) == 2 and all(type(v) is int for v in value)
                and value[0] < value[1]):
            raise ConfigError(f"{self.path}: [{table}] years: expected two integers, earlier first, got {value!r}")
        return value[0], value[1]

"""State that lives in the link: read each query parameter once, validate it, keep it in the URL.

A value that is unknown or malformed is dropped with a visible notice naming the parameter; the page
still renders with the default.
"""
from __future__ import annotations

from collections.abc import Collection

import streamlit as st

MAX_LENGTH = 64


def read_choice(name: str, allowed: Collection[str], default: str = "") -> tuple[str, str | None]:
    """(value, problem) for a single-valued parameter; problem is None when the value is fine."""
    raw = st.query_params.get_all(name)
    if not raw:
        return default, None
    if len(raw) > 1:
        return default, f"{name}: repeated"
    value = raw[0]
    if value == "":
        return default, f"{name}: empty"
    if len(value) > MAX_LENGTH or value not in allowed:
        return default, f"{name}={value[:MAX_LENGTH]}"
    return value, None


def keep(name: str, value: str, default: str = "") -> None:
    """Write a state value into the URL (removing it when it is the default)."""
    if value and value != default:
        if st.query_params.get(name) != value:
            st.query_params[name] = value
    elif name in st.query_params:
        del st.query_params[name]


def read_list(name: str, allowed: Collection[str], default: list[str]) -> tuple[list[str], str | None]:
    """(values, problem) for a comma-separated parameter; unknown items are dropped and reported."""
    raw = st.query_params.get_all(name)
    if not raw:
        return default, None
    if len(raw) > 1:
        return default, f"{name}: repeated"
    items = [item for item in raw[0].split(",") if item]
    good = [item for item in items if item in allowed and len(item) <= MAX_LENGTH]
    bad = [item[:MAX_LENGTH] for item in items if item not in good]
    if not good:
        return default, f"{name}={raw[0][:MAX_LENGTH]}"
    return good, (f"{name}={','.join(bad)}" if bad else None)


def keep_list(name: str, values: list[str], default: list[str]) -> None:
    keep(name, ",".join(values), ",".join(default))

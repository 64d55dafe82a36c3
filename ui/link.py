"""State that lives in the link: read each query parameter once, validate it, keep it in the URL.

A value that is unknown or malformed (repeated, empty, too long, not one of the options) is dropped with
a visible notice naming the parameter; the page still renders with the default. Streamlit's own
``bind="query-params"`` writes a widget's *formatted* label into the URL (涟源市, not lianyuan), so the
binding is done here: codes in the link, names on screen.
"""
from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from urllib.parse import urlencode, urlsplit

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


def keep(name: str, value: str | Sequence[str], default: str | Sequence[str] = "") -> None:
    """Write a state value into the URL (lists comma-joined); remove it when it is the default."""
    if not isinstance(value, str):
        value, default = ",".join(value), ",".join(default)
    if value and value != default:
        if st.query_params.get(name) != value:
            st.query_params[name] = value
    elif name in st.query_params:
        del st.query_params[name]


def current(name: str, options: Sequence[str], default: str | list[str], *, key: str,
            notice: Callable[[str], None]) -> str | list[str]:
    """The value kept in ``st.session_state[key]``: read from ``?name=`` on a session's first run (a bad
    value goes to ``notice`` and the default is used), afterwards whatever the user picked."""
    if key not in st.session_state:
        read = read_list if isinstance(default, list) else read_choice
        st.session_state[key], problem = read(name, options, default)
        if problem:
            notice(problem)
    return st.session_state[key]


def bound(widget: Callable, name: str, options: Sequence[str], default: str | list[str], *, key: str,
          notice: Callable[[str], None], link_default: str | list[str] | None = None, **kwargs):
    """Render ``widget`` (selectbox, multiselect, segmented_control …) with its value kept in ``?name=``.

    ``st.session_state[key]`` holds the value: read from the link on a session's first run (a bad value
    goes to ``notice``), then changed only by the user's picks (on_change). The widget has a key of its
    own, set from the value before every run, so a page switch that resets widget state cannot lose it.
    The URL omits the parameter when the value equals ``link_default`` (by default ``default``).
    """
    current(name, options, default, key=key, notice=notice)
    widget_key = f"{key}__widget"
    st.session_state[widget_key] = st.session_state[key]
    widget(options=options, key=widget_key, on_change=_adopt, args=(key, widget_key), **kwargs)
    value = st.session_state[key]
    keep(name, value, default if link_default is None else link_default)
    return value


def bound_tabs(name: str, options: Sequence[str], labels: Callable[[str], str], *, key: str,
               notice: Callable[[str], None]) -> tuple[str, object]:
    """Tabs, one per option (labelled ``labels(option)``), with the open one kept in ``?name=``.

    Only the open tab is meant to be filled: the tabs track their state (``on_change``), so a switch
    reruns the page. Returns the open option and its tab.
    """
    current(name, options, options[0], key=key, notice=notice)
    if st.session_state[key] not in options:  # the options changed (another indicator choice)
        st.session_state[key] = options[0]
    names = {labels(option): option for option in options}
    widget_key = f"{key}__widget"
    st.session_state[widget_key] = labels(st.session_state[key])
    tabs = st.tabs(list(names), key=widget_key, on_change=_adopt_tab, args=(key, widget_key, names))
    keep(name, st.session_state[key], options[0])
    return next(((option, tab) for option, tab in zip(options, tabs) if tab.open), (options[0], tabs[0]))


def _adopt_tab(key: str, widget_key: str, names: dict[str, str]) -> None:
    """on_change of bound_tabs: the tab the user opened (its label) becomes the value (its option)."""
    label = st.session_state.get(widget_key)
    if label in names:
        st.session_state[key] = names[label]


def _adopt(key: str, widget_key: str) -> None:
    """on_change: the user's pick becomes the value (a required choice never becomes empty)."""
    picked = st.session_state[widget_key]
    if picked is not None:
        st.session_state[key] = picked


def share_url(app_url: str, page_path: str, params: dict[str, str]) -> str:
    """The full link to a view: the app's origin, the page's path and the current query string.

    >>> share_url("http://host:8501/compare", "parks", {"county": "lianyuan"})
    'http://host:8501/parks?county=lianyuan'
    """
    parts = urlsplit(app_url)
    query = urlencode(sorted(params.items()))
    return f"{parts.scheme}://{parts.netloc}/{page_path}" + (f"?{query}" if query else "")

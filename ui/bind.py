"""The Streamlit side of link state: session state read from the link once, widgets and tabs bound to it.

The parsing and the query strings are pure functions in ui/links.py. Streamlit's own
``bind="query-params"`` writes a widget's *formatted* label into the URL (涟源市, not lianyuan), so the
binding is done here: codes in the link, names on screen.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from ui import links


def value(name: str, options: Sequence[str], default: links.Value, *, key: str,
          notice: Callable[[str], None]) -> links.Value:
    """The value kept in ``st.session_state[key]``: read from ``?name=`` on a session's first run (a bad
    value goes to ``notice`` and the default is used), afterwards whatever the user picked."""
    if key not in st.session_state:
        state, notices = links.parse({name: st.query_params.get_all(name)}, {name: links.Spec(options, default)})
        st.session_state[key] = state[name]
        for problem in notices:
            notice(problem)
    return st.session_state[key]


def keep(name: str, current: links.Value, default: links.Value) -> None:
    """Write a value into the URL (lists comma-joined); remove it when it equals the default."""
    wanted = links.query({name: current}, {name: default})
    if name in wanted:
        if st.query_params.get(name) != wanted[name]:
            st.query_params[name] = wanted[name]
    elif name in st.query_params:
        del st.query_params[name]


def widget(make: Callable, name: str, options: Sequence[str], default: links.Value, *, key: str,
           notice: Callable[[str], None], link_default: links.Value | None = None, **kwargs) -> links.Value:
    """Render ``make`` (selectbox, multiselect, segmented_control, pills …) with its value kept in ``?name=``.

    ``st.session_state[key]`` holds the value: read from the link on a session's first run (a bad value
    goes to ``notice``), then changed only by the user's picks (on_change). The widget has a key of its
    own, set from the value before every run, so a page switch that resets widget state cannot lose it.
    The URL omits the parameter when the value equals ``link_default`` (by default ``default``).
    """
    value(name, options, default, key=key, notice=notice)
    widget_key = f"{key}__widget"
    st.session_state[widget_key] = st.session_state[key]
    make(options=options, key=widget_key, on_change=_adopt, args=(key, widget_key), **kwargs)
    keep(name, st.session_state[key], default if link_default is None else link_default)
    return st.session_state[key]


def tabs(name: str, options: Sequence[str], labels: Callable[[str], str], *, key: str,
         notice: Callable[[str], None]) -> tuple[str, object]:
    """Tabs, one per option (labelled ``labels(option)``), with the open one kept in ``?name=``.

    Only the open tab is meant to be filled: the tabs track their state (``on_change``), so a switch
    reruns the page. Returns the open option and its tab.
    """
    value(name, options, options[0], key=key, notice=notice)
    if st.session_state[key] not in options:  # the options changed (another indicator choice)
        st.session_state[key] = options[0]
    names = {labels(option): option for option in options}
    widget_key = f"{key}__widget"
    st.session_state[widget_key] = labels(st.session_state[key])
    drawn = st.tabs(list(names), key=widget_key, on_change=_adopt_tab, args=(key, widget_key, names))
    keep(name, st.session_state[key], options[0])
    return next(((option, tab) for option, tab in zip(options, drawn) if tab.open), (options[0], drawn[0]))


def _adopt_tab(key: str, widget_key: str, names: dict[str, str]) -> None:
    """on_change of tabs: the tab the user opened (its label) becomes the value (its option)."""
    label = st.session_state.get(widget_key)
    if label in names:
        st.session_state[key] = names[label]


def _adopt(key: str, widget_key: str) -> None:
    """on_change: the user's pick becomes the value (a required choice never becomes empty)."""
    picked = st.session_state[widget_key]
    if picked is not None:
        st.session_state[key] = picked

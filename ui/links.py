"""Link state as pure functions, Datasette style: query parameters in, view state out, and back.

No Streamlit here (ui/bind.py does the session state, the widgets bound to the URL and the tabs). The
link holds codes (``county=lianyuan``), the screen shows names. A value that is unknown, empty, repeated
or too long is dropped: the parameter falls back to its default and a notice names it.

>>> parse({"county": ["lianyuan"], "lang": ["xx"]}, {"county": Spec(["", "lianyuan"]), "lang": Spec(["zh", "en"], "zh")})
({'county': 'lianyuan', 'lang': 'zh'}, ['lang=xx'])
>>> url({"county": "lianyuan", "lang": "zh", "ind": ["gdp", "poverty_incidence"]}, {"lang": "zh", "ind": []})
'county=lianyuan&ind=gdp%2Cpoverty_incidence'
"""
from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

MAX_LENGTH = 64  # longer values are dropped, and cut to this length in the notice
Value = str | list[str]


@dataclass(frozen=True)
class Spec:
    """What a parameter may hold: one of ``options`` when ``default`` is a string, a comma-separated
    list of them when ``default`` is a list or tuple."""

    options: Collection[str]
    default: str | Sequence[str] = ""

    @property
    def is_list(self) -> bool:
        return not isinstance(self.default, str)


def parse(params: Mapping[str, Sequence[str]], allowed: Mapping[str, Spec]) -> tuple[dict[str, Value], list[str]]:
    """(state, notices): the value of every allowed parameter (its default when absent or bad) and one
    notice per bad value, naming the parameter. Parameters that are not allowed are ignored."""
    state, notices = {}, []
    for name, spec in allowed.items():
        read = _read_list if spec.is_list else _read_choice
        state[name], notice = read(name, list(params.get(name, ())), spec)
        if notice:
            notices.append(notice)
    return state, notices


def _read_choice(name: str, raw: list[str], spec: Spec) -> tuple[str, str | None]:
    if not raw:
        return spec.default, None
    if len(raw) > 1:
        return spec.default, f"{name}: repeated"
    if raw[0] == "":
        return spec.default, f"{name}: empty"
    if len(raw[0]) > MAX_LENGTH or raw[0] not in spec.options:
        return spec.default, f"{name}={raw[0][:MAX_LENGTH]}"
    return raw[0], None


def _read_list(name: str, raw: list[str], spec: Spec) -> tuple[list[str], str | None]:
    """Unknown items of a list are dropped and named; the default when no item is good."""
    if not raw:
        return list(spec.default), None
    if len(raw) > 1:
        return list(spec.default), f"{name}: repeated"
    items = [item for item in raw[0].split(",") if item]
    good = [item for item in items if len(item) <= MAX_LENGTH and item in spec.options]
    bad = [item[:MAX_LENGTH] for item in items if item not in good]
    if not good:
        return list(spec.default), f"{name}={raw[0][:MAX_LENGTH]}"
    return good, (f"{name}={','.join(bad)}" if bad else None)


def query(state: Mapping[str, Value], defaults: Mapping[str, Value]) -> dict[str, str]:
    """The query parameters of a state: lists comma-joined; a value equal to its default, or empty, is
    left out (a name without a default always goes in when not empty)."""
    out = {}
    for name, value in state.items():
        text, default = _text(value), _text(defaults.get(name))
        if text and text != default:
            out[name] = text
    return out


def url(state: Mapping[str, Value], defaults: Mapping[str, Value]) -> str:
    """The query string of a state (without '?'), parameters in name order."""
    return urlencode(sorted(query(state, defaults).items()))


def share_url(app_url: str, page_path: str, params: Mapping[str, str]) -> str:
    """The full link to a view: the app's origin, the page's path and the current query string.

    >>> share_url("http://host:8501/compare", "parks", {"county": "lianyuan"})
    'http://host:8501/parks?county=lianyuan'
    """
    parts = urlsplit(app_url)
    query_string = url(params, {})
    return f"{parts.scheme}://{parts.netloc}/{page_path}" + (f"?{query_string}" if query_string else "")


def _text(value: Value | None) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else ",".join(value)

"""Link state as pure functions: tables of (params, allowed, state, notices) and (state, defaults, URL)."""
import pytest

from ui import links
from ui.links import Spec

LANG = {"lang": Spec(["zh", "en"], "zh")}
COUNTY = {"county": Spec(["", "lianyuan", "louxing"], "")}
IND = {"ind": Spec(["gdp", "fiscal_revenue", "poverty_incidence"], ["gdp"])}
LONG = "x" * 1000


@pytest.mark.parametrize("params, allowed, state, notices", [
    ({}, LANG, {"lang": "zh"}, []),
    ({"lang": ["en"]}, LANG, {"lang": "en"}, []),
    ({"lang": ["xx"]}, LANG, {"lang": "zh"}, ["lang=xx"]),
    ({"lang": [""]}, LANG, {"lang": "zh"}, ["lang: empty"]),
    ({"lang": ["en", "zh"]}, LANG, {"lang": "zh"}, ["lang: repeated"]),
    ({"county": [LONG]}, COUNTY, {"county": ""}, ["county=" + "x" * links.MAX_LENGTH]),
    ({"county": ["<b>x</b>"]}, COUNTY, {"county": ""}, ["county=<b>x</b>"]),
    ({"county": ["louxing"], "lang": ["xx"], "other": ["1"]}, {**COUNTY, **LANG},
     {"county": "louxing", "lang": "zh"}, ["lang=xx"]),
    ({}, IND, {"ind": ["gdp"]}, []),
    ({"ind": ["fiscal_revenue,poverty_incidence"]}, IND, {"ind": ["fiscal_revenue", "poverty_incidence"]}, []),
    ({"ind": ["gdp,nonsense"]}, IND, {"ind": ["gdp"]}, ["ind=nonsense"]),
    ({"ind": ["nonsense"]}, IND, {"ind": ["gdp"]}, ["ind=nonsense"]),
    ({"ind": ["gdp,,fiscal_revenue,"]}, IND, {"ind": ["gdp", "fiscal_revenue"]}, []),
    ({"ind": [","]}, IND, {"ind": ["gdp"]}, ["ind=,"]),
    ({"ind": ["gdp", "gdp"]}, IND, {"ind": ["gdp"]}, ["ind: repeated"]),
    ({"ind": ["gdp," + LONG]}, IND, {"ind": ["gdp"]}, ["ind=" + "x" * links.MAX_LENGTH]),
], ids=lambda x: str(x)[:30])
def test_parse(params, allowed, state, notices):
    assert links.parse(params, allowed) == (state, notices)


@pytest.mark.parametrize("state, defaults, expected", [
    ({}, {}, ""),
    ({"lang": "zh"}, {"lang": "zh"}, ""),
    ({"lang": "en"}, {"lang": "zh"}, "lang=en"),
    ({"lang": "zh"}, {"lang": ""}, "lang=zh"),
    ({"county": ""}, {}, ""),
    ({"lang": "en", "county": "lianyuan"}, {}, "county=lianyuan&lang=en"),
    ({"ind": ["gdp"]}, {"ind": ["gdp"]}, ""),
    ({"ind": ["gdp", "fiscal_revenue"]}, {"ind": ["gdp"]}, "ind=gdp%2Cfiscal_revenue"),
    ({"ind": []}, {"ind": ["gdp"]}, ""),
    ({"county": "娄星区"}, {}, "county=%E5%A8%84%E6%98%9F%E5%8C%BA"),
], ids=str)
def test_url(state, defaults, expected):
    assert links.url(state, defaults) == expected


@pytest.mark.parametrize("state", [
    {"lang": "en", "county": "louxing", "ind": ["gdp", "fiscal_revenue"]},
    {"lang": "zh", "county": "", "ind": ["gdp"]},
], ids=str)
def test_a_shared_link_restores_the_state(state):
    allowed = {**LANG, **COUNTY, **IND}
    params = {k: [v] for k, v in links.query(state, {k: s.default for k, s in allowed.items()}).items()}
    assert links.parse(params, allowed) == (state, [])


@pytest.mark.parametrize("app_url, page, params, expected", [
    ("http://h:8501/", "", {}, "http://h:8501/"),
    ("http://h:8501/compare", "parks", {"county": "lianyuan"}, "http://h:8501/parks?county=lianyuan"),
    ("https://x.org/", "compare", {"lang": "en", "ind": "gdp,poverty_incidence"},
     "https://x.org/compare?ind=gdp%2Cpoverty_incidence&lang=en"),
])
def test_share_url(app_url, page, params, expected):
    assert links.share_url(app_url, page, params) == expected


def test_links_module_does_not_import_streamlit():
    import ast
    from pathlib import Path

    tree = ast.parse(Path(links.__file__).read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not {m for m in imported if m and m.split(".")[0] in ("streamlit", "ui")}, imported

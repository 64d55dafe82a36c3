"""The data API, served by the dashboard's own server (dashboard.py hands ``routes()`` to ``st.App``).

    GET /api/v1/facts.csv  /api/v1/facts.json   ?county=&ind=&year=&doc=&level=&theme=&lang=
    GET /api/v1/indicators.json  /api/v1/regions.json  /api/v1/sources.json   ?lang=
    GET /api/v1/fact.json?id=d001-002&lang=
    GET /api/v1/bundle.zip  (the facts' filters): facts.csv, the metadata as JSON and a README

The handlers are pure functions from (query parameters, database) to a ``Reply`` (status, headers, body);
``routes()`` is the thin adapter to Starlette's routes. Parameters are read by ui/links.py's ``parse``, as
the pages read theirs, but a value the pages would drop with a notice is here a 400 whose JSON body names
the parameter and the reason. The database is only read (etl/db/queries.py opens it read-only).

ETag: the data version, i.e. the sha256 that the build computed over every file of data/ it read (pages,
catalogue, review files; build_info.catalogue_sha256), with the API's format number. It stays the same
across rebuilds of the same files and changes with any of them, and costs one small query per database
file (cached by the file's mtime and size). A matching ``If-None-Match`` is answered 304.
"""
from __future__ import annotations

import functools
import io
import json
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from etl.db import queries
from ui import cite, links, prep
from ui.i18n import LANGUAGES, LEVEL_LABELS, THEME_LABELS, label_of, t

PREFIX = "/api/v1"
FORMAT = 1  # bump when the bodies change shape: part of the ETag, so caches drop the old ones
LIST_FILTERS = {"county": "county", "ind": "indicator", "year": "year", "doc": "doc", "level": "level",
                "theme": "theme"}  # link parameter -> indicator_values column (as on the explorer)
JSON = "application/json; charset=utf-8"


class Reply(NamedTuple):
    status: int
    headers: dict[str, str]
    body: bytes


# --- Reading the database (read-only, cached per database file version) ------------------------------

def _stamp(db: Path) -> tuple[int, int]:
    stat = db.stat()
    return stat.st_mtime_ns, stat.st_size


@functools.lru_cache(maxsize=256)
def _frame(db: str, stamp: tuple[int, int], name: str, args: tuple = ()) -> pd.DataFrame:
    return getattr(queries, name)(db, *args)


def load(db: Path, name: str, *args) -> pd.DataFrame:
    """``queries.<name>(db, *args)``, read once per database file version. Callers must not change it."""
    return _frame(str(db), _stamp(db), name, args)


def data_version(db: Path) -> cite.Version:
    info = load(db, "build_info").iloc[0]
    return cite.Version(str(info["catalogue_sha256"]), pd.Timestamp(info["built_at"]).date())


def etag(version: cite.Version) -> str:
    return f'"{version.sha256}-f{FORMAT}"'


def etag_matches(if_none_match: str | None, tag: str) -> bool:
    """RFC 9110's weak comparison of ``If-None-Match`` (``*``, or a list of tags) with ``tag``."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    bare = tag.removeprefix("W/")
    return any(item.strip().removeprefix("W/") == bare for item in if_none_match.split(","))


# --- Parameters ---------------------------------------------------------------------------------------

def fact_specs(db: Path) -> dict[str, links.Spec]:
    """The facts' filters: the values the explorer offers (and the counties of the sidebar), as lists."""
    return _fact_specs(str(db), _stamp(db))


@functools.lru_cache(maxsize=8)
def _fact_specs(path: str, stamp: tuple[int, int]) -> dict[str, links.Spec]:
    db = Path(path)
    values = load(db, "values")
    counties = set(load(db, "counties")["code"]) | set(values["county"].dropna())
    options = {"county": counties, "ind": set(values["indicator"]), "doc": set(values["doc"]),
               "year": {str(y) for y in values["year"].dropna()}, "level": set(values["level"]),
               "theme": set(values["theme"])}
    return {name: links.Spec(frozenset(o), []) for name, o in options.items()} | {"lang": links.Spec(LANGUAGES, "zh")}


def _lang_only(db: Path) -> dict[str, links.Spec]:
    return {"lang": links.Spec(LANGUAGES, "zh")}


def _fact_id(db: Path) -> dict[str, links.Spec]:
    return {"id": links.Spec(set(load(db, "values")["fact_id"]), "")} | _lang_only(db)


def problems(params: Mapping[str, Sequence[str]], specs: Mapping[str, links.Spec]) -> tuple[dict, list[dict]]:
    """(state, problems): ``links.parse``'s state, and one problem per bad parameter, naming it and the
    reason. Unlike a page, the API also refuses a parameter it does not know (a typo would else return
    every fact)."""
    found = [{"parameter": name, "reason": "unknown parameter", "allowed": sorted(specs)}
             for name in params if name not in specs]
    state = {}
    for name, spec in specs.items():
        one, notices = links.parse({name: params.get(name, [])}, {name: spec})
        state[name] = one[name]
        found += [_problem(name, notice) for notice in notices]
    return state, found


def _problem(name: str, notice: str) -> dict:
    """A notice of links.parse ('ind: repeated', 'ind: empty', 'ind=nonsense') as a problem."""
    detail = notice[len(name):]
    if detail == ": repeated":
        return {"parameter": name, "reason": "given more than once (use one comma-separated list)"}
    if detail == ": empty":
        return {"parameter": name, "reason": "empty value"}
    value = detail.removeprefix("=")
    return {"parameter": name, "value": value,
            "reason": f"unknown value (or longer than {links.MAX_LENGTH} characters); the allowed values are in "
                      f"{PREFIX}/{_where_listed(name)}"}


def _where_listed(name: str) -> str:
    return {"ind": "indicators.json", "county": "regions.json", "level": "regions.json", "id": "facts.json",
            "doc": "sources.json"}.get(name, "facts.json")


def filtered_facts(db: Path, state: Mapping) -> pd.DataFrame:
    """The published facts the filters keep; ``county`` keeps a county and every place in it."""
    return queries.values(db, counties=state["county"], indicators=state["ind"], docs=state["doc"],
                          levels=state["level"], themes=state["theme"], years=[int(y) for y in state["year"]])


# --- Bodies -------------------------------------------------------------------------------------------

def _json(payload: object) -> bytes:
    return json.dumps(payload, ensure_ascii=False, indent=1, default=str).encode("utf-8")


def _records(df: pd.DataFrame) -> list[dict]:
    """Rows as JSON objects: missing values as null, numbers as numbers."""
    return json.loads(df.to_json(orient="records", force_ascii=False, date_format="iso"))


def _record(row: pd.Series) -> dict:
    return _records(row.to_frame().T)[0]


def envelope(version: cite.Version, lang: str, rows: list[dict], **extra) -> dict:
    """What every JSON body carries besides its rows (Datasette style: source and licence with the data)."""
    return {"data_version": version.short, "catalogue_sha256": version.sha256, "built": version.built.isoformat(),
            "source": t("title", lang), "licence": t("licence", lang), **extra, "count": len(rows), "rows": rows}


def _query_string(state: Mapping, specs: Mapping[str, links.Spec]) -> str:
    return links.url(state, {name: spec.default for name, spec in specs.items()})


def facts_csv(db: Path, state: Mapping, origin: str) -> tuple[str, bytes]:
    lang = state["lang"]
    rows = prep.fact_fields(filtered_facts(db, state), lang, origin)
    return "text/csv; charset=utf-8", prep.csv_bytes(rows.rename(columns=prep.fact_headers(lang)))


def facts_json(db: Path, state: Mapping, origin: str) -> tuple[str, bytes]:
    lang = state["lang"]
    rows = _records(prep.fact_fields(filtered_facts(db, state), lang, origin))
    query = {k: v for k, v in state.items() if v}
    return JSON, _json(envelope(data_version(db), lang, rows, query=query, fields=prep.fact_headers(lang)))


def indicators_rows(db: Path, lang: str) -> list[dict]:
    """Every indicator: names and descriptions in zh and en, theme, units, direction, derived formula."""
    df = load(db, "indicators")
    return _records(df.assign(theme_name=[label_of(THEME_LABELS, c, lang) for c in df["theme"]]))


def regions_rows(db: Path, lang: str) -> list[dict]:
    df = load(db, "regions")
    return _records(df.assign(level_name=[label_of(LEVEL_LABELS, c, lang) for c in df["level"]]))


def sources_rows(db: Path, lang: str) -> list[dict]:
    """Each page's register entry (without the page text), its facts and review counts, and how to cite
    the page."""
    df = load(db, "sources")
    rows = _records(df)
    for row in rows:
        row["headlines"] = str(row["headlines"] or "").split(" | ")
        row["reference"] = cite.source_reference({**row, "headlines": " | ".join(row["headlines"])}, lang)
    return rows


def metadata_json(rows_of: Callable[[Path, str], list[dict]]) -> Callable:
    def body(db: Path, state: Mapping, origin: str) -> tuple[str, bytes]:
        return JSON, _json(envelope(data_version(db), state["lang"], rows_of(db, state["lang"])))
    return body


@dataclass(frozen=True)
class FactParts:
    """What the fact page shows: the fact (with its indicator's description), its page's register entry,
    the quote in the page's text (None when it cannot be located), the group of disagreeing values (empty
    when there is none) and the data version."""

    fact: pd.Series
    source: pd.Series
    excerpt: prep.Excerpt | None
    group: pd.DataFrame
    version: cite.Version


def fact_parts(db: Path, fact_id: str) -> FactParts | None:
    """The parts of one fact's page; None for an unknown id."""
    found = load(db, "fact", fact_id)
    if found.empty:
        return None
    fact = found.iloc[0]
    sources = load(db, "sources")
    source = sources[sources["doc"] == fact["doc"]].iloc[0]
    excerpt = prep.quote_excerpt(load(db, "page_text", fact["doc"]), str(fact["quote"]))
    return FactParts(fact, source, excerpt, load(db, "conflict_group", fact_id), data_version(db))


def fact_citations(parts: FactParts, app_url: str, accessed: date | None) -> dict[str, str]:
    """The fact's citation in each language, each with the fact page's link in that language."""
    return {lang: cite.fact_citation(parts.fact, parts.source, parts.version,
                                     prep.fact_url(app_url, parts.fact["fact_id"], lang), accessed, lang)
            for lang in LANGUAGES}


def fact_json(db: Path, state: Mapping, origin: str) -> tuple[str, bytes]:
    """The fact page as data; the citations leave the access date blank, so that the body depends only on
    the data version (the ETag)."""
    parts = fact_parts(db, state["id"])
    record = {"fact": _record(parts.fact), "source": _record(parts.source),
              "excerpt": None if parts.excerpt is None else asdict(parts.excerpt),
              "conflict_group": _records(parts.group), "citations": fact_citations(parts, origin, None),
              "url": prep.fact_url(origin, state["id"], state["lang"])}
    return JSON, _json(envelope(parts.version, state["lang"], [record]))


def bundle_zip(db: Path, state: Mapping, origin: str) -> tuple[str, bytes]:
    """facts.csv (the filters' facts), indicators.json, regions.json, sources.json and README.md, with fixed
    timestamps: the same data version and link give the same bytes."""
    version, lang = data_version(db), state["lang"]
    query = _query_string(state, fact_specs(db))
    files = {"README.md": cite.bundle_readme(version, f"{origin}{PREFIX}/bundle.zip" + (f"?{query}" if query else ""),
                                              len(filtered_facts(db, state)), query).encode("utf-8"),
             "facts.csv": facts_csv(db, state, origin)[1]}
    for name, rows_of in (("indicators", indicators_rows), ("regions", regions_rows), ("sources", sources_rows)):
        files[f"{name}.json"] = metadata_json(rows_of)(db, {"lang": lang}, origin)[1]
    out = io.BytesIO()
    stamp = (version.built.year, version.built.month, version.built.day, 0, 0, 0)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in files.items():
            zf.writestr(zipfile.ZipInfo(f"loudi-facts/{name}", date_time=stamp), content,
                        compress_type=zipfile.ZIP_DEFLATED)
    return "application/zip", out.getvalue()


# route name -> (its parameters, its body)
ROUTES: dict[str, tuple[Callable[[Path], dict[str, links.Spec]], Callable]] = {
    "facts.csv": (fact_specs, facts_csv),
    "facts.json": (fact_specs, facts_json),
    "bundle.zip": (fact_specs, bundle_zip),
    "indicators.json": (_lang_only, metadata_json(indicators_rows)),
    "regions.json": (_lang_only, metadata_json(regions_rows)),
    "sources.json": (_lang_only, metadata_json(sources_rows)),
    "fact.json": (_fact_id, fact_json),
}


# --- The handler and its adapter ------------------------------------------------------------------------

def _error(status: int, payload: dict) -> Reply:
    return Reply(status, {"Content-Type": JSON, "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*"},
                 _json(payload))


def respond(route: str, params: Mapping[str, Sequence[str]], db: Path, *, if_none_match: str | None = None,
            origin: str = "http://localhost:8501") -> Reply:
    """The reply to ``GET {PREFIX}/{route}?params``; ``origin`` ('http://host:port') makes the links."""
    if route not in ROUTES:
        return _error(404, {"error": "not found", "routes": [f"{PREFIX}/{r}" for r in ROUTES]})
    if not db.exists():
        return _error(503, {"error": "the database is not built yet: open the dashboard once, or run "
                                     "python -m etl build"})
    specs_of, body_of = ROUTES[route]
    state, found = problems(params, specs_of(db))
    if route == "fact.json" and not state["id"] and not found:
        found = [{"parameter": "id", "reason": "missing: give a fact id such as d001-002"}]
    if found:
        return _error(400, {"error": "bad parameter", "problems": found})
    tag = etag(data_version(db))
    headers = {"ETag": tag, "Cache-Control": "no-cache", "Access-Control-Allow-Origin": "*"}
    if etag_matches(if_none_match, tag):
        return Reply(304, headers, b"")
    content_type, body = body_of(db, state, origin.rstrip("/"))
    headers["Content-Type"] = content_type
    if route == "bundle.zip":
        headers["Content-Disposition"] = 'attachment; filename="loudi-facts.zip"'
    return Reply(200, headers, body)


def routes(db: Callable[[], Path] | None = None) -> list:
    """Starlette routes for ``st.App(routes=…)``, one per ``ROUTES`` entry; ``db()`` names the database
    (by default the dashboard's: ``ui.data.db_path()``, imported at the first request, once Streamlit's
    runtime, which ui.data's caches need, has started)."""
    from starlette.responses import Response
    from starlette.routing import Route

    def database() -> Path:
        if db is not None:
            return db()
        from ui import data
        return data.db_path()

    def endpoint(route: str):
        def handle(request) -> Response:  # sync: Starlette runs it in a worker thread, off the event loop
            params: dict[str, list[str]] = {}
            for key, value in request.query_params.multi_items():
                params.setdefault(key, []).append(value)
            reply = respond(route, params, database(), if_none_match=request.headers.get("if-none-match"),
                            origin=f"{request.url.scheme}://{request.url.netloc}")
            return Response(reply.body, status_code=reply.status, headers=reply.headers)
        return handle

    return [Route(f"{PREFIX}/{route}", endpoint(route), methods=["GET"]) for route in ROUTES]

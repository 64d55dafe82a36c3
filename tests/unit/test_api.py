"""The data API's handlers without a server: (route, parameters, database) in, (status, headers, body) out."""
from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest

from etl.db import queries
from ui import api, cite


def get(db, route, **params):
    return api.respond(route, {k: [v] for k, v in params.items()}, db)


def body(reply):
    return json.loads(reply.body)


def csv_rows(reply):
    return list(csv.DictReader(io.StringIO(reply.body.decode("utf-8-sig"))))


def test_facts_json_keeps_the_rows_of_the_filter(built_db):
    reply = get(built_db, "facts.json", county="lianyuan", ind="gdp,poverty_incidence", year="2020")
    assert reply.status == 200 and reply.headers["Content-Type"].startswith("application/json")
    expected = queries.values(built_db, counties=["lianyuan"], indicators=["gdp", "poverty_incidence"], years=[2020])
    got = body(reply)
    assert [r["fact_id"] for r in got["rows"]] == list(expected["fact_id"]) and got["count"] == len(expected) > 0
    assert got["query"] == {"county": ["lianyuan"], "ind": ["gdp", "poverty_incidence"], "year": ["2020"], "lang": "zh"}
    assert got["data_version"] == queries.build_info(built_db)["catalogue_sha256"].iloc[0][:12]
    assert got["licence"] and got["source"] == "娄底发展指标"


@pytest.mark.parametrize("params, column", [({"level": "park"}, "level"), ({"theme": "land"}, "theme"),
                                            ({"doc": "d003"}, "doc")])
def test_each_filter_keeps_only_its_rows(built_db, params, column):
    rows = body(get(built_db, "facts.json", **params))["rows"]
    assert rows and {r[column] for r in rows} == set(params.values())


def test_county_keeps_the_places_in_it(built_db):
    rows = body(get(built_db, "facts.json", county="lianyuan"))["rows"]
    assert {"lianyuan", "loudi_hitech"} <= {r["region"] for r in rows} and {r["county"] for r in rows} == {"lianyuan"}


def test_lang_chooses_names_and_csv_headers(built_db):
    zh = csv_rows(get(built_db, "facts.csv", ind="gdp", county="lianyuan"))
    en = csv_rows(get(built_db, "facts.csv", ind="gdp", county="lianyuan", lang="en"))
    assert zh[0]["地区"] == "涟源市" and zh[0]["编号"] == en[0]["ID"]
    assert en[0]["Region"] == "Lianyuan" and en[0]["Indicator"] == "Gross domestic product (GDP)"
    assert en[0]["Link"].endswith(f"/fact?id={en[0]['ID']}&lang=en")
    assert [r["编号"] for r in zh] == [r["fact_id"] for r in body(get(built_db, "facts.json", ind="gdp",
                                                                       county="lianyuan"))["rows"]]


def test_no_filter_gives_every_fact(built_db):
    assert len(csv_rows(get(built_db, "facts.csv"))) == len(queries.values(built_db))


BAD = [({"county": "nowhere"}, "county"), ({"ind": "gdp,nonsense"}, "ind"), ({"lang": "xx"}, "lang"),
       ({"year": "1850"}, "year"), ({"doc": "d999"}, "doc"), ({"level": "<b>x</b>"}, "level"),
       ({"theme": "x" * 1000}, "theme"), ({"county": ""}, "county"), ({"contry": "lianyuan"}, "contry")]


@pytest.mark.parametrize("route", ["facts.csv", "facts.json", "bundle.zip"])
@pytest.mark.parametrize("params, name", BAD, ids=lambda x: str(x)[:30])
def test_bad_parameter_is_a_400_naming_it(built_db, route, params, name):
    reply = get(built_db, route, **params)
    assert reply.status == 400 and reply.headers["Content-Type"].startswith("application/json")
    problems = body(reply)["problems"]
    assert [p["parameter"] for p in problems] == [name] and problems[0]["reason"]
    assert "ETag" not in reply.headers and len(reply.body) < 2000  # an overlong value is cut, not echoed


def test_repeated_parameter_is_a_400(built_db):
    reply = api.respond("facts.json", {"lang": ["zh", "en"]}, built_db)
    assert reply.status == 400 and "more than once" in body(reply)["problems"][0]["reason"]


def test_etag_is_the_data_version_and_a_match_is_304(built_db):
    first = get(built_db, "facts.csv", county="lianyuan")
    sha = queries.build_info(built_db)["catalogue_sha256"].iloc[0]
    assert first.headers["ETag"] == f'"{sha}-f{api.FORMAT}"' and first.headers["Cache-Control"] == "no-cache"
    again = api.respond("facts.csv", {"county": ["lianyuan"]}, built_db, if_none_match=first.headers["ETag"])
    assert again.status == 304 and again.body == b"" and again.headers["ETag"] == first.headers["ETag"]
    other = api.respond("facts.csv", {}, built_db, if_none_match='"an-older-version"')
    assert other.status == 200 and other.body


@pytest.mark.parametrize("header, tag, match", [
    ('"a"', '"a"', True), ('W/"a"', '"a"', True), ('"b", "a"', '"a"', True), ("*", '"a"', True),
    ('"b"', '"a"', False), ("", '"a"', False), (None, '"a"', False), ('"a"', 'W/"a"', True)])
def test_if_none_match_weak_comparison(header, tag, match):
    assert api.etag_matches(header, tag) is match


def test_bundle_holds_csv_metadata_and_readme(built_db):
    reply = get(built_db, "bundle.zip", county="lianyuan", ind="gdp")
    assert reply.status == 200 and reply.headers["Content-Type"] == "application/zip"
    zf = zipfile.ZipFile(io.BytesIO(reply.body))
    names = sorted(n.split("/", 1)[1] for n in zf.namelist())
    assert names == ["README.md", "facts.csv", "indicators.json", "regions.json", "sources.json"]
    facts = list(csv.DictReader(io.StringIO(zf.read("loudi-facts/facts.csv").decode("utf-8-sig"))))
    expected = queries.values(built_db, counties=["lianyuan"], indicators=["gdp"])
    assert [r["编号"] for r in facts] == list(expected["fact_id"])
    readme = zf.read("loudi-facts/README.md").decode("utf-8")
    version = api.data_version(built_db)
    for text in (version.short, version.sha256, "许可", "Licence", "[DB/OL]", "county=lianyuan&ind=gdp"):
        assert text in readme
    indicators = json.loads(zf.read("loudi-facts/indicators.json"))
    assert indicators["rows"] and indicators["data_version"] == version.short
    assert get(built_db, "bundle.zip", county="lianyuan", ind="gdp").body == reply.body  # same version, same bytes


def test_metadata_routes(built_db):
    indicators = {r["code"]: r for r in body(get(built_db, "indicators.json", lang="en"))["rows"]}
    derived = [r for r in indicators.values() if r["is_derived"]]
    assert derived and all(r["formula"] for r in derived)
    assert indicators["gdp"]["name_zh"] == "地区生产总值" and indicators["gdp"]["description_en"]
    assert indicators["gdp"]["theme_name"] == "economy" and indicators["gdp"]["base_unit"] == "yuan"
    regions = {r["code"]: r for r in body(get(built_db, "regions.json"))["rows"]}
    assert regions["loudi_hitech"]["county"] == "lianyuan" and regions["lianyuan"]["level_name"] == "县市区"
    sources = {r["doc"]: r for r in body(get(built_db, "sources.json"))["rows"]}
    assert set(sources) == set(queries.sources(built_db)["doc"]) and "raw_text" not in sources["d001"]
    assert sources["d001"]["headlines"][0] == "精准扶贫 湖南样本" and sources["d001"]["date_basis_en"]
    assert sources["d001"]["reference"].startswith("精准扶贫 湖南样本[N]. 湖南日报")
    assert get(built_db, "sources.json", doc="d001").status == 400  # metadata routes take only lang


def test_fact_json(built_db):
    record = body(get(built_db, "fact.json", id="d001-002"))["rows"][0]
    assert record["fact"]["value"] == "0" and record["source"]["doc"] == "d001"
    assert "".join(record["excerpt"]["quote"].split()) == "".join(record["fact"]["quote"].split())
    assert {r["fact_id"] for r in record["conflict_group"]} == {"d001-002", "d000-033"}
    assert "[引用日期]" in record["citations"]["zh"] and "d001-002" in record["citations"]["en"]
    assert body(get(built_db, "fact.json", id="d999-999"))["problems"][0]["parameter"] == "id"
    assert body(api.respond("fact.json", {}, built_db))["problems"][0]["parameter"] == "id"


def test_missing_database_is_a_503(tmp_path):
    reply = get(tmp_path / "none.duckdb", "facts.json")
    assert reply.status == 503 and "etl build" in body(reply)["error"]


def test_data_version_reads_build_info(built_db):
    version = api.data_version(built_db)
    assert isinstance(version, cite.Version) and len(version.sha256) == 64 and version.short == version.sha256[:12]


def test_routes_are_under_the_api_prefix():
    paths = [r.path for r in api.routes()]
    assert paths and all(p.startswith("/api/v1/") for p in paths)
    assert {"/api/v1/facts.csv", "/api/v1/facts.json", "/api/v1/bundle.zip", "/api/v1/indicators.json",
            "/api/v1/regions.json", "/api/v1/sources.json"} <= set(paths)

"""The data API on a real server started the README's way (`streamlit run dashboard.py`), read over HTTP
with urllib: the same server serves the pages and /api/v1/."""
from __future__ import annotations

import csv
import io
import json
import zipfile
from urllib.parse import quote

import pytest
from browser_kit import ROOT, http_get, streamlit_server

from etl.db import queries


@pytest.fixture(scope="module")
def server(built_db):
    with streamlit_server(ROOT / "dashboard.py", db=built_db) as url:
        yield url


def test_the_same_server_serves_the_dashboard_and_the_api(server):
    status, headers, body = http_get(f"{server}/")
    assert status == 200 and b"<html" in body.lower() and headers["content-type"].startswith("text/html")
    assert http_get(f"{server}/_stcore/health")[0] == 200
    status, headers, _ = http_get(f"{server}/api/v1/indicators.json")
    assert status == 200 and headers["content-type"].startswith("application/json")


def test_facts_csv_has_the_rows_of_the_filter(server, built_db):
    status, headers, body = http_get(f"{server}/api/v1/facts.csv?county=lianyuan&ind=gdp,poverty_incidence&lang=en")
    assert status == 200 and headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    expected = queries.values(built_db, counties=["lianyuan"], indicators=["gdp", "poverty_incidence"])
    assert [r["ID"] for r in rows] == list(expected["fact_id"]) and rows
    assert {r["Region"] for r in rows} == {"Lianyuan"}
    assert all(r["Link"].startswith(f"{server}/fact?id=") for r in rows)


def test_facts_json_filters_by_year_and_page(server, built_db):
    status, _, body = http_get(f"{server}/api/v1/facts.json?year=2020&doc=d001")
    assert status == 200
    rows = json.loads(body)["rows"]
    assert [r["fact_id"] for r in rows] == list(queries.values(built_db, years=[2020], docs=["d001"])["fact_id"])


@pytest.mark.parametrize("query, name", [("county=atlantis", "county"), ("ind=gdp,nonsense", "ind"),
                                         ("lang=xx", "lang"), (f"theme={quote('<b>x</b>')}", "theme"),
                                         ("contry=lianyuan", "contry")])
def test_bad_parameter_is_a_400_with_a_json_body(server, query, name):
    status, headers, body = http_get(f"{server}/api/v1/facts.json?{query}")
    assert status == 400 and headers["content-type"].startswith("application/json")
    problems = json.loads(body)["problems"]
    assert problems[0]["parameter"] == name and problems[0]["reason"]


def test_etag_and_304(server, built_db):
    url = f"{server}/api/v1/facts.csv?county=lianyuan"
    status, headers, body = http_get(url)
    sha = queries.build_info(built_db)["catalogue_sha256"].iloc[0]
    assert status == 200 and headers["etag"].startswith(f'"{sha}') and body
    status, again, body = http_get(url, {"If-None-Match": headers["etag"]})
    assert status == 304 and body == b"" and again["etag"] == headers["etag"]
    assert http_get(url, {"If-None-Match": '"something-else"'})[0] == 200
    assert http_get(f"{server}/api/v1/sources.json", {"If-None-Match": headers["etag"]})[0] == 304  # one version


def test_bundle_zip_contents(server, built_db):
    status, headers, body = http_get(f"{server}/api/v1/bundle.zip?county=lianyuan")
    assert status == 200 and headers["content-type"] == "application/zip"
    assert "attachment" in headers["content-disposition"]
    zf = zipfile.ZipFile(io.BytesIO(body))
    assert sorted(zf.namelist()) == [f"loudi-facts/{n}" for n in
                                     ("README.md", "facts.csv", "indicators.json", "regions.json", "sources.json")]
    facts = list(csv.DictReader(io.StringIO(zf.read("loudi-facts/facts.csv").decode("utf-8-sig"))))
    assert len(facts) == len(queries.values(built_db, counties=["lianyuan"]))
    readme = zf.read("loudi-facts/README.md").decode("utf-8")
    sha = queries.build_info(built_db)["catalogue_sha256"].iloc[0]
    assert sha in readme and "Licence" in readme and "许可" in readme and f"{server}/api/v1/bundle.zip" in readme
    assert json.loads(zf.read("loudi-facts/sources.json"))["rows"][0]["doc"] == "d000"

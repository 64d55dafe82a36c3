"""Citation text (ui/cite.py) and the pure parts of the fact page and of "cite this view" (ui/prep.py)."""
from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest

from ui import cite, prep

VERSION = cite.Version("5c78677d742643b9a6d521d99384810441d0c99b2847b316ca214edbe91ac659", date(2026, 12, 2))
FACT = {"fact_id": "d001-002", "region_zh": "涟源市", "region_en": "Lianyuan", "indicator_zh": "贫困发生率",
        "indicator_en": "Poverty incidence", "period": "2020"}
SOURCE = {"doc": "d001", "headlines": "精准扶贫 湖南样本 | 数说脱贫",
          "newspaper": "湖南日报 (bylines 湖南日报·新湖南客户端记者)", "page": None, "date_printed": None,
          "date_inferred": "2021"}
URL = "http://host:8501/fact?id=d001-002&lang=zh"


@pytest.mark.parametrize("lang, expected", [
    ("zh", "娄底发展指标. 2013 与 2020 对比[DB/OL]. 数据版本 5c78677d7426. (2026-12-02)[2026-12-03]. "
           "http://host/compare?county=lianyuan."),
    ("en", "Loudi development indicators (2026). Compare 2013 vs 2020 [Data set]. Data version 5c78677d7426, "
           "built 2026-12-02. Retrieved 2026-12-03, from http://host/compare?county=lianyuan"),
])
def test_view_citation(lang, expected):
    title = {"zh": "2013 与 2020 对比", "en": "Compare 2013 vs 2020"}[lang]
    url = "http://host/compare?county=lianyuan"
    assert cite.view_citation(title, VERSION, url, date(2026, 12, 3), lang) == expected


def test_fact_citation_names_fact_version_link_and_page():
    zh = cite.fact_citation(FACT, SOURCE, VERSION, URL, date(2026, 12, 3), "zh")
    assert zh == ("娄底发展指标. 涟源市贫困发生率（2020）：事实 d001-002[DB/OL]. 数据版本 5c78677d7426. "
                  "(2026-12-02)[2026-12-03]. http://host:8501/fact?id=d001-002&lang=zh. "
                  "原载：精准扶贫 湖南样本[N]. 湖南日报, 2021（推断）.")
    en = cite.fact_citation(FACT, SOURCE, VERSION, URL, None, "en")
    assert en.startswith("Loudi development indicators (2026). Poverty incidence, Lianyuan, 2020 (fact d001-002)")
    assert "Retrieved [date accessed], from http" in en
    assert en.endswith('"精准扶贫 湖南样本". 湖南日报, 2021 (inferred).')


@pytest.mark.parametrize("source, lang, expected", [
    ({"headlines": "标题 | 二", "newspaper": float("nan"), "date_printed": "", "date_inferred": "2023"}, "zh",
     "标题[N]. 报纸名称未印, 2023（推断）."),
    ({"headlines": "标题", "newspaper": "娄底日报", "date_printed": "2021-06-01", "page": "A3"}, "zh",
     "标题[N]. 娄底日报, 2021-06-01(A3)."),
    ({"headlines": "标题", "newspaper": "", "date_printed": "2021-06-01", "page": "A3"}, "en",
     '"标题". newspaper not printed on the page, 2021-06-01, page A3.'),
])
def test_source_reference(source, lang, expected):
    assert cite.source_reference(source, lang) == expected


def test_bundle_readme_has_both_languages_and_leaves_the_access_date_blank():
    readme = cite.bundle_readme(VERSION, "http://host/api/v1/bundle.zip?ind=gdp", 4, "ind=gdp")
    for text in ("## 数据包", "## Data bundle", "许可", "Licence", VERSION.sha256, "[引用日期]", "[date accessed]",
                 "http://host/api/v1/bundle.zip?ind=gdp", "facts.csv 含 4 条事实（筛选：ind=gdp）"):
        assert text in readme


PAGE = "第一行文字。\n贫困发生率\n2013年 18.3%\n2020年 0\n\n地区生产总值 <b>\n"


def test_quote_excerpt_finds_a_quote_across_line_breaks():
    excerpt = prep.quote_excerpt(PAGE, "贫困发生率 2013年 18.3% 2020年 0", context=4)
    assert excerpt.quote == "贫困发生率\n2013年 18.3%\n2020年 0"
    assert excerpt.before == "文字。\n" and excerpt.cut_before and excerpt.after == "\n\n地区" and excerpt.cut_after
    assert prep.quote_excerpt(PAGE, "没有这句话") is None and prep.quote_excerpt(PAGE, " ") is None


def test_excerpt_html_marks_the_quote_and_escapes_the_page():
    excerpt = prep.quote_excerpt(PAGE, "2020年 0 地区生产总值")
    html = prep.excerpt_html(excerpt)
    assert "<mark>2020年 0<br><br>地区生产总值</mark>" in html and "&lt;b&gt;" in html and "<b>" not in html


def test_fact_links_turn_ids_into_fact_page_links():
    shown = pd.DataFrame({"编号": ["d001-002"], "原文": ["x"]})
    linked = prep.fact_links(shown, "http://host:8501/explorer?doc=d001", "zh")
    assert linked["编号"].tolist() == ["http://host:8501/fact?id=d001-002&lang=zh"]
    assert shown["编号"].tolist() == ["d001-002"]  # the shown table (and its CSV) keeps the ids
    assert re.search(prep.FACT_LINK_TEXT, linked["编号"][0]).group(1) == "d001-002"


def test_fact_fields_and_headers(built_db):
    from etl.db import queries

    fields = prep.fact_fields(queries.values(built_db, regions=["lianyuan"]), "en", "http://h")
    assert list(fields.columns) == list(prep.FACT_FIELDS) and fields["region_name"].iloc[0] == "Lianyuan"
    assert set(prep.fact_headers("zh")) == set(prep.FACT_FIELDS)


def test_register_entry(built_db):
    from etl.db import queries

    source = queries.sources(built_db).set_index("doc", drop=False).loc["d000"]
    entry = prep.register_entry(source, queries.regions(built_db), "en")
    assert "000_cb1324394433a8b2.txt" in entry and "newspaper: —" in entry and "subject region: Lianyuan" in entry

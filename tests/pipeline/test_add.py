"""python -m etl add: pages copied byte for byte and registered pending; bad input refused, data/ unchanged."""
import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from catalog_kit import tree_sha

from etl import add, build
from etl.core import catalog
from etl.db import queries

ROOT = Path(__file__).resolve().parents[2]
PAGE = "涟源市2021年地区生产总值达到320.5亿元，同比增长6.8%。\n全市规模工业增加值增长9.1%。\n"
HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>双峰县上半年经济运行平稳</title>
<meta name="date" content="2021-07-15"></head><body>
<div class="nav">网站首页 | 政务公开 | 联系我们</div>
<article><h1>双峰县上半年经济运行平稳</h1>
<p>今年上半年，双峰县完成地区生产总值156.3亿元，同比增长8.2%。</p>
<p>双峰县规模以上工业增加值增长9.5%，固定资产投资增长10.1%，社会消费品零售总额达到58.7亿元。</p>
</article>
<div class="footer">版权所有 双峰县人民政府 电话：0738-6822222</div></body></html>
"""


def row_of(data: Path, doc: str) -> catalog.Row:
    return next(s for s in catalog.load(data).sources if s["doc"] == doc)


def test_utf8_page_is_copied_byte_for_byte_and_registered_pending(data_copy, tmp_path):
    src = tmp_path / "page.txt"
    src.write_text(PAGE, encoding="utf-8")
    row = add.add(src, data_copy, date="2022-01-20", publisher="娄底日报")
    assert row["doc"] == "d005" and row["status"] == "pending" and row["original"] == ""
    assert (data_copy / "raw" / row["file"]).read_bytes() == src.read_bytes()
    assert row["file"] == f"005_{hashlib.sha256(src.read_bytes()).hexdigest()[:16]}.txt"
    reg = row_of(data_copy, "d005")
    assert (reg["date_printed"], reg["date_inferred"], reg["newspaper"]) == ("2022-01-20", "2022", "娄底日报")
    assert reg["subject_region"] == "lianyuan"
    assert reg["headlines"] == PAGE.splitlines()[0]
    assert catalog.validate(catalog.load(data_copy)) == []


def test_year_inferred_from_the_text_without_a_date(data_copy, tmp_path):
    src = tmp_path / "page.txt"
    src.write_text("冷水江市2019年粮食产量12.5万吨，2020年达到13.1万吨。", encoding="utf-8")
    row = add.add(src, data_copy)
    assert (row["date_printed"], row["date_inferred"]) == ("", "2020")
    assert "2020" in row["date_basis_en"] and "date" in row["unknown_en"].lower()
    assert row["subject_region"] == "lengshuijiang"


def test_gbk_page_is_converted_and_the_original_kept(data_copy, tmp_path):
    src = tmp_path / "gbk.txt"
    src.write_bytes(PAGE.encode("gbk"))
    row = add.add(src, data_copy, date="2022-01-20")
    assert row["original"] and row["original"] != row["file"]
    assert (data_copy / "raw" / row["original"]).read_bytes() == src.read_bytes()
    assert (data_copy / "raw" / row["file"]).read_text(encoding="utf-8") == PAGE
    assert "gb18030" in row["unknown_en"] or "gbk" in row["unknown_en"].lower()
    assert catalog.validate(catalog.load(data_copy)) == []


def test_big5_page_in_traditional_script_is_converted(data_copy, tmp_path):
    page = "漣源市2021年地區生產總值達到320.5億元，同比增長6.8%。\n"
    src = tmp_path / "big5.txt"
    src.write_bytes(page.encode("big5"))
    row = add.add(src, data_copy)
    assert (data_copy / "raw" / row["original"]).read_bytes() == src.read_bytes()
    assert (data_copy / "raw" / row["file"]).read_text(encoding="utf-8") == page  # script kept, only re-encoded
    assert "big5" in row["unknown_en"] and row["subject_region"] == "lianyuan"


def test_bom_is_stripped_in_the_text_copy(data_copy, tmp_path):
    src = tmp_path / "bom.txt"
    src.write_bytes(b"\xef\xbb\xbf" + PAGE.encode("utf-8"))
    row = add.add(src, data_copy)
    assert (data_copy / "raw" / row["original"]).read_bytes() == src.read_bytes()
    assert (data_copy / "raw" / row["file"]).read_bytes() == PAGE.encode("utf-8")


def test_html_page_main_text_extracted(data_copy, tmp_path):
    src = tmp_path / "news.html"
    src.write_text(HTML, encoding="utf-8")
    row = add.add(src, data_copy)
    assert row["original"].endswith(".html")
    assert (data_copy / "raw" / row["original"]).read_bytes() == src.read_bytes()
    body = (data_copy / "raw" / row["file"]).read_text(encoding="utf-8")
    assert "156.3亿元" in body and "58.7亿元" in body
    assert "<p>" not in body and "0738-6822222" not in body  # markup and footer dropped
    assert (row["headlines"], row["date_printed"], row["date_inferred"]) == ("双峰县上半年经济运行平稳", "2021-07-15", "2021")
    assert row["subject_region"] == "shuangfeng"


def test_pending_page_builds_with_its_coverage_measured(data_copy, tmp_path):
    src = tmp_path / "page.txt"
    src.write_text(PAGE, encoding="utf-8")
    add.add(src, data_copy, date="2022-01-20")
    db = tmp_path / "loudi.duckdb"
    summary = build.build(db, data_copy)
    assert "pending:      d005" in str(summary)
    cov = queries.coverage(db).set_index("doc")
    assert cov.loc["d005", "uncovered"] == 4 and cov.loc["d005", "status"] == "pending"
    src_rows = queries.sources(db).set_index("doc")
    assert src_rows.loc["d005", "status"] == "pending" and src_rows.loc["d001", "status"] == "reviewed"
    assert src_rows.loc["d005", "facts"] == 0 and src_rows.loc["d001", "facts"] > 0
    assert queries.page_text(db, "d005") == PAGE


BAD = {
    "missing file": (None, "no such file"),
    "empty file": (b"", "empty file"),
    "whitespace only": (" \n\u3000\n".encode("utf-8"), "empty file"),
    "binary file": (bytes(range(256)) * 4, "binary file"),
    "no number": ("涟源市乡村振兴工作稳步推进。".encode("utf-8"), "no number in the page"),
    "duplicate of d003": (next((catalog.DATA / "raw").glob("003_*.txt")).read_bytes(), "already registered as d003"),
    "same text, other whitespace": (
        next((catalog.DATA / "raw").glob("001_*.txt")).read_text(encoding="utf-8").replace("\n", "\n\n").encode("utf-8"),
        "already registered as d001"),
    "duplicate in GBK": (next((catalog.DATA / "raw").glob("004_*.txt")).read_text(encoding="utf-8").encode("gb18030"),
                         "already registered as d004"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_page_is_refused_and_data_unchanged(case, data_copy, tmp_path):
    content, reason = BAD[case]
    src = tmp_path / "in" / "page.txt"
    src.parent.mkdir()
    if content is not None:
        src.write_bytes(content)
    before = tree_sha(data_copy)
    with pytest.raises(add.AddError) as err:
        add.add(src, data_copy)
    assert str(src) in str(err.value) and reason in str(err.value)
    assert tree_sha(data_copy) == before


def test_cli_prints_doc_and_next_step_and_refuses_twice(data_copy, tmp_path):
    src = tmp_path / "page.txt"
    src.write_text(PAGE, encoding="utf-8")
    cmd = [sys.executable, "-m", "etl", "--data", str(data_copy), "add", str(src), "--date", "2022-01-20",
           "--title", "涟源经济"]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "added d005" in proc.stdout and "python -m etl propose d005" in proc.stdout
    before = tree_sha(data_copy)
    again = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    assert again.returncode == 1
    assert f"{src}: already registered as d005" in again.stderr
    assert tree_sha(data_copy) == before


def test_bad_date_is_refused(data_copy, tmp_path):
    src = tmp_path / "page.txt"
    src.write_text(PAGE, encoding="utf-8")
    before = tree_sha(data_copy)
    with pytest.raises(add.AddError, match="--date '2022-13-01'"):
        add.add(src, data_copy, date="2022-13-01")
    assert tree_sha(data_copy) == before

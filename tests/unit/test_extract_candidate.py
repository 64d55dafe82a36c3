"""etl.extract.candidate: one candidate per number token with every review column."""
from extract_kit import only

from etl.core import catalog, text
from etl.core.review import REVIEW_COLUMNS
from etl.extract.candidate import candidate_row, propose, quote_for
from etl.extract.page import Page, read_page
from etl.propose import page_of, propose_text


def test_one_candidate_per_number_token_with_contract_columns(k):
    page = page_of(catalog.load(), "d004")
    rows = [c.values for c in propose(page, k)]
    assert len(rows) == len(text.find_numbers(text.squeeze(page.raw)))
    assert list(rows[0]) == REVIEW_COLUMNS or set(rows[0]) == set(REVIEW_COLUMNS)
    squeezed = text.squeeze(page.raw)
    for r in rows:
        assert text.squeeze(r["quote"]) in squeezed
        assert r["value"] in {t.text for t in text.find_numbers(text.squeeze(r["quote"]))}
        assert catalog.PERIOD.match(r["period"])
        assert 0 <= float(r["confidence"]) <= 1


def test_a_printed_minus_sign_makes_the_value_negative(k):
    row = only(propose_text("规模以上工业企业营业收入302.92亿元，同比增长-3.2%。", k), "3.2")
    assert row["value_base"] == "-3.2" and "minus" in row["notes"]
    assert only(propose_text("电话0738-12345678。", k), "12345678")["value_base"] == "12345678"


def test_candidate_row_of_a_page_context(k):
    ctx = read_page(Page("dx", "涟源市今年新建公路12条。\n", "2021", "loudi"), k)
    new_codes: dict[str, str] = {}
    row = candidate_row(ctx, 0, k=k, new_codes=new_codes)
    assert list(row) == REVIEW_COLUMNS
    assert (row["region"], row["period"], row["unit"], row["value_base"], row["base_unit"]) == (
        "lianyuan", "2021", "条", "12", "count")
    assert (row["indicator"], row["indicator_zh"], row["is_new_indicator"]) == ("new_1", "新建公路", "true")
    assert new_codes == {"新建公路": "new_1"}
    assert row["value"] == row["candidate_id"] == row["line"] == ""     # propose fills them in


def test_propose_numbers_its_candidates(k):
    candidates = propose(Page("dx", "全县新增企业12家。\n去年新建公路8条。\n", "2021", "loudi"), k)
    assert [(c.values["candidate_id"], c.values["value"], c.values["line"], c.start) for c in candidates] == [
        ("dx-c001", "12", "1", 6), ("dx-c002", "8", "2", 16)]


def test_quote_for_cuts_a_long_sentence_at_clauses():
    original = "甲" * 10 + "，" + "乙" * 60 + "12" + "丙" * 10 + "，" + "丁" * 60
    tok = text.Token("12", 71, 73)
    assert quote_for(original, (0, len(original)), tok) == "乙" * 60 + "12" + "丙" * 10
    assert quote_for("全县新增企业12家，", (0, 10), text.Token("12", 6, 8)) == "全县新增企业12家"

"""etl.extract.knowledge: what the extractor may know, and the leave-one-page-out hiding."""
from decimal import Decimal

from etl.core import catalog
from etl.extract.knowledge import Knowledge, fact_phrase


def test_knowledge_hides_a_page():
    cat = catalog.load()
    full = Knowledge.from_catalog(cat)
    hidden = Knowledge.from_catalog(cat, hide_docs=("d000",))
    assert "village_work_teams_sent_by_city" in full.indicators           # used by d000 only
    assert "village_work_teams_sent_by_city" not in hidden.indicators
    assert "gdp" in hidden.indicators                                     # also used by d001 and d004
    assert len(hidden.synonyms) < len(full.synonyms)


def test_fact_phrase_is_the_synonym_a_fact_teaches(k):
    assert fact_phrase("2020年，全县实现地区生产总值50亿元。", "50", k.region_re) == "地区生产总值|"
    assert fact_phrase("全县新增企业12家", "7") == ""


def test_knowledge_of_the_catalogue(k):
    assert k.units["亿元"] == [("yuan", Decimal(100000000))]
    assert {"lianyuan", "adm_430281"} <= {r.code for r in k.regions}     # catalogue and jionlp regions
    assert k.region_re.match("涟源市").group() == "涟源市"
    assert all(code in k.indicators for _, code in k.synonyms)

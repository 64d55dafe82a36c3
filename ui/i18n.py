"""Every interface string, in Chinese and English. Region and indicator names come from the catalogue."""
from __future__ import annotations

LANGUAGES = ("zh", "en")

STRINGS: dict[str, dict[str, str]] = {
    "title": {"zh": "娄底发展指标", "en": "Loudi development indicators"},
    "facts": {"zh": "事实与出处", "en": "Facts and sources"},
    "county": {"zh": "县市区", "en": "County"},
    "all_counties": {"zh": "全部", "en": "All"},
    "facts_caption": {
        "zh": "每一行是报纸版面上公布的一个数字，附原文句子。共 {n} 条。",
        "en": "Each row is one number published on a newspaper page, with the sentence it comes from. {n} rows.",
    },
    "col_region": {"zh": "地区", "en": "Region"},
    "col_indicator": {"zh": "指标", "en": "Indicator"},
    "col_period": {"zh": "时期", "en": "Period"},
    "col_value": {"zh": "数值", "en": "Value"},
    "col_unit": {"zh": "单位", "en": "Unit"},
    "col_quote": {"zh": "原文", "en": "Quote"},
    "col_doc": {"zh": "版面", "en": "Page"},
    "col_qualifier": {"zh": "限定", "en": "Qualifier"},
    "bad_param": {"zh": "链接参数 {problem} 无法识别，已忽略。", "en": "Link parameter {problem} is not recognised and was ignored."},
}


def t(key: str, lang: str, **kwargs: object) -> str:
    """The string for key in lang, formatted with kwargs."""
    return STRINGS[key][lang].format(**kwargs)

"""The vocabulary of the catalogue, in one place: levels of regions, scopes, themes, qualifiers, review
statuses, and the units a number can be printed with (what each converts to).

``data/units.csv`` is the reviewed table of conversions the build applies; :data:`BASE_UNITS` and
:data:`MULTIPLIERS` are what propose assumes for a unit word that table does not know yet.
"""
from __future__ import annotations

# --- Regions -------------------------------------------------------------------------------------------
# from the largest to the smallest: a park sits inside a county but is not a division of it
LEVEL_RANK = {"province": 6, "city": 5, "county": 4, "park": 3, "township": 2, "village": 1}
LEVELS = set(LEVEL_RANK)
SCOPES = {"loudi", "outside"}

# --- Catalogue fields ----------------------------------------------------------------------------------
THEMES = {
    "poverty", "economy", "income", "fiscal", "park", "land", "investment", "industry", "agriculture",
    "employment", "infrastructure", "housing", "public_services", "health", "education", "governance",
    "party", "environment", "population", "trade", "finance", "forestry", "culture", "security",
}
QUALIFIERS = {
    "yoy": "year-on-year (同比)",
    "annual_avg": "average per year (年均)",
    "cumulative": "cumulative over the period (累计)",
    "more_than": "more than the figure (余 / 多 / 超)",
    "at_least": "the figure or more (以上 / 不少于)",
    "approx": "approximately (约 / 近 / 左右)",
    "less_than": "less than the figure (不到 / 近 as 'nearly')",
    "target": "a target or plan, not an outcome (力争 / 目标)",
    "expected": "an expectation or forecast (预计)",
}
STATUSES = {"reviewed", "pending"}  # a pending page is registered and built, its review not finished
BOOLEANS = {"true": True, "false": False, "": None}



def accepted_values() -> list[tuple[str, str]]:
    """(field, value) for every closed vocabulary above: the build stores them for the SQL checks."""
    fields = {"level": LEVELS, "scope": SCOPES, "theme": THEMES, "qualifier": QUALIFIERS, "status": STATUSES}
    return [(field, value) for field, values in fields.items() for value in sorted(values)]


# --- Units ---------------------------------------------------------------------------------------------
MULTIPLIERS = {"万亿": 10**12, "千亿": 10**11, "百亿": 10**10, "千万": 10**7, "百万": 10**6,
               "亿": 10**8, "万": 10**4}
# Unit words as printed after a number (simplified script; traditional pages are converted first).
UNIT_WORDS = sorted("""
平方公里 平方千米 平方米 立方米 个百分点 百分点 个名次 个位次 个月 人次 场次 户次 公里 千米 公斤 千克 公顷 小时 分钟 周岁
千瓦时 千瓦 兆瓦 标准箱 % ‰ 个 名 位 家 项 支 座 台 条 场 次 件 处 所 笔 套 部 张 本 组 幅 起 盏 例 批 类 轮 期 间 栋 块 辆
户 人 亩 米 吨 元 岁 年 天 日 周 村 成 倍 届 种 株 头 只 棵 篇 首 层 级 度 升 斤 艘 架 台次 单 根 口 粒 片 所 员 宗 门 颗
对 双 队 家次 趟 分 羽 尾 匹
""".split(), key=len, reverse=True)
BASE_UNITS = {  # unit word -> (base unit, factor) when data/units.csv does not know it
    "%": ("percent", 1), "‰": ("permille", 1), "个百分点": ("percentage_point", 1), "百分点": ("percentage_point", 1),
    "个名次": ("places", 1), "个位次": ("places", 1), "位": ("rank", 1), "名": ("person", 1), "公顷": ("hectare", 1),
    "千米": ("km", 1), "平方千米": ("km2", 1), "千克": ("kg", 1), "个月": ("month", 1), "周岁": ("year_of_age", 1),
    "倍": ("times", 1), "成": ("percent", 10), "人次": ("person_time", 1), "户次": ("household", 1),
}
COUNT_DEFAULT = "count"

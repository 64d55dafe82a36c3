"""Interface strings of the views that grow with the catalogue (what a chart leaves out, paging, pickers);
merged into ui.i18n.STRINGS."""
from __future__ import annotations

SCALE_STRINGS: dict[str, dict[str, str]] = {
    "kept_land": {
        "zh": "图中显示 {total} 个地区与时期中的 {shown} 个：所选县市区与娄底市（高亮），其余按“三类”土地面积从大到小；"
              "全部见数据浏览页（主题：土地）。",
        "en": "Showing {shown} of {total} regions and periods: the chosen county and Loudi (highlighted), then the "
              "largest idle-land areas; all of them are in the explorer (theme: land).",
    },
    "kept_progress": {
        "zh": "显示 {total} 个地区与时期中的 {shown} 个（所选地区与娄底市，最近的在前）；全部见土地页。",
        "en": "Showing {shown} of {total} regions and periods (the chosen region and Loudi, latest first); "
              "all of them are on the land page.",
    },
    "kept_regions": {
        "zh": "图中显示 {total} 个地区中的 {shown} 个：所选县市区与娄底市（高亮），其余按 {year} 年数值从高到低；"
              "全部见右侧表格。",
        "en": "Showing {shown} of {total} regions: the chosen county and Loudi (highlighted), then the highest "
              "{year} values; all of them are in the table beside.",
    },
    "page_of": {"zh": "第几页（共 {pages} 页，每页 {size} 条）", "en": "Page (of {pages}, {size} rows each)"},
    "download_filtered": {"zh": "下载当前筛选的全部 {n} 条 CSV", "en": "Download all {n} filtered facts (CSV)"},
    "source_pick": {"zh": "查看一个版面的登记、覆盖与事实", "en": "Open a page's register entry, coverage and facts"},
    "source_none": {"zh": "（不选）", "en": "(none)"},
}

"""Every interface string, in Chinese and English. Region and indicator names come from the catalogue."""
from __future__ import annotations

from ui.i18n_scale import SCALE_STRINGS

LANGUAGES = ("zh", "en")

STRINGS: dict[str, dict[str, str]] = {
    "title": {"zh": "娄底发展指标", "en": "Loudi development indicators"},
    "subtitle": {
        "zh": "数据来自五个报纸版面；每个数字都可追溯到原文句子，推算值均注明公式。",
        "en": "From five newspaper pages; every number traces to its sentence, derived numbers show their formula.",
    },
    # navigation
    "nav_overview": {"zh": "概览", "en": "Overview"},
    "nav_compare": {"zh": "{start} 与 {end} 对比", "en": "Compare {start} vs {end}"},
    "nav_parks": {"zh": "园区", "en": "Parks"},
    "nav_land": {"zh": "土地", "en": "Land"},
    "nav_explorer": {"zh": "数据浏览", "en": "Explorer"},
    "nav_sources": {"zh": "来源", "en": "Sources"},
    "nav_review": {"zh": "审核新版面", "en": "Review new pages"},
    # sources: review status per page
    "status_reviewed": {"zh": "已审核", "en": "reviewed"},
    "status_pending": {"zh": "待审核", "en": "pending review"},
    "pages_table": {"zh": "版面与审核状态", "en": "Pages and review status"},
    "col_headline": {"zh": "标题", "en": "Headline"},
    "col_review_status": {"zh": "审核状态", "en": "Review status"},
    "col_facts_accepted": {"zh": "已收录事实", "en": "Facts accepted"},
    "col_candidates_accepted": {"zh": "已接受待收录", "en": "Accepted, not yet moved"},
    "col_candidates_rejected": {"zh": "已拒绝待收录", "en": "Rejected, not yet moved"},
    "col_candidates_pending": {"zh": "待审候选", "en": "Candidates pending"},
    "col_held_back": {"zh": "暂缓候选", "en": "Held back"},
    "pending_caption": {
        "zh": "此版面待审核：{pending} 个候选数字待人工确认，{held} 个暂缓（日期、编号等）；已标为接受 {accepted} 个、"
              "拒绝 {rejected} 个，尚未用 python -m etl accept {doc} 收录。审核文件：data/review/{doc}.csv。",
        "en": "This page awaits review: {pending} candidate numbers to confirm, {held} held back (dates, ids …); "
              "{accepted} marked accept and {rejected} reject, not yet moved by python -m etl accept {doc}. "
              "Review file: data/review/{doc}.csv.",
    },
    # review page (only when the app is started for review)
    "review_intro": {
        "zh": "机器为每个数字提出一条候选事实。请逐行选择“accept”（可先修改字段）或“reject”，保存后点“收录并重建”。"
              "暂缓的行若不处理，收录时按其暂缓原因记为跳过。",
        "en": "The machine proposes one candidate fact per number. Mark each row accept (edit its fields first if "
              "needed) or reject, save, then accept and rebuild. Held-back rows left undecided are skipped "
              "with their hold-back reason.",
    },
    "review_none": {
        "zh": "没有待审核的版面。先运行 python -m etl add 文件 和 python -m etl propose dNNN。",
        "en": "No page to review. Run python -m etl add FILE, then python -m etl propose dNNN.",
    },
    "review_doc": {"zh": "版面", "en": "Page"},
    "review_counts": {
        "zh": "{rows} 行：{accepted} 行接受，{rejected} 行拒绝，{held} 行暂缓，{pending} 行未决定。",
        "en": "{rows} rows: {accepted} accept, {rejected} reject, {held} held back, {pending} undecided.",
    },
    "review_threshold": {"zh": "批量接受的最低置信度", "en": "Lowest confidence to accept in bulk"},
    "review_bulk": {"zh": "接受未决定且不暂缓、置信度不低于此值的行", "en": "Accept undecided, not held-back rows at or above it"},
    "review_bulk_done": {"zh": "已将 {n} 行标为接受并保存。", "en": "Marked {n} rows accept and saved."},
    "review_save": {"zh": "保存审核文件", "en": "Save the review file"},
    "review_accept": {"zh": "收录并重建数据库", "en": "Accept and rebuild the database"},
    "review_saved": {"zh": "已保存 {path}", "en": "Saved {path}"},
    "review_failed": {"zh": "未收录，目录未改动（审核文件已保存）：", "en": "Nothing accepted, the catalogue is unchanged (the review file is saved):"},
    "review_built": {"zh": "已收录并重建。", "en": "Accepted and rebuilt."},
    "review_not_built": {
        "zh": "已收录进目录（data/），但数据库未重建，仍为上一版本：",
        "en": "Accepted into the catalogue (data/), but the database was not rebuilt and stays as it was:",
    },
    # review: reviewer sign-in, the catalogue's lock
    "review_sign_in": {"zh": "登录", "en": "Sign in"},
    "review_sign_out": {"zh": "退出登录", "en": "Sign out"},
    "review_signed_in_as": {"zh": "审核人：{who}", "en": "Reviewer: {who}"},
    "review_sign_in_oidc": {"zh": "审核页会修改数据，请先以审核人身份登录。", "en": "The review page edits data: sign in as a reviewer first."},
    "review_sign_in_password": {"zh": "审核页会修改数据，请输入审核人密码。", "en": "The review page edits data: enter the reviewer password."},
    "review_name": {"zh": "你的名字（记入审核记录）", "en": "Your name (for the review audit)"},
    "review_password": {"zh": "审核人密码", "en": "Reviewer password"},
    "review_wrong_password": {"zh": "密码错误。", "en": "Wrong password."},
    "review_not_a_reviewer": {
        "zh": "{who} 不在审核人名单中（.streamlit/secrets.toml 的 [review] reviewers）。",
        "en": "{who} is not a listed reviewer ([review] reviewers in .streamlit/secrets.toml).",
    },
    "review_refused": {
        "zh": "审核页只在本机开放（{why}）：请用 --server.address 127.0.0.1 启动并从本机访问，"
              "或在 .streamlit/secrets.toml 中配置审核人登录（[auth] 或 [review] password_sha256，见 README）。",
        "en": "The review page is open on this machine only ({why}): start with --server.address 127.0.0.1 and open it "
              "from this machine, or configure a reviewer sign-in in .streamlit/secrets.toml ([auth] or [review] "
              "password_sha256, see the README).",
    },
    "review_busy": {"zh": "另一位审核人或命令正在修改目录，未作改动：", "en": "Another reviewer or command is changing the catalogue; nothing changed:"},
    # sources: the review audit (data/audit.csv)
    "audit": {"zh": "审核记录", "en": "Review audit"},
    "audit_caption": {
        "zh": "每条接受、拒绝、暂缓与修改的候选行（最新在前），共 {n} 条；修改行给出提议值与收录值。",
        "en": "Every accepted, rejected, held-back and edited candidate row (latest first), {n} in all; an edit shows "
              "the proposed and the accepted value.",
    },
    "audit_none": {"zh": "尚无审核记录。", "en": "No review decisions recorded yet."},
    "audit_page": {"zh": "页（每页 {size} 条）", "en": "Page ({size} rows each)"},
    "audit_download": {"zh": "下载全部审核记录（CSV）", "en": "Download the whole audit (CSV)"},
    "col_audit_at": {"zh": "时间", "en": "When"},
    "col_audit_who": {"zh": "审核人", "en": "Who"},
    "col_audit_doc": {"zh": "版面", "en": "Page"},
    "col_audit_candidate_id": {"zh": "候选编号", "en": "Candidate"},
    "col_audit_decision": {"zh": "决定", "en": "Decision"},
    "col_audit_field": {"zh": "字段", "en": "Field"},
    "col_audit_before": {"zh": "提议值", "en": "Proposed"},
    "col_audit_after": {"zh": "收录值", "en": "Accepted"},
    "col_audit_fact_id": {"zh": "事实编号", "en": "Fact"},
    # shared filters
    "county": {"zh": "县市区", "en": "County"},
    "all_counties": {"zh": "全部", "en": "All"},
    "language": {"zh": "语言", "en": "Language"},
    "bad_param": {"zh": "链接参数 {problem} 无法识别，已忽略。", "en": "Link parameter {problem} is not recognised and was ignored."},
    "share_link": {"zh": "分享此视图的链接", "en": "Link to this view"},
    # overview
    "overview_for": {"zh": "{region}：{start} 年与 {end} 年", "en": "{region}: {start} and {end}"},
    "no_years": {"zh": "{region} 没有公布 {years} 年的 {indicator}。", "en": "{region} publishes no {indicator} for {years}."},
    "no_figures": {"zh": "{region} 在这些版面上没有 {start}/{end} 年的指标。", "en": "The pages give {region} no {start}/{end} figures."},
    "change_derived": {"zh": "变化（推算：{end} − {start}）", "en": "change (derived: {end} − {start})"},
    "source_card": {"zh": "来源：{docs}", "en": "Source: {docs}"},
    "parks_movement": {"zh": "园区排名变化", "en": "Park ranking movement"},
    "land_progress": {"zh": "“三类”土地处置进度", "en": "Disposal of idle land"},
    # compare
    "indicators": {"zh": "指标", "en": "Indicators"},
    "regions": {"zh": "地区", "en": "Regions"},
    "pick_indicator": {"zh": "请在上方选择至少一个指标。", "en": "Pick at least one indicator above."},
    "regions_help": {"zh": "不选则显示全部地区", "en": "None picked shows every region"},
    "compare_caption": {
        "zh": "两个点就是两个年份的公布值，中间没有数据。变化与年均增长为推算值：{formulas}。",
        "en": "Two points are the two published values; there is no data between them. Change and annual growth are derived: {formulas}.",
    },
    "missing_regions": {"zh": "没有公布 {indicator} 两个年份数值的地区：{regions}。", "en": "Regions without {indicator} for both years: {regions}."},
    "conflict_note": {"zh": "有冲突：{detail}；图表采用 {used}，原因：{reason}", "en": "Conflict: {detail}; charts use {used} because: {reason}"},
    "view": {"zh": "显示", "en": "Show"},
    "chart": {"zh": "图表", "en": "Chart"},
    "table": {"zh": "表格", "en": "Table"},
    "download_csv": {"zh": "下载 CSV（所显示的数据）", "en": "Download CSV (what is shown)"},
    "downloads": {"zh": "下载", "en": "Download"},
    "download_png": {"zh": "图片 PNG", "en": "Image (PNG)"},
    "download_svg": {"zh": "矢量图 SVG", "en": "Vector image (SVG)"},
    "download_all": {"zh": "下载全部事实 CSV", "en": "Download all facts (CSV)"},
    # parks / land
    "rank_caption": {"zh": "名次越小越好（纵轴反向）。来源：{docs}。", "en": "Lower rank is better (axis reversed). Source: {docs}."},
    "parks_tab_rank": {"zh": "省级排名变化", "en": "Provincial ranking"},
    "parks_tab_2022": {"zh": "2022 年排名与进位", "en": "2022 rankings and places gained"},
    "download_csv_all_parks": {"zh": "下载全部园区数据 CSV", "en": "Download every park figure (CSV)"},
    "other_ranks": {"zh": "其他排名", "en": "Other rankings"},
    "places_gained": {"zh": "省评排名较上年提升名次", "en": "Places gained on the previous year"},
    "parks_tab_money": {"zh": "园区收入、出口与税收", "en": "Park revenue, exports and tax"},
    "land_progress_text": {
        "zh": "{where} · 已处置 {disposed}，共 {total}：公布处置率 {published}，按两数推算 {derived}",
        "en": "{where} · {disposed} disposed of {total}: published rate {published}, derived from the two areas {derived}",
    },
    "land_where": {"zh": "{region}，{period}", "en": "{region}, {period}"},
    "land_partial": {"zh": "{where}：只公布了 {published}，无法显示进度。", "en": "{where}: only {published} published, no progress to show."},
    "land_published": {"zh": "处置率（公布）", "en": "Disposal rate (published)"},
    "land_derived": {"zh": "处置率（推算）", "en": "Disposal rate (derived)"},
    "land_caption": {"zh": "推算值 = {formula}。来源：{docs}。", "en": "Derived = {formula}. Source: {docs}."},
    "land_tab_idle": {"zh": "“三类”土地处置", "en": "Idle land disposal"},
    "land_tab_other": {"zh": "版面上的其他土地数字", "en": "Other land figures in the pages"},
    # explorer
    "facts": {"zh": "事实与出处", "en": "Facts and sources"},
    "level": {"zh": "地区级别", "en": "Region level"},
    "list_sep": {"zh": "、", "en": ", "},
    "any": {"zh": "全部", "en": "Any"},
    "theme": {"zh": "主题", "en": "Theme"},
    "year": {"zh": "年份", "en": "Year"},
    "page": {"zh": "版面", "en": "Page"},
    "facts_caption": {
        "zh": "每一行是报纸版面上公布的一个数字，附原文句子。共 {n} 条。",
        "en": "Each row is one number published on a newspaper page, with the sentence it comes from. {n} rows.",
    },
    # sources
    "facts_word": {"zh": "条事实", "en": "facts"},
    "register_entry": {
        "zh": "文件 `{file}` · 报纸：{newspaper} · 版次：{page} · 印刷日期：{printed} · 推断年份：{inferred}（{basis}）"
              " · 主题地区：{region}\n\n未知：{unknown}",
        "en": "File `{file}` · newspaper: {newspaper} · page: {page} · printed date: {printed} · inferred year: "
              "{inferred} ({basis}) · subject region: {region}\n\nUnknown: {unknown}",
    },
    "col_rule": {"zh": "规则", "en": "Rule"},
    "register": {"zh": "来源登记", "en": "Source register"},
    "conflicts": {"zh": "冲突", "en": "Conflicts"},
    "coverage": {"zh": "覆盖率", "en": "Coverage"},
    "coverage_caption": {
        "zh": "版面上共 {numbers} 个数字：{facts} 个出现在事实中（数值本身，或其年份、排名基数），{skipped} 个注明原因跳过（日期、名称、口号等），{uncovered} 个未处理。",
        "en": "{numbers} numbers on the pages: {facts} belong to facts (as the value, or its period's year or rank base), {skipped} skipped with a reason (dates, names, slogans …), {uncovered} unhandled.",
    },
    "method": {"zh": "方法", "en": "Method"},
    "method_text": {
        "zh": "公布值：版面上印出的数字，按原样（数值与单位）录入，并附原文句子；录入前检查句子确在版面中、数字确在句子中、单位可换算。"
              "推算值：变化、年均增长、由分项重算的比率，均标明“推算”及公式，不当作公布值。"
              "冲突：不同版面对同一地区、指标、时期给出不同数值时，两者都保留，图表采用的数值与理由见上表。",
        "en": "Published: numbers printed on a page, entered as printed (value and unit) with the sentence they come from; "
              "each is checked to be in its page, in its sentence, and in a unit that converts. Derived: changes, annual "
              "growth and rates recomputed from their parts are marked derived with their formula, never passed off as "
              "published. Conflicts: where pages disagree on a region, indicator and period, both values are kept; the "
              "table above says which one charts use and why.",
    },
    # columns
    "col_region": {"zh": "地区", "en": "Region"},
    "col_indicator": {"zh": "指标", "en": "Indicator"},
    "col_period": {"zh": "时期", "en": "Period"},
    "col_value": {"zh": "数值", "en": "Value"},
    "col_unit": {"zh": "单位", "en": "Unit"},
    "col_quote": {"zh": "原文", "en": "Quote"},
    "col_id": {"zh": "编号", "en": "ID"},
    "col_doc": {"zh": "版面", "en": "Page"},
    "col_qualifier": {"zh": "限定", "en": "Qualifier"},
    "col_year": {"zh": "年份", "en": "Year"},
    "col_status": {"zh": "性质", "en": "Status"},
    "col_change": {"zh": "变化（推算）", "en": "Change (derived)"},
    "col_growth": {"zh": "年均增长（推算）", "en": "Annual growth (derived)"},
    "col_rank": {"zh": "名次", "en": "Rank"},
    "col_park": {"zh": "园区", "en": "Park"},
    "col_host": {"zh": "所在县市区", "en": "Host county"},
    "col_used": {"zh": "图表采用", "en": "Used in charts"},
    "col_reason": {"zh": "理由", "en": "Why"},
    "published": {"zh": "公布", "en": "published"},
    "derived": {"zh": "推算", "en": "derived"},
    "yes": {"zh": "是", "en": "yes"},
    "no": {"zh": "否", "en": "no"},
    # citable facts (/fact?id=…), "cite this view", the data API's headers and bundle (ui/cite.py, ui/api.py)
    "nav_fact": {"zh": "事实", "en": "Fact"},
    "fact_missing": {"zh": "在“数据浏览”表格中点击一行的编号，即可打开该事实。", "en": "Click a row's ID in the explorer's table to open a fact."},
    "fact_value": {"zh": "公布值（按原样）", "en": "Value as published"},
    "fact_details": {
        "zh": "地区：{region}（{county}）· 时期：{period} · 限定：{qualifier} · 版面：{doc} · 编号：{fact_id} · 性质：公布值",
        "en": "Region: {region} ({county}) · period: {period} · qualifier: {qualifier} · page: {doc} · ID: {fact_id} · published",
    },
    "fact_quote": {"zh": "原文（在版面中标出）", "en": "The sentence, marked in its page"},
    "fact_quote_lost": {"zh": "未能在版面文本中定位原文句子：", "en": "The sentence could not be located in the page's text:"},
    "fact_group": {"zh": "同一地区、指标、时期的不同公布值", "en": "Other published values for the same region, indicator and period"},
    "fact_no_conflict": {"zh": "没有其他版面给出不同的数值。", "en": "No other page gives a different value."},
    "fact_used": {"zh": "图表采用此值（{rule}）：{reason}", "en": "Charts use this value ({rule}): {reason}"},
    "fact_not_used": {"zh": "图表不采用此值，而采用 {used}（{rule}）：{reason}", "en": "Charts use {used} instead ({rule}): {reason}"},
    "fact_cite": {"zh": "引用此事实", "en": "Cite this fact"},
    "fact_cite_caption": {"zh": "中文（GB/T 7714）与英文引文，右上角可复制。", "en": "Chinese (GB/T 7714) and English citations; copy with the button at the top right."},
    "cite_this_view": {"zh": "引用此视图", "en": "Cite this view"},
    "cite_view": {
        "zh": "{project}. {title}[DB/OL]. 数据版本 {version}. ({built})[{accessed}]. {url}.",
        "en": "{project} ({year}). {title} [Data set]. Data version {version}, built {built}. Retrieved {accessed}, from {url}",
    },
    "cite_fact": {
        "zh": "{project}. {title}：事实 {fact_id}[DB/OL]. 数据版本 {version}. ({built})[{accessed}]. {url}. 原载：{source}",
        "en": "{project} ({year}). {title} (fact {fact_id}) [Data set]. Data version {version}, built {built}. "
              "Retrieved {accessed}, from {url}. Originally published in: {source}",
    },
    "cite_fact_title": {"zh": "{region}{indicator}（{period}）", "en": "{indicator}, {region}, {period}"},
    "cite_source": {"zh": "{headline}[N]. {newspaper}, {date}.", "en": "\"{headline}\". {newspaper}, {date}."},
    "cite_no_newspaper": {"zh": "报纸名称未印", "en": "newspaper not printed on the page"},
    "cite_inferred": {"zh": "{year}（推断）", "en": "{year} (inferred)"},
    "cite_page_no": {"zh": "{date}({page})", "en": "{date}, page {page}"},
    "cite_accessed_blank": {"zh": "引用日期", "en": "[date accessed]"},
    "cite_heading": {"zh": "引用", "en": "How to cite"},
    "licence_heading": {"zh": "许可", "en": "Licence"},
    "licence": {
        "zh": "数字是所列报纸版面公布的事实，原文句子是为便于核对出处的简短引用；版面的著作权属于原出版者。"
              "本项目尚未为这一汇编选定开放许可：再发布前请先联系项目负责人；引用时请注明来源与数据版本。",
        "en": "The figures are facts published on the newspaper pages listed in sources.json; the quotes are short "
              "extracts given so that each figure can be checked. Copyright in the pages stays with their publishers. "
              "The project has not chosen an open licence for this compilation yet: ask before republishing it, and "
              "cite it with its data version.",
    },
    "bundle_heading": {"zh": "数据包", "en": "Data bundle"},
    "bundle_title": {"zh": "事实数据包", "en": "Facts data bundle"},
    "bundle_intro": {"zh": "facts.csv 含 {rows} 条事实（筛选：{query}）。", "en": "facts.csv holds {rows} facts (filter: {query})."},
    "bundle_everything": {"zh": "无，即全部", "en": "none, every fact"},
    "bundle_version": {
        "zh": "数据版本 {version}（构建所用 data/ 全部文件的 sha256：{sha256}；{built} 构建）。",
        "en": "Data version {version} (sha256 of every file of data/ the database was built from: {sha256}; built {built}).",
    },
    "bundle_files": {
        "zh": "文件：facts.csv（每个公布数字一行，附原文句子与事实页链接）；indicators.json（指标名称、单位、说明、推算公式）；"
              "regions.json（地区）；sources.json（各版面的来源登记）。",
        "en": "Files: facts.csv (one row per published number, with its sentence and the link to its fact page); "
              "indicators.json (indicator names, units, descriptions, formulas of derived values); regions.json "
              "(places); sources.json (each page's register entry).",
    },
    "field_fact_id": {"zh": "编号", "en": "ID"},
    "field_region": {"zh": "地区代码", "en": "Region code"},
    "field_region_name": {"zh": "地区", "en": "Region"},
    "field_county": {"zh": "县市区代码", "en": "County code"},
    "field_county_name": {"zh": "县市区", "en": "County"},
    "field_level": {"zh": "地区级别", "en": "Region level"},
    "field_indicator": {"zh": "指标代码", "en": "Indicator code"},
    "field_indicator_name": {"zh": "指标", "en": "Indicator"},
    "field_theme": {"zh": "主题", "en": "Theme"},
    "field_period": {"zh": "时期", "en": "Period"},
    "field_year": {"zh": "年份", "en": "Year"},
    "field_value": {"zh": "公布值", "en": "Value as published"},
    "field_unit": {"zh": "单位", "en": "Unit"},
    "field_value_num": {"zh": "数值", "en": "Value (number)"},
    "field_value_base": {"zh": "基本单位数值", "en": "Value in base unit"},
    "field_base_unit": {"zh": "基本单位", "en": "Base unit"},
    "field_qualifier": {"zh": "限定", "en": "Qualifier"},
    "field_out_of": {"zh": "排名基数", "en": "Ranked out of"},
    "field_doc": {"zh": "版面", "en": "Page"},
    "field_quote": {"zh": "原文", "en": "Quote"},
    "field_note": {"zh": "备注", "en": "Note"},
    "field_is_preferred": {"zh": "图表采用", "en": "Used in charts"},
    "field_in_conflict": {"zh": "有冲突", "en": "In conflict"},
    "field_status": {"zh": "性质", "en": "Status"},
    "field_url": {"zh": "链接", "en": "Link"},
}

UNITS_EN = {
    "亿元": "100 million yuan", "百万元": "million yuan", "万元": "10,000 yuan", "元": "yuan", "%": "%", "位": "rank", "名": "rank",
    "个名次": "places", "亩": "mu", "万亩": "10,000 mu", "人": "persons", "万人": "10,000 persons", "户": "households",
    "个": "", "家": "", "项": "", "公里": "km", "平方公里": "km²", "万座": "10,000",
    "万个": "10,000", "万公斤": "10,000 kg", "万名": "10,000 persons", "万吨": "10,000 t", "万次": "10,000 times",
    "万立方米": "10,000 m³", "万米": "10,000 m", "个百分点": "pp", "人次": "person-times", "件": "", "例": "cases",
    "公斤": "kg", "分钟": "min", "台": "units", "吨": "t", "场": "events", "场次": "sessions", "块": "pieces",
    "处": "sites", "天": "days", "套": "sets", "小时": "h", "岁": "years old", "幅": "pieces", "平方米": "m²",
    "年": "years", "座": "", "张": "sheets", "成": "tenths", "所": "", "批": "batches", "支": "teams",
    "期": "phases", "本": "copies", "村": "villages", "条": "", "栋": "buildings", "次": "times", "盏": "lamps",
    "立方米": "m³", "笔": "items", "米": "m", "类": "kinds", "组": "groups", "起": "cases", "轮": "rounds",
    "辆": "vehicles", "部": "units", "间": "rooms",
}


TOOLTIP_TITLES = {
    "region_name": ("地区", "Region"), "indicator_name": ("指标", "Indicator"), "period": ("时期", "Period"),
    "label": ("数值", "Value"), "status": ("性质", "Status"), "doc": ("版面", "Page"), "quote": ("原文", "Quote"),
}


def tooltip_titles(lang: str) -> dict[str, str]:
    """Tooltip headers of the chart builders in the interface language."""
    return {field: pair[LANGUAGES.index(lang)] for field, pair in TOOLTIP_TITLES.items()}


STRINGS.update(SCALE_STRINGS)


def t(key: str, lang: str, **kwargs: object) -> str:
    """The string for key in lang, formatted with kwargs."""
    return STRINGS[key][lang].format(**kwargs)


def unit_label(unit: str, lang: str) -> str:
    """A published unit in the interface language."""
    return unit if lang == "zh" else UNITS_EN.get(unit, unit)


LEVEL_LABELS = {
    "province": ("省", "province"), "city": ("市", "city"), "county": ("县市区", "county"), "park": ("园区", "park"),
    "township": ("乡镇", "township"), "village": ("村", "village"),
}
THEME_LABELS = {
    "poverty": ("脱贫", "poverty"), "economy": ("经济", "economy"), "income": ("收入", "income"),
    "fiscal": ("财政", "fiscal"), "park": ("园区", "parks"), "land": ("土地", "land"), "investment": ("投资", "investment"),
    "industry": ("工业", "industry"), "agriculture": ("农业", "agriculture"), "employment": ("就业", "employment"),
    "infrastructure": ("基础设施", "infrastructure"), "housing": ("住房", "housing"),
    "public_services": ("公共服务", "public services"), "health": ("卫生健康", "health"), "education": ("教育", "education"),
    "governance": ("基层治理", "governance"), "party": ("党建", "party building"), "environment": ("环境", "environment"),
    "population": ("人口与城镇化", "population"), "trade": ("贸易", "trade"), "finance": ("金融", "finance"),
    "forestry": ("林业", "forestry"), "culture": ("文化", "culture"), "security": ("平安建设", "public security"),
}


def label_of(table: dict[str, tuple[str, str]], code: str, lang: str) -> str:
    return table.get(code, (code, code))[LANGUAGES.index(lang)]


QUALIFIER_LABELS = {
    "yoy": ("同比", "year on year"), "annual_avg": ("年均", "per year on average"),
    "cumulative": ("累计", "cumulative"), "more_than": ("余/多", "more than"), "at_least": ("以上", "at least"),
    "approx": ("约", "about"), "less_than": ("近/不到", "nearly"), "target": ("目标", "target"),
    "expected": ("预计", "expected"),
}


def qualifier_label(tags: object, lang: str) -> str:
    """'cumulative;more_than' -> '累计、余/多' / 'cumulative, more than'; empty for none."""
    if not isinstance(tags, str) or not tags:
        return ""
    names = [QUALIFIER_LABELS.get(tag, (tag, tag))[LANGUAGES.index(lang)] for tag in tags.split(";")]
    return ("、" if lang == "zh" else ", ").join(names)


def formula_label(formula: str, names: dict[str, str]) -> str:
    """A derived formula with indicator codes replaced by their names."""
    for code in sorted(names, key=len, reverse=True):
        formula = formula.replace(code, names[code])
    return formula


RULES = {
    "per-case resolution": ("逐案裁定", "per-case resolution"),
    "more precise": ("取更精确值", "more precise"),
    "same value": ("数值相同", "same value"),
}


def rule_label(rule: str, lang: str) -> str:
    return RULES.get(rule, (rule, rule))[LANGUAGES.index(lang)]

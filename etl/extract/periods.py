"""Periods: the time expressions of a sentence (years, months, quarters, spans, plan periods, relative and
anaphoric times) and the period a number is reported for."""
from __future__ import annotations

import re
from dataclasses import dataclass

from etl.extract.layout import CLAUSE_DELIMS, SENTENCE_DELIMS, clause_start

YEAR = r"((?:19|20)\d{2})"
TIME_EXPR = re.compile(
    rf"(?P<range>{YEAR}年?(?:(?P<m1>\d{{1,2}})月)?(?:至|到|—|－|-|~|～){YEAR}年(?:(?P<m2>\d{{1,2}})月)?(?:底|末)?)"
    rf"|(?P<mrange>(?:{YEAR}年|今年|去年|上年)?(?P<mr1>\d{{1,2}})(?:月份?)?(?:-|－|—|~|～|至|到)(?P<mr2>\d{{1,2}})月份?)"
    rf"|(?P<quarter>(?:{YEAR}年|今年|去年|上年)?(?:第?(?P<q>[一二三四1-4])季度|前(?P<qs>[二三两2-3])(?:个)?季度|(?P<half>[上下])半年))"
    rf"|(?P<ymd>{YEAR}年(\d{{1,2}})月(\d{{1,2}})[日号])"
    rf"|(?P<ym>{YEAR}年(\d{{1,2}})月)"
    rf"|(?P<since>{YEAR}年以来)"
    rf"|(?P<y>{YEAR}年(?:度|底|末|初)?)"
    r"|(?P<rel>今年|本年|去年|上年|前年|明年)(?:(\d{1,2})月(?:(\d{1,2})[日号])?)?"
    r"|(?P<md>(\d{1,2})月(\d{1,2})[日号])"
    r"|(?P<mon>(?<![\d个])(?P<mo>\d{1,2})月(?:底|末|份|当月))"
    r"|(?P<plan>十一五|十二五|十三五|十四五|十五五)"
    r"|(?P<recent>近(\d{1,2}|[两二三四五六七八九十])年)"
    r"|(?P<years>(?<![近这])(\d{1,2}|[两二三四五六七八九十])年(?:来|间|以来))"
    r"|(?P<future>(?:未来|今后)?(\d{1,2}|[两二三四五六七八九十])年内|未来(\d{1,2}|[两二三四五六七八九十])年)"
    r"|(?P<same>当年|同年)(?:(\d{1,2})月)?"
    r"|(?P<day>当天|当日)"
)
CN_DIGITS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
RELATIVE_YEARS = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1}
PLAN_PERIODS = {"十一五": (2006, 2010), "十二五": (2011, 2015), "十三五": (2016, 2020),
                "十四五": (2021, 2025), "十五五": (2026, 2030)}
# words that may open a clause before the place or time it is about (近年来，…; 记者走进…)
FRAME_WORDS = re.compile(r"近年来|近几年|目前|如今|当前|现在|过去|日前|近日|此前|随后|其中|同时|截至|截止|[上下]午|晚上|凌晨|"
                         r"记者|走进|来到|深入|在|据|从|于|今年以来|去年以来")
QUOTES = "“”‘’\"「」『』"
EVENT_WORDS = re.compile(r"本次|此次|当天|当日|现场|活动中|会上|仪式上")  # about the event of a dated lead
BULLETIN_TITLE = re.compile(rf"{YEAR}年度?[\u4e00-\u9fff（）()]{{0,30}}?统计公报")
PINYIN_GLOSS = re.compile(r"[（(][a-zü\u00c0-\u024f]{1,7}[)）]")
BODY_YEAR = re.compile(rf"{YEAR}年(?![月度底末初份])")


@dataclass
class TimeExpr:
    """A time expression at s[start:end] and the period it stands for (``YYYY[-MM[-DD]][..…]``)."""

    start: int
    end: int
    period: str
    note: str
    plan: tuple[int, int] | None = None
    md: bool = False  # a month/day printed without its year
    as_of: bool = False  # 截至 …: the state at a date
    future: bool = False  # 五年内, 未来3年: a target span ahead of the page date
    day: bool = False  # 当天/当日: the day last named


def document_year(s: str, headers: dict[int, int], paragraphs: list[tuple[int, int]],
                  page_year: int) -> tuple[int, bool]:
    """The year a page's numbers are about by default, and whether it is a statistical bulletin's year.

    A bulletin's title names its year (XX县2021年国民经济和社会发展统计公报, published in 2022): the year
    of every undated number, and the year 今年/上年 count from. Else a page kept without its headline may
    open with a year (2021年，全县…): undated numbers take it (under a headline, a lead's year governs only
    its section). A date
    line or byline (发布时间:2022-04-11) is never the year of the numbers. Else the page year.
    """
    first = paragraphs[0] if paragraphs else (0, 0)
    title = (0, max(headers.get(0, 0), first[1] if first[0] == 0 else 0))  # the title block or first line
    head = PINYIN_GLOSS.sub("", s[title[0]: title[1]]).replace("·", "")  # 統(tǒng)計公報: a converter's glosses
    m = BULLETIN_TITLE.search(head)
    if m and not re.search(f"[{SENTENCE_DELIMS}]", head[: m.start()]) and int(m.group(1)) <= page_year:
        return int(m.group(1)), True
    if headers.get(0, 0) == 0:  # no headline: the page starts with its body
        m = BODY_YEAR.match(s, 0)
        if m and page_year - 2 <= int(m.group(1)) <= page_year:
            return int(m.group(1)), False
    return page_year, False


def cn_int(s: str) -> int:
    """12 → 12, 五 → 5 (二/两 to 十; 0 for any other word)."""
    return int(s) if s.isdigit() else CN_DIGITS.get(s, 0)


def time_exprs(s: str, lo: int, hi: int, *, page_year: int, last_year: int, page_month: int = 0) -> list[TimeExpr]:
    """Time expressions of s[lo:hi] with the period each stands for (``last_year``: the year 当年/同年 refer
    to when none is named within reach). Months printed without a year and later than the page's month
    (``page_month``: 11月 in a release of January) are of the year before."""
    out: list[TimeExpr] = []
    sentence_year = None
    for m in TIME_EXPR.finditer(s, lo, hi):
        g = m.groupdict()
        if s[max(0, m.start() - 1): m.start()] in ("比", "较") and (g["rel"] or g["y"]) and not m.group().endswith(("底", "末")):
            continue  # 比上年上升, 较去年同期: the base compared with, not the period of the value
        if g["range"]:
            ys = re.findall(r"(?:19|20)\d{2}", g["range"])
            a, b = ys[0], ys[-1]
            if g["m2"]:
                start = f"{a}-{int(g['m1'] or 1):02d}"
                period = f"{start}..{b}-{int(g['m2']):02d}"
            else:
                period = f"{a}..{b}"
            out.append(TimeExpr(m.start(), m.end(), period, f"period {m.group()} → {period}"))
            sentence_year = sentence_year or int(b)
        elif g["mrange"]:  # 今年1-10月, 2022年1至6月: months of one year
            ym = re.match(r"((?:19|20)\d{2})年", g["mrange"])
            rel = re.match(r"今年|去年|上年", g["mrange"])
            m1, m2 = int(g["mr1"]), int(g["mr2"])
            y = (int(ym.group(1)) if ym else page_year + RELATIVE_YEARS[rel.group()] if rel
                 else sentence_year or _year_of_month(m2, page_year, page_month))
            if not (1 <= m1 < m2 <= 12):
                continue
            period = f"{y}-{m1:02d}..{y}-{m2:02d}"
            out.append(TimeExpr(m.start(), m.end(), period, f"period {m.group()} → {period}"))
            sentence_year = sentence_year or y
        elif g["quarter"]:  # 今年一季度, 2022年前三季度, 上半年: months of one year
            ym = re.match(r"((?:19|20)\d{2})年", g["quarter"])
            rel = re.match(r"今年|去年|上年", g["quarter"])
            y = int(ym.group(1)) if ym else page_year + RELATIVE_YEARS[rel.group()] if rel else (sentence_year or page_year)
            if g["q"]:
                n = 1 if g["q"] == "一" else cn_int(g["q"])
                m1, m2 = 3 * n - 2, 3 * n
            elif g["qs"]:
                m1, m2 = 1, 3 * cn_int(g["qs"])
            else:
                m1, m2 = (1, 6) if g["half"] == "上" else (7, 12)
            period = f"{y}-{m1:02d}..{y}-{m2:02d}"
            out.append(TimeExpr(m.start(), m.end(), period, f"period {m.group()} → {period}"))
            sentence_year = sentence_year or y
        elif g["ymd"]:
            y, mo, d = re.findall(r"\d+", g["ymd"])
            out.append(TimeExpr(m.start(), m.end(), f"{y}-{int(mo):02d}-{int(d):02d}", f"period from {m.group()}"))
            sentence_year = sentence_year or int(y)
        elif g["ym"]:
            y, mo = re.findall(r"\d+", g["ym"])
            out.append(TimeExpr(m.start(), m.end(), f"{y}-{int(mo):02d}", f"period from {m.group()}"))
            sentence_year = sentence_year or int(y)
        elif g["since"]:
            y = g["since"][:4]
            out.append(TimeExpr(m.start(), m.end(), f"{y}..{page_year}", f"period {m.group()} → {y}..{page_year} (page year)"))
        elif g["y"]:
            y = g["y"][:4]
            if s[m.end(): m.end() + 1] in ("—", "－", "-"):
                continue
            out.append(TimeExpr(m.start(), m.end(), y, f"period from {m.group()}"))
            sentence_year = sentence_year or int(y)
        elif g["rel"]:
            y = page_year + RELATIVE_YEARS[g["rel"]]
            nums = re.findall(r"\d+", m.group())
            period = str(y) + "".join(f"-{int(n):02d}" for n in nums)
            out.append(TimeExpr(m.start(), m.end(), period, f"period {m.group()} → {period} from the page date"))
        elif g["md"]:
            mo, d = re.findall(r"\d+", g["md"])
            since = s[max(0, m.start() - 1): m.start()] in ("自", "从") 
            out.append(TimeExpr(m.start(), m.end(), "?" if since else f"?-{int(mo):02d}-{int(d):02d}", m.group(), md=True))
        elif g["mon"]:  # 截至6月底: a month of the sentence's year, else the page's
            if 1 <= int(g["mo"]) <= 12:
                out.append(TimeExpr(m.start(), m.end(), f"?-{int(g['mo']):02d}", m.group()))
        elif g["plan"]:
            a, b = PLAN_PERIODS[g["plan"]]
            out.append(TimeExpr(m.start(), m.end(), f"{a}..{b}", f"period “{g['plan']}” → {a}..{b}", (a, b)))
        elif g["recent"]:
            n = cn_int(re.findall(r"近(.+)年", m.group())[0])
            out.append(TimeExpr(m.start(), m.end(), f"{page_year - n}..{page_year - 1}",
                                f"period {m.group()} → {page_year - n}..{page_year - 1} from the page date"))
        elif g["years"]:  # 四年来, 五年间: the years up to the page's
            n = cn_int(re.findall(r"(\d{1,2}|[两二三四五六七八九十])年", m.group())[0])
            if n:
                out.append(TimeExpr(m.start(), m.end(), f"{page_year - n + 1}..{page_year}",
                                    f"period {m.group()} → {page_year - n + 1}..{page_year} up to the page year"))
        elif g["future"]:
            n = cn_int(re.findall(r"(\d{1,2}|[两二三四五六七八九十])年", m.group())[0])
            out.append(TimeExpr(m.start(), m.end(), f"{page_year + 1}..{page_year + n}",
                                f"period {m.group()} → {page_year + 1}..{page_year + n} from the page date", future=True))
        elif g["same"]:
            nums = re.findall(r"\d+", m.group())
            period = str(_latest_year(s[max(0, m.start() - 400): m.start()]) or last_year) + "".join(f"-{int(n):02d}" for n in nums)
            out.append(TimeExpr(m.start(), m.end(), period, f"period {m.group()} → {period} (latest year named)"))
        elif g["day"]:
            day = _latest_day(s[max(0, m.start() - 600): m.start()], last_year)
            if day:
                out.append(TimeExpr(m.start(), m.end(), day, f"period {m.group()} → {day} (latest day named)", day=True))
    for e in out:
        e.as_of = s[max(0, e.start - 2): e.start] in ("截至", "截止", "到") 
    for e in out:  # a month/day without a year takes the sentence's year, else the page's
        if e.period.startswith("?"):
            y = sentence_year or _year_of_month(int(e.period[2:4]) if e.period[1:2] == "-" else 0, page_year, page_month)
            e.period = f"{y}{e.period[1:]}"
            e.note = f"period {e.note} → {e.period} ({'year of the sentence' if sentence_year else 'page year'})"
    return out


def _year_of_month(month: int, page_year: int, page_month: int) -> int:
    """The year of a month printed without one: the page's, or the year before for a month after the page's."""
    return page_year - 1 if page_month and month > page_month else page_year


def resolve_period(offset: int, s: str, *, sent: tuple[int, int], para: tuple[int, int], page_year: int,
                   span: bool, lead: tuple[int, int] = (0, 0), region_re: re.Pattern | None = None,
                   default_year: int | None = None, page_month: int = 0,
                   over_years: bool = True) -> tuple[str, str, float]:
    """Nearest preceding time expression in the sentence, then the paragraph's time frame, then the frame of
    the lead; else the page year.

    A time frame is a time expression opening its sentence (2020年，…; 截至2021年5月，…; 湖南省2022年度…)
    or a year opening a clause: it governs the later sentences of its paragraph that name no time. A time
    inside a sentence (刘清锋，2018年3月来到…) governs only its sentence, and one opening a clause after
    the number with a comma (…，2019年，…) only what follows it. The year of the frame of the lead paragraph
    (``lead``: the paragraph after the latest heading, subheadings included) carries to the later paragraphs
    up to the next heading. A day frame 当天/当日 dates its paragraph; a dated lead (11月26日，…) dates only
    the sentences about the event (本次活动共为84名村民…).
    A span (2014年至2020年底, “十三五”, 2020年以来) gives its range to flows and counts (``span``) and its end
    year to levels and rates (达585.8亿元, 达标率达100%); a future span (五年内, 未来3年) stays a span: a target.
    Only a yearly average or a cumulative figure (``over_years``) takes a span of the paragraph ending in the
    year of its sentence. A number without any of these takes ``default_year`` (:func:`document_year`), else the page year.
    """
    default_year = default_year or page_year
    last_year = _latest_year(s[max(0, sent[0] - 400): sent[0]]) or default_year

    def exprs_in(lo: int, hi: int) -> list[TimeExpr]:
        return time_exprs(s, lo, hi, page_year=page_year, last_year=last_year, page_month=page_month)

    def opens(e: TimeExpr, lo: int, clause: bool = False) -> bool:
        return opens_frame(s, e, lo, region_re=region_re, clause=clause)

    exprs = exprs_in(sent[0], sent[1])
    before = [e for e in exprs if e.end <= offset]
    after = [e for e in exprs if e.start >= offset
             and not (opens(e, sent[0], clause=True) and s[e.end: e.end + 1] in "，,")]
    pick = before[-1] if before else (after[0] if after else None)
    if pick is not None and ".." not in pick.period and pick.period[:4].isdigit():
        dated = [e for e in exprs if e.start < pick.start and e.md and e.period.startswith(pick.period)]
        if dated:  # 3月4日，…举行2021年… : the day of the sentence
            pick = dated[-1]
    where, conf = "", 0.9 if before else 0.7
    if pick is None:
        frames = [e for e in exprs_in(para[0], sent[0])
                  if opens(e, para[0]) or ((len(e.period) == 4 or ".." in e.period) and opens(e, para[0], clause=True))]
        lead_frames = [e for e in exprs_in(lead[0], min(lead[1], para[0])) if opens(e, lead[0]) and e.period[:4].isdigit()]
        event = EVENT_WORDS.search(s, sent[0], offset)
        days = [e for e in frames + lead_frames if len(e.period) == 10 and (event or e.day)]
        if days and (event or (frames and days[-1] is frames[-1])):  # 当天，…; 本次活动共为84名村民…: the day of the event
            return days[-1].period, f"{days[-1].note} (frame of the paragraph or lead): the day of the event", 0.6
        if frames:
            pick, where, conf = frames[-1], " (frame of the paragraph)", 0.6
        else:
            years = [e for e in lead_frames if len(e.period) == 4 or e.plan]
            if not years:  # 本报讯…获悉，2022年上半年，…: a year opening a clause of the lead
                years = [e for e in exprs_in(lead[0], min(lead[1], para[0]))
                         if (len(e.period) == 4 or ".." in e.period) and opens(e, lead[0], clause=True)]
            if not years:
                if default_year != page_year:
                    return str(default_year), f"no date in the text; year of the document {default_year}", 0.5
                return str(page_year), f"no date in the text; page year {page_year}", 0.4
            pick, where, conf = years[-1], " (frame of the article's lead)", 0.5
            if ".." not in pick.period:
                return pick.period, f"{pick.note}{where}", conf
        if not pick.as_of and ".." not in pick.period:
            return pick.period[:4], f"{pick.note}{where} → {pick.period[:4]}", conf
    if ".." in pick.period and not span and not pick.future:
        end = pick.period.split("..")[-1]
        return end, f"{pick.note}{where}, level at its end → {end}", conf - 0.1
    if span and over_years and ".." not in pick.period:
        wider = [e for e in exprs_in(para[0], sent[0])
                 if ".." in e.period and e.period.endswith(pick.period[:4])]
        if wider:  # 年均 needs a span: the paragraph's span ending in this year
            return wider[-1].period, f"{wider[-1].note} (span of the paragraph for a yearly average)", 0.6
    return pick.period, pick.note + (f"{where} → {pick.period}" if where else ""), conf


def opens_frame(s: str, e: TimeExpr, lo: int, *, region_re: re.Pattern | None, clause: bool = False) -> bool:
    """Does the time expression open its sentence (``clause``: its clause) after ``lo``?

    Before it may stand only place names, quote marks and words like 截至/到/在/自/从/近年来.
    """
    delims = CLAUSE_DELIMS if clause else SENTENCE_DELIMS
    start = clause_start(s, lo, e.start, delims)
    prefix = s[start: e.start]
    if region_re is not None:
        prefix = region_re.sub("", prefix)
    return only_frame(re.sub(r"截至|截止|到|自|从|至", "", prefix))


def only_frame(piece: str) -> bool:
    """Nothing but time expressions, quote marks and frame words."""
    rest = TIME_EXPR.sub("", piece.strip(QUOTES))
    rest = FRAME_WORDS.sub("", rest).strip(QUOTES)
    return rest == ""


def _latest_day(s: str, year: int) -> str:
    """The last full day named in s (2023年2月25日 or 2月25日 in the latest year named)."""
    day = ""
    for m in re.finditer(r"(?:((?:19|20)\d{2})年)?(\d{1,2})月(\d{1,2})[日号]", s):
        y = int(m.group(1)) if m.group(1) else (_latest_year(s[: m.start()]) or year)
        day = f"{y}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    return day


def _latest_year(s: str) -> int | None:
    """The year last named in s (the start of a bracketed span such as a plan's years)."""
    last = None
    for m in re.finditer(r"(?:19|20)\d{2}年?(?:[—－\-~～至到](?:19|20)\d{2})?年", s):
        ys = re.findall(r"(?:19|20)\d{2}", m.group())
        bracketed = s[max(0, m.start() - 1): m.start()] in "（(《"
        last = int(ys[0] if bracketed else ys[-1])
    return last

"""The layout of a squeezed page: paragraphs, articles and headers, sentence pieces, table rows and cells.

Offsets are into the squeezed text (:func:`etl.core.text.squeeze`): the PDF layout's line breaks are read
from the raw page and mapped onto it.
"""
from __future__ import annotations

import re
import unicodedata

from etl.core import text

CLAUSE_DELIMS = "，,、；;：:（）()。！？!?…|"  # | separates the cells of an extracted table
SENTENCE_DELIMS = "。！？!?；;"
CONTINUATION = "，,、；;：:）)”」』。！？!?…%"  # a line starting with these goes on with the line before
HEADLINE_MAX = 40  # squeezed characters: a longer line without a sentence end is a broken text line
HEADLINE_PLACE = re.compile(r"[\u4e00-\u9fff]{2,8}[：:]")
BYLINE_CLOSING = re.compile(r"(?:^|[。！？”])[（(][\u4e00-\u9fff\s·、 ]{2,30}[）)]$")
DATELINE = re.compile(r"本[报報][讯訊]|本[报報][\u4e00-\u9fff\d]{0,12}[电電]|本[报報]\d{1,2}月\d{1,2}日[讯訊]|[\u4e00-\u9fff]{2,6}[讯訊]")
TABLE_UNIT = re.compile(r"[（(]([^（）()]{1,6})[)）]")


def normalise(s: str) -> str:
    """Full-width digits and signs to ASCII, one character for one (offsets stay aligned)."""
    out = []
    for c in s:
        n = unicodedata.normalize("NFKC", c)
        out.append(n if len(n) == 1 else c)
    return "".join(out)


def to_simplified(s: str) -> tuple[str, bool]:
    """OpenCC t2s copy of a squeezed text with the same length (per sentence, else per character)."""
    import opencc
    conv = opencc.OpenCC("t2s")
    whole = conv.convert(s)
    if len(whole) == len(s):
        out = whole
    else:
        parts = re.split(f"(?<=[{SENTENCE_DELIMS}])", s)
        out = ""
        for part in parts:
            c = conv.convert(part)
            out += c if len(c) == len(part) else "".join(conv.convert(ch) if len(conv.convert(ch)) == 1 else ch for ch in part)
    changed = sum(a != b for a, b in zip(s, out))
    return out, changed >= max(2, len(s) // 500)


def spans(s: str, delims: str) -> list[tuple[int, int]]:
    """Start/end offsets of the pieces of s cut after each delimiter."""
    out, start = [], 0
    for i, c in enumerate(s):
        if c in delims:
            out.append((start, i + 1))
            start = i + 1
    if start < len(s):
        out.append((start, len(s)))
    return out


def clause_start(s: str, lo: int, i: int, delims: str = CLAUSE_DELIMS) -> int:
    """Where the clause around offset ``i`` starts: after the last of ``delims`` before it, not before ``lo``."""
    return max(max(s.rfind(c, lo, i) for c in delims) + 1, lo)


def enclosing(offset: int, pieces: list[tuple[int, int]]) -> tuple[int, int]:
    """The piece containing offset."""
    for s, e in pieces:
        if s <= offset < e:
            return s, e
    return 0, 0


def cut_at(pieces: list[tuple[int, int]], stops: list[int]) -> list[tuple[int, int]]:
    """Split the (start, end) pieces at the stop offsets falling inside them."""
    out = []
    for a, b in pieces:
        for c in sorted(x for x in set(stops) if a < x < b):
            out.append((a, c))
            a = c
        out.append((a, b))
    return out


def line_ends(raw: str) -> list[int]:
    """Squeezed offsets of every line end (pages from HTML: one paragraph or table row a line)."""
    out, pos = [], 0
    for ln in raw.splitlines():
        pos += len(text.squeeze(ln))
        if out and out[-1] == pos:
            continue
        out.append(pos)
    return [p for p in out if p > 0]


def paragraph_breaks(raw: str) -> tuple[list[int], list[int], dict[int, int], list[int]]:
    """Squeezed offsets where paragraphs and articles start, where each header (article or subheading) ends,
    and where a headline-like line ends a sentence.

    A paragraph ends with a line ending a sentence or with a short line. An article starts with a block
    of headline-like lines: a short line without any sentence end, a subtitle (——…), a place-and-colon
    headline of a news brief (道县：…), or a line after a closing byline in parentheses ((李秉钧 贺湘华));
    a dateline (本报讯) starts one too. Consecutive headline lines (title, subtitle, byline) form one header;
    a single plain headline line inside an article (兴产业提质效，…) is a subheading, not a new article.
    Stops: a headline-like line (title, date 2021年6月1日, publisher 涟源市统计局) ends a sentence when the
    next line is headline-like too or does not go on with punctuation (:func:`sentence_stops` checks
    that it opens a sentence): PDF lines break mid-sentence, but not after a headline.
    """
    lines = [ln for ln in raw.splitlines()]
    stops: list[int] = []
    heads: set[int] = set()
    lengths = sorted(len(text.squeeze(ln)) for ln in lines if text.squeeze(ln))
    typical = lengths[len(lengths) * 3 // 4] if lengths else 0
    breaks, pos = [0], 0
    blocks: list[list] = []  # [start, end, lines, strong] of each run of headline lines
    in_header, after_byline, after_colon = False, False, False
    for ln in lines:
        sq = text.squeeze(ln)
        if not sq:
            continue
        short = len(sq) < typical * 0.6
        sentence_inside = any(c in sq[:-1] for c in "。！？!?")
        placed = bool(HEADLINE_PLACE.match(sq))
        ends = "。！？!?：:，,；;" if placed or sq.startswith("—") else "。！？!?”」：:，,；;"  # 安仁：…“防火墙”
        headline = not sentence_inside and sq[-1] not in ends and len(sq) <= HEADLINE_MAX and (
            short or sq.startswith(("——", "—", "--")) or placed or after_byline
            or (after_colon and not any(c in sq for c in "，,；;")))  # 永州市冷水滩区： | 法治宣传进校园
        after_colon = bool(HEADLINE_PLACE.fullmatch(sq))  # 永州市冷水滩区： on a line of its own
        headline = headline or after_colon
        byline = bool(BYLINE_CLOSING.search(sq))
        dateline = DATELINE.match(sq)
        if headline or dateline:
            if not in_header:
                blocks.append([pos, pos, 0, False])
                in_header = True
            breaks.append(pos)
            block = blocks[-1]
            block[1] = pos + (len(sq) if headline else len(dateline.group()))
            block[2] += 1
            block[3] = block[3] or placed or after_byline or bool(dateline)
        else:
            in_header = False
        if headline or dateline:
            heads.add(pos)
        if headline:
            stops.append(pos + len(sq))
        pos += len(sq)
        after_byline = byline
        if sq[-1] in "。！？!?”」" or short or headline or byline:
            breaks.append(pos)
    # a header of one plain line inside an article is a subheading: a new paragraph, not a new article
    headers, articles = {0: 0}, {0}
    for start, end, n, strong in blocks:
        headers[start] = end
        if n >= 2 or strong:
            articles.add(start)
    squeezed = text.squeeze(raw)
    stops = [(p, p in heads) for p in stops if squeezed[p: p + 1] and squeezed[p] not in CONTINUATION]
    return sorted(set(breaks)), sorted(articles), headers, stops


def table_rows(raw: str, gaps: list[int]) -> list[int]:
    """Start and end (squeezed) of each line that is a table row: its numbers are cells apart (a gap)."""
    out, pos = [], 0
    for ln in raw.splitlines():
        n = len(text.squeeze(ln))
        if n and any(pos < g < pos + n for g in gaps):
            out += [pos, pos + n]
        pos += n
    return [p for p in out if p > 0]


def table_cells(raw: str, gaps: list[int]) -> dict[tuple[int, int], tuple[str, str]]:
    """Squeezed (start, end) of each cell after the first of a table row -> (row label, column heading).

    Rows are lines of cells split by '|' (trafilatura's tables) or by the gaps between numbers; a heading is
    the line of cells without numbers right above the rows (指标 数值 增长（%）).
    """
    out: dict[tuple[int, int], tuple[str, str]] = {}
    heading: list[str] = []
    pos = 0
    for ln in raw.splitlines():
        sq_len = len(text.squeeze(ln))
        piped = ln.count("|") >= 2
        gapped = any(pos < g < pos + sq_len for g in gaps)
        cells = [c for c in (ln.strip().strip("|").split("|") if piped else re.split(r"\s+", ln.strip())) if c.strip()]
        if len(cells) >= 2 and not any(ch in text.DIGITS for ch in "".join(cells)) and (piped or len(cells) <= 8):
            heading = [text.squeeze(c) for c in cells]
        elif len(cells) >= 2 and (piped or gapped):
            at = pos
            for j, c in enumerate(cells):
                sq = text.squeeze(c)
                at = text.squeeze(ln).find(sq, at - pos) + pos if sq else at
                if j and sq:
                    col = heading[j] if len(heading) == len(cells) else ""
                    out[(at, at + len(sq))] = (text.squeeze(cells[0]), col)
                at += len(sq)
        elif sq_len:
            heading = []
        pos += sq_len
    return out


def table_reading(cell: tuple[str, str]) -> tuple[str, str, bool]:
    """(indicator words, unit, growth) of a table cell from its row label and column heading."""
    label, col = cell
    unit = next((m.group(1) for x in (col, label) for m in [TABLE_UNIT.search(x)] if m), "")
    growth = bool(re.search(r"增长|增速|增幅|同比|±", col))
    words = TABLE_UNIT.sub("", label)
    return words, unit, growth

"""Tables: the cells of a page's tables with what their headings and notes say of them — row label, column
heading, unit (单位:万元 above the table, (%) or 同比±% in a column heading, a growth column), and period
(a column headed 2019, 1-11月 or 11月; a note 利税总额增长速度为1-3月数据, 11月当月 / 1-11月累计).

Two layouts: a row a line (cells split by '|' or by the gaps between numbers: :func:`layout.table_cells`)
and a cell a line (a PDF or web table flattened: 生产总值 / 4830423 / 7.8, or 长沙市 | / 14.4 | …), where a
row is a label followed by its numbers and the headings are the short lines right above the first row.
Offsets are squeezed (:func:`etl.core.text.squeeze`).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from etl.core import text, vocab
from etl.extract.layout import TABLE_UNIT, table_cells

NUMBER_CELL = re.compile(r"[-−－]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?%?")
YEAR_HEAD = re.compile(r"((?:19|20)\d{2})年?(?:度)?")
MONTHS_HEAD = re.compile(r"(?:((?:19|20)\d{2})年)?(?:(\d{1,2})[-—－~～至](\d{1,2})|(\d{1,2}))月(?:份)?")
UNIT_LINE = re.compile(r"[（(]?(?:计量)?单位[:：]\s*([^（）()，,；;]{1,6})[)）]?")
GROWTH_HEAD = re.compile(r"增长|增速|增幅|同比|±|比上年|比去年")
NOTE_PERIOD = re.compile(r"([\u4e00-\u9fff]{2,20}?)(?:增长速度|增速)?(?:为|是)((?:\d{1,2}[-—－~～至])?\d{1,2})月(?:份)?(?:的)?数据")
CURRENT_MONTH = re.compile(r"(\d{1,2})月(?:份)?当月")
TO_DATE = re.compile(r"1[-—－~～至](\d{1,2})月(?:份)?累计")
TITLE_MARK = re.compile(r"^表\s*\d+")
MAX_LABEL = 25  # squeezed characters: a longer line is prose, not a label or a heading


@dataclass(frozen=True)
class Cell:
    """A table cell: its row label and column heading, and the unit and period its headings give."""

    label: str
    column: str
    unit: str = ""  # printed in a heading: 万元, %
    growth: bool = False  # a growth column (增长%, 同比±%): a year-on-year rate
    period: str = ""  # ``YYYY[-MM][..YYYY-MM]`` from a heading or note; '' when the text must say
    heading: str = ""  # headings spanning the columns (增长速度) and the table's title
    heading_only: bool = False  # the cell is a column heading (2019), not a value
    row: tuple[int, int] = (0, 0)  # squeezed start and end of its row (label and cells): a sentence


def read_tables(raw: str, gaps: list[int], *, year: int, page_date: str = "") -> dict[tuple[int, int], Cell]:
    """Every table cell of a page (squeezed start, end) -> :class:`Cell`; ``year``: the year of a heading
    that names months only, ``page_date``: a month after the page's own belongs to the year before."""
    out = {span: reading(label, col) for span, (label, col) in table_cells(raw, gaps).items()
           if not TITLE_MARK.match(label)}  # 表1 2019年地区生产总值: a table's title, not a row
    for span, cell in cell_a_line(raw, gaps, year=year, page_date=page_date).items():
        out.setdefault(span, cell)
    return out


def reading(label: str, col: str, *, wide: str = "", table_unit: str = "", period: str = "") -> Cell:
    """The cell under column heading ``col`` in the row ``label``; ``wide``: headings spanning the columns,
    ``table_unit``: the unit of the whole table (单位:万元)."""
    unit = next((m.group(1) for x in (col, label) for m in [TABLE_UNIT.search(x)] if m and is_unit(m.group(1))), "")
    if not unit and re.search(r"[±%]$|[（(]%[)）]", col):
        unit = "%"
    growth = bool(GROWTH_HEAD.search(col) or (not col and GROWTH_HEAD.search(wide)))
    if not unit and not growth:
        unit = table_unit
    return Cell(TABLE_UNIT.sub("", label), col, unit, growth, period, wide)


def is_unit(word: str) -> bool:
    """A unit as a heading prints it: %, 万元, 千公顷 (a multiplier and a unit word), not (GDP)."""
    word = re.sub("^单位[:：]", "", word.strip())
    for m in sorted(vocab.MULTIPLIERS, key=len, reverse=True) + ["千", "百", ""]:
        if word.startswith(m) and (word[len(m):] in vocab.UNIT_WORDS or (m and not word[len(m):])):
            return bool(word)
    return False


def items_of(raw: str) -> list[tuple[int, int, str]]:
    """The squeezed (start, end, text) of each cell of a cell-a-line layout: a line, or, where lines end with
    '|' (a flattened web table), the text up to each '|' (规模工业增加值 / 增长速度 | is one heading)."""
    lines, pos = [], 0
    for ln in raw.splitlines():
        sq = text.squeeze(ln)
        lines.append((pos, sq, ln))
        pos += len(sq)
    piped = sum(sq.endswith("|") for _, sq, _ in lines) >= 5
    out: list[tuple[int, int, str]] = []
    if not piped:
        for start, sq, ln in lines:
            if sq and (len(ln.split()) == 1 or not any(c in text.DIGITS for c in sq) or TITLE_MARK.match(sq)):
                out.append((start, start + len(sq), sq))
            elif sq:
                out.append((start, start + len(sq), "\n"))  # a line of several cells: not this layout
        return out
    joined = "".join(sq for _, sq, _ in lines)
    start = 0
    for i, c in enumerate(joined + "|"):
        if c == "|":
            if i > start:
                out.append((start, i, joined[start:i]))
            start = i + 1
    return out


def _kind(item: str) -> str:
    if NUMBER_CELL.fullmatch(item):
        return "num"
    if len(item) > MAX_LABEL or re.search(r"[。；;！？]", item) or item == "\n":
        return "prose"
    return "text"


def cell_a_line(raw: str, gaps: list[int], *, year: int, page_date: str = "") -> dict[tuple[int, int], Cell]:
    """The cells of tables printed a cell a line: rows of a label and its numbers (at least two rows),
    headings above the first row: the last as many as a row has numbers are the column headings, the ones
    before them span the table (its title, 单位:万元, 增长速度)."""
    items = items_of(raw)
    kinds = [_kind(t) for _, _, t in items]
    out: dict[tuple[int, int], Cell] = {}
    i = 0
    while i < len(items):
        rows, j = [], i
        while j < len(items) and kinds[j] == "text":
            k = j + 1
            while k < len(items) and kinds[k] == "num":
                k += 1
            if k == j + 1:
                break
            rows.append((j, list(range(j + 1, k))))
            j = k
        if len(rows) < 2:
            i += 1
            continue
        width = Counter(len(nums) for _, nums in rows).most_common(1)[0][0]
        heads = []
        h = i - 1
        while h >= 0 and len(heads) < 12 and (kinds[h] == "text" or (kinds[h] == "num" and YEAR_HEAD.fullmatch(items[h][2]))):
            heads.insert(0, items[h][2])
            if kinds[h] == "num":
                out[(items[h][0], items[h][1])] = Cell("", items[h][2], heading_only=True)
            h -= 1
        notes = note_text(items, kinds, j)
        out.update(_table(items, rows, heads, width, notes, year=year, page_date=page_date))
        i = j
    return out


def note_text(items: list[tuple[int, int, str]], kinds: list[str], after: int) -> str:
    """The notes under a table (注:…, and the numbered lines that go on with them)."""
    for n in range(after, min(after + 3, len(items))):
        if re.match(r"注[:：]?|说明[:：]", items[n][2]):
            return "".join(t for _, _, t in items[n: n + 6])
    return ""


def _table(items, rows, heads, width, notes, *, year, page_date) -> dict[tuple[int, int], Cell]:
    columns = [x for x in heads if not UNIT_LINE.fullmatch(x) and not TITLE_MARK.match(x)]
    columns = columns[-width:] if len(columns) >= width else []
    wide_heads = heads[: len(heads) - len(columns)] if columns else heads
    wide = "".join(wide_heads)
    unit = next((m.group(1).strip() for x in heads for m in [UNIT_LINE.search(x)] if m), "")
    year_columns = {y.group(1) for x in columns for y in [YEAR_HEAD.fullmatch(x)] if y}
    title_year = next((m.group(1) for x in wide_heads for m in [YEAR_HEAD.search(TITLE_MARK.sub("", x))] if m), "")
    table_year = title_year or (year_columns.pop() if len(year_columns) == 1 else "")  # of a growth column
    out = {}
    for label_at, nums in rows:
        label, row = items[label_at][2], (items[label_at][0], items[nums[-1]][1])
        for n, at in enumerate(nums):
            col = columns[n] if columns and len(nums) == width else ""
            period = column_period(col, wide, notes, year=int(table_year or year), page_date=page_date) or table_year
            cell = reading(label, col, wide=wide, table_unit=unit, period=period)
            out[(items[at][0], items[at][1])] = Cell(cell.label, col, cell.unit, cell.growth, cell.period, wide, row=row)
    return out


def column_period(col: str, wide: str, notes: str, *, year: int, page_date: str = "") -> str:
    """The period a column's heading or the table's notes give its cells ('' when none)."""
    y = YEAR_HEAD.fullmatch(col)
    if y:
        return y.group(1)
    for source in (col, wide):
        m = MONTHS_HEAD.search(source)
        if m:
            return _months(m.group(1), m.group(2) or m.group(4), m.group(3), year, page_date)
    for m in NOTE_PERIOD.finditer(notes):
        name = re.sub(r"^\d+[、.．]", "", m.group(1))
        if col and name and name in col:
            a, _, b = m.group(2).replace("—", "-").replace("－", "-").partition("-")
            return _months(None, a, b or None, year, page_date)
    current, to_date = CURRENT_MONTH.search(notes), TO_DATE.search(notes)
    if current and re.search(r"同月|当月", col):
        return _months(None, current.group(1), None, year, page_date)
    if to_date and re.search(r"同期|累计", col):
        return _months(None, "1", to_date.group(1), year, page_date)
    return ""


def _months(y: str | None, m1: str, m2: str | None, year: int, page_date: str) -> str:
    """A month (or months of one year) as a period; without a year printed, a month later than the page's
    own month is of the year before (11月 in a release of 2018-01)."""
    last = int(m2 or m1)
    if not 1 <= int(m1) <= last <= 12:
        return ""
    if y is None:
        y = str(year)
        if re.match(r"\d{4}-\d{2}", page_date) and int(page_date[:4]) == year and last > int(page_date[5:7]):
            y = str(year - 1)
    return f"{y}-{int(m1):02d}" + (f"..{y}-{last:02d}" if m2 else "")

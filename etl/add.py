"""``python -m etl add FILE``: copy a new page into ``data/raw/`` and register it as ``pending``.

- The page as received is kept byte for byte, named ``NNN_<first 16 hex of its sha256>.<ext>``.
- The register's ``file`` must be UTF-8 text (the catalogue quotes it): a UTF-8 page is that file itself;
  a page with a UTF-8 BOM, in GBK/GB18030 (or Big5) or in HTML gets a UTF-8 ``.txt`` text copy as ``file``
  (for HTML the main text, extracted offline by trafilatura) and the page as received as ``original``.
- Refused, with the file named and nothing in ``data/`` changed: a missing, empty or binary file, a page
  whose bytes or whose text (whitespace ignored) are already registered, a page without any number.
- The page, its text copy and the register are committed together or not at all (``etl.core.files.commit``),
  under the catalogue's lock (``etl.core.lock``).
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from etl.core import catalog, files, lock, text

BOM = b"\xef\xbb\xbf"
HTML_SNIFF = re.compile(rb"<\s*(!doctype\s+html|html|head|body)\b", re.I)
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
CONVERTIBLE = {"gb18030", "gbk", "gb2312", "big5", "big5hkscs", "cp950"}


class AddError(Exception):
    """A page that cannot be added; the message names the file and the reason."""


@dataclass
class Page:
    """A page as received and the UTF-8 text the catalogue will quote."""

    raw: bytes
    text: str
    suffix: str       # of the page as received, e.g. '.html'
    encoding: str     # utf-8 | utf-8-sig | gb18030 | big5 …
    is_html: bool
    title: str = ""   # from HTML metadata
    date: str = ""    # from HTML metadata, YYYY-MM-DD

    @property
    def needs_copy(self) -> bool:
        """True when the text differs from the bytes received (conversion or extraction)."""
        return self.is_html or self.encoding != "utf-8"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode(raw: bytes, name: str) -> tuple[str, str]:
    """(text, encoding) of text bytes: UTF-8 (a BOM stripped), else GB18030/GBK or Big5; AddError otherwise."""
    if b"\x00" in raw:
        raise AddError(f"{name}: binary file (NUL bytes), not a text page")
    if raw.startswith(BOM):
        candidates = [("utf-8-sig", raw[len(BOM):])]
    else:
        candidates = [("utf-8", raw)] + [(enc, raw) for enc in guessed_encodings(raw)]
    for encoding, data in candidates:
        try:
            decoded = data.decode("utf-8" if encoding == "utf-8-sig" else encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        controls = sum(1 for ch in decoded if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
        if controls > max(2, len(decoded) // 100):
            raise AddError(f"{name}: binary file ({controls} control characters), not a text page")
        return decoded, encoding
    raise AddError(f"{name}: binary file or unknown encoding: not UTF-8, GB18030/GBK or Big5 text")


def guessed_encodings(raw: bytes) -> list[str]:
    """Chinese encodings to try after UTF-8: charset-normalizer's guess if Chinese, then GB18030."""
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:200_000]).best()
    guess = best.encoding.lower().replace("_", "") if best else ""
    first = [guess] if guess in CONVERTIBLE and guess != "gb18030" else []
    return first + ["gb18030"]


def html_text(html: str, name: str) -> tuple[str, str, str]:
    """(main text, title, date) of an HTML page, offline, with trafilatura."""
    import trafilatura

    main = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True) or ""
    meta = trafilatura.extract_metadata(html)
    title = (meta.title or "") if meta else ""
    date = (meta.date or "") if meta else ""
    if not main.strip():
        raise AddError(f"{name}: no main text found in the HTML page")
    return main.strip() + "\n", title.strip(), date if DATE.match(date or "") else ""


def read_page(path: Path) -> Page:
    """Read and decode a page; refuse missing, empty, binary and numberless pages."""
    name = str(path)
    if not path.is_file():
        raise AddError(f"{name}: no such file")
    raw = path.read_bytes()
    if not raw.strip() or not raw.replace(BOM, b"").strip():
        raise AddError(f"{name}: empty file ({len(raw)} bytes, nothing but whitespace)")
    decoded, encoding = decode(raw, name)
    if not decoded.strip():
        raise AddError(f"{name}: empty file (nothing but whitespace)")
    is_html = path.suffix.lower() in text.HTML_SUFFIXES or bool(HTML_SNIFF.search(raw[:4096]))
    page = Page(raw, decoded, path.suffix.lower() or ".txt", encoding, is_html)
    if is_html:
        page.text, page.title, page.date = html_text(decoded, name)
    if not text.numbers_of(page.text, is_html):
        raise AddError(f"{name}: no number in the page: nothing to extract")
    return page


# --- Register fields ---------------------------------------------------------------------------------

def next_doc(sources: list[catalog.Row]) -> str:
    numbers = [int(s["doc"][1:]) for s in sources if re.fullmatch(r"d\d{3}", s["doc"])]
    return f"d{max(numbers, default=-1) + 1:03d}"


def registered_as(page: Page, cat: catalog.Catalog) -> str:
    """The doc already holding these bytes or this text (whitespace ignored), else ''."""
    raw_sha, text_sha = sha256(page.raw), sha256(text.squeeze(page.text).encode())
    for src in cat.sources:
        hashes = {src["sha256"]}
        if src["original"] and (cat.data_dir / "raw" / src["original"]).is_file():
            hashes.add(sha256((cat.data_dir / "raw" / src["original"]).read_bytes()))
        if src["doc"] in cat.pages:
            hashes.add(sha256(text.squeeze(cat.pages[src["doc"]]).encode()))
        if raw_sha in hashes or text_sha in hashes:
            return src["doc"]
    return ""


def latest_year(body: str) -> str:
    """The latest plausible year (1949 … next year) named in the text, preferring those written 'YYYY年'."""
    squeezed = unicodedata.normalize("NFKC", text.squeeze(body))
    limit = dt.date.today().year + 1
    with_nian = [int(m.group(1)) for m in YEAR.finditer(squeezed) if squeezed[m.end():m.end() + 1] == "年"]
    anywhere = [int(m.group(1)) for m in YEAR.finditer(squeezed)]
    for years in (with_nian, anywhere):
        plausible = [y for y in years if 1949 <= y <= limit]
        if plausible:
            return str(max(plausible))
    return ""


def subject_region(body: str, regions: list[catalog.Row]) -> str:
    """The catalogue region named most often (full name or without 市/县/区; traditional script converted
    with OpenCC), else 'loudi'."""
    import opencc

    squeezed = opencc.OpenCC("t2s").convert(text.squeeze(body))
    counts: Counter = Counter()
    for r in regions:
        if r["level"] == "province":
            continue
        name = r["name_zh"]
        short = name[:-1] if name[-1] in "市县区" and len(name) > 2 else name
        counts[r["code"]] = squeezed.count(short)
    ranked = sorted(((n, len(regions_name(regions, c)), c) for c, n in counts.items() if n), reverse=True)
    return ranked[0][2] if ranked else "loudi"


def regions_name(regions: list[catalog.Row], code: str) -> str:
    return next(r["name_zh"] for r in regions if r["code"] == code)


def join(items: list[str], sep: str, last: str) -> str:
    """['a', 'b', 'c'] -> 'a, b and c'."""
    return sep.join(items[:-1]) + last + items[-1] if len(items) > 1 else "".join(items)


def register_row(doc: str, page: Page, files: tuple[str, str], args: dict, cat: catalog.Catalog) -> dict:
    """The register entry of a new page (status pending)."""
    file, original = files
    printed = args.get("date") or page.date
    if printed:
        year = printed[:4]
        basis = (f"日期 {printed}（{'添加时给出' if args.get('date') else '取自网页元数据'}）。",
                 f"Date {printed} ({'given when added with --date' if args.get('date') else 'from the HTML metadata'}).")
    elif year := latest_year(page.text):
        basis = (f"未给出日期；文中提到的最晚年份为{year}年（待审核）。",
                 f"No date given; the latest year named in the text is {year} (to be reviewed).")
    else:
        year = str(dt.date.today().year)
        basis = (f"未给出日期，文中也无年份；暂记为添加之年{year}（待审核）。",
                 f"No date given and no year in the text; the year it was added, {year}, for now (to be reviewed).")
    missing_zh = [zh for zh, given in (("报纸名称", args.get("publisher")), ("版次", ""), ("日期", printed)) if not given]
    missing_en = [en for en, given in (("newspaper name", args.get("publisher")), ("page number", ""),
                                        ("date", printed)) if not given]
    unknown_zh = f"添加时未给出{join(missing_zh, '、', '和')}。"
    unknown_en = f"{join(missing_en, ', ', ' and ').capitalize()} not given when added."
    if page.needs_copy:
        how_zh = "网页正文由 trafilatura 提取" if page.is_html else f"原文为 {page.encoding} 编码，已转为 UTF-8"
        how_en = ("Main text extracted from the HTML by trafilatura" if page.is_html
                  else f"Received as {page.encoding}, converted to UTF-8")
        unknown_zh += f"{how_zh}（原件 {original}）。"
        unknown_en += f" {how_en} (as received: {original})."
    first_line = next((ln.strip() for ln in page.text.splitlines() if ln.strip()), "")
    return {
        "doc": doc, "file": file, "sha256": sha256(page.text.encode() if page.needs_copy else page.raw),
        "newspaper": args.get("publisher") or "", "page": "", "date_printed": printed, "date_inferred": year,
        "date_basis_zh": basis[0], "date_basis_en": basis[1],
        "headlines": args.get("title") or page.title or first_line[:120],
        "subject_region": args.get("subject") or subject_region(page.text, cat.regions),
        "unknown_zh": unknown_zh, "unknown_en": unknown_en, "status": "pending", "original": original,
    }


# --- Writing -------------------------------------------------------------------------------------------------

def register_bytes(register: Path, row: dict) -> bytes:
    old = register.read_bytes()
    if old and not old.endswith(b"\n"):
        old += b"\n"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([row[c] for c in catalog.COLUMNS["sources"]])
    return old + out.getvalue().encode("utf-8")


def check_args(args: dict, cat: catalog.Catalog, name: str) -> None:
    if args.get("date") and not DATE.match(args["date"]):
        raise AddError(f"{name}: --date {args['date']!r} is not YYYY-MM-DD")
    if args.get("date"):
        try:
            dt.date.fromisoformat(args["date"])
        except ValueError as exc:
            raise AddError(f"{name}: --date {args['date']!r}: {exc}") from exc
    if args.get("subject") and args["subject"] not in {r["code"] for r in cat.regions}:
        raise AddError(f"{name}: --subject {args['subject']!r} is not a region code of data/regions.csv")


@lock.locking("add")
def add(path: Path, data_dir: Path = catalog.DATA, **args: str | None) -> dict:
    """Copy and register a page; return its register row. Raises AddError with nothing written. Holds the
    catalogue's lock (etl.core.lock; raises LockBusy when it cannot get it)."""
    path, data_dir = Path(path), Path(data_dir)
    cat = catalog.load(data_dir)
    check_args(args, cat, str(path))
    page = read_page(path)
    if doc := registered_as(page, cat):
        raise AddError(f"{path}: already registered as {doc} (same content)")
    doc = next_doc(cat.sources)
    raw_dir = data_dir / "raw"
    number = doc[1:]
    if page.needs_copy:
        body = page.text.encode("utf-8")
        original = f"{number}_{sha256(page.raw)[:16]}{page.suffix}"
        file = f"{number}_{sha256(body)[:16]}.txt"
        writes = [(raw_dir / original, page.raw), (raw_dir / file, body)]
    else:
        original, file = "", f"{number}_{sha256(page.raw)[:16]}.txt"
        writes = [(raw_dir / file, page.raw)]
    row = register_row(doc, page, (file, original), args, cat)
    register = raw_dir / "sources.csv"
    changes = {str(target.relative_to(data_dir)): data for target, data in writes}
    changes["raw/sources.csv"] = register_bytes(register, row)
    files.commit(data_dir, changes)  # the page(s) and the register together, or nothing
    return row

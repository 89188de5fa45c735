"""PDF to lines, with pdfplumber: words grouped into lines by position, two-column pages read
column by column, ruled tables read as tables, larger or bold lines marked as headings,
indentation and the space between lines kept, so the layout reads a PDF as it reads text."""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

from councilgraph.errors import LoaderError
from loaders.document import Place, Table
from loaders.lines import Line
from loaders.text import clean, join_lines

_LIST_NUMBER = re.compile(r"^(?:\d{1,2}|[a-h]|[ivx]{1,4})[.)]?$")
LINE_TOLERANCE = 3.0  # points: words whose tops differ by less are on one line
HEADING_RATIO = 1.15  # a line this much larger than the body text is a heading
COLUMN_SHARE = 0.6  # share of a page's lines that must leave the gutter clear


@dataclass
class _Row:
    """Words on one line of a page."""

    top: float
    bottom: float
    words: list[dict[str, Any]]
    margin: float = 0.0  # the left edge of the column the row is in

    @property
    def x0(self) -> float:
        return min(float(w["x0"]) for w in self.words)

    @property
    def x1(self) -> float:
        return max(float(w["x1"]) for w in self.words)

    def text(self) -> str:
        """The words, a wide gap kept as a tab (table cells); a list number set apart from
        its text ("1    Agree ...") written as a list number ("1. Agree ...")."""
        parts: list[str] = []
        previous: dict[str, Any] | None = None
        for index, word in enumerate(self.words):
            text = str(word["text"])
            if previous is not None:
                gap = float(word["x0"]) - float(previous["x1"])
                if index == 1 and _LIST_NUMBER.match(parts[0]) and gap > 0.6 * float(word["size"]):
                    parts[0] = parts[0].rstrip(".)") + "."
                    parts.append(" ")
                else:
                    parts.append("\t" if gap > 3 * float(word["size"]) else " ")
            parts.append(text)
            previous = word
        return "".join(parts)

    def size(self) -> float:
        return statistics.median(float(w["size"]) for w in self.words)

    def bold(self) -> bool:
        return all("bold" in str(w.get("fontname", "")).lower() for w in self.words)


def pdf_lines(path: Path, data: bytes) -> tuple[list[Line], int]:
    """The lines of a PDF and its page count; LoaderError naming the file if it cannot be read."""
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    if not data.startswith(b"%PDF-"):
        raise LoaderError(path, "byte 0", "is not a PDF (no %PDF- header)", hint="is it mis-named?")
    try:
        with pdfplumber.open(BytesIO(data)) as pdf:
            pages = [_page(page) for page in pdf.pages]
    except (PdfminerException, PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        raise LoaderError(path, "", f"cannot read PDF: {exc}") from exc
    body = _body_size(pages)
    lines: list[Line] = []
    number = 0
    for page_number, (rows, tables) in enumerate(pages, start=1):
        for item in _ordered(rows, tables):
            number += 1
            place = Place(number, page_number)
            if isinstance(item, list):
                lines.append(_table_line(item, place))
            elif item is None:
                lines.append(Line("", place))
            else:
                lines.append(_line(item, place, body))
    if not any(line.text or line.table for line in lines):
        raise LoaderError(
            path, "", "the PDF has no text layer", hint="run OCR on it first (e.g. ocrmypdf)"
        )
    return _heading_levels(lines), len(pages)


_Item = _Row | list[list[str]] | None  # a line, a table's rows, or a gap between paragraphs


def _page(page: Any) -> tuple[list[_Row], list[tuple[float, list[list[str]]]]]:
    """A page's lines (outside tables) and its tables with their tops."""
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]

    def outside(obj: dict[str, Any]) -> bool:
        x = (float(obj["x0"]) + float(obj["x1"])) / 2
        y = (float(obj["top"]) + float(obj["bottom"])) / 2
        return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

    words = page.filter(outside).extract_words(extra_attrs=["fontname", "size"])
    found = [
        (float(t.bbox[1]), [[_cell(cell) for cell in row] for row in t.extract()]) for t in tables
    ]
    return _columns(_rows(words), float(page.width)), found


def _cell(text: str | None) -> str:
    """A table cell's text: its wrapped lines joined."""
    joined = ""
    for line in (text or "").splitlines():
        joined = join_lines(joined, clean(line)) if joined else clean(line)
    return joined


def _rows(words: list[dict[str, Any]]) -> list[_Row]:
    rows: list[_Row] = []
    for word in sorted(words, key=lambda w: (round(float(w["top"])), float(w["x0"]))):
        top = float(word["top"])
        row = next((r for r in rows if abs(r.top - top) < LINE_TOLERANCE), None)
        if row is None:
            rows.append(_Row(top, float(word["bottom"]), [word]))
        else:
            row.words.append(word)
            row.bottom = max(row.bottom, float(word["bottom"]))
    for row in rows:
        row.words.sort(key=lambda w: float(w["x0"]))
    return sorted(rows, key=lambda r: r.top)


def _columns(rows: list[_Row], width: float) -> list[_Row]:
    """Rows in reading order: on a two-column page, each run of rows beside a clear gutter
    is read left column first; rows that cross the gutter (titles) stay where they are."""
    gutter = _gutter(rows, width)
    if gutter is None:
        edge = _edge(rows)
        for row in rows:
            row.margin = edge
        return rows
    ordered: list[_Row] = []
    left: list[_Row] = []
    right: list[_Row] = []
    for row in rows:
        if any(float(w["x0"]) < gutter < float(w["x1"]) for w in row.words):
            ordered += left + right + [row]
            left, right = [], []
            continue
        lw = [w for w in row.words if float(w["x1"]) <= gutter]
        rw = [w for w in row.words if float(w["x0"]) >= gutter]
        if lw:
            left.append(_Row(row.top, row.bottom, lw))
        if rw:
            right.append(_Row(row.top, row.bottom, rw))
    ordered += left + right
    edge = _edge(rows)
    right_edge = _edge([r for r in ordered if r.x0 >= gutter]) if ordered else edge
    for row in ordered:
        row.margin = right_edge if row.x0 >= gutter else edge
    return ordered


def _edge(rows: list[_Row]) -> float:
    """The left edge most lines start at."""
    if not rows:
        return 0.0
    return float(Counter(round(r.x0) for r in rows).most_common(1)[0][0])


def _gutter(rows: list[_Row], width: float) -> float | None:
    """An x in the middle of the page that no line of text crosses, with text on both sides
    of it on a good share of the lines: the gap between two columns."""
    if len(rows) < 6:
        return None
    for x in sorted(
        range(int(width * 0.35), int(width * 0.65), 4), key=lambda v: abs(v - width / 2)
    ):
        crossing = sum(1 for r in rows if any(float(w["x0"]) < x < float(w["x1"]) for w in r.words))
        left = sum(1 for r in rows if r.x0 < x - 20)
        right = sum(1 for r in rows if r.x1 > x + 20 and any(float(w["x0"]) > x for w in r.words))
        if crossing <= 0.12 * len(rows) and min(left, right) >= 4:
            return float(x)
    return None


def _ordered(rows: list[_Row], tables: list[tuple[float, list[list[str]]]]) -> list[_Item]:
    """Rows and tables by position, with a gap marked where the space between two lines is
    wider than between the lines of a paragraph."""
    heights = [r.bottom - r.top for r in rows] or [10.0]
    usual = statistics.median(heights)
    items: list[tuple[float, _Item]] = [(t, rows_) for t, rows_ in tables]
    previous: _Row | None = None
    for row in rows:
        if previous is not None and (
            row.top - previous.bottom > 0.8 * usual or row.top < previous.top
        ):
            items.append((row.top - 0.01, None))
        items.append((row.top, row))
        previous = row
    tables_first = sorted(items, key=lambda pair: pair[0]) if tables else items
    return [item for _, item in tables_first]


def _line(row: _Row, place: Place, body: float) -> Line:
    raw = row.text()
    size = row.size()
    indent = max(0, round((row.x0 - row.margin) / max(body * 0.5, 1.0)))
    return Line(
        clean(raw.replace("\t", "  ")),
        place,
        raw=raw,
        indent=indent,
        heading=None if size < HEADING_RATIO * body else -round(size * 10),
        strong=row.bold() and len(raw.split()) <= 14,
    )


def _table_line(rows: list[list[str]], place: Place) -> Line:
    from loaders.layout_tables import is_header

    width = max((len(r) for r in rows), default=0)
    rows = [r + [""] * (width - len(r)) for r in rows if any(r)]
    header = tuple(rows[0]) if rows and is_header(rows[0]) else None
    body = rows[1:] if header else rows
    table = Table(tuple(tuple(r) for r in body), place, header, tuple(place for _ in body))
    return Line("", place, table=table)


def _body_size(pages: list[tuple[list[_Row], Any]]) -> float:
    sizes: Counter[float] = Counter()
    for rows, _ in pages:
        for row in rows:
            for word in row.words:
                sizes[round(float(word["size"]), 1)] += len(str(word["text"]))
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _heading_levels(lines: list[Line]) -> list[Line]:
    """Font sizes of heading lines to levels (the largest size is level 1); a heading that
    wraps onto a second line of the same size is one heading."""
    sizes = sorted({-line.heading for line in lines if line.heading}, reverse=True)
    level = {size: index + 1 for index, size in enumerate(sizes[:4])}
    out: list[Line] = []
    for line in lines:
        if line.heading:
            previous = out[-1] if out else None
            if (
                previous is not None
                and previous.heading == line.heading
                and previous.place.page == line.place.page
            ):
                text = join_lines(previous.text, line.text)
                out[-1] = Line(
                    text, previous.place, raw=text, heading=line.heading, strong=line.strong
                )
                continue
            line = Line(
                line.text,
                line.place,
                raw=line.raw,
                indent=line.indent,
                heading=line.heading,
                strong=line.strong,
            )
        out.append(line)
    return [
        Line(
            x.text,
            x.place,
            raw=x.raw,
            indent=x.indent,
            heading=level.get(-x.heading, 4),
            strong=x.strong,
        )
        if x.heading
        else x
        for x in out
    ]

"""Word (.docx) to lines, with python-docx: heading styles give heading levels, list styles
and numbering give list items and their depth (numbers Word adds itself are written in),
bold paragraphs are marked, and tables become tables (a merged cell is kept once)."""

from __future__ import annotations

import re
from collections import defaultdict
from io import BytesIO
from pathlib import Path
from typing import Any

from councilgraph.errors import LoaderError
from loaders.document import Place, Table
from loaders.lines import Line
from loaders.text import clean

_HEADING_STYLE = re.compile(r"^(?:heading|titre|überschrift)\s*(?P<level>\d)$", re.IGNORECASE)
_LIST_STYLE = re.compile(
    r"^list\s*(?P<kind>bullet|number|paragraph|continue)?\s*(?P<level>\d)?$", re.I
)


def docx_lines(path: Path, data: bytes) -> list[Line]:
    """The lines of a Word document, one per paragraph, tables as tables."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.oxml.ns import qn
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph as DocxParagraph

    try:
        document = docx.Document(BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise LoaderError(path, "", f"cannot read Word document: {exc}") from exc
    lines: list[Line] = []
    counters: dict[tuple[str, int], int] = defaultdict(int)
    for number, child in enumerate(document.element.body.iterchildren(), start=1):
        place = Place(number, None, "paragraph")
        if child.tag == qn("w:p"):
            lines.append(_paragraph(DocxParagraph(child, document), place, counters))
        elif child.tag == qn("w:tbl"):
            lines.append(Line("", place, table=_table(DocxTable(child, document), place)))
    return lines


def _paragraph(para: Any, place: Place, counters: dict[tuple[str, int], int]) -> Line:
    text = clean(para.text.replace("\t", " "))
    style = para.style.name if para.style is not None else ""
    if not text:
        return Line("", place)
    heading = _HEADING_STYLE.match(style)
    if heading or style.lower() == "title":
        return Line(text, place, raw=text, heading=int(heading["level"]) if heading else 1)
    level, numbered, list_id = _list_info(para, style)
    if level is not None:
        if numbered and not re.match(r"^\(?\w{1,4}[.)]\s", text):
            for key in [k for k in counters if k[0] == list_id and k[1] > level]:
                del counters[key]
            counters[(list_id, level)] += 1
            text = f"{counters[(list_id, level)]}. {text}"
        return Line(text, place, raw=text, indent=level * 4, list_level=level)
    strong = bool(para.runs) and all(run.bold for run in para.runs if run.text.strip())
    return Line(text, place, raw=text, strong=strong)


def _list_info(para: Any, style: str) -> tuple[int | None, bool, str]:
    """(depth, numbered, list id) of a list paragraph, or (None, False, "")."""
    ppr = para._p.pPr
    num = ppr.numPr if ppr is not None else None
    found = _LIST_STYLE.match(style)
    if num is None and found is None:
        return None, False, ""
    level = 0
    if num is not None and num.ilvl is not None:
        level = int(num.ilvl.val)
    elif found is not None and found["level"]:
        level = int(found["level"]) - 1
    numbered = bool(found and (found["kind"] or "").lower() == "number")
    list_id = str(num.numId.val) if num is not None and num.numId is not None else style
    return level, numbered, list_id


def _table(table: Any, place: Place) -> Table:
    from loaders.layout_tables import is_header

    rows: list[list[str]] = []
    above: list[Any] = []
    for row in table.rows:
        cells: list[str] = []
        seen: list[Any] = []
        for column, cell in enumerate(row.cells):
            merged_across = bool(seen) and cell._tc is seen[-1]
            merged_down = column < len(above) and above[column] is cell._tc
            cells.append("" if merged_across or merged_down else clean(cell.text))
            seen.append(cell._tc)
        above = seen
        rows.append(cells)
    header = tuple(rows[0]) if rows and is_header(rows[0]) else None
    body = rows[1:] if header else rows
    return Table(tuple(tuple(r) for r in body), place, header, tuple(place for _ in body))

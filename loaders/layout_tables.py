"""Tables written as text: pipe tables (Markdown), tab-separated rows, and columns aligned with
runs of spaces (pdftotext -layout, plain-text committee papers). Private to `loaders.layout`."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from loaders.document import Place, Table
from loaders.text import clean

if TYPE_CHECKING:
    from loaders.lines import Line

_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
GRID_BORDER = re.compile(r"^\+(?:[-=:]+\+)+$")
_GAP = re.compile(r"\S(?: ?\S)*")  # a cell: words parted by single spaces
# Words table headers are made of, in every genre: a row of only these is a header.
HEADER_WORDS = set(
    """name names role roles post position title organisation organization council authority
    peer peers team member members no number ref reference recommendation recommendations action
    actions lead leads officer owner responsible timescale timescales deadline date dates due by
    status rag progress update updates comment comments theme area areas policy portfolio
    commentary outcome outcomes measure measures of success target completion priority priorities
    key milestone milestones evidence and the to for rating""".split()
)


def _pipe_cells(text: str) -> list[str]:
    return [clean(cell) for cell in text.strip().strip("|").split("|")]


def _tab_cells(raw: str) -> list[str]:
    """Cells of a tab-separated row; a row that starts with a tab has its first cell empty
    (a value wrapped under the column above, or a merged cell)."""
    text = raw.rstrip()
    text = text.lstrip(" ") if text.lstrip(" ").startswith("\t") else text.strip()
    return [clean(cell) for cell in text.split("\t")]


def _aligned(raw: str) -> list[tuple[int, str]]:
    """Cells parted by two or more spaces, with the column each starts at."""
    return [(m.start(), clean(m.group())) for m in _GAP.finditer(raw.rstrip())]


def is_table_row(raw: str) -> bool:
    text = raw.strip()
    if GRID_BORDER.match(text):
        return True
    if text.count("|") >= 2 or (text.startswith("|") and text.count("|") >= 1):
        return True
    return len([c for c in _tab_cells(raw) if c]) >= 2


def is_header(cells: list[str]) -> bool:
    filled = [c for c in cells if c]
    if len(filled) < 2:
        return False
    plain = [set(re.findall(r"[a-z]+", c.lower().replace("/", " "))) for c in filled]
    return sum(1 for words in plain if words and words <= HEADER_WORDS) * 2 >= len(filled) + 1


def read_table(lines: list[Line], start: int) -> tuple[Table, int] | None:
    """The table whose first row is `lines[start]`, and the index after it; None when the
    rows there are not a table after all (a single tab-separated line)."""
    first = lines[start]
    raw = first.raw or first.text
    if GRID_BORDER.match(raw.strip()):
        return _read_grid(lines, start)
    if "|" in raw:
        return _read(lines, start, lambda line: "|" in (line.raw or line.text), _pipe_cells)
    if "\t" in raw:
        return _read(lines, start, lambda line: "\t" in line.raw, _tab_cells)
    return None


def _read_grid(lines: list[Line], start: int) -> tuple[Table, int] | None:
    """A grid table (`+----+----+` borders, `|` cells): a row's cells may wrap over several
    lines up to the next border, and a `+====+` border closes the header."""
    rows: list[list[str]] = []
    places: list[Place] = []
    header: list[str] | None = None
    parts: list[list[str]] = []  # the row being read: each column's lines
    place = lines[start].place
    at = start
    while at < len(lines):
        text = (lines[at].raw or lines[at].text).strip()
        if GRID_BORDER.match(text):
            if parts:
                cells = [clean(" ".join(column)) for column in parts]
                if "=" in text and header is None and not rows:
                    header = cells
                else:
                    rows.append(cells)
                    places.append(place)
            parts = []
        elif text.startswith("|"):
            cells = _pipe_cells(text)
            if not parts:
                parts, place = [[] for _ in cells], lines[at].place
            parts += [[] for _ in range(len(cells) - len(parts))]
            for column, cell in enumerate(cells):
                parts[column].append(cell)
        else:
            break
        at += 1
    if not rows:
        return None
    width = max(len(row) for row in rows + ([header] if header else []))
    body = tuple(tuple(row + [""] * (width - len(row))) for row in rows)
    head = tuple(header + [""] * (width - len(header))) if header else None
    return Table(body, lines[start].place, head, tuple(places)), at


def _read(
    lines: list[Line], start: int, in_table: object, split: object
) -> tuple[Table, int] | None:
    rows: list[list[str]] = []
    places: list[Place] = []
    header: list[str] | None = None
    at = start
    while at < len(lines):
        line = lines[at]
        if line.blank or not in_table(line):  # type: ignore[operator]
            break
        raw = line.raw or line.text
        if _SEPARATOR.match(raw.strip()):
            if rows and header is None and len(rows) == 1:
                header = rows.pop()
                places.pop()
            at += 1
            continue
        rows.append(split(raw))  # type: ignore[operator]
        places.append(line.place)
        at += 1
    if len(rows) + (header is not None) < 2:
        return None
    if header is None and is_header(rows[0]):
        header = rows.pop(0)
        places.pop(0)
    if all(row and not row[0] for row in rows + ([header] if header else [])):
        rows = [row[1:] for row in rows]  # the whole table indented by a tab
        header = header[1:] if header else None
    width = max(len(row) for row in rows + ([header] if header else []))
    body = tuple(tuple(row + [""] * (width - len(row))) for row in rows)
    return (
        Table(body, lines[start].place, tuple(header) if header else None, tuple(places)),
        at,
    )


def _goes_on(text: str) -> bool:
    """A first-column cell that carries on the one above: "(Con)" under a councillor's name,
    a lower-case word."""
    return text[:1] == "(" or text[:1].islower()


def aligned_table(lines: list[Line], start: int) -> tuple[Table, int] | None:
    """Rows whose cells line up in columns (two or more spaces apart), at least three rows of
    at least two cells; a row with fewer cells whose cells sit under the columns above carries
    wrapped cell text, joined to the row above."""
    columns: list[int] | None = None
    rows: list[list[str]] = []
    places: list[Place] = []
    at = start
    while at < len(lines) and not lines[at].blank:
        cells = _aligned(lines[at].raw)
        starts = [s for s, _ in cells]
        if columns is None:
            if len(cells) < 2:
                return None
            columns = starts
        full = len(cells) == len(columns) and all(
            abs(a - b) <= 2 for a, b in zip(starts, columns, strict=True)
        )
        if full and not (rows and _goes_on(cells[0][1])):
            rows.append([c for _, c in cells])
            places.append(lines[at].place)
        elif (
            rows
            and all(any(abs(s - c) <= 2 for c in columns) for s in starts)
            and (starts[0] > columns[0] + 2 or _goes_on(cells[0][1]))
        ):
            for s, text in cells:
                column = min(range(len(columns)), key=lambda i: abs(columns[i] - s))
                rows[-1][column] = f"{rows[-1][column]} {text}".strip()
        else:
            break
        at += 1
    if len(rows) < 3:
        return None
    header = rows.pop(0) if is_header(rows[0]) else None
    if header is not None:
        places.pop(0)
    return Table(
        tuple(tuple(r) for r in rows),
        lines[start].place,
        tuple(header) if header else None,
        tuple(places),
    ), at

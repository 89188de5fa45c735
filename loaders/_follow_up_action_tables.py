"""Action plans as tables, found by their headers in any column order (recommendation,
action, lead, timescale, status, RAG, progress) or, for a status column with a header of its
own making, by its cells. A blank or merged recommendation cell carries on the
recommendation above; a row with only its action cell, in lower case, carries on the action
above; a row naming a recommendation across the table ("Recommendation 2: ...") heads the
rows under it.

Private to `loaders.follow_up_report`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from loaders._follow_up_action_values import (
    RAG,
    STATUS_CELL,
    Found,
    RecAt,
    due,
    rec_line,
    status,
)
from loaders.document import Document, Place, Table
from loaders.passages import provenance
from loaders.records import Action, ChallengeRef

_COLUMNS = (
    ("number", r"^(?:no\.?|ref\.?|#|number|rec\.?|rec(?:ommendation)?\s*(?:no\.?|number|ref\.?))$"),
    ("rag", r"\brag\b|\brating\b|red.{0,3}amber.{0,3}green"),
    ("status", r"^(?:current\s+|overall\s+)?status\b|progress status"),
    ("due", r"timescale|target|deadline|\bdue\b|^by\b|completion|\bdates?\b|\bwhen\b|timing"),
    ("lead", r"\blead|owner|responsib|officer|\bwho\b|accountable"),
    ("action", r"action|response|what (?:we|the council) will do|activit|measures?|task"),
    ("recommendation", r"recommendation|finding|area for|^areas?$|^issue"),
    ("progress", r"progress|update|comment|note|evidence"),
)
_REC_CELL = re.compile(
    r"^(?:(?P<r>R)(?=\d)|(?:Recommendation|Rec\.?)\s*)?(?P<n>\d{1,2}[a-z]?)[.):]?(?:\s+|$)(?P<text>.*)$",
    re.IGNORECASE | re.S,
)


def _rec_cell(text: str) -> tuple[str | None, str | None]:
    """ "1. Develop a clear vision" -> ("1", "Develop a clear vision"); "R1 Set out" -> ("R1",
    "Set out"); "3" -> ("3", None); text without a number -> (None, text)."""
    found = _REC_CELL.match(text.strip())
    if found:
        number = ("R" if found["r"] else "") + found["n"]
        return number, found["text"].strip() or None
    return None, text.strip() or None


def _roles(header: tuple[str, ...]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for column, name in enumerate(header):
        label = re.sub(r"\s+", " ", name.strip().lower())
        for role, pattern in _COLUMNS:
            if label and re.search(pattern, label) and role not in roles:
                roles[role] = column
                break
    return roles


def _status_columns(roles: dict[str, int], rows: list[tuple[str, ...]]) -> dict[str, int]:
    """A column whose header says nothing known ("Where we are") but whose every cell is a
    status ("On track", "Done") or a RAG colour is the status (or RAG) column."""
    found = dict(roles)
    width = max((len(row) for row in rows), default=0)
    for column in range(width):
        if column in found.values():
            continue
        cells = [row[column].strip().rstrip(".") for row in rows if column < len(row)]
        filled = [cell for cell in cells if cell]
        if not filled or not all(STATUS_CELL.fullmatch(cell) for cell in filled):
            continue
        role = "rag" if all(cell.lower() in RAG for cell in filled) else "status"
        found.setdefault(role, column)
    return found


def _is_action_table(roles: dict[str, int]) -> bool:
    return "action" in roles and bool(
        roles.keys() & {"recommendation", "number", "status", "rag", "lead", "due"}
    )


def table_actions(document: Document, challenge: ChallengeRef) -> Iterator[Found]:
    for index, block in enumerate(document.blocks):
        if not isinstance(block, Table):
            continue
        header, rows, offset = block.header, list(block.rows), 0
        if header is None and rows:
            header, rows, offset = rows[0], rows[1:], 1
        roles = _status_columns(_roles(header or ()), rows)
        if not _is_action_table(roles):
            continue
        where = table_where(document, index)
        found = [
            _Row(row, roles, block.row_place(at + offset), f"{where}, row {at + 1}")
            for at, row in enumerate(rows)
        ]
        yield from _rows(
            document, index, found, challenge, _heading_recommendation(document, index)
        )


@dataclass(frozen=True)
class _Row:
    """One row of an action table, its cells by role."""

    cells: tuple[str, ...]
    roles: dict[str, int]
    place: Place
    where: str  # "'Appendix 2 - Action plan', row 3"

    def cell(self, role: str) -> str:
        column = self.roles.get(role)
        return self.cells[column].strip() if column is not None and column < len(self.cells) else ""

    def own(self) -> bool:
        """Whether the row gives anything of its own beyond the action's words."""
        return any(self.cell(role) for role in ("lead", "due", "status", "rag"))

    def recommendation(self) -> tuple[str | None, str | None, str | None]:
        """(number, words) of the recommendation the row names, and the action's own
        reference where the number column holds one ("1.1")."""
        number, words = (
            _rec_cell(self.cell("recommendation")) if self.cell("recommendation") else (None, None)
        )
        reference = self.cell("number")
        if re.fullmatch(r"\d{1,2}\.\d{1,2}", reference):
            return number, words, reference
        if reference:
            number = _rec_cell(reference)[0] or reference.rstrip(".")
        return number, words, None

    def action(self, document: Document, challenge: ChallengeRef, current: RecAt | None) -> Action:
        rag = status(self.cell("rag")) if self.cell("rag").lower().strip(". ") in RAG else None
        _, _, reference = self.recommendation()
        return Action(
            text=self.cell("action"),
            provenance=provenance(document, self.place, self.where),
            responds_to=challenge,
            status=status(self.cell("status")) if self.cell("status") else rag,
            lead=self.cell("lead") or None,
            due=due(self.cell("due")) if self.cell("due") else None,
            rag=rag,
            number=reference,
            context=current.text if current else None,
        )


def _rows(
    document: Document,
    index: int,
    rows: list[_Row],
    challenge: ChallengeRef,
    current: RecAt | None,
) -> Iterator[Found]:
    last: Found | None = None
    for row in rows:
        text = row.cell("action")
        heading = rec_line(text, row.place, index) if not row.own() else None
        if heading is not None:  # "Recommendation 2: ..." across the table
            current = replace(heading, where=row.where)
            text = ""
        number, words, _ = row.recommendation()
        if number or words:
            current = RecAt(number, words, row.place, index, row.where)
        elif text and last is not None and not row.own() and text[:1].islower():
            joined = f"{last.action.text} {text}"  # a wrapped row: the action above goes on
            last = Found(replace(last.action, text=joined), last.recommendation)
            continue
        if not text:
            continue
        if last is not None:
            yield last
        last = Found(row.action(document, challenge, current), current)
    if last is not None:
        yield last


def table_where(document: Document, index: int) -> str:
    """Where a table is: the appendix it is in ("'Appendix 2 - Action plan'"), else its
    section."""
    around = document.enclosing(index)
    if around and re.match(r"(?:appendix|annex)\b", around[-1].text, re.IGNORECASE):
        return around[-1].label()
    return document.section_label(index)


def _heading_recommendation(document: Document, index: int) -> RecAt | None:
    """The "Recommendation N – ..." heading a table sits under, if any."""
    for heading in reversed(document.enclosing(index)):
        found = rec_line(heading.text, heading.place, document.blocks.index(heading))
        if found:
            return replace(found, where=heading.label())
    return None


__all__ = ["table_actions", "table_where"]

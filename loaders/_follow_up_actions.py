"""Actions wherever a council paper puts them: action-plan tables found by their headers, in
any column order (recommendation, action, lead, timescale, status, RAG, progress), where a
blank or merged recommendation cell carries on the recommendation above; numbered paragraphs
or bullets under each "Recommendation N" line or heading, ending "Lead: ... Due: ... Status:
..."; appendix lists of "– action (Lead; due) – Status"; and "[action N]" / "Action N:" lines.
Each action keeps the recommendation it sits under, its status as the paper states it, its
lead and its due date.

Private to `loaders.follow_up_report`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

from loaders._follow_up_passages import Said, continued, said, where
from loaders.cover_sheet import labels_in
from loaders.dates import Month, When, parse_period
from loaders.document import Document, Heading, Place, Table
from loaders.passages import provenance
from loaders.records import Action, ChallengeRef

# Header words of each column, checked in this order (a "Lead officer" is no action column,
# a "Progress update" no date).
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
_REC_LINE = re.compile(  # "Recommendation 3: ...", "Rec 3 - ...", "R3. ..."
    r"^(?:Recommendation\s+|Rec\.?\s*|(?P<r>R))(?P<n>\d{1,2}[a-z]?)\s*(?:[:.)–—-]\s*"
    r"(?P<text>.*))?$",
    re.IGNORECASE,
)
_FIELD = re.compile(
    r"(?:^|(?<=[\s\[(]))(?P<label>Lead(?:\s+officer)?|Owner|Responsible(?:\s+officer)?|"
    r"Due(?:\s+date)?|Target(?:\s+date)?|Deadline|Timescale|By(?:\s+when)?|"
    r"Completion(?:\s+date)?|Status|RAG(?:\s+status|\s+rating)?)\s*:\s*",
)
_BRACKETED = re.compile(
    r"\s*[\[(]([^\[\]()]*\b(?:Owner|Lead|Status|Deadline|Due)\s*:[^\[\]()]*)[\])]"
)
_FIELD_KEY = {
    "lead": "lead",
    "owner": "lead",
    "responsible": "lead",
    "due": "due",
    "target": "due",
    "deadline": "due",
    "timescale": "due",
    "by": "due",
    "completion": "due",
    "status": "status",
    "rag": "rag",
}
_STATUS_WORDS = (
    r"complete[d]?|done|on track|in progress|not (?:yet )?started|delayed|behind(?: schedule)?|"
    r"at risk|ongoing|overdue|closed|achieved|partially complete|superseded|cancelled|"
    r"red|amber|green"
)
_STATUS_CELL = re.compile(rf"(?:{_STATUS_WORDS})", re.IGNORECASE)
_TAIL_STATUS = re.compile(rf"\s+[–—-]\s+(?P<status>{_STATUS_WORDS})\.?$", re.IGNORECASE)
_TAIL_LEAD = re.compile(r"\s*\((?P<lead>[^()]*?)(?:;\s*(?P<due>[^();]+))?\)\s*$")
_PAGE = re.compile(r"\((?P<page>p+\.?\s?\d+(?:\s?[-–]\s?\d+)?|page \d+)\)\s*\.?", re.IGNORECASE)
_TOPIC = re.compile(r"^(?P<topic>[A-Z][^'\"–—]{1,40}?)\s+[–—-]\s+(?P<rest>['\"].*)$", re.S)
_RAG = {"red", "amber", "green"}


@dataclass(frozen=True)
class RecAt:
    """The recommendation an action sits under, as the paper restates it."""

    number: str | None
    text: str | None
    place: Place
    index: int
    where: str


@dataclass(frozen=True)
class Found:
    """An action and the recommendation it answers (None: the challenge as a whole)."""

    action: Action
    recommendation: RecAt | None


def actions(document: Document, challenge: ChallengeRef) -> list[Found]:
    """Every action in the paper, in document order."""
    found = list(_table_actions(document, challenge)) + list(_passage_actions(document, challenge))
    return sorted(
        found, key=lambda f: (f.action.provenance.line or 0, f.action.provenance.page or 0)
    )


# ---- values


def status(text: str) -> str | None:
    """A status as the paper states it, in lower case ("Completed" -> "complete")."""
    value = re.sub(r"\s+", " ", text.strip().rstrip(".").lower())
    value = {"completed": "complete", "not yet started": "not started", "on-track": "on track"}.get(
        value, value
    )
    return value or None


def due(text: str) -> When | None:
    """A due date at the precision printed: "30 April 2019", "31/03/2023" (days), "June 2019",
    "Mar 2023" (months); None for "Ongoing" or a financial year."""
    text = text.strip()
    slashed = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if slashed:
        try:
            return date(int(slashed[3]), int(slashed[2]), int(slashed[1]))
        except ValueError:
            return None
    period = parse_period(text)
    if period is None:
        return None
    return period[0] if isinstance(period[0], date | Month) else None


def _rec_cell(text: str) -> tuple[str | None, str | None]:
    """ "1. Develop a clear vision" -> ("1", "Develop a clear vision"); "R1 Set out" -> ("R1",
    "Set out"); "3" -> ("3", None); text without a number -> (None, text)."""
    found = _REC_CELL.match(text.strip())
    if found:
        number = ("R" if found["r"] else "") + found["n"]
        return number, found["text"].strip() or None
    return None, text.strip() or None


# ---- tables


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
        if not filled or not all(_STATUS_CELL.fullmatch(cell) for cell in filled):
            continue
        role = "rag" if all(cell.lower() in _RAG for cell in filled) else "status"
        found.setdefault(role, column)
    return found


def _is_action_table(roles: dict[str, int]) -> bool:
    return "action" in roles and bool(
        roles.keys() & {"recommendation", "number", "status", "rag", "lead", "due"}
    )


def _table_actions(document: Document, challenge: ChallengeRef) -> Iterator[Found]:
    for index, block in enumerate(document.blocks):
        if not isinstance(block, Table):
            continue
        header, rows, offset = block.header, list(block.rows), 0
        if header is None and rows:
            header, rows, offset = rows[0], rows[1:], 1
        roles = _status_columns(_roles(header or ()), rows)
        if not _is_action_table(roles):
            continue
        context = _heading_recommendation(document, index)
        yield from _rows(document, index, block, rows, offset, roles, challenge, context)


def _rows(
    document: Document,
    index: int,
    table: Table,
    rows: list[tuple[str, ...]],
    offset: int,
    roles: dict[str, int],
    challenge: ChallengeRef,
    current: RecAt | None,
) -> Iterator[Found]:
    last: Found | None = None
    for number, row in enumerate(rows):

        def cell(role: str, row: tuple[str, ...] = row) -> str:
            column = roles.get(role)
            return row[column].strip() if column is not None and column < len(row) else ""

        place = table.row_place(number + offset)
        rec_number, rec_text = (
            _rec_cell(cell("recommendation"))
            if cell("recommendation")
            else (
                None,
                None,
            )
        )
        own_number = None
        if re.fullmatch(r"\d{1,2}\.\d{1,2}", cell("number")):
            own_number = cell("number")  # "1.1": the action's own reference
        elif cell("number"):
            rec_number = _rec_cell(cell("number"))[0] or cell("number").rstrip(".")
        text = cell("action")
        own = [cell(r) for r in ("lead", "due", "status", "rag")]
        heading_row = rec_line(text, place, index) if not any(own) else None
        if heading_row is not None:  # "Recommendation 2: ..." across the table
            if last is not None:
                yield last
                last = None
            current = replace(
                heading_row, where=f"{table_where(document, index)}, row {number + 1}"
            )
            continue
        if rec_number or rec_text:
            where_ = f"{table_where(document, index)}, row {number + 1}"
            current = RecAt(rec_number, rec_text, place, index, where_)
        elif text and last is not None and not any(own) and text[:1].islower():
            # a wrapped row: the action above goes on
            joined = f"{last.action.text} {text}"
            last = Found(replace(last.action, text=joined), last.recommendation)
            continue
        if not text:
            continue
        if last is not None:
            yield last
        rag = status(cell("rag")) if cell("rag").lower().strip(". ") in _RAG else None
        where_ = f"{table_where(document, index)}, row {number + 1}"
        action = Action(
            text=text,
            provenance=provenance(document, place, where_),
            responds_to=challenge,
            status=status(cell("status")) if cell("status") else rag,
            lead=cell("lead") or None,
            due=due(cell("due")) if cell("due") else None,
            rag=rag,
            number=own_number,
            context=current.text if current else None,
        )
        last = Found(action, current)
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


def rec_line(text: str, place: Place, index: int, where_: str = "") -> RecAt | None:
    """A line naming the recommendation what follows answers: "Recommendation 3: words",
    "R3. words" (the number as printed)."""
    found = _REC_LINE.match(text.strip())
    if found is None or len(text.split()) > 40 or _FIELD.search(text):
        return None
    number = ("R" if found["r"] else "") + found["n"]
    words = (found["text"] or "").strip() or None
    return RecAt(number, words, place, index, where_ or f"recommendation {number}")


# ---- paragraphs, items and lines


def _passage_actions(document: Document, challenge: ChallengeRef) -> Iterator[Found]:
    """Actions written as text, under the recommendation line or heading before them."""
    current: RecAt | None = None
    after_label = False
    last: Found | None = None
    passages = list(said(document))
    used: set[int] = set()
    for position, passage in enumerate(passages):
        heading = _heading_between(document, passages, position)
        if heading is not None:
            at = document.blocks.index(heading)
            current = rec_line(heading.text, heading.place, at, heading.label())
            after_label = False
        if passage.kind == "paragraph" and (line := rec_line(passage.text, passage.place, 0)):
            current = replace(line, index=passage.index, where=where(document, passage))
            after_label = True
            continue
        if passage.kind == "label" and passage.marker:
            current = RecAt(
                passage.marker,
                passage.text or None,
                passage.place,
                passage.index,
                where(document, passage, f"recommendation {passage.marker}"),
            )
            after_label = True
            continue
        if passage.index in used and passage.item is None:
            continue
        if last is not None and passage.kind == "paragraph" and _FIELD.match(passage.text):
            last = _with_fields(last, passage.text)  # "Status: On track." cut off by the layout
            continue
        action = _passage_action(document, passage, challenge, current, after_label, used)
        if action is None:
            if passage.kind == "paragraph":
                after_label = False
            continue
        if last is not None:
            yield last
        last = Found(action, current if passage.kind != "action" or current else None)
    if last is not None:
        yield last


def _heading_between(document: Document, passages: list[Said], position: int) -> Heading | None:
    """The last heading between the previous passage and this one."""
    start = passages[position - 1].index + 1 if position else 0
    found = None
    for block in document.blocks[start : passages[position].index]:
        if isinstance(block, Heading):
            found = block
    return found


def _passage_action(
    document: Document,
    passage: Said,
    challenge: ChallengeRef,
    current: RecAt | None,
    after_label: bool,
    used: set[int],
) -> Action | None:
    text = passage.body
    labelled = re.match(r"^Action\s*:\s*", text, re.IGNORECASE)
    if passage.kind == "action":
        return _numbered_action(document, passage, challenge)
    if current is None:
        return None
    fields_at = _FIELD.search(text)
    bullet = after_label and passage.kind == "bullet"
    if not (labelled or fields_at or bullet):
        return None
    if passage.kind == "paragraph" or text.endswith(":"):
        joined, last = continued(document, passage, text)
        if last != passage.index:
            used.add(last)
            text = joined
    if labelled:
        text = text[labelled.end() :]
    text, values = _split_fields(text)
    if bullet and not values:
        text, values = _split_tail(text)
    what = f"item {passage.marker}" if passage.marker and not passage.number else ""
    return Action(
        text=text.strip(),
        provenance=provenance(document, passage.place, where(document, passage, what)),
        responds_to=challenge,
        status=status(values["status"]) if values.get("status") else _rag_status(values),
        lead=values.get("lead"),
        due=due(values["due"]) if values.get("due") else None,
        rag=status(values["rag"]) if values.get("rag", "").lower() in _RAG else None,
        number=passage.number,
        context=current.text,
    )


def _rag_status(values: dict[str, str]) -> str | None:
    return status(values["rag"]) if values.get("rag") else None


def _split_fields(text: str) -> tuple[str, dict[str, str]]:
    """ "Text. Lead: X. Due: January 2018. Status: On track." -> ("Text.", {lead, due,
    status})."""
    values: dict[str, str] = {}
    tail = _TAIL_STATUS.search(text)  # "... (Lead: X, by March 2024) – Green"
    if tail and _FIELD.search(text[: tail.start()]):
        values["status"] = tail["status"]
        text = text[: tail.start()]
    # "Text [Owner: X; Deadline: Y; Status: Z]": the fields in brackets, parted by ";"
    text = _BRACKETED.sub(r" \1", text)
    text = re.sub(r",\s+by\s+(?=(?:\d{1,2}\s+)?[A-Z][a-z]+\s+\d{4})", " By: ", text)
    marks = list(_FIELD.finditer(text))
    if not marks:
        return text, values
    # a cover sheet's label after the last field ends it ("Status: done Contact officer: X")
    stops = [m.start() for m in labels_in(text) if m.start() > marks[-1].start()]
    for at, found in enumerate(marks):
        end = marks[at + 1].start() if at + 1 < len(marks) else min(stops, default=len(text))
        key = _FIELD_KEY[found["label"].split()[0].lower()]
        values.setdefault(key, text[found.end() : end].strip().rstrip(".;,").strip())
    return text[: marks[0].start()].strip(), values


def _split_tail(text: str) -> tuple[str, dict[str, str]]:
    """ "Agree X (Lead Post; December 2018) – Complete" -> ("Agree X", {lead, due, status})."""
    values: dict[str, str] = {}
    tail = _TAIL_STATUS.search(text)
    if tail:
        values["status"] = tail["status"]
        text = text[: tail.start()]
    lead = _TAIL_LEAD.search(text)
    if lead:
        values["lead"] = lead["lead"].strip()
        if lead["due"]:
            values["due"] = lead["due"].strip()
        text = text[: lead.start()]
    return text.strip(), values


def _with_fields(found: Found, text: str) -> Found:
    _, values = _split_fields(text)
    action = found.action
    return Found(
        replace(
            action,
            status=action.status or (status(values["status"]) if values.get("status") else None),
            lead=action.lead or values.get("lead"),
            due=action.due or (due(values["due"]) if values.get("due") else None),
        ),
        found.recommendation,
    )


def _numbered_action(document: Document, passage: Said, challenge: ChallengeRef) -> Action:
    """ "[action 1] Topic – 'quoted text' (p10)" and "Action 2: 'text' (p9) Status: ..."."""
    text, _ = continued(document, passage, passage.text.strip())
    text, values = _split_fields(text)
    page = _PAGE.search(text)
    if page:
        text = (text[: page.start()] + text[page.end() :]).strip()
    topic = None
    split = _TOPIC.match(text)
    if split and len(split["topic"].split()) <= 5:
        topic, text = split["topic"].strip(), split["rest"]
    text = text.strip().strip("'\"").strip()
    what = f"action {passage.marker}"
    return Action(
        text=text,
        provenance=provenance(
            document, passage.place, f"{document.section_label(passage.index)}, {what}"
        ),
        responds_to=challenge,
        status=status(values["status"]) if values.get("status") else _rag_status(values),
        rag=status(values["rag"]) if values.get("rag", "").lower() in _RAG else None,
        number=passage.marker,
        page_reference=page["page"].replace(" ", "") if page else None,
        topic=topic,
        lead=values.get("lead"),
        due=due(values["due"]) if values.get("due") else None,
    )


__all__ = ["Found", "RecAt", "actions", "due", "status"]

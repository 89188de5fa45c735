"""A council's own plan (corporate, council, delivery or productivity plan): the council, its
missions or priorities, named programmes, partners, and what it says it has done or will do.

Statements of what the council did or plans become `Action`s with no `responds_to`: a later
graph stage links them to peer challenge recommendations where the texts support it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

from councilgraph.errors import LoaderError
from councilgraph.settings import Settings
from loaders import _council_plan_parts as parts
from loaders._council_plan_actions import actions as plan_actions
from loaders._council_plan_text import Block, blocks, content_lines
from loaders.base import document_record
from loaders.dates import parse_date, parse_month
from loaders.records import Action, Concept, Organisation, OrgRef, Partnership, Provenance, Record
from loaders.source import Line, Source, read_source

GENRE = "council-plan"

_PLAN_TITLE = re.compile(
    r"\b(?:Corporate|Council|Productivity|Delivery|Strategic|Borough|Business|Community|"
    r"Improvement|Transformation|City|County)\s+(?:Plan|Strategy)\b|\bPlan\s+20\d\d\b|"
    r"\b(?:Our|The)\s+[A-Z][\w-]*(?:\s+[A-Z0-9][\w-]*){0,3}\s+Plan\b",
    re.IGNORECASE,
)
_COUNCIL = re.compile(
    r"\b(?:(?:London|Royal)\s+Borough\s+of|City\s+of|Borough\s+of)\s+[A-Z][\w'-]*"
    r"(?:\s+(?:and|upon|on|under)\s+[A-Z][\w'-]*|\s+[A-Z][\w'-]*){0,3}"
    r"|\b[A-Z][\w'-]*(?:\s+(?:and|upon|on|under|with)\s+[A-Z][\w'-]*|\s+[A-Z][\w'-]*){0,4}?\s+"
    r"(?:(?:City|County|Borough|District|Metropolitan\s+Borough|Metropolitan\s+District)\s+)?Council\b"
)
_NOT_COUNCIL_START = re.compile(r"^(?:The|Our|This|A|An|Productivity|Corporate|Delivery|Plan)\s+")
_YEAR = re.compile(r"\b(20\d\d)(?:\s*[-–/]\s*(?:20)?\d\d)?\b")
_DATE_LINE = re.compile(r"^(?:published|date|updated|approved|adopted)\b", re.IGNORECASE)
_OTHER_GENRE = re.compile(
    r"peer challenge|peer review|feedback report|recommendations?:|leaders' committee|"
    r"agenda item|report of the|summary of recommendations",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(
    r"\b(?:we will|we have|we aim|our (?:missions?|priorities|ambitions|vision))\b", re.I
)


def detect(source: Source) -> float:
    """Sure when the opening names a council plan and the text speaks as "we"; unsure otherwise."""
    opening = " ".join(line.text for line in source.nonblank()[:15])
    text = source.text()
    score = 0.0
    if _PLAN_TITLE.search(opening):
        score += 0.55
    elif re.search(r"\bplan\b", opening, re.IGNORECASE):
        score += 0.2
    if _COUNCIL.search(opening):
        score += 0.1
    score += min(len(_FIRST_PERSON.findall(text)), 10) * 0.03
    if re.search(r"\b(?:missions?|priorities|ambitions)\b", text, re.IGNORECASE):
        score += 0.05
    if _OTHER_GENRE.search(opening):
        score -= 0.5
    if len(re.findall(r"peer challenge|peer team|recommendation", text, re.IGNORECASE)) >= 3:
        score -= 0.4  # a report about the council, not the council's own plan
    return max(0.0, min(score, 1.0))


def load(path: Path, *, settings: Settings) -> Iterator[Record]:
    """The plan's document record first, then the council, missions, programmes, partnerships
    and the actions the plan states."""
    source = read_source(path)
    head = _title_block(source)
    council = head.council or _council_from_text(source)
    if council is None:
        raise LoaderError(
            path,
            "opening",
            "no council named in the plan's opening",
            hint="is this a council plan? force another genre with --genre",
        )
    publisher = OrgRef(council, "council")
    record = document_record(
        source, genre=GENRE, title=head.title(council), date=head.date, publisher=publisher
    )
    if head.date_note:
        record = replace(record, provenance=replace(record.provenance, location=head.date_note))
    yield record
    yield Organisation(ref=publisher, provenance=_provenance(source, head.council_line, "opening"))
    found = blocks(source, skip=head.skip)
    missions = parts.missions(found, council)
    for concept in missions:
        yield _with_source(concept, source, owner=publisher)
    programmes = parts.programmes(found, council, [m.label for m, _ in missions], head.plan)
    for concept in programmes:
        yield _with_source(concept, source, owner=publisher)
    for partnership in parts.partnerships(found, council):
        yield _with_source(partnership, source)
    for action in plan_actions(found, council, [p.label for p, _ in programmes]):
        yield _with_source(action, source)


def _provenance(source: Source, line: Line | None, location: str) -> Provenance:
    if line is None:
        return Provenance(document=source.key, location=location)
    return Provenance(document=source.key, location=location, line=line.number, page=line.page)


def _with_source(
    found: tuple[Concept | Partnership | Action, Block], source: Source, owner: OrgRef | None = None
) -> Concept | Partnership | Action:
    """Stamp a record made by `parts` with this document's provenance (and owner)."""
    record, block = found
    provenance = _provenance(source, block.line, record.provenance.location)
    if isinstance(record, Concept):
        return replace(record, provenance=provenance, owner=owner)
    if isinstance(record, Action):
        return replace(record, provenance=provenance, evidence=(source.key,))
    return replace(record, provenance=provenance)


class _Head:
    """What the plan's opening lines say: council, plan title, date."""

    def __init__(self) -> None:
        self.council: str | None = None
        self.council_line: Line | None = None
        self.plan: str | None = None
        self.date: date | None = None
        self.date_note: str | None = None
        self.skip = 0

    def title(self, council: str) -> str:
        plan = self.plan or "Plan"
        if council.casefold() in plan.casefold():
            return plan
        return f"{council} {plan}"


def _title_block(source: Source) -> _Head:
    """Read the opening lines up to the first long line or numbered heading."""
    head = _Head()
    lines = content_lines(source)
    for index, line in enumerate(lines[:40]):
        text = line.text.lstrip("# ").strip()
        if not text:
            continue
        if len(text.split()) > 16 or re.match(r"^\d{1,2}[.)]\s", text) or text.endswith("?"):
            break
        if head.council and head.plan and not _is_date_line(text):
            break
        head.skip = index + 1
        _read_head_line(head, line, text)
    dated = [line for line in lines[: max(head.skip, 1)] if line.text]
    dated += [line for line in lines[head.skip : 80] if _DATE_LINE.match(line.text)]
    _date_from_lines(head, dated)
    return head


def _is_date_line(text: str) -> bool:
    short_date = len(text.split()) <= 5 and bool(parse_date(text) or parse_month(text))
    return short_date or bool(_DATE_LINE.match(text))


def _read_head_line(head: _Head, line: Line, text: str) -> None:
    council = _council_in(text)
    if council and head.council is None:
        head.council, head.council_line = council, line
    plan = _PLAN_TITLE.search(text)
    if plan and head.plan is None:
        head.plan = (
            _YEAR.sub("", text).strip(" -–:,") if council and len(text.split()) > 8 else text
        )
        head.plan = re.sub(r"\s+", " ", head.plan)


def _date_from_lines(head: _Head, lines: list[Line]) -> None:
    """The most precise date the lines give: a day, else a month, else a plan's first year."""
    for line in lines:
        day = parse_date(line.text)
        if day:
            head.date, head.date_note = day, f"whole document; dated {_where(line)}"
            return
    for line in lines:
        month = parse_month(line.text)
        if month:
            head.date = date(month[0], month[1], 1)
            note = f"date given as month only ({line.text.strip()})"
            head.date_note = f"whole document; {note}, {_where(line)}"
            return
    for line in lines:
        year = _YEAR.search(line.text)
        if year and (_DATE_LINE.match(line.text) or _PLAN_TITLE.search(line.text)):
            head.date = date(int(year.group(1)), 1, 1)
            note = f"date given as year only ({year.group(0)})"
            head.date_note = f"whole document; {note}, {_where(line)}"
            return


def _where(line: Line) -> str:
    return f"page {line.page}, line {line.number}" if line.page else f"line {line.number}"


def _council_in(text: str) -> str | None:
    found = _COUNCIL.search(text)
    if not found:
        return None
    name = found.group(0)
    while _NOT_COUNCIL_START.match(name):
        name = _NOT_COUNCIL_START.sub("", name, count=1)
    return name if len(name.split()) >= 2 or name.startswith(("London", "Royal")) else None


def _council_from_text(source: Source) -> str | None:
    """The council the plan names most often, when its opening does not name one."""
    counts: dict[str, int] = {}
    for line in source.nonblank():
        for found in _COUNCIL.finditer(line.text):
            name = _council_in(found.group(0))
            if name:
                counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda name: counts[name]) if counts else None


__all__ = ["GENRE", "detect", "load"]

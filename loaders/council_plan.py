"""Genre: a council's own plan (corporate, council, delivery or productivity plan): the council,
its missions or priorities, named programmes, partners, and what it says it has done or will do.

Reads the `Document`: the opening blocks for the council, title and date (at the precision
printed: a month is kept as its first day, and noted); the plan's sections, bullets and
paragraphs (`_council_plan_sections`) for the rest.

Statements of what the council did or plans become `Action`s with no `responds_to`: a later
graph stage links them to peer challenge recommendations where the texts support it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

from councilgraph.errors import LoaderError
from councilgraph.settings import Settings
from loaders import _council_plan_parts as parts
from loaders._council_plan_actions import actions as plan_actions
from loaders._council_plan_sections import Part, sections
from loaders.base import document_record
from loaders.dates import Month, Year, first_day, parse_period
from loaders.document import Document, Heading, Paragraph, Place, block_text
from loaders.passages import passages, provenance
from loaders.records import Action, Concept, Organisation, OrgRef, Partnership, Record

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


def detect(document: Document) -> float:
    """Sure when the opening names a council plan and the text speaks as "we"; unsure otherwise."""
    opening = " ".join(block_text(block) for block in document.head(15))[:3000]
    text = document.text()
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


def load(document: Document, *, settings: Settings) -> Iterator[Record]:
    """The plan's document record first, then the council, missions, programmes, partnerships
    and the actions the plan states."""
    del settings  # nothing configurable here
    head = _title_block(document)
    council = head.council or _council_from_text(document)
    if council is None:
        raise LoaderError(
            document.path,
            "opening",
            "no council named in the plan's opening",
            hint="is this a council plan? force another genre with --genre",
        )
    publisher = OrgRef(council, "council")
    record = document_record(
        document, genre=GENRE, title=head.title(council), date=head.date, publisher=publisher
    )
    if head.date_note:
        record = replace(record, provenance=replace(record.provenance, location=head.date_note))
    yield record
    where = provenance(document, head.council_place or document.blocks[0].place, "opening")
    yield Organisation(ref=publisher, provenance=where)
    found = sections(document, skip=head.skip)
    missions = parts.missions(found, council)
    for concept in missions:
        yield _with_source(concept, document, owner=publisher)
    programmes = parts.programmes(found, council, [m.label for m, _ in missions], head.plan)
    for concept in programmes:
        yield _with_source(concept, document, owner=publisher)
    for partnership in parts.partnerships(found, council):
        yield _with_source(partnership, document)
    for action in plan_actions(found, council, [p.label for p, _ in programmes]):
        yield _with_source(action, document)


def _with_source(
    found: tuple[Concept | Partnership | Action, Part],
    document: Document,
    owner: OrgRef | None = None,
) -> Concept | Partnership | Action:
    """Stamp a record made by `parts` with this document's provenance (and owner)."""
    record, part = found
    where = provenance(document, part.place, record.provenance.location)
    if isinstance(record, Concept):
        return replace(record, provenance=where, owner=owner)
    if isinstance(record, Action):
        return replace(record, provenance=where, evidence=(document.key,))
    return replace(record, provenance=where)


class _Head:
    """What the plan's opening says: council, plan title, date."""

    def __init__(self) -> None:
        self.council: str | None = None
        self.council_place: Place | None = None
        self.plan: str | None = None
        self.date: date | None = None
        self.date_note: str | None = None
        self.skip = 0

    def title(self, council: str) -> str:
        plan = self.plan or "Plan"
        if council.casefold() in plan.casefold():
            return plan
        return f"{council} {plan}"


def _title_block(document: Document) -> _Head:
    """Read the opening blocks up to the first long one, numbered list or question."""
    head = _Head()
    for index, block in enumerate(document.blocks[:40]):
        if not isinstance(block, Heading | Paragraph) or (
            isinstance(block, Heading) and block.number
        ):
            break  # a list, a table or a numbered section: the plan itself
        text = block.text.strip()
        if len(text.split()) > 16 or text.endswith("?"):
            break
        if head.council and head.plan and not _is_date_line(text):
            break
        head.skip = index + 1
        _read_head_line(head, block.text, block.place)
    dated = [(block_text(b), b.place) for b in document.blocks[: max(head.skip, 1)]]
    dated += [
        (text, b.place)
        for b in document.blocks[head.skip : head.skip + 40]
        if _DATE_LINE.match(text := block_text(b))
    ]
    _date_from_lines(head, dated)
    return head


def _is_date_line(text: str) -> bool:
    period = parse_period(text)
    short_date = len(text.split()) <= 5 and period is not None and not isinstance(period[0], Year)
    return short_date or bool(_DATE_LINE.match(text))


def _read_head_line(head: _Head, text: str, place: Place) -> None:
    council = _council_in(text)
    if council and head.council is None:
        head.council, head.council_place = council, place
    plan = _PLAN_TITLE.search(text)
    if plan and head.plan is None:
        head.plan = (
            _YEAR.sub("", text).strip(" -–:,") if council and len(text.split()) > 8 else text
        )
        head.plan = re.sub(r"\s+", " ", head.plan)


def _date_from_lines(head: _Head, lines: list[tuple[str, Place]]) -> None:
    """The most precise date the opening gives: a day, else a month (its first day, noted),
    else a plan's first year (noted)."""
    periods = [(parse_period(text), text, place) for text, place in lines]
    for period, _, place in periods:
        if period and isinstance(period[0], date):
            head.date, head.date_note = period[0], f"whole document; dated {place}"
            return
    for period, text, place in periods:
        if period and isinstance(period[0], Month):
            head.date = first_day(period[0])
            note = f"date given as month only ({text.strip()})"
            head.date_note = f"whole document; {note}, {place}"
            return
    for _, text, place in periods:
        year = _YEAR.search(text)
        if year and (_DATE_LINE.match(text) or _PLAN_TITLE.search(text)):
            head.date = date(int(year.group(1)), 1, 1)
            note = f"date given as year only ({year.group(0)})"
            head.date_note = f"whole document; {note}, {place}"
            return


def _council_in(text: str) -> str | None:
    found = _COUNCIL.search(text)
    if not found:
        return None
    name = found.group(0)
    while _NOT_COUNCIL_START.match(name):
        name = _NOT_COUNCIL_START.sub("", name, count=1)
    return name if len(name.split()) >= 2 or name.startswith(("London", "Royal")) else None


def _council_from_text(document: Document) -> str | None:
    """The council the plan names most often, when its opening does not name one."""
    counts: dict[str, int] = {}
    for passage in passages(document):
        for found in _COUNCIL.finditer(passage.text):
            name = _council_in(found.group(0))
            if name:
                counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda name: counts[name]) if counts else None


__all__ = ["GENRE", "detect", "load"]

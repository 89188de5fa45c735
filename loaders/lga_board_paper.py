"""Genre: LGA board and Executive papers (Improvement Board, Improvement and Innovation Board,
LGA Executive ...): the meeting, contact officer, boards and who chairs them, offers and
figures, and a council's improvement journey (posts, improvement board, peer challenge).

Reads the `Document`: the blocks above "Purpose of report" and the running head the reader
kept apart (`Document.furniture`) for the meeting, the cover fields (`loaders.cover_sheet`)
for the contact officer, the numbered paragraphs (`loaders.paragraphs`) for the rest; people
and posts are read by `loaders.people_mentions`, a journey by `_improvement_journey`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from councilgraph.settings import Settings
from loaders import _improvement_journey as journey
from loaders import _lga_bodies as bodies
from loaders._lga_bodies import LG_INFORM, LGA, org_for
from loaders.base import document_record, with_organisations
from loaders.cover_sheet import fields, person_and_post
from loaders.dates import parse_period
from loaders.document import Document, Heading, Paragraph, Place, block_text
from loaders.paragraphs import Para, cite, items_of, paragraphs, tidy_item
from loaders.passages import provenance
from loaders.people_mentions import chairs
from loaders.records import (
    Concept,
    Figure,
    Meeting,
    Membership,
    Provenance,
    Record,
)
from loaders.text import slugify

GENRE = "lga-board-paper"

_BODY_LINE = re.compile(
    r"^(?:LGA )?(?P<body>(?:[A-Z][\w,'&]*\s+(?:(?:and|of|for|in)\s+)?){0,6}"
    r"(?:Board|Executive|Committee|Panel))$"
)
_LGA_BOARDS = re.compile(
    r"Improvement and Innovation Board|LGA Executive|Children and Young People Board"
    r"|Community Wellbeing Board|Resources Board|People and Places Board"
    r"|Safer and Stronger Communities Board|LGA Improvement Board"
    r"|Fire Services Management Committee|City Regions Board|Workforce Board"
)


def detect(document: Document) -> float:
    """How sure we are that this is an LGA board or Executive paper."""
    head = "\n".join(block_text(block) for block in document.head(30))
    text = document.text()
    if "londoncouncils.gov.uk" in text or re.search(r"\bItem no:", head, re.IGNORECASE):
        return 0.0
    structure = 0.0
    if re.search(r"^Purpose of (?:the )?report", head, re.IGNORECASE | re.MULTILINE):
        structure += 0.35
    if re.search(r"^Contact officer:", text, re.MULTILINE | re.IGNORECASE) and re.search(
        r"^Position:", text, re.MULTILINE
    ):
        structure += 0.25
    if re.search(r"\b(?:Executive|Board) is (?:asked|invited|recommended) to\b", head):
        structure += 0.1
    lga = 0.0
    if re.search(r"@local\.gov\.uk\b", text):
        lga += 0.15
    if len(re.findall(r"\bLGA\b|Local Government Association", text)) >= 3:
        lga += 0.1
    if _LGA_BOARDS.search(head):
        lga += 0.15
    if re.search(r"Feedback Report|peer team", text, re.IGNORECASE) and structure < 0.35:
        return min(structure, 0.1)
    return min(structure + lga, 1.0) if lga else min(structure, 0.25)


def load(document: Document, *, settings: Settings) -> Iterator[Record]:
    """Read one LGA board paper; the DocumentRecord first, then everything else."""
    del settings  # nothing configurable here
    yield from with_organisations(_records(document))


def _records(document: Document) -> Iterator[Record]:
    header = header_of(document)
    yield document_record(
        document, genre=GENRE, title=header.title, date=header.date, publisher=LGA, infer_date=True
    )
    paper = _Paper(document, paragraphs(document, header.start), header)
    yield from paper.meeting()
    yield from paper.organisations()
    yield from paper.contact()
    yield from paper.chairs()
    yield from paper.offers()
    yield from paper.figures()
    yield from journey.records(document, paper.blocks, paper.cite, org_for)


_PURPOSE = re.compile(r"^Purpose of (?:the )?report", re.IGNORECASE)
_ITEM = re.compile(r"^(?:Agenda )?Item:? ?(?P<item>\d+[a-z]?)$", re.IGNORECASE)


@dataclass
class Header:
    """Title, body, date and item of the paper, from what stands above its first section."""

    title: str
    start: int  # the block "Purpose of report" opens
    place: Place | None = None
    body: str | None = None
    date: date | None = None
    item: str | None = None


def header_of(document: Document) -> Header:
    """The header: the running head the reader set apart (the paper's own, on its first page),
    then the blocks above "Purpose of report"; an "Item N" running head gives the item."""
    start = next(
        (
            index
            for index, block in enumerate(document.blocks[:40])
            if isinstance(block, Heading | Paragraph) and _PURPOSE.match(block.text)
        ),
        0,
    )
    first = document.blocks[0].place
    above = [
        p for p in document.furniture if (p.place.page or 1) == 1 and p.place.line < first.line
    ]
    head = [*above, *(b for b in document.blocks[:start] if isinstance(b, Heading | Paragraph))]
    items = (_ITEM.match(p.text) for p in [*document.furniture, *head])
    header = Header(document.path.stem, start, item=next((m["item"] for m in items if m), None))
    seen = [(b.text, b.place) for b in head if b.text and not _ITEM.match(b.text)]
    for text, place in seen:
        when = _day(text) if len(text) < 40 else None
        if header.date is None and when:
            header.date = when
        elif header.body is None and _BODY_LINE.match(text) and len(seen) > 1:
            header.body, header.place = _BODY_LINE.match(text)["body"], place  # type: ignore[index]
    titles = [t for t, _ in seen if t != header.body and not (_day(t) and len(t) < 40)]
    header.title = titles[-1] if titles else header.title
    if header.body is None:
        asked = re.search(
            r"\bThe (?P<b>(?:[A-Z][\w']*\s+){0,5}(?:Executive|Board)) is (?:asked|invited|"
            r"recommended) to",
            document.text(),
        )
        header.body = asked["b"] if asked else None
    header.place = header.place or (seen[0][1] if seen else first)
    return header


def _day(text: str) -> date | None:
    """The day a line states (a meeting's date), None for a month or a year."""
    period = parse_period(text)
    return period[0] if period and isinstance(period[0], date) else None


class _Paper:
    """The paper's parts and what the extractors share: where to cite, which council."""

    def __init__(self, document: Document, blocks: list[Para], header: Header) -> None:
        self.document, self.blocks, self.header = document, blocks, header
        self.prefix = f"item {header.item}" if header.item else ""

    def cite(self, block: Para, *, position: int | None = None) -> Provenance:
        return cite(self.document, block, prefix=self.prefix, position=position)

    def meeting(self) -> Iterator[Record]:
        if self.header.body and self.header.date and self.header.place:
            body = self.header.body if self.header.body != "Executive" else "LGA Executive"
            yield Meeting(
                org_for(body),
                self.header.date,
                provenance(self.document, self.header.place, "header"),
                item=self.header.item,
                title=self.header.title,
            )

    def organisations(self) -> Iterator[Record]:
        yield from bodies.organisations(self.blocks, self.cite)

    def contact(self) -> Iterator[Record]:
        """ "Contact officer: X" with the "Position:" (or "Job title:") under it."""
        found = fields(self.document)
        for at, contact in enumerate(found):
            if contact.key != "contact":
                continue
            post = next(
                (
                    f.value
                    for f in found[at + 1 : at + 4]
                    if f.key == "job_title" and f.index - contact.index <= 3
                ),
                None,
            )
            who, _ = person_and_post(contact.value)
            if who and post:
                where = provenance(self.document, contact.place, "contact officer")
                yield Membership(who, LGA, post.strip(), where)

    def chairs(self) -> Iterator[Record]:
        """ "an independent advisory board chaired by Steve Freer, Chief Executive of CIPFA"."""
        for block in self.blocks:
            for chair in chairs(block.text):
                where = self.cite(block)
                yield Membership(chair.chair.person, org_for(chair.body), "Chair", where)
                if chair.home and chair.home.organisation:
                    home = chair.home
                    org = org_for(home.organisation or "")
                    yield Membership(home.person, org, home.post, where, former=home.former)

    def offers(self) -> Iterator[Record]:
        """ "Key features of the Peer Challenge offer are:" and its numbered sub-items."""
        for block in self.blocks:
            found = (
                re.search(
                    r"Key (?:features|elements|principles|components) of"
                    r" (?:the |our )?(?P<name>.+?)"
                    r" (?:are|include|is)\b",
                    block.text,
                )
                if block.kind == "para"
                else None
            )
            if not found:
                continue
            scheme = slugify(found["name"])
            for position, item in enumerate(items_of(self.blocks, block), start=1):
                yield Concept(
                    scheme,
                    tidy_item(item.text),
                    self.cite(item, position=position),
                    notation=item.number,
                    owner=LGA,
                )

    def figures(self) -> Iterator[Record]:
        previous = ""
        for block in self.blocks:
            about_inform = "LG Inform" in block.text or (
                "LG Inform" in previous and block.text.startswith("It ")
            )
            for pattern, measure, unit, about in _FIGURES:
                for found in re.finditer(pattern, block.text):
                    subject = (
                        LG_INFORM
                        if about == "inform" and about_inform
                        else LGA
                        if about == "lga"
                        else None
                    )
                    if about == "inform" and subject is None:
                        continue
                    yield Figure(
                        measure,
                        float(found["n"].replace(",", "")),
                        self.cite(block),
                        unit=unit,
                        label=_figure_label(measure, found),
                        about=subject,
                    )
            previous = block.text


# (pattern, measure, unit, about): "lga" figures are the LGA's own, "inform" ones LG Inform's.
_FIGURES: list[tuple[str, str, str | None, str]] = [
    (
        r"delivered (?P<n>\d[\d,]*) (?P<new>new )?corporate peer challenges",
        "corporate-peer-challenges-delivered",
        "peer challenges",
        "lga",
    ),
    (
        r"(?:another|a further) (?P<n>\d[\d,]*) (?P<rest>booked in(?: or in discussion)?)",
        "corporate-peer-challenges-booked",
        "peer challenges",
        "lga",
    ),
    (r"covering (?P<n>\d[\d,]*) individual (?:data )?items", "data-items", "items", "inform"),
    (
        r"(?P<q>over |more than |some )?(?P<n>\d[\d,]*) registered (?:local )?authorities",
        "registered-authorities",
        "authorities",
        "inform",
    ),
    (
        r"(?P<q>over |more than |some )?(?P<n>\d[\d,]*) registered users",
        "registered-users",
        "users",
        "inform",
    ),
]


def _figure_label(measure: str, found: re.Match[str]) -> str:
    if measure == "corporate-peer-challenges-delivered":
        return f"{found['n']} {found['new'] or ''}corporate peer challenges delivered".replace(
            "  ", " "
        )
    if measure == "corporate-peer-challenges-booked":
        return f"{found['n']} {found['rest']}"
    return found.group(0).strip()

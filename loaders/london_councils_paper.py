"""Genre: London Councils committee papers (Leaders' Committee, Executive, Transport and
Environment Committee ...): the meeting, bodies and posts, the Lead Chief Executive commission
model and named commissions, reviews, and lists defined in appendices.

Reads the `Document`: the cover sheet (`loaders.cover_sheet`) for the meeting's item, author,
date and contacts; the paper's numbered paragraphs (`loaders.paragraphs`) for the rest, with
people and posts read by `loaders.people_mentions` and the commissions by
`_lead_chief_executives`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from councilgraph.settings import Settings
from loaders import _lead_chief_executives as lce
from loaders import _poor_performance as poor_performance
from loaders.base import document_record, with_organisations
from loaders.cover_sheet import Field, fields, labels_in, person_and_post
from loaders.dates import first_day, parse_period
from loaders.document import (
    Block,
    Document,
    Heading,
    ListBlock,
    Paragraph,
    Place,
    Table,
    block_text,
)
from loaders.paragraphs import Para, cite, paragraphs, sentences
from loaders.passages import provenance
from loaders.people_mentions import chairs, led_by, posts_named
from loaders.records import (
    Meeting,
    Membership,
    Organisation,
    OrgRef,
    Partnership,
    PersonRef,
    Provenance,
    Record,
    Review,
)

GENRE = "london-councils-paper"

_LC = lce.LONDON_COUNCILS
_LGA = OrgRef("Local Government Association", "organisation")
_CELC = OrgRef("Chief Executives London Committee", "committee")
_LEADERS = lce.LEADERS
_EXECUTIVE = lce.EXECUTIVE

# Bodies these papers name, as (pattern, canonical ref, part of). The canonical name is the
# one the graph should prefer; every other spelling found is kept as an alias.
_BODIES: list[tuple[str, OrgRef, OrgRef | None]] = [
    (r"London Councils(?!'? Executive| Challenge)", _LC, None),
    (r"Leaders'? Committee", _LEADERS, _LC),
    (r"London Councils'? Executive", _EXECUTIVE, _LC),
    (
        r"(?:London Councils'? )?Transport and Environment Committee|\bTEC\b",
        OrgRef("Transport and Environment Committee", "committee"),
        _LC,
    ),
    (r"(?:London Councils'? )?Grants Committee", OrgRef("Grants Committee", "committee"), _LC),
    (r"Chief Executives'? London Committee|\bCELC\b(?! Steering)", _CELC, None),
    (r"CELC Steering Group", OrgRef("CELC Steering Group", "group"), _CELC),
    (r"(?:London )?Self[- ]Improvement Board", OrgRef("Self-Improvement Board", "board"), None),
    (
        r"(?:LGA'?s? )?Independent Advisory Board",
        OrgRef("LGA Independent Advisory Board", "board"),
        _LGA,
    ),
    (r"LGA Improvement Board", OrgRef("LGA Improvement Board", "board"), _LGA),
    (r"Local Government Association|\bLGA\b(?!'?s? (?:Independent|Improvement))", _LGA, None),
    (r"\bSOLACE\b", OrgRef("SOLACE", "organisation"), None),
    (
        r"Association of London Directors of Children's Services",
        OrgRef("Association of London Directors of Children's Services", "organisation"),
        None,
    ),
    (
        r"Association of Directors of Adult Social Services in London",
        OrgRef("Association of Directors of Adult Social Services in London", "organisation"),
        None,
    ),
    (r"Society of London Treasurers", OrgRef("Society of London Treasurers", "organisation"), None),
]

_BODY_LINE = re.compile(
    r"^(?:London Councils'?\s+)?(?P<body>Leaders'? Committee|Executive(?: Sub-Committee)?|"
    r"[A-Z][\w,' ]*?(?:Committee|Forum|Board))$"
)
_ITEM_LABEL = re.compile(r"\bItem no\b", re.IGNORECASE)
_HEAD = re.compile(
    r"^(?:London Councils'? )?(?:Leaders'? Committee|Executive|Transport and Environment"
    r" Committee|Grants Committee)\b",
    re.MULTILINE,
)


def detect(document: Document) -> float:
    """How sure we are that this is a London Councils committee paper."""
    head = "\n".join(block_text(block) for block in document.head(12))
    text = document.text()
    score = 0.0
    if re.search(r"^Item no:?\s*\w+|\bItem no:", head, re.IGNORECASE | re.MULTILINE):
        score += 0.3
    if "Report by:" in head and re.search(r"Job title:", head):
        score += 0.2
    if "londoncouncils.gov.uk" in text:
        score += 0.2
    if text.count("London Councils") >= 2:
        score += 0.2
    if _HEAD.search(head):
        score += 0.1
    if "London Councils" not in text:
        score = min(score, 0.2)
    return min(score, 1.0)


def load(document: Document, *, settings: Settings) -> Iterator[Record]:
    """Read one London Councils paper; the DocumentRecord first, then everything else."""
    del settings  # nothing configurable here
    yield from with_organisations(_records(document))


def _records(document: Document) -> Iterator[Record]:
    header = header_of(document)
    yield document_record(
        document, genre=GENRE, title=header.title, date=header.date, publisher=_LC, infer_date=True
    )
    blocks = paragraphs(document, header.end)
    yield from _meeting(document, header)
    yield from _organisations(document, header, blocks)
    yield from _header_memberships(document, header)
    yield from _named_posts(document, blocks)
    yield from _reviews(document, blocks)
    yield from lce.commission_model(document, blocks)
    yield from lce.named_commissions(document, blocks, header.date)
    yield from poor_performance.concepts(document, blocks)
    yield from _partnerships(document, blocks)


@dataclass
class Header:
    """The paper's header: body, title, item, author, date, contact officers."""

    title: str
    end: int  # the first block of the report itself
    body: str | None = None
    item: Field | None = None
    author: PersonRef | None = None
    author_post: str | None = None
    author_place: Place | None = None
    date: date | None = None
    contacts: list[PersonRef] = field(default_factory=list)


def header_of(document: Document) -> Header:
    """The header: the body's name, then the title up to the first cover field ("Item no:",
    "Report by:" ...), from the lines above the report's first section; and the cover fields."""
    end = _report_start(document)
    header = Header(document.path.stem, end)
    titles: list[str] = []
    for text in _head_lines(document.blocks[:end]):
        found = _BODY_LINE.match(text)
        if header.body is None and found:
            header.body = found["body"]
            continue
        labels = labels_in(text) or list(_ITEM_LABEL.finditer(text))
        if header.body is not None:
            titles.append(text[: labels[0].start()].strip() if labels else text)
        if labels:
            break
    header.title = " ".join(t for t in titles if t) or header.title
    _read_cover(header, [f for f in fields(document) if f.index < end])
    return header


def _head_lines(blocks: tuple[Block, ...]) -> Iterator[str]:
    """The lines of the paper's head: its headings, paragraphs and the items of a list of
    cover lines, up to the first table."""
    for block in blocks:
        if isinstance(block, Table):
            return
        if isinstance(block, ListBlock):
            yield from (item.text for _, item in block.walk())
        else:
            yield block.text


def _read_cover(header: Header, cover: list[Field]) -> None:
    for found in cover:
        if found.key == "item" and header.item is None:
            header.item = found
        elif found.key == "lead_officer" and header.author is None:  # "Report by:"
            header.author, post = person_and_post(found.value)
            header.author_post = header.author_post or post
            header.author_place = found.place
        elif found.key == "job_title":
            header.author_post = found.value or header.author_post
        elif found.key == "date" and header.date is None:
            period = parse_period(found.value)
            header.date = period[0] if period and isinstance(period[0], date) else None
        elif found.key == "contact":
            for name in re.split(r",| and ", found.value):
                who, _ = person_and_post(name)
                header.contacts += [who] if who else []


def _report_start(document: Document) -> int:
    """The first block of the report: an "Introduction" or "Background" heading, or the list
    that opens with paragraph 1."""
    for index, block in enumerate(document.blocks[:60]):
        if isinstance(block, Heading | Paragraph) and block.text in {"Introduction", "Background"}:
            return index
        if isinstance(block, ListBlock) and block.items[0].marker == "1":
            return index
    return 0


def _body_ref(body: str) -> OrgRef:
    if re.match(r"Leaders'? Committee", body):
        return _LEADERS
    if body.startswith("Executive"):
        return _EXECUTIVE
    return _org_for(body)


def _org_for(text: str) -> OrgRef:
    """The canonical ref of a body named in `text`, or a new ref from its own words."""
    for pattern, ref, _part in _BODIES:
        if re.search(pattern, text, re.IGNORECASE):
            return ref
    name = re.sub(r"^(?:the|The)\s+", "", text.strip())
    kind = (
        "board"
        if name.endswith("Board")
        else "committee"
        if name.endswith("Committee")
        else ("group" if name.endswith("Group") else "organisation")
    )
    return OrgRef(name, kind)  # type: ignore[arg-type]


def _meeting(document: Document, header: Header) -> Iterator[Record]:
    if header.body and header.date:
        place = header.item.place if header.item else document.blocks[0].place
        yield Meeting(
            _body_ref(header.body),
            header.date,
            provenance(document, place, "header"),
            item=header.item.value if header.item else None,
            title=header.title,
            author=header.author,
            author_post=header.author_post,
            contacts=tuple(header.contacts),
        )


def _organisations(document: Document, header: Header, blocks: list[Para]) -> Iterator[Record]:
    everything: list[tuple[str, Para | None]] = [(header.title, None)]
    everything += [(b.text, b) for b in blocks]
    text = document.text()
    for pattern, ref, part_of in _BODIES:
        names: list[str] = []
        first: Para | None = None
        for said, block in everything:
            for found in re.finditer(pattern, said):
                names.append(found.group(0))
                first = first or block
        if ref == _EXECUTIVE and header.body and header.body.startswith("Executive"):
            names.append(ref.name)
        if not names:
            continue
        aliases = tuple(sorted({n for n in names if n != ref.name}))
        where = cite(document, first) if first else Provenance(document.key, "header")
        acronym = re.search(rf"{re.escape(ref.name)}\s*\((?P<a>[A-Z]{{2,6}})\)", text)
        if acronym:
            aliases = tuple(sorted(set(aliases) | {acronym["a"]}))
        yield Organisation(ref, where, part_of=part_of, aliases=aliases)


def _header_memberships(document: Document, header: Header) -> Iterator[Record]:
    if header.author and header.author_post and header.author_place:
        where = provenance(document, header.author_place, "header, 'Report by'")
        yield Membership(header.author, _LC, header.author_post, where)


def _named_posts(document: Document, blocks: list[Para]) -> Iterator[Record]:
    """Posts stated in passing: "The Chair of London Councils, Councillor Kober, the Vice
    Chair, Councillor O'Neill ..." and "The LGA's Independent Advisory Board, chaired by ..."."""
    for block in blocks:
        for said in posts_named(block.text):
            org = _org_for(said.organisation or "")
            yield Membership(said.person, org, said.post, cite(document, block))
        for chair in chairs(block.text):
            where = cite(document, block)
            yield Membership(chair.chair.person, _org_for(chair.body), "Chair", where)
            if chair.home and chair.home.organisation:
                home = chair.home
                org = _org_for(home.organisation or "")
                yield Membership(home.person, org, home.post, where, former=home.former)


def _reviews(document: Document, blocks: list[Para]) -> Iterator[Record]:
    seen: set[str] = set()
    for block in blocks:
        for sentence in sentences(block.text):
            for label, who in led_by(sentence):
                if label in seen:
                    continue
                seen.add(label)
                period = parse_period(sentence)
                owner = re.sub(r"\s*(?:Challenge|Review)$", "", label)
                subject = next(
                    (ref for pattern, ref, _p in _BODIES if re.fullmatch(pattern, owner)), None
                )
                kind = "challenge" if label.endswith("Challenge") else "review"
                when = first_day(period[0]) if period else None
                where = cite(document, block)
                yield Review(label, where, subject=subject, led_by=who, date=when, kind=kind)
                if who:
                    yield Membership(who, OrgRef(label, "team"), "Leader", where)
                break


_AGREEMENT = re.compile(
    r"agreement between (?P<members>.+?) (?:on|about|setting out) (?P<subject>[^.]+)\."
)


def _partnerships(document: Document, blocks: list[Para]) -> Iterator[Record]:
    for block in blocks:
        for sentence in sentences(block.text):
            found = _AGREEMENT.search(sentence)
            if not found:
                continue
            names = re.split(r",\s*|\s+and\s+", found["members"])
            members = tuple(
                dict.fromkeys(
                    _org_for(n)
                    for n in names
                    if n.strip() and not re.search(r"\d+ (?:London )?boroughs|councils$", n)
                )
            )
            if len(members) >= 2:
                yield Partnership(
                    f"agreement between {found['members']}",
                    members,
                    cite(document, block),
                    subject=found["subject"].strip(),
                    statement=sentence.strip('"'),
                )
                return


__all__ = ["GENRE", "detect", "header_of", "load"]

"""Loader for London Councils committee papers (Leaders' Committee, Executive, Transport and
Environment Committee ...): the meeting, bodies and posts, the Lead Chief Executive
commission model and named commissions, reviews, and lists defined in appendices."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from councilgraph.settings import Settings
from loaders import _committee_paper_text as txt
from loaders import _lead_chief_executives as lce
from loaders._committee_paper_text import PERSON, Block
from loaders.base import document_record
from loaders.dates import parse_date, parse_month
from loaders.records import (
    Concept,
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
from loaders.source import Source, read_source

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

# Short labels for policy areas that papers describe in a sentence rather than name.
_BODY_LINE = re.compile(
    r"^(?:London Councils'?\s+)?(?P<body>Leaders'? Committee|Executive(?: Sub-Committee)?|"
    r"[A-Z][\w,' ]*?(?:Committee|Forum|Board))$"
)


def detect(source: Source) -> float:
    """How sure we are that this is a London Councils committee paper."""
    head = "\n".join(line.text for line in source.lines[:40])
    text = source.text()
    score = 0.0
    if re.search(r"^Item no:?\s*\w+|\bItem no:", head, re.IGNORECASE | re.MULTILINE):
        score += 0.3
    if "Report by:" in head and re.search(r"Job title:", head):
        score += 0.2
    if "londoncouncils.gov.uk" in text:
        score += 0.2
    if text.count("London Councils") >= 2:
        score += 0.2
    if re.search(
        r"^(?:London Councils'? )?(?:Leaders'? Committee|Executive|Transport and Environment"
        r" Committee|Grants Committee)\b",
        head,
        re.MULTILINE,
    ):
        score += 0.1
    if "London Councils" not in text:
        score = min(score, 0.2)
    return min(score, 1.0)


def load(path: Path, *, settings: Settings) -> Iterator[Record]:
    """Read one London Councils paper; the DocumentRecord first, then everything else."""
    yield from txt.complete(_records(read_source(path)))


def _records(source: Source) -> Iterator[Record]:
    header = _Header(source)
    yield document_record(
        source, genre=GENRE, title=header.title, date=header.date, publisher=_LC, infer_date=True
    )
    blocks = txt.blocks(source, header.end)
    yield from _meeting(source, header)
    yield from _organisations(source, header, blocks)
    memberships = list(_header_memberships(source, header)) + list(_named_posts(source, blocks))
    yield from memberships
    yield from _reviews(source, blocks)
    yield from lce.commission_model(source, blocks)
    yield from lce.named_commissions(source, blocks, header.date)
    yield from _appendix_concepts(source, blocks)
    yield from _partnerships(source, blocks)


class _Header:
    """The paper's header: body, title, item, author, date, contact officer."""

    def __init__(self, source: Source) -> None:
        self.body: str | None = None
        self.title_parts: list[str] = []
        self.item: str | None = None
        self.author: PersonRef | None = None
        self.author_post: str | None = None
        self.date: date | None = None
        self.contacts: list[PersonRef] = []
        self.end = 0
        self.line = source.lines[0]
        for index, line in enumerate(source.lines[:60]):
            if re.match(r"^(?:1\.\s+\S|Introduction$|Background$)", line.text):
                self.end = index
                break
            self._read(line.text, line)
        self.title = " ".join(self.title_parts) or source.path.stem

    def _read(self, text: str, line: object) -> None:
        found = re.search(r"\bItem no:?\s*(?P<item>\w+)", text, re.IGNORECASE)
        if found:
            self.item = found["item"]
            if not self.title_parts and text[: found.start()].strip():
                self.title_parts.append(text[: found.start()].strip())
            return
        if m := re.match(r"^Report by:\s*(?P<who>.+?)(?:\s+Job title:\s*(?P<post>.+))?$", text):
            self.author = txt.person(m["who"])
            self.author_post = m["post"] or self.author_post
        elif m := re.match(r"^Job title:\s*(?P<post>.+)$", text):
            self.author_post = m["post"]
        elif m := re.match(r"^Date:\s*(?P<d>.+)$", text):
            self.date = parse_date(m["d"])
        elif m := re.match(r"^Contact Officers?:\s*(?P<who>.+)$", text, re.IGNORECASE):
            self.contacts += [p for p in map(txt.person, re.split(r",| and ", m["who"])) if p]
        elif text and self.body is None and _BODY_LINE.match(text):
            self.body = _BODY_LINE.match(text)["body"]  # type: ignore[index]
        elif text and self.item is None and self.body is not None:
            self.title_parts.append(text)


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


def _prov(source: Source, block: Block, *, position: int | None = None) -> Provenance:
    return txt.provenance(source, block, txt.location(block, position=position))


def _meeting(source: Source, header: _Header) -> Iterator[Record]:
    if header.body and header.date:
        where = Provenance(source.key, "header", line=_line_of(source, "Item no"))
        yield Meeting(
            _body_ref(header.body),
            header.date,
            where,
            item=header.item,
            title=header.title,
            author=header.author,
            author_post=header.author_post,
            contacts=tuple(header.contacts),
        )


def _line_of(source: Source, needle: str) -> int | None:
    return next((ln.number for ln in source.lines if needle.lower() in ln.text.lower()), None)


def _organisations(source: Source, header: _Header, blocks: list[Block]) -> Iterator[Record]:
    everything = [(header.title, None)] + [(b.text, b) for b in blocks]
    for pattern, ref, part_of in _BODIES:
        names: list[str] = []
        first: Block | None = None
        for text, block in everything:
            for found in re.finditer(pattern, text):
                names.append(found.group(0))
                first = first or block
        if ref == _EXECUTIVE and header.body and header.body.startswith("Executive"):
            names.append(ref.name)
        if not names:
            continue
        aliases = tuple(sorted({n for n in names if n != ref.name}))
        where = _prov(source, first) if first else Provenance(source.key, "header")
        acronym = re.search(rf"{re.escape(ref.name)}\s*\((?P<a>[A-Z]{{2,6}})\)", source.text())
        if acronym:
            aliases = tuple(sorted(set(aliases) | {acronym["a"]}))
        yield Organisation(ref, where, part_of=part_of, aliases=aliases)


def _header_memberships(source: Source, header: _Header) -> Iterator[Record]:
    if header.author and header.author_post:
        where = Provenance(source.key, "header, 'Report by'", line=_line_of(source, "Report by"))
        yield Membership(header.author, _LC, header.author_post, where)


_POST = r"(?:Deputy |Vice[- ])?Chair(?:man)?|Chief Executive|Vice[- ]Chair|Director|Leader"
_POST_OF = re.compile(
    rf"(?:the |The )?(?P<post>{_POST}) of"
    rf" (?P<org>London Councils|CELC|the [A-Z][\w' ]+?|[A-Z][\w' ]+?),"
    rf" (?P<who>{txt.HONORIFIC}\s+{txt.NAME})"
)
_CHAINED = re.compile(rf",? (?:and )?the (?P<post>{_POST}), (?P<who>{txt.HONORIFIC}\s+{txt.NAME})")
_CHAIRED = re.compile(
    rf"(?P<body>(?:[A-Z][\w']*\s+(?:(?:and|of|for|in)\s+)?){{1,6}}(?:Board|Committee|Group|Panel))"
    rf"(?:\s*\([A-Z]{{2,6}}\))?,? (?:is |was )?chaired by (?P<who>{PERSON})"
)


def _named_posts(source: Source, blocks: list[Block]) -> Iterator[Record]:
    """Posts stated in passing: "The Chair of London Councils, Councillor Kober, the Vice
    Chair, Councillor O'Neill ..." and "The LGA's Independent Advisory Board, chaired by ..."."""
    for block in blocks:
        for found in _POST_OF.finditer(block.text):
            org = _org_for(found["org"])
            who = txt.person(found["who"])
            if who:
                yield Membership(who, org, found["post"], _prov(source, block))
            for chained in _chain(block.text, found.end()):
                yield Membership(chained[1], org, chained[0], _prov(source, block))
        for found in _CHAIRED.finditer(block.text):
            who = txt.person(found["who"])
            if who:
                yield Membership(who, _org_for(found["body"]), "Chair", _prov(source, block))


def _chain(text: str, position: int) -> Iterator[tuple[str, PersonRef]]:
    while found := _CHAINED.match(text, position):
        who = txt.person(found["who"])
        if who:
            yield found["post"], who
        position = found.end()


_REVIEW = re.compile(
    rf"the (?P<label>(?:[A-Z][\w']*\s+)+(?:Challenge|Review))(?: process| report)?,?"
    rf" led by (?P<who>{PERSON})"
)


def _reviews(source: Source, blocks: list[Block]) -> Iterator[Record]:
    seen: set[str] = set()
    for block in blocks:
        for sentence in txt.sentences(block.text):
            found = _REVIEW.search(sentence)
            if not found or found["label"] in seen:
                continue
            label, who = found["label"].strip(), txt.person(found["who"])
            seen.add(label)
            month = parse_month(sentence)
            owner = re.sub(r"\s*(?:Challenge|Review)$", "", label)
            subject = next(
                (ref for pattern, ref, _p in _BODIES if re.fullmatch(pattern, owner)), None
            )
            kind = "challenge" if label.endswith("Challenge") else "review"
            when = date(month[0], month[1], 1) if month else None
            yield Review(
                label, _prov(source, block), subject=subject, led_by=who, date=when, kind=kind
            )
            if who:
                yield Membership(who, OrgRef(label, "team"), "Leader", _prov(source, block))


def _appendix_concepts(source: Source, blocks: list[Block]) -> Iterator[Record]:
    """Stages, signs, evidence and outcomes of the poor-performance protocol in an appendix."""
    stages = [b for b in blocks if b.kind == "heading" and re.match(r"^Stage \d+:", b.text)]
    for stage in stages:
        number, label = (s.strip() for s in stage.text.split(":", 1))
        paras = [
            b
            for b in blocks
            if b.kind == "para" and b.section == stage.text and b.part == stage.part
        ]
        definition = " ".join(_without_lead_in(p.text) for p in paras).strip() or None
        yield Concept(
            "poor-performance-stages",
            label,
            _prov(source, stage),
            notation=number,
            definition=definition,
        )
        for para in paras:
            scheme = _list_scheme(para.text)
            items = txt.items_of(blocks, para)
            for position, item in enumerate(items, start=1):
                if scheme is None:
                    continue
                label_text = txt.tidy_item(item.text)
                if scheme == "poor-performance-outcomes":
                    first = txt.tidy_item(txt.sentences(item.text)[0])
                    yield Concept(
                        scheme,
                        first,
                        _prov(source, item, position=position),
                        definition=label_text,
                        broader=label,
                    )
                else:
                    yield Concept(scheme, label_text, _prov(source, item, position=position))


def _without_lead_in(text: str) -> str:
    """A paragraph without the sentence that introduces its list ("These include:")."""
    return " ".join(s for s in txt.sentences(text) if not re.search(r":-?$", s))


def _list_scheme(lead_in: str) -> str | None:
    if re.search(r"possible outcomes|outcomes could", lead_in, re.IGNORECASE):
        return "poor-performance-outcomes"
    if re.search(r"evidence|intelligence", lead_in, re.IGNORECASE):
        return "poor-performance-evidence"
    if re.search(r"indicators|signs|warning", lead_in, re.IGNORECASE):
        return "poor-performance-signs"
    return None


_AGREEMENT = re.compile(
    r"agreement between (?P<members>.+?) (?:on|about|setting out) (?P<subject>[^.]+)\."
)


def _partnerships(source: Source, blocks: list[Block]) -> Iterator[Record]:
    for block in blocks:
        for sentence in txt.sentences(block.text):
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
                    _prov(source, block),
                    subject=found["subject"].strip(),
                    statement=sentence.strip('"'),
                )
                return

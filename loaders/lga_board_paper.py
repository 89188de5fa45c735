"""Loader for LGA board and Executive papers (Improvement Board, Improvement and Innovation
Board, LGA Executive ...): the meeting, contact officer, boards and who chairs them, offers
and figures, and a council's improvement journey (posts, improvement board, peer challenge)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from councilgraph.settings import Settings
from loaders import _committee_paper_text as txt
from loaders import _improvement_journey as journey
from loaders._committee_paper_text import PERSON, Block
from loaders._improvement_journey import BOARD_NAME as _BOARD_NAME
from loaders.base import document_record
from loaders.dates import parse_date
from loaders.records import (
    Concept,
    Figure,
    Meeting,
    Membership,
    Organisation,
    OrgRef,
    Provenance,
    Record,
)
from loaders.source import Source, read_source, slugify

GENRE = "lga-board-paper"

_LGA = OrgRef("Local Government Association", "organisation")
_LG_INFORM = OrgRef("LG Inform", "organisation")

# Bodies LGA papers name, as (pattern, canonical ref, part of); other spellings become aliases.
_BODIES: list[tuple[str, OrgRef, OrgRef | None]] = [
    (r"Local Government Association|\bLGA\b(?! Improvement| Executive)", _LGA, None),
    (
        r"LGA Improvement Board|\b(?<!\w )the Improvement Board",
        OrgRef("LGA Improvement Board", "board"),
        _LGA,
    ),
    (
        r"Improvement and Innovation Board",
        OrgRef("Improvement and Innovation Board", "board"),
        _LGA,
    ),
    (r"LGA Executive|\bthe Executive\b", OrgRef("LGA Executive", "committee"), _LGA),
    (r"Children's Improvement Board", OrgRef("Children's Improvement Board", "board"), None),
    (
        r"Towards Excellence in (?:Councils?'?s? )?Adult Social Care(?: Programme)? Board",
        OrgRef("Towards Excellence in Adult Social Care Programme Board", "board"),
        None,
    ),
    (r"independent advisory board", OrgRef("LGA Independent Advisory Board", "board"), _LGA),
    (r"Performance Support Panel", OrgRef("Performance Support Panel", "group"), None),
    (r"\bCIPFA\b", OrgRef("CIPFA", "organisation"), None),
    (r"\bIDeA\b", OrgRef("IDeA", "organisation"), None),
    (r"\bRIEP\b", OrgRef("RIEP", "organisation"), None),
    (r"Improvement East", OrgRef("Improvement East", "organisation"), None),
    (r"Audit Commission", OrgRef("Audit Commission", "organisation"), None),
    (r"National Audit Office", OrgRef("National Audit Office", "organisation"), None),
    (r"\bSOLACE\b", OrgRef("SOLACE", "organisation"), None),
    (
        r"Association of Directors of Adult Social Services",
        OrgRef("Association of Directors of Adult Social Services", "organisation"),
        None,
    ),
    (
        r"Association of Directors of Children's Services",
        OrgRef("Association of Directors of Children's Services", "organisation"),
        None,
    ),
    (
        r"Department for Communities and Local Government",
        OrgRef("Department for Communities and Local Government", "organisation"),
        None,
    ),
    (r"\bLG Inform\b", _LG_INFORM, None),
]
# A council by name: "Thurrock Council", "Southwark council", "London Borough of Barnet".
_COUNCIL = re.compile(
    r"\b(?:London Borough of [A-Z][a-z]+(?: (?:and|upon|on) [A-Z][a-z]+| [A-Z][a-z]+)*"
    r"|(?<!the )(?<!The )(?<!This )(?<!each )(?:[A-Z][a-z]+ ){1,2}(?:City |County |Borough )?"
    r"[Cc]ouncil\b(?!s))"
)
_NOT_PLACES = {
    "The",
    "This",
    "Each",
    "Every",
    "A",
    "Labour",
    "Conservative",
    "County",
    "City",
    "Borough",
    "Town",
}
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


def detect(source: Source) -> float:
    """How sure we are that this is an LGA board or Executive paper."""
    head = "\n".join(line.text for line in source.lines[:60])
    text = source.text()
    if "londoncouncils.gov.uk" in text or re.search(r"\bItem no:", head, re.IGNORECASE):
        return 0.0
    structure = 0.0
    if re.search(r"^#*\s*Purpose of (?:the )?report", head, re.IGNORECASE | re.MULTILINE):
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


def load(path: Path, *, settings: Settings) -> Iterator[Record]:
    """Read one LGA board paper; the DocumentRecord first, then everything else."""
    yield from txt.complete(_records(read_source(path)))


def _records(source: Source) -> Iterator[Record]:
    header = _Header(source)
    yield document_record(
        source, genre=GENRE, title=header.title, date=header.date, publisher=_LGA, infer_date=True
    )
    blocks = txt.blocks(source, header.start)
    paper = _Paper(source, blocks, header)
    yield from paper.meeting()
    yield from paper.organisations()
    yield from paper.contact()
    yield from paper.chairs()
    yield from paper.offers()
    yield from paper.figures()
    yield from paper.journeys()


class _Header:
    """Title, body, date and item of the paper, from the lines above its first paragraph."""

    def __init__(self, source: Source) -> None:
        self.title = source.path.stem
        self.body: str | None = None
        self.date: date | None = None
        self.item = txt.item_from_furniture(source)
        self.start = 0
        seen: list[str] = []
        for index, line in enumerate(source.lines[:40]):
            text = re.sub(r"^#+\s*", "", line.text)
            if re.match(r"^Purpose of (?:the )?report", text, re.IGNORECASE):
                self.start = index
                break
            if text and not re.match(r"^(?:Agenda )?Item:? ?\d+", text, re.IGNORECASE):
                seen.append(text)
        for text in seen:
            if self.date is None and parse_date(text) and len(text) < 40:
                self.date = parse_date(text)
            elif self.body is None and _BODY_LINE.match(text) and len(seen) > 1:
                self.body = _BODY_LINE.match(text)["body"]  # type: ignore[index]
        titles = [t for t in seen if t != self.body and not (parse_date(t) and len(t) < 40)]
        if titles:
            self.title = titles[-1]
        if self.body is None:
            asked = re.search(
                r"\bThe (?P<b>(?:[A-Z][\w']*\s+){0,5}(?:Executive|Board)) is (?:asked|invited|"
                r"recommended) to",
                source.text(),
            )
            self.body = asked["b"] if asked else None


def _org_for(text: str) -> OrgRef:
    for pattern, ref, _part in _BODIES:
        if re.search(pattern, text, re.IGNORECASE):
            return ref
    name = re.sub(r"^(?:the|The)\s+", "", text.strip())
    if _COUNCIL.fullmatch(name):
        return OrgRef(re.sub(r"council$", "Council", name), "council")
    kind = (
        "board"
        if name.endswith("Board")
        else "committee"
        if name.endswith("Committee")
        else "organisation"
    )
    return OrgRef(name, kind)  # type: ignore[arg-type]


class _Paper:
    """The paper's blocks and what the extractors share: where to cite, which council."""

    def __init__(self, source: Source, blocks: list[Block], header: _Header) -> None:
        self.source, self.blocks, self.header = source, blocks, header
        self.prefix = f"item {header.item}" if header.item else ""

    def prov(self, block: Block, *, position: int | None = None) -> Provenance:
        return txt.provenance(
            self.source, block, txt.location(block, prefix=self.prefix, position=position)
        )

    def meeting(self) -> Iterator[Record]:
        if self.header.body and self.header.date:
            where = Provenance(self.source.key, "header", line=1)
            yield Meeting(
                _org_for(self.header.body)
                if self.header.body != "Executive"
                else _org_for("LGA Executive"),
                self.header.date,
                where,
                item=self.header.item,
                title=self.header.title,
            )

    def organisations(self) -> Iterator[Record]:
        yield from self._known_bodies()
        yield from self._councils()
        yield from self._represented()

    def _known_bodies(self) -> Iterator[Record]:
        for pattern, ref, part_of in _BODIES:
            found = [
                (m.group(0), b) for b in self.blocks for m in re.finditer(pattern, b.text, re.I)
            ]
            if not found:
                continue
            names = {n for n, _ in found if n != ref.name and not n.lower().startswith("the ")}
            yield Organisation(
                ref,
                self.prov(found[0][1]),
                part_of=part_of,
                aliases=tuple(sorted(names)),
                description=self._description(ref),
            )

    def _councils(self) -> Iterator[Record]:
        seen: set[str] = set()
        for block in self.blocks:
            for match in _COUNCIL.finditer(block.text):
                ref = _org_for(match.group(0))
                if ref.kind != "council" or ref.name in seen:
                    continue
                if ref.name.split()[0] not in _NOT_PLACES:
                    seen.add(ref.name)
                    yield Organisation(ref, self.prov(block))

    def _represented(self) -> Iterator[Record]:
        """ "involving representatives from, amongst others, the Audit Commission, ..."."""
        for block in self.blocks:
            listed = re.search(
                r"representatives from,? (?:amongst others,? )?(?P<l>[^.]+)", block.text
            )
            names = re.split(r",\s*|\s+and\s+(?=the\s|[A-Z]{2,}\b)", listed["l"]) if listed else []
            for name in names:
                ref = _org_for(name)
                known = any(re.search(p, name, re.IGNORECASE) for p, _r, _x in _BODIES)
                if ref.kind == "organisation" and not known:
                    yield Organisation(ref, self.prov(block))

    def _description(self, ref: OrgRef) -> str | None:
        for block in self.blocks:
            found = re.search(rf"\b{re.escape(ref.name)} is (?P<d>an? [^.;]+)", block.text)
            if found:
                return found["d"].strip()
        return None

    def contact(self) -> Iterator[Record]:
        lines = self.source.lines
        for index, line in enumerate(lines):
            found = re.match(r"^Contact officer:\s*(?P<who>.+)$", line.text, re.IGNORECASE)
            if not found:
                continue
            post = next(
                (
                    m["post"]
                    for ln in lines[index + 1 : index + 4]
                    if (m := re.match(r"^(?:Position|Job title):\s*(?P<post>.+)$", ln.text))
                ),
                None,
            )
            who = txt.person(found["who"])
            if who and post:
                where = Provenance(
                    self.source.key, "contact officer", line=line.number, page=line.page
                )
                yield Membership(who, _LGA, post.strip(), where)

    def chairs(self) -> Iterator[Record]:
        """ "an independent advisory board chaired by Steve Freer, Chief Executive of CIPFA"."""
        pattern = re.compile(
            rf"(?P<body>{_BOARD_NAME}|independent advisory board)(?:\s*\([A-Z]{{2,6}}\))?,?"
            rf" (?:is |was )?chaired by (?P<who>{PERSON})(?:,? (?P<former>a former |the former )?"
            rf"(?P<post>Chief Executive|Chair|Leader|Director[\w ]*?) of"
            rf" (?P<org>[A-Z][\w&' ]+?)(?=[,.;(]|\s+(?:and|who|which)\b))?"
        )
        for block in self.blocks:
            for found in pattern.finditer(block.text):
                who = txt.person(found["who"])
                if who is None:
                    continue
                yield Membership(who, _org_for(found["body"]), "Chair", self.prov(block))
                if found["post"]:
                    yield Membership(
                        who,
                        _org_for(found["org"]),
                        found["post"],
                        self.prov(block),
                        former=bool(found["former"]),
                    )

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
            for position, item in enumerate(txt.items_of(self.blocks, block), start=1):
                yield Concept(
                    scheme,
                    txt.tidy_item(item.text),
                    self.prov(item, position=position),
                    notation=item.number,
                    owner=_LGA,
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
                        _LG_INFORM
                        if about == "inform" and about_inform
                        else _LGA
                        if about == "lga"
                        else None
                    )
                    if about == "inform" and subject is None:
                        continue
                    label = _figure_label(measure, found)
                    yield Figure(
                        measure,
                        float(found["n"].replace(",", "")),
                        self.prov(block),
                        unit=unit,
                        label=label,
                        about=subject,
                    )
            previous = block.text

    def journeys(self) -> Iterator[Record]:
        yield from journey.records(self.blocks, self.prov, _org_for)


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

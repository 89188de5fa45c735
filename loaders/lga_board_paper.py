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
from loaders._committee_paper_text import PERSON, Block
from loaders.base import document_record
from loaders.dates import parse_date, parse_month
from loaders.records import (
    ChallengeRef, Concept, Figure, Intervention, Meeting, Membership, Organisation, OrgRef,
    PeerChallenge, PersonRef, Provenance, Record,
)
from loaders.source import Source, read_source, slugify

GENRE = "lga-board-paper"

_LGA = OrgRef("Local Government Association", "organisation")
_LG_INFORM = OrgRef("LG Inform", "organisation")

# Bodies LGA papers name, as (pattern, canonical ref, part of); other spellings become aliases.
_BODIES: list[tuple[str, OrgRef, OrgRef | None]] = [
    (r"Local Government Association|\bLGA\b(?! Improvement| Executive)", _LGA, None),
    (r"LGA Improvement Board|\b(?<!\w )the Improvement Board", OrgRef("LGA Improvement Board", "board"), _LGA),
    (r"Improvement and Innovation Board", OrgRef("Improvement and Innovation Board", "board"), _LGA),
    (r"LGA Executive|\bthe Executive\b", OrgRef("LGA Executive", "committee"), _LGA),
    (r"Children's Improvement Board", OrgRef("Children's Improvement Board", "board"), None),
    (r"Towards Excellence in (?:Councils?'?s? )?Adult Social Care(?: Programme)? Board",
     OrgRef("Towards Excellence in Adult Social Care Programme Board", "board"), None),
    (r"independent advisory board", OrgRef("LGA Independent Advisory Board", "board"), _LGA),
    (r"Performance Support Panel", OrgRef("Performance Support Panel", "group"), None),
    (r"\bCIPFA\b", OrgRef("CIPFA", "organisation"), None),
    (r"\bIDeA\b", OrgRef("IDeA", "organisation"), None),
    (r"\bRIEP\b", OrgRef("RIEP", "organisation"), None),
    (r"Improvement East", OrgRef("Improvement East", "organisation"), None),
    (r"Audit Commission", OrgRef("Audit Commission", "organisation"), None),
    (r"National Audit Office", OrgRef("National Audit Office", "organisation"), None),
    (r"\bSOLACE\b", OrgRef("SOLACE", "organisation"), None),
    (r"Association of Directors of Adult Social Services",
     OrgRef("Association of Directors of Adult Social Services", "organisation"), None),
    (r"Association of Directors of Children's Services",
     OrgRef("Association of Directors of Children's Services", "organisation"), None),
    (r"Department for Communities and Local Government",
     OrgRef("Department for Communities and Local Government", "organisation"), None),
    (r"\bLG Inform\b", _LG_INFORM, None),
]
# A council by name: "Thurrock Council", "Southwark council", "London Borough of Barking and Dagenham".
_COUNCIL = re.compile(
    r"\b(?:London Borough of [A-Z][a-z]+(?: (?:and|upon|on) [A-Z][a-z]+| [A-Z][a-z]+)*"
    r"|(?<!the )(?<!The )(?<!This )(?<!each )(?:[A-Z][a-z]+ ){1,2}(?:City |County |Borough )?[Cc]ouncil\b(?!s))"
)
_NOT_PLACES = {"The", "This", "Each", "Every", "A", "Labour", "Conservative", "County", "City", "Borough", "Town"}
_BODY_LINE = re.compile(r"^(?:LGA )?(?P<body>(?:[A-Z][\w,'&]*\s+){0,6}(?:Board|Executive|Committee|Panel))$")
_LGA_BOARDS = re.compile(
    r"Improvement and Innovation Board|LGA Executive|Children and Young People Board|Community Wellbeing"
    r" Board|Resources Board|People and Places Board|Safer and Stronger Communities Board|LGA Improvement"
    r" Board|Fire Services Management Committee|City Regions Board|Workforce Board"
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
    if re.search(r"^Contact officer:", text, re.MULTILINE | re.IGNORECASE) and re.search(r"^Position:", text, re.MULTILINE):
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
    return min(structure + lga, 1.0) if lga else min(structure, 0.3)


def load(path: Path, *, settings: Settings) -> Iterator[Record]:
    """Read one LGA board paper; the DocumentRecord first, then everything else."""
    source = read_source(path)
    header = _Header(source)
    yield document_record(source, genre=GENRE, title=header.title, date=header.date, publisher=_LGA)
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
            asked = re.search(r"\bThe (?P<b>(?:[A-Z][\w']*\s+){0,5}(?:Executive|Board)) is (?:asked|invited|"
                              r"recommended) to", source.text())
            self.body = asked["b"] if asked else None


def _org_for(text: str) -> OrgRef:
    for pattern, ref, _part in _BODIES:
        if re.search(pattern, text, re.IGNORECASE):
            return ref
    name = re.sub(r"^(?:the|The)\s+", "", text.strip())
    if _COUNCIL.fullmatch(name):
        return OrgRef(re.sub(r"council$", "Council", name), "council")
    kind = "board" if name.endswith("Board") else "committee" if name.endswith("Committee") else "organisation"
    return OrgRef(name, kind)  # type: ignore[arg-type]


class _Paper:
    """The paper's blocks and what the extractors share: where to cite, which council."""

    def __init__(self, source: Source, blocks: list[Block], header: _Header) -> None:
        self.source, self.blocks, self.header = source, blocks, header
        self.prefix = f"item {header.item}" if header.item else ""

    def prov(self, block: Block, *, position: int | None = None) -> Provenance:
        return txt.provenance(self.source, block, txt.location(block, prefix=self.prefix, position=position))

    def meeting(self) -> Iterator[Record]:
        if self.header.body and self.header.date:
            where = Provenance(self.source.key, "header", line=1)
            yield Meeting(_org_for(self.header.body) if self.header.body != "Executive" else _org_for("LGA Executive"),
                          self.header.date, where, item=self.header.item, title=self.header.title)

    def organisations(self) -> Iterator[Record]:
        for pattern, ref, part_of in _BODIES:
            found = [(m.group(0), b) for b in self.blocks for m in re.finditer(pattern, b.text, re.IGNORECASE)]
            if not found:
                continue
            aliases = tuple(sorted({n for n, _ in found if n != ref.name and not n.lower().startswith("the ")}))
            yield Organisation(ref, self.prov(found[0][1]), part_of=part_of, aliases=aliases,
                               description=self._description(ref))
        seen: set[str] = set()
        for block in self.blocks:
            for found in _COUNCIL.finditer(block.text):
                ref = _org_for(found.group(0))
                if ref.kind == "council" and ref.name not in seen and ref.name.split()[0] not in _NOT_PLACES:
                    seen.add(ref.name)
                    yield Organisation(ref, self.prov(block))
        for block in self.blocks:
            found = re.search(r"representatives from,? (?:amongst others,? )?(?P<list>[^.]+)", block.text)
            for name in re.split(r",\s*|\s+and\s+(?=the\s|[A-Z]{2,}\b)", found["list"]) if found else []:
                ref = _org_for(name)
                if ref.kind == "organisation" and not any(re.search(p, name, re.IGNORECASE) for p, _r, _x in _BODIES):
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
            post = next((m["post"] for ln in lines[index + 1:index + 4]
                         if (m := re.match(r"^(?:Position|Job title):\s*(?P<post>.+)$", ln.text))), None)
            who = txt.person(found["who"])
            if who and post:
                where = Provenance(self.source.key, "contact officer", line=line.number, page=line.page)
                yield Membership(who, _LGA, post.strip(), where)

    def chairs(self) -> Iterator[Record]:
        """ "an independent advisory board chaired by Steve Freer, Chief Executive of CIPFA"."""
        pattern = re.compile(
            rf"(?P<body>(?:[\w']+\s+){{0,6}}?(?:[Bb]oard|Panel|Committee|Group)),? (?:is |was )?chaired by"
            rf" (?P<who>{PERSON})(?:,? (?P<post>Chief Executive|Chair|Leader|Director[\w ]*?) of (?P<org>[A-Z][\w&' ]+?))?[,.;( ]"
        )
        for block in self.blocks:
            for found in pattern.finditer(block.text):
                who = txt.person(found["who"])
                if who is None:
                    continue
                yield Membership(who, _org_for(found["body"]), "Chair", self.prov(block))
                if found["post"]:
                    yield Membership(who, _org_for(found["org"]), found["post"], self.prov(block))

    def offers(self) -> Iterator[Record]:
        """ "Key features of the Peer Challenge offer are:" and its numbered sub-items."""
        for block in self.blocks:
            found = re.search(r"Key (?:features|elements|principles|components) of (?:the |our )?(?P<name>.+?)"
                              r" (?:are|include|is)\b", block.text) if block.kind == "para" else None
            if not found:
                continue
            scheme = slugify(found["name"])
            for position, item in enumerate(txt.items_of(self.blocks, block), start=1):
                yield Concept(scheme, txt.tidy_item(item.text), self.prov(item, position=position),
                              notation=item.number, owner=_LGA)

    def figures(self) -> Iterator[Record]:
        previous = ""
        for block in self.blocks:
            about_inform = "LG Inform" in block.text or ("LG Inform" in previous and block.text.startswith("It "))
            for pattern, measure, unit, about in _FIGURES:
                for found in re.finditer(pattern, block.text):
                    subject = _LG_INFORM if about == "inform" and about_inform else _LGA if about == "lga" else None
                    if about == "inform" and subject is None:
                        continue
                    label = _figure_label(measure, found)
                    yield Figure(measure, float(found["n"].replace(",", "")), self.prov(block), unit=unit,
                                 label=label, about=subject)
            previous = block.text

    def journeys(self) -> Iterator[Record]:
        yield from _Journeys(self).records()


# (pattern, measure, unit, about): "lga" figures are the LGA's own; "inform" ones are about LG Inform.
_FIGURES: list[tuple[str, str, str | None, str]] = [
    (r"delivered (?P<n>\d[\d,]*) (?P<new>new )?corporate peer challenges", "corporate-peer-challenges-delivered",
     "peer challenges", "lga"),
    (r"(?:another|a further) (?P<n>\d[\d,]*) (?P<rest>booked in(?: or in discussion)?)",
     "corporate-peer-challenges-booked", "peer challenges", "lga"),
    (r"covering (?P<n>\d[\d,]*) individual (?:data )?items", "data-items", "items", "inform"),
    (r"(?P<q>over |more than |some )?(?P<n>\d[\d,]*) registered (?:local )?authorities", "registered-authorities",
     "authorities", "inform"),
    (r"(?P<q>over |more than |some )?(?P<n>\d[\d,]*) registered users", "registered-users", "users", "inform"),
]


def _figure_label(measure: str, found: re.Match[str]) -> str:
    if measure == "corporate-peer-challenges-delivered":
        return f"{found['n']} {found['new'] or ''}corporate peer challenges delivered".replace("  ", " ")
    if measure == "corporate-peer-challenges-booked":
        return f"{found['n']} {found['rest']}"
    return found.group(0).strip()


_WHEN = r"(?P<when>(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4})"
_FORMER_ORG = r"(?P<org>London Borough of [A-Z][\w ]+?|(?:[A-Z][a-z]+ ){1,2}[Cc]ouncil)(?= as well|\)|,|\.| and| was)"
# Posts in a council's improvement journey, as (pattern, flags); named groups who / post / when.
_JOURNEY_POSTS: list[tuple[str, dict[str, bool]]] = [
    (rf"\bLeader is (?P<who>(?:Councillor|Cllr)\.? {txt.NAME})", {}),
    (rf"\b(?:[Ii]nterim|[Aa]cting) (?P<post>Chief Executive|Director of [A-Z][\w ]+?),? (?P<who>{txt.NAME})",
     {"interim": True}),
    (rf"(?P<who>{txt.NAME}),? who (?:took over as|became|was appointed) (?P<post>Chief Executive|Leader) in {_WHEN}", {}),
    (rf"(?P<who>{txt.NAME}),? (?:took over as|became|was appointed) (?P<post>Chief Executive|Leader) in {_WHEN}", {}),
]
_FORMER = re.compile(
    rf"(?:experience of being|served as a previous|previously|formerly) (?:the )?(?P<post>Chief Executive|Leader)"
    rf"\s*(?:\(|at |of ){_FORMER_ORG}"
)
_ATTENDS = re.compile(rf"(?P<who>{txt.NAME}), (?P<post>Chief Executive|Leader), (?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
                      rf" (?:will|would|is|has|to)\b")
_SUPPORT = [
    (r"(?P<org>[A-Z][\w ]+?) (?:was [^.]*? and )?provided (?:significant )?financial support totalling (?:some )?"
     r"(?P<amount>£[\d.,]+[kmb]?n?)", "{amount} financial support from {org}"),
    (r"(?:The |the )?(?P<org>[A-Z][\w]+) provided a range of support,? (?:particularly )?in relation to (?P<what>[^.;]+)",
     "{org} support on {what}"),
    (r"provided seconded staff to (?P<what>[^.;]+)", "seconded staff to {what}"),
]
_JOURNEY_FIGURES = [
    (r"CPA (?:was |was to be |of |score of )?(?P<n>\d) star", "cpa-stars", "stars"),
    (r"Use of Resources score (?:was |of )?(?P<n>\d)", "use-of-resources-score", None),
    (r"population of (?P<n>\d[\d,]*)", "population", "people"),
]


class _Journeys:
    """A council's improvement journey: posts, improvement board and its support, peer challenge."""

    def __init__(self, paper: _Paper) -> None:
        self.paper = paper
        self.posts: dict[tuple[str, str, str], Membership] = {}

    def records(self) -> Iterator[Record]:
        for heading in self.paper.blocks:
            found = re.match(r"^(?:The )?Improvement [Jj]ourney of (?P<c>.+)$|^(?P<c2>.+?)'s [Ii]mprovement [Jj]ourney$",
                             heading.text) if heading.kind == "heading" else None
            if found:
                council = _org_for(found["c"] or found["c2"])
                council = council if council.kind == "council" else OrgRef(council.name, "council")
                section = [b for b in self.paper.blocks if b.section == heading.text and b.kind != "heading"]
                yield from self._section(council, section)
        for block in self.paper.blocks:
            for found in _ATTENDS.finditer(block.text):
                self._keep(found["who"], self._place(found["place"]), found["post"], block)
        yield from self.posts.values()

    def _place(self, place: str) -> OrgRef:
        for (_n, org, _r), post in self.posts.items():
            if org.split()[0] == place and isinstance(post.organisation, OrgRef):
                return post.organisation
        return OrgRef(place, "council")

    def _keep(self, who_text: str, org: OrgRef, role: str, block: Block, **extra: object) -> None:
        who = txt.person(who_text)
        if who is None:
            return
        key = (who.name, org.name, role)
        if key not in self.posts or extra:
            self.posts[key] = Membership(who, org, role, self.paper.prov(block), **extra)  # type: ignore[arg-type]

    def _section(self, council: OrgRef, section: list[Block]) -> Iterator[Record]:
        short = council.name.split()[0]
        challenges: set[tuple[int, int]] = set()
        for block in section:
            for sentence in txt.sentences(block.text):
                self._posts(council, sentence, block)
                month = parse_month(sentence)
                if re.search(r"corporate peer challenge", sentence, re.IGNORECASE) and month and month not in challenges:
                    challenges.add(month)
                    yield PeerChallenge(ChallengeRef(council, month[0], month[1]), self.paper.prov(block))
            for pattern, measure, unit in _JOURNEY_FIGURES:
                for found in re.finditer(pattern, block.text):
                    if short in block.text or measure != "population":
                        yield Figure(measure, float(found["n"].replace(",", "")), self.paper.prov(block),
                                     unit=unit, label=found.group(0), about=council)
        yield from self._improvement_board(council, section)

    def _posts(self, council: OrgRef, sentence: str, block: Block) -> None:
        person: str | None = None
        for pattern, flags in _JOURNEY_POSTS:
            for found in re.finditer(pattern, sentence):
                groups = found.groupdict()
                start = parse_month(groups["when"]) if groups.get("when") else None
                extra: dict[str, object] = dict(flags)
                if start:
                    extra["start"] = date(start[0], start[1], 1)
                self._keep(found["who"], council, groups.get("post") or "Leader", block, **extra)
                person = found["who"]
        former = _FORMER.search(sentence)
        if former and person:
            self._keep(person, _org_for(former["org"]), former["post"], block, former=True)

    def _improvement_board(self, council: OrgRef, section: list[Block]) -> Iterator[Record]:
        for block in section:
            found = re.search(r"establishment of (?:a|an|the) (?P<name>(?:[A-Z][\w']*\s+)*Board)"
                              r"(?:\s*\((?P<acr>[A-Z]{2,6})\))?", block.text)
            if not found:
                continue
            month = parse_month(block.text)
            established = date(month[0], month[1], 1) if month else None
            board = OrgRef(found["name"].strip(), "board")
            names = "|".join(re.escape(n) for n in (board.name, found["acr"]) if n)
            purpose = next((s for b in section for s in txt.sentences(b.text)
                            if re.match(rf"The purpose of the (?:{names})", s)), None)
            yield Organisation(board, self.paper.prov(block), established=established, description=purpose,
                               aliases=(found["acr"],) if found["acr"] else ())
            support = tuple(template.format(**{k: v.replace("their ", "").strip() for k, v in m.groupdict().items()})
                            for b in section for pattern, template in _SUPPORT for m in re.finditer(pattern, b.text))
            yield Intervention("improvement-board", council, self.paper.prov(block), label=board.name,
                               start=established, body=board, support=support)
            return

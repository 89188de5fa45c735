"""The people of a team, wherever and however a document lists them: after a heading ("The
peer team") or a sentence ("The peers who delivered the peer challenge were:", "delivered by
members of the original peer team:"), as a list (nested: "The lead peers were:" then "The
wider team included:"), a table with columns in any order, standalone lines, or prose
("The peer team was led by ..., and included ...; ...; and .... The team was supported by
...")."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from loaders.document import (
    Block,
    Document,
    Heading,
    Item,
    ListBlock,
    Paragraph,
    Place,
    Table,
    block_text,
)
from loaders.organisations import is_lga, is_org_name, org_ref
from loaders.people import Entry, parse_entry, team_role
from loaders.people_prose import WRITER, bio_entry, prose_entries
from loaders.people_rows import parse_row
from loaders.records import OrgRef
from loaders.team_cards import cards, post_over_name

_TEAM_HEADING = re.compile(
    r"^(?:(?:annex|appendix)\s+\w{1,3}\s*[:.–—-]\s*)?"  # "Annex A: The peer team"
    r"(?:(?:the|our|membership of the|members of the|who was on the)\s+)?"
    r"(?:(?:corporate\s+)?(?:peer|review|peer review|peer challenge|challenge|progress review|"
    r"finance peer review|lga|review|full|core)\s+)?(?:team|panel)(?:\s+members|\s+membership)?$"
    r"|^on behalf of the (?:peer |review )?team$|^peers?$|^the peers?$",
    re.IGNORECASE,
)
_TEAM_SENTENCE = re.compile(
    r"(?:peers?|team members?|members of the (?:original\s+)?(?:peer\s+)?team|review team|peer team|"
    r"the team)\s+(?:who|that)?\s*(?:delivered|undertook|carried out|conducted|took part|"
    r"was made up of|were|was|comprised|consisted|included|is|are)"
    r"|(?:was|were)\s+(?:delivered|undertaken|carried out|conducted)\s+(?:on[- ]?site\s+)?by"
    r"|on behalf of the (?:peer\s+)?team|\bby:$|team (?:was|were)\s+led by|peer team was|"
    r"the (?:peer|review) team (?:included|comprised|consisted)",
    re.IGNORECASE,
)
_LABELS = (
    (re.compile(r"\blead (?:member )?peers?\b|\bled by\b", re.I), "Lead Peer"),
    (re.compile(r"\bmember peers?\b", re.I), "Member Peer"),
    (re.compile(r"\bofficer peers?\b", re.I), "Officer Peer"),
    (re.compile(r"\bshadow peers?\b", re.I), "Shadow Peer"),
    (
        re.compile(r"\b(?:supported|managed) by\b|\bpeer challenge manager", re.I),
        "Peer Challenge Manager",
    ),
    (re.compile(r"\bwider team\b|\bother peers?\b|\bteam (?:also )?included\b", re.I), "Peer"),
)
MAX_BLOCKS = 40  # blocks read after an anchor
MAX_INTRO = 3  # blocks of introduction skipped before the first person


@dataclass(frozen=True)
class TeamMember:
    entry: Entry
    role: str  # the team role: "Peer" unless the document says otherwise
    index: int  # block
    place: Place
    position: int  # 1-based order on the team


def team(document: Document) -> list[TeamMember]:
    """Everyone a team list names, once each (a team listed twice gives its people once), in
    order of first mention."""
    found: list[TeamMember] = []
    seen: set[str] = set()
    for anchor in anchors(document):
        for index, place, entry, context in _people_after(document, anchor):
            key = entry.person.name.lower()
            if key in seen:
                continue
            seen.add(key)
            role = entry.role or context or "Peer"
            found.append(TeamMember(entry, role, index, place, len(found) + 1))
    writer = signatory(document) if any(_names_writer(document, m.index) for m in found) else None
    if writer is not None and writer[2].person.name.lower() not in seen:
        at, signed, who, as_role = writer
        found.append(TeamMember(who, as_role or "Peer", at, signed, len(found) + 1))
    return found


def _names_writer(document: Document, index: int) -> bool:
    """A team sentence that counts the letter's writer in: "...; and me, supported by ..."."""
    block = document.blocks[index]
    return isinstance(block, Paragraph) and bool(WRITER.search(block.text))


_CLOSING = re.compile(
    r"^(?:yours\s+(?:sincerely|faithfully|truly)|with best wishes|kind regards)\b", re.I
)


def signatory(document: Document) -> tuple[int, Place, Entry, str | None] | None:
    """Who signs a letter, and where: the name, post and role under "Yours sincerely," (a
    card)."""
    for index, block in enumerate(document.blocks):
        if _CLOSING.match(block_text(block)) and index + 1 < len(document.blocks):
            found, _ = cards(document, index + 1, None)
            return (index + 1, *found[0]) if found else None
    return None


def anchors(document: Document) -> Iterator[int]:
    """Blocks after which a team is listed: team headings, and sentences introducing one."""
    for index, block in enumerate(document.blocks):
        if isinstance(block, Paragraph) and (
            _prose_team(block.text) or _TEAM_LINE.match(block.text)
        ):
            yield index - 1  # the prose itself is read as the first block after the anchor
        elif (isinstance(block, Heading) and _TEAM_HEADING.match(block.text.strip())) or (
            isinstance(block, Paragraph) and _introduces(block.text)
        ):
            yield index
        elif isinstance(block, ListBlock) and any(
            _introduces(item.text) for _, item in block.walk() if item.children
        ):
            yield index  # "3.1 ... The peers were:" with the team nested under it


def _people_after(
    document: Document, anchor: int
) -> Iterator[tuple[int, Place, Entry, str | None]]:
    block = document.blocks[anchor] if anchor >= 0 else None
    if isinstance(block, ListBlock):
        for _, item in block.walk():
            if item.children and _introduces(item.text):
                nested = ListBlock(item.children, item.place)
                for place, entry, role in _list_people(nested, None):
                    yield anchor, place, entry, role
    yield from _read_after(document, anchor)


def _introduces(text: str) -> bool:
    """A sentence that ends in ':' and is about the peers or the team: "The peers who will
    be working with us are:", "The full team was:", "Members of the review panel were:"."""
    last = re.split(r"(?<=[.!?])\s+", text.strip())[-1]
    if not last.endswith(":"):
        return False
    return bool(_TEAM_SENTENCE.search(last)) or bool(
        re.search(
            r"\b(?:peers|peer team|(?:the|our|full|review|challenge|whole)\s+(?:team|panel))\b",
            last,
            re.I,
        )
        and not re.search(r"\b(?:recommend\w*|asked)\b", last, re.I)
    )


def _prose_team(text: str) -> bool:
    return bool(
        re.search(
            r"\b(?:peer |review |challenge )?team\s+(?:was|were)\s+(?:led|made up|comprised)|"
            r"\bteam (?:comprised|consisted of|included)\s+[A-Z]|\bpeers were\s+[A-Z]|"
            r"\b(?:carried out|delivered|undertaken|conducted) by\s+(?:(?:Councillor|Cllr|Dr)\s+)?"
            r"[A-Z][\w'-]+\s+[A-Z][\w'-]+\s*[(,]",
            text,
        )
    )


def _read_after(document: Document, anchor: int) -> Iterator[tuple[int, Place, Entry, str | None]]:
    """People in the blocks after `anchor`, with the role a label over them gives."""
    level = _level(document, anchor)
    context: str | None = None
    found = 0
    skipped = 0
    read_to = anchor  # the last block read, cards reading on past the block they start in
    for index in range(anchor + 1, min(len(document.blocks), anchor + 1 + MAX_BLOCKS)):
        if index <= read_to:
            continue
        block = document.blocks[index]
        closes = isinstance(block, Heading) and level is not None and block.level <= level
        if closes and not _entry_heading(block):  # type: ignore[arg-type]
            break
        people = list(_people(index, block, context))
        if people and not any(entry.posts for _, entry, _ in people):  # names alone: cards?
            found_cards, read_to = cards(document, index, context)
            people = found_cards or people
        if not people and (under := _post_then_name(document, index)) is not None:
            people, read_to = [(block.place, under, context)], index + 1
        if people:
            for place, entry, role in people:
                yield index, place, entry, role
            found += len(people)
            continue
        label = _label(block)
        if label is not None:
            context = label
            continue
        if found:
            break
        skipped += 1
        if skipped > MAX_INTRO:
            break


# A team on one line: "Peer team: Philippa Moorcroft (lead peer, Head of Communications,
# Cheltenham Borough Council); Cllr Hywel Brangwyn (member peer, ...); ...".
_TEAM_LINE = re.compile(
    r"^(?:the\s+|our\s+)?(?:peer|review|challenge)\s+team\s*:\s+(?=[A-Z])", re.I
)

# Where a cell that wrapped over lines holds a second person: "..., Dacorum Borough Council
# Councillor Nisha Varma (Labour), Cabinet Member ...".
_NEXT_PERSON = re.compile(r"(?<=[a-z)])\s+(?=(?:Councillor|Cllr\.?|Dr|Sir|Dame|Professor)\s+[A-Z])")


def _one_person_each(row: Sequence[str]) -> list[list[str]]:
    """A row as rows of one person each: a cell naming several people (each with a post) is
    split, the other cells kept beside each."""
    for column, cell in enumerate(row):
        parts = _NEXT_PERSON.split(cell)
        if len(parts) > 1 and all("," in part for part in parts):
            return [[*row[:column], part, *row[column + 1 :]] for part in parts]
    return [list(row)]


def _post_then_name(document: Document, index: int) -> Entry | None:
    """A post paragraph (wrapped over lines) with the name and role in the paragraph after."""
    if index + 1 >= len(document.blocks):
        return None
    block, after = document.blocks[index], document.blocks[index + 1]
    if not isinstance(block, Paragraph) or not isinstance(after, Paragraph):
        return None
    return post_over_name([block.text, after.text])


def _level(document: Document, anchor: int) -> int | None:
    if anchor < 0:
        return None
    block = document.blocks[anchor]
    if isinstance(block, Heading):
        return block.level
    around = document.enclosing(anchor)
    return around[-1].level if around else None


def _entry_heading(block: Heading) -> bool:
    return parse_entry(block.text) is not None


def _label(block: Block) -> str | None:
    """A line over part of a team ("The lead peers were:", "Wider team"): the role it gives."""
    text = block.text if isinstance(block, Heading | Paragraph) else ""
    if not text or len(text.split()) > 14:
        return None
    for pattern, role in _LABELS:
        if pattern.search(text):
            return role
    return team_role(text)


def _people(
    index: int, block: Block, context: str | None
) -> Iterator[tuple[Place, Entry, str | None]]:
    if isinstance(block, ListBlock):
        yield from _list_people(block, context)
    elif isinstance(block, Table):
        for row_index, row in enumerate(block.rows):
            for cells in _one_person_each(row):
                entry = parse_row(cells, block.header)
                if entry is not None:
                    yield block.row_place(row_index), entry, context
    elif isinstance(block, Paragraph) and (line := _TEAM_LINE.match(block.text)):
        offset = line.end()  # "Peer team: A (lead peer, Post, Org); B (...); ..."
        for chunk in block.text[line.end() :].split(";"):
            entry = parse_entry(chunk.strip(" .")) if chunk.strip() else None
            if entry is not None:
                yield block.place_at(offset), entry, context
            offset += len(chunk) + 1
    elif isinstance(block, Paragraph):
        under = post_over_name([text for text, _ in block.lines()])
        if under is not None:
            yield block.place, under, context
            return
        by_line = list(_line_people(block, context))
        if by_line:
            yield from by_line
            return
        entry = parse_entry(block.text) if len(block.text) < 250 else None
        if entry is not None and not _prose_team(block.text):
            yield block.place, entry, context
            return
        bio = bio_entry(block.text) if len(block.text) < 300 else None
        if bio is not None:
            yield block.place, bio, context
            return
        for offset, found in prose_entries(block.text):
            yield block.place_at(offset), found, context
    elif isinstance(block, Heading):
        entry = parse_entry(block.text)
        if entry is not None:
            yield block.place, entry, context


def _line_people(
    block: Paragraph, context: str | None
) -> Iterator[tuple[Place, Entry, str | None]]:
    """A paragraph joined from lines that each name a person: a list whose bullets were lost."""
    lines: list[tuple[str, Place]] = []
    for text, place in block.lines():  # a line naming no one carries on the one above
        if lines and parse_entry(text) is None:
            lines[-1] = (f"{lines[-1][0]} {text}", lines[-1][1])
        else:
            lines.append((text, place))
    entries = [(place, parse_entry(text)) for text, place in lines]
    if len(lines) >= 2 and all(entry is not None for _, entry in entries):
        for place, entry in entries:
            assert entry is not None
            yield place, entry, context


def _list_people(
    block: ListBlock, context: str | None
) -> Iterator[tuple[Place, Entry, str | None]]:
    """Items of a (nested) list: an item that is a label gives the role of the items under it
    ("Member peers:"), or their organisation ("From the Local Government Association:")."""
    for item in block.items:
        if not item.children and parse_entry(item.text) is None and (over := _label_item(item)):
            context = over  # "Lead peer" as an item of its own: the items after it are such
            continue
        if len(item.children) == 1 and not item.children[0].children:
            under = post_over_name([item.text, item.children[0].text])
            if under is not None:
                yield item.place, under, context
                continue
        entry = parse_entry(item.text)
        label = _label(Paragraph(item.text, item.place)) if entry is None else None
        body = _label_organisation(item.text) if entry is None else None
        role = label or context
        if entry is not None:
            yield item.place, entry, role
        for _, child in item.walk():
            if child is item:
                continue
            found = parse_entry(child.text, organisation=body)
            if found is not None:
                yield child.place, found, role


def _label_item(item: Item) -> str | None:
    return _label(Paragraph(item.text, item.place))


def _label_organisation(text: str) -> OrgRef | None:
    """The body a label over part of a team names: "From the Local Government Association:"."""
    found = re.match(
        r"^(?:(?:from|staff (?:from|of)|officers? (?:from|of)|of|at)\s+)?(?:the\s+)?(?P<org>.+?):?$",
        text.strip(),
        re.IGNORECASE,
    )
    if found and (is_org_name(found["org"]) or is_lga(found["org"])):
        return org_ref(found["org"])
    return None


def with_role(member: TeamMember, role: str) -> TeamMember:
    return replace(member, role=role)

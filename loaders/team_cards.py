"""Peer teams set out as cards: a name on a line of its own, then its post and organisation,
then (maybe) its team role, each on the next line, in whatever blocks the reader made of
them (a bold name read as a heading, the lines under it as an unmarked list):

    Councillor Bridget Lanyon            **Fiona Gallacher**
    Chair of the Strategic Planning      Chief Executive, Bracknell Forest Council
    Committee, Cornwall Council          *Lead officer peer*
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from loaders.document import Block, Document, Heading, ListBlock, Paragraph, Place
from loaders.people import Entry, parse_entry, team_role

MAX_LINES = 60  # lines read as cards after a name


@dataclass
class _Card:
    name: str
    place: Place
    entry: Entry
    role: str | None = None
    posted: bool = False


def cards(
    document: Document, first: int, context: str | None
) -> tuple[list[tuple[Place, Entry, str | None]], int]:
    """The cards from block `first` on (it names a person alone), each with its own team
    role or else `context`, and the last block read. None unless a card gave a post: the
    lines are not cards then."""
    found: list[_Card] = []
    last = first
    for index, text, place in _lines(document, first):
        role = team_role(re.sub(r"\s*\([^)]*\)$", "", text))  # "Member peer (Labour)"
        entry = None if role else parse_entry(text)
        card = found[-1] if found else None
        if role and card is not None and card.role is None:
            card.role = role
        elif entry is not None and not entry.posts:
            found.append(_Card(text, place, entry))
        elif card is not None and not card.posted and (joined := _joined(card, text)):
            card.entry, card.posted = joined, True
        else:
            break
        last = index
    if not any(card.posted for card in found):
        return [], first
    return [(c.place, c.entry, c.role or c.entry.role or context) for c in found], last


def _joined(card: _Card, text: str) -> Entry | None:
    joined = parse_entry(f"{card.name.rstrip(' ,')}, {text}")
    if joined is None or not joined.posts or joined.person != card.entry.person:
        return None
    return joined


def _lines(document: Document, first: int) -> Iterator[tuple[int, str, Place]]:
    """Each line of the blocks from `first` on, with its block: headings, paragraphs' lines
    and list items; a table ends them."""
    count = 0
    for index in range(first, len(document.blocks)):
        for text, place in _block_lines(document.blocks[index]):
            yield index, text, place
            count += 1
            if count >= MAX_LINES:
                return
        if not isinstance(document.blocks[index], Heading | Paragraph | ListBlock):
            return


def _block_lines(block: Block) -> list[tuple[str, Place]]:
    if isinstance(block, Heading):
        return [(block.text, block.place)]
    if isinstance(block, Paragraph):
        return list(block.lines())
    if isinstance(block, ListBlock):
        return [(item.text, item.place) for top in block.items for _, item in top.walk()]
    return []


def post_over_name(lines: list[str]) -> Entry | None:
    """A peer written post first, then their name and role on the line below ("Director of
    Children's Services, Stockport Metropolitan Borough Council" / "Annabel Whitcombe – lead
    peer"): one entry."""
    if len(lines) < 2:
        return None
    last = parse_entry(lines[-1])
    if last is None or last.posts or parse_entry(lines[0]) is not None:
        return None
    person = " ".join(filter(None, [last.person.honorific, last.person.name]))
    joined = parse_entry(f"{person}, {' '.join(lines[:-1])}")
    if joined is None or not joined.posts or joined.person.name != last.person.name:
        return None
    return replace(joined, role=last.role or joined.role, party=last.party or joined.party)

"""Shared reading of committee and board papers (London Councils, LGA): the text cut into
headings, numbered paragraphs and list items, with page furniture removed.

Used by `london_councils_paper` and `lga_board_paper`; private to those two loaders.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from loaders.names import split_honorific
from loaders.records import Meeting, Membership, Organisation, OrgRef, PersonRef, Provenance, Record
from loaders.source import Line, Source

# Page furniture: page numbers, "Item 2" running heads, London Councils footers such as
# "Leaders' Committee - 21 March 2017 Agenda Item 7, Page 3".
_FURNITURE = re.compile(
    r"^(?:Page \d+(?: of \d+)?|\d{1,3}|(?:Agenda )?Item:? ?\d+[a-z]?"
    r"|.{0,120}Agenda Item \d+,? Page \d+"
    r"|Local Government House, Smith Square.*|www\.local\.gov\.uk)$",
    re.IGNORECASE,
)
_ITEM_FURNITURE = re.compile(r"^(?:Agenda )?Item:? ?(?P<item>\d+[a-z]?)$", re.IGNORECASE)
_NUMBERED = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,2})\.?\s+(?P<text>\S.*)$")
_BULLET = re.compile(r"^(?:[-•*▪●◦]|o(?=\s))\s*(?P<text>.*)$")
_LETTERED = re.compile(r"^\((?P<num>[ivx]{1,5}|[a-z])\)\s*(?P<text>\S.*)$")
_APPENDIX = re.compile(r"^(?:Appendix|Annex)\s+(?P<id>[A-Z0-9]{1,3})\b\.?$", re.IGNORECASE)
_TERMINAL = re.compile(r"[.;:,!?\"')\]]$")  # a line that ends like this is no heading
_SENTENCE_END = re.compile(r"[.;:!?\"')\]]$")  # a block that ends like this is complete
_MD_HEADING = re.compile(r"^#{1,6}\s*")
_SENTENCE = re.compile(r"(?<=[.!?])[\"']?\s+(?=[A-Z\"'(])")

NAME = r"[A-Z][a-zA-Z'\-]+(?:\s+(?:[A-Z][a-zA-Z'\-]+|de|van|von))*"
HONORIFIC = r"(?:Councillor|Cllr|Mayor|Sir|Dame|Dr|Lord|Baroness|Professor|Prof)\.?"
PERSON = rf"(?:{HONORIFIC}\s+)?{NAME}"


@dataclass
class Block:
    """A heading, a numbered paragraph, a list item or a run of plain text."""

    kind: str  # "heading", "para", "item" (bullet or sub-item) or "text"
    text: str
    line: Line
    number: str | None = None  # "12", "7.1", "(ii)"
    parent: str | None = None  # the paragraph an item belongs to
    section: str = ""  # the nearest heading above
    part: str = ""  # "" for the main report, "Appendix 1" after such a heading
    index: int = 0  # 1-based position of an item in its list


def furniture_lines(source: Source) -> set[int]:
    """Line numbers that are page furniture, including running heads repeated on PDF pages
    (the first occurrence is kept: it is usually the paper's own header)."""
    drop = {line.number for line in source.lines if _FURNITURE.match(line.text)}
    if source.pages:
        edges: dict[int, Line] = {}
        for page in range(1, source.pages + 1):
            on_page = [ln for ln in source.lines if ln.page == page and ln.text]
            edges |= {ln.number: ln for ln in on_page[:2] + on_page[-2:]}
        counts = Counter(ln.text for ln in edges.values())  # one count per page at most
        seen: set[str] = set()
        for ln in edges.values():
            if counts[ln.text] > 1 and len(ln.text) < 90:
                if ln.text in seen:
                    drop.add(ln.number)
                seen.add(ln.text)
    return drop


def item_from_furniture(source: Source) -> str | None:
    """The agenda item number printed as a running head ("Item 2"), if any."""
    for line in source.lines:
        found = _ITEM_FURNITURE.match(line.text)
        if found:
            return found["item"]
    return None


def _looks_like_heading(text: str, previous: Block | None, gap: bool) -> bool:
    if (
        len(text) > 80
        or _TERMINAL.search(text)
        or not text[0].isupper()
        or re.search(r"\. [A-Z]", text)
    ):
        return False
    return (
        previous is None
        or gap
        or previous.kind == "heading"
        or bool(_SENTENCE_END.search(previous.text))
    )


def _continues(text: str, previous: Block | None, gap: bool, page_break: bool) -> bool:
    """Does this line carry on the block above (a wrapped line, or text after a page break)?"""
    if previous is None or previous.kind == "heading":
        return False
    if text[0].islower():
        return True
    return (page_break or not gap) and not _SENTENCE_END.search(previous.text)


def _item(text: str, line: Line, para: str | None, section: str, part: str) -> Block | None:
    """A list item: a bullet, "(ii) ...", or a sub-item "7.1 ..." of paragraph 7."""
    bullet, lettered, numbered = _BULLET.match(text), _LETTERED.match(text), _NUMBERED.match(text)
    if bullet and bullet["text"]:
        inner = _NUMBERED.match(bullet["text"]) or _LETTERED.match(bullet["text"])
        body = inner["text"] if inner else bullet["text"]
        return Block("item", body, line, inner["num"] if inner else None, para, section, part)
    if lettered:
        return Block("item", lettered["text"], line, f"({lettered['num']})", para, section, part)
    if numbered and para and numbered["num"].startswith(para + "."):
        return Block("item", numbered["text"], line, numbered["num"], para, section, part)
    return None


def blocks(source: Source, start: int = 0) -> list[Block]:
    """Cut the source (from line index `start`) into blocks, in order."""
    drop = furniture_lines(source)
    out: list[Block] = []
    gap, page_break, section, part, para = False, False, "", "", None
    for line in source.lines[start:]:
        text = _MD_HEADING.sub("", line.text).strip()
        if not text or line.number in drop:
            gap, page_break = gap or not text, page_break or bool(text)
            continue
        previous = out[-1] if out else None
        appendix, numbered = _APPENDIX.match(text), _NUMBERED.match(text)
        item = _item(text, line, para, section, part)
        if appendix:
            part, section, para = f"Appendix {appendix['id']}", "", None
            block = Block("heading", text, line, part=part)
        elif item:
            block = item
            block.index = previous.index + 1 if previous and previous.kind == "item" else 1
        elif numbered and not re.match(r"^\d+\s+(?:per cent|%|[a-z])", text):
            para = numbered["num"]
            block = Block("para", numbered["text"], line, para, None, section, part)
        elif previous is not None and _continues(text, previous, gap, page_break):
            previous.text = f"{previous.text} {text}"
            gap = page_break = False
            continue
        elif _looks_like_heading(text, previous, gap):
            section = text
            block = Block("heading", text, line, section=section, part=part)
        else:
            block = Block("text", text, line, None, para, section, part)
        out.append(block)
        gap = page_break = False
    return out


def sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE.split(text) if part.strip()]


def tidy_item(text: str) -> str:
    """A list item without its closing punctuation or trailing "and"/"or"."""
    text = re.sub(r"[\s;,.:]*(?:\band\b|\bor\b)?[\s;,.:]*$", "", text.strip())
    return re.sub(r"[;,.:\s]+$", "", text).strip()


def person(text: str) -> PersonRef | None:
    """A PersonRef from "Councillor Kober" or "Steve Freer", or None if it is no name."""
    ref = split_honorific(text.strip().rstrip(",."))
    words = ref.name.split()
    if not words or not all(w[0].isupper() or w in ("de", "van", "von") for w in words):
        return None
    if len(words) == 1 and not ref.honorific:
        return None
    return ref if len(words) <= 4 else None


def provenance(source: Source, block: Block, location: str) -> Provenance:
    return Provenance(source.key, location, line=block.line.number, page=block.line.page)


def location(block: Block, *, prefix: str = "", position: int | None = None) -> str:
    """ "Appendix 1, paragraph 6, bullet 3" / "paragraph 9.4" / "heading 'Background'"."""
    parts = [p for p in (prefix, block.part) if p]
    if block.kind == "heading":
        parts.append(f"heading {block.text!r}")
    elif (
        block.kind == "para" or block.kind == "item" and block.number and block.number[0].isdigit()
    ):
        parts.append(f"paragraph {block.number}")
    else:
        if block.parent:
            parts.append(f"paragraph {block.parent}")
        elif block.section:
            parts.append(f"section {block.section!r}")
        if block.kind == "item":
            parts.append(
                f"item {block.number}" if block.number else f"bullet {position or block.index or 1}"
            )
        else:
            parts.append("text")
    return ", ".join(parts)


def items_of(all_blocks: list[Block], para: Block) -> list[Block]:
    """The list items (bullets or sub-items) that belong to paragraph `para`."""
    start = all_blocks.index(para) + 1
    found: list[Block] = []
    for block in all_blocks[start:]:
        if block.kind == "item" and block.parent == para.number and block.part == para.part:
            found.append(block)
        elif block.kind in ("para", "heading"):
            break
    return found


def complete(records: Iterable[Record]) -> Iterator[Record]:
    """The records with repeated Organisation records dropped, and an Organisation added for
    every body a membership or meeting names that no Organisation record states."""
    stated: set[OrgRef] = set()
    named: dict[OrgRef, Provenance] = {}
    for record in records:
        if isinstance(record, Organisation):
            if record.ref in stated:
                continue
            stated.add(record.ref)
        elif isinstance(record, Membership) and isinstance(record.organisation, OrgRef):
            named.setdefault(record.organisation, record.provenance)
        elif isinstance(record, Meeting):
            named.setdefault(record.body, record.provenance)
        yield record
    for ref, where in named.items():
        if ref not in stated:
            yield Organisation(ref, where)

"""Committee papers as their readers cite them: numbered paragraphs ("paragraph 12"), the
bullets and sub-paragraphs under them ("paragraph 11, bullet 2", "paragraph 9.1"), the text
between, the heading each sits under and the appendix it is in.

A view of a `Document` for the genres of London Councils and LGA papers, which state their
facts paragraph by paragraph and are cited that way. The reader has already joined wrapped
lines, paragraphs broken by a page and list items; this only names the parts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from loaders.document import Document, Heading, Item, ListBlock, Paragraph, Place, Span
from loaders.passages import provenance
from loaders.records import Provenance
from loaders.text import sentences as _sentences

_APPENDIX = re.compile(r"^(?:Appendix|Annex)\s+(?P<id>[A-Z0-9]{1,3})\b\.?$", re.IGNORECASE)
_PARAGRAPH_KINDS = {"num", "dotted"}

Kind = Literal["heading", "para", "item", "text"]


@dataclass(frozen=True)
class Para:
    """A heading, a numbered paragraph, an item under one, or plain text."""

    kind: Kind
    text: str
    index: int  # the block it is in
    place: Place
    number: str | None = None  # "12", "7.1", "(ii)"
    parent: str | None = None  # the paragraph an item or text belongs to
    section: str = ""  # the nearest heading above
    part: str = ""  # "" for the main report, "Appendix 1" after such a heading
    position: int = 0  # 1-based position of an item in its run of items
    spans: tuple[Span, ...] = ()


def paragraphs(document: Document, start: int = 0) -> list[Para]:
    """The parts of the paper from block `start` on, in order."""
    found: list[Para] = []
    state = _State()
    for index in range(start, len(document.blocks)):
        block = document.blocks[index]
        if isinstance(block, Heading):
            found.append(state.heading(index, block))
        elif isinstance(block, Paragraph):
            found.append(state.text(index, block))
        elif isinstance(block, ListBlock):
            for depth, item in block.walk():
                found.append(state.item(index, item, depth))
    return found


class _State:
    """Where the walk is: the section, the appendix, the paragraph and the run of items."""

    def __init__(self) -> None:
        self.section = ""
        self.part = ""
        self.para_number: str | None = None  # the numbered paragraph the walk is in
        self.run = 0  # items since the last paragraph or text

    def para(
        self,
        kind: Kind,
        text: str,
        index: int,
        place: Place,
        number: str | None = None,
        **more: Any,
    ) -> Para:
        return Para(kind, text, index, place, number, section=self.section, part=self.part, **more)

    def heading(self, index: int, block: Heading) -> Para:
        self.run, self.para_number = 0, None
        appendix = _APPENDIX.match(block.text)
        if appendix:
            self.part, self.section = f"Appendix {appendix['id']}", ""
        else:
            self.section = block.text
        return self.para("heading", block.text, index, block.place)

    def text(self, index: int, block: Paragraph) -> Para:
        self.run = 0
        where = (index, block.place)
        return self.para("text", block.text, *where, parent=self.para_number, spans=block.spans)

    def item(self, index: int, item: Item, depth: int) -> Para:
        marker, within = item.marker, self.para_number
        sub = marker is not None and within is not None and marker.startswith(within + ".")
        if depth == 0 and item.kind in _PARAGRAPH_KINDS and marker and not sub:
            self.para_number, self.run = marker, 0
            return self.para("para", item.text, index, item.place, marker, spans=item.spans)
        if not item.kind:  # a line of a list whose bullets were lost, or none were written
            return self.text(index, Paragraph(item.text, item.place, item.spans))
        self.run += 1
        number = marker if marker is None or marker[:1].isdigit() else f"({marker})"
        return self.para(
            "item", item.text, index, item.place, number,
            parent=within, position=self.run, spans=item.spans,
        )  # fmt: skip


class Cite(Protocol):
    """How a genre cites a part of its paper (with its own prefix: "item 2, paragraph 9.1")."""

    def __call__(self, block: Para, *, position: int | None = None) -> Provenance: ...


def items_of(found: list[Para], para: Para) -> list[Para]:
    """The items (bullets or sub-paragraphs) that belong to paragraph `para`."""
    start = found.index(para) + 1
    items: list[Para] = []
    for part in found[start:]:
        if part.kind == "item" and part.parent == para.number and part.part == para.part:
            items.append(part)
        elif part.kind in ("para", "heading"):
            break
    return items


def location(para: Para, *, prefix: str = "", position: int | None = None) -> str:
    """ "Appendix 1, paragraph 6, bullet 3" / "paragraph 9.4" / "heading 'Background'"."""
    parts = [p for p in (prefix, para.part) if p]
    if para.kind == "heading":
        parts.append(f"heading {para.text!r}")
    elif para.kind == "para" or (para.kind == "item" and (para.number or "")[:1].isdigit()):
        parts.append(f"paragraph {para.number}")
    else:
        if para.parent:
            parts.append(f"paragraph {para.parent}")
        elif para.section:
            parts.append(f"section {para.section!r}")
        if para.kind == "item":
            where = f"item {para.number}" if para.number else f"bullet {position or para.position}"
            parts.append(where)
        else:
            parts.append("text")
    return ", ".join(parts)


def cite(
    document: Document, para: Para, *, prefix: str = "", position: int | None = None
) -> Provenance:
    """Provenance of a part of the paper, at its place, named as the paper numbers it."""
    return provenance(document, para.place, location(para, prefix=prefix, position=position))


def sentences(text: str) -> list[str]:
    return [sentence for _, sentence in _sentences(text)]


def tidy_item(text: str) -> str:
    """A list item without its closing punctuation or trailing "and"/"or"."""
    text = re.sub(r"[\s;,.:]*(?:\band\b|\bor\b)?[\s;,.:]*$", "", text.strip())
    return re.sub(r"[;,.:\s]+$", "", text).strip()

"""A council plan's `Document` as `council_plan` cites it: headed sections of bullets and
paragraphs, each bullet with the bullet or paragraph that introduces it.

Sections open at the document's headings, at a question standing alone (plans that answer a
government template) and at a numbered line standing alone as a list of its own ("2. How you
plan to take advantage of technology ..."). A bullet is any list item (numbered ones too); a
sub-bullet one nested under another.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from loaders.document import Block, Document, Heading, Item, ListBlock, Paragraph, Place, Table
from loaders.text import sentences

_LEAD_IN = re.compile(r"^(?P<label>[A-Z][^:.?!]{2,90}?):\s+(?P<rest>[A-Z\"'].*)$")
_LEAD_IN_NOT = re.compile(r"\b(?:include|includes|following|follows|are|is|as)$", re.IGNORECASE)


@dataclass
class Section:
    """A part of the plan under one heading; `index` 0 is the text before any heading."""

    index: int
    title: str
    number: str | None = None
    level: int = 1

    @property
    def where(self) -> str:
        title = self.title if len(self.title) <= 60 else self.title[:57].rstrip() + "..."
        if self.number:
            return f"section {self.number} '{title}'"
        return f"section '{title}'" if self.index else "opening"


@dataclass
class Part:
    """A bullet, a paragraph or a heading, with its place."""

    kind: Literal["bullet", "paragraph", "heading"]
    text: str
    place: Place
    section: Section
    depth: int = 0  # 0 for a top-level bullet, 1 for a sub-bullet
    ordinal: int = 0  # 1-based position among the section's bullets (or paragraphs)
    lead_in: str | None = None  # "Data sharing" in "Data sharing: Sharing data with ..."
    parent: Part | None = None  # the bullet or paragraph that introduces this bullet
    emphasis: tuple[str, ...] = field(default=())  # phrases the plan sets in bold

    @property
    def where(self) -> str:
        if self.kind == "heading":
            return self.section.where
        noun = "bullet" if self.kind == "bullet" else "paragraph"
        if self.kind == "bullet" and self.depth and self.parent is not None:
            return f"{self.section.where}, bullet {self.parent.ordinal}, sub-bullet {self.ordinal}"
        return f"{self.section.where}, {noun} {self.ordinal}"

    def sentences(self) -> list[str]:
        return [sentence for _, sentence in sentences(self.text)]


def sections(document: Document, skip: int = 0) -> list[Part]:
    """Sections, bullets and paragraphs of the plan, after its first `skip` blocks."""
    return list(_Walk().blocks(document.blocks[skip:]))


class _Walk:
    def __init__(self) -> None:
        self.section = Section(0, "")
        self.counts: Counter[str] = Counter()
        self.paragraph: Part | None = None  # the last paragraph: it introduces a list
        self.bullet: Part | None = None  # the last top-level bullet: it has the sub-bullets

    def blocks(self, blocks: tuple[Block, ...]) -> Iterator[Part]:
        for at, block in enumerate(blocks):
            following = blocks[at + 1] if at + 1 < len(blocks) else None
            title = _section_title(block, following)
            if title is not None:
                yield self.heading(*title)
            elif isinstance(block, Paragraph):
                yield self.text(block.text, block.place, block.emphasis)
            elif isinstance(block, ListBlock):
                yield from self.items(block)
            elif isinstance(block, Table):
                for number, row in enumerate(block.rows):
                    text = " | ".join(cell for cell in row if cell)
                    yield self.text(text, block.row_place(number), ())

    def heading(self, title: str, number: str | None, level: int, place: Place) -> Part:
        self.section = Section(self.section.index + 1, title, number, level)
        self.paragraph = self.bullet = None
        return Part("heading", title, place, self.section)

    def text(self, text: str, place: Place, emphasis: tuple[str, ...]) -> Part:
        self.counts[f"{self.section.index} paragraph"] += 1
        ordinal = self.counts[f"{self.section.index} paragraph"]
        found = Part("paragraph", text, place, self.section, 0, ordinal, emphasis=emphasis)
        self.paragraph, self.bullet = _lead_in(found), None
        return found

    def items(self, block: ListBlock) -> Iterator[Part]:
        for depth, item in block.walk():
            if not item.kind:  # a line of a list whose bullets were lost, or never written
                yield self.text(item.text, item.place, item.emphasis)
                continue
            yield self.item(item, min(depth, 1))

    def item(self, item: Item, depth: int) -> Part:
        key = f"{self.section.index} bullet{depth}"
        self.counts[key] += 1
        if depth == 0:
            self.counts[f"{self.section.index} bullet1"] = 0
        parent = self.bullet if depth else self.paragraph
        found = Part(
            "bullet",
            item.text,
            item.place,
            self.section,
            depth,
            self.counts[key],
            parent=parent,
            emphasis=item.emphasis,
        )
        if depth == 0:
            self.bullet = found
        return _lead_in(found)


def _section_title(
    block: Block, following: Block | None
) -> tuple[str, str | None, int, Place] | None:
    """(title, number, level, place) where a block opens a section: a heading, a question
    standing alone, or a numbered line that is a list of its own with text after it."""
    if isinstance(block, Heading):
        return block.text, block.number, block.level, block.place
    if isinstance(block, Paragraph) and block.text.endswith("?") and len(block.text.split()) <= 60:
        return block.text, None, 1, block.place
    if isinstance(block, ListBlock) and len(block.items) == 1:
        item = block.items[0]
        alone = not item.children and not isinstance(following, ListBlock)
        if alone and item.kind in {"num", "dotted"} and len(item.text.split()) <= 30:
            return item.text.rstrip(), item.marker, 1, item.place
    return None


def _lead_in(block: Part) -> Part:
    found = _LEAD_IN.match(block.text)
    if found and len(found["label"].split()) <= 12 and not _LEAD_IN_NOT.search(found["label"]):
        block.lead_in = found["label"].strip()
    return block


__all__ = ["Part", "Section", "sections"]

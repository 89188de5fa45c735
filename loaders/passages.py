"""Ways every genre walks a `Document`: the passages of running text (paragraphs and list
items) with their places, sentences with the place they start at, and provenance for a block."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from loaders.document import Block, Document, Heading, ListBlock, Paragraph, Place, Span, Table
from loaders.document import place_at as _place_at
from loaders.records import Provenance
from loaders.text import sentences


@dataclass(frozen=True)
class Passage:
    """A run of text the document states: a paragraph, a list item, a table row."""

    index: int  # the block it is in
    text: str
    place: Place
    spans: tuple[Span, ...] = ()
    kind: str = "paragraph"  # "paragraph", "item", "row", "heading"

    def place_at(self, offset: int) -> Place:
        return _place_at(self.spans, offset, self.place)


def passages(document: Document, *, start: int = 0, stop: int | None = None) -> Iterator[Passage]:
    """Paragraphs, list items (every depth) and table rows, in order."""
    blocks = document.blocks[start:stop]
    for offset, block in enumerate(blocks):
        yield from block_passages(start + offset, block)


def block_passages(index: int, block: Block) -> Iterator[Passage]:
    if isinstance(block, Paragraph):
        yield Passage(index, block.text, block.place, block.spans)
    elif isinstance(block, ListBlock):
        for _, item in block.walk():
            yield Passage(index, item.text, item.place, item.spans, "item")
    elif isinstance(block, Table):
        for row_index, row in enumerate(block.rows):
            text = " | ".join(cell for cell in row if cell)
            yield Passage(index, text, block.row_place(row_index), (), "row")
    elif isinstance(block, Heading):
        yield Passage(index, block.text, block.place, (), "heading")


def sentences_of(document: Document) -> Iterator[tuple[Passage, int, str]]:
    """Every sentence of running text, with its passage and offset."""
    for passage in passages(document):
        if passage.kind in {"paragraph", "item"}:
            for offset, sentence in sentences(passage.text):
                yield passage, offset, sentence


def provenance(document: Document, place: Place, location: str) -> Provenance:
    return Provenance(document.key, location, line=place.line, page=place.page)


def located(document: Document, index: int, place: Place, what: str = "") -> Provenance:
    """Provenance naming the section a block sits in, and `what` in it ("item 3")."""
    where = document.section_label(index)
    return provenance(document, place, f"{where}, {what}" if what else where)

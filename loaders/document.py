"""The one structure every document is read into before any fact is extracted.

A `Document` is a sequence of blocks -- headings (with level and number), paragraphs (wrapped
lines joined), lists (items nested by level) and tables (rows of cells) -- each keeping its
`Place` in the source: page, line and the section it sits in. Readers (`loaders.read_text`,
`read_pdf`, `read_docx`) make it; genre modules and extractors only ever read it. Page
furniture, hyphenation and page breaks are the readers' problem, never a genre's.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Place:
    """Where a block or line is: 1-based line of the text read (for a .docx, the paragraph),
    and the page of a PDF."""

    line: int
    page: int | None = None
    unit: str = "line"  # "line", or "paragraph" for word-processor files

    def __str__(self) -> str:
        here = f"{self.unit} {self.line}"
        return f"page {self.page}, {here}" if self.page else here


@dataclass(frozen=True)
class Heading:
    text: str  # without its number
    level: int  # 1 = top
    number: str | None  # "3", "3a", "2.1" as printed
    place: Place

    def label(self) -> str:
        """ "section 3 'Key recommendations'" or "'The peer team'"."""
        return f"section {self.number} '{self.text}'" if self.number else f"'{self.text}'"


@dataclass(frozen=True)
class Span:
    """One source line inside a joined text: where it starts in the text, and its place."""

    offset: int
    place: Place


@dataclass(frozen=True)
class Paragraph:
    text: str
    place: Place
    spans: tuple[Span, ...] = ()

    def place_at(self, offset: int) -> Place:
        return place_at(self.spans, offset, self.place)

    def lines(self) -> list[tuple[str, Place]]:
        """The source lines the paragraph was joined from (for lists whose bullets were lost)."""
        if len(self.spans) < 2:
            return [(self.text, self.place)]
        ends = [span.offset for span in self.spans[1:]] + [len(self.text)]
        return [
            (self.text[span.offset : end].strip(), span.place)
            for span, end in zip(self.spans, ends, strict=True)
        ]


@dataclass(frozen=True)
class Item:
    """A list item: its text (wrapped lines joined), the marker it was numbered with
    ("3", "b", "iv", or None for a bullet), and the items nested under it."""

    text: str
    marker: str | None
    place: Place
    children: tuple[Item, ...] = ()
    spans: tuple[Span, ...] = ()
    kind: str = ""  # "bullet", "num", "dotted", "paren", "roman", "alpha", "label" (written
    # "Recommendation N" or "Action N"; a bullet with a marker was labelled too)

    @property
    def labelled(self) -> bool:
        return self.kind == "label" or (self.kind == "bullet" and self.marker is not None)

    def walk(self) -> Iterator[tuple[int, Item]]:
        """This item and every item under it, with their depth (0 for this one)."""
        yield 0, self
        for child in self.children:
            for depth, item in child.walk():
                yield depth + 1, item


@dataclass(frozen=True)
class ListBlock:
    items: tuple[Item, ...]
    place: Place

    def walk(self) -> Iterator[tuple[int, Item]]:
        for item in self.items:
            yield from item.walk()


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[str, ...], ...]  # body rows; a merged cell repeats as "" after the first
    place: Place
    header: tuple[str, ...] | None = None
    row_places: tuple[Place, ...] = ()

    def row_place(self, index: int) -> Place:
        return self.row_places[index] if index < len(self.row_places) else self.place


Block = Heading | Paragraph | ListBlock | Table


def place_at(spans: tuple[Span, ...], offset: int, default: Place) -> Place:
    """The place of the source line holding character `offset` of a joined text."""
    found = default
    for span in spans:
        if span.offset > offset:
            break
        found = span.place
    return found


def block_text(block: Block) -> str:
    """A block's words as one text: a list's items and a table's rows on lines of their own."""
    if isinstance(block, Heading | Paragraph):
        return block.text
    if isinstance(block, ListBlock):
        return "\n".join(item.text for _, item in block.walk())
    rows = ([block.header] if block.header else []) + list(block.rows)
    return "\n".join(" | ".join(cell for cell in row if cell) for row in rows)


@dataclass(frozen=True)
class Document:
    path: Path
    sha256: str
    blocks: tuple[Block, ...]
    pages: int | None = None
    # for each block, the indices of the headings that enclose it, outermost first
    _context: tuple[tuple[int, ...], ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self._context:
            object.__setattr__(self, "_context", tuple(_contexts(self.blocks)))

    @property
    def key(self) -> str:
        """The document key: its file name without extension, as a slug."""
        from loaders.text import slugify

        return slugify(self.path.stem)

    def text(self) -> str:
        return "\n\n".join(block_text(block) for block in self.blocks)

    def head(self, count: int = 12) -> list[Block]:
        """The first blocks: the title page."""
        return list(self.blocks[:count])

    def headings(self) -> Iterator[tuple[int, Heading]]:
        for index, block in enumerate(self.blocks):
            if isinstance(block, Heading):
                yield index, block

    def enclosing(self, index: int) -> list[Heading]:
        """The headings around block `index`, outermost first (a heading is not its own)."""
        return [self.blocks[i] for i in self._context[index]]  # type: ignore[misc]

    def under(self, index: int) -> list[tuple[int, Block]]:
        """The blocks of the section that heading `index` opens, sub-sections included."""
        heading = self.blocks[index]
        assert isinstance(heading, Heading)
        found = []
        for at in range(index + 1, len(self.blocks)):
            block = self.blocks[at]
            if isinstance(block, Heading) and block.level <= heading.level:
                break
            found.append((at, block))
        return found

    def section_label(self, index: int) -> str:
        """Where block `index` sits, for provenance: "section 3a 'Detailed recommendations',
        'Clearer prioritisation'" -- the nearest numbered heading and the nearest heading."""
        around = self.enclosing(index)
        block = self.blocks[index]
        if isinstance(block, Heading):
            around = [*around, block]
        if not around:
            return "title page"
        nearest = around[-1]
        numbered = next((h for h in reversed(around) if h.number), None)
        if numbered is None or numbered is nearest:
            return nearest.label()
        return f"{numbered.label()}, {nearest.label()}"


def _contexts(blocks: tuple[Block, ...]) -> Iterator[tuple[int, ...]]:
    stack: list[int] = []
    for index, block in enumerate(blocks):
        if isinstance(block, Heading):
            while stack and blocks[stack[-1]].level >= block.level:  # type: ignore[union-attr]
                stack.pop()
            yield tuple(stack)
            stack.append(index)
        else:
            yield tuple(stack)

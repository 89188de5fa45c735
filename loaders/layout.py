"""Lines to blocks: how a reader's lines become the headings, paragraphs, lists and tables of a
`Document`, whatever the file was.

Every reader (text, Markdown, PDF, Word) hands over `Line`s -- the text, its indentation, its
place, and what the file itself says about it (a Markdown `#`, a Word heading or list style, a
PDF font size or bold face). This module removes page furniture, then reads the lines
top to bottom: tables (pipe, tab and aligned-column rows), lists (bullets, numbers, letters,
roman numerals, "Recommendation N"; nested by indent or by a change of marker; wrapped lines
joined), headings (numbered in sequence, marked by the file, or short standalone lines: see
`loaders.layout_headings`) and paragraphs (wrapped lines joined, hyphenation undone).
"""

from __future__ import annotations

import re

from loaders.document import Block, Heading, Item, ListBlock, Paragraph, Span
from loaders.layout_furniture import split_furniture
from loaders.layout_headings import MONTH_START, NUMBERED_TITLE, Headings
from loaders.layout_lists import Node, continues, extend_last, last_item, level, same_list
from loaders.layout_tables import aligned_table, is_table_row, read_table
from loaders.lines import Line, marker
from loaders.text import ends_sentence, join_lines, title_like

_ENDS_MIDWAY = re.compile(
    r"(?:\b(?:and|or|of|the|to|for|in|with|a|an|by|on|at|from|as|that|which|who|is|are|be)|[,;:\-–])$",
    re.IGNORECASE,
)


class _Reader(Headings):
    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.at = 0
        self.blocks: list[Block] = []
        self.top = 0  # the number of the last top-level numbered heading
        self.last_item: str | None = None  # marker of the last item of the last list
        self.levels: list[int] = []  # levels of headings the file or numbering fixed
        self.labels: set[int] = set()  # ids of headings written as labels ("Finance:")
        lengths = sorted(len(line.text) for line in lines if line.text)
        self.width = lengths[int(len(lengths) * 0.9)] if lengths else 0

    # ---- helpers

    # ---- the blocks

    def read(self) -> list[Block]:
        while self.at < len(self.lines):
            line = self.lines[self.at]
            if line.blank:
                self.at += 1
            elif line.table is not None:
                self.blocks.append(line.table)
                self.last_item = None
                self.at += 1
            elif line.heading:
                self.heading(line, line.heading)
            elif line.list_level is not None:
                self.list()
            elif is_table_row(line.raw or line.text) and self._table():
                continue
            elif (numbered := self.numbered_heading(line)) is not None:
                self.numbered(line, *numbered)
            elif marker(line) is not None:
                self.list()
            elif self.plain_heading(line):
                self.heading(line, None)
            elif self._aligned() or self.unmarked_list():
                continue
            else:
                self.paragraph()
        return self.blocks

    def _table(self) -> bool:
        found = read_table(self.lines, self.at)
        if found is None:
            return False
        table, self.at = found
        self.blocks.append(table)
        self.last_item = None
        return True

    def _aligned(self) -> bool:
        if "  " not in self.lines[self.at].raw.strip():
            return False
        found = aligned_table(self.lines, self.at)
        if found is None:
            return False
        table, self.at = found
        self.blocks.append(table)
        self.last_item = None
        return True

    def numbered(self, line: Line, number: str, title: str) -> None:
        if number[0].isdigit():  # a Roman section number ("VI.") orders no numbered list
            self.top = int(re.sub(r"\D.*", "", number))
        depth = number.count(".") + 1 + (1 if re.search(r"\d[a-z]$", number) else 0)
        level = depth if not self.levels or line.heading is None else line.heading
        self.levels.append(level)
        self.blocks.append(Heading(title, level, number, line.place))
        self.last_item = None
        self.at += 1

    def heading(self, line: Line, level: int | None) -> None:
        text = line.text.strip()
        number = None
        found = NUMBERED_TITLE.match(text)
        if found and level is not None and not MONTH_START.match(found["title"]):
            number, text = found["num"], found["title"]
            if number[0].isdigit():  # a Roman section number ("VI.") orders no numbered list
                self.top = int(re.sub(r"\D.*", "", number))
        text = text.rstrip(":").strip()
        if level is None:
            level = self.plain_level(line)
        else:
            self.levels.append(level)
        heading = Heading(text, level, number, line.place)
        if line.text.endswith(":"):
            self.labels.add(id(heading))
        self.blocks.append(heading)
        self.last_item = None
        self.at += 1

    def unmarked_list(self) -> bool:
        """Two or more short lines of the same kind after a lead-in (a line ending in ':' or a
        heading): the peers or recommendations of a list whose bullets were lost."""
        previous = self.blocks[-1] if self.blocks else None
        lead_in = isinstance(previous, Heading) or (
            isinstance(previous, Paragraph) and previous.text.endswith(":")
        )
        if not lead_in:
            return False
        run: list[Line] = []
        spaced: bool | None = None  # entries parted by blank lines, or one under another
        at = self.at
        while at < len(self.lines):
            line = self.lines[at]
            if line.blank:
                if spaced is False or not run or at + 1 >= len(self.lines):
                    break
                following = self.lines[at + 1]
                if not self._entry(following) or not self._standalone(at + 1):
                    break
                spaced = True
                at += 1
                continue
            if not self._entry(line):
                break
            if run and spaced is None:
                spaced = False
            run.append(line)
            at += 1
        if len(run) < 2:
            return False
        items = tuple(
            Item(line.text, None, line.place, (), (Span(0, line.place),), emphasis=line.bold)
            for line in run
        )
        self.blocks.append(ListBlock(items, run[0].place))
        self.last_item = None
        self.at = at
        return True

    def _entry(self, line: Line) -> bool:
        text = line.text
        short = not self.width or len(text) < max(0.85 * self.width, 60)
        short = short or not _ENDS_MIDWAY.search(text)  # a long entry, not a wrapped line
        return (
            bool(text)
            and (text[0].isupper() or text[0] in "'\"")
            and text[-1] not in ".:"
            and len(text.split()) <= 30
            and short
            and marker(line) is None
            and line.table is None
            and not line.heading
        )

    def _wrapped(self, index: int) -> bool:
        """Line `index` fills the text width, so the line under it (with no blank between)
        goes on with the same item, even after a full stop ("... Due: July 2018." /
        "Status: On track.")."""
        previous = self.lines[index] if index >= 0 else None
        return (
            previous is not None
            and bool(previous.text)
            and self.width > 40
            and len(previous.text) >= 0.7 * self.width
        )

    def _standalone(self, index: int) -> bool:
        return index + 1 >= len(self.lines) or self.lines[index + 1].blank

    def paragraph(self) -> None:
        first = self.lines[self.at]
        text, spans, emphasis = "", [], []
        previous = self.blocks[-1] if self.blocks else None
        if (
            isinstance(previous, Paragraph)
            and first.text[:1].islower()
            and not ends_sentence(previous.text)
        ):  # a paragraph broken by a page break or a stray blank line goes on
            self.blocks.pop()
            text, spans, emphasis = previous.text, list(previous.spans), list(previous.emphasis)
            first = Line(previous.text, previous.place)
        item_goes_on = (
            isinstance(previous, ListBlock)
            and first.text[:1].islower()
            and not ends_sentence(last_item(previous).text)
        )  # so does a list item, and its text is the item's
        while self.at < len(self.lines):
            line = self.lines[self.at]
            if line.blank or line.heading or line.table is not None:
                break
            if text:
                if marker(line) is not None or is_table_row(line.raw or line.text):
                    break
                if self.numbered_heading(line) is not None:
                    break
                if ends_sentence(text) and self.plain_heading(line):
                    break
            joined = join_lines(text, line.text)
            spans.append(Span(len(joined) - len(line.text), line.place))
            text = joined
            emphasis += line.bold
            self.at += 1
            following = self.line()
            if text.endswith(":") and following is not None and following.text[:1].isupper():
                break  # a lead-in: what follows is a list or a table, even without bullets
            if self.width and len(line.text) < 0.7 * self.width and ends_sentence(text):
                break  # a short line ending a sentence: the paragraph ends (PDF text)
            following = self.line()
            if (
                following is not None
                and self.width > 40
                and len(line.text) < 0.6 * self.width
                and (following.text[:1].isupper() or following.text[:1].isdigit())
                and title_like(line.text)
            ):
                break  # a short title-like line does not wrap onto the next: a title page
        if item_goes_on and isinstance(previous, ListBlock):
            items = extend_last(previous.items, text, tuple(spans), tuple(emphasis))
            self.blocks[-1] = ListBlock(tuple(items), previous.place)
            return
        self.blocks.append(Paragraph(text, first.place, tuple(spans), tuple(emphasis)))
        self.last_item = None

    def list(self) -> None:
        first = self.lines[self.at]
        roots: list[Node] = []
        stack: list[tuple[int, str, list[Node]]] = []  # (indent, kind, siblings)
        last: Node | None = None
        blank = False
        while self.at < len(self.lines):
            line = self.lines[self.at]
            if line.blank:
                blank = True
                self.at += 1
                continue
            found = marker(line) if line.list_level is None else ("bullet", None, line.text)
            if line.list_level is not None:
                found = marker(line) or found
            if found is not None and (line.heading or self.numbered_heading(line)):
                break
            if found is None:
                if last is None or line.heading or line.table is not None:
                    break
                if blank and line.indent <= last.indent:
                    break
                if is_table_row(line.raw or line.text):
                    break
                # straight under the item and indented under it, or after a line that fills
                # the width: the item wraps on, whatever the line looks like -- unless the item
                # has ended its sentence and the line is a short title over the next paragraph
                titles = ends_sentence(last.text) and self._titles_numbered(line)
                wraps = (
                    not blank
                    and not titles
                    and (line.indent > last.indent or self._wrapped(self.at - 1))
                )
                if not wraps and self.plain_heading(line) and (blank or ends_sentence(last.text)):
                    break
                if not wraps and not continues(last, line):
                    break
                last.add(line)
                blank = False
                self.at += 1
                continue
            kind, mark, text = found
            indent = line.indent if line.list_level is None else line.list_level * 4
            if kind == "roman" and last is not None and last.kind == "alpha":
                kind = "alpha"  # "i." after "h."
            if (
                stack
                and last is not None
                and blank
                and not same_list(stack, kind, indent, mark, last)
            ):
                break
            siblings = level(stack, roots, last, kind, indent)
            node = Node(text, mark, kind, indent, line.place, [Span(0, line.place)])
            node.emphasis += line.bold
            siblings.append(node)
            last = node
            if kind in {"num", "dotted"}:
                self.last_item = mark
            blank = False
            self.at += 1
        if not roots:
            self.paragraph()
            return
        self.blocks.append(ListBlock(tuple(n.freeze() for n in roots), first.place))
        self.last_item = (
            last.marker if last is not None and last.kind in {"num", "dotted"} else None
        )


def read_lines(lines: list[Line]) -> list[Block]:
    """The blocks of a document, from its lines."""
    return read_layout(lines)[0]


def read_layout(lines: list[Line]) -> tuple[list[Block], list[Paragraph]]:
    """The blocks of a document, and the page furniture removed from it (running heads and
    footers, page numbers), each as a one-line paragraph at its place."""
    kept, removed = split_furniture(lines)
    return _Reader(kept).read(), [Paragraph(line.text, line.place) for line in removed]

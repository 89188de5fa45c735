"""Lines to blocks: how a reader's lines become the headings, paragraphs, lists and tables of a
`Document`, whatever the file was.

Every reader (text, Markdown, PDF, Word) hands over `Line`s -- the text, its indentation, its
place, and what the file itself says about it (a Markdown `#`, a Word heading or list style, a
PDF font size or bold face). This module removes page furniture, then reads the lines
top to bottom: tables (pipe, tab and aligned-column rows), lists (bullets, numbers, letters,
roman numerals, "Recommendation N"; nested by indent or by a change of marker; wrapped lines
joined), headings (numbered in sequence, marked by the file, or short standalone lines) and
paragraphs (wrapped lines joined, hyphenation undone).
"""

from __future__ import annotations

import re

from loaders.document import Block, Heading, Item, ListBlock, Paragraph, Span
from loaders.layout_furniture import PAGE_NUMBER, drop_furniture
from loaders.layout_lists import Node, continues, level, same_list
from loaders.layout_tables import aligned_table, is_table_row, read_table
from loaders.lines import LABELLED, Line, follows, marker
from loaders.text import ends_sentence, join_lines, title_like

_NUMBERED_TITLE = re.compile(
    r"^(?P<num>\d{1,2}[a-z]?(?:\.\d{1,2}){0,3})\.?\s+(?P<title>(?-i:[A-Z])[^\s–—-].*)$"
)
_MONTH_START = re.compile(
    r"^(?:january|february|march|april|may|june|july|august|september|october|november|december)\b",
    re.IGNORECASE,
)
_LEAD_IN = re.compile(
    r"\b(?:were|was|are|is|include[sd]?|including|following|by|as follows|comprised|below)\s*:$",
    re.IGNORECASE,
)


_ENDS_MIDWAY = re.compile(
    r"(?:\b(?:and|or|of|the|to|for|in|with|a|an|by|on|at|from|as|that|which|who|is|are|be)|[,;:\-–])$",
    re.IGNORECASE,
)
_SENTENCE_START = re.compile(r"^(?:the|we|our|this|these|in|it|they|you|your|there|a|an)\b", re.I)


class _Reader:
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

    def line(self, offset: int = 0) -> Line | None:
        at = self.at + offset
        return self.lines[at] if 0 <= at < len(self.lines) else None

    def previous_text(self) -> str:
        for back in range(self.at - 1, -1, -1):
            if self.lines[back].text:
                return self.lines[back].text
            return ""  # a blank line just before
        return ""

    def standalone_after(self, index: int) -> bool:
        following = self.lines[index + 1] if index + 1 < len(self.lines) else None
        return following is None or following.blank or bool(following.heading)

    def numbered_heading(self, line: Line) -> tuple[str, str] | None:
        """(number, title) when a numbered line is the next section heading, not a list item."""
        found = _NUMBERED_TITLE.match(line.text)
        if not found or LABELLED.match(line.text) or _MONTH_START.match(found["title"]):
            return None
        number, title = found["num"], found["title"].strip()
        if not title_like(title, 12) or not title[:1].isupper() or title.endswith(":"):
            return None  # "1. Improve scrutiny:" introduces sub-items
        if not line.heading and (not self.standalone_after(self.at) and line.strong is False):
            # a heading stands on its own line; a list item's text runs on
            following = self.line(1)
            if (
                following is not None
                and following.text
                and marker(following) is None
                and not title_like(following.text)
                and (following.text[:1].islower() or _runs_on(title))
            ):
                return None  # a wrapped line, or "1.1 To present the report of the ... Corporate"
        following = self.line(1)
        if following is not None and not following.blank:
            ahead = marker(following)
            if ahead is not None and ahead[1] and follows(number, ahead[1]):
                return None  # "3. Close the gap" then "4. ...": a list, not sections
        top = int(re.sub(r"\D.*", "", number))
        continues = self.last_item is not None and follows(self.last_item, number)
        if continues and not (top == self.top + 1 and self._section_shaped(title)):
            return None
        dotted = not number.isdigit()
        if (
            top > (self.top + 2 if self.top else 20)
            or top < self.top
            or (top == self.top and not dotted)
        ):
            return None
        return number, title

    def _section_shaped(self, title: str) -> bool:
        """A short standalone title followed by text that is not the list's next item: the
        next section, though its number would also continue the list ("1. Do X" then
        "2. The peer team")."""
        if len(title.split()) > 6 or not self.standalone_after(self.at):
            return False
        for ahead in self.lines[self.at + 1 :]:
            if ahead.blank:
                continue
            found = marker(ahead)
            return found is None or found[0] not in {"num", "dotted"}
        return True

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
        found = _NUMBERED_TITLE.match(text)
        if found and level is not None and not _MONTH_START.match(found["title"]):
            number, text = found["num"], found["title"]
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

    def plain_level(self, line: Line) -> int:
        """A heading the file does not mark: one level under the last heading the numbering
        or the file fixed; a label ending in ':' one level under the heading before it."""
        base = self.levels[-1] if self.levels else 0
        if line.text.endswith(":"):
            before = next((b for b in reversed(self.blocks) if isinstance(b, Heading)), None)
            if before is not None:
                if id(before) in self.labels:
                    return before.level
                return max(before.level + 1, base + 1)
        return base + 1

    def plain_heading(self, line: Line) -> bool:
        """A short standalone title-like line that starts a section."""
        text = line.text
        if not title_like(text, 12) or PAGE_NUMBER.match(text):
            return False
        if text.endswith(":") and (len(text.split()) > 6 or _LEAD_IN.search(text)):
            return False
        if text.endswith(":") and len(text.split()) > 3 and _SENTENCE_START.match(text):
            return False  # "The peer team recommends:" leads into what follows
        before = self.previous_text()
        after_heading = (
            bool(self.blocks)
            and isinstance(self.blocks[-1], Heading)
            and (self.at > 0 and self.blocks[-1].place == self.lines[self.at - 1].place)
        )
        if before and not ends_sentence(before) and not line.strong and not after_heading:
            return False  # the rest of a wrapped sentence
        if line.strong:
            return True
        return self.standalone_after(self.at) or (
            len(text.split()) <= 8
            and (following := self.line(1)) is not None
            and not following.blank
            and following.text[:1].isupper()
            and not title_like(following.text, 12)
            and not text[:1].isdigit()
        )

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
        items = tuple(Item(line.text, None, line.place, (), (Span(0, line.place),)) for line in run)
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
        text, spans = "", []
        previous = self.blocks[-1] if self.blocks else None
        if (
            isinstance(previous, Paragraph)
            and first.text[:1].islower()
            and not ends_sentence(previous.text)
        ):  # a paragraph broken by a page break or a stray blank line goes on
            self.blocks.pop()
            text, spans = previous.text, list(previous.spans)
            first = Line(previous.text, previous.place)
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
        self.blocks.append(Paragraph(text, first.place, tuple(spans)))
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
                # the width: the item wraps on, whatever the line looks like
                wraps = not blank and (line.indent > last.indent or self._wrapped(self.at - 1))
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


def _runs_on(title: str) -> bool:
    """A numbered line too long for a heading, or with a sentence ending inside it: the first
    line of a paragraph or item that wraps onto the next."""
    return len(title.split()) >= 9 or bool(re.search(r"[.;?!]\s+\S", title))


def read_lines(lines: list[Line]) -> list[Block]:
    """The blocks of a document, from its lines."""
    return _Reader(drop_furniture(lines)).read()

"""Which lines are headings, for the layout reader (`loaders.layout`): a numbered line that is
the next section ("2. The peer team", not item 2 of a list or a wrapped sentence), a short
standalone title-like line, a bold line, a label ending in ':' ("Finance:"), and a short title
straight above a numbered paragraph; and the level a heading the file does not mark gets."""

from __future__ import annotations

import re

from loaders.document import Block, Heading
from loaders.layout_furniture import PAGE_NUMBER
from loaders.lines import LABELLED, Line, follows, marker
from loaders.text import ends_sentence, title_like

NUMBERED_TITLE = re.compile(
    r"^(?P<num>\d{1,2}[a-z]?(?:\.\d{1,2}){0,3}|[IVX]{1,5}(?=\.))\.?\s+"
    r"(?P<title>(?-i:[A-Z])[^\s–—-].*)$"
)
MONTH_START = re.compile(
    r"^(?:january|february|march|april|may|june|july|august|september|october|november|december)\b",
    re.IGNORECASE,
)
_LEAD_IN = re.compile(
    r"\b(?:were|was|are|is|include[sd]?|including|following|by|as follows|comprised|below)\s*:$",
    re.IGNORECASE,
)


_SENTENCE_START = re.compile(r"^(?:the|we|our|this|these|in|it|they|you|your|there|a|an)\b", re.I)


class Headings:
    """The reader's view of the lines around the one it reads, and its heading decisions."""

    lines: list[Line]
    at: int  # the line being read
    blocks: list[Block]
    top: int  # the number of the last top-level numbered heading
    last_item: str | None  # marker of the last item of the last list
    levels: list[int]  # levels of headings the file or numbering fixed
    labels: set[int]  # ids of headings written as labels ("Finance:")

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
        found = NUMBERED_TITLE.match(line.text)
        if not found or LABELLED.match(line.text) or MONTH_START.match(found["title"]):
            return None
        number, title = found["num"], found["title"].strip()
        if not title_like(title, 12) or not title[:1].isupper() or title.endswith(":"):
            return None  # "1. Improve scrutiny:" introduces sub-items
        if not number[0].isdigit():  # "VI. Annex A": Roman section numbers are never a list's
            return (number, title) if self.standalone_after(self.at) or line.heading else None
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
        following = self.line(1)
        return (
            self.standalone_after(self.at)
            or self._titles_numbered(line)
            or (
                len(text.split()) <= 8
                and following is not None
                and not following.blank
                and following.text[:1].isupper()
                and not title_like(following.text, 12)
                and not text[:1].isdigit()
            )
        )

    def _titles_numbered(self, line: Line) -> bool:
        """A short title-like line (no colon) straight above a numbered paragraph: the title
        of its section ("Kirkwell Borough Council's improvement journey" over "5. Kirkwell
        has ...")."""
        text = line.text
        following = self.line(1) if line is self.lines[self.at] else None
        return (
            following is not None
            and len(text.split()) <= 8
            and ":" not in text
            and title_like(text, 8)
            and not text[:1].isdigit()
            and _numbered_item(following)
        )


def _numbered_item(line: Line) -> bool:
    """A line that starts a numbered paragraph ("5. Kirkwell has ..."): a short line straight
    above it is its section's title."""
    found = marker(line)
    return found is not None and found[0] in {"num", "dotted"}


def _runs_on(title: str) -> bool:
    """A numbered line too long for a heading, or with a sentence ending inside it: the first
    line of a paragraph or item that wraps onto the next."""
    return len(title.split()) >= 9 or bool(re.search(r"[.;?!]\s+\S", title))

"""Page furniture: page numbers and running headers and footers (short lines repeated at the
top or bottom of several pages, or three times or more in a text without pages; a committee
paper's "Leaders' Committee - 8 October 2019 Agenda Item 6, Page 1" footer; an "Item 3" head
that breaks into a sentence) are removed, and where furniture stood between two parts of one
paragraph or list they join again. A contents page's entries (dot leaders to a page
number) go too: numbered like the sections, they would pass for a list of them. What was
removed is kept apart: a paper's running head
names its meeting, date and item."""

from __future__ import annotations

import re
from collections import Counter

from loaders.layout_tables import GRID_BORDER
from loaders.lines import Line, marker
from loaders.text import ends_sentence, title_like

PAGE_NUMBER = re.compile(
    r"^(?:page\s*\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?|\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?|[-–]\s*\d{1,3}\s*[-–])$",
    re.IGNORECASE,
)


# "Leaders' Committee – 8 October 2019 Agenda Item 6, Page 1": a committee paper's footer.
_PAGE_FOOTER = re.compile(r"^.{0,120}\bagenda item \d{1,3}[a-z]?,?\s*page \d{1,3}$", re.I)
# "Item 2", "Agenda Item 3": a committee paper's running head.
_ITEM_HEAD = re.compile(r"^(?:agenda\s+)?item:?\s*\d{1,3}[a-z]?$", re.IGNORECASE)


# "2. Key recommendations ........ 5": an entry of a contents page, dot leaders to its page.
CONTENTS_ENTRY = re.compile(r"^\S.{0,120}?\s*(?:\.\s?){4,}\s*\d{1,3}$")


def _furniture_key(text: str) -> str:
    """A line with its numbers (page numbers, dates) blanked, to find it repeated."""
    return re.sub(r"\b\d+\b", "#", text.lower()).strip()


def drop_furniture(lines: list[Line]) -> list[Line]:
    """Lines without page furniture (see `split_furniture`)."""
    return split_furniture(lines)[0]


def split_furniture(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """(the lines without page numbers and running headers and footers, the furniture
    removed). Where furniture stood between two parts of one paragraph or list, the blank
    lines around it go too."""
    repeated = _running(lines)
    out: list[Line] = []
    removed: list[Line] = []
    dropped = False
    for at, line in enumerate(lines):
        furniture = (
            line.text and line.table is None and not line.heading
        ) and not GRID_BORDER.match(line.text)  # a grid table's borders repeat, and stay
        if line.text and line.table is None and CONTENTS_ENTRY.match(line.text):
            removed.append(line)  # a contents page's entry: navigation, not the report
            continue
        if furniture and (
            PAGE_NUMBER.match(line.text)
            or _furniture_key(line.text) in repeated
            or _PAGE_FOOTER.match(line.text)
            or (_ITEM_HEAD.match(line.text) and _breaks_sentence(out, lines, at))
        ):
            dropped = True
            removed.append(line)
            while out and out[-1].blank:
                out.pop()
            continue
        if dropped and line.blank:
            continue
        if dropped and out and line.text and _new_block_after_break(out[-1], line, lines):
            out.append(Line("", line.place))
        dropped = False
        out.append(line)
    return out, removed


def _breaks_sentence(before: list[Line], lines: list[Line], at: int) -> bool:
    """Whether the line at `at` stands alone between blank lines just after text that has not
    ended its sentence: a running head printed where a page broke a paragraph."""
    previous = next((line for line in reversed(before) if not line.blank), None)
    alone = (at == 0 or lines[at - 1].blank) and (at + 1 >= len(lines) or lines[at + 1].blank)
    return (
        alone
        and previous is not None
        and not previous.heading
        and previous.table is None
        and not ends_sentence(previous.text)
    )


def _new_block_after_break(before: Line, after: Line, lines: list[Line]) -> bool:
    """Whether the text after a page break starts a new block rather than continuing one:
    a list item (the list reader decides whether the list goes on), a standalone title, or
    a capitalised line after a finished sentence."""
    if marker(after) is not None:
        return True
    index = lines.index(after)
    standalone = (
        index + 1 >= len(lines) or lines[index + 1].blank or lines[index + 1].table is not None
    )
    if standalone and title_like(after.text):
        return True
    return ends_sentence(before.text) and not after.text[:1].islower()


def _running(lines: list[Line]) -> set[str]:
    """Keys of running headers and footers."""
    pages: dict[int, list[Line]] = {}
    for line in lines:
        if line.text and line.place.page is not None:
            pages.setdefault(line.place.page, []).append(line)
    counts: Counter[str] = Counter()
    if len(pages) >= 2:
        for page_lines in pages.values():
            edges = page_lines[:3] + page_lines[-3:]
            for key in {_furniture_key(line.text) for line in edges}:
                counts[key] += 1
        least = max(2, len(pages) // 2)
    else:
        for line in lines:
            if line.text and marker(line) is None:
                counts[_furniture_key(line.text)] += 1
        least = 3
    return {
        key
        for key, count in counts.items()
        if count >= least and len(key.split()) <= 24 and not key.endswith(":") and len(key) > 1
    }

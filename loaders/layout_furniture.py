"""Page furniture: page numbers and running headers and footers (short lines repeated at the
top or bottom of several pages, or three times or more in a text without pages) are removed,
and where furniture stood between two parts of one paragraph or list they join again."""

from __future__ import annotations

import re
from collections import Counter

from loaders.lines import Line, marker
from loaders.text import ends_sentence, title_like

PAGE_NUMBER = re.compile(
    r"^(?:page\s*\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?|\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?|[-–]\s*\d{1,3}\s*[-–])$",
    re.IGNORECASE,
)


def _furniture_key(text: str) -> str:
    """A line with its numbers (page numbers, dates) blanked, to find it repeated."""
    return re.sub(r"\b\d+\b", "#", text.lower()).strip()


def drop_furniture(lines: list[Line]) -> list[Line]:
    """Lines without page numbers and running headers and footers (short lines repeated on
    several pages, or three times or more in a text without pages). Where furniture stood
    between two parts of one paragraph or list, the blank lines around it go too."""
    repeated = _running(lines)
    out: list[Line] = []
    dropped = False
    for line in lines:
        furniture = line.text and line.table is None and not line.heading
        if furniture and (PAGE_NUMBER.match(line.text) or _furniture_key(line.text) in repeated):
            dropped = True
            while out and out[-1].blank:
                out.pop()
            continue
        if dropped and line.blank:
            continue
        if dropped and out and line.text and _new_block_after_break(out[-1], line, lines):
            out.append(Line("", line.place))
        dropped = False
        out.append(line)
    return out


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

"""Splitting a council plan into headed sections of bullets and paragraphs, for `council_plan`.

Plans come as text pasted from Word, Markdown, or PDF text. Headings are Markdown `#` lines,
numbered section lines ("2. Our priorities"), questions standing alone (plans that answer a
government template), or short title lines. Bullets start with "-", "•", "*", "o", "–" or
"1." / "a)"; an item that wraps over several lines is joined back together. Page furniture
(page numbers, "Page 3 of 20", lines repeated on every page) is dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from loaders.source import Line, Source

_PAGE_FURNITURE = re.compile(r"^(?:page\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?$", re.IGNORECASE)
_MD_HEADING = re.compile(r"^\s*(#{1,6})\s+(.+?)\s*#*\s*$")
_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)[.)]?\s+(\S.*)$")
_BULLET = re.compile(r"^(?:[-•*–▪◦·‣]|o(?=\s+[A-Z]))\s+(\S.*)$")
_LETTERED = re.compile(r"^\(?([a-z]|[ivx]{1,4})\)\s+(\S.*)$")
_SENTENCE_END = re.compile(r"[.!?:;]\W*$")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])")
_LEAD_IN = re.compile(r"^(?P<label>[A-Z][^:.?!]{2,90}?):\s+(?P<rest>[A-Z\"'].*)$")
_LEAD_IN_NOT = re.compile(r"\b(?:include|includes|following|follows|are|is|as)$", re.IGNORECASE)
_SUB_MARKERS = {"o", "◦", "▪", "‣"}


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
class Block:
    """A bullet item or a paragraph, with the lines it came from."""

    kind: Literal["bullet", "paragraph", "heading"]
    text: str
    lines: list[Line]
    section: Section
    depth: int = 0  # 0 for a top-level bullet, 1 for a sub-bullet
    ordinal: int = 0  # 1-based position among the section's bullets (or paragraphs)
    lead_in: str | None = None  # "Data sharing" in "Data sharing: Sharing data with ..."
    parent: Block | None = None  # the bullet or paragraph that introduces this bullet
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def line(self) -> Line:
        return self.lines[0]

    @property
    def where(self) -> str:
        if self.kind == "heading":
            return self.section.where
        noun = "bullet" if self.kind == "bullet" else "paragraph"
        if self.kind == "bullet" and self.depth and self.parent is not None:
            return f"{self.section.where}, bullet {self.parent.ordinal}, sub-bullet {self.ordinal}"
        return f"{self.section.where}, {noun} {self.ordinal}"

    def sentences(self) -> list[str]:
        return [s.strip() for s in _SENTENCE_SPLIT.split(self.text) if s.strip()]


def content_lines(source: Source) -> list[Line]:
    """The source's lines without page numbers and lines repeated as running headers."""
    repeated = Counter(line.text for line in source.lines if line.text and len(line.text) <= 60)
    pages = source.pages or 0
    furniture = {
        text for text, count in repeated.items() if pages >= 3 and count >= max(3, pages // 2)
    }
    return [
        line
        for line in source.lines
        if not _PAGE_FURNITURE.match(line.text) and line.text not in furniture
    ]


def _indent(raw: str) -> int:
    return len(raw.expandtabs(4)) - len(raw.expandtabs(4).lstrip())


def _item(line: Line) -> tuple[str, int] | None:
    """A bullet or lettered item: its text and depth; None if the line is no list item."""
    found = _BULLET.match(line.text) or _LETTERED.match(line.text) or _NUMBERED.match(line.text)
    if not found:
        return None
    text = found.group(found.lastindex or 1)
    marker = line.text.split(maxsplit=1)[0]
    depth = (
        1 if _indent(line.raw) > 0 or marker in _SUB_MARKERS or _LETTERED.match(line.text) else 0
    )
    return text, depth


def _standalone(lines: list[Line], i: int) -> bool:
    before = i == 0 or not lines[i - 1].text
    after = i + 1 >= len(lines) or not lines[i + 1].text
    return before and after


def _next_text(lines: list[Line], i: int) -> str:
    for line in lines[i + 1 :]:
        if line.text:
            return line.text
    return ""


def _continues_list(lines: list[Line], i: int) -> bool:
    """Item n of a numbered list whose item n-1 came just before, with only its wrapped
    lines between (a numbered heading has a paragraph after it, set off by a blank line)."""
    this = _NUMBERED.match(lines[i].text)
    if not this or not this.group(1).isdigit():
        return False
    blank = False
    after: Line | None = None
    for line in reversed(lines[max(0, i - 12) : i]):
        if not line.text:
            blank = True
            continue
        before = _NUMBERED.match(line.text)
        if before and before.group(1).isdigit() and not line.raw.lstrip().startswith("#"):
            opens = after is not None and (after.text[:1].isupper() or _BULLET.match(after.text))
            if opens and _short_title(line.text):
                return False  # "1. Introduction" then a paragraph: that was a heading
            return int(this.group(1)) == int(before.group(1)) + 1
        if blank and _indent(line.raw) == 0:
            return False  # a paragraph of its own: the numbered line above it was a heading
        blank, after = False, line
    return False


def _short_title(text: str) -> bool:
    return len(text.split()) <= 8 and not _SENTENCE_END.search(text)


def _heading(lines: list[Line], i: int) -> tuple[str, str | None, int] | None:
    """(title, number, level) if line i is a heading."""
    line = lines[i]
    md = _MD_HEADING.match(line.raw)
    if md:
        title = md.group(2).strip().strip("*").strip()
        numbered = _NUMBERED.match(title)
        if numbered:
            return numbered.group(2), numbered.group(1), len(md.group(1))
        return title, None, len(md.group(1))
    text = line.text
    words = len(text.split())
    numbered = _NUMBERED.match(text)
    if numbered and _indent(line.raw) == 0 and words <= 30 and not _continues_list(lines, i):
        following = _next_text(lines, i)
        next_blank = i + 1 >= len(lines) or not lines[i + 1].text
        short = words <= 8 and not _SENTENCE_END.search(text)
        if (next_blank or short) and not _NUMBERED.match(following) and not following[:1].islower():
            return numbered.group(2).rstrip(), numbered.group(1), 1
    if _item(line):
        return None
    if text.endswith("?") and words <= 60 and _standalone(lines, i):
        return text, None, 1
    if (
        words <= 10
        and text[:1].isupper()
        and not _SENTENCE_END.search(text)
        and _standalone(lines, i)
        and not text.startswith(("(", "£"))
    ):
        return text, None, 2
    return None


def blocks(source: Source, skip: int = 0) -> list[Block]:
    """Sections, bullets and paragraphs of the plan, after the first `skip` content lines."""
    lines = content_lines(source)[skip:]
    section = Section(0, "")
    found: list[Block] = []
    counts: Counter[tuple[int, str]] = Counter()
    current: Block | None = None
    parents: list[Block | None] = [None, None]
    for i, line in enumerate(lines):
        if not line.text:
            current = None
            continue
        heading = _heading(lines, i)
        if heading:
            title, number, level = heading
            section = Section(section.index + 1, title, number, level)
            found.append(Block("heading", title, [line], section))
            current, parents = None, [None, None]
            continue
        item = _item(line)
        if item:
            text, depth = item
            counts[(section.index, f"bullet{depth}")] += 1
            if depth == 0:
                counts[(section.index, "bullet1")] = 0
            ordinal = counts[(section.index, f"bullet{depth}")]
            parent = parents[0] if depth else parents[1]
            current = Block("bullet", text, [line], section, depth, ordinal, parent=parent)
            if depth == 0:
                parents[0] = current
            found.append(current)
            continue
        if current is not None and _continues(current, line):
            current.text = f"{current.text} {line.text}"
            current.lines.append(line)
            continue
        counts[(section.index, "paragraph")] += 1
        current = Block(
            "paragraph", line.text, [line], section, ordinal=counts[(section.index, "paragraph")]
        )
        parents = [None, current]
        found.append(current)
    for block in found:
        _set_lead_in(block)
    return found


def _continues(block: Block, line: Line) -> bool:
    """A line without a marker continues the block above unless that block ended a sentence
    and this line starts a new one (how wrapped PDF text and pasted Word text both look)."""
    if line.text[:1].islower() or not _SENTENCE_END.search(block.text):
        return True
    return block.kind == "paragraph" and not line.page


def _set_lead_in(block: Block) -> None:
    found = _LEAD_IN.match(block.text)
    if found and len(found["label"].split()) <= 12 and not _LEAD_IN_NOT.search(found["label"]):
        block.lead_in = found["label"].strip()


__all__ = ["Block", "Section", "blocks", "content_lines"]

"""Layout helpers for council committee reports: page furniture, numbered paragraphs,
list items that wrap, labelled header fields ("Report of:") and simple action tables.

Private to `loaders.follow_up_report`; kept apart so that module stays readable.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from loaders.source import Line, Source, clean

_BULLET = re.compile(r"^(?:[-•*●▪◦·]|o(?=\s))\s*(?=\S)")
_PARA = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2})+)\.?\s+(?P<text>[A-Z(\['\"].*)$")
_ITEM = re.compile(
    r"^(?:(?P<num>\d{1,2})[.)]|\((?P<paren>[a-z]|[ivx]{1,5}|\d{1,2})\)|(?P<letter>[a-h]|[ivx]{1,5})\))"
    r"\s+(?P<text>\S.*)$"
)
_ACTION = re.compile(
    r"^(?:\[\s*action\s+(?P<n1>\d{1,3}[a-z]?)\s*\]|action\s+(?P<n2>\d{1,3}[a-z]?)\s*[:.–—-])\s*(?P<text>.*)$",
    re.IGNORECASE,
)
_PAGE_LINE = re.compile(r"^(?:page\s*)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?$", re.IGNORECASE)
# "David Knight, Democratic Services Page 52": a page number glued to the end of a line.
_TRAILING_PAGE = re.compile(r"(\b[A-Z][\w'-]*)\s+Page\s+\d{1,3}$")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_CONNECTIVE = re.compile(
    r"(?:\b(?:the|a|an|and|or|of|to|in|for|with|by|on|at|from|that|which|its|their|our|is|are|"
    r"be|will|as|into|than|whilst|while|including|such)|[,(–—/&-])$",
    re.IGNORECASE,
)
_TERMINAL = re.compile(r"[.;:?!)'\"]$")
_SECTION_WORDS = re.compile(
    r"(?:executive )?summary|purpose|introduction|background|recommendations?|"
    r"details of the report",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")


@dataclass(frozen=True)
class Block:
    """A paragraph, list item, action line, heading or run of text, wrapped lines joined."""

    kind: str  # "para" (3.7), "item" (bullet, 1., (a)), "action" ([action 1]), "heading", "text"
    number: str | None
    text: str
    line: Line
    para: str | None  # the numbered paragraph it sits in ("3.7")
    heading: str | None  # the last heading above it
    appendix: str | None  # the appendix it sits in ("Appendix 1")
    section: str | None = None  # the number of the last numbered heading ("2")
    header: bool = False  # before the report's first section: the agenda and report header


def working_lines(source: Source) -> list[Line]:
    """Lines without page numbers and running headers or footers (blank lines kept)."""
    running = _running_lines(source)
    kept: list[Line] = []
    for line in source.lines:
        text = _MD_HEADING.sub("", _TRAILING_PAGE.sub(r"\1", line.text))
        if _PAGE_LINE.match(text) or text in running:
            continue
        kept.append(Line(number=line.number, text=text, raw=line.raw, page=line.page))
    return kept


def _running_lines(source: Source) -> set[str]:
    """In a PDF, lines repeated at the top or bottom of two or more pages."""
    if not source.pages or source.pages < 2:
        return set()
    edges: Counter[str] = Counter()
    for page in range(1, source.pages + 1):
        texts = [line.text for line in source.lines if line.page == page and line.text]
        edges.update(set(texts[:2] + texts[-2:]))
    return {text for text, count in edges.items() if count >= 2 and len(text) < 120}


def title_like(text: str, max_len: int = 60) -> bool:
    """Upper-case or Title Case, short, no full stop: a heading rather than a list item."""
    words = [word for word in re.findall(r"[A-Za-z][\w'&-]*", text) if len(word) > 3]
    if len(text) > max_len or re.search(r"[.;,?]$", text) or not words:
        return False
    return text.isupper() or all(word[0].isupper() for word in words)


def _marker(text: str) -> tuple[str, str | None, str] | None:
    """The kind, number and text of a marked line (paragraph, item, action), else None."""
    bulleted = _BULLET.match(text)
    body = text[bulleted.end() :] if bulleted else text
    if found := _ACTION.match(body):
        return "action", found["n1"] or found["n2"], found["text"]
    if found := _PARA.match(body):
        return "para", found["num"], found["text"]
    if found := _ITEM.match(body):
        number = found["num"] or found["paren"] or found["letter"]
        if found["num"] and not bulleted and title_like(found["text"].rstrip(":")):
            return "heading", number, found["text"].rstrip(":")
        return "item", number, found["text"]
    return ("item", None, body) if bulleted else None


def _continues(previous: str, text: str, gap: bool, heading: bool) -> bool:
    """Whether an unmarked line carries on the block before it (wrapped, or over a page break)."""
    if text[0].islower() or _CONNECTIVE.search(previous):
        return True
    return not gap and not heading and not _TERMINAL.search(previous)


def _heading_like(text: str, following: Line | None) -> bool:
    if len(text) > 100 or len(text.split()) > 14 or _TERMINAL.search(text) or text[-1] == ",":
        return False
    if not text[0].isupper():
        return False
    return (
        following is None
        or not following.text
        or _marker(following.text) is not None
        or (following.text[0].isupper())
    )


def blocks(lines: list[Line]) -> list[Block]:
    """Group working lines into blocks, joining wrapped lines and tracking paragraph context."""
    found: list[Block] = []
    para = heading = appendix = section = None
    gap = header = True
    for index, line in enumerate(lines):
        text = line.text
        if not text or _is_table_row(line):
            gap = gap or not text
            continue
        marked = _marker(text)
        following = next((later for later in lines[index + 1 :] if later.text), None)
        previous = found[-1] if found else None
        if (
            marked is None
            and previous
            and previous.kind != "heading"
            and _continues(previous.text, text, gap, _heading_like(text, following))
        ):
            found[-1] = _joined(previous, text)
            gap = False
            continue
        if _MD_HEADING.match(line.raw.lstrip()):
            marked = ("heading", None, text)
        kind, number, body = marked or (
            ("heading", None, text) if _heading_like(text, following) else ("text", None, text)
        )
        header = (
            header
            and kind not in {"para", "item"}
            and not (kind == "heading" and (number or _SECTION_WORDS.match(body)))
        )
        if kind == "heading":
            heading, para, section = body, None, number or section
            appendix = body if re.match(r"appendix\b", body, re.I) else appendix
        elif kind == "para":
            para = number
        found.append(Block(kind, number, body, line, para, heading, appendix, section, header))
        gap = False
    return found


def _joined(block: Block, text: str) -> Block:
    glue = "" if block.text.endswith("-") and not block.text.endswith(" -") else " "
    return Block(
        block.kind,
        block.number,
        block.text + glue + text,
        block.line,
        block.para,
        block.heading,
        block.appendix,
        block.section,
        block.header,
    )


def list_after(found: list[Block], index: int, *, skip_actions: bool = False) -> list[Block]:
    """The list items straight after block `index` (an introduction ending with a colon)."""
    items: list[Block] = []
    for block in found[index + 1 :]:
        if block.kind == "item":
            items.append(block)
        elif not (skip_actions and block.kind == "action"):
            break
    return items


def sentences(found: list[Block]) -> Iterator[tuple[Block, str]]:
    for block in found:
        for sentence in _SENTENCE.split(block.text):
            yield block, sentence


def place(block: Block) -> str:
    """A human location: "paragraph 3.7", "section 2, item 2", "under 'Timeframe'"."""
    if block.header:
        return "report header"
    if block.kind == "para":
        return f"paragraph {block.number}"
    if block.para:
        return f"paragraph {block.para}"
    if block.section and block.kind != "heading":
        item = f", item {block.number}" if block.kind == "item" and block.number else ""
        return f"section {block.section}{item}"
    if block.heading:
        return f"under '{block.heading}'"
    return "report header"


# ---- labelled header fields ("Report of:", "Lead Member:", "Title:") ----

_LABELS = {
    "author": r"report of|report from|report by|report author|author|lead officer|"
    r"originating officers?|responsible officer",
    "lead_member": r"lead member|lead cabinet member|portfolio holder|cabinet member|"
    r"executive member",
    "title": r"report title|title|subject",
    "body": r"meeting|committee|report to|decision maker|decision-maker",
    "date": r"date of meeting|meeting date|date",
    "item": r"agenda item(?: no\.?| number)?|item no\.?|item number|item",
    "wards": r"wards? affected|ward\(s\) affected",
    "contact": r"contact officers?|report contact|officer contact",
    "job_title": r"job title|position|post",
    "classification": r"classification",
}
_LABEL = re.compile(
    r"(?:^|(?<=\s))(?P<label>"
    + "|".join(f"(?P<{key}>{pattern})" for key, pattern in _LABELS.items())
    + r")\s*:\s*",
    re.IGNORECASE,
)


def header_fields(lines: list[Line], limit: int = 40) -> dict[str, tuple[str, Line]]:
    """Labelled fields in the first `limit` non-blank lines: {"author": ("Jane Smith", line)}."""
    fields: dict[str, tuple[str, Line]] = {}
    nonblank = [line for line in lines if line.text][:limit]
    for position, line in enumerate(nonblank):
        for cell in cells(line) or [line.text]:
            matches = list(_LABEL.finditer(cell))
            for number, found in enumerate(matches):
                end = matches[number + 1].start() if number + 1 < len(matches) else len(cell)
                value = cell[found.end() : end].strip(" ,;")
                if not value and position + 1 < len(nonblank):
                    value = nonblank[position + 1].text
                    value = "" if _LABEL.search(value) else value
                key = next(k for k in _LABELS if found[k])
                if value and key not in fields:
                    fields[key] = (value, line)
    return fields


# ---- tables ("Recommendation | Action | Status | Owner", pipe or tab separated) ----


def cells(line: Line) -> list[str]:
    """The cleaned cells of a pipe- or tab-separated row; [] for an ordinary line."""
    raw = line.raw.strip()
    if raw.count("|") >= 2:
        parts = raw.strip("|").split("|")
    elif raw.count("\t") >= 1:
        parts = raw.split("\t")
    else:
        return []
    return [clean(part) for part in parts]


def _is_table_row(line: Line) -> bool:
    return line.raw.count("|") >= 2 or line.raw.strip().count("\t") >= 2


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[tuple[list[str], Line]]


def tables(lines: list[Line]) -> list[Table]:
    """Runs of rows with the same number (three or more) of cells; the first row is the header."""
    found: list[Table] = []
    current: Table | None = None
    for line in lines:
        row = cells(line)
        if len(row) < 3 or all(re.fullmatch(r"[\s:-]*", cell) for cell in row):
            if not row and line.text:
                current = None
            continue
        if current is None or len(row) != len(current.header):
            current = Table(header=[cell.lower() for cell in row], rows=[])
            found.append(current)
        elif not row[0] and current.rows:
            # a wrapped row: the first cell empty, the rest carry on the row above
            previous, first = current.rows[-1]
            merged = [f"{a} {b}".strip() for a, b in zip(previous, row, strict=True)]
            current.rows[-1] = (merged, first)
        else:
            current.rows.append((row, line))
    return found

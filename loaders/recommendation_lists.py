"""Recommendations wherever a document lists them: under "Key recommendations",
"Recommendations" (in a section of their own or inside a findings section), "Detailed
recommendations" with group labels, as numbered or bulleted items (nested: a parent that
introduces sub-items is their group), "Recommendation N" items or headings, table rows, or
one paragraph each. Used by every genre that restates recommendations."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from loaders.document import Document, Heading, Item, ListBlock, Paragraph, Place, Table
from loaders.people import capitalised

_RECS_HEADING = re.compile(
    r"^(?:(?:summary of|the peer team'?s|our|list of|the)\s+)?"
    r"(?:(?P<kind>key|detailed|main|further|other|additional|specific|headline|priority|top|"
    r"overall|summary)\s+)?recommendations?"
    r"(?:\s+(?:for|to)\s+(?:the\s+)?(?:council|authority|[A-Z][\w ]+))?\s*:?$",
    re.IGNORECASE,
)
_KEY_KINDS = {"key", "main", "headline", "priority", "top", "overall", "summary"}
_INTRO = re.compile(
    r"\b(?:following|below|these|are as follows|we recommend that|recommendations (?:are|to)|"
    r"there are (?:a number|a range)|in addition to)\b",
    re.IGNORECASE,
)
_NUMBER_CELL = re.compile(r"^(?:R|Rec\.?|Recommendation)?\s*(\d{1,2}[a-z]?)\.?$", re.IGNORECASE)


@dataclass(frozen=True)
class Listed:
    """A recommendation as a document lists it."""

    text: str
    is_key: bool
    number: str | None
    group: str | None
    index: int  # block
    place: Place
    where: str  # "item 3", "bullet 2", "row 4", "paragraph 1"


def recommendations_heading(text: str) -> str | None:
    """ "key", "detailed", "" (plain "Recommendations") for a recommendations heading, else None."""
    found = _RECS_HEADING.match(text.strip())
    return None if not found else (found["kind"] or "").lower()


def recommendations(document: Document) -> list[Listed]:
    """Every recommendation under a recommendations heading, in order; a list repeated (in
    an appendix, say) is read once."""
    heads = [
        (index, kind)
        for index, heading in document.headings()
        if (kind := recommendations_heading(heading.text)) is not None
    ]
    out: list[Listed] = []
    seen: set[tuple[bool, str]] = set()
    sections: list[Iterator[Listed]] = []
    for index, kind in heads:
        is_key = kind in _KEY_KINDS or (kind == "" and len(heads) == 1)
        group = None
        if kind == "" and not is_key:
            around = document.enclosing(index)
            group = around[-1].text if around else None
        sections.append(_under(document, index, is_key, group))
    if not heads:  # a letter: "Our key recommendations ... are that the council should:"
        sections.append(_introduced(document))
    for section in sections:
        for listed in section:
            key = (listed.is_key, _norm(listed.text))
            if key in seen:
                continue
            seen.add(key)
            out.append(listed)
    return out


_INLINE = re.compile(r"\brecommendations?\b[^.:]*:\s*(?P<first>\((?:1|a)\)\s)", re.IGNORECASE)
_INLINE_MARK = re.compile(r"\s*\((\d{1,2}|[a-h])\)\s+")


_INTRODUCES = re.compile(r"\b(?:key )?recommendations\b[^.]*:$", re.IGNORECASE)


def _introduced(document: Document) -> Iterator[Listed]:
    """Recommendations listed straight after a sentence that introduces them ("Our key
    recommendations ... are that the council should:"), where no heading opens them."""
    blocks = document.blocks
    for index, block in enumerate(blocks):
        inline = _INLINE.search(block.text) if isinstance(block, Paragraph) else None
        if isinstance(block, Paragraph) and inline is not None:  # "...: (1) agree ...; (2) ..."
            parts = _INLINE_MARK.split(block.text[inline.end() - len(inline["first"]) :])
            for marker, text in zip(parts[1::2], parts[2::2], strict=True):
                text = _unmarked(text.strip().rstrip(".;"))
                where = f"item {marker}"
                yield Listed(capitalised(text), True, marker, None, index, block.place, where)
            continue
        if index + 1 >= len(blocks):
            break
        after = blocks[index + 1]
        if not (isinstance(block, Paragraph) and _INTRODUCES.search(block.text)):
            continue
        if isinstance(after, ListBlock):
            is_key = True  # the only recommendations the document lists, as with one heading
            for number, (item, group) in enumerate(_items(after.items, None), start=1):
                where = f"item {item.marker}" if item.marker else f"bullet {number}"
                text = _unmarked(item.text)
                yield Listed(text, is_key, item.marker, group, index + 1, item.place, where)


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def _under(document: Document, heading: int, is_key: bool, group: str | None) -> Iterator[Listed]:
    """The recommendations in the section a recommendations heading opens."""
    blocks = document.under(heading)
    listed = [b for _, b in blocks if isinstance(b, ListBlock | Table)]
    labels = any(isinstance(b, Paragraph) and _PARAGRAPH_LABEL.match(b.text) for _, b in blocks)
    current_group = group
    bullets = 0
    for index, block in blocks:
        if isinstance(block, Heading):
            if recommendations_heading(block.text) is not None:
                break
            current_group = block.text
            continue
        if isinstance(block, ListBlock):
            for item, item_group in _items(block.items, current_group):
                bullets += item.marker is None
                where = f"item {item.marker}" if item.marker else f"bullet {bullets}"
                text = _unmarked(item.text)
                yield Listed(text, is_key, item.marker, item_group, index, item.place, where)
        elif isinstance(block, Table):
            yield from _rows(block, index, is_key, current_group)
        elif isinstance(block, Paragraph) and not listed:
            if _INTRO.search(block.text) or block.text.endswith(":") or len(block.text) > 400:
                continue
            label = _PARAGRAPH_LABEL.match(block.text)
            if labels and label is None:
                continue  # among "R1 ...", "R2 ..." paragraphs, one without is a note
            bullets += 1
            marker, text = (
                (label[1] or label[2], block.text[label.end() :]) if label else (None, block.text)
            )
            where = f"item {marker}" if marker else f"paragraph {bullets}"
            yield Listed(_unmarked(text), is_key, marker, current_group, index, block.place, where)


# A recommendation paragraph that carries its number as a label: "R1 Agree ...", "Rec 2: ...",
# "A. Agree ...", "(b) Develop ...".
_PARAGRAPH_LABEL = re.compile(
    r"^(?:(?:R|Rec\.?)\s?(\d{1,2}[a-z]?)[.:)]?|\(?([A-Ha-h])[.)])\s+(?=[A-Z])"
)
# A footnote's number fused to the last word ("... by ward councillors2."): not the text's.
_FOOTNOTE_MARK = re.compile(r"(?<=[a-z]{3})[1-9](?=[.;]?$)")


def _unmarked(text: str) -> str:
    """Without a fused footnote number, or the "; and" that joins a list's last two items."""
    return re.sub(r"[;,]\s*(?:and|or)$", "", _FOOTNOTE_MARK.sub("", text))


_INTRO_ITEM = re.compile(r"\brecommendations?\b.*\b(?:below|follow(?:s|ing)?|set out)\b", re.I)


def _items(items: tuple[Item, ...], group: str | None) -> Iterator[tuple[Item, str | None]]:
    """Top-level items are recommendations; a parent ending in ':' is the group of the items
    under it, and the points under a recommendation are its detail, not its text (as
    reports number them: "1. Review the council's capacity ..." with how, below). A
    numbered paragraph introducing them ("2.1 The key recommendations are below.") is not
    one."""
    for item in items:
        if _INTRO_ITEM.search(item.text) and not item.children:
            continue
        if item.children and item.text.endswith(":"):
            yield from _items(item.children, item.text.rstrip(":").strip())
            continue
        if item.children:  # its own sentence; the points under it are its detail
            yield Item(item.text, item.marker, item.place, (), item.spans), group
        else:
            yield item, group


def _rows(table: Table, index: int, is_key: bool, group: str | None) -> Iterator[Listed]:
    """A table of recommendations: the longest cell of a row is the recommendation, a cell
    like "3" or "R3" its number."""
    for row_index, row in enumerate(table.rows):
        cells = [c for c in row if c]
        if not cells:
            continue
        number = next((m[1] for c in cells if (m := _NUMBER_CELL.match(c))), None)
        text = max(cells, key=len)
        if len(text.split()) < 3:
            continue
        where = f"row {row_index + 1}"
        yield Listed(text, is_key, number, group, index, table.row_place(row_index), where)


def labelled(document: Document) -> Iterator[Listed]:
    """ "Recommendation N" items outside any recommendations section: recommendations made
    in the findings themselves."""
    inside = {
        at
        for index, heading in document.headings()
        if recommendations_heading(heading.text) is not None
        for at, _ in document.under(index)
    }
    for index, block in enumerate(document.blocks):
        if index in inside or not isinstance(block, ListBlock):
            continue
        for _, item in block.walk():
            if item.labelled:
                around = document.enclosing(index)
                group = around[-1].text if around else None
                yield Listed(
                    item.text, False, item.marker, group, index, item.place, f"item {item.marker}"
                )

"""How the follow-up report genre walks a `Document`: the paragraphs and list items of its
running text with their markers, sentences, the place a committee paper cites them by
("paragraph 3.7"), the list an introduction ending in a colon opens, and text that a page
break or a blank line cut in two.

Private to `loaders.follow_up_report` and its helpers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from loaders.document import Document, Item, ListBlock, Paragraph, Place
from loaders.passages import provenance
from loaders.records import Provenance
from loaders.text import ends_sentence, sentences

_PARA_NUMBER = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2})+)\.?\s+")
_CONNECTIVE = re.compile(
    r"\b(?:the|a|an|and|or|of|to|in|for|with|by|on|at|from|that|which|its|their|our|is|are|be|"
    r"will|as|into|than|whilst|while|including|such)$|[,(–—/&-]$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Said:
    """A paragraph or a list item (at any depth), with what marks it."""

    index: int  # the block
    text: str
    place: Place
    marker: str | None = None  # "3.1", "2", "b"; None for a paragraph or a bullet
    kind: str = "paragraph"  # "paragraph" or the item's kind ("bullet", "dotted", "action", ...)
    item: Item | None = None
    depth: int = 0

    @property
    def number(self) -> str | None:
        """The paragraph number a committee paper cites it by: "3.7" from a "3.7" marker or
        from "3.7." at the start of its text."""
        if self.kind == "dotted" and self.marker:
            return self.marker
        found = _PARA_NUMBER.match(self.text)
        return found["num"] if found else None

    @property
    def body(self) -> str:
        """The text without a paragraph number written into it."""
        return _PARA_NUMBER.sub("", self.text, count=1)


# The passages and sentences of the document being read, walked by many extractors: kept for
# the last few documents (checked by identity, so a new document never gets another's).
_READ: dict[int, tuple[Document, list[Said], list[tuple[Said, str]]]] = {}


def _read(document: Document) -> tuple[Document, list[Said], list[tuple[Said, str]]]:
    found = _READ.get(id(document))
    if found is None or found[0] is not document:
        passages = list(_said(document))
        sentences_ = [(p, sentence) for p in passages for _, sentence in sentences(p.body)]
        if len(_READ) >= 4:
            _READ.clear()
        found = _READ[id(document)] = (document, passages, sentences_)
    return found


def said(document: Document) -> Iterator[Said]:
    """Every paragraph and list item, in order."""
    return iter(_read(document)[1])


def _said(document: Document) -> Iterator[Said]:
    for index, block in enumerate(document.blocks):
        if isinstance(block, Paragraph):
            yield Said(index, block.text, block.place)
        elif isinstance(block, ListBlock):
            for depth, item in block.walk():
                yield Said(index, item.text, item.place, item.marker, item.kind, item, depth)


def sentences_said(document: Document) -> Iterator[tuple[Said, str]]:
    """Every sentence of the paragraphs and items, with its passage."""
    return iter(_read(document)[2])


def where(document: Document, passage: Said, what: str = "") -> str:
    """ "paragraph 3.7", else the section it sits in; `what` after it ("bullet 4")."""
    number = passage.number
    place = f"paragraph {number}" if number else document.section_label(passage.index)
    return f"{place}, {what}" if what else place


def prov(document: Document, passage: Said, what: str = "") -> Provenance:
    return provenance(document, passage.place, where(document, passage, what))


def items_after(document: Document, intro: Said) -> list[Said]:
    """The items an introduction ending in a colon opens: its own sub-items, else the items
    after it in its list (up to the next numbered paragraph or introduction), else the list
    that follows it."""
    if intro.item is not None and intro.item.children:
        return [
            Said(intro.index, child.text, child.place, child.marker, child.kind, child, 1)
            for child in intro.item.children
        ]
    block = document.blocks[intro.index]
    if intro.item is not None and isinstance(block, ListBlock):
        flat = list(block.walk())
        at = next(i for i, (_, item) in enumerate(flat) if item is intro.item)
        out: list[Said] = []
        for depth, item in flat[at + 1 :]:
            if depth < intro.depth or _PARA_NUMBER.match(item.text) or item.kind == "dotted":
                break
            if depth > intro.depth:
                continue
            if item.text.endswith(":"):
                break  # the next introduction
            out.append(Said(intro.index, item.text, item.place, item.marker, item.kind, item))
        if out:
            return out
    following = document.blocks[intro.index + 1] if intro.index + 1 < len(document.blocks) else None
    if isinstance(following, ListBlock):
        return [
            Said(intro.index + 1, item.text, item.place, item.marker, item.kind, item)
            for item in following.items
        ]
    return []


def continued(document: Document, passage: Said, text: str) -> tuple[str, int]:
    """`text` of a paragraph or of the last item of a list, with the paragraph after it
    when a blank line or a page break cut a sentence in two ("... issues of faith and the" /
    "Council's role ..."); and the index of the last block used."""
    index = passage.index
    block = document.blocks[index]
    if isinstance(block, ListBlock) and passage.item is not list(block.walk())[-1][1]:
        return text, index
    following = document.blocks[index + 1] if index + 1 < len(document.blocks) else None
    if not isinstance(following, Paragraph) or (ends_sentence(text) and not text.endswith(":")):
        return text, index
    if following.text[:1].islower() or _CONNECTIVE.search(text.rstrip()) or text.endswith(":"):
        return f"{text} {following.text}", index + 1
    return text, index


__all__ = ["Said", "continued", "items_after", "prov", "said", "sentences_said", "where"]

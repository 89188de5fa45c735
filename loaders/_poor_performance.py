"""The London poor-performance protocol as a London Councils paper's appendix sets it out: its
stages ("Stage 1: Identifying signs of potential failure"), and the signs, evidence and possible
outcomes each stage's paragraphs list.

Private to `london_councils_paper`; reads the paper's paragraphs (`loaders.paragraphs`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from loaders.document import Document
from loaders.paragraphs import Para, cite, items_of, sentences, tidy_item
from loaders.records import Concept, Record


def concepts(document: Document, blocks: list[Para]) -> Iterator[Record]:
    """Stages, signs, evidence and outcomes of the poor-performance protocol in an appendix."""
    stages = [b for b in blocks if b.kind == "heading" and re.match(r"^Stage \d+:", b.text)]
    for stage in stages:
        number, label = (s.strip() for s in stage.text.split(":", 1))
        paras = [
            b
            for b in blocks
            if b.kind == "para" and b.section == stage.text and b.part == stage.part
        ]
        definition = " ".join(_without_lead_in(p.text) for p in paras).strip() or None
        yield Concept(
            "poor-performance-stages",
            label,
            cite(document, stage),
            notation=number,
            definition=definition,
        )
        for para in paras:
            yield from _listed(document, blocks, para, label)


def _listed(document: Document, blocks: list[Para], para: Para, stage: str) -> Iterator[Concept]:
    """The signs, evidence or outcomes a stage's paragraph lists."""
    scheme = _list_scheme(para.text)
    if scheme is None:
        return
    for position, item in enumerate(items_of(blocks, para), start=1):
        where = cite(document, item, position=position)
        label = tidy_item(item.text)
        if scheme == "poor-performance-outcomes":
            first = tidy_item(sentences(item.text)[0])
            yield Concept(scheme, first, where, definition=label, broader=stage)
        else:
            yield Concept(scheme, label, where)


def _without_lead_in(text: str) -> str:
    """A paragraph without the sentence that introduces its list ("These include:")."""
    return " ".join(s for s in sentences(text) if not re.search(r":-?$", s))


def _list_scheme(lead_in: str) -> str | None:
    if re.search(r"possible outcomes|outcomes could", lead_in, re.IGNORECASE):
        return "poor-performance-outcomes"
    if re.search(r"evidence|intelligence", lead_in, re.IGNORECASE):
        return "poor-performance-evidence"
    if re.search(r"indicators|signs|warning", lead_in, re.IGNORECASE):
        return "poor-performance-signs"
    return None

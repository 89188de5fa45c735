"""Actions wherever a council paper puts them: action-plan tables
(`_follow_up_action_tables`); numbered paragraphs or bullets under each "Recommendation N"
line or heading, ending "Lead: ... Due: ... Status: ..."; appendix lists of "– action (Lead;
due) – Status"; and "[action N]" / "Action N:" lines. Each action keeps the recommendation it
sits under, its status as the paper states it, its lead and its due date.

Private to `loaders.follow_up_report`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from loaders._follow_up_action_tables import table_actions
from loaders._follow_up_action_values import (
    FIELD,
    RAG,
    Found,
    RecAt,
    due,
    rag_status,
    rec_line,
    split_fields,
    split_tail,
    status,
)
from loaders._follow_up_passages import Said, continued, said, where
from loaders.document import Document, Heading
from loaders.passages import provenance
from loaders.records import Action, ChallengeRef

_PAGE = re.compile(r"\((?P<page>p+\.?\s?\d+(?:\s?[-–]\s?\d+)?|page \d+)\)\s*\.?", re.IGNORECASE)
_TOPIC = re.compile(r"^(?P<topic>[A-Z][^'\"–—]{1,40}?)\s+[–—-]\s+(?P<rest>['\"].*)$", re.S)


def actions(document: Document, challenge: ChallengeRef) -> list[Found]:
    """Every action in the paper, in document order."""
    found = list(table_actions(document, challenge)) + list(_passage_actions(document, challenge))
    return sorted(
        found, key=lambda f: (f.action.provenance.line or 0, f.action.provenance.page or 0)
    )


# ---- paragraphs, items and lines


def _passage_actions(document: Document, challenge: ChallengeRef) -> Iterator[Found]:
    """Actions written as text, under the recommendation line or heading before them."""
    current: RecAt | None = None
    after_label = False
    last: Found | None = None
    passages = list(said(document))
    used: set[int] = set()
    for position, passage in enumerate(passages):
        heading = _heading_between(document, passages, position)
        if heading is not None:
            at = document.blocks.index(heading)
            current = rec_line(heading.text, heading.place, at, heading.label())
            after_label = False
        if passage.kind == "paragraph" and (line := rec_line(passage.text, passage.place, 0)):
            current = replace(line, index=passage.index, where=where(document, passage))
            after_label = True
            continue
        if passage.kind == "label" and passage.marker:
            current = RecAt(
                passage.marker,
                passage.text or None,
                passage.place,
                passage.index,
                where(document, passage, f"recommendation {passage.marker}"),
            )
            after_label = True
            continue
        if passage.index in used and passage.item is None:
            continue
        if last is not None and passage.kind == "paragraph" and FIELD.match(passage.text):
            last = _with_fields(last, passage.text)  # "Status: On track." cut off by the layout
            continue
        action = _passage_action(document, passage, challenge, current, after_label, used)
        if action is None:
            if passage.kind == "paragraph":
                after_label = False
            continue
        if last is not None:
            yield last
        last = Found(action, current if passage.kind != "action" or current else None)
    if last is not None:
        yield last


def _heading_between(document: Document, passages: list[Said], position: int) -> Heading | None:
    """The last heading between the previous passage and this one."""
    start = passages[position - 1].index + 1 if position else 0
    found = None
    for block in document.blocks[start : passages[position].index]:
        if isinstance(block, Heading):
            found = block
    return found


def _passage_action(
    document: Document,
    passage: Said,
    challenge: ChallengeRef,
    current: RecAt | None,
    after_label: bool,
    used: set[int],
) -> Action | None:
    text = passage.body
    labelled = re.match(r"^Action\s*:\s*", text, re.IGNORECASE)
    if passage.kind == "action":
        return _numbered_action(document, passage, challenge)
    if current is None:
        return None
    fields_at = FIELD.search(text)
    bullet = after_label and passage.kind == "bullet"
    if not (labelled or fields_at or bullet):
        return None
    if passage.kind == "paragraph" or text.endswith(":"):
        joined, last = continued(document, passage, text)
        if last != passage.index:
            used.add(last)
            text = joined
    if labelled:
        text = text[labelled.end() :]
    text, values = split_fields(text)
    if bullet and not values:
        text, values = split_tail(text)
    what = f"item {passage.marker}" if passage.marker and not passage.number else ""
    return Action(
        text=text.strip(),
        provenance=provenance(document, passage.place, where(document, passage, what)),
        responds_to=challenge,
        status=status(values["status"]) if values.get("status") else rag_status(values),
        lead=values.get("lead"),
        due=due(values["due"]) if values.get("due") else None,
        rag=status(values["rag"]) if values.get("rag", "").lower() in RAG else None,
        number=passage.number,
        context=current.text,
    )


def _with_fields(found: Found, text: str) -> Found:
    _, values = split_fields(text)
    action = found.action
    return Found(
        replace(
            action,
            status=action.status or (status(values["status"]) if values.get("status") else None),
            lead=action.lead or values.get("lead"),
            due=action.due or (due(values["due"]) if values.get("due") else None),
        ),
        found.recommendation,
    )


def _numbered_action(document: Document, passage: Said, challenge: ChallengeRef) -> Action:
    """ "[action 1] Topic – 'quoted text' (p10)" and "Action 2: 'text' (p9) Status: ..."."""
    text, _ = continued(document, passage, passage.text.strip())
    text, values = split_fields(text)
    page = _PAGE.search(text)
    if page:
        text = (text[: page.start()] + text[page.end() :]).strip()
    topic = None
    split = _TOPIC.match(text)
    if split and len(split["topic"].split()) <= 5:
        topic, text = split["topic"].strip(), split["rest"]
    text = text.strip().strip("'\"").strip()
    what = f"action {passage.marker}"
    return Action(
        text=text,
        provenance=provenance(
            document, passage.place, f"{document.section_label(passage.index)}, {what}"
        ),
        responds_to=challenge,
        status=status(values["status"]) if values.get("status") else rag_status(values),
        rag=status(values["rag"]) if values.get("rag", "").lower() in RAG else None,
        number=passage.marker,
        page_reference=page["page"].replace(" ", "") if page else None,
        topic=topic,
        lead=values.get("lead"),
        due=due(values["due"]) if values.get("due") else None,
    )


__all__ = ["Found", "RecAt", "actions", "due", "status"]

"""What a council plan says the council has done or will do, as `Action`s, for `council_plan`.

One action per bullet (except lists that spell out the contents of something, after "will
include the following:"), and one per sentence of a paragraph in which the council, "we" or
"our ..." does something. The status ("done", "in progress", "planned") follows the wording,
else the bullet that introduces it, else the section heading ("What we will do next").
"""

from __future__ import annotations

import re

from loaders._council_plan_parts import MISSION_HEADING, is_asks
from loaders._council_plan_sections import Part
from loaders.records import Action, Provenance

_SUBJECT = r"(?:we|the council|{council}|our\s+(?:[\w-]+\s+){{0,5}}?)"
_AUX = (
    r"(?:(?:also|now|already|recently|successfully|continuously)\s+)?"
    r"(?:have|has|are|is|will|aim to|plan to|intend to|'ve)\b"
)
_LEADING_SUBJECT = re.compile(
    "^" + _SUBJECT.format(council=r"[A-Z][\w ]+? council") + r"\s+" + _AUX + r"\s*(?:been\s+)?",
    re.I,
)
_NOT_ACTION = re.compile(r"\b(?:have had to|not able|unable|cannot|can't|expect|would)\b", re.I)
_IN_PROGRESS = re.compile(
    r"\b(?:have been working|underway|under way|(?:is|are) being \w+ed|"
    r"(?:council|we) (?:is|are) (?:currently )?(?:working|delivering|implementing|rolling|"
    r"maximising|piloting|building|transforming|reviewing|investing|progressing|embedding))\b",
    re.I,
)
_DONE = re.compile(
    r"\b(?:we|council|it|they)\s+(?:have|has|'ve)\s+(?:also\s+)?(?:been\b|an?\s|\w+ed\b|made|built|"
    r"produced|set up|rolled out|won|begun)"
    r"|\b(?:has|have)\s+(?:also\s+)?(?:been\s+)?(?:\w+ly\s+)?\w+ed\b",
    re.I,
)
_PLANNED = re.compile(
    r"\bwe\s+(?:will|aim|plan|intend|want|propose|"
    r"are (?:developing|designing|exploring|planning))\b",
    re.I,
)
_WEAK_PLANNED = re.compile(
    r"\b(?:will|developing|design phase|under development|exploring|going to|next)\b", re.I
)
_WEAK_DONE = re.compile(
    r"^(?:delivery of|established|created|introduced|delivered|launched|completed|remodelled|"
    r"redesigned)\b"
    r"|\b(?:revised|remodelled|introduction of|established|embedded|completed|launched|new)\b",
    re.I,
)
_SECTION_PLANNED = re.compile(
    r"\b(?:plans?|will|next|future|ahead|going forward|priorities)\b", re.I
)
_SECTION_DONE = re.compile(r"\b(?:have|has|achieve\w*|progress|delivered|so far|last year)\b", re.I)
_FOLD = re.compile(
    r"(?<!example)(?:include the following|will include|as follows|the following):\s*$", re.I
)


def status(text: str) -> str | None:
    """ "done", "in progress" or "planned", as the wording supports; None if it does not say."""
    for pattern, value in (
        (_PLANNED, "planned"),
        (_IN_PROGRESS, "in progress"),
        (_DONE, "done"),
        (_WEAK_PLANNED, "planned"),
        (_WEAK_DONE, "done"),
    ):
        if pattern.search(text):
            return value
    return None


def actions(found: list[Part], council: str, programmes: list[str]) -> list[tuple[Action, Part]]:
    """What the plan says the council has done or will do: one action per bullet, and one per
    sentence of a paragraph that has the council (or "we") doing something."""
    subject = re.compile(rf"(?:^|\b){_SUBJECT.format(council=re.escape(council))}\s+{_AUX}", re.I)
    result = []
    mission_sections = {
        b.section.index
        for b in found
        if MISSION_HEADING.search(b.section.title) and len(b.section.title.split()) <= 8
    }
    for block in found:
        if block.kind == "heading" or is_asks(block) or block.section.index in mission_sections:
            continue
        if block.kind == "bullet":
            if len(block.text.split()) < 5 or (block.parent and _FOLD.search(block.parent.text)):
                continue
            candidates = [(block.text, block.where)]
        else:
            candidates = [
                (s, f"{block.where}, sentence {n}")
                for n, s in enumerate(block.sentences(), 1)
                if subject.search(s) and not _NOT_ACTION.search(s)
            ]
        for text, where in candidates:
            action = Action(
                text,
                Provenance(document="", location=where),
                status=_status_of(block, text),
                topic=_topic(text, block, programmes),
                context=block.section.title if block.section.index else None,
            )
            result.append((action, block))
    return result


def _status_of(block: Part, text: str) -> str | None:
    found = status(text)
    parent = block.parent
    while found is None and parent is not None:
        found = (
            status(parent.text)
            if not parent.text.endswith(":") or parent.kind == "bullet"
            else None
        )
        parent = parent.parent
    if found is None:
        heading = block.section.title
        if _SECTION_PLANNED.search(heading):
            return "planned"
        return "done" if _SECTION_DONE.search(heading) else None
    return found


def _topic(text: str, block: Part, programmes: list[str]) -> str:
    named = [p for p in programmes if p.lower() in text.lower()]
    if named:
        return max(named, key=len)
    if block.lead_in:
        return block.lead_in
    text = re.sub(r"^(?:[^,]{3,30}),\s+", "", text) if text.count(",") else text
    text = _LEADING_SUBJECT.sub("", text)
    words = re.split(r"[,;:–(]| - ", text)[0].split()
    topic = " ".join(words[:6]).rstrip(".")
    return topic[:1].upper() + topic[1:]


__all__ = ["actions", "status"]

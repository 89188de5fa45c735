"""What the follow-up report genre reads off an action, wherever it stands: its status as
the paper states it, its due date at the precision printed, the fields written with it
("Lead: X. Due: Y. Status: Z", "[Owner: X; Deadline: Y]", "(Lead; due) – Status"), and the
recommendation line it sits under ("Recommendation 3: ...", "R3. ...").

Private to `loaders.follow_up_report`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from loaders.cover_sheet import labels_in
from loaders.dates import Month, When, parse_period
from loaders.document import Place
from loaders.records import Action

_REC_LINE = re.compile(  # "Recommendation 3: ...", "Rec 3 - ...", "R3. ..."
    r"^(?:Recommendation\s+|Rec\.?\s*|(?P<r>R))(?P<n>\d{1,2}[a-z]?)\s*(?:[:.)–—-]\s*"
    r"(?P<text>.*))?$",
    re.IGNORECASE,
)
FIELD = re.compile(
    r"(?:^|(?<=[\s\[(]))(?P<label>Lead(?:\s+officer)?|Owner|Responsible(?:\s+officer)?|"
    r"Due(?:\s+date)?|Target(?:\s+date)?|Deadline|Timescale|By(?:\s+when)?|"
    r"Completion(?:\s+date)?|Status|RAG(?:\s+status|\s+rating)?)\s*:\s*",
)
_BRACKETED = re.compile(
    r"\s*[\[(]([^\[\]()]*\b(?:Owner|Lead|Status|Deadline|Due)\s*:[^\[\]()]*)[\])]"
)
_FIELD_KEY = {
    "lead": "lead",
    "owner": "lead",
    "responsible": "lead",
    "due": "due",
    "target": "due",
    "deadline": "due",
    "timescale": "due",
    "by": "due",
    "completion": "due",
    "status": "status",
    "rag": "rag",
}
_STATUS_WORDS = (
    r"complete[d]?|done|on track|in progress|not (?:yet )?started|delayed|behind(?: schedule)?|"
    r"at risk|ongoing|overdue|closed|achieved|partially complete|superseded|cancelled|"
    r"red|amber|green"
)
STATUS_CELL = re.compile(rf"(?:{_STATUS_WORDS})", re.IGNORECASE)
_TAIL_STATUS = re.compile(rf"\s+[–—-]\s+(?P<status>{_STATUS_WORDS})\.?$", re.IGNORECASE)
_TAIL_LEAD = re.compile(r"\s*\((?P<lead>[^()]*?)(?:;\s*(?P<due>[^();]+))?\)\s*$")
RAG = {"red", "amber", "green"}


@dataclass(frozen=True)
class RecAt:
    """The recommendation an action sits under, as the paper restates it."""

    number: str | None
    text: str | None
    place: Place
    index: int
    where: str


@dataclass(frozen=True)
class Found:
    """An action and the recommendation it answers (None: the challenge as a whole)."""

    action: Action
    recommendation: RecAt | None


def status(text: str) -> str | None:
    """A status as the paper states it, in lower case ("Completed" -> "complete")."""
    value = re.sub(r"\s+", " ", text.strip().rstrip(".").lower())
    value = {"completed": "complete", "not yet started": "not started", "on-track": "on track"}.get(
        value, value
    )
    return value or None


def due(text: str) -> When | None:
    """A due date at the precision printed: "30 April 2019", "31/03/2023" (days), "June 2019",
    "Mar 2023" (months); None for "Ongoing" or a financial year."""
    text = text.strip()
    slashed = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if slashed:
        try:
            return date(int(slashed[3]), int(slashed[2]), int(slashed[1]))
        except ValueError:
            return None
    period = parse_period(text)
    if period is None:
        return None
    return period[0] if isinstance(period[0], date | Month) else None


def rec_line(text: str, place: Place, index: int, where_: str = "") -> RecAt | None:
    """A line naming the recommendation what follows answers: "Recommendation 3: words",
    "R3. words" (the number as printed)."""
    found = _REC_LINE.match(text.strip())
    if found is None or len(text.split()) > 40 or FIELD.search(text):
        return None
    number = ("R" if found["r"] else "") + found["n"]
    words = (found["text"] or "").strip() or None
    return RecAt(number, words, place, index, where_ or f"recommendation {number}")


def rag_status(values: dict[str, str]) -> str | None:
    return status(values["rag"]) if values.get("rag") else None


def split_fields(text: str) -> tuple[str, dict[str, str]]:
    """ "Text. Lead: X. Due: January 2018. Status: On track." -> ("Text.", {lead, due,
    status})."""
    values: dict[str, str] = {}
    tail = _TAIL_STATUS.search(text)  # "... (Lead: X, by March 2024) – Green"
    if tail and FIELD.search(text[: tail.start()]):
        values["status"] = tail["status"]
        text = text[: tail.start()]
    # "Text [Owner: X; Deadline: Y; Status: Z]": the fields in brackets, parted by ";"
    text = _BRACKETED.sub(r" \1", text)
    text = re.sub(r",\s+by\s+(?=(?:\d{1,2}\s+)?[A-Z][a-z]+\s+\d{4})", " By: ", text)
    marks = list(FIELD.finditer(text))
    if not marks:
        return text, values
    # a cover sheet's label after the last field ends it ("Status: done Contact officer: X")
    stops = [m.start() for m in labels_in(text) if m.start() > marks[-1].start()]
    for at, found in enumerate(marks):
        end = marks[at + 1].start() if at + 1 < len(marks) else min(stops, default=len(text))
        key = _FIELD_KEY[found["label"].split()[0].lower()]
        values.setdefault(key, text[found.end() : end].strip().rstrip(".;,").strip())
    return text[: marks[0].start()].strip(), values


def split_tail(text: str) -> tuple[str, dict[str, str]]:
    """ "Agree X (Lead Post; December 2018) – Complete" -> ("Agree X", {lead, due, status})."""
    values: dict[str, str] = {}
    tail = _TAIL_STATUS.search(text)
    if tail:
        values["status"] = tail["status"]
        text = text[: tail.start()]
    lead = _TAIL_LEAD.search(text)
    if lead:
        values["lead"] = lead["lead"].strip()
        if lead["due"]:
            values["due"] = lead["due"].strip()
        text = text[: lead.start()]
    return text.strip(), values


__all__ = [
    "FIELD",
    "RAG",
    "STATUS_CELL",
    "Found",
    "RecAt",
    "due",
    "rag_status",
    "rec_line",
    "split_fields",
    "split_tail",
    "status",
]

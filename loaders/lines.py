"""The line, as every reader hands it to the layout: its text, indentation, place and what
the file itself says of it; and how a line starts a list item (bullets, numbers, letters,
roman numerals, "Recommendation N")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.document import Place, Table

BULLET = re.compile(r"^(?P<m>[-•*●▪◦·–—■□➢►✓o])\s+(?=\S)")
NUMBERED = re.compile(
    r"^(?:(?P<dotted>\d{1,2}(?:\.\d{1,2}){1,3})\.?|(?P<num>\d{1,3})[.)]|\((?P<paren>\d{1,2})\)"
    r"|\(?(?P<roman>(?:i{1,3}|iv|vi{0,3}|ix|x|xi{1,3}))[.)]|\(?(?P<alpha>[a-z])[.)]"
    r"|\((?P<upper>[A-Z])\))\s+(?P<text>\S.*)$"
)
LABELLED = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?P<open>\[\s*)?(?P<word>Recommendation|Rec\.?|Action)\s+"
    r"(?P<label>\d{1,2}(?:\.\d{1,2})?[a-z]?)(?(open)\s*\]\s*|\s*(?:[:.–—-]\s*|$))(?P<text>.*)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Line:
    """One line as a reader hands it over."""

    text: str  # cleaned (see loaders.text.clean), list markers kept
    place: Place
    raw: str = ""  # as read, for splitting table cells on tabs and runs of spaces
    indent: int = 0  # leading spaces (tabs count four)
    heading: int | None = None  # the file says: a heading of this level
    list_level: int | None = None  # the file says: a list item at this depth
    strong: bool = False  # the whole line is bold
    table: Table | None = None  # the file's own table, at this place

    @property
    def blank(self) -> bool:
        return not self.text and self.table is None


def marker(line: Line) -> tuple[str, str | None, str] | None:
    """(kind, marker, text) when `line` starts a list item: kinds "bullet", "num", "dotted",
    "paren", "roman", "alpha", "upper", "label" ("Recommendation N"), "action" ("Action N",
    "[action N]")."""
    text = line.text
    bullet = BULLET.match(text)
    after = text[bullet.end() : bullet.end() + 1] if bullet else ""
    if bullet and bullet["m"] in "o–—" and not (after.isupper() or after.isdigit()):
        bullet = None  # "– the equivalent of ...": a dash that goes on with a sentence
    if bullet:
        text = text[bullet.end() :]
        labelled = LABELLED.match(text)
        if labelled and labelled["text"]:
            return _label_kind(labelled, "bullet"), labelled["label"], labelled["text"]
        return "bullet", None, text
    labelled = LABELLED.match(text)
    if labelled:
        return _label_kind(labelled, "label"), labelled["label"], labelled["text"]
    found = NUMBERED.match(text)
    if not found:
        return None
    for kind in ("dotted", "num", "paren", "roman", "alpha", "upper"):
        if found[kind]:
            return kind, found[kind], found["text"]
    return None


def _label_kind(found: re.Match[str], kind: str) -> str:
    """An "Action N" item is an action, whatever marks it; a "Recommendation N" one keeps
    `kind`."""
    return "action" if found["word"].lower() == "action" else kind


def follows(previous: str, number: str) -> bool:
    """Whether `number` continues a list whose last item was `previous`: "3" -> "4",
    "2.1" -> "2.2"."""
    if previous.isdigit() and number.isdigit():
        return int(number) == int(previous) + 1
    head_p, _, last_p = previous.rpartition(".")
    head_n, _, last_n = number.rpartition(".")
    if head_p and head_p == head_n and last_p.isdigit() and last_n.isdigit():
        return int(last_n) == int(last_p) + 1
    return False

"""People in prose about a team: "The peer team was led by X, Post of Org, and included A,
Post, Org; B, ...; and C. The team was supported by D, Peer Challenge Manager, LGA." A person
after "led by" is the lead peer; one after "supported by" the team's support."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from loaders.names import is_person
from loaders.people import Entry, parse_entry, role_from_posts, team_role

_LEADS = re.compile(
    r"\b(?:was|were|is|are)\s+led\s+by\b|\bled\s+by\b|\bheaded\s+by\b|\bchaired\s+by\b", re.I
)
_INCLUDES = re.compile(
    r"\b(?:and\s+)?(?:also\s+)?(?:included|includes|including|comprised|comprising|"
    r"consisted\s+of|was\s+made\s+up\s+of|were|was|are|is|members\s+were|"
    r"(?:carried\s+out|delivered|undertaken|conducted)\s+by)\s*:?\s+(?=[A-Z])",
)
_SUPPORTED = re.compile(r"\b(?:supported|managed|assisted|coordinated|co-ordinated)\s+by\b", re.I)


def prose_entries(text: str) -> Iterator[tuple[int, Entry]]:
    """People named in a sentence about a team, with their offset in `text`: "The peer team
    was led by X, Post of Org, and included A, Post, Org; B, ...; and C. The team was
    supported by D, Peer Challenge Manager, LGA." A person after "led by" is the lead peer."""
    for clause_start, clause, kind in _clauses(text):
        for offset, chunk in _chunks(clause):
            entry = parse_entry(_AS_ROLE.sub(r"\g<name>, \g<role>, \g<org>", chunk))
            if entry is None:
                continue
            if kind == "lead" and entry.role is None:
                entry = replace(entry, role="Lead Peer")
            if kind == "support" and entry.role is None:
                entry = replace(entry, role=role_from_posts(entry.posts) or "Programme Support")
            yield clause_start + offset, entry


# "Sadie Okonkwo-Hart of the LGA as peer challenge manager": the person, the body, the role.
_AS_ROLE = re.compile(
    r"^(?P<name>[^,]+?)\s+(?:of|from)\s+(?:the\s+)?(?P<org>[A-Z][^,]*?)\s+as\s+"
    r"(?:the\s+|our\s+|your\s+)?(?P<role>[^,]+)$"
)
# The letter's writer, named in the team as "and me": who signs it (`teams.signatory`).
WRITER = re.compile(r"(?:;|,)\s*(?:and\s+)?(?:me|myself)\b", re.IGNORECASE)


def _clauses(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset, clause, kind) for each run of text after "led by", "included", "supported by"."""
    marks: list[tuple[int, int, str]] = []
    for pattern, kind in ((_LEADS, "lead"), (_INCLUDES, "member"), (_SUPPORTED, "support")):
        for found in pattern.finditer(text):
            marks.append((found.start(), found.end(), kind))
    marks.sort()
    kept: list[tuple[int, int, str]] = []
    for mark in marks:
        if kept and mark[0] < kept[-1][1]:
            continue
        kept.append(mark)
    for index, (_, end, kind) in enumerate(kept):
        stop = kept[index + 1][0] if index + 1 < len(kept) else len(text)
        clause = text[end:stop]
        cut = re.search(r"\.\s+(?=[A-Z])(?!(?:[A-Z]\.|Dr|St|Cllr)\b)", clause)
        if cut:
            clause = clause[: cut.start()]
        yield end, clause, kind


def _chunks(clause: str) -> Iterator[tuple[int, str]]:
    """The people of one clause: parted by ";" where the clause uses them, else by ", and",
    " and " or "," where a person's name follows (so "Cheshire West and Chester Council"
    stays whole)."""
    clause = re.sub(r",?\s+and\s*$", "", clause)
    if ";" in clause:
        pieces = list(_split_keep(clause, r";\s*(?:and\s+)?"))
    else:
        pieces = list(_split_at_names(clause))
    for offset, piece in pieces:
        piece = re.sub(r"^\s*(?:and|the)\s+", "", piece).strip(" ,.")
        piece = re.sub(r",?\s+and$", "", piece)
        if piece:
            yield offset, piece


_NEXT_NAME = re.compile(
    r"(?:(?:Cllr|Councillor|Dr|Sir|Dame|Lord|Baroness|Professor|Prof|Mr|Mrs|Ms|Miss)\.?\s+)?"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})\s*(?=,|\(|$)"
)


def _split_at_names(clause: str) -> Iterator[tuple[int, str]]:
    start = 0
    for found in re.finditer(r",?\s+and\s+|,\s+", clause):
        following = _NEXT_NAME.match(clause, found.end())
        if following and is_person(following.group().strip()):
            yield start, clause[start : found.start()]
            start = found.end()
    yield start, clause[start:]


def _split_keep(text: str, pattern: str) -> Iterator[tuple[int, str]]:
    start = 0
    for found in re.finditer(pattern, text):
        yield start, text[start : found.start()]
        start = found.end()
    yield start, text[start:]


# One peer to a sentence: "Ruth Castellanos is Director of Finance at Derbyshire County
# Council and was an officer peer." / "Councillor X (Labour) is Leader of Y and took part as a
# member peer."
_BIO = re.compile(
    r"^(?P<name>[A-Z][^,()]{2,60}?)(?P<party>\s*\([^)]{2,40}\))?\s+is\s+(?:an?\s+|the\s+)?"
    r"(?P<post>[A-Z][^.;]+?)"
    r"(?:,?\s+and\s+(?:was|is|took part as|joined (?:us |the team )?as|served as|managed)\s+"
    r"(?:the\s+|an?\s+|our\s+)?(?P<role>[^.;]+?))?\.?$"
)


def bio_entry(text: str) -> Entry | None:
    """The peer a sentence of their own describes, with the team role it gives."""
    found = _BIO.match(text.strip())
    if found is None or not is_person(
        re.sub(r"^(?:Councillor|Cllr|Dr|Sir|Dame)\s+", "", found["name"])
    ):
        return None
    entry = parse_entry(f"{found['name']}{found['party'] or ''}, {found['post']}")
    if entry is None or not entry.posts:
        return None
    role = found["role"] and (team_role(found["role"]) or _managed(found["role"]))
    return replace(entry, role=entry.role or role or None)


def _managed(text: str) -> str | None:
    return (
        "Peer Challenge Manager"
        if re.match(r"(?:the\s+)?peer (?:challenge|review)$", text, re.I)
        else None
    )

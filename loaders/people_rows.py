"""People in table rows whose columns come in any order: by the header where there is one
(name, team role, post, organisation), else by what each cell looks like."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from loaders.names import is_person
from loaders.people import (
    Entry,
    capitalised,
    is_post,
    parse_entry,
    parse_posts,
    take_role,
    team_role,
)


def parse_row(cells: Sequence[str], header: Sequence[str] | None = None) -> Entry | None:
    """A person from a table row whose columns may come in any order: a name column, a role
    column (a team role, or a post), and the organisation."""
    cells = [c.strip() for c in cells]
    if header and len(header) == len(cells):
        named = _by_header(cells, header)
        if named is not None:
            return named
    names = [c for c in cells if is_person(c)]
    if not names:
        for cell in cells:  # "Lead Peer – Cllr X" in one cell
            entry = parse_entry(cell)
            if entry is not None:
                others = [c for c in cells if c and c != cell]
                return _with_rest(entry, others)
        return None
    name = names[0]
    role: str | None = None
    rest: list[str] = []
    for cell in cells:
        if not cell or cell == name:
            continue
        found = team_role(cell)
        if found:
            role = role or found
            continue
        inner, remainder = take_role(cell)
        if inner:
            role = role or inner
            cell = remainder
        if cell:
            rest.append(cell)
    entry = parse_entry(name + (", " + ", ".join(rest) if rest else ""))
    if entry is None:
        return None
    return replace(entry, role=role or entry.role)


def _with_rest(entry: Entry, others: list[str]) -> Entry:
    """The person of one cell with the other cells: a team role given as a label beside
    them ("Lead peer:"), or their post and organisation."""
    roles = [found for cell in others if (found := _label_role(cell))]
    others = [cell for cell in others if not _label_role(cell)]
    posts = parse_posts(", ".join(others)) if others else ()
    return replace(
        entry, posts=entry.posts + posts, role=entry.role or (roles[0] if roles else None)
    )


def _label_role(cell: str) -> str | None:
    """A team role written as a label: "Lead peer:", "Member peers:"."""
    return team_role(re.sub(r"(?<=peer)s$", "", cell.strip().rstrip(":").strip(), flags=re.I))


_NAME_COLUMN = re.compile(r"^(?:name|peer|member|who)s?$|^(?:peer|team member)(?:'s)? name$", re.I)
_ROLE_COLUMN = re.compile(r"\brole\b", re.I)
_POST_COLUMN = re.compile(
    r"^(?:post|position|job title|title|home post|current role)\b|\bpost\b", re.I
)
_ORG_COLUMN = re.compile(r"^(?:organi[sz]ation|council|authority|employer|body|from)$", re.I)


def _by_header(cells: list[str], header: Sequence[str]) -> Entry | None:
    """A row read by its header: the name, team role, post and organisation columns."""
    columns = [(h.strip().lower(), c) for h, c in zip(header, cells, strict=True)]
    name = next((c for h, c in columns if _NAME_COLUMN.match(h)), None)
    if not name or not is_person(name):
        return None
    post_cells = [c for h, c in columns if _POST_COLUMN.search(h) and c]
    role_cell = next(
        (c for h, c in columns if _ROLE_COLUMN.search(h) and not _POST_COLUMN.search(h)), ""
    )
    organisation = next((c for h, c in columns if _ORG_COLUMN.match(h)), "")
    role = team_role(role_cell) if role_cell else None
    if role_cell and role is None:
        inner, remainder = take_role(role_cell)
        if inner:
            role, post_cells = inner, [remainder, *post_cells] if remainder else post_cells
        elif len(role_cell.split()) <= 5 and not is_post(role_cell):
            role = capitalised(role_cell)  # the document's own name for the role
        else:
            post_cells = [role_cell, *post_cells]
    for index, cell in enumerate(post_cells):  # "Chief Executive (lead peer)"
        bracket = re.search(r"\s*\(([^()]+)\)$", cell)
        if bracket and (inner := team_role(bracket[1])):
            role, post_cells[index] = role or inner, cell[: bracket.start()]
    text = ", ".join(p for p in (name, *post_cells, organisation) if p)
    return parse_entry(text, role=role)

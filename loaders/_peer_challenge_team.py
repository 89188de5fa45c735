"""Peer team lines of peer challenge reports: who, with which honorific, post and organisation.

Handles "Name, Post Organisation", "Name, Post, Organisation", "Name – Post, Organisation",
"Post, Organisation – Name", "Lead Peer: Cllr X (Leader, Y Council)" and "Name | Role" rows.
Private to `loaders.peer_challenge_report`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.names import HONORIFICS, looks_like_name, split_honorific
from loaders.records import OrgKind, OrgRef, PersonRef

LGA = OrgRef("Local Government Association", "organisation")
# Words of posts, never of people's names or of places: they end an organisation name read
# backwards from "Council" ("Chief Executive Manchester City Council").
ROLE_WORDS = {
    "chief",
    "executive",
    "leader",
    "deputy",
    "assistant",
    "director",
    "head",
    "manager",
    "officer",
    "strategic",
    "corporate",
    "member",
    "cabinet",
    "councillor",
    "lead",
    "peer",
    "portfolio",
    "holder",
    "programme",
    "interim",
    "acting",
    "senior",
    "adviser",
    "advisor",
    "policy",
    "partnerships",
    "transformation",
    "strategy",
    "services",
    "service",
    "finance",
    "resources",
    "treasurer",
    "mayor",
    "chair",
    "chairman",
    "group",
    "operating",
    "commissioning",
    "care",
    "social",
    "adult",
    "adults",
    "children's",
    "health",
    "public",
    "people",
    "place",
    "communities",
    "regeneration",
    "governance",
    "legal",
    "monitoring",
    "hr",
    "od",
    "president",
    "opposition",
    "challenge",
    "review",
    "reform",
    "economy",
    "housing",
    "growth",
    "delivery",
}
_ORG_WORDS = re.compile(
    r"\b(?:Council|Councils|Authority|Association|Trust|NHS|CCG|ICB|Board|Partnership|Police|"
    r"Fire|Government|Department|University|College|Agency|Institute|Society|Limited|Ltd|LLP|"
    r"CIPFA|Solace|LGA|Commission|Office|Group|Foundation)\b"
)
_NOT_COUNCIL = re.compile(
    r"Combined Authority|Greater London Authority|Association|NHS|Trust|CCG|ICB|Police|"
    r"Fire|University|Department|Agency|Ltd|Limited|LLP|CIPFA|Solace|Office|Institute|Councils\b"
)
_COUNCIL_START = re.compile(r"\b(?:LB|RB|London Borough of|Royal Borough of|City of London)\b")
_COUNCIL_NAME = re.compile(
    r"(?:\bCouncil$|^(?:LB|RB|London Borough of|Royal Borough of|Borough of|City of) )"
)
_PARTY = re.compile(
    r"\s*\((?:Labour|Conservative|Liberal Democrats?|Lib Dem|Independent|Green|Plaid Cymru|"
    r"Reform UK|Residents' Association)[^)]*\)"
)
_TEAM_LABEL = (
    r"(?:lead|member|officer|chief executive|finance|shadow|political|councillor|senior)\s+peer"
)
_LABEL_FIRST = re.compile(
    rf"^(?P<label>{_TEAM_LABEL}|peer challenge manager)\s*(?:[:,–—-]\s*|$)", re.I
)
_LABEL_LAST = re.compile(
    rf"\s*(?:[–—-]\s*|\(\s*|,\s*|\s+and\s+)(?P<label>{_TEAM_LABEL})\)?\s*$", re.I
)
_DASH = re.compile(r"\s+[–—-]\s+")
_HONORIFIC_WORDS = {h.lower() for h in HONORIFICS}


@dataclass(frozen=True)
class Peer:
    person: PersonRef
    team_role: str  # "Peer", "Lead Peer", "Peer Challenge Manager" ...
    posts: tuple[tuple[str, OrgRef], ...]  # home posts: (post as worded, organisation)


def parse_peer(text: str) -> Peer | None:
    """A peer team entry, or None when the text is not one."""
    text = _PARTY.sub("", text).strip().rstrip(".;")
    label = None
    for pattern in (_LABEL_FIRST, _LABEL_LAST):
        found = pattern.search(text)
        if found:
            label = _title(found["label"])
            text = (text[: found.start()] + text[found.end() :]).strip()
    if "|" in text or "\t" in text:
        return _parse_row(text, label)
    name, rest = _split_name(text)
    if name is None:
        return None
    return _peer(name, rest, label)


def _peer(name: str, rest: str, label: str | None) -> Peer:
    person = split_honorific(name)
    posts = split_posts(rest) if rest else ()
    role = label or "Peer"
    if label is None and any(org == LGA and "manager" in post.lower() for post, org in posts):
        role = "Peer Challenge Manager"
    if not posts and role != "Peer" and re.search(r"\b(?:LGA|Local Government Association)$", rest):
        posts = ((role, LGA),)
    return Peer(
        person, role, tuple((post or role, org) for post, org in posts if post or role != "Peer")
    )


def _parse_row(text: str, label: str | None) -> Peer | None:
    cells = [c.strip() for c in re.split(r"\s*[|\t]\s*", text.strip("| \t")) if c.strip()]
    names = [c for c in cells if is_person(c)]
    if not names or cells[0].lower() == "name":
        return None
    others = []
    for cell in cells:
        found = _LABEL_FIRST.match(cell)
        if found:
            label = label or _title(found["label"])
            cell = cell[found.end() :]
        if cell and cell != names[0]:
            others.append(cell)
    return _peer(names[0], ", ".join(others), label)


def _title(label: str) -> str:
    return " ".join(word.capitalize() for word in label.split())


def is_person(text: str) -> bool:
    """A plausible person's name: capitalised words, none of them a post's or body's word."""
    text = text.strip()
    if not looks_like_name(text) or _ORG_WORDS.search(text) or _COUNCIL_START.search(text):
        return False
    words = [w.lower().rstrip(".") for w in text.split()]
    return not any(w in ROLE_WORDS for w in words if w not in _HONORIFIC_WORDS)


def _split_name(text: str) -> tuple[str | None, str]:
    """(name, the rest) from the layouts peer lists use."""
    paren = re.fullmatch(r"(?P<name>[^(]+?)\s*\((?P<rest>.+)\)", text)
    if paren and is_person(paren["name"]):
        return paren["name"], paren["rest"]
    parts = _DASH.split(text, maxsplit=1)
    if len(parts) == 2:
        if is_person(parts[0]):
            return parts[0], parts[1]
        if is_person(parts[1]):
            return parts[1], parts[0]
    head, _, rest = text.partition(",")
    if is_person(head):
        return head.strip(), rest.strip()
    head, _, rest = text.rpartition(",")
    if head and is_person(rest):
        return rest.strip(), head.strip()
    if is_person(text):
        return text, ""
    return None, ""


def split_posts(text: str) -> tuple[tuple[str, OrgRef], ...]:
    """ "Director of HR and OD, Manchester City Council" -> (("Director of HR and OD", Manchester
    City Council),); one post held in two councils gives two pairs."""
    segments = [s.strip() for s in text.split(",") if s.strip()]
    if not segments:
        return ()
    last = segments[-1]
    if len(segments) > 1 and _org_like(last):
        post, org_text = ", ".join(segments[:-1]), last
    else:
        head, org_text = _trailing_org(last)
        post = ", ".join(segments[:-1] + ([head] if head else []))
    if not org_text:
        return ()
    post = re.sub(r"\s+(?:of|at|for|,)$", "", post.strip()) or post
    return tuple((post, org) for org in _orgs(org_text))


def _org_like(text: str) -> bool:
    """An organisation name standing alone, or a bare place name ("Thurrock")."""
    if _COUNCIL_START.search(text) or _ORG_WORDS.search(text):
        return not _starts_with_role(text)
    words = text.split()
    return (
        0 < len(words) <= 4
        and all(w[0].isupper() for w in words if w not in {"and", "upon", "on"})
        and not any(w.lower() in ROLE_WORDS for w in words)
    )


def _starts_with_role(text: str) -> bool:
    first = text.split()[0].lower()
    return first in ROLE_WORDS and first not in {"lga"}


def _trailing_org(text: str) -> tuple[str, str]:
    """Split "Chief Executive Manchester City Council" into post and organisation."""
    if text.startswith("LGA "):
        return text[4:], "LGA"
    for marker in (_COUNCIL_START, re.compile(r"\bLGA$|\bLocal Government Association$")):
        found = marker.search(text)
        if found and found.start() > 0:
            return text[: found.start()].strip(), text[found.start() :]
    words = text.split()
    if not words or not _ORG_WORDS.search(words[-1]):
        return text, ""
    start = len(words) - 1
    while start > 0:
        word = words[start - 1]
        if not word[0].isupper() or word.lower() in ROLE_WORDS:
            break
        start -= 1
    return " ".join(words[:start]), " ".join(words[start:])


def _orgs(text: str) -> list[OrgRef]:
    parts = re.split(r"\s+(?:and|&)\s+", text)
    if len(parts) > 1 and all(_COUNCIL_NAME.search(p) for p in parts):
        return [org_ref(p) for p in parts]
    return [org_ref(text)]


def org_ref(name: str) -> OrgRef:
    name = name.strip().rstrip(".")
    if name in {"LGA", "the LGA", "Local Government Association"}:
        return LGA
    return OrgRef(name, org_kind(name))


def org_kind(name: str) -> OrgKind:
    """ "council" for English local authorities as peer lists name them, else "organisation"."""
    if name.isupper() and not _COUNCIL_START.match(name):  # acronyms: APSE, CIPFA, SOLACE
        return "organisation"
    if _NOT_COUNCIL.search(name) or (
        _ORG_WORDS.search(name) and not re.search(r"\bCouncil\b", name)
    ):
        return "organisation"
    return "council"

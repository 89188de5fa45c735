"""One extractor of people with posts, for every genre: "Name – Post, Organisation",
"Name, Post, Organisation", "Name (Post, Organisation)", "Post, Organisation – Name",
"Role: Name, Post, Organisation", "Cllr X - Council (Labour member peer)", table rows with
their columns in any order, and prose ("led by X, Post of Org, and included A, Post, Org;
B, ...; and C"). Honorifics, post-nominals and party are kept apart; a peer-team role ("Lead
Peer", "Peer Challenge Manager") is told from a home post; "former", "interim" and "acting"
are kept; a post over two organisations gives a post in each."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from loaders.names import is_person, split_honorific, strip_party
from loaders.organisations import (
    LGA,
    ROLE_WORDS,
    is_lga,
    is_org_name,
    is_place_name,
    org_ref,
    split_organisations,
    trailing_organisation,
)
from loaders.records import OrgRef, PersonRef

TEAM_ROLE = (
    r"(?:lga\s+)?peer\s+(?:challenge|review)\s+manager(?:\s*\(lga\))?"
    r"|(?:lga\s+)?(?:programme|review|challenge)\s+manager(?:\s*\(lga\))?"
    r"|programme\s+support(?!\s+officer)|lead\s+reviewer|expert\s+by\s+experience"
    r"|(?:(?:lead|member|officer|chief executive|finance|shadow|political|councillor|senior|"
    r"labour|conservative|liberal democrats?|lib dem|independent|green|cabinet|elected|health|"
    r"police|fire|nhs|children's|adults?'?|social care|planning|housing|scrutiny|digital|"
    r"communications|regeneration|legal|hr|workforce|public health|care)\s+)*"
    r"(?:(?:member|officer)\s+)?peer(?:\s+\((?:shadow|lead)\))?"
    r"|(?:(?:lead|member|officer)\s+)?peer(?:\s+team)?\s+lead"
    r"|shadow|observer"
)
_ROLE_ONLY = re.compile(rf"^(?:the\s+)?(?P<role>{TEAM_ROLE})\s*$", re.IGNORECASE)
_ROLE_FIRST = re.compile(
    rf"^(?P<role>{TEAM_ROLE})\s*(?:[:,–—-]\s*|\s+(?=(?:Cllr|Councillor|Dr|Sir|Dame|Lord|Baroness|"
    rf"Professor|Prof|Mr|Mrs|Ms|Miss)\b))",
    re.IGNORECASE,
)
_ROLE_LAST = re.compile(
    rf"\s*(?:[–—-]\s*|\(\s*|,\s*|\s+and\s+|\s+as\s+)(?:the\s+)?(?P<role>{TEAM_ROLE})\)?\s*$",
    re.IGNORECASE,
)
_DASH = re.compile(r"\s+[–—-]\s+|\s*[–—]\s*(?=[A-Z])")
_QUALIFIER = re.compile(r"^(?P<q>former|previous(?:ly)?|ex-|retired|interim|acting)\s*", re.I)
_POST_TAIL = re.compile(r"\s+(?:of|at|for|with|to|in|,)$", re.I)
_PARTIES = {
    "labour": "Labour",
    "conservative": "Conservative",
    "liberal democrat": "Liberal Democrats",
    "lib dem": "Liberal Democrats",
    "independent": "Independent",
    "green": "Green",
}


@dataclass(frozen=True)
class Post:
    """A post held in an organisation, as the source words it."""

    title: str
    organisation: OrgRef
    former: bool = False
    interim: bool = False
    acting: bool = False


@dataclass(frozen=True)
class Entry:
    """A person as one line, cell row or clause names them."""

    person: PersonRef
    posts: tuple[Post, ...] = ()
    role: str | None = None  # a team role stated with them: "Lead Peer", "Peer Challenge Manager"
    party: str | None = None
    role_words: str | None = None  # the team role as written ("LGA Challenge Manager")


def team_role(text: str) -> str | None:
    """ "lead member peer" -> "Lead Member Peer"; None when `text` is not a team role."""
    found = _ROLE_ONLY.match(text.strip().rstrip(":.)").lstrip("("))
    return _title_role(found["role"]) if found else None


def _title_role(role: str) -> str:
    role = re.sub(r"\s+", " ", role.strip()).lower()
    role = re.sub(r"\s*\((?:lga)\)$|^lga\s+", "", role)
    for party in _PARTIES:
        role = re.sub(rf"^{party}\s+", "", role)
    if role.endswith("manager"):
        return "Peer Challenge Manager"
    lead = re.fullmatch(r"(?:(lead|member|officer)\s+)?peer(?:\s+team)?\s+lead", role)
    if lead:  # "officer peer lead", "peer team lead"
        return (
            "Lead " + (lead[1].capitalize() + " " if lead[1] and lead[1] != "lead" else "") + "Peer"
        )
    role = re.sub(r"\s*\((shadow|lead)\)$", lambda m: " " + m[1], role)
    if role.endswith("shadow peer") or role == "shadow":
        return "Shadow Peer"
    return " ".join(w.capitalize() for w in role.split())


def _party_in_role(role: str) -> str | None:
    lower = role.lower()
    return next((name for key, name in _PARTIES.items() if lower.startswith(key)), None)


def parse_entry(
    text: str, *, role: str | None = None, organisation: OrgRef | None = None
) -> Entry | None:
    """A person with their posts from one line of a list or one clause of prose; None when
    the text names nobody. `role` is a team role the context gives (a table's role column),
    `organisation` the body a post without one is held in (a list under "From the LGA:")."""
    text = re.sub(r"\s+", " ", text).strip().rstrip(".;,")
    if not text or len(text) > 300:
        return None
    if text.count("|") >= 2:  # a table row written as text
        from loaders.people_rows import parse_row

        return parse_row([c for c in text.strip("|").split("|")])
    text, party = strip_party(text)
    if re.match(r"^LGA\s+\w[^:]*:", text) and organisation is None:
        organisation = LGA  # "LGA Peer Challenge Manager: Name, Regional Adviser"
    written = _ROLE_FIRST.search(text) or _ROLE_LAST.search(text)
    stated_role, text = take_role(text)
    role = stated_role or role
    if role and party is None:
        party = _party_in_role(role)
    name, rest = _split_name(text)
    if name is None:
        return None
    person = split_honorific(name)
    if not person.name or len(person.name.split()) < 2 and not person.honorific:
        return None
    inner_role, remainder = take_role(rest) if rest else (None, rest)
    posts: tuple[Post, ...]
    if inner_role and _organisation_only(remainder) and not inner_role.lower().endswith("peer"):
        # "Peer Challenge Manager, Planning Advisory Service": an officer's team role is
        # their post in the body they come from
        words = rest[: len(rest) - len(remainder)].strip(" ,–—-:")
        posts = tuple(Post(capitalised(words), org) for org in split_organisations(remainder))
    else:
        posts = parse_posts(remainder) if remainder else ()
        if not posts and remainder and organisation is not None and _has_post_word(remainder):
            posts = (Post(capitalised(remainder.strip(" ,")), organisation),)
    role = role or inner_role
    if role is None:
        role = role_from_posts(posts)
    posts = tuple(
        _titled(p, person, role)
        for p in posts
        if not (team_role(p.title) or "").endswith("Peer") or p.organisation == LGA
    )
    role_words = str(written["role"]).strip() if written and stated_role else None
    return Entry(person, posts, role, party, role_words)


def _titled(post: Post, person: PersonRef, role: str | None) -> Post:
    """A post the source names only by its organisation: a councillor's seat (the honorific
    says so), an LGA officer's team role, or plain membership."""
    if post.title:
        return post
    if (person.honorific or "").lower() in {"cllr", "councillor"}:
        return replace(post, title="Councillor")
    if role and post.organisation == LGA:
        return replace(post, title=role)
    return replace(post, title="Member")


def _organisation_only(text: str) -> bool:
    text = text.strip(" ,")
    return bool(text) and (is_lga(text) or is_org_name(text)) and not is_post(text)


def take_role(text: str) -> tuple[str | None, str]:
    """A team role written before or after the person ("Lead Peer: ...", "... (Lead peer)")."""
    for pattern in (_ROLE_FIRST, _ROLE_LAST):
        found = pattern.search(text)
        if found:
            rest = (text[: found.start()] + " " + text[found.end() :]).strip(" ,–—-:")
            if pattern is _ROLE_FIRST and not rest:
                continue
            return _title_role(found["role"]), re.sub(r"\s+", " ", rest)
    return None, text


def role_from_posts(posts: tuple[Post, ...]) -> str | None:
    """A team role an LGA post implies: its peer challenge manager or programme support."""
    for post in posts:
        title = post.title.lower()
        role = team_role(post.title)
        if role and (post.organisation == LGA or role == "Peer Challenge Manager"):
            return role
        if "peer challenge manager" in title or (post.organisation == LGA and "manager" in title):
            return "Peer Challenge Manager"
        if post.organisation == LGA and ("support" in title or "assistant" in title):
            return "Programme Support"
    return None


def _split_name(text: str) -> tuple[str | None, str]:
    """(name, the rest) from the layouts lists use."""
    paren = re.fullmatch(r"(?P<name>[^(]+?)\s*\((?P<rest>.+)\)", text)
    if paren and is_person(paren["name"]):
        return paren["name"].strip(), paren["rest"]
    parts = _DASH.split(text, maxsplit=1)
    if len(parts) == 2:
        if is_person(parts[0]):
            return parts[0].strip(), parts[1]
        if is_person(parts[1]):
            return parts[1].strip(), parts[0]
    colon = text.split(":", 1)
    if len(colon) == 2 and is_person(colon[1].split(",")[0]):
        head, _, tail = colon[1].partition(",")
        return head.strip(), f"{tail}, {colon[0]}".strip(" ,") if tail else colon[0]
    head, _, rest = text.partition(",")
    if is_person(head):
        return head.strip(), rest.strip()
    head, _, rest = text.rpartition(",")
    if head and is_person(rest):
        return rest.strip(), head.strip()
    words = text.split()
    for cut in range(min(len(words), 6), 1, -1):  # "Joanne Roney Chief Executive ..."
        if is_person(" ".join(words[:cut])) and words[cut:] and words[cut].lower() in ROLE_WORDS:
            return " ".join(words[:cut]), " ".join(words[cut:])
    if is_person(text):
        return text, ""
    return None, ""


def parse_posts(text: str) -> tuple[Post, ...]:
    """ "Director of HR and OD, Manchester City Council" -> one post; "Managing Director of
    A Council and B Council" -> one post in each; several posts parted by ";" or " and
    former ..." each read alike."""
    posts: list[Post] = []
    parts = re.split(
        r";\s*|\s+and\s+(?=(?:former|previously|formerly|member|a member|chair|vice chair|trustee)\b)",
        text.strip(),
    )
    for part in parts:
        posts.extend(_posts(part.strip(" ,")))
    return tuple(posts)


def _posts(text: str) -> list[Post]:
    if not text:
        return []
    qualifier = _QUALIFIER.match(text)
    flags = {"former": False, "interim": False, "acting": False}
    if qualifier:
        word = qualifier["q"].lower()
        key = "former" if word.startswith(("former", "previous", "ex", "retired")) else word
        flags[key] = True
        text = text[qualifier.end() :]
    title, organisation = _post_and_organisation(text)
    if not organisation:
        return []
    if title and (m := _QUALIFIER.match(title)):
        word = m["q"].lower()
        flags["former" if word.startswith(("former", "previous", "ex", "retired")) else word] = True
        title = title[m.end() :]
    title = _POST_TAIL.sub("", title.strip(" ,–—-")).strip() or title
    title = capitalised(title.strip())
    orgs = split_organisations(organisation)
    return [Post(title, org, **flags) for org in orgs]


# A government department after a post: "Ministry of Housing, Communities and Local
# Government", "Department for Digital, Culture, Media and Sport".
_DEPARTMENT = re.compile(
    r",\s*(?P<org>(?:the\s+)?(?:Ministry|Department|Office)\s+(?:of|for)\s+[A-Z].*)$"
)


def _post_and_organisation(text: str) -> tuple[str, str]:
    """The post and the organisation it is held in."""
    text = text.strip(" ,")
    if text.startswith("LGA ") and not is_org_name(text):
        return text[4:], "LGA"
    if is_lga(text):
        return "", "LGA"
    held_at = re.search(r"\s+at\s+(?:the\s+)?(?=[A-Z])(?P<org>[^,]+)$", text)
    if (
        held_at
        and (is_org_name(held_at["org"]) or is_place_name(held_at["org"]))
        and is_post(text[: held_at.start()])
    ):
        return text[: held_at.start()].strip(" ,"), held_at["org"]
    department = _DEPARTMENT.search(text)  # its name has commas of its own
    if department and is_post(text[: department.start()].strip(" ,")):
        return text[: department.start()].strip(" ,"), department["org"]
    segments = [s.strip() for s in text.split(",") if s.strip()]
    if len(segments) > 1:
        last = re.sub(r"\s*\((?-i:[a-z])[^)]*\)$", "", segments[-1])  # "(voluntary sector)"
        head = ", ".join(segments[:-1])
        if (is_org_name(last) or is_place_name(last)) and (is_post(head) or not is_org_name(head)):
            return head, last
        if last[:1].isupper() and is_post(head) and not is_post(last) and len(last.split()) <= 8:
            return head, last  # "Director of Research, The Power to Change": a body by position
    for joiner in (" at the ", " at ", " for the ", " for ", " with ", " of the ", " of "):
        at = text.find(joiner)
        while at > 0:
            post, organisation = text[:at], text[at + len(joiner) :]
            whole = not re.search(r"\s(?:at|for)\s", organisation)
            if (
                is_post(post)
                and whole
                and (is_org_name(organisation) or _council_list(organisation))
            ):
                return post, organisation
            at = text.find(joiner, at + 1)
    post, organisation = trailing_organisation(text)
    if organisation:
        return post, organisation
    if is_org_name(text):
        return "", text
    return text, ""


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _council_list(text: str) -> bool:
    return bool(re.search(r"\bCouncils$", text))


def _has_post_word(text: str) -> bool:
    return any(
        word.lower().strip(",") in ROLE_WORDS | {"adviser", "advisor", "regional"}
        for word in text.split()
    )


def is_post(text: str) -> bool:
    """Words of a post: the first word is a post's word ("Chief Executive", "Director of ...")."""
    words = text.strip().split()
    return bool(words) and words[0].lower().rstrip(",") in ROLE_WORDS | {
        "interim",
        "acting",
        "former",
    }


def posts_of(entry: Entry) -> Iterator[Post]:
    """The entry's home posts, an LGA post named only by its team role included."""
    yield from entry.posts
    if not entry.posts and entry.role == "Peer Challenge Manager":
        words = re.sub(r"^LGA\s+|\s*\(LGA\)$", "", entry.role_words or "", flags=re.I).strip()
        title = capitalised(words) if words and words.lower().endswith("manager") else entry.role
        yield Post(title, LGA)


__all__ = [
    "LGA",
    "Entry",
    "Post",
    "org_ref",
    "parse_entry",
    "parse_posts",
    "posts_of",
    "team_role",
]

"""People a paper names with their posts in passing, in its running text: "The Chair of London
Councils, Councillor Kober, the Vice Chair, Councillor O'Neill", "an independent advisory
board chaired by Steve Freer, Chief Executive of CIPFA", "the Parking Appeals Review, led by
Professor Alan Grey", "An interim Chief Executive Bob Coomber", "Graham Farrant who took over
as Chief Executive in August 2010" (a start, at the precision stated), "The Leader is
Councillor John Kent", "Graham Farrant, Chief Executive, Thurrock will attend" and a post
held before ("having previously been Chief Executive of Daventry District Council").

Names and honorifics are read by `loaders.names`; the body a post is in is handed back as
written, for the genre to resolve against the bodies it knows."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from loaders.dates import When, parse_period
from loaders.names import NAME, is_person, split_honorific
from loaders.records import PersonRef

# A person's name, with honorifics, ending at a word's end ("O'Neill along": not "O'Neill al").
PERSON = rf"(?:{NAME.pattern})(?![\w'’])"
# A board, panel, committee or group by name: "Improvement and Assurance Board".
BODY = r"(?:[A-Z][\w']*\s+(?:(?:and|of|for|in)\s+)?){1,6}(?:Board|Panel|Committee|Group)"
_LEADING = r"(?:Deputy |Vice[- ])?Chair(?:man)?|Chief Executive|Vice[- ]Chair|Director|Leader"
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r" \d{4}"
)


@dataclass(frozen=True)
class Mention:
    """A person in a post, as a sentence states it."""

    person: PersonRef
    post: str
    organisation: str | None  # as written; None where the sentence leaves it to its subject
    start: When | None = None
    interim: bool = False
    acting: bool = False
    former: bool = False
    offset: int = 0  # where the person is named in the text


def person(text: str) -> PersonRef | None:
    """ "Councillor Kober" -> PersonRef("Kober", "Councillor"); None when `text` is no name."""
    text = text.strip().rstrip(",.")
    if not is_person(text, surname_only=True):
        return None
    ref = split_honorific(text)
    words = ref.name.split()
    if not words or (len(words) == 1 and not ref.honorific) or len(words) > 4:
        return None
    return ref


# ---- "The Chair of London Councils, Councillor Kober, the Vice Chair, Councillor O'Neill"

_POST_OF = re.compile(
    rf"(?:the |The )?(?P<post>{_LEADING}) of"
    rf" (?P<org>London Councils|CELC|the [A-Z][\w' ]+?|[A-Z][\w' ]+?), (?P<who>{PERSON})"
)
_CHAINED = re.compile(rf",? (?:and )?the (?P<post>{_LEADING}), (?P<who>{PERSON})")


def posts_named(text: str) -> Iterator[Mention]:
    """ "The Chair of X, Cllr A, the Vice Chair, Cllr B": each post of X and its holder."""
    for found in _POST_OF.finditer(text):
        who = person(found["who"])
        if who is not None:
            yield Mention(who, found["post"], found["org"], offset=found.start("who"))
        position = found.end()
        while chained := _CHAINED.match(text, position):
            other = person(chained["who"])
            if other is not None:
                yield Mention(other, chained["post"], found["org"], offset=chained.start("who"))
            position = chained.end()


# ---- "X Board (XB), chaired by Name, a former Chief Executive of Y"

_CHAIRED = re.compile(
    rf"(?P<body>{BODY}|[Ii]ndependent [Aa]dvisory [Bb]oard)(?:\s*\([A-Z]{{2,6}}\))?,?"
    rf" (?:is |was )?chaired by (?P<who>{PERSON})(?:,? (?P<former>a former |the former )?"
    rf"(?P<post>Chief Executive|Chair|Leader|Director[\w ]*?) of"
    rf" (?P<org>[A-Z][\w&' ]+?)(?=[,.;(]|\s+(?:and|who|which)\b))?"
)


@dataclass(frozen=True)
class Chair:
    """A body chaired by a person, and the post the sentence gives them."""

    body: str
    chair: Mention
    home: Mention | None = None


def chairs(text: str) -> Iterator[Chair]:
    """ "The Improvement and Innovation Board, chaired by Cllr Peter Fleet", with the chair's
    own post where the sentence gives one ("..., a former Chief Executive of Oxford City
    Council")."""
    for found in _CHAIRED.finditer(text):
        who = person(found["who"])
        if who is None:
            continue
        at = found.start("who")
        home = None
        if found["post"]:
            former = bool(found["former"])
            home = Mention(who, found["post"], found["org"], former=former, offset=at)
        yield Chair(found["body"], Mention(who, "Chair", found["body"], offset=at), home)


# ---- "the London Councils Challenge process, led by Sir Derek Myers"

_LED = re.compile(
    rf"the (?P<label>(?:[A-Z][\w']*\s+)+(?:Challenge|Review))(?: process| report)?,?"
    rf" led by (?P<who>{PERSON})"
)


def led_by(text: str) -> Iterator[tuple[str, PersonRef | None]]:
    """ "the Parking Appeals Review, led by Professor Alan Grey": (label, who led it)."""
    for found in _LED.finditer(text):
        yield found["label"].strip(), person(found["who"])


# ---- appointments in a council's story: interim, acting, took over, the Leader is

_WHEN = rf"(?P<when>{_MONTH})"
_FROM = rf"(?:,? (?:was |were )?(?:appointed |brought in )?(?:in|from) {_WHEN})?"
_APPOINTED = r"(?:took over as|became|was appointed) (?P<post>Chief Executive|Leader) in"
_NAME = rf"(?P<who>{PERSON})"
_APPOINTMENTS: list[tuple[re.Pattern[str], dict[str, bool]]] = [
    (re.compile(rf"\bLeader is (?P<who>(?:Councillor|Cllr)\.? {PERSON})"), {}),
    (
        re.compile(
            rf"\b[Ii]nterim (?P<post>Chief Executive|Director of [A-Z][\w ]+?),? {_NAME}{_FROM}"
        ),
        {"interim": True},
    ),
    (
        re.compile(
            rf"\b[Aa]cting (?P<post>Chief Executive|Director of [A-Z][\w ]+?),? {_NAME}{_FROM}"
        ),
        {"acting": True},
    ),
    (re.compile(rf"{_NAME},? who {_APPOINTED} {_WHEN}"), {}),
    (re.compile(rf"{_NAME},? {_APPOINTED} {_WHEN}"), {}),
]
_FORMER = re.compile(
    r"(?:experience of being|served as a previous|previously|formerly)(?: been| served as)?"
    r" (?:the )?(?P<post>Chief Executive|Leader)\s*(?:\(|at |of )"
    r"(?P<org>London Borough of [A-Z][a-z]+(?: (?:and|upon|on) [A-Z][a-z]+| [A-Z][a-z]+)*"
    r"|(?:[A-Z][a-z]+ ){1,2}(?:(?:District|Borough|City|County) )?[Cc]ouncil)"
    r"(?= as well|\)|,|\.| and| was)"
)


def appointments(sentence: str) -> Iterator[Mention]:
    """The posts a sentence of a council's story gives, in the council it is about
    (organisation None): its Leader, an interim or acting Chief Executive, one who took over
    in a month (the start, as a Month); and a post the last of them held before, as former."""
    last: Mention | None = None
    for pattern, flags in _APPOINTMENTS:
        for found in pattern.finditer(sentence):
            who = person(found["who"])
            if who is None:
                continue
            groups = found.groupdict()
            period = parse_period(groups["when"]) if groups.get("when") else None
            post = groups.get("post") or "Leader"
            start = period[0] if period else None
            last = Mention(who, post, None, start=start, offset=found.start("who"), **flags)
            yield last
    former = _FORMER.search(sentence)
    if former and last is not None:
        yield Mention(last.person, former["post"], former["org"], former=True, offset=last.offset)


_ATTENDS = re.compile(
    rf"(?P<who>{PERSON}), (?P<post>Chief Executive|Leader),"
    rf" (?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:will|would|is|has|to)\b"
)


def attending(text: str) -> Iterator[Mention]:
    """ "Graham Farrant, Chief Executive, Thurrock will attend": the post, in the place named."""
    for found in _ATTENDS.finditer(text):
        who = person(found["who"])
        if who is not None:
            yield Mention(who, found["post"], found["place"], offset=found.start("who"))


__all__ = [
    "BODY",
    "PERSON",
    "Chair",
    "Mention",
    "appointments",
    "attending",
    "chairs",
    "led_by",
    "person",
    "posts_named",
]

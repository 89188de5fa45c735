"""The paper itself: the meeting it goes to (body, date, agenda item), its title, who wrote it
and who answers for it (author, lead officer, portfolio holder, contacts), and the decision it
asks for -- from its cover sheet (`loaders.cover_sheet`) in any of its forms, with the lines
papers print without labels (the committee alone on the first line, "Cabinet – 9 June 2020",
a date on its own line, "ITEM 5") where a label is missing.

Private to `loaders.follow_up_report`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from loaders._follow_up_passages import said
from loaders.cover_sheet import Field, fields, first, is_post, label_key, person_and_post
from loaders.dates import parse_date
from loaders.document import Block, Document, Heading, ListBlock, Paragraph, Place, block_text
from loaders.host_council import core, title_case
from loaders.names import is_person, split_honorific
from loaders.records import OrgRef, PersonRef

_BODY = re.compile(
    r"^(?:[A-Z][\w'’&,-]*\s+(?:(?:and|of|the|for|&)\s+)*){0,7}?(?:Cabinet|Executive|Committee|"
    r"Sub-Committee|Board|Panel|Commission|Forum|Assembly|Council)$",
    re.IGNORECASE,
)
_DATE_TAIL = re.compile(
    r"\s*(?:[,–—-]|\bon\b)?\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?"
    r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\s+\d{4}.*$",
    re.IGNORECASE,
)
_ITEM_LINE = re.compile(r"^(?:agenda\s+)?item\s*(?:no\.?\s*)?(\d+(?:\s*\.\s*\d+)*[a-z]?)$", re.I)
_ITEM_ANYWHERE = re.compile(r"\bagenda item\s+(?:no\.?\s*)?(\d+(?:\s?\.\s?\d+)*[a-z]?)\b", re.I)
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_ABOUT = re.compile(r"peer (?:challenge|review)|action plan|progress review", re.IGNORECASE)
_MEMBER_POST = re.compile(
    r"\b(?:cabinet member|portfolio holder|executive member|leader|mayor|lead member|"
    r"councillor)\b",
    re.IGNORECASE,
)
_RECS_HEADING = re.compile(
    r"^(?!.*\b(?:key|peer|lga|detailed|feedback|review)\b)"
    r"(?:\d{1,2}(?:\.\d{1,2})*\.?\s*)?"
    r"(?:(?:cabinet|officer|member|mayor|committee|executive|board|council)[\w/' ]{0,40}\s)?"
    r"(?:recommendations?(?:\s+for\s+decision)?|"
    r"recommended decisions?|decisions?\s+(?:sought|required|requested)|need for (?:a )?decision)"
    r"(?:\s*\(s\))?\s*:?$|^(?:\d{1,2}(?:\.\d{1,2})*\.?\s*)?recommendations?\b",
    re.IGNORECASE,
)
_LEAD_IN = re.compile(
    r"(?::$|\b(?:is|are)\s+(?:recommended|asked|requested|invited)(?:\s+to)?:?$|"
    r"^that\s+(?:the\s+)?[\w' ]{0,60}?:?$|\bis recommended:?$)",
    re.IGNORECASE,
)
_HEAD_BLOCKS = 14
_DEM_SERVICES = re.compile(
    r"(?P<a>[A-Z][\w'-]+(?: [A-Z][\w'-]+){1,3}),? (?:[–-] )?Democratic Services\b|"
    r"Democratic Services (?:Officer|contact)\s*:\s*(?P<b>[A-Z][\w'-]+(?: [A-Z][\w'-]+){1,3})"
)


@dataclass(frozen=True)
class Person:
    """Someone the cover names: the person (None where only the post is given) and the post."""

    person: PersonRef | None
    post: str | None
    field: str  # the label as printed
    index: int
    place: Place


@dataclass(frozen=True)
class Paper:
    title: str | None
    date: date | None
    body: str | None
    item: str | None
    author: Person | None
    lead_officer: Person | None
    portfolio_holder: Person | None
    contacts: tuple[Person, ...]
    decision: str | None
    header: tuple[int, Place]  # the first line of the cover sheet


def read(document: Document, council: OrgRef) -> Paper:
    found = fields(document)
    head = _head(document)
    lead = _person(first(found, "lead_officer"), found) or _signature(document)
    portfolio = _person(first(found, "portfolio_holder"), found)
    if lead is not None and portfolio is None and _is_member(lead):
        lead, portfolio = None, lead  # "Report of: Cllr X, Leader": the member, not an officer
    contacts = tuple(_contacts(document, found))
    author = _person(first(found, "author"), found) or (contacts[0] if contacts else None)
    start = min((f.index for f in found), default=0)
    return Paper(
        title=_title(found, head),
        date=_date(found, head),
        body=_body(found, head, council),
        item=_item(found, head, document),
        author=author,
        lead_officer=lead,
        portfolio_holder=portfolio,
        contacts=contacts,
        decision=decision_sought(document, found),
        header=(start, document.blocks[start].place),
    )


def _head(document: Document) -> list[tuple[int, Block]]:
    """The cover: blocks before the first numbered heading, long paragraph or list of
    numbered paragraphs."""
    out: list[tuple[int, Block]] = []
    for index, block in enumerate(document.blocks[:_HEAD_BLOCKS]):
        if isinstance(block, Heading) and block.number and out:
            break
        if isinstance(block, Paragraph) and len(block.text.split()) > 40:
            break
        out.append((index, block))
    return out


def _person(field: Field | None, found: list[Field] | None = None) -> Person | None:
    """The person and post a field gives; the post from a "Job title" field beside it where
    the field gives only the name ("Author: X | Job title: Y")."""
    if field is None:
        return None
    person, post = person_and_post(field.value)
    if person is not None and post is None and found:
        at = found.index(field)
        beside = found[at + 1] if at + 1 < len(found) else None
        if beside is not None and beside.key == "job_title" and beside.index == field.index:
            post = beside.value or None
    if person is None and post is None:
        return None
    return Person(person, post, field.label, field.index, field.place)


def _signature(document: Document) -> Person | None:
    """A paper signed by the officer who answers for it: their name on a line of its own
    and their post on the next ("Terence Oduya-Blake" / "Director of Corporate Services")."""
    blocks = document.blocks
    for index in range(len(blocks) - 1):
        name, post = blocks[index], blocks[index + 1]
        if not isinstance(name, Paragraph) or not isinstance(post, Paragraph | Heading):
            continue
        if len(name.text.split()) <= 5 and is_person(name.text) and is_post(post.text):
            person = split_honorific(name.text)
            return Person(person, post.text.strip().rstrip("."), "signature", index, name.place)
    return None


def _is_member(person: Person) -> bool:
    honorific = (person.person.honorific or "").lower() if person.person else ""
    return honorific in {"cllr", "councillor", "mayor"} or bool(
        _MEMBER_POST.search(person.post or "")
    )


def _title(found: list[Field], head: list[tuple[int, Block]]) -> str | None:
    field = first(found, "title")
    if field is not None:
        return field.value
    for _, block in head:
        text = block_text(block)
        if not isinstance(block, Heading | Paragraph) or not _ABOUT.search(text):
            continue
        if len(text.split()) <= 20 and not label_key(text.split(":")[0]):
            return text
    return None


def _date(found: list[Field], head: list[tuple[int, Block]]) -> date | None:
    field = first(found, "date")
    if field is not None and (day := parse_date(field.value)):
        return day
    texts = [block_text(block) for _, block in head if not isinstance(block, ListBlock)]
    for text in [t for t in texts if _WEEKDAY.search(t)] + texts:
        if len(text.split()) <= 12 and (day := parse_date(text)):
            return day
    return None


def _body(found: list[Field], head: list[tuple[int, Block]], council: OrgRef) -> str | None:
    """The committee or board: a labelled field, else a header line that names one (with
    its date after it, or alone); the council's own name taken off the front."""
    field = first(found, "body")
    names = [field.value] if field is not None else []
    names += [block_text(block) for _, block in head if isinstance(block, Heading | Paragraph)]
    for name in names:
        # the date after it ("Cabinet – 9 June 2020"), a label run into it ("REPORT TO CABINET")
        name = _DATE_TAIL.sub("", re.sub(r"\s+", " ", name)).strip(" .:")
        name = re.sub(r"^(?:report\s+to|meeting\s+of)(?:\s+the)?\s+", "", name, flags=re.I)
        if not _BODY.match(name) or _ABOUT.search(name):
            continue
        name = _without_council(title_case(name) if name.isupper() else name, council)
        if name and not re.fullmatch(r"(?:\w+\s+)*Council", name):
            return name
    return None


def _without_council(name: str, council: OrgRef) -> str:
    """ "Tower Hamlets Transformation and Improvement Board" -> "Transformation and
    Improvement Board"; "Cabinet of X Council" kept (another council's body)."""
    place = core(council.name)
    words = name.split()
    for size in range(len(words) - 1, 0, -1):
        if core(" ".join(words[:size])) == place:
            return " ".join(words[size:])
    return name


def _item(found: list[Field], head: list[tuple[int, Block]], document: Document) -> str | None:
    field = first(found, "item")
    if field is not None and (number := re.match(r"\d+(?:\s*\.\s*\d+)*[a-z]?", field.value)):
        return re.sub(r"\s+", "", number[0])
    for _, block in head:
        if isinstance(block, Heading | Paragraph) and (line := _ITEM_LINE.match(block.text)):
            return re.sub(r"\s+", "", line[1])
    for block in document.blocks[:30]:
        if isinstance(block, Heading | Paragraph) and (line := _ITEM_ANYWHERE.search(block.text)):
            return re.sub(r"\s+", "", line[1])
    return None


def _contacts(document: Document, found: list[Field]) -> list[Person]:
    """People the paper gives as contacts: a "Contact officer:" field, and the people listed
    under a contacts heading ("Officer contact details for documents")."""
    out: list[Person] = []
    for field in found:
        if field.key == "contact" and (named := _person(field)) and named.person:
            out.append(named)
    for index, block in enumerate(document.blocks):
        if not isinstance(block, Heading | Paragraph) or label_key(block.text) != "contact":
            continue
        for at in range(index + 1, min(index + 7, len(document.blocks))):
            text = block_text(document.blocks[at])
            person, post = person_and_post(text)
            if person is None or "\n" in text:
                break
            out.append(Person(person, post, block.text, at, document.blocks[at].place))
    for index, block in enumerate(document.blocks):
        for match in _DEM_SERVICES.finditer(block_text(block)):
            person = split_honorific(match["a"] or match["b"])
            out.append(Person(person, None, "Democratic Services", index, block.place))
    unique: dict[str, Person] = {}
    for contact in out:
        if contact.person and contact.person.name not in unique:
            unique[contact.person.name] = contact
    return list(unique.values())


# ---- the decision sought


def decision_sought(document: Document, found: list[Field]) -> str | None:
    """The first recommendation put to the meeting, without its number or letter: from a
    "Recommendations" cover field, else from the recommendations section (or the first
    "X is recommended to:") -- the first paragraph or item after any lead-in."""
    field = first(found, "recommendations")
    if field is not None and not _LEAD_IN.search(field.value.strip()):
        return _first_of(field.lines)
    passages = list(said(document))
    start = _decisions_start(document, field)
    if start is None:
        return None
    following = [p for p in passages if p.index > start or (p.index == start and p.item)]
    for position, passage in enumerate(following):
        text = passage.body.strip()
        if not text or _LEAD_IN.search(text) or _RECS_HEADING.match(text):
            continue
        after = following[position + 1].body if position + 1 < len(following) else ""
        return _tidy(_letter_marker(text, after))
    return None


def _decisions_start(document: Document, field: Field | None) -> int | None:
    """The block the decisions follow: a recommendations heading, a cover field whose value
    is a lead-in, or the first "... is recommended to:"."""
    if field is not None:
        return field.index
    for index, block in enumerate(document.blocks):
        text = block_text(block) if isinstance(block, Heading | Paragraph) else ""
        if text and len(text.split()) <= 8 and _RECS_HEADING.match(text):
            return index  # "Recommendations", "Cabinet Member / Officer Recommendations:"
        if text and _LEAD_IN.search(text) and re.search(r"recommended|asked|requested", text):
            return index
    return None


def _first_of(lines: tuple[str, ...]) -> str | None:
    """The first of the decisions a cover field lists ("1. To note ... 2. To agree ...")."""
    text = " ".join(line for line in lines if line)
    parts = re.split(r"(?:^|\s)(?:\d{1,2}|[a-z]|\([a-z]{1,3}\))[.)]?\s+(?=[A-Z])", text)
    parts = [p for p in parts if p.strip()]
    numbered = re.match(r"^\s*(?:\d{1,2}|\([a-z]{1,3}\))[.)]?\s+", text)
    return _tidy(parts[0] if numbered and parts else text)


def _letter_marker(text: str, after: str) -> str:
    """ "A Note the findings ..." -> "Note the findings ..." where the next decision starts
    with the next letter ("B Approve ...")."""
    found = re.match(r"^([A-Z])\s+(?=[A-Z])", text)
    if found and after.startswith(chr(ord(found[1]) + 1) + " "):
        return text[found.end() :]
    return text


def _tidy(text: str) -> str | None:
    text = re.sub(r"\s*(?:;\s*(?:and|or)?|,\s*(?:and|or)|\band)\s*$", "", text.strip())
    return text.strip() or None


__all__ = ["Paper", "Person", "decision_sought", "read"]

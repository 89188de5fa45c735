"""The rest of what a council paper about a peer challenge states: the council's own
abbreviations, the boards and committees it names (and when they were set up), the
interventions it describes (Best Value Directions, improvement boards), other reviews (a
self-assessment, a planning peer challenge) and the options it puts to the meeting.

Private to `loaders.follow_up_report`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from loaders._follow_up_challenge import kind_of
from loaders._follow_up_passages import Said, continued, prov, said, sentences_said
from loaders.dates import parse_date, parse_month
from loaders.document import Document
from loaders.records import (
    ChallengeRef,
    Intervention,
    Option,
    Organisation,
    OrgKind,
    OrgRef,
    Provenance,
    Review,
)

_SMALL = frozenset("and of the upon on in under le for with at to by".split())
_LEADING = frozenset(
    """The This That These Both Each Every Our Their Its A An Full Whole Borough County City
    District Town Parish Local Neighbouring Other Partner Member Host Mayor Mayor's Council's
    In""".split()
)
_ORG = re.compile(
    r"\b(?P<name>[A-Z][\w'’-]*(?:\s+(?:(?:and|&|of|for)\s+)?[A-Z][\w'’-]*)*)\s+"
    r"(?P<suffix>Board|Committee|Group|Panel)\b(?:\s+\((?P<alias>[A-Z]{2,6})\))?"
)
_ESTABLISHED = re.compile(r"\b(?:established|set up|created|formed|launched|constituted)\b", re.I)
_DEPARTMENT = re.compile(
    r"\b(?:Department for|Ministry of) [A-Z][\w-]*(?:,? (?:and )?[A-Z][\w-]*)*|"
    r"\b(?:MHCLG|DCLG|DLUHC)\b"
)
_ENDED = re.compile(
    r"\b(?:lifted|removed|ended|withdrawn|revoked|expired)\b"
    r"(?:(?!\b(?:established|set up)\b)[^.;])*?"
    r"\b(?:in|on|from)\s+(?P<when>(?:\d{1,2}\s+)?[A-Z][a-z]+\s+\d{4})"
)
_OTHER_TYPE = re.compile(
    r"\b(?:Planning|Finance|Children's Services|Adult Social Care|Adults'? Services|Safeguarding|"
    r"Housing|Communications|Commercial|Scrutiny|Economic Growth|Health and Wellbeing) Peer "
    r"(?:Challenge|Review)\b"
)
_OPTION = re.compile(
    r"^Option\s+(?P<num>\d{1,2}|[A-H])\b\s*"
    r"(?P<pref>\((?:the )?(?:preferred|recommended)(?: option)?\))?"
    r"\s*(?:[.:–—-]|(?<=\)))\s*(?P<rest>\S.*)$",
    re.S,
)
_PREFERRED = re.compile(
    r"(?:preferred|recommended)\s+option\s*(?:is\s+)?(?:option\s+)?(?P<a>\d{1,2}|[A-H])\b|"
    r"\boption\s+(?P<b>\d{1,2}|[A-H])\s+is\s+(?:the\s+)?(?:preferred|recommended)",
    re.IGNORECASE,
)


def month_start(text: str) -> date | None:
    """The first "[day] Month YYYY" in `text`: the day if given, else the 1st of the month."""
    if found := parse_date(text):
        return found
    month = parse_month(text)
    return date(month[0], month[1], 1) if month else None


def council_record(document: Document, ref: OrgRef, where: Provenance) -> Organisation:
    """The council, with the abbreviations the paper uses for it ("LBTH")."""
    base = re.sub(
        r"^(?:London Borough|Royal Borough|Borough|City|County) of |"
        r"\s+(?:(?:City|County|Borough|District|Metropolitan Borough) )?Council$",
        "",
        ref.name,
    )
    initials = "".join(w[0] for w in base.split() if w.lower() not in _SMALL).upper()
    wanted = {
        f"{prefix}{initials}{suffix}"
        for prefix, suffix in (("LB", ""), ("RB", ""), ("", "C"), ("", "CC"), ("", "BC"))
        + (("", "DC"), ("", "MBC"))
    } - {"C"}
    text = document.text()
    aliases = sorted({w for w in re.findall(r"\b[A-Z]{3,6}\b", text) if w in wanted})
    return Organisation(ref=ref, provenance=where, aliases=tuple(aliases))


def _strip_leading(name: str) -> str:
    words = name.split()
    while words and words[0] in _LEADING:
        words = words[1:]
    return " ".join(words)


def _org_kind(name: str, suffix: str) -> OrgKind:
    if suffix == "Board" or (suffix == "Group" and re.search(r"Partnership|Executive", name)):
        return "board"
    return "committee" if suffix in {"Committee", "Panel"} else "group"


def organisations(document: Document, cover: int) -> dict[OrgRef, Organisation]:
    """Boards, committees and groups the paper names, with their abbreviations and when they
    were set up; named where the body of the paper first names them (the cover, the blocks
    before `cover`, only where the body does not)."""
    passages = list(said(document))
    ordered = [p for p in passages if p.index > cover] + [p for p in passages if p.index <= cover]
    found: dict[str, tuple[OrgRef, Said, set[str]]] = {}
    for passage in ordered:
        for match in _ORG.finditer(passage.text):
            name = _strip_leading(match["name"].replace("&", "and"))
            if not name or name.isupper():
                continue
            full = f"{name} {match['suffix']}"
            entry = found.setdefault(
                full.lower(), (OrgRef(full, _org_kind(full, match["suffix"])), passage, set())
            )
            if match["alias"]:
                entry[2].add(match["alias"])
    records: dict[OrgRef, Organisation] = {}
    for ref, first, aliases in found.values():
        established, description, stated = _established(document, ref.name, aliases)
        records[ref] = Organisation(
            ref=ref,
            provenance=prov(document, stated or first),
            established=established,
            description=description,
            aliases=tuple(sorted(aliases)),
        )
    return records


def _established(
    document: Document, name: str, aliases: set[str]
) -> tuple[date | None, str | None, Said | None]:
    """When the paper says this body was set up: "established the X", "X (ABC) was set up"."""
    named = "(?:" + "|".join(re.escape(n) for n in [name, *aliases]) + ")"
    verb = _ESTABLISHED.pattern
    pattern = re.compile(
        rf"{verb}\s+(?:[\w']+\s+){{0,3}}?{named}\b|{named}(?:\s+\([A-Z]{{2,6}}\))?\s+"
        rf"(?:was|were|has been|had been|is|will be)\s+{verb}",
        re.IGNORECASE,
    )
    for passage, sentence in sentences_said(document):
        if pattern.search(sentence) and (when := month_start(sentence)):
            return when, sentence, passage
    return None, None, None


def interventions(
    document: Document, council: OrgRef, known: dict[OrgRef, Organisation]
) -> Iterator[Intervention]:
    """Best Value Directions the paper mentions, and the improvement boards it names."""
    yield from _directions(document, council)
    for ref, record in known.items():
        if ref.kind == "board" and "Improvement" in ref.name:
            yield Intervention(
                kind="improvement-board",
                subject=council,
                provenance=record.provenance,
                label=ref.name,
                start=record.established,
                body=ref,
            )


def _directions(document: Document, council: OrgRef) -> Iterator[Intervention]:
    start = end = None
    issuer: str | None = None
    where: Provenance | None = None
    for passage, sentence in sentences_said(document):
        if not re.search(r"\bdirections\b", sentence, re.IGNORECASE):
            continue
        if where is None and re.search(
            r"best value|secretary of state|department|DCLG|MHCLG", sentence, re.I
        ):
            start = month_start(sentence)
            found = _DEPARTMENT.search(sentence)
            issuer = found[0] if found else None
            month_only = start is not None and parse_date(sentence) is None
            where = prov(document, passage, "start given to the month" if month_only else "")
        if end is None and (ended := _ENDED.search(sentence)):
            end = month_start(ended["when"])
    if where is not None:
        yield Intervention(
            kind="best-value-directions",
            subject=council,
            provenance=where,
            label="Best Value Directions",
            issued_by=OrgRef(issuer, "organisation") if issuer else None,
            start=start,
            end=end,
        )


def reviews(document: Document, council: OrgRef, main: ChallengeRef | None) -> Iterator[Review]:
    """A dated self-assessment, and other kinds of peer challenge the paper names."""
    seen: set[str] = set()
    for passage, sentence in sentences_said(document):
        if (
            "self-assessment" in sentence.lower()
            and "self-assessment" not in seen
            and re.search(r"\b(?:take place|be (?:held|completed|undertaken))\b", sentence)
            and (when := month_start(sentence))
        ):
            seen.add("self-assessment")
            yield Review(
                "Self-assessment",
                prov(document, passage),
                subject=council,
                date=when,
                kind="self-assessment",
            )
        for found in _OTHER_TYPE.finditer(sentence):
            kind = kind_of(found[0]) or re.sub(r"[^a-z]+", "-", found[0].lower()).strip("-")
            if found[0] not in seen and (main is None or kind != main.challenge_type):
                seen.add(found[0])
                yield Review(
                    found[0],
                    prov(document, passage),
                    subject=council,
                    date=month_start(sentence),
                    kind=kind,
                )


def options(document: Document) -> Iterator[Option]:
    """ "Option 1. Status quo: maintain the TIB – ..." items, and which one is preferred."""
    passages = list(said(document))
    text = " ".join(p.text for p in passages)
    preferred = {found["a"] or found["b"] for found in _PREFERRED.finditer(text)}
    seen: set[str] = set()
    for passage in passages:
        found = _OPTION.match(passage.body)
        if not found or found["num"] in seen:
            continue
        seen.add(found["num"])
        rest, _ = continued(document, passage, found["rest"])
        parts = re.split(r"\s+[–—-]\s+", rest, maxsplit=1)
        if len(parts) == 1:
            parts = re.split(r"(?<=[a-z])\.\s+|:\s+", rest, maxsplit=1)
        label, body = (parts[0], parts[1]) if len(parts) == 2 else (rest, rest)
        yield Option(
            number=found["num"],
            label=label.strip().rstrip("."),
            text=body.strip(),
            provenance=prov(document, passage, f"option {found['num']}"),
            preferred=bool(found["pref"]) or found["num"] in preferred,
        )


__all__ = [
    "council_record",
    "interventions",
    "month_start",
    "options",
    "organisations",
    "reviews",
]

"""Who a follow-up committee report is about: the council, the meeting's body, the boards it
names and the interventions (Best Value Directions, improvement boards) it describes.

Private to `loaders.follow_up_report`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date

from loaders import _follow_up_text as layout
from loaders.dates import parse_date, parse_month
from loaders.records import Intervention, Organisation, OrgKind, OrgRef, Provenance
from loaders.source import Line, Source

Prov = Callable[[str, Line], Provenance]

_SMALL_WORDS = frozenset(
    ["and", "of", "the", "upon", "on", "in", "under", "le", "for", "with", "at", "to", "by"]
)
# Words a regex may take in front of a name ("Both Bassetlaw District Council").
_LEADING_STOP = frozenset(
    re.findall(
        r"\S+",
        """The This That These Both Each Every Our Their Its A An Full Whole Borough County City
        District Town Parish Local Neighbouring Other Partner Member Host Mayor Mayor's
        Council's In""",
    )
)
_PREFIXED = re.compile(
    r"\b(?:London Borough|Royal Borough|Metropolitan Borough|Borough|City|County) of "
    r"[A-Z][a-z]+(?:[ -](?:upon|on|under|le|[A-Z][a-z]+))*"
)
_SUFFIXED = re.compile(
    r"\b(?:[A-Z][a-z'&]+[ -]){1,4}?(?:(?:City|County|Borough|District|Metropolitan Borough|"
    r"Metropolitan District) )?Council\b(?!s)"
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


def title_case(text: str) -> str:
    """ "TOWER HAMLETS" -> "Tower Hamlets", "KINGSTON UPON THAMES" -> "Kingston upon Thames"."""
    words = re.split(r"(\s+|-)", text.lower())
    return "".join(
        word if (index and word in _SMALL_WORDS) else word.capitalize()
        for index, word in enumerate(words)
    )


def month_start(text: str) -> date | None:
    """The first "[day] Month YYYY" in `text`: the day if given, else the 1st of the month."""
    if found := parse_date(text):
        return found
    month = parse_month(text)
    return date(month[0], month[1], 1) if month else None


def council(lines: list[Line]) -> tuple[OrgRef, Line] | None:
    """The council the report is from, and a line naming it: the name the text uses most
    ("Bassetlaw District Council"), else the capitals in the header that spell its e-mail
    domain ("TOWER HAMLETS" and towerhamlets.gov.uk)."""
    names: Counter[str] = Counter()
    first: dict[str, Line] = {}
    for line in lines:
        for found in [*_PREFIXED.finditer(line.text), *_SUFFIXED.finditer(line.text)]:
            name = _strip_leading(found[0])
            if name and not re.fullmatch(
                r"(?:(?:City|County|Borough|District|Metropolitan) )*Council", name
            ):
                names[name] += 1
                first.setdefault(name, line)
    if names:
        name = names.most_common(1)[0][0]
        return OrgRef(name, "council"), first[name]
    domains = {
        found
        for line in lines
        for found in re.findall(r"@(?:[\w-]+\.)*?([\w-]+)\.gov\.uk", line.text.lower())
    }
    for line in [line for line in lines if line.text][:40]:
        for run in re.findall(r"\b[A-Z]{2,}(?:[ -][A-Z]{2,})*\b", line.text):
            words = run.split()
            for size in range(1, len(words) + 1):
                if re.sub(r"[^a-z]", "", "".join(words[:size]).lower()) in domains:
                    return OrgRef(title_case(" ".join(words[:size])), "council"), line
    return None


def _strip_leading(name: str) -> str:
    words = name.split()
    while words and words[0] in _LEADING_STOP:
        words = words[1:]
    return " ".join(words)


def council_record(source: Source, ref: OrgRef, provenance: Provenance) -> Organisation:
    """The council, with the abbreviations the report uses for it ("LBTH")."""
    base = re.sub(
        r"^(?:London Borough|Royal Borough|Borough|City|County) of |"
        r"\s+(?:(?:City|County|Borough|District|Metropolitan Borough) )?Council$",
        "",
        ref.name,
    )
    initials = "".join(word[0] for word in base.split() if word.lower() not in _SMALL_WORDS).upper()
    wanted = {
        "LB" + initials,
        "RB" + initials,
        initials + "C",
        initials + "CC",
        initials + "BC",
        initials + "DC",
        initials + "MBC",
    } - {"C"}
    aliases = sorted(
        {word for word in re.findall(r"\b[A-Z]{3,6}\b", source.text()) if word in wanted}
    )
    return Organisation(ref=ref, provenance=provenance, aliases=tuple(aliases))


def fallback_title(lines: list[Line], source: Source) -> str:
    """Without a "Title:" field: the first short header line about a peer challenge."""
    for line in [line for line in lines if line.text][:40]:
        if re.search(r"peer (?:challenge|review)", line.text, re.I) and len(line.text) < 140:
            return re.sub(r"^\d+\s*\.\s*\d*\s*|\s+\d+\s*-\s*\d+\s+.*$", "", line.text).strip()
    return source.path.stem.replace("-", " ")


def _org_kind(name: str, suffix: str) -> OrgKind:
    if suffix == "Board" or (suffix == "Group" and re.search(r"Partnership|Executive", name)):
        return "board"
    return "committee" if suffix in {"Committee", "Panel"} else "group"


def organisations(blocks: list[layout.Block], prov: Prov) -> dict[OrgRef, Organisation]:
    """Boards, committees and groups the report names, with aliases and when they were set up."""
    found: dict[str, tuple[OrgRef, layout.Block, set[str]]] = {}
    for block in sorted(blocks, key=lambda block: block.header):  # the body of the report first
        for match in _ORG.finditer(block.text):
            name = _strip_leading(match["name"].replace("&", "and"))
            if not name or name.isupper():
                continue
            full = f"{name} {match['suffix']}"
            key = full.lower()
            if key not in found:
                found[key] = (OrgRef(full, _org_kind(full, match["suffix"])), block, set())
            if match["alias"]:
                found[key][2].add(match["alias"])
    records: dict[OrgRef, Organisation] = {}
    for ref, first, aliases in found.values():
        established, description, said = _established(blocks, ref.name, aliases)
        block = said or first
        records[ref] = Organisation(
            ref=ref,
            provenance=prov(layout.place(block), block.line),
            established=established,
            description=description,
            aliases=tuple(sorted(aliases)),
        )
    return records


def _established(
    blocks: list[layout.Block], name: str, aliases: set[str]
) -> tuple[date | None, str | None, layout.Block | None]:
    """When the text says this body was set up: "established the X", "X (ABC) was set up"."""
    named = "(?:" + "|".join(re.escape(n) for n in [name, *aliases]) + ")"
    verb = _ESTABLISHED.pattern
    pattern = re.compile(
        rf"{verb}\s+(?:[\w']+\s+){{0,3}}?{named}\b|{named}(?:\s+\([A-Z]{{2,6}}\))?\s+"
        rf"(?:was|were|has been|had been|is|will be)\s+{verb}",
        re.IGNORECASE,
    )
    for block, sentence in layout.sentences(blocks):
        if pattern.search(sentence) and (when := month_start(sentence)):
            return when, sentence, block
    return None, None, None


_BODY_WORDS = r"(?:Board|Committee|Cabinet|Panel|Executive|Council|Commission|Group)"
_DATE_TAIL = re.compile(
    r"\s*,?\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?\d{1,2}(?:st|nd|rd|th)?"
    r"\s+[A-Za-z]+\s+\d{4}.*$",
    re.IGNORECASE,
)


def _body_candidate(
    lines: list[Line], fields: dict[str, tuple[str, Line]]
) -> tuple[str, Line] | None:
    """A "Meeting:" field, "Meeting of the X", or a body's name on the line of (or above) a date."""
    if "body" in fields:
        return fields["body"]
    nonblank = [line for line in lines if line.text][:40]
    for index, line in enumerate(nonblank[:-1]):
        if re.fullmatch(r"meeting of(?: the)?:?", line.text, re.IGNORECASE):
            return nonblank[index + 1].text, nonblank[index + 1]
        if found := re.match(r"meeting of (?:the )?(.+)$", line.text, re.IGNORECASE):
            return found[1], line
    for index, line in enumerate(nonblank[:15]):
        name = _DATE_TAIL.sub("", line.text).strip()
        dated = name != line.text or _DATE_TAIL.fullmatch(" " + nonblank[index + 1].text)
        if dated and re.search(rf"{_BODY_WORDS}$", name) and len(name.split()) <= 8:
            return name, line
    return None


def meeting_body(
    lines: list[Line],
    fields: dict[str, tuple[str, Line]],
    council: OrgRef,
    known: dict[OrgRef, Organisation],
    prov: Prov,
) -> Organisation | None:
    """The board or committee the report goes to, named as the report names it elsewhere."""
    candidate = _body_candidate(lines, fields)
    if candidate is None:
        return None
    name = _DATE_TAIL.sub("", candidate[0]).replace("&", "and").strip()
    base = re.sub(r"\s+(?:City |County |Borough |District )?Council$", "", council.name)
    name = re.sub(
        rf"^(?:the\s+)?(?:{re.escape(base)}|{re.escape(council.name)})\s+", "", name, flags=re.I
    )
    for ref, record in known.items():
        if ref.name.lower() == name.lower():
            return record
    name = title_case(name) if name.isupper() else name
    kind: OrgKind = "board" if name.endswith("Board") else "committee"
    return Organisation(ref=OrgRef(name, kind), provenance=prov("report header", candidate[1]))


def interventions(
    blocks: list[layout.Block], council: OrgRef, known: dict[OrgRef, Organisation], prov: Prov
) -> Iterator[Intervention]:
    """Best Value Directions the report mentions, and the improvement boards it names."""
    yield from _directions(blocks, council, prov)
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


def _directions(blocks: list[layout.Block], council: OrgRef, prov: Prov) -> Iterator[Intervention]:
    start = end = issuer = None
    where: tuple[str, Line] | None = None
    for block, sentence in layout.sentences(blocks):
        if not re.search(r"\bdirections\b", sentence, re.IGNORECASE):
            continue
        if where is None and re.search(
            r"best value|secretary of state|department|DCLG|MHCLG", sentence, re.I
        ):
            start = month_start(sentence)
            issuer = _DEPARTMENT.search(sentence)
            precision = (
                "" if parse_date(sentence) or start is None else " (start given to the month)"
            )
            where = (f"{layout.place(block)}{precision}", block.line)
        if end is None and (ended := _ENDED.search(sentence)):
            end = month_start(ended["when"])
    if where is not None:
        yield Intervention(
            kind="best-value-directions",
            subject=council,
            provenance=prov(*where),
            label="Best Value Directions",
            issued_by=OrgRef(issuer[0], "organisation") if issuer else None,
            start=start,
            end=end,
        )


def status(text: str) -> str | None:
    """A status cell in the few words councils use, else as written (lower case)."""
    lowered = text.strip().lower().rstrip(".")
    for pattern, value in (
        (r"not (?:yet )?started|^planned|scheduled|to start", "planned"),
        (r"in progress|ongoing|on track|under ?way|partially|started", "in progress"),
        (r"complete|done|achieved|delivered|closed|implemented", "done"),
    ):
        if re.search(pattern, lowered):
            return value
    return lowered or None


def numbered(text: str) -> tuple[str | None, str | None]:
    """ "1. Improve the pace" / "R1 Improve the pace" -> ("1", "Improve the pace")."""
    found = re.match(r"(?:R|Rec(?:ommendation)?\.?\s*)?(\d{1,2}[a-z]?)[.):]?\s+(.*)$", text.strip())
    if found:
        return found[1], found[2] or None
    return None, text.strip() or None

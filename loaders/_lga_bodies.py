"""The bodies LGA papers name: the LGA, its boards, the sector's other bodies (each with the
name the graph prefers, every other spelling kept as an alias), councils by name, and the
bodies a paper lists as represented on a board.

Private to `lga_board_paper`; reads the paper's paragraphs (`loaders.paragraphs`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from loaders.paragraphs import Cite, Para
from loaders.records import Organisation, OrgRef, Record

LGA = OrgRef("Local Government Association", "organisation")
LG_INFORM = OrgRef("LG Inform", "organisation")

# Bodies LGA papers name, as (pattern, canonical ref, part of); other spellings become aliases.
BODIES: list[tuple[str, OrgRef, OrgRef | None]] = [
    (r"Local Government Association|\bLGA\b(?! Improvement| Executive)", LGA, None),
    (
        r"LGA Improvement Board|\b(?<!\w )the Improvement Board",
        OrgRef("LGA Improvement Board", "board"),
        LGA,
    ),
    (
        r"Improvement and Innovation Board",
        OrgRef("Improvement and Innovation Board", "board"),
        LGA,
    ),
    (r"LGA Executive|\bthe Executive\b", OrgRef("LGA Executive", "committee"), LGA),
    (r"Children's Improvement Board", OrgRef("Children's Improvement Board", "board"), None),
    (
        r"Towards Excellence in (?:Councils?'?s? )?Adult Social Care(?: Programme)? Board",
        OrgRef("Towards Excellence in Adult Social Care Programme Board", "board"),
        None,
    ),
    (r"independent advisory board", OrgRef("LGA Independent Advisory Board", "board"), LGA),
    (r"Performance Support Panel", OrgRef("Performance Support Panel", "group"), None),
    (r"\bCIPFA\b", OrgRef("CIPFA", "organisation"), None),
    (r"\bIDeA\b", OrgRef("IDeA", "organisation"), None),
    (r"\bRIEP\b", OrgRef("RIEP", "organisation"), None),
    (r"Improvement East", OrgRef("Improvement East", "organisation"), None),
    (r"Audit Commission", OrgRef("Audit Commission", "organisation"), None),
    (r"National Audit Office", OrgRef("National Audit Office", "organisation"), None),
    (r"\bSOLACE\b", OrgRef("SOLACE", "organisation"), None),
    (
        r"Association of Directors of Adult Social Services",
        OrgRef("Association of Directors of Adult Social Services", "organisation"),
        None,
    ),
    (
        r"Association of Directors of Children's Services",
        OrgRef("Association of Directors of Children's Services", "organisation"),
        None,
    ),
    (
        r"Department for Communities and Local Government",
        OrgRef("Department for Communities and Local Government", "organisation"),
        None,
    ),
    (r"\bLG Inform\b", LG_INFORM, None),
]
# A council by name: "Thurrock Council", "Southwark council", "London Borough of Barnet".
COUNCIL = re.compile(
    r"\b(?:London Borough of [A-Z][a-z]+(?: (?:and|upon|on) [A-Z][a-z]+| [A-Z][a-z]+)*"
    r"|(?<!the )(?<!The )(?<!This )(?<!each )(?:[A-Z][a-z]+ ){1,2}(?:City |County |Borough )?"
    r"[Cc]ouncil\b(?!s))"
)
NOT_PLACES = {
    "The",
    "This",
    "Each",
    "Every",
    "A",
    "Labour",
    "Conservative",
    "County",
    "City",
    "Borough",
    "Town",
}


def org_for(text: str) -> OrgRef:
    for pattern, ref, _part in BODIES:
        if re.search(pattern, text, re.IGNORECASE):
            return ref
    name = re.sub(r"^(?:the|The)\s+", "", text.strip())
    if COUNCIL.fullmatch(name):
        return OrgRef(re.sub(r"council$", "Council", name), "council")
    kind = (
        "board"
        if name.endswith("Board")
        else "committee"
        if name.endswith("Committee")
        else "organisation"
    )
    return OrgRef(name, kind)  # type: ignore[arg-type]


def organisations(blocks: list[Para], cite: Cite) -> Iterator[Record]:
    """The bodies the paper names: the known ones (with the spellings used and what the paper
    says each is), councils, and the bodies represented on a board."""
    yield from _known_bodies(blocks, cite)
    yield from _councils(blocks, cite)
    yield from _represented(blocks, cite)


def _known_bodies(blocks: list[Para], cite: Cite) -> Iterator[Record]:
    for pattern, ref, part_of in BODIES:
        found = [(m.group(0), b) for b in blocks for m in re.finditer(pattern, b.text, re.I)]
        if not found:
            continue
        names = {n for n, _ in found if n != ref.name and not n.lower().startswith("the ")}
        yield Organisation(
            ref,
            cite(found[0][1]),
            part_of=part_of,
            aliases=tuple(sorted(names)),
            description=_description(blocks, ref),
        )


def _councils(blocks: list[Para], cite: Cite) -> Iterator[Record]:
    seen: set[str] = set()
    for block in blocks:
        for match in COUNCIL.finditer(block.text):
            ref = org_for(match.group(0))
            if ref.kind != "council" or ref.name in seen:
                continue
            if ref.name.split()[0] not in NOT_PLACES:
                seen.add(ref.name)
                yield Organisation(ref, cite(block))


def _represented(blocks: list[Para], cite: Cite) -> Iterator[Record]:
    """ "involving representatives from, amongst others, the Audit Commission, ..."."""
    for block in blocks:
        listed = re.search(r"representatives from,? (?:amongst others,? )?(?P<l>[^.]+)", block.text)
        names = re.split(r",\s*|\s+and\s+(?=the\s|[A-Z]{2,}\b)", listed["l"]) if listed else []
        for name in names:
            ref = org_for(name)
            known = any(re.search(p, name, re.IGNORECASE) for p, _r, _x in BODIES)
            if ref.kind == "organisation" and not known:
                yield Organisation(ref, cite(block))


def _description(blocks: list[Para], ref: OrgRef) -> str | None:
    for block in blocks:
        found = re.search(rf"\b{re.escape(ref.name)} is (?P<d>an? [^.;]+)", block.text)
        if found:
            return found["d"].strip()
    return None

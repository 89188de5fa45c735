"""People's names as papers write them: honorifics ("Cllr", "Dame", "Baroness") and
post-nominals ("OBE") kept apart from the name, party in brackets removed, and a test for
whether a phrase is a person's name at all."""

from __future__ import annotations

import re

from loaders.organisations import ROLE_WORDS, is_org_name
from loaders.records import PersonRef

HONORIFICS = (
    "Councillor",
    "Cllr",
    "Dr",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Baroness",
    "Baron",
    "Professor",
    "Prof",
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Mx",
    "Rev",
    "Revd",
    "Reverend",
    "Rt Hon",
    "The Rt Hon",
    "Right Honourable",
    "Mayor",
    "Alderman",
)
_HONORIFIC = re.compile(r"^(?P<h>(?:(?:" + "|".join(HONORIFICS) + r")\.?\s+)+)", re.IGNORECASE)
POSTNOMINALS = re.compile(
    r"(?:,?\s+(?:OBE|MBE|CBE|KBE|DBE|CB|CVO|LVO|QPM|DL|JP|FCA|ACA|CPFA|FCCA|CIPFA|MP|MSc|MBA|PhD|BSc|BA|MA|FRSA|FCIPD|CMgr|MCIPD|FRTPI|MRTPI|QC|KC))+\.?$"
)
PARTY = re.compile(
    r"\s*\((?P<party>Labour|Lab|Conservative|Con|Liberal Democrats?|Lib Dems?|LD|Independent|Ind|"
    r"Green|Plaid Cymru|Reform UK|Residents' Association|Residents|SNP|Labour and Co-operative|"
    r"Labour Co-op)(?:\s+(?:Group|Party|Councillor|Member))?\)",
    re.IGNORECASE,
)
_NAME_WORD = (
    r"(?:[A-Z][a-zà-ÿ'\u2019]+(?:-[A-Z][a-zà-ÿ'\u2019]+)*|[A-Z]\.?|O'[A-Z][a-z]+|Mc[A-Z][a-z]+"
    r"|Mac[A-Z][a-z]+|[A-Z][a-z]+[A-Z][a-z]+|de|van|von|la|le|du|da|der|den|bin|al|ul)"
)
NAME = re.compile(
    r"(?:(?:"
    + "|".join(HONORIFICS)
    + r")\.?\s+)*"
    + _NAME_WORD
    + r"(?:\s+"
    + _NAME_WORD
    + r"){1,4}"
)
_SURNAME_ONLY = re.compile(
    r"(?:Councillor|Cllr|Dr|Sir|Dame|Lord|Baroness|Mr|Mrs|Ms)\.?\s+[A-Z][\w'\-]+"
)
_NOT_NAME_WORDS = ROLE_WORDS | {
    "council",
    "councils",
    "borough",
    "county",
    "district",
    "city",
    "london",
    "team",
    "government",
    "association",
    "peer",
    "peers",
    "scope",
    "focus",
    "name",
    "role",
    "organisation",
    "report",
    "feedback",
    "summary",
    "recommendation",
    "recommendations",
    "key",
    "next",
    "steps",
    "appendix",
    "introduction",
    "the",
    "and",
    "our",
    "your",
    "this",
    "that",
    "page",
    "date",
    "item",
    "meeting",
    "agenda",
}
_HONORIFIC_WORDS = {h.lower() for h in HONORIFICS} | {"rt", "hon"}


_TRAILING_PARTY = re.compile(
    r"\s*[-–—,]\s*(?P<party>Labour|Conservative|Liberal Democrats?|Lib Dems?|Independent|Green|"
    r"Reform UK|Residents' Association)(?:\s+(?:Group|Party))?(?=\)|$)",
    re.IGNORECASE,
)


def strip_party(text: str) -> tuple[str, str | None]:
    """ "Cllr Ian Ward (Labour)" -> ("Cllr Ian Ward", "Labour"); "(Breckland District
    Council - Conservative)" -> "(Breckland District Council)", "Conservative"."""
    found = PARTY.search(text) or _TRAILING_PARTY.search(text)
    if not found:
        return text, None
    return (text[: found.start()] + text[found.end() :]).strip(), found["party"]


def split_honorific(text: str) -> PersonRef:
    """ "Cllr Lib Peck" -> PersonRef("Lib Peck", "Cllr"); post-nominals and party dropped."""
    text, _ = strip_party(text.strip())
    text = POSTNOMINALS.sub("", text.strip().rstrip(",")).strip()
    found = _HONORIFIC.match(text)
    if not found:
        return PersonRef(name=text)
    honorific = " ".join(word.rstrip(".") for word in found["h"].split())
    return PersonRef(name=text[found.end() :].strip(), honorific=honorific)


def looks_like_name(text: str) -> bool:
    """Two to five capitalised words, optionally after honorifics: a plausible person's name."""
    return bool(NAME.fullmatch(text.strip()))


def is_person(text: str, *, surname_only: bool = False) -> bool:
    """A person's name: capitalised words, none of them a post's or a body's word."""
    text, _ = strip_party(text.strip())
    text = POSTNOMINALS.sub("", text.strip().rstrip(",")).strip()
    if surname_only and _SURNAME_ONLY.fullmatch(text):
        return True
    if not looks_like_name(text) or is_org_name(text):
        return False
    words = [w.lower().rstrip(".") for w in text.split()]
    body = [w for w in words if w not in _HONORIFIC_WORDS]
    return bool(body) and not any(w in _NOT_NAME_WORDS for w in body)

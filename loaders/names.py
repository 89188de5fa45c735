"""People's names and posts as papers write them: "Cllr Lib Peck, Leader LB Lambeth"."""

from __future__ import annotations

import re

from loaders.records import PersonRef

HONORIFICS = (
    "Councillor",
    "Cllr",
    "Dr",
    "Sir",
    "Dame",
    "Lord",
    "Baroness",
    "Professor",
    "Prof",
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Mx",
    "Rev",
    "Revd",
    "Lady",
)
_HONORIFIC = re.compile(r"^(?P<h>(?:(?:" + "|".join(HONORIFICS) + r")\.?\s+)+)", re.IGNORECASE)
_POSTNOMINALS = re.compile(r"(?:,?\s+(?:OBE|MBE|CBE|KBE|DBE|CB|FCA|CPFA|MP))+$")


def split_honorific(text: str) -> PersonRef:
    """ "Cllr Lib Peck" -> PersonRef("Lib Peck", "Cllr"); post-nominals are dropped."""
    text = _POSTNOMINALS.sub("", text.strip())
    found = _HONORIFIC.match(text)
    if not found:
        return PersonRef(name=text)
    honorific = " ".join(word.rstrip(".") for word in found["h"].split())
    return PersonRef(name=text[found.end() :].strip(), honorific=honorific)


_NAME_WORD = r"(?:[A-Z][a-zA-Z'\u2019\-]+|[A-Z]\.|O'[A-Z][a-z]+|Mc[A-Z][a-z]+|de|van|von|la|le)"
NAME = re.compile(
    r"(?:(?:"
    + "|".join(HONORIFICS)
    + r")\.?\s+)*"
    + _NAME_WORD
    + r"(?:\s+"
    + _NAME_WORD
    + r"){1,3}"
)


def looks_like_name(text: str) -> bool:
    """Two to four capitalised words, optionally after honorifics: a plausible person's name."""
    return bool(NAME.fullmatch(text.strip()))

"""Organisation names as papers write them: which words end a post and start a body, which
bodies are councils, and how one phrase names several ("LB Richmond and LB Wandsworth",
"St Albans City and District Council and Hertfordshire County Council", "Adur and Worthing
Councils"). Loaders only say what kind a name looks like; graph/ resolves it against the
register, and a name that matches none is still an organisation, never a stopped build."""

from __future__ import annotations

import re

from loaders.records import OrgKind, OrgRef

LGA = OrgRef("Local Government Association", "organisation")
_LGA_NAMES = {"lga", "the lga", "local government association", "the local government association"}

# The last word of an organisation's name.
ORG_END = (
    r"Council|Councils|Authority|Authorities|Association|Trust|NHS|CCG|ICB|Board|Partnership|"
    r"Police|Constabulary|Service|Services|Government|Department|University|College|Agency|"
    r"Institute|Society|Limited|Ltd|LLP|plc|PLC|Commission|Office|Group|Foundation|Federation|"
    r"Committee|Corporation|Network|Alliance|Executive|Assembly|Parliament|Solace|SOLACE|LGA|"
    r"CIPFA|APSE|WLGA|COSLA|PwC|Deloitte|KPMG|EY|Company|Centre|Center|Inspectorate|Ofsted|CQC|"
    r"DC|BC|MBC|CC|LBC|RBC"
)
_ORG_WORD = re.compile(rf"\b(?:{ORG_END})\b")
_ORG_END = re.compile(rf"\b(?:{ORG_END})$")
COUNCIL_PREFIX = re.compile(
    r"\b(?:LB|RB|LBC|London Borough of|Royal Borough of|City of London|Borough of|City of|"
    r"County of|Metropolitan Borough of|Council of the)\s"
)
_COUNCIL_NAME = re.compile(
    r"(?:\bCouncil$|\bCorporation$|\b(?:DC|BC|MBC|CC|LBC|RBC)$|^(?:LB|RB|London Borough of|Royal Borough of|Borough of|"
    r"City of|Metropolitan Borough of|Council of the) )"
)
_NOT_COUNCIL = re.compile(
    r"Combined Authority|Greater London Authority|Association|NHS|Trust|CCG|ICB|Police|Fire|"
    r"University|Department|Agency|Ltd|Limited|LLP|CIPFA|Solace|Office|Institute|Parish|Town Council|"
    r"Commission|Board|Partnership|Committee|Councils\b|Research Council|Arts Council|Sports? Council|"
    r"Privy Council|British Council|Council for|Council of (?!the Isles)|Councils'|Youth Council"
)
# The bodies of the other UK nations: councils, but not English local authorities.
_OUTSIDE_ENGLAND = re.compile(
    r"\b(?:Welsh|Wales|Cymru|Scottish|Scotland|Northern Ireland|Anglesey|Gwynedd|Conwy|"
    r"Denbighshire|Flintshire|Wrexham|Powys|Ceredigion|Pembrokeshire|Carmarthenshire|Swansea|"
    r"Neath Port Talbot|Bridgend|Glamorgan|Rhondda|Merthyr|Caerphilly|Blaenau Gwent|Torfaen|"
    r"Monmouthshire|Newport City|Cardiff|Glasgow|Edinburgh|Aberdeen|Aberdeenshire|Dundee|Fife|"
    r"Highland|Moray|Angus|Perth and Kinross|Stirling|Falkirk|Lothian|Lanarkshire|Ayrshire|"
    r"Renfrewshire|Dunbartonshire|Inverclyde|Argyll|Borders Council|Dumfries|Clackmannanshire|"
    r"Orkney|Shetland|Eilean Siar|Comhairle|Belfast|Derry|Armagh|Newry|Antrim|Lisburn|"
    r"Causeway Coast|Fermanagh|Mid Ulster|Ards)\b"
)
# Words of posts, never of places or people's names: they end an organisation name read
# backwards ("Chief Executive Manchester City Council").
ROLE_WORDS = set(
    """chief executive leader deputy assistant director head manager officer strategic corporate
    member cabinet councillor lead peer portfolio holder programme interim acting senior adviser
    advisor policy partnerships transformation strategy services service finance resources
    treasurer mayor chair chairman chairwoman vice group operating commissioning care social
    adult adults children's health public people place communities regeneration governance legal
    monitoring hr od president opposition challenge review reform economy housing growth delivery
    former previous retired managing executive's solicitor clerk controller commissioner
    secretary principal consultant associate""".split()
)


def is_lga(name: str) -> bool:
    return name.strip().rstrip(".").lower() in _LGA_NAMES


def org_ref(name: str) -> OrgRef:
    """A reference to the organisation `name`, with the kind its name shows."""
    name = re.sub(
        r"^the\s+(?=[A-Z])", "", name.strip().rstrip(".,;")
    )  # "the LGA", not "The King's Fund"
    if is_lga(name):
        return LGA
    return OrgRef(name, org_kind(name))


def org_kind(name: str) -> OrgKind:
    """ "council" for a name shaped like an English local authority, else "organisation"."""
    if name.isupper() and not COUNCIL_PREFIX.match(name + " "):  # APSE, CIPFA, SOLACE
        return "organisation"
    if _NOT_COUNCIL.search(name) or _OUTSIDE_ENGLAND.search(name):
        return "organisation"
    if _COUNCIL_NAME.search(name):
        return "council"
    return "organisation" if _ORG_WORD.search(name) else "council"


def looks_like_english_council(name: str) -> bool:
    """Shaped like an English council's name (to warn when the register knows no such council)."""
    return org_kind(name) == "council" and bool(_COUNCIL_NAME.search(name))


def is_org_name(text: str) -> bool:
    """A phrase that names a body: ends with a body's word or starts as a council's name."""
    text = text.strip()
    if not text or not (text[0].isupper() or text[0].isdigit()):
        return False
    return bool(_ORG_END.search(text) or COUNCIL_PREFIX.match(text + " ") or is_lga(text))


def is_place_name(text: str) -> bool:
    """A bare place standing for its council ("Thurrock", "Richmond upon Thames")."""
    words = text.split()
    return (
        0 < len(words) <= 4
        and all(w[0].isupper() for w in words if w not in {"and", "upon", "on", "in", "of", "the"})
        and not any(w.lower().strip("(),") in ROLE_WORDS for w in words)
        and not any(ch.isdigit() for ch in text)
    )


def split_organisations(text: str) -> list[OrgRef]:
    """One phrase naming one or several bodies."""
    text = text.strip().rstrip(".")
    plural = re.fullmatch(
        r"(?P<places>.+?)\s+(?P<kind>(?:(?:City|County|District|Borough|Metropolitan Borough)\s+)?)"
        r"Councils",
        text,
    )
    if plural and re.search(r"\s(?:and|&)\s", plural["places"]):
        places = re.split(r"\s*,\s*|\s+(?:and|&)\s+", plural["places"])
        kind = plural["kind"] or ""
        return [org_ref(f"{place} {kind}Council") for place in places if place]
    parts = _split_and(text)
    if len(parts) > 1 and all(is_org_name(p) or COUNCIL_PREFIX.match(p + " ") for p in parts):
        return [org_ref(p) for p in parts]
    return [org_ref(text)]


def _split_and(text: str) -> list[str]:
    """ "A Council and B Council" -> [A Council, B Council]: split at an "and" whose left side
    is a whole organisation name (so "St Albans City and District Council" stays whole)."""
    parts: list[str] = []
    rest = text
    for found in list(re.finditer(r"\s+(?:and|&)\s+", text)):
        left = text[len(text) - len(rest) : found.start()]
        right = text[found.end() :]
        if (_ORG_END.search(left) or _is_abbreviated_council(left)) and (
            is_org_name(right) or _is_abbreviated_council(right) or _starts_org(right)
        ):
            parts.append(left.strip())
            rest = right
    parts.append(rest.strip())
    return parts


def _is_abbreviated_council(text: str) -> bool:
    return bool(re.match(r"^(?:LB|RB)\s+[A-Z]", text.strip()))


def _starts_org(text: str) -> bool:
    return bool(COUNCIL_PREFIX.match(text.strip() + " "))


def trailing_organisation(text: str) -> tuple[str, str]:
    """Split "Chief Executive Manchester City Council" into ("Chief Executive", "Manchester
    City Council"): the organisation is the longest run of capitalised words at the end that
    holds no word of a post. ("", "") when the text does not end in an organisation."""
    for marker in (COUNCIL_PREFIX, re.compile(r"\bLGA$|\bLocal Government Association$")):
        found = marker.search(text)
        if found and found.start() > 0:
            return text[: found.start()].strip(" ,-–"), text[found.start() :].strip()
    words = text.split()
    if not words or not _ORG_END.search(text):
        return text, ""
    start = len(words) - 1
    while start > 0:
        word = words[start - 1]
        lower = word.lower().strip(",")
        if not (word[0].isupper() or lower in {"and", "of", "upon", "on", "the", "&"}):
            break
        if lower in ROLE_WORDS:
            break
        if word.endswith(","):
            break
        start -= 1
    while start < len(words) and words[start].lower() in {"and", "of", "upon", "on", "the", "&"}:
        start += 1
    return " ".join(words[:start]).strip(" ,-–"), " ".join(words[start:])

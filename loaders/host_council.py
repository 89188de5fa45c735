"""Whose document it is: the council that publishes a committee paper or hosted a peer
challenge, from its letterhead, its officers' e-mail domain and the sentences that say it
hosted the challenge, together. The publisher outranks the councils it mentions (a district
paper names its county more often than itself), and a table header, heading or label is
never read as a council.

Used by the follow-up paper loader, and by the report loader when a title page names no
council (its cover's name was an image).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.document import Block, Document, Heading, Paragraph, Place, Table, block_text
from loaders.layout_tables import HEADER_WORDS
from loaders.organisations import ROLE_WORDS, org_kind
from loaders.records import OrgRef

_WORD = r"[A-Z][A-Za-z'’]*(?:-(?:[A-Z][A-Za-z'’]*|on|upon|under|le|in|by|the))*"
_JOIN = r"(?:\s+(?:and|&|upon|on|under|in)\s+|\s+)"
_KIND = r"(?:(?:City|County|Borough|District|Metropolitan Borough|Metropolitan District)\s+)?"
_SUFFIXED = re.compile(rf"\b{_WORD}(?:{_JOIN}{_WORD}){{0,4}}\s+{_KIND}Council(?![A-Za-z])")
_PREFIXED = re.compile(
    rf"\b(?:The\s+)?(?:London Borough|Royal Borough|Metropolitan Borough|Borough|City and County|"
    rf"City|County) of {_WORD}(?:{_JOIN}{_WORD}){{0,3}}"
)
_LEADING = frozenset(
    """the this that these both each every our their its a an full whole neighbouring other
    partner member host mayor council's in and with including by of for""".split()
)
_SMALL = frozenset("and of the upon on in under le for with at to by".split())
# Words of headers, labels and posts: a "council" named with one is a misreading
# ("Recommendation Council", "Lead Officer Council").
_NOT_PLACE = (HEADER_WORDS | ROLE_WORDS | {"report", "cabinet", "meeting", "agenda"}) - (
    _SMALL | {"city", "county"}
)
_HOSTED = re.compile(
    r"^\s*(?:has\s+|had\s+)?(?:(?:last|recently|also|previously|first)\s+)?(?:hosted|invited|welcomed|commissioned|requested|volunteered|"
    r"underwent|took part|asked the (?:lga|peer|team)|agreed to (?:host|take part)|"
    r"received (?:a|an|the) (?:lga |corporate |finance )?peer)",
    re.IGNORECASE,
)
_OF_SUBJECT = re.compile(
    r"(?:peer (?:challenge|review)|review|visit)\s+(?:of|at)\s+(?:the\s+)?$|"
    r"at the invitation of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_DOMAIN = re.compile(r"(?:@|www\.)(?:[\w-]+\.)*?([\w-]+)\.gov\.uk", re.IGNORECASE)
_CAPITALISED_RUN = re.compile(r"\b[A-Z][A-Za-z]+(?:[ -](?:upon |on |under )?[A-Z][A-Za-z]+){0,3}\b")
_NOT_COUNCIL_DOMAINS = {"local", "londoncouncils", "lga", "parliament", "nhs", "ons"}  # LGA ...
LETTERHEAD, DOMAIN, HOST, MENTION = 100, 60, 40, 1
_HEAD_BLOCKS = 8


@dataclass
class _Candidate:
    """One council the paper names, under every spelling it uses, and the evidence."""

    names: dict[str, int] = field(default_factory=dict)  # spelling -> best evidence with it
    score: int = 0
    best: int = 0  # the weight of the best evidence
    index: int = 0
    place: Place | None = None

    def name(self) -> str:
        return max(self.names, key=lambda n: (self.names[n], len(n.split()), n))


class _Candidates(dict[str, _Candidate]):
    def credit(self, name: str, weight: int, index: int, place: Place) -> None:
        candidate = self.setdefault(core(name), _Candidate())
        candidate.names[name] = max(candidate.names.get(name, 0), weight)
        candidate.score += weight
        if weight > candidate.best:
            candidate.best, candidate.index, candidate.place = weight, index, place


def title_case(text: str) -> str:
    """ "TOWER HAMLETS" -> "Tower Hamlets", "KINGSTON UPON THAMES" -> "Kingston upon Thames"."""
    words = re.split(r"(\s+|-)", text.lower())
    return "".join(
        word if (index and word in _SMALL) else word[:1].upper() + word[1:]
        for index, word in enumerate(words)
    )


def core(name: str) -> str:
    """The place in a council's name: "The Royal Borough of Kingston upon Thames" ->
    "kingston upon thames", "Redcar & Cleveland Borough Council" -> "redcar and cleveland"."""
    text = re.sub(r"[^a-z0-9 ]+", " ", name.lower().replace("&", " and "))
    text = re.sub(
        r"^(?:the )?(?:(?:london|royal|metropolitan) borough|borough|city and county|city|county|"
        r"council of the) of ",
        "",
        re.sub(r"\s+", " ", text).strip(),
    )
    text = re.sub(
        r" (?:(?:metropolitan (?:borough|district)|borough|district|county|city) )?council$",
        "",
        text,
    )
    return text.strip()


def council_names(text: str) -> list[tuple[int, str]]:
    """Council-shaped names in running text, with their offsets, leading words such as
    "Both" or "The" dropped; none that holds a header's or a post's word."""
    found: list[tuple[int, str]] = []
    for pattern in (_PREFIXED, _SUFFIXED):
        for match in pattern.finditer(text):
            start, name = match.start(), match.group()
            words = name.split()
            while words and words[0].lower() in _LEADING:
                start += text[start:].find(words[0]) + len(words[0])
                words = words[1:]
            name = " ".join(words)
            if _is_council(name):
                found.append((text.find(name, match.start()), name))
    return sorted(set(found))


def _is_council(name: str) -> bool:
    place = core(name)
    if not place or place in {"council", "county", "borough", "district", "city"}:
        return False
    if any(word in _NOT_PLACE for word in place.split()):
        return False
    return org_kind(name) == "council"


def council(document: Document) -> tuple[OrgRef, int, Place] | None:
    """The council whose paper this is, the block and the place that name it best."""
    candidates = _candidates(document)
    if not candidates:
        return None
    best = max(candidates.values(), key=lambda c: c.score)
    assert best.place is not None
    return OrgRef(best.name(), "council"), best.index, best.place


def host(document: Document, *, besides: set[str]) -> tuple[OrgRef, Place] | None:
    """The council a report is about, from its text alone: as `council`, leaving out the
    councils in `besides` (cores: the peers' own councils), and only on more than one
    passing mention (a report names its host again and again; one mention is a partner)."""
    candidates = {k: c for k, c in _candidates(document).items() if k not in besides}
    if not candidates:
        return None
    best = max(candidates.values(), key=lambda c: c.score)
    if best.score < 2 * MENTION and best.best < HOST:
        return None
    assert best.place is not None
    return OrgRef(best.name(), "council"), best.place


def _candidates(document: Document) -> _Candidates:
    candidates = _Candidates()
    for index, block in enumerate(document.blocks[:_HEAD_BLOCKS]):
        for text in _head_texts(block):
            name = _letterhead(text)
            if name:
                candidates.credit(name, LETTERHEAD, index, block.place)
    for index, block in enumerate(document.blocks):
        text = block_text(block)
        for offset, name in council_names(text):
            after = text[offset + len(name) :]
            before = text[max(0, offset - 60) : offset]
            hosted = _HOSTED.match(after) or _OF_SUBJECT.search(before)
            candidates.credit(name, HOST if hosted else MENTION, index, block.place)
    _credit_domain(document, candidates)
    return candidates


def _head_texts(block: Block) -> list[str]:
    if isinstance(block, Heading | Paragraph):
        return [block.text]
    if isinstance(block, Table):  # a letterhead may sit in a cover table, even its header
        rows = ([block.header] if block.header else []) + list(block.rows[:3])
        return [cell for row in rows for cell in row if cell]
    return []


def _letterhead(text: str) -> str | None:
    """A line that is a council's name and nothing else ("WYCHAVON DISTRICT COUNCIL")."""
    text = text.strip().rstrip(".")
    if text.isupper():
        text = title_case(text)
    text = re.sub(r"^The\s+", "", text)
    for pattern in (_PREFIXED, _SUFFIXED):
        if pattern.fullmatch(text) and _is_council(text):
            return text
    return None


def _credit_domain(document: Document, candidates: _Candidates) -> None:
    """The council whose name spells its officers' e-mail (or web) domain:
    towerhamlets.gov.uk -> "Tower Hamlets"."""
    domains = {m.lower() for m in _DOMAIN.findall(document.text())} - _NOT_COUNCIL_DOMAINS
    spelt = [c for place, c in candidates.items() if re.sub(r"[^a-z]", "", place) in domains]
    for candidate in spelt:
        candidate.score += DOMAIN
    if spelt or not domains:
        return
    for index, block in enumerate(document.blocks):
        for run in _CAPITALISED_RUN.findall(block_text(block)):
            words = run.split()
            for size in range(len(words), 0, -1):
                name = " ".join(words[:size])
                if re.sub(r"[^a-z]", "", name.lower()) in domains:
                    name = title_case(name) if name.isupper() else name
                    candidates.credit(name, DOMAIN, index, block.place)
                    return


__all__ = ["core", "council", "council_names", "host", "title_case"]

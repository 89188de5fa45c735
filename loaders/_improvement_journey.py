"""A council's improvement journey as LGA papers tell it: the posts (Leader, interim and
permanent Chief Executives, their earlier posts), the improvement board set up and the
support given, the corporate peer challenge, and figures about the council.

Private to `lga_board_paper`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import Protocol

from loaders import _committee_paper_text as txt
from loaders._committee_paper_text import Block
from loaders.dates import Month, parse_month
from loaders.records import (
    ChallengeRef,
    Figure,
    Intervention,
    Membership,
    Organisation,
    OrgRef,
    PeerChallenge,
    Provenance,
    Record,
)


class Prov(Protocol):
    def __call__(self, block: Block, *, position: int | None = None) -> Provenance: ...


BOARD_NAME = r"(?:[A-Z][\w']*\s+(?:(?:and|of|for|in)\s+)?){1,6}(?:Board|Panel|Committee|Group)"
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_WHEN = rf"(?P<when>(?:{_MONTHS}) \d{{4}})"
_FORMER_ORG = (
    r"(?P<org>London Borough of [A-Z][a-z]+(?: (?:and|upon|on) [A-Z][a-z]+| [A-Z][a-z]+)*"
    r"|(?:[A-Z][a-z]+ ){1,2}[Cc]ouncil)(?= as well|\)|,|\.| and| was)"
)
# "..., was appointed in July 2012" / "from July 2012" after an interim's or acting's name
_FROM = rf"(?:,? (?:was |were )?(?:appointed |brought in )?(?:in|from) {_WHEN})?"
_APPOINTED = r"(?:took over as|became|was appointed) (?P<post>Chief Executive|Leader) in"
# Posts in a council's improvement journey, as (pattern, flags); named groups who / post / when.
_JOURNEY_POSTS: list[tuple[str, dict[str, bool]]] = [
    (rf"\bLeader is (?P<who>(?:Councillor|Cllr)\.? {txt.NAME})", {}),
    (
        rf"\b[Ii]nterim (?P<post>Chief Executive|Director of [A-Z][\w ]+?),? (?P<who>{txt.NAME})"
        rf"{_FROM}",
        {"interim": True},
    ),
    (
        rf"\b[Aa]cting (?P<post>Chief Executive|Director of [A-Z][\w ]+?),? (?P<who>{txt.NAME})"
        rf"{_FROM}",
        {"acting": True},
    ),
    (
        rf"(?P<who>{txt.NAME}),? who {_APPOINTED} {_WHEN}",
        {},
    ),
    (
        rf"(?P<who>{txt.NAME}),? {_APPOINTED} {_WHEN}",
        {},
    ),
]
_FORMER = re.compile(
    r"(?:experience of being|served as a previous|previously|formerly)(?: been| served as)?"
    r" (?:the )?(?P<post>Chief Executive|Leader)"
    rf"\s*(?:\(|at |of ){_FORMER_ORG}"
)
_ATTENDS = re.compile(
    rf"(?P<who>{txt.NAME}), (?P<post>Chief Executive|Leader),"
    rf" (?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:will|would|is|has|to)\b"
)
_SUPPORT = [
    (
        r"(?P<org>[A-Z][\w ]+?) (?:was [^.]*? and )?provided (?:significant )?financial support"
        r" totalling (?:some )?(?P<amount>£[\d.,]+[kmb]?n?)",
        "{amount} financial support from {org}",
    ),
    (
        r"(?:The |the )?(?P<org>[A-Z][\w]+) provided a range of support,? (?:particularly )?"
        r"in relation to (?P<what>[^.;]+)",
        "{org} support on {what}",
    ),
    (r"provided seconded staff to (?P<what>[^.;]+)", "seconded staff to {what}"),
]
_JOURNEY_FIGURES = [
    (r"CPA (?:was |was to be |of |score of )?(?P<n>\d) star", "cpa-stars", "stars"),
    (r"Use of Resources score (?:was |of )?(?P<n>\d)", "use-of-resources-score", None),
    (r"population of (?P<n>\d[\d,]*)", "population", "people"),
]


class _Journeys:
    """A council's improvement journey: posts, improvement board and its support, peer challenge."""

    def __init__(self, blocks: list[Block], prov: Prov, org_for: Callable[[str], OrgRef]) -> None:
        self.blocks, self.prov, self.org_for = blocks, prov, org_for
        self.posts: dict[tuple[str, str, str], Membership] = {}

    def records(self) -> Iterator[Record]:
        for heading in self.blocks:
            found = (
                re.match(
                    r"^(?:The )?Improvement [Jj]ourney of (?P<c>.+)$"
                    r"|^(?P<c2>.+?)'s [Ii]mprovement [Jj]ourney$",
                    heading.text,
                )
                if heading.kind == "heading"
                else None
            )
            if found:
                council = self.org_for(found["c"] or found["c2"])
                council = council if council.kind == "council" else OrgRef(council.name, "council")
                section = [
                    b for b in self.blocks if b.section == heading.text and b.kind != "heading"
                ]
                yield from self._section(council, section)
        for block in self.blocks:
            for found in _ATTENDS.finditer(block.text):
                self._keep(found["who"], self._place(found["place"]), found["post"], block)
        yield from self.posts.values()

    def _place(self, place: str) -> OrgRef:
        for (_n, org, _r), post in self.posts.items():
            if org.split()[0] == place and isinstance(post.organisation, OrgRef):
                return post.organisation
        return OrgRef(place, "council")

    def _keep(self, who_text: str, org: OrgRef, role: str, block: Block, **extra: object) -> None:
        who = txt.person(who_text)
        if who is None:
            return
        key = (who.name, org.name, role)
        if key not in self.posts or extra:
            self.posts[key] = Membership(who, org, role, self.prov(block), **extra)  # type: ignore[arg-type]

    def _section(self, council: OrgRef, section: list[Block]) -> Iterator[Record]:
        short = council.name.split()[0]
        challenges: set[tuple[int, int]] = set()
        for block in section:
            for sentence in txt.sentences(block.text):
                self._posts(council, sentence, block)
                month = parse_month(sentence)
                if (
                    re.search(r"corporate peer challenge", sentence, re.IGNORECASE)
                    and month
                    and month not in challenges
                ):
                    challenges.add(month)
                    yield PeerChallenge(ChallengeRef(council, month[0], month[1]), self.prov(block))
            for pattern, measure, unit in _JOURNEY_FIGURES:
                for found in re.finditer(pattern, block.text):
                    if short in block.text or measure != "population":
                        yield Figure(
                            measure,
                            float(found["n"].replace(",", "")),
                            self.prov(block),
                            unit=unit,
                            label=found.group(0),
                            about=council,
                        )
        yield from self._improvement_board(council, section)

    def _posts(self, council: OrgRef, sentence: str, block: Block) -> None:
        person: str | None = None
        for pattern, flags in _JOURNEY_POSTS:
            for found in re.finditer(pattern, sentence):
                groups = found.groupdict()
                start = parse_month(groups["when"]) if groups.get("when") else None
                extra: dict[str, object] = dict(flags)
                if start:  # "took over ... in August 2010": a month, as stated
                    extra["start"] = Month(start[0], start[1])
                self._keep(found["who"], council, groups.get("post") or "Leader", block, **extra)
                person = found["who"]
        former = _FORMER.search(sentence)
        if former and person:
            self._keep(person, self.org_for(former["org"]), former["post"], block, former=True)

    def _improvement_board(self, council: OrgRef, section: list[Block]) -> Iterator[Record]:
        """The first board the section says was set up, and the support given alongside."""
        for block in section:
            found = _ESTABLISHED.search(block.text)
            if not found:
                continue
            month = _month_before(block.text, found.start())
            established = date(month[0], month[1], 1) if month else None
            board = OrgRef(found["name"].strip(), "board")
            names = "|".join(re.escape(n) for n in (board.name, found["acr"]) if n)
            said = (s for b in section for s in txt.sentences(b.text))
            purpose = next(
                (s for s in said if re.match(rf"The purpose of the (?:{names})", s)), None
            )
            aliases = (found["acr"],) if found["acr"] else ()
            where = self.prov(block)
            yield Organisation(
                board, where, established=established, description=purpose, aliases=aliases
            )
            yield Intervention(
                "improvement-board",
                council,
                where,
                label=board.name,
                start=established,
                body=board,
                support=_support(section),
            )
            return


_ESTABLISHED = re.compile(
    rf"establishment of (?:a|an|the) (?P<name>{BOARD_NAME})(?:\s*\((?P<acr>[A-Z]{{2,6}})\))?"
)


def _support(section: list[Block]) -> tuple[str, ...]:
    """Support given, as short phrases built from the source's words ("£560k financial support
    from Improvement East")."""
    return tuple(
        template.format(
            **{k: re.sub(r"^The |their ", "", v).strip() for k, v in m.groupdict().items()}
        )
        for b in section
        for pattern, template in _SUPPORT
        for m in re.finditer(pattern, b.text)
    )


def _month_before(text: str, position: int) -> tuple[int, int] | None:
    """The month of the sentence at `position`, else of the nearest sentence before it."""
    for sentence in reversed(txt.sentences(text[: text.find(".", position) + 1 or None])):
        month = parse_month(sentence)
        if month:
            return month
    return None


def records(blocks: list[Block], prov: Prov, org_for: Callable[[str], OrgRef]) -> Iterator[Record]:
    """Every improvement journey section of the paper, as records."""
    yield from _Journeys(blocks, prov, org_for).records()

"""A council's improvement journey as LGA papers tell it: the posts (Leader, interim and
permanent Chief Executives, their earlier posts), the improvement board set up and the
support given, the corporate peer challenge (in the month the paper gives), and figures
about the council.

Private to `lga_board_paper`; reads the paper's paragraphs (`loaders.paragraphs`), and the
posts with `loaders.people_mentions`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date

from loaders.dates import Month, When, first_day, parse_period
from loaders.document import Document
from loaders.paragraphs import Cite, Para, sentences
from loaders.people_mentions import BODY, Mention, appointments, attending
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

_JOURNEY = re.compile(
    r"^(?:The )?Improvement [Jj]ourney of (?P<c>.+)$|^(?P<c2>.+?)'s [Ii]mprovement [Jj]ourney$"
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
_ESTABLISHED = re.compile(
    rf"establishment of (?:a|an|the) (?P<name>{BODY})(?:\s*\((?P<acr>[A-Z]{{2,6}})\))?"
)


class _Journeys:
    """A council's improvement journey: posts, improvement board and its support, peer challenge."""

    def __init__(self, blocks: list[Para], cite: Cite, org_for: Callable[[str], OrgRef]) -> None:
        self.blocks, self.cite, self.org_for = blocks, cite, org_for
        self.posts: dict[tuple[str, str, str], Membership] = {}

    def records(self) -> Iterator[Record]:
        for heading in self.blocks:
            found = _JOURNEY.match(heading.text) if heading.kind == "heading" else None
            if found:
                council = self.org_for(found["c"] or found["c2"])
                council = council if council.kind == "council" else OrgRef(council.name, "council")
                section = [
                    b for b in self.blocks if b.section == heading.text and b.kind != "heading"
                ]
                yield from self._section(council, section)
        for block in self.blocks:
            for said in attending(block.text):
                self._keep(said, self._place(said.organisation or ""), block)
        yield from self.posts.values()

    def _place(self, place: str) -> OrgRef:
        """The council a bare place name stands for: one a post was found in, else its own."""
        for (_n, org, _r), post in self.posts.items():
            if org.split()[0] == place and isinstance(post.organisation, OrgRef):
                return post.organisation
        return OrgRef(place, "council")

    def _keep(self, said: Mention, org: OrgRef, block: Para) -> None:
        """A post, once: a later statement with more to say (interim, a start) replaces it."""
        key = (said.person.name, org.name, said.post)
        extra = said.interim or said.acting or said.former or said.start is not None
        if key not in self.posts or extra:
            self.posts[key] = Membership(
                said.person,
                org,
                said.post,
                self.cite(block),
                start=said.start,
                interim=said.interim,
                acting=said.acting,
                former=said.former,
            )

    def _section(self, council: OrgRef, section: list[Para]) -> Iterator[Record]:
        short = council.name.split()[0]
        challenges: set[When] = set()
        for block in section:
            for sentence in sentences(block.text):
                for said in appointments(sentence):
                    org = self.org_for(said.organisation) if said.organisation else council
                    self._keep(said, org, block)
                period = _dated(sentence)
                about = re.search(r"corporate peer challenge", sentence, re.IGNORECASE)
                if period and about and _month_of(period[0]) not in challenges:
                    challenges.add(_month_of(period[0]))
                    yield _challenge(council, period, self.cite(block))
            yield from self._figures(council, short, block)
        yield from self._improvement_board(council, section)

    def _figures(self, council: OrgRef, short: str, block: Para) -> Iterator[Figure]:
        for pattern, measure, unit in _JOURNEY_FIGURES:
            for found in re.finditer(pattern, block.text):
                if short in block.text or measure != "population":
                    yield Figure(
                        measure,
                        float(found["n"].replace(",", "")),
                        self.cite(block),
                        unit=unit,
                        label=found.group(0),
                        about=council,
                    )

    def _improvement_board(self, council: OrgRef, section: list[Para]) -> Iterator[Record]:
        """The first board the section says was set up, and the support given alongside."""
        for block in section:
            found = _ESTABLISHED.search(block.text)
            if not found:
                continue
            month = _month_before(block.text, found.start())
            established = first_day(month) if month else None
            board = OrgRef(found["name"].strip(), "board")
            names = "|".join(re.escape(n) for n in (board.name, found["acr"]) if n)
            said = (s for b in section for s in sentences(b.text))
            purpose = next(
                (s for s in said if re.match(rf"The purpose of the (?:{names})", s)), None
            )
            aliases = (found["acr"],) if found["acr"] else ()
            where = self.cite(block)
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


def _challenge(council: OrgRef, period: tuple[When, When], where: Provenance) -> PeerChallenge:
    """A corporate peer challenge the paper says the council had ("in December 2011"): on site
    then, at the precision given, stated in passing (its own report, where read, wins)."""
    start, end = period
    ref = ChallengeRef(council, start.year, _month_of(start).month)
    return PeerChallenge(ref, where, start=start, end=end, quoted=True)


def _dated(sentence: str) -> tuple[When, When] | None:
    """The period a sentence states, if it gives at least a month."""
    period = parse_period(sentence)
    return period if period and isinstance(period[0], Month | date) else None


def _month_of(when: When) -> Month:
    return Month(when.year, when.month) if isinstance(when, Month | date) else Month(when.year, 1)


def _support(section: list[Para]) -> tuple[str, ...]:
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


def _month_before(text: str, position: int) -> Month | None:
    """The month of the sentence at `position`, else of the nearest sentence before it."""
    for sentence in reversed(sentences(text[: text.find(".", position) + 1 or None])):
        period = _dated(sentence)
        if period:
            return _month_of(period[0])
    return None


def records(
    document: Document, blocks: list[Para], cite: Cite, org_for: Callable[[str], OrgRef]
) -> Iterator[Record]:
    """Every improvement journey section of the paper, as records."""
    del document  # cited through `cite`
    yield from _Journeys(blocks, cite, org_for).records()

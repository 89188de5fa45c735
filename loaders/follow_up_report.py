"""Genre: council papers that answer a peer challenge -- cabinet, committee and board reports
presenting an action plan or the progress made on it, from any council and any year.

Reads the `Document`: whose paper it is (`host_council`), the paper itself -- meeting,
title, author, lead officer, portfolio holder, decision sought -- from its cover sheet
(`_follow_up_paper`, `loaders.cover_sheet`), the challenge it answers and what it quotes of it
(`_follow_up_challenge`), the actions wherever they are, each under the recommendation it
answers (`_follow_up_actions`), and the boards, interventions, reviews and options it names
(`_follow_up_parts`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from councilgraph.errors import LoaderError
from councilgraph.settings import Settings
from loaders import _follow_up_challenge as challenges
from loaders import _follow_up_parts as parts
from loaders._follow_up_actions import Found, RecAt, actions
from loaders._follow_up_paper import Paper, Person, read
from loaders.base import document_record
from loaders.cover_sheet import fields
from loaders.document import Document, block_text
from loaders.host_council import council
from loaders.passages import provenance
from loaders.records import (
    ChallengeRef,
    Meeting,
    Membership,
    Organisation,
    OrgKind,
    OrgRef,
    PeerChallenge,
    PersonRef,
    Recommendation,
    RecommendationRef,
    Record,
)

GENRE = "follow-up-report"

_COMMITTEE_MARKS = (
    r"agenda item",
    r"wards?(?:\(s\))? affected|electoral divisions? affected",
    r"is (?:recommended|asked) to",
    r"officer contact|contact officer",
    r"financial implications|comments of the chief finance",
    r"legal (?:implications|services)",
    r"background (?:papers|documents)",
    r"cabinet member|portfolio holder|executive member|lead member",
    r"key decision",
)
_FOLLOW_MARKS = re.compile(
    r"follow[- ]?up (?:visit|review)|progress review|action plan|improvement plan|"
    r"response to the (?:lga|peer)|recommendations of the (?:lga|peer)|in response to",
    re.IGNORECASE,
)
_COVER_KEYS = {
    "body",
    "date",
    "item",
    "title",
    "author",
    "lead_officer",
    "portfolio_holder",
    "contact",
    "wards",
    "key_decision",
    "classification",
}


def detect(document: Document) -> float:
    """How surely this is a council's paper answering a peer challenge (0..1): it talks of a
    peer challenge or review, has a committee paper's cover and sections, and follows up."""
    text = document.text()[:40000].lower()
    if "peer challenge" not in text and "peer review" not in text:
        return 0.0
    head = " ".join(block_text(block) for block in document.head(12)).lower()
    committee = sum(bool(re.search(mark, text)) for mark in _COMMITTEE_MARKS)
    cover = len({f.key for f in fields(document)} & _COVER_KEYS)
    score = 0.15 + 0.1 * min(committee, 4) + 0.05 * min(cover, 4)
    score += 0.2 if _FOLLOW_MARKS.search(text) else 0.0
    score += (
        0.1 if re.search(r"key recommendations|recommendations (?:of|from|in) the", text) else 0
    )
    if ("feedback report" in head or "peer challenge manager" in text) and cover < 3:
        score *= 0.2  # the LGA's own feedback or progress review report, not a council's paper
    if cover < 2 and (
        "london councils" in head or re.search(r"purpose of report|local\.gov", text)
    ):
        score *= 0.4  # London Councils or LGA board papers
    return round(min(score, 1.0), 3)


def load(document: Document, *, settings: Settings) -> Iterator[Record]:
    """Everything one paper states; the DocumentRecord first."""
    del settings  # nothing configurable here
    found = council(document)
    if found is None:
        raise LoaderError(
            document.path,
            "whole document",
            "cannot tell which council this paper is from",
            hint="the paper should name its council ('X Council', 'London Borough of X') "
            "in its letterhead or text",
        )
    ref, at, place = found
    paper = read(document, ref)
    title = paper.title or document.path.stem.replace("-", " ")
    yield document_record(document, genre=GENRE, title=title, date=paper.date, publisher=ref)
    yield parts.council_record(
        document, ref, provenance(document, place, document.section_label(at))
    )
    known = parts.organisations(document, paper.header[0])
    yield from known.values()
    yield from _meeting(document, paper, ref, known)
    main = challenges.challenge(document, ref, paper.title, paper.date)
    if main is not None:
        yield from _challenge(document, main)
    yield from parts.reviews(document, ref, main.ref if main else None)
    yield from parts.options(document)
    yield from parts.interventions(document, ref, known)


def _challenge(document: Document, main: PeerChallenge) -> Iterator[Record]:
    yield main
    quoted = list(challenges.key_recommendations(document, main.ref))
    yield from quoted
    yield from _responses(document, actions(document, main.ref), quoted, main.ref)
    yield from challenges.follow_up(document, main)


# ---- the meeting and the people on the cover


def _meeting(
    document: Document, paper: Paper, council_ref: OrgRef, known: dict[OrgRef, Organisation]
) -> Iterator[Record]:
    """The posts the cover states at the council, the meeting's body, and the Meeting."""
    people = [paper.author, paper.lead_officer, paper.portfolio_holder, *paper.contacts]
    seen: set[tuple[str, str]] = set()
    for person in people:
        if person is None or person.person is None or not person.post:
            continue
        if (person.person.name, person.post) in seen:
            continue
        seen.add((person.person.name, person.post))
        where = provenance(document, person.place, f"report header, '{person.field}'")
        yield Membership(person.person, council_ref, person.post, where)
    if paper.body is None or paper.date is None:
        return
    start, place = paper.header
    header = provenance(document, place, "report header")
    body = next((r for r in known if r.name.lower() == paper.body.lower()), None)
    if body is None:
        kind: OrgKind = "board" if paper.body.endswith("Board") else "committee"
        body = OrgRef(paper.body, kind)
        yield Organisation(body, header)
    yield Meeting(
        body,
        paper.date,
        header,
        item=paper.item,
        title=paper.title,
        author=_ref(paper.author),
        author_post=paper.author.post if paper.author else None,
        contacts=tuple(p.person for p in paper.contacts if p.person),
        lead_officer=_ref(paper.lead_officer),
        lead_officer_post=paper.lead_officer.post if paper.lead_officer else None,
        portfolio_holder=_ref(paper.portfolio_holder),
        portfolio_holder_post=paper.portfolio_holder.post if paper.portfolio_holder else None,
        decision_sought=paper.decision,
    )


def _ref(person: Person | None) -> PersonRef | None:
    return person.person if person else None


# ---- actions and the recommendations they answer


def _responses(
    document: Document, found: list[Found], quoted: list[Recommendation], challenge: ChallengeRef
) -> Iterator[Record]:
    """Each action, linked to the recommendation it sits under: one the paper quoted in
    full earlier where the number or words agree, else the recommendation as the action
    plan restates it (stated once, as a quoted Recommendation, where its words are given)."""
    restated: dict[str, Recommendation] = {}
    for item in found:
        rec = item.recommendation
        if rec is None:
            yield item.action
            continue
        match = _quoted_match(rec, quoted)
        if match is not None:
            target = RecommendationRef(
                challenge, match.number, match.text, match.is_key, match.position
            )
        else:
            key = rec.number or _words(rec.text or "")
            if rec.text and key not in restated:
                restated[key] = Recommendation(
                    challenge,
                    rec.text,
                    False,
                    provenance(document, rec.place, rec.where),
                    number=rec.number,
                    position=len(restated) + 1,
                    quoted=True,
                )
                yield restated[key]
            position = restated[key].position if key in restated and not rec.number else 0
            target = RecommendationRef(challenge, rec.number, rec.text, False, position)
        yield replace(item.action, responds_to=target)


def _quoted_match(rec: RecAt, quoted: list[Recommendation]) -> Recommendation | None:
    """The recommendation quoted earlier in the paper that an action plan's "3" or "R3 ..."
    refers to: the same number, or the third of an unnumbered or lettered list, whose words
    agree where both are given."""
    if not quoted:
        return None
    candidates: list[Recommendation] = []
    if rec.number:
        digits = re.sub(r"^R", "", rec.number)
        candidates = [q for q in quoted if q.number in {rec.number, digits}]
        lettered = all(q.number is None or q.number.isalpha() for q in quoted)
        if not candidates and digits.isdigit() and lettered and 0 < int(digits) <= len(quoted):
            candidates = [quoted[int(digits) - 1]]
    elif rec.text:
        candidates = [q for q in quoted if _agree(rec.text, q.text)]
    for candidate in candidates:
        if not rec.text or _agree(rec.text, candidate.text):
            return candidate
    return None


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _agree(short: str, long: str) -> bool:
    """Two wordings of one recommendation: one begins the other, or most of the shorter's
    words are in the longer."""
    a, b = sorted((_words(short), _words(long)), key=len)
    if b.startswith(a):
        return True
    words = set(a.split())
    return bool(words) and len(words & set(b.split())) >= 0.6 * len(words)


__all__ = ["GENRE", "detect", "load"]

"""Genre: LGA peer challenge feedback reports -- corporate peer challenges, finance peer
reviews, service peer challenges, progress reviews and follow-up visits, 2012 to now.

Detects the genre, reads the title page (kind of challenge, council, dates on site, at the
precision given: the title page's own date wins over dates the text quotes), and hands the
rest to the shared extractors: the team (`loaders.teams`), recommendations
(`loaders.recommendation_lists`) and the facts of running text (`peer_challenge_facts`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from councilgraph.errors import LoaderError
from councilgraph.settings import Settings
from loaders import host_council
from loaders import peer_challenge_facts as facts
from loaders.base import document_record
from loaders.dates import Month, When, first_day, last_day, parse_date, parse_period, year_month
from loaders.document import Block, Document, Heading, ListBlock, Paragraph, Place, block_text
from loaders.organisations import LGA, is_org_name, is_place_name, org_ref
from loaders.passages import located, provenance
from loaders.people import posts_of
from loaders.recommendation_lists import labelled, recommendations
from loaders.records import (
    ChallengeRef,
    Figure,
    Membership,
    Organisation,
    OrgRef,
    PeerChallenge,
    Recommendation,
    Record,
)
from loaders.teams import team

GENRE = "peer-challenge-report"

TYPE_PHRASE = re.compile(
    r"(?:LGA\s+)?(?:(?:corporate|finance|financial|planning|children'?s|adults?'?"
    r"|adult social care|services|safeguarding|communications|housing|economic growth|"
    r"culture|scrutiny|governance|transformation|commercial|resilience|sustainability|"
    r"improvement|assurance|leadership|health|resources|environment|waste|highways)\s+)*"
    r"peer (?:challenge|review)"
    r"(?:\s*[–—:-]?\s*(?:progress review|follow[- ]up visit|progress check))?"
    r"|(?:CPC\s+)?progress review|peer challenge follow[- ]up visit",
    re.IGNORECASE,
)
_PUBLISHED = re.compile(
    r"(?:published|date of report|report date|date of publication|final report)\s*:?\s*(.+)", re.I
)
_NOT_COUNCIL = re.compile(
    r"^(?:feedback(?: report| letter)?|final report|report|draft|lga|local government association|"
    r"report of the|the|of|for|at|on|title|contents|introduction|(?:executive )?summary|"
    r"background|overview|foreword|context|findings|(?:key )?recommendations)$",
    re.IGNORECASE,
)
_TITLE_BLOCKS = 14


@dataclass(frozen=True)
class TitlePage:
    title: str
    council: OrgRef
    council_place: Place
    challenge_type: str
    start: When
    end: When
    date_place: Place


def detect(document: Document) -> float:
    """How surely this is a peer challenge feedback report: the title page names the kind of
    challenge (not an agenda or a committee report about one), the body lists a peer team."""
    head = [block_text(b) for b in _title_blocks(document)]
    subject = _letter_subject(document)
    head += [block_text(subject[0])] if subject else []
    score = 0.0
    if any(TYPE_PHRASE.search(t) and len(t.split()) <= 16 for t in head):
        score += 0.5
    if any(re.search(r"feedback report|final report|\breport\b", t, re.I) for t in head):
        score += 0.2
    if any(parse_period(t) for t in head):
        score += 0.1
    body = document.text().lower()
    if re.search(r"peer (?:challenge |review )?team", body) and "recommendation" in body:
        score += 0.2
    if score < 0.5 and _typed_sentence(document) and _VISIT.search(body):
        score += 0.3  # published as a web page: the title was the page's, not the text's
    if any(
        re.search(
            r"^(?:agenda|meeting of|report of|report to|report by|minutes|report title|report author)\b",
            t,
            re.I | re.M,  # on any line: a committee paper's cover read as a table
        )
        for t in head
    ):
        score -= 0.4
    return max(0.0, min(1.0, score))


def load(document: Document, *, settings: Settings) -> Iterator[Record]:
    """Everything one peer challenge report states; the DocumentRecord first."""
    page = title_page(document)
    published = _published(document)
    yield document_record(
        document,
        genre=GENRE,
        title=page.title,
        date=published or last_day(page.end),
        publisher=LGA,
    )
    year, month = year_month(page.start)
    ref = ChallengeRef(page.council, year, month, page.challenge_type)
    yield Organisation(page.council, provenance(document, page.council_place, "title page"))
    figures = tuple(facts.figures(document, ref))
    adviser = facts.adviser(document)
    follows = None
    if page.challenge_type in {"progress-review", "follow-up-visit"}:
        follows = facts.follow_up_of(document, page.council, page.start)
        if follows is not None:
            earlier, (start, end), passage = follows
            yield PeerChallenge(
                earlier,
                located(document, passage.index, passage.place),
                start=start,
                end=end,
                quoted=True,
            )
    yield _challenge(document, page, ref, figures, adviser, follows[0] if follows else None)
    yield from figures
    yield from _team(document, ref)
    if adviser:
        yield adviser
    yield from _recommendations(document, ref)
    yield from facts.partnerships(document, page.council)


def _title_blocks(document: Document) -> list[Block]:
    """The title page: the blocks before the first long paragraph or numbered section."""
    out: list[Block] = []
    for block in document.blocks[:_TITLE_BLOCKS]:
        if isinstance(block, Heading) and block.number and out:
            break
        if isinstance(block, Paragraph) and len(block.text.split()) > 30:
            break
        if isinstance(block, ListBlock) and _short_lines(block):
            out.append(block)  # a title's lines read as a list ("Tuesday 5th to" / "Thursday ...")
            continue
        if not isinstance(block, Heading | Paragraph):
            break
        out.append(block)
    return out or list(document.blocks[:3])


def _short_lines(block: ListBlock) -> bool:
    return all(item.marker is None and len(item.text.split()) <= 8 for _, item in block.walk())


def title_page(document: Document) -> TitlePage:
    """The kind of challenge, the council and the dates on site. A report published as a web
    page loses its title: its opening sentences name the kind of challenge instead."""
    head = _title_blocks(document)
    typed = next(
        (
            (block, found)
            for block in head
            if (found := TYPE_PHRASE.search(block_text(block)))
            and len(block_text(block).split()) <= 20
        ),
        None,
    )
    typed = typed or _letter_subject(document)
    titled = typed is not None
    typed = typed or _typed_sentence(document)
    if typed is None:
        raise LoaderError(
            document.path,
            "title page",
            "no peer challenge or peer review named in the title",
            hint="is this an LGA peer challenge feedback report? force a genre with --genre",
        )
    block, found = typed
    council, council_block = _council(head, block, found) if titled else (None, block)
    council_place = council_block.place
    if council is None:  # the cover's name was an image: the council the text is about
        hosting = host_council.host(document, besides=_peer_councils(document))
        if hosting is None:
            raise LoaderError(
                document.path,
                str(block.place),
                "no council named on the title page, nor one the text is plainly about",
            )
        council, council_place = hosting[0].name, hosting[1]
    dates = _dates(document, head)
    if dates is None:
        raise LoaderError(
            document.path,
            "title page",
            "no dates on site found",
            hint='expected e.g. "20-23 March 2018" or "June 2018" near the title',
        )
    (start, end), date_place = dates
    kind = facts.classify(" ".join(block_text(b) for b in head) if titled else found.group())
    title = f"{found.group().strip()} {council}"
    feedback = re.search(r"feedback report", " ".join(block_text(b) for b in head), re.I)
    if feedback:
        title += f" — {feedback.group()}"
    return TitlePage(title, org_ref(council), council_place, kind, start, end, date_place)


# What a report says of the visit, whatever its layout: "the peer team spoke to more than 140
# people", "more than 60 meetings", "the peers were:", "members of the review panel were".
_VISIT = re.compile(
    r"spoke to (?:more than |over |around |circa |about )?\d+|\d+ meetings|"
    r"(?:peers|peer team|team members|review panel) (?:were|was|included)",
    re.IGNORECASE,
)
_OPENING_BLOCKS = 6


_SALUTATION = re.compile(r"^Dear\s+\S")
_LETTER_HEAD = 30  # blocks of letterhead, address and date before "Dear ..."


def _letter_subject(document: Document) -> tuple[Block, re.Match[str]] | None:
    """A feedback letter's subject line, just after "Dear Laura,", when it names the kind of
    challenge ("Norwich City Council Corporate Peer Challenge: Feedback Letter")."""
    blocks = document.blocks[:_LETTER_HEAD]
    dear = next((i for i, b in enumerate(blocks) if _SALUTATION.match(block_text(b))), None)
    if dear is None:
        return None
    for index in range(dear, min(dear + 3, len(document.blocks))):
        block = document.blocks[index]
        text = block_text(block)
        after = text.find("\n") + 1 if index == dear else 0  # the subject under "Dear ...,"
        found = TYPE_PHRASE.search(text, after) if after or index > dear else None
        if found and len(_line_of(text, found).split()) <= 20:
            return block, found
    return None


def _line_of(text: str, found: re.Match[str]) -> str:
    start = text.rfind("\n", 0, found.start()) + 1
    end = text.find("\n", found.end())
    return text[start : end if end >= 0 else len(text)]


def _typed_sentence(document: Document) -> tuple[Block, re.Match[str]] | None:
    """The first of the opening blocks that names the kind of challenge."""
    for block in document.blocks[:_OPENING_BLOCKS]:
        found = TYPE_PHRASE.search(block_text(block))
        if found:
            return block, found
    return None


def _peer_councils(document: Document) -> set[str]:
    """The councils the peers come from (as `host_council.core`s), which a report names as
    often as the one it is about."""
    return {
        host_council.core(post.organisation.name)
        for member in team(document)
        for post in posts_of(member.entry)
    }


def _council(head: list[Block], typed: Block, found: re.Match[str]) -> tuple[str | None, Block]:
    """The council a title names: beside the kind of challenge on the same line, or on a line
    of its own near it."""
    text = block_text(typed)
    line = _line_of(text, found)  # a title block of several lines: the line that names it
    offset = text.rfind("\n", 0, found.start()) + 1
    before, after = line[: found.start() - offset], line[found.end() - offset :]
    for candidate in (after, before):
        name = _council_name(candidate)
        if name:
            return name, typed
    for block in head:
        if block is typed:
            continue
        # a title page's lines may come as one paragraph: council, dates, "Report of ..."
        lines = [text for text, _ in block.lines()] if isinstance(block, Paragraph) else []
        for text in [block_text(block), *(lines if len(lines) > 1 else [])]:
            name = _council_name(text)
            if name:
                return name, block
    return None, typed


def _council_name(text: str) -> str | None:
    """The council in a title line, without dates, dashes, "Feedback report" and the like."""
    cleaned = re.sub(
        r"\d{1,2}(?:st|nd|rd|th)?\b.*\d{4}|\b(?:19|20)\d{2}\b|feedback (?:report|letter)|final report|\bLGA\b|"
        r"\b(?:january|february|march|april|may|june|july|august|september|october|november|"
        r"december|spring|summer|autumn|winter)\b.*$",
        "",
        text,
        flags=re.I,
    )
    cleaned = re.sub(r"^[\s–—:,|-]*(?:of|for|at|to)?\s+|[\s–—:,|-]+$", "", " " + cleaned).strip()
    cleaned = (
        re.sub(r"\s+[–—|-]\s+.*$", "", cleaned) if TYPE_PHRASE.search(cleaned) is None else cleaned
    )
    if not cleaned or TYPE_PHRASE.search(cleaned) or len(cleaned.split()) > 10:
        return None
    if _NOT_COUNCIL.match(cleaned) or not cleaned[0].isupper():
        return None
    return cleaned if _names_a_body(cleaned) else None


# A title's words around "peer challenge" that are a heading or a sentence, not a council:
# "Summary of the peer challenge approach", "In October 2024, we ...", "Executive summary".
_EDGE_WORDS = {"and", "upon", "on", "in", "of", "the", "to", "a", "an", "we", "our", "this"}


def _names_a_body(text: str) -> bool:
    """A council's name ("Braintree District Council", "London Borough of Bexley") or a bare
    place standing for one ("Swindon", "Kingston upon Hull"); not a heading that happens to
    be capitalised."""
    if is_org_name(text):
        return True
    words = text.lower().split()
    return is_place_name(text) and words[0] not in _EDGE_WORDS and words[-1] not in _EDGE_WORDS


def _dates(document: Document, head: list[Block]) -> tuple[tuple[When, When], Place] | None:
    """Dates on site: the title page's (a range, a day or a month); else a sentence saying
    when the team was on site."""
    week: tuple[tuple[When, When], Place] | None = None
    if _letter_subject(document) is not None:
        head = []  # a feedback letter's date is when it was sent, not when the team came
    for block in head:
        found = parse_period(block_text(block))
        if found and _WEEK_OF.search(block_text(block)):
            week = week or (found, block.place)  # the week, not the days: read on
        elif found:
            return found, block.place
    for _index, block in enumerate(document.blocks):
        text = block_text(block)
        if re.search(
            r"on[- ]?site|visit|took place|was held|spent .* days|"
            r"peer (?:challenge|review) (?:on|from|between|during)\b",
            text,
            re.I,
        ):
            found = parse_period(text)
            if found:
                return found, block.place
    if week is not None:  # only the week is known: its month, as stated precision allows
        (start, _), place = week
        month = Month(start.year, start.month) if isinstance(start, date) else start
        return (month, month), place
    return None


# "w/c 14 October 2019": the week the team came, not the days it was on site.
_WEEK_OF = re.compile(r"\b(?:w/c|w\.c\.|week (?:commencing|beginning|of))\s", re.IGNORECASE)


def _published(document: Document) -> date | None:
    for block in document.blocks[:40]:
        text = block_text(block)
        found = _PUBLISHED.search(text) if len(text.split()) <= 12 else None
        if found and parse_date(found[1]):
            return parse_date(found[1])
    return None


def _challenge(
    document: Document,
    page: TitlePage,
    ref: ChallengeRef,
    figures: tuple[Figure, ...],
    adviser: Membership | None,
    follows: ChallengeRef | None,
) -> PeerChallenge:
    end = last_day(page.end)
    follow_up = None
    if page.challenge_type not in {"progress-review", "follow-up-visit"}:
        follow_up = facts.deadline(
            document, facts.FOLLOW_UP, facts.NEXT_CHALLENGE, end, within_only=True
        )
    return PeerChallenge(
        ref=ref,
        provenance=provenance(document, page.date_place, "title page"),
        start=page.start,
        end=page.end,
        reported_in=document.key,
        follow_up_of=follows,
        follow_up_due_by=follow_up,
        next_challenge_by=facts.deadline(
            document, facts.NEXT_CHALLENGE, facts.FOLLOW_UP, end, within_only=False
        ),
        scope=tuple(facts.scope(document)),
        figures=figures,
        principal_adviser=adviser.person if adviser else None,
    )


def _team(document: Document, ref: ChallengeRef) -> Iterator[Membership]:
    for member in team(document):
        where = located(document, member.index, member.place, f"bullet {member.position}")
        yield Membership(member.entry.person, ref, member.role, where)
        for post in posts_of(member.entry):
            yield Membership(
                member.entry.person,
                post.organisation,
                post.title,
                where,
                interim=post.interim,
                acting=post.acting,
                former=post.former,
            )


def _recommendations(document: Document, ref: ChallengeRef) -> Iterator[Recommendation]:
    positions = {True: 0, False: 0}
    listed = recommendations(document)
    texts = {item.text.lower() for item in listed}
    listed += [item for item in labelled(document) if item.text.lower() not in texts]
    for item in listed:
        positions[item.is_key] += 1
        yield Recommendation(
            ref,
            item.text,
            item.is_key,
            located(document, item.index, item.place, item.where),
            number=item.number,
            group=item.group,
            position=positions[item.is_key],
        )


__all__ = ["GENRE", "detect", "first_day", "load", "title_page"]

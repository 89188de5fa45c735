"""Loader for LGA peer challenge feedback reports (corporate peer challenges, finance peer
reviews, service peer challenges and progress reviews, 2012 to now)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from councilgraph.errors import LoaderError
from councilgraph.settings import Settings
from loaders import _peer_challenge_facts as facts
from loaders import _peer_challenge_text as text
from loaders._peer_challenge_team import LGA, Peer, org_ref, parse_peer
from loaders.base import document_record
from loaders.dates import parse_date, parse_month, parse_range
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
from loaders.source import Line, Source, read_source

GENRE = "peer-challenge-report"

_TYPE_PHRASE = re.compile(
    r"^(?:LGA\s+)?(?:(?:corporate|finance|financial|planning|children'?s|adults?'?"
    r"|adult social care|services|safeguarding)\s+)*peer (?:challenge|review)"
    r"(?:\s*[–—-]?\s*(?:progress review|follow[- ]up visit))?"
    r"|^(?:CPC\s+)?progress review",
    re.IGNORECASE,
)
_FEEDBACK = re.compile(r"^feedback report$", re.IGNORECASE)
_PUBLISHED = re.compile(
    r"(?:published|date of report|report date|date of publication)\s*:?\s*(.+)", re.I
)
_TEAM_TRIGGER = re.compile(
    r"(?:peers?|team members?|members of the (?:peer )?team) (?:who|that) "
    r"(?:delivered|undertook|carried out|conducted|took part)"
    r"|peer team (?:was|were|is|are|comprised|consisted|included)|the team "
    r"(?:was|were|comprised|consisted)|on behalf of the (?:peer )?team|\bby:$",
    re.IGNORECASE,
)
_TEAM_HEADING = re.compile(r"^(?:[\d.]+\s+)?(?:the )?(?:peer |review )?team(?: members)?:?$", re.I)


@dataclass(frozen=True)
class _Head:
    title: str
    council: OrgRef
    council_line: Line
    challenge_type: str
    start: date
    end: date
    date_line: Line


def detect(source: Source) -> float:
    """How surely this is a peer challenge feedback report: the title page names the kind of
    challenge (not an agenda or a committee report about one), the body lists a peer team."""
    head = [line.text.lstrip("# ") for line in source.nonblank()[:12]]
    score = 0.0
    if any(_TYPE_PHRASE.match(t) for t in head):
        score += 0.5
    if any("feedback report" in t.lower() for t in head):
        score += 0.2
    if any(parse_range(t) for t in head):
        score += 0.1
    body = source.text().lower()
    if "peer team" in body and ("key recommendations" in body or "recommendations" in body):
        score += 0.2
    # An agenda pack or a committee report about a peer challenge opens with meeting details.
    if any(re.search(r"^(?:agenda|meeting of|report of|minutes)\b", t, re.I) for t in head):
        score -= 0.4
    return max(0.0, min(1.0, score))


def load(path: Path, *, settings: Settings) -> Iterator[Record]:
    """Read one peer challenge report; the DocumentRecord first, then everything it states."""
    source = read_source(path)
    lines = text.working_lines(source)
    sections = text.headings(lines)
    head = _head(source, lines)
    published = _published(lines)
    yield document_record(
        source, genre=GENRE, title=head.title, date=published or head.end, publisher=LGA
    )
    ref = ChallengeRef(head.council, head.start.year, head.start.month, head.challenge_type)
    yield Organisation(head.council, text.prov(source, head.council_line, "title page"))
    figures = tuple(facts.figures(source, lines, sections, ref))
    team = list(_team(source, lines, sections, ref))
    adviser = facts.adviser(source, lines, sections)
    yield _challenge(source, lines, sections, head, ref, figures, adviser)
    yield from figures
    yield from team
    if adviser:
        yield adviser
    yield from _recommendations(source, lines, sections, ref)
    yield from facts.partnerships(source, lines, sections, head.council)


def _head(source: Source, lines: list[Line]) -> _Head:
    """The title page: kind of challenge, council, dates on site."""
    nonblank = [line for line in lines if line.text][:15]
    type_line, found = _type_line(source, nonblank)
    council_text, council_line = _council_name(type_line.text[found.end() :]), type_line
    if not council_text:
        later = [line for line in nonblank if line.number > type_line.number]
        council_line = next((line for line in later if _council_name(line.text)), type_line)
        council_text = _council_name(council_line.text)
    if not council_text:
        raise LoaderError(
            source.path, source.where(type_line), "no council named on the title page"
        )
    dates = _visit_dates(lines, nonblank)
    if dates is None:
        raise LoaderError(
            source.path,
            "title page",
            "no dates on site found",
            hint='expected e.g. "20-23 March 2018" near the title',
        )
    (start, end), date_line = dates
    feedback = next((line.text for line in nonblank if _FEEDBACK.match(line.text)), None)
    title = f"{found.group().strip()} {council_text}" + (f" — {feedback}" if feedback else "")
    kind = facts.classify(" ".join(line.text for line in nonblank[:6]))
    return _Head(title, org_ref(council_text), council_line, kind, start, end, date_line)


def _type_line(source: Source, nonblank: list[Line]) -> tuple[Line, re.Match[str]]:
    """The title line naming the kind of challenge ("Corporate Peer Challenge ...")."""
    for line in nonblank:
        found = _TYPE_PHRASE.match(line.text)
        if found:
            return line, found
    raise LoaderError(
        source.path,
        "title page",
        "no peer challenge or peer review named in the title",
        hint="is this an LGA peer challenge feedback report?",
    )


def _council_name(line_text: str) -> str:
    """The council named in a title-page line, without dates, dashes or "Feedback report"."""
    cleaned = re.sub(
        r"\d{1,2}(?:st|nd|rd|th)?\b.*\d{4}|feedback report|\bLGA\b", "", line_text, flags=re.I
    )
    cleaned = re.sub(r"^[\s–—:,-]*(?:of|for|at)?\s+|[\s–—:,-]+$", "", " " + cleaned).strip()
    if not cleaned or _TYPE_PHRASE.match(cleaned) or len(cleaned.split()) > 9:
        return ""
    return cleaned if cleaned[0].isupper() and parse_month(line_text) is None else ""


def _visit_dates(lines: list[Line], head: list[Line]) -> tuple[tuple[date, date], Line] | None:
    for line in head:
        days = parse_range(line.text)
        if days:
            return days, line
    for line in lines:
        days = parse_range(line.text) if re.search(r"on[- ]?site|visit", line.text, re.I) else None
        if days:
            return days, line
    for line in head:
        day = parse_date(line.text)
        if day:
            return (day, day), line
    return None


def _published(lines: list[Line]) -> date | None:
    for line in lines[:60]:
        found = _PUBLISHED.search(line.text) if len(line.text.split()) <= 12 else None
        if found and parse_date(found[1]):
            return parse_date(found[1])
    return None


def _challenge(
    source: Source,
    lines: list[Line],
    sections: list[text.Heading],
    head: _Head,
    ref: ChallengeRef,
    figures: tuple[Figure, ...],
    adviser: Membership | None,
) -> PeerChallenge:
    follow_up, follows = None, None
    if head.challenge_type in {"progress-review", "follow-up-visit"}:
        follows = facts.follow_up_of(lines, sections, head.council, head.start)
    else:
        follow_up = facts.deadline(
            lines, sections, facts.FOLLOW_UP, facts.NEXT_CHALLENGE, head.end, within_only=True
        )
    return PeerChallenge(
        ref=ref,
        provenance=text.prov(source, head.date_line, "title page"),
        start=head.start,
        end=head.end,
        reported_in=source.key,
        follow_up_of=follows,
        follow_up_due_by=follow_up,
        next_challenge_by=facts.deadline(
            lines, sections, facts.NEXT_CHALLENGE, facts.FOLLOW_UP, head.end, within_only=False
        ),
        scope=tuple(_scope(lines, sections)),
        figures=figures,
        principal_adviser=adviser.person if adviser else None,
    )


def _scope(lines: list[Line], sections: list[text.Heading]) -> Iterator[str]:
    """Core component questions and the council's own questions, in order."""
    start = next(
        (
            i
            for i, line in enumerate(lines)
            if re.search(
                r"^(?:[\d.]+\s+)?scope and focus|considered the following", line.text, re.I
            )
        ),
        None,
    )
    if start is None:
        return
    stop = next(
        (
            h.index
            for h in sections
            if h.index > start and not re.search(r"scope|focus", h.title, re.I)
        ),
        len(lines),
    )
    extra = False
    for block in _blocks(lines[start + 1 : stop]):
        listed = bool(text.ITEM.match(block) or text.BULLET.match(block))
        body = re.sub(r"^(?:" + text.ITEM.pattern[1:-1] + ")", r"\g<text>", block)
        body = text.BULLET.sub("", body).strip()
        if "?" in body or (extra and listed):
            yield body
        if re.search(r"in addition|additional|also asked|asked the peer team", block, re.I):
            extra = True


def _blocks(lines: list[Line]) -> Iterator[str]:
    """List items and paragraphs with their wrapped lines joined."""
    current = ""
    for line in lines:
        starts = bool(text.ITEM.match(line.text) or text.BULLET.match(line.text))
        ended = current[-1:] in ".?!:" and line.text[:1].isupper()
        if not line.text or starts or ended:
            if current:
                yield current
            current = line.text
        else:
            current = f"{current} {line.text}".strip()
    if current:
        yield current


def _team(
    source: Source, lines: list[Line], sections: list[text.Heading], ref: ChallengeRef
) -> Iterator[Membership]:
    seen: set[str] = set()
    for index, line in enumerate(lines):
        if not (
            _TEAM_HEADING.match(line.text)
            or (line.text.endswith(":") and _TEAM_TRIGGER.search(line.text))
        ):
            continue
        place = text.place(sections, index)
        for position, (peer, at) in enumerate(_team_list(lines, index + 1), start=1):
            if peer.person.name.lower() in seen:
                continue
            seen.add(peer.person.name.lower())
            prov = text.prov(source, at, f"{place}, bullet {position}")
            yield Membership(peer.person, ref, peer.team_role, prov)
            for post, org in peer.posts:
                former = post.lower().startswith("former ")
                yield Membership(
                    peer.person, org, post[7:] if former else post, prov, former=former
                )


def _team_list(lines: list[Line], start: int) -> Iterator[tuple[Peer, Line]]:
    """Peer entries after a team heading or "The peers ... were:", up to the first line that
    is not one; a few lines of introduction before the list are skipped."""
    found, label = 0, None
    for position, (body, line) in enumerate(_entries(lines[start : start + 80]), start=1):
        peer = parse_peer(body) if len(body) < 200 else None
        if peer is None and re.fullmatch(r"(?:lead|member|officer) peers?:?", body, re.I):
            label = body.rstrip(":s").title()  # a sub-heading over the peers that follow
            continue
        if peer is None:
            if found or position > 5:
                return
            continue
        found += 1
        yield (replace(peer, team_role=label) if label and peer.team_role == "Peer" else peer), line


def _entries(lines: list[Line]) -> list[tuple[str, Line]]:
    """Entry texts with their first line; a bullet wrapped onto the next line is joined."""
    entries: list[tuple[str, Line, bool]] = []
    blank = False
    for line in lines:
        if not line.text:
            blank = True
            continue
        bullet = text.BULLET.match(line.text)
        body = line.text[bullet.end() :] if bullet else line.text
        if entries and entries[-1][2] and not (bullet or blank) and parse_peer(body) is None:
            entries[-1] = (f"{entries[-1][0]} {body}", entries[-1][1], True)
        else:
            entries.append((body, line, bool(bullet)))
        blank = False
    return [(body, line) for body, line, _ in entries]


def _recommendations(
    source: Source, lines: list[Line], sections: list[text.Heading], ref: ChallengeRef
) -> Iterator[Recommendation]:
    """Items under every recommendations heading. "Key ..." lists are key; a plain
    "Recommendations" list is key only when it is the report's one list, and otherwise
    sits in a section whose title becomes its group."""
    heads = [
        (i, kind)
        for i, line in enumerate(lines)
        if line.text and (kind := text.recs_heading(line.text)) is not None
    ]
    positions = {True: 0, False: 0}
    seen: set[tuple[bool, str]] = set()
    for index, kind in heads:
        is_key = kind in {"key", "main"} or (kind == "" and len(heads) == 1)
        place, section_group = _recs_place(lines, sections, index)
        group = section_group if kind == "" and not is_key else None
        for item in text.parse_items(lines, index, sections):
            if (is_key, item.text.lower()) in seen:  # a list repeated in an appendix
                continue
            seen.add((is_key, item.text.lower()))
            positions[is_key] += 1
            where = f"item {item.number}" if item.number else f"bullet {positions[is_key]}"
            yield Recommendation(
                ref,
                item.text,
                is_key,
                text.prov(source, item.line, f"{place}, {where}"),
                number=item.number,
                group=item.group or group,
                position=positions[is_key],
            )


def _recs_place(
    lines: list[Line], sections: list[text.Heading], index: int
) -> tuple[str, str | None]:
    """Where a recommendations heading is, and the title of the section around an unnumbered one."""
    number, title = text.split_heading(lines[index].text)
    if number:
        return f"section {number} '{title}'", None
    enclosing = text.section_at(sections, index)
    if enclosing is None:
        return f"'{title}'", None
    return f"{enclosing.label()}, '{title}'", enclosing.title

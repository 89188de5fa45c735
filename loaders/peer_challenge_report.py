"""Loader for LGA peer challenge feedback reports (corporate peer challenges, finance peer
reviews, service peer challenges and progress reviews, 2012 to now)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from councilgraph.errors import LoaderError
from councilgraph.settings import Settings
from loaders import _peer_challenge_text as text
from loaders._peer_challenge_team import LGA, Peer, is_person, org_ref, parse_peer
from loaders.base import document_record
from loaders.dates import add_years, parse_date, parse_month, parse_range
from loaders.records import (
    ChallengeRef, Figure, Membership, Organisation, OrgRef, PeerChallenge, PersonRef,
    Partnership, Provenance, Record, Recommendation,
)
from loaders.source import Line, Source, read_source

GENRE = "peer-challenge-report"

# Most specific first: a "Corporate Peer Challenge Progress Review" is a progress review.
_TYPES = (
    (r"progress review", "progress-review"),
    (r"follow[- ]up (?:visit|review|report)", "follow-up-visit"),
    (r"financ\w* peer (?:review|challenge)", "finance-peer-review"),
    (r"planning (?:advisory service )?peer (?:challenge|review)", "planning-peer-challenge"),
    (r"children'?s (?:services |safeguarding )*peer (?:challenge|review)", "childrens-services-peer-challenge"),
    (r"adults?'? (?:social care |services )*peer (?:challenge|review)", "adults-services-peer-challenge"),
    (r"corporate peer challenge", "corporate-peer-challenge"),
)
_TYPE_PHRASE = re.compile(
    r"^(?:LGA\s+)?(?:(?:corporate|finance|financial|planning|children'?s|adults?'?|adult social care|"
    r"services|safeguarding)\s+)*peer (?:challenge|review)(?:\s*[–—-]?\s*(?:progress review|follow[- ]up visit))?"
    r"|^(?:CPC\s+)?progress review",
    re.IGNORECASE,
)
_FEEDBACK = re.compile(r"^feedback report$", re.IGNORECASE)
_PUBLISHED = re.compile(r"(?:published|date of report|report date|date of publication)\s*:?\s*(.+)", re.I)
_TEAM_TRIGGER = re.compile(
    r"(?:peers?|team members?|members of the (?:peer )?team) (?:who|that) (?:delivered|undertook|carried"
    r" out|conducted|took part)|peer team (?:was|were|is|are|comprised|consisted|included)|the team "
    r"(?:was|were|comprised|consisted)|on behalf of the (?:peer )?team|\bby:$",
    re.IGNORECASE,
)
_TEAM_HEADING = re.compile(r"^(?:[\d.]+\s+)?(?:the )?(?:peer |review )?team(?: members)?:?$", re.I)
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "twelve": 12, "eighteen": 18, "half a": 0.5}
_NUM = r"(?P<v>\d+(?:\.\d+)?|" + "|".join(_WORDS) + r")"
_ABOUT = r"(?:more than |over |around |approximately |about |nearly |almost |some )?"
_FIGURES = (
    ("days-on-site", "days", rf"{_NUM}\s+(?:full\s+|working\s+)?days?\s+(?:on[- ]?site|on site)"),
    ("people-spoken-to", "people", rf"(?:spoke|spoken|talked|speaking)\s+(?:to|with)\s+{_ABOUT}{_NUM}\s+(?:\w+\s+)?people"),
    ("meetings", "meetings", rf"(?:gathered|evidence|information)[^.]{{0,60}}?\b{_ABOUT}{_NUM}\s+(?:\w+\s+)?meetings"),
    ("hours", "hours", rf"spent\s+{_ABOUT}{_NUM}\s+hours"),
    ("person-weeks", "weeks", rf"one person spending\s+{_ABOUT}{_NUM}\s+(?:working\s+)?weeks"),
)
_ADVISER = (
    re.compile(r"(?P<name>[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+){1,2}),?\s+\(?(?:is\s+)?(?:the\s+|your\s+)?"
               r"(?:LGA(?:'s)?\s+)?(?P<role>Principal\s+Advis[eo]r)"),
    re.compile(r"(?P<role>Principal\s+Advis[eo]r)(?:\s+for\s+(?:the\s+)?[A-Z][\w ]+?)?,?\s+(?:is\s+)?"
               r"(?P<name>[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+){1,2})"),
)
_WITHIN = re.compile(r"within\s+(?:the\s+next\s+)?(?:(?:\w+)\s+(?:to|or|-)\s+)?" + _NUM + r"\s+(?P<unit>years?|months?)", re.I)
_BEFORE = re.compile(r"\bbefore\s+(?:(?P<month>[A-Z][a-z]+)\s+)?(?P<year>\d{4})\b")
_BY_YEAR = re.compile(r"\bby\s+(?:the\s+end\s+of\s+)?(?P<year>\d{4})\b")
_RELIANCE = re.compile(
    r"relian(?:t|ce)\s+(?:up)?on\s+(?:\w+\s+)?(?:individual|personal)\s+relationships|relian(?:t|ce)\s+"
    r"(?:up)?on\s+(?:key\s+)?individuals|depend\w*\s+(?:heavily\s+)?(?:up)?on\s+(?:key\s+)?(?:individuals|"
    r"individual relationships|personal relationships)|rel(?:y|ies|ying)\s+(?:heavily\s+|too\s+much\s+)?"
    r"(?:up)?on\s+(?:key\s+|a few\s+)?(?:individuals|personal relationships|individual relationships)"
    r"|personality[- ](?:driven|dependent)",
    re.IGNORECASE,
)
_PARTNERS = (
    (r"Clinical Commissioning Groups?|\bCCGs?\b", "Clinical Commissioning Group", True),
    (r"(?:local )?health (?:and care )?system|\bNHS\b|health partners", "health system", True),
    (r"voluntary (?:and community )?sector|\bVCS\b|third sector", "voluntary sector", False),
    (r"business(?:es)?(?: community)?\b", "business community", False),
)


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
    head = [line.text for line in source.nonblank()[:12]]
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
    if any(re.search(r"agenda|meeting of|report of|minutes", t, re.I) for t in head):
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
    yield Organisation(head.council, _prov(source, head.council_line, "title page"))
    figures = tuple(_figures(source, lines, sections, ref))
    team = list(_team(source, lines, sections, ref))
    adviser = _adviser(source, lines, sections)
    yield _challenge(source, lines, sections, head, ref, figures, adviser)
    yield from figures
    yield from team
    if adviser:
        yield adviser
    yield from _recommendations(source, lines, sections, ref)
    yield from _partnerships(source, lines, sections, head.council)


def _prov(source: Source, line: Line, location: str) -> Provenance:
    return Provenance(source.key, location, line=line.number, page=line.page)


def _place(sections: list[text.Heading], index: int) -> str:
    """"section 4 'Summary of the approach', 'The peer team'" for a working-line index."""
    nearest = next((h for h in reversed(sections) if h.index <= index), None)
    if nearest is None:
        return "title page"
    enclosing = text.section_at(sections, index)
    if nearest.number or enclosing is None:
        return nearest.label()
    return f"{enclosing.label()}, {nearest.label()}"


def _head(source: Source, lines: list[Line]) -> _Head:
    nonblank = [line for line in lines if line.text][:15]
    type_line = next((line for line in nonblank if _TYPE_PHRASE.match(line.text)), None)
    if type_line is None:
        raise LoaderError(source.path, "title page", "no peer challenge or peer review named in the title",
                          hint="is this an LGA peer challenge feedback report?")
    found = _TYPE_PHRASE.match(type_line.text)
    assert found is not None
    rest = type_line.text[found.end():]
    council_text, council_line = _council_name(rest), type_line
    if not council_text:
        candidates = [line for line in nonblank if line.number > type_line.number]
        council_line = next((line for line in candidates if _council_name(line.text)), type_line)
        council_text = _council_name(council_line.text)
    if not council_text:
        raise LoaderError(source.path, source.where(type_line), "no council named on the title page")
    dates = _visit_dates(lines, nonblank)
    if dates is None:
        raise LoaderError(source.path, "title page", "no dates on site found",
                          hint='expected e.g. "20-23 March 2018" near the title')
    (start, end), date_line = dates
    title = f"{found.group().strip()} {council_text}"
    feedback = next((line.text for line in nonblank if _FEEDBACK.match(line.text)), None)
    head_text = " ".join(line.text for line in nonblank[:6])
    return _Head(title + (f" — {feedback}" if feedback else ""), org_ref(council_text), council_line,
                 _classify(head_text), start, end, date_line)


def _council_name(line_text: str) -> str:
    """The council named in a title-page line, without dates, dashes or "Feedback report"."""
    cleaned = re.sub(r"\d{1,2}(?:st|nd|rd|th)?\b.*\d{4}|feedback report|\bLGA\b", "", line_text, flags=re.I)
    cleaned = re.sub(r"^[\s–—:,-]*(?:of|for|at)?\s+|[\s–—:,-]+$", "", " " + cleaned).strip()
    if not cleaned or _TYPE_PHRASE.match(cleaned) or len(cleaned.split()) > 9:
        return ""
    return cleaned if cleaned[0].isupper() and parse_month(line_text) is None else ""


def _classify(head_text: str) -> str:
    lower = head_text.lower()
    return next((notation for pattern, notation in _TYPES if re.search(pattern, lower)), "corporate-peer-challenge")


def _visit_dates(lines: list[Line], head: list[Line]) -> tuple[tuple[date, date], Line] | None:
    for line in head:
        days = parse_range(line.text)
        if days:
            return days, line
    for line in lines:
        if re.search(r"on[- ]?site|visit", line.text, re.I) and parse_range(line.text):
            return parse_range(line.text), line  # type: ignore[return-value]
    for line in head:
        day = parse_date(line.text)
        if day:
            return (day, day), line
    return None


def _published(lines: list[Line]) -> date | None:
    for line in lines[:60]:
        found = _PUBLISHED.search(line.text)
        if found and parse_date(found[1]):
            return parse_date(found[1])
    return None


def _challenge(
    source: Source, lines: list[Line], sections: list[text.Heading], head: _Head, ref: ChallengeRef,
    figures: tuple[Figure, ...], adviser: Membership | None,
) -> PeerChallenge:
    follow_up = None
    if head.challenge_type not in {"progress-review", "follow-up-visit"}:
        follow_up = _deadline(lines, r"follow[- ]?up|progress review", head.end, _WITHIN)
    return PeerChallenge(
        ref=ref, provenance=_prov(source, head.date_line, "title page"), start=head.start, end=head.end,
        reported_in=source.key, follow_up_of=_follow_up_of(lines, head),
        follow_up_due_by=follow_up,
        next_challenge_by=_deadline(lines, r"next (?:corporate )?peer (?:challenge|review)|next CPC", head.end, None),
        scope=tuple(_scope(lines, sections)), figures=figures,
        principal_adviser=adviser.person if adviser else None,
    )


def _deadline(lines: list[Line], topic: str, end: date, only: re.Pattern[str] | None) -> date | None:
    """A date a paragraph about `topic` sets: "within the next 2 years", "before 2022"."""
    for _, para in text.paragraphs(lines):
        body = para.text
        if not re.search(topic, body, re.I):
            continue
        within = _WITHIN.search(body)
        if within:
            count = _WORDS.get(within["v"].lower()) or float(within["v"])
            if within["unit"].startswith("year"):
                return add_years(end, int(count))
            return _add_months(end, int(count))
        if only is not None:
            continue
        before = _BEFORE.search(body)
        if before:
            month = parse_month(f"{before['month']} {before['year']}") if before["month"] else None
            first = date(month[0], month[1], 1) if month else date(int(before["year"]), 1, 1)
            return first - timedelta(days=1)
        by_year = _BY_YEAR.search(body)
        if by_year:
            return date(int(by_year["year"]), 12, 31)
    return None


def _add_months(day: date, months: int) -> date:
    years, month = divmod(day.month - 1 + months, 12)
    target = date(day.year + years, month + 1, 1)
    return min(target.replace(day=min(day.day, 28)) + timedelta(days=max(0, day.day - 28)),
               (target.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1))


def _follow_up_of(lines: list[Line], head: _Head) -> ChallengeRef | None:
    """For a progress review: the challenge it follows ("undertook a CPC in March 2022")."""
    if head.challenge_type not in {"progress-review", "follow-up-visit"}:
        return None
    for _, para in text.paragraphs(lines):
        for _, sentence in text.sentences(para.text):
            if not re.search(r"corporate peer challenge|\bCPC\b|peer challenge|peer review", sentence, re.I):
                continue
            if not re.search(r"undert\w+|took place|carried out|held|received|had|during", sentence):
                continue
            when = parse_month(sentence)
            if when and date(when[0], when[1], 1) < head.start:
                kind = _classify(re.sub(r"progress review|follow[- ]up", "", sentence, flags=re.I))
                return ChallengeRef(head.council, when[0], when[1], kind)
    return None


def _scope(lines: list[Line], sections: list[text.Heading]) -> Iterator[str]:
    """Core component questions and the council's own questions, in order."""
    start = next((i for i, line in enumerate(lines) if re.search(
        r"^(?:[\d.]+\s+)?scope and focus|considered the following", line.text, re.I)), None)
    if start is None:
        return
    stop = next((h.index for h in sections if h.index > start and not
                 re.search(r"scope|focus", h.title, re.I)), len(lines))
    extra = False
    for block in _blocks(lines[start + 1: stop]):
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
        if not line.text or starts:
            if current:
                yield current
            current = line.text
        else:
            current = f"{current} {line.text}".strip()
    if current:
        yield current


def _figures(source: Source, lines: list[Line], sections: list[text.Heading], ref: ChallengeRef) -> Iterator[Figure]:
    seen: set[str] = set()
    for index, para in text.paragraphs(lines):
        for measure, unit, pattern in _FIGURES:
            found = re.search(pattern, para.text, re.IGNORECASE)
            if measure in seen or not found:
                continue
            seen.add(measure)
            value = _WORDS.get(found["v"].lower()) or float(found["v"])
            line = para.line_at(found.start("v"))
            yield Figure(measure, float(value), _prov(source, line, _place(sections, index)),
                         unit=unit, label=found.group(0), about=ref)


def _team(source: Source, lines: list[Line], sections: list[text.Heading], ref: ChallengeRef) -> Iterator[Membership]:
    seen: set[str] = set()
    for index, line in enumerate(lines):
        if not (_TEAM_HEADING.match(line.text) or (line.text.endswith(":") and _TEAM_TRIGGER.search(line.text))):
            continue
        place = _place(sections, index)
        for position, (peer, at) in enumerate(_team_list(lines, index + 1), start=1):
            if peer.person.name.lower() in seen:
                continue
            seen.add(peer.person.name.lower())
            prov = _prov(source, at, f"{place}, bullet {position}")
            yield Membership(peer.person, ref, peer.team_role, prov)
            for post, org in peer.posts:
                yield Membership(peer.person, org, post, prov)


def _team_list(lines: list[Line], start: int) -> Iterator[tuple[Peer, Line]]:
    """Peer entries after a team heading or "The peers ... were:"; wrapped bullets joined."""
    entries: list[tuple[str, Line, bool]] = []
    blank = False
    for line in lines[start: start + 80]:
        if not line.text:
            blank = True
            continue
        bullet = text.BULLET.match(line.text)
        body = line.text[bullet.end():] if bullet else line.text
        if entries and entries[-1][2] and not bullet and not blank and parse_peer(body) is None:
            entries[-1] = (f"{entries[-1][0]} {body}", entries[-1][1], True)
        else:
            entries.append((body, line, bool(bullet)))
        blank = False
    found, label = 0, None
    for body, line, _ in entries:
        peer = parse_peer(body) if len(body) < 200 else None
        if peer is None and re.fullmatch(r"(?:lead|member|officer) peers?:?", body, re.I):
            label = body.rstrip(":s").title()
            continue
        if peer is None:
            if found or len([e for e in entries[:entries.index((body, line, _)) + 1]]) > 5:
                return
            continue
        found += 1
        yield (replace(peer, team_role=label) if label and peer.team_role == "Peer" else peer), line


def _adviser(source: Source, lines: list[Line], sections: list[text.Heading]) -> Membership | None:
    for index, para in text.paragraphs(lines):
        for pattern in _ADVISER:
            for found in pattern.finditer(para.text):
                if is_person(found["name"]):
                    line = para.line_at(found.start("name"))
                    role = re.sub(r"\s+", " ", found["role"])
                    return Membership(PersonRef(found["name"]), LGA, role,
                                      _prov(source, line, _place(sections, index)))
    return None


def _recommendations(source: Source, lines: list[Line], sections: list[text.Heading], ref: ChallengeRef) -> Iterator[Recommendation]:
    heads = [(i, kind) for i, line in enumerate(lines) if line.text and (kind := text.recs_heading(line.text)) is not None]
    only_plain = len(heads) == 1
    positions = {True: 0, False: 0}
    seen: set[tuple[bool, str]] = set()
    for index, kind in heads:
        is_key = kind in {"key", "main"} or (kind == "" and only_plain)
        number, title = text.split_heading(lines[index].text)
        enclosing = text.section_at(sections, index)
        place = f"section {number} '{title}'" if number else (
            f"{enclosing.label()}, '{title}'" if enclosing else f"'{title}'")
        default_group = enclosing.title if kind == "" and not only_plain and enclosing and not number else None
        for item in text.parse_items(lines, index, sections):
            if (is_key, item.text.lower()) in seen:
                continue
            seen.add((is_key, item.text.lower()))
            positions[is_key] += 1
            where = f"item {item.number}" if item.number else f"bullet {positions[is_key]}"
            yield Recommendation(
                ref, item.text, is_key, _prov(source, item.line, f"{place}, {where}"),
                number=item.number, group=item.group or default_group, position=positions[is_key],
            )


def _partnerships(source: Source, lines: list[Line], sections: list[text.Heading], council: OrgRef) -> Iterator[Partnership]:
    """Where partnerships are said to rely on individuals, and the council's health partnership."""
    paras = text.paragraphs(lines)
    health_done = False
    for index, para in paras:
        section = _section_paragraphs(paras, sections, index)
        for offset, sentence in text.sentences(para.text):
            reliance = _RELIANCE.search(sentence)
            if reliance and re.search(r"partner", para.text, re.I):
                partners = _partners(" ".join(p.text for p in section), council, health_only=False)
                location = f"{_place(sections, index)}, paragraph {_paragraph_number(section, para)}"
                yield Partnership(
                    f"{council.name} partnerships", (council, *partners),
                    _prov(source, para.line_at(offset + reliance.start()), location),
                    relies_on_individuals=True, statement=sentence,
                )
            elif not health_done and _is_health_partnership(sentence):
                health_done = True
                partners = _partners(" ".join(p.text for p in section), council, health_only=True)
                location = f"{_place(sections, index)}, paragraph {_paragraph_number(section, para)}"
                yield Partnership(
                    f"{council.name} and health partners", (council, *partners),
                    _prov(source, para.line_at(offset), location),
                    subject="health and care", statement=sentence,
                )


def _is_health_partnership(sentence: str) -> bool:
    return bool(
        re.search(r"Clinical Commissioning Group|\bCCGs?\b|health (?:and care )?system|health partners", sentence)
        and re.search(r"partnership|joint working|relationship|integrat|collectively", sentence, re.I)
    )


def _section_paragraphs(paras: list[tuple[int, text.Paragraph]], sections: list[text.Heading], index: int) -> list[text.Paragraph]:
    """The paragraphs of the numbered section holding working-line `index`."""
    numbered = [h.index for h in sections if h.number]
    start = max((i for i in numbered if i <= index), default=0)
    stop = min((i for i in numbered if i > index), default=10**9)
    return [p for i, p in paras if start < i < stop or (start == 0 and i < stop)]


def _paragraph_number(section: list[text.Paragraph], para: text.Paragraph) -> int:
    return next((n for n, p in enumerate(section, start=1) if p is para), 1)


def _partners(section_text: str, council: OrgRef, *, health_only: bool) -> list[OrgRef]:
    """The partners a section names, as "<place> <kind of partner>" organisations."""
    place = _place_name(council.name)
    return [
        OrgRef(f"{place} {label}", "organisation")
        for pattern, label, health in _PARTNERS
        if (health or not health_only) and re.search(pattern, section_text, re.I if not health else 0)
    ]


def _place_name(council: str) -> str:
    """"London Borough of Islington" -> "Islington"; "Mid Suffolk District Council" -> "Mid Suffolk"."""
    name = re.sub(r"^(?:the\s+)?(?:London Borough of|Royal Borough of|LB|RB|Borough of|City of|County of)\s+", "", council)
    name = re.sub(r"\s+(?:Metropolitan\s+)?(?:City|County|District|Borough)?\s*Council$", "", name)
    return name.strip() or council

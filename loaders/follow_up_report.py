"""Loader for council committee reports that follow up an LGA peer challenge: the meeting,
the challenge and its key recommendations, the council's actions, a planned follow-up visit,
options put to the meeting, and the boards and interventions the report names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from councilgraph.errors import LoaderError
from councilgraph.settings import Settings
from loaders import _follow_up_challenge as challenges
from loaders import _follow_up_parts as parts
from loaders import _follow_up_text as layout
from loaders.base import document_record
from loaders.dates import parse_date
from loaders.names import looks_like_name, split_honorific
from loaders.records import (
    Action,
    ChallengeRef,
    Meeting,
    Membership,
    OrgRef,
    PersonRef,
    Provenance,
    RecommendationRef,
    Record,
)
from loaders.source import Line, Source, read_source

GENRE = "follow-up-report"

_COMMITTEE_MARKS = (
    r"report (?:of|to|by|author)\s*:",
    r"agenda item",
    r"wards?(?:\(s\))? affected",
    r"lead member",
    r"classification\s*:",
    r"is (?:recommended|asked) to",
    r"officer contact|contact officer",
    r"comments of the chief finance|financial implications",
    r"legal (?:implications|services)",
    r"background (?:papers|documents)",
    r"cabinet member|portfolio holder",
)
# Header fields only a council's committee report carries.
_COUNCIL_HEADER = re.compile(
    r"report (?:of|author)\s*:|lead member\s*:|wards?(?:\(s\))? affected|agenda item"
)
_FOLLOW_MARKS = re.compile(
    r"follow[- ]?up (?:visit|review)|progress review|action plan|improvement plan|"
    r"response to the (?:lga|peer)|recommendations of the (?:lga|peer)",
    re.IGNORECASE,
)
# Words that start or make up a post ("Divisional Director ..."), never a person's name.
_POST_WORDS = frozenset(
    re.findall(
        r"\S+",
        """Director Divisional Corporate Chief Head Assistant Deputy Executive Strategic Interim
        Acting Service Services Programme Senior Lead Leader Mayor Cabinet Manager Officer
        Monitoring Principal Policy Strategy Member Portfolio Section Team Democratic Finance
        Borough City County Joint Group Partnership Performance Improvement Transformation
        Governance Business Operations Treasurer Solicitor Secretary Commissioner Adviser Advisor
        Analyst Coordinator Co-ordinator Clerk Resources Legal People Place""",
    )
)
_CONTACT_INTRO = re.compile(
    r"(?:^contacts?|officer contact(?: details)?|contact officers?|report contacts?|"
    r"contact details)"
    r"(?: for (?:documents|this report|enquiries))?\s*:\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_DEM_SERVICES = re.compile(
    r"(?P<a>[A-Z][\w'-]+(?: [A-Z][\w'-]+){1,3}),? (?:[–-] )?Democratic Services\b|"
    r"Democratic Services (?:Officer|contact)\s*:\s*(?P<b>[A-Z][\w'-]+(?: [A-Z][\w'-]+){1,3})"
)


def detect(source: Source) -> float:
    """How surely this is a council's committee report following up a peer challenge (0..1)."""
    text = source.text()[:40000].lower()
    if "peer challenge" not in text and "peer review" not in text:
        return 0.0
    head = " ".join(line.text for line in source.nonblank()[:12]).lower()
    committee = sum(bool(re.search(mark, text)) for mark in _COMMITTEE_MARKS)
    council_header = bool(_COUNCIL_HEADER.search(text))
    score = 0.15 + 0.1 * min(committee, 4) + (0.15 if council_header else 0.0)
    score += 0.2 if _FOLLOW_MARKS.search(text) else 0.0
    score += (
        0.1 if re.search(r"key recommendations|recommendations (?:of|from|in) the", text) else 0.0
    )
    if ("feedback report" in head or "peer challenge manager" in text) and committee < 3:
        score *= 0.2  # the LGA's own feedback or progress review report, not a council's paper
    if not council_header and (
        "london councils" in head or re.search(r"purpose of report|local\.gov\.uk", text)
    ):
        score *= 0.4  # London Councils or LGA board papers
    return round(min(score, 1.0), 3)


@dataclass(frozen=True)
class _Context:
    source: Source
    lines: list[Line]
    blocks: list[layout.Block]
    council: OrgRef
    fields: dict[str, tuple[str, Line]]

    def prov(self, location: str, line: Line) -> Provenance:
        return Provenance(self.source.key, location, line=line.number, page=line.page)


def load(path: Path, *, settings: Settings) -> Iterator[Record]:
    """Read one follow-up committee report; the DocumentRecord first, then everything else."""
    del settings  # nothing configurable here
    source = read_source(path)
    lines = layout.working_lines(source)
    fields = layout.header_fields(lines)
    found = parts.council(lines)
    if found is None:
        raise LoaderError(
            path,
            "whole document",
            "cannot tell which council this report is from",
            hint="the report should say 'X Council' or 'London Borough of X'",
        )
    council, council_line = found
    context = _Context(source, lines, layout.blocks(lines), council, fields)
    meeting_date = _meeting_date(context)
    title = fields["title"][0] if "title" in fields else parts.fallback_title(lines, source)
    yield document_record(source, genre=GENRE, title=title, date=meeting_date, publisher=council)
    organisations = parts.organisations(context.blocks, context.prov)
    yield parts.council_record(
        source, council, context.prov(_line_place(context, council_line), council_line)
    )
    body = parts.meeting_body(lines, fields, council, organisations, context.prov)
    yield from organisations.values()
    if body is not None and body.ref.name not in {key.name for key in organisations}:
        yield body
    yield from _meeting(context, body.ref if body else None, meeting_date, title)
    blocks, prov = context.blocks, context.prov
    main = challenges.main_challenge(blocks, council, prov, title)
    if main is not None:
        yield main
        yield from challenges.key_recommendations(blocks, main.ref, prov)
        yield from _action_records(blocks, layout.tables(lines), main.ref, prov)
        yield from challenges.follow_up(blocks, main, prov)
    yield from challenges.reviews(blocks, council, main.ref if main else None, prov)
    yield from challenges.options(blocks, prov)
    yield from parts.interventions(blocks, council, organisations, prov)


def _line_place(context: _Context, line: Line) -> str:
    block = next(
        (block for block in reversed(context.blocks) if block.line.number <= line.number), None
    )
    return layout.place(block) if block else "report header"


def _meeting_date(context: _Context) -> date | None:
    if "date" in context.fields and (found := parse_date(context.fields["date"][0])):
        return found
    header = [line for line in context.lines if line.text][:30]
    weekday = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
    for line in [line for line in header if weekday.search(line.text)] + header:
        if found := parse_date(line.text):
            return found
    return None


def _meeting(
    context: _Context, body: OrgRef | None, when: date | None, title: str
) -> Iterator[Record]:
    """The Meeting, and the posts of the author, lead member and contacts at the council."""
    author, post = _header_person(context, "author")
    member, member_post = _header_person(context, "lead_member")
    stated = [(author, post, "author"), (member, member_post, "lead_member")]
    for person, role, field in stated:
        if person and role:
            where = "report header, " + ("'Report of'" if field == "author" else "'Lead Member'")
            yield Membership(
                person, context.council, role, context.prov(where, context.fields[field][1])
            )
    contacts: list[PersonRef] = []
    for person, person_post, line in _contacts(context):
        if person.name in {known.name for known in contacts}:
            continue
        contacts.append(person)
        if person_post and (person, person_post) not in {(author, post), (member, member_post)}:
            yield Membership(
                person, context.council, person_post, context.prov("contact details", line)
            )
    if body is None or when is None:
        return
    first = context.fields.get("author", context.fields.get("title", ("", context.lines[0])))[1]
    yield Meeting(
        body,
        when,
        context.prov("report header", first),
        item=_agenda_item(context),
        title=title,
        author=author,
        author_post=post,
        contacts=tuple(contacts),
    )


def _header_person(context: _Context, field: str) -> tuple[PersonRef | None, str | None]:
    return _person_and_post(context.fields[field][0]) if field in context.fields else (None, None)


def _agenda_item(context: _Context) -> str | None:
    if "item" in context.fields:
        found = re.match(r"\d+(?:\s*\.\s*\d+)*[a-z]?", context.fields["item"][0])
        if found:
            return re.sub(r"\s+", "", found[0])
    for line in context.lines[:60]:
        if found := re.search(
            r"\b(?:agenda )?item\s+(?:no\.?\s*)?(\d+(?:\s?\.\s?\d+)*[a-z]?)\b",
            line.text,
            re.IGNORECASE,
        ):
            return re.sub(r"\s+", "", found[1])
    return None


def _contacts(context: _Context) -> Iterator[tuple[PersonRef, str | None, Line]]:
    """Officer contacts (after "Officer contact details:") and the Democratic Services contact."""
    lines = context.lines
    for index, line in enumerate(lines):
        found = _CONTACT_INTRO.search(line.text)
        if not found:
            continue
        candidates = [(found["rest"], line)] if found["rest"] else []
        candidates += [(later.text, later) for later in lines[index + 1 : index + 12] if later.text]
        for text, where in candidates:
            person, post = _person_and_post(
                re.split(r"\s+(?:tel|e-?mail|phone)\b", text, flags=re.I)[0]
            )
            if person is None:
                break
            yield person, post, where
    for line in lines:
        if found := _DEM_SERVICES.search(line.text):
            yield split_honorific(found["a"] or found["b"]), None, line


def _person_and_post(value: str) -> tuple[PersonRef | None, str | None]:
    """ "Sharon Godman Divisional Director Strategy, Policy and Performance" -> the person and
    the post; posts may come before the name ("Chief Executive, Jane Smith") or stand alone."""
    value = re.sub(
        r"\S+@\S+|\b(?:tel|telephone|phone|e-?mail)\b:?|[\d ]{8,}", " ", value, flags=re.I
    )
    value = re.sub(r"\s+", " ", value).strip(" ,;–-")
    if not value:
        return None, None
    chunks = re.split(r"\s*(?:,|–|—|\s-\s|\(|\))\s*", value)
    first, last = chunks[0], chunks[-1]
    if looks_like_name(first) and not _has_post_word(first):
        return split_honorific(first), _tidy_post(value[len(first) :])
    if len(chunks) > 1 and looks_like_name(last) and not _has_post_word(last):
        return split_honorific(last), _tidy_post(value[: value.rfind(last)])
    return _name_then_post(value)


def _tidy_post(text: str) -> str | None:
    """ " (Section 151 Officer)" -> "Section 151 Officer"; brackets kept when inside the post."""
    text = text.strip(" ,;–—-")
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1]
    text = text.lstrip("(").strip() if text.count("(") > text.count(")") else text
    text = text.rstrip(")").strip() if text.count(")") > text.count("(") else text
    return text or None


def _name_then_post(value: str) -> tuple[PersonRef | None, str | None]:
    words = value.split()
    taken = 0
    while taken < len(words) and (
        split_honorific(words[taken]).honorific or words[taken] == "Cllr"
    ):
        taken += 1
    start = taken
    while (
        taken < len(words)
        and taken - start < 4
        and re.match(r"[A-Z][\w'-]*$", words[taken])
        and (words[taken] not in _POST_WORDS)
    ):
        taken += 1
    name = " ".join(words[:taken])
    if (
        taken - start >= 2
        and taken < len(words)
        and words[taken] in _POST_WORDS
        and looks_like_name(name)
    ):
        return split_honorific(name), " ".join(words[taken:]).strip(" ,")
    if looks_like_name(value) and not _has_post_word(value):
        return split_honorific(value), None
    return None, value if _has_post_word(value) else None


def _has_post_word(text: str) -> bool:
    return any(word in _POST_WORDS for word in re.findall(r"[A-Za-z][\w-]*", text))


def _action_records(
    blocks: list[layout.Block],
    tables: list[layout.Table],
    challenge: ChallengeRef,
    prov: parts.Prov,
) -> Iterator[Action]:
    """Actions as "[action 1] Topic – 'quoted text' (p10)" lines, and rows of action-plan tables."""
    for block in blocks:
        if block.kind == "action" and block.number:
            yield _inline_action(block, challenge, prov)
    for table in tables:
        yield from _table_actions(table, challenge, prov)


def _inline_action(block: layout.Block, challenge: ChallengeRef, prov: parts.Prov) -> Action:
    text = block.text.strip()
    status = re.search(r"\bstatus\s*:\s*(?P<status>[^.;]+)\.?$", text, re.IGNORECASE)
    if status:
        text = text[: status.start()].strip(" ;,–-")
    page = re.search(r"\((p+\.?\s?\d+(?:\s?[-–]\s?\d+)?|page \d+)\)\s*\.?$", text, re.IGNORECASE)
    if page:
        text = text[: page.start()].strip()
    topic = None
    split = re.match(r"(?P<topic>[A-Z][^'\"–—]{1,40}?)\s+[–—-]\s+(?P<rest>['\"].*)$", text)
    if split and len(split["topic"].split()) <= 5:
        topic, text = split["topic"].strip(), split["rest"]
    text = text.strip().strip("'\"").strip()
    where = ", ".join(
        part
        for part in (
            block.appendix,
            f"under '{block.heading}'"
            if block.heading != block.appendix and block.heading
            else None,
            f"action {block.number}",
        )
        if part
    )
    return Action(
        text=text,
        provenance=prov(where, block.line),
        responds_to=challenge,
        status=parts.status(status["status"]) if status else None,
        number=block.number,
        page_reference=page[1].replace(" ", "") if page else None,
        topic=topic,
    )


def _table_actions(
    table: layout.Table, challenge: ChallengeRef, prov: parts.Prov
) -> Iterator[Action]:
    def column(pattern: str) -> int | None:
        return next((i for i, name in enumerate(table.header) if re.search(pattern, name)), None)

    action, status = column(r"action|response"), column(r"status|progress|rag")
    if action is None or status is None:
        return
    recommendation = column(r"recommendation|finding|area")
    number = column(r"^(?:no\.?|ref\.?|#|number)$")
    for position, (row, line) in enumerate(table.rows, start=1):
        rec_number, rec_text = (
            parts.numbered(row[recommendation]) if recommendation is not None else (None, None)
        )
        if number is not None and row[number]:
            rec_number = row[number].rstrip(".")
        if not row[action]:
            continue
        responds: RecommendationRef | ChallengeRef = (
            RecommendationRef(challenge, number=rec_number, text=rec_text)
            if rec_number or rec_text
            else challenge
        )
        yield Action(
            text=row[action],
            provenance=prov(f"action plan table, row {position}", line),
            responds_to=responds,
            status=parts.status(row[status]),
            number=rec_number,
        )

"""Loader for London Councils committee papers (Leaders' Committee, Executive, Transport and
Environment Committee ...): the meeting, bodies and posts, the Lead Chief Executive
commission model and named commissions, reviews, and lists defined in appendices."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from councilgraph.settings import Settings
from loaders import _committee_paper_text as txt
from loaders._committee_paper_text import PERSON, Block
from loaders.base import document_record
from loaders.dates import add_years, month_number, parse_date, parse_month
from loaders.records import (
    CommissionModel, Concept, Meeting, Membership, Organisation, OrgRef, Partnership,
    PersonRef, Provenance, Record, Review,
)
from loaders.source import Source, read_source

GENRE = "london-councils-paper"

_LC = OrgRef("London Councils", "organisation")
_LGA = OrgRef("Local Government Association", "organisation")
_CELC = OrgRef("Chief Executives London Committee", "committee")
_LEADERS = OrgRef("Leaders' Committee", "committee")
_EXECUTIVE = OrgRef("London Councils Executive", "committee")
_ROLE = "Lead Chief Executive"

# Bodies these papers name, as (pattern, canonical ref, part of). The canonical name is the
# one the graph should prefer; every other spelling found is kept as an alias.
_BODIES: list[tuple[str, OrgRef, OrgRef | None]] = [
    (r"London Councils(?!'? Executive| Challenge)", _LC, None),
    (r"Leaders'? Committee", _LEADERS, _LC),
    (r"London Councils'? Executive", _EXECUTIVE, _LC),
    (r"(?:London Councils'? )?Transport and Environment Committee|\bTEC\b",
     OrgRef("Transport and Environment Committee", "committee"), _LC),
    (r"(?:London Councils'? )?Grants Committee", OrgRef("Grants Committee", "committee"), _LC),
    (r"Chief Executives'? London Committee|\bCELC\b(?! Steering)", _CELC, None),
    (r"CELC Steering Group", OrgRef("CELC Steering Group", "group"), _CELC),
    (r"(?:London )?Self[- ]Improvement Board", OrgRef("Self-Improvement Board", "board"), None),
    (r"(?:LGA'?s? )?Independent Advisory Board",
     OrgRef("LGA Independent Advisory Board", "board"), _LGA),
    (r"LGA Improvement Board", OrgRef("LGA Improvement Board", "board"), _LGA),
    (r"Local Government Association|\bLGA\b(?!'?s? (?:Independent|Improvement))", _LGA, None),
    (r"\bSOLACE\b", OrgRef("SOLACE", "organisation"), None),
    (r"Association of London Directors of Children's Services",
     OrgRef("Association of London Directors of Children's Services", "organisation"), None),
    (r"Association of Directors of Adult Social Services in London",
     OrgRef("Association of Directors of Adult Social Services in London", "organisation"), None),
    (r"Society of London Treasurers", OrgRef("Society of London Treasurers", "organisation"), None),
]

# Short labels for policy areas that papers describe in a sentence rather than name.
_POLICY_AREAS: list[tuple[str, str]] = [
    (r"integrated health and care|health and (?:social )?care integration", "integrated health and care"),
    (r"\bskills\b.*\bemployment\b|\bemployment\b.*\bskills\b", "skills and employment"),
    (r"business rates? retention", "business rate retention"),
    (r"\bhealth and (?:social )?care\b", "health and care"),
    (r"homelessness", "homelessness"),
    (r"\bhousing\b", "housing"),
    (r"air quality", "air quality"),
    (r"climate (?:change|emergency)", "climate change"),
    (r"\bdevolution\b", "devolution"),
    (r"children's services|\bchildren\b", "children's services"),
    (r"adult social care", "adult social care"),
    (r"crime|public protection", "crime and public protection"),
    (r"\btransport\b", "transport"),
]

_BODY_LINE = re.compile(
    r"^(?:London Councils'?\s+)?(?P<body>Leaders'? Committee|Executive(?: Sub-Committee)?|"
    r"[A-Z][\w,' ]*?(?:Committee|Forum|Board))$"
)
_NUMBER_WORDS = {"six": 6, "twelve": 12, "eighteen": 18, "twenty-four": 24, "three": 3, "nine": 9}


def detect(source: Source) -> float:
    """How sure we are that this is a London Councils committee paper."""
    head = "\n".join(line.text for line in source.lines[:40])
    text = source.text()
    score = 0.0
    if re.search(r"^Item no:?\s*\w+|\bItem no:", head, re.IGNORECASE | re.MULTILINE):
        score += 0.3
    if "Report by:" in head and re.search(r"Job title:", head):
        score += 0.2
    if "londoncouncils.gov.uk" in text:
        score += 0.2
    if text.count("London Councils") >= 2:
        score += 0.2
    if re.search(r"^(?:London Councils'? )?(?:Leaders'? Committee|Executive|Transport and Environment"
                 r" Committee|Grants Committee)\b", head, re.MULTILINE):
        score += 0.1
    if "London Councils" not in text:
        score = min(score, 0.2)
    return min(score, 1.0)


def load(path: Path, *, settings: Settings) -> Iterator[Record]:
    """Read one London Councils paper; the DocumentRecord first, then everything else."""
    source = read_source(path)
    header = _Header(source)
    yield document_record(source, genre=GENRE, title=header.title, date=header.date, publisher=_LC)
    blocks = txt.blocks(source, header.end)
    yield from _meeting(source, header)
    yield from _organisations(source, header, blocks)
    memberships = list(_header_memberships(source, header)) + list(_named_posts(source, blocks))
    yield from memberships
    yield from _reviews(source, blocks)
    yield from _commission_model(source, blocks)
    yield from _commissions(source, blocks, header)
    yield from _appendix_concepts(source, blocks)
    yield from _partnerships(source, blocks)


class _Header:
    """The paper's header: body, title, item, author, date, contact officer."""

    def __init__(self, source: Source) -> None:
        self.body: str | None = None
        self.title_parts: list[str] = []
        self.item: str | None = None
        self.author: PersonRef | None = None
        self.author_post: str | None = None
        self.date = None
        self.contacts: list[PersonRef] = []
        self.end = 0
        self.line = source.lines[0]
        for index, line in enumerate(source.lines[:60]):
            if re.match(r"^(?:1\.?\s+\S|Introduction$|Background$)", line.text):
                self.end = index
                break
            self._read(line.text, line)
        self.title = " ".join(self.title_parts) or source.path.stem

    def _read(self, text: str, line: object) -> None:
        found = re.search(r"\bItem no:?\s*(?P<item>\w+)", text, re.IGNORECASE)
        if found:
            self.item = found["item"]
            if not self.title_parts and text[: found.start()].strip():
                self.title_parts.append(text[: found.start()].strip())
            return
        if m := re.match(r"^Report by:\s*(?P<who>.+?)(?:\s+Job title:\s*(?P<post>.+))?$", text):
            self.author = txt.person(m["who"])
            self.author_post = m["post"] or self.author_post
        elif m := re.match(r"^Job title:\s*(?P<post>.+)$", text):
            self.author_post = m["post"]
        elif m := re.match(r"^Date:\s*(?P<d>.+)$", text):
            self.date = parse_date(m["d"])
        elif m := re.match(r"^Contact Officers?:\s*(?P<who>.+)$", text, re.IGNORECASE):
            self.contacts += [p for p in map(txt.person, re.split(r",| and ", m["who"])) if p]
        elif text and self.body is None and _BODY_LINE.match(text):
            self.body = _BODY_LINE.match(text)["body"]  # type: ignore[index]
        elif text and self.item is None and self.body is not None:
            self.title_parts.append(text)


def _body_ref(body: str) -> OrgRef:
    if re.match(r"Leaders'? Committee", body):
        return _LEADERS
    if body.startswith("Executive"):
        return _EXECUTIVE
    return _org_for(body)


def _org_for(text: str) -> OrgRef:
    """The canonical ref of a body named in `text`, or a new ref from its own words."""
    for pattern, ref, _part in _BODIES:
        if re.search(pattern, text, re.IGNORECASE):
            return ref
    name = re.sub(r"^(?:the|The)\s+", "", text.strip())
    kind = "board" if name.endswith("Board") else "committee" if name.endswith("Committee") else (
        "group" if name.endswith("Group") else "organisation")
    return OrgRef(name, kind)  # type: ignore[arg-type]


def _prov(source: Source, block: Block, *, position: int | None = None) -> Provenance:
    return txt.provenance(source, block, txt.location(block, position=position))


def _meeting(source: Source, header: _Header) -> Iterator[Record]:
    if header.body and header.date:
        where = Provenance(source.key, "header", line=_line_of(source, "Item no"))
        yield Meeting(
            _body_ref(header.body), header.date, where, item=header.item, title=header.title,
            author=header.author, author_post=header.author_post, contacts=tuple(header.contacts),
        )


def _line_of(source: Source, needle: str) -> int | None:
    return next((ln.number for ln in source.lines if needle in ln.text), None)


def _organisations(source: Source, header: _Header, blocks: list[Block]) -> Iterator[Record]:
    everything = [(header.title, None)] + [(b.text, b) for b in blocks]
    for pattern, ref, part_of in _BODIES:
        names: list[str] = []
        first: Block | None = None
        for text, block in everything:
            for found in re.finditer(pattern, text):
                names.append(found.group(0))
                first = first or block
        if ref == _EXECUTIVE and header.body and header.body.startswith("Executive"):
            names.append(ref.name)
        if not names:
            continue
        aliases = tuple(sorted({n for n in names if n != ref.name and n.upper() != n[:0]}))
        where = _prov(source, first) if first else Provenance(source.key, "header")
        acronym = re.search(rf"{re.escape(ref.name)}\s*\((?P<a>[A-Z]{{2,6}})\)", source.text())
        if acronym:
            aliases = tuple(sorted(set(aliases) | {acronym["a"]}))
        yield Organisation(ref, where, part_of=part_of, aliases=aliases)


def _header_memberships(source: Source, header: _Header) -> Iterator[Record]:
    if header.author and header.author_post:
        where = Provenance(source.key, "header, 'Report by'", line=_line_of(source, "Report by"))
        yield Membership(header.author, _LC, header.author_post, where)


_POST = r"(?:Deputy |Vice[- ])?Chair(?:man)?|Chief Executive|Vice[- ]Chair|Director|Leader"
_POST_OF = re.compile(
    rf"(?:the |The )?(?P<post>{_POST}) of (?P<org>London Councils|CELC|the [A-Z][\w' ]+?|[A-Z][\w' ]+?),"
    rf" (?P<who>{txt.HONORIFIC}\s+{txt.NAME})"
)
_CHAINED = re.compile(rf",? (?:and )?the (?P<post>{_POST}), (?P<who>{txt.HONORIFIC}\s+{txt.NAME})")
_CHAIRED = re.compile(
    rf"(?P<body>(?:[A-Z][\w']*\s+){{0,5}}(?:Board|Committee|Group|Panel)),? (?:is |was )?chaired by (?P<who>{PERSON})"
)


def _named_posts(source: Source, blocks: list[Block]) -> Iterator[Record]:
    """Posts stated in passing: "The Chair of London Councils, Councillor Kober, the Vice
    Chair, Councillor O'Neill ..." and "The LGA's Independent Advisory Board, chaired by ..."."""
    for block in blocks:
        for found in _POST_OF.finditer(block.text):
            org = _org_for(found["org"])
            who = txt.person(found["who"])
            if who:
                yield Membership(who, org, found["post"], _prov(source, block))
            for chained in _chain(block.text, found.end()):
                yield Membership(chained[1], org, chained[0], _prov(source, block))
        for found in _CHAIRED.finditer(block.text):
            who = txt.person(found["who"])
            if who:
                yield Membership(who, _org_for(found["body"]), "Chair", _prov(source, block))


def _chain(text: str, position: int) -> Iterator[tuple[str, PersonRef]]:
    while found := _CHAINED.match(text, position):
        who = txt.person(found["who"])
        if who:
            yield found["post"], who
        position = found.end()


_REVIEW = re.compile(
    rf"the (?P<label>(?:[A-Z][\w']*\s+)+(?:Challenge|Review))(?: process| report)?,? led by (?P<who>{PERSON})"
)


def _reviews(source: Source, blocks: list[Block]) -> Iterator[Record]:
    seen: set[str] = set()
    for block in blocks:
        for sentence in txt.sentences(block.text):
            found = _REVIEW.search(sentence)
            if not found or found["label"] in seen:
                continue
            label, who = found["label"].strip(), txt.person(found["who"])
            seen.add(label)
            month = parse_month(sentence)
            owner = re.sub(r"\s*(?:Challenge|Review)$", "", label)
            subject = _org_for(owner) if owner and owner != label else None
            kind = "challenge" if label.endswith("Challenge") else "review"
            when = date(month[0], month[1], 1) if month else None
            yield Review(label, _prov(source, block), subject=subject, led_by=who, date=when, kind=kind)
            if who:
                yield Membership(who, OrgRef(label, "team"), "Leader", _prov(source, block))


def _commission_model(source: Source, blocks: list[Block]) -> Iterator[Record]:
    """The way Lead Chief Executives are commissioned, where the paper sets it out."""
    text = " ".join(b.text for b in blocks)
    by = re.search(
        r"(?P<by>Chief Executive of London Councils),? (?:working with|in consultation with|together with)"
        r" the (?P<with>[^,]+?),? (?:commissions?|would commission|will commission)", text)
    term = re.search(r"(?P<n>\w+)[ -]months?(?: period)? (?:starting|beginning|from)(?: on)? (?P<d>[^.,;]+)",
                     text, re.IGNORECASE)
    if not (by or term) or not re.search(r"'?Lead'? Chief Executive", text):
        return
    anchor = next((b for b in blocks if (by and by.group(0) in b.text) or (term and term.group(0) in b.text)),
                  blocks[0])
    start = _month_day(term["d"]) if term else None
    areas, criteria = _commission_lists(source, blocks)
    yield from areas + criteria
    yield CommissionModel(
        _ROLE, _LC, _prov(source, anchor),
        commissioned_by=by["by"] if by else _search(r"commissioned by the (Chief Executive of London Councils)", text),
        commissioned_with=_posts_with(by["with"]) if by else (),
        accountable_to=_accountable(text),
        term_months=_months(term["n"]) if term else None,
        term_start_month=start[0] if start else None,
        term_start_day=start[1] if start else None,
        reports_to=_search(r"reported (?:annually )?to the ([^.;]*?(?:Committee|Executive|meeting))", text),
        drawn_from=_lower(_search(r"\b((?:London )?borough chief executives)\b", text, re.IGNORECASE)),
        policy_areas=tuple(c.label for c in areas),  # type: ignore[union-attr]
        criteria=tuple(c.label for c in criteria),  # type: ignore[union-attr]
        support_groups=next((s for b in blocks for s in txt.sentences(b.text)
                             if re.search(r"support group", s, re.IGNORECASE)), None),
        renewal="annual" if re.search(r"annual basis|renewed annually", text) else None,
        consultation=_search(r"(following the [^,]+, to consult [^.;]+?)(?: and to inform|[.;])", text),
    )


def _commission_lists(source: Source, blocks: list[Block]) -> tuple[list[Record], list[Record]]:
    areas: list[Record] = []
    criteria: list[Record] = []
    for block in blocks:
        if block.kind != "para" or block.part:
            continue
        if re.search(r"Lead'? Chief Executives?.*(?:for example|contributing|policy areas)|"
                     r"for example.*Lead'? Chief Executives?", block.text):
            for position, item in enumerate(txt.items_of(blocks, block), start=1):
                label = _policy_label(item.text)
                areas.append(Concept("policy-areas", label, _prov(source, item, position=position),
                                     definition=txt.tidy_item(item.text)))
        elif re.search(r"commission\w*.*(?:take account of|have regard to|criteria)", block.text):
            for position, item in enumerate(txt.items_of(blocks, block), start=1):
                criteria.append(Concept("commission-criteria", txt.tidy_item(item.text),
                                        _prov(source, item, position=position)))
    return areas, criteria


def _policy_label(text: str) -> str:
    for pattern, label in _POLICY_AREAS:
        if re.search(pattern, text, re.IGNORECASE):
            return label
    return txt.tidy_item(text)


def _posts_with(text: str) -> tuple[str, ...]:
    """ "Chair and Deputy Chair of CELC" -> ("Chair of CELC", "Deputy Chair of CELC")."""
    found = re.match(r"(?P<posts>.+?) of (?P<org>.+)$", text.strip())
    if not found:
        return (text.strip(),)
    return tuple(f"{post.strip()} of {found['org']}" for post in re.split(r",| and ", found["posts"]) if post.strip())


def _accountable(text: str) -> OrgRef | None:
    found = re.search(r"accountable (?:through|via) [^.;]*? to (?:the )?(?P<body>(?:London Councils'? )?"
                      r"(?:Leaders'? Committee|Executive))", text)
    return _body_ref(found["body"].replace("London Councils ", "").replace("London Councils' ", "")) if found else None


def _month_day(text: str) -> tuple[int, int] | None:
    found = re.search(r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m>[A-Z][a-z]+)|(?P<m2>[A-Z][a-z]+)\s+(?P<d2>\d{1,2})", text)
    if not found:
        return None
    month = month_number(found["m"] or found["m2"])
    return (month, int(found["d"] or found["d2"])) if month else None


def _months(word: str) -> int | None:
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word.lower())


def _search(pattern: str, text: str, flags: int = 0) -> str | None:
    found = re.search(pattern, text, flags)
    return found.group(1) if found else None


def _lower(text: str | None) -> str | None:
    return text.lower() if text else None


_LEAD_LINE = re.compile(r"^(?P<area>[A-Z][^:–—|]{2,80}?)\s+[–—-]\s+Lead Chief Executives?:\s*(?P<people>.+)$")
_PERSON_HOME = re.compile(rf"(?P<who>{PERSON})\s*\((?P<home>[^)]+)\)(?:,? supported by (?:the )?(?P<group>[^;]+))?")


def _commissions(source: Source, blocks: list[Block], header: _Header) -> Iterator[Record]:
    """Named Lead Chief Executives: "Health and care – Lead Chief Executive: Name (Borough)"."""
    text = " ".join(b.text for b in blocks)
    start = _commission_start(text, header.date)
    term = re.search(r"(?:twelve|12)[ -]months?", text)
    end = add_years(start, 1) - timedelta(days=1) if start and term else None
    for block in blocks:
        found = _LEAD_LINE.match(block.text)
        if not found:
            continue
        area = found["area"].strip()
        for who_home in _PERSON_HOME.finditer(found["people"]):
            who = txt.person(who_home["who"])
            if who is None:
                continue
            home = OrgRef(who_home["home"].strip(), "council")
            group = who_home["group"].strip().rstrip(".") if who_home["group"] else None
            where = txt.provenance(source, block, txt.location(block) + f", '{area}'")
            yield Membership(who, _LC, _ROLE, where, start=start, end=end, policy_area=area,
                             commissioned_by=_LC, accountable_to=_LEADERS, support_group=group)
            yield Membership(who, home, "Chief Executive", where)
            yield Organisation(home, where)


def _commission_start(text: str, paper_date: date | None) -> date | None:
    """1 September of the commission year, where the paper states the year."""
    found = re.search(r"(?:1(?:st)? September|September 1(?:st)?),? (?P<y>\d{4})", text)
    if found:
        return date(int(found["y"]), 9, 1)
    found = re.search(r"\b(?P<y>20\d\d)/(?:20)?\d\d\b(?=[^.]*Lead'? Chief Executive)", text)
    return date(int(found["y"]), 9, 1) if found else None


def _appendix_concepts(source: Source, blocks: list[Block]) -> Iterator[Record]:
    """Stages, signs, evidence and outcomes of the poor-performance protocol in an appendix."""
    stages = [b for b in blocks if b.kind == "heading" and re.match(r"^Stage \d+:", b.text)]
    for stage in stages:
        number, label = (s.strip() for s in stage.text.split(":", 1))
        paras = [b for b in blocks if b.kind == "para" and b.section == stage.text and b.part == stage.part]
        definition = " ".join(_without_lead_in(p.text) for p in paras).strip() or None
        yield Concept("poor-performance-stages", label, _prov(source, stage), notation=number,
                      definition=definition)
        for para in paras:
            scheme = _list_scheme(para.text)
            items = txt.items_of(blocks, para)
            for position, item in enumerate(items, start=1):
                if scheme is None:
                    continue
                label_text = txt.tidy_item(item.text)
                if scheme == "poor-performance-outcomes":
                    first = txt.tidy_item(txt.sentences(item.text)[0])
                    yield Concept(scheme, first, _prov(source, item, position=position),
                                  definition=label_text, broader=label)
                else:
                    yield Concept(scheme, label_text, _prov(source, item, position=position))


def _without_lead_in(text: str) -> str:
    """A paragraph without the sentence that introduces its list ("These include:")."""
    return " ".join(s for s in txt.sentences(text) if not re.search(r":-?$", s))


def _list_scheme(lead_in: str) -> str | None:
    if re.search(r"possible outcomes|outcomes could", lead_in, re.IGNORECASE):
        return "poor-performance-outcomes"
    if re.search(r"evidence|intelligence", lead_in, re.IGNORECASE):
        return "poor-performance-evidence"
    if re.search(r"indicators|signs|warning", lead_in, re.IGNORECASE):
        return "poor-performance-signs"
    return None


_AGREEMENT = re.compile(r"agreement between (?P<members>.+?) (?:on|about|setting out) (?P<subject>[^.]+)\.")


def _partnerships(source: Source, blocks: list[Block]) -> Iterator[Record]:
    for block in blocks:
        for sentence in txt.sentences(block.text):
            found = _AGREEMENT.search(sentence)
            if not found:
                continue
            names = re.split(r",\s*|\s+and\s+", found["members"])
            members = tuple(dict.fromkeys(
                _org_for(n) for n in names if n.strip() and not re.search(r"\d+ (?:London )?boroughs|councils$", n)
            ))
            if len(members) >= 2:
                yield Partnership(f"agreement between {found['members']}", members, _prov(source, block),
                                  subject=found["subject"].strip(), statement=sentence.strip('"'))
                return

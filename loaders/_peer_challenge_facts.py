"""Facts peer challenge reports state in running text: engagement figures, the LGA principal
adviser, follow-up and next-challenge deadlines, and partnerships that rely on individuals.
Private to `loaders.peer_challenge_report`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from loaders import _peer_challenge_text as text
from loaders._peer_challenge_team import LGA, is_person
from loaders.dates import add_years, end_of_month, month_number
from loaders.phrases import RELIES_ON_INDIVIDUALS
from loaders.records import ChallengeRef, Figure, Membership, OrgRef, Partnership, PersonRef
from loaders.source import Line, Source

# Most specific first: a "Corporate Peer Challenge Progress Review" is a progress review.
_TYPES = (
    (r"progress review", "progress-review"),
    (r"follow[- ]up (?:visit|review|report)", "follow-up-visit"),
    (r"financ\w* peer (?:review|challenge)", "finance-peer-review"),
    (r"planning (?:advisory service )?peer (?:challenge|review)", "planning-peer-challenge"),
    (
        r"children'?s (?:services |safeguarding )*peer (?:challenge|review)",
        "childrens-services-peer-challenge",
    ),
    (
        r"adults?'? (?:social care |services )*peer (?:challenge|review)",
        "adults-services-peer-challenge",
    ),
    (r"corporate peer challenge", "corporate-peer-challenge"),
)
_WORDS = {
    "one": 1.0,
    "two": 2.0,
    "three": 3.0,
    "four": 4.0,
    "five": 5.0,
    "six": 6.0,
    "seven": 7.0,
    "eight": 8.0,
    "nine": 9.0,
    "ten": 10.0,
    "twelve": 12.0,
    "eighteen": 18.0,
    "half a": 0.5,
}
_NUM = r"(?P<v>\d+(?:\.\d+)?|" + "|".join(_WORDS) + r")"
_ABOUT = r"(?:more than |over |around |approximately |about |nearly |almost |some )?"
_FIGURES = (
    ("days-on-site", "days", rf"\b{_NUM}\s+(?:full\s+|working\s+)?days?\s+(?:on[- ]?site|on site)"),
    (
        "people-spoken-to",
        "people",
        rf"(?:spoke|spoken|talked|speaking)\s+(?:to|with)\s+{_ABOUT}{_NUM}\s+(?:\w+\s+)?people",
    ),
    (
        "meetings",
        "meetings",
        rf"(?:gathered|evidence|information)[^.]{{0,60}}?\b{_ABOUT}{_NUM}\s+(?:\w+\s+)?meetings",
    ),
    ("hours", "hours", rf"spent\s+{_ABOUT}{_NUM}\s+hours"),
    ("person-weeks", "weeks", rf"one person spending\s+{_ABOUT}{_NUM}\s+(?:working\s+)?weeks"),
)
_ADVISER = (
    re.compile(
        r"(?P<name>[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+){1,2}),?\s+\(?(?:is\s+)?(?:the\s+|your\s+)?"
        r"(?:LGA(?:'s)?\s+)?(?P<role>Principal\s+Advis[eo]r)"
    ),
    re.compile(
        r"(?P<role>Principal\s+Advis[eo]r)(?:\s+for\s+(?:the\s+)?[A-Z][\w ]+?)?,?\s+(?:is\s+)?"
        r"(?P<name>[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+){1,2})"
    ),
)
FOLLOW_UP = r"follow[- ]?up|progress review"
NEXT_CHALLENGE = r"next (?:corporate )?peer (?:challenge|review)|next CPC"
_WITHIN = re.compile(
    r"within\s+(?:the\s+next\s+)?(?:\w+\s+(?:to|or|-)\s+)?" + _NUM + r"\s+(?P<unit>years?|months?)",
    re.I,
)
_BEFORE = re.compile(r"\bbefore\s+(?:(?P<month>[A-Z][a-z]+)\s+)?(?P<year>\d{4})\b")
_BY = re.compile(r"\bby\s+(?:the\s+end\s+of\s+)?(?:(?P<month>[A-Z][a-z]+)\s+)?(?P<year>\d{4})\b")
_HEALTH = (
    r"Clinical Commissioning Groups?|\bCCGs?\b|\bICBs?\b|Integrated Care Boards?"
    r"|health (?:and care )?system|health partners|\bNHS\b"
)
_PARTNERS = (  # (pattern, label, is a health partner)
    (r"Clinical Commissioning Groups?|\bCCGs?\b", "Clinical Commissioning Group", True),
    (r"Integrated Care Boards?|\bICBs?\b", "Integrated Care Board", True),
    (r"health (?:and care )?system|\bNHS\b|health partners", "health system", True),
    (r"voluntary (?:and community )?sector|\bVCS\b|third sector", "voluntary sector", False),
    (
        r"\bbusiness(?:es| community| sector)?\b(?!\s+(?:rates|case|plans?|as usual|continuity))",
        "business community",
        False,
    ),
)


_COUNCIL = re.compile(
    r"\b(?:(?:London|Royal) Borough of [A-Z][a-z]+(?: (?:and|upon) [A-Z][a-z]+)?"
    r"|(?:[A-Z][a-z]+ ){1,3}"
    r"(?:(?:County|District|Borough|City|Metropolitan Borough) )?Council)\b"
)
_NOT_PLACE = {
    "The",
    "the",
    "However",
    "This",
    "That",
    "Its",
    "Our",
    "Their",
    "With",
    "And",
    "Both",
    "Relationships",
    "Members",
    "Partners",
    "Council",
    "When",
    "Where",
    "While",
    "As",
    "A",
}


def classify(title_text: str) -> str:
    """The challenge-type notation for the kind of challenge a title names."""
    lower = title_text.lower()
    return next(
        (notation for pattern, notation in _TYPES if re.search(pattern, lower)),
        "corporate-peer-challenge",
    )


def _number(word: str) -> float:
    return _WORDS.get(word.lower()) or float(word)


def figures(
    source: Source, lines: list[Line], sections: list[text.Heading], about: ChallengeRef
) -> Iterator[Figure]:
    """Days on site, people spoken to, meetings, hours, person-weeks: the first of each."""
    seen: set[str] = set()
    for index, para in text.paragraphs(lines, sections):
        for measure, unit, pattern in _FIGURES:
            found = re.search(pattern, para.text, re.IGNORECASE)
            if measure in seen or not found:
                continue
            seen.add(measure)
            line = para.line_at(found.start("v"))
            yield Figure(
                measure,
                _number(found["v"]),
                text.prov(source, line, text.place(sections, index)),
                unit=unit,
                label=found.group(0),
                about=about,
            )


def adviser(source: Source, lines: list[Line], sections: list[text.Heading]) -> Membership | None:
    """ "Alan Finch, Principal Adviser is the main contact ...": a membership of the LGA."""
    for index, para in text.paragraphs(lines, sections):
        for pattern in _ADVISER:
            for found in pattern.finditer(para.text):
                if is_person(found["name"]):
                    line = para.line_at(found.start("name"))
                    role = re.sub(r"\s+", " ", found["role"])
                    return Membership(
                        PersonRef(found["name"]),
                        LGA,
                        role,
                        text.prov(source, line, text.place(sections, index)),
                    )
    return None


def deadline(
    lines: list[Line],
    sections: list[text.Heading],
    topic: str,
    other: str,
    end: date,
    *,
    within_only: bool,
) -> date | None:
    """The date a passage about `topic` sets ("within the next 2 years", "before 2022"), read
    from the sentence naming the topic and the few after it, up to one about `other`."""
    for _, para in text.paragraphs(lines, sections):
        said = [s for _, s in text.sentences(para.text)]
        for first, sentence in enumerate(said):
            if not re.search(topic, sentence, re.I):
                continue
            for following in said[first : first + 6]:
                if following is not sentence and re.search(other, following, re.I):
                    break
                found = _date_in(following, end, within_only=within_only)
                if found:
                    return found
    return None


def _date_in(sentence: str, end: date, *, within_only: bool) -> date | None:
    within = _WITHIN.search(sentence)
    if within:
        count = int(_number(within["v"]))
        return (
            add_years(end, count)
            if within["unit"].lower().startswith("year")
            else add_months(end, count)
        )
    if within_only:
        return None
    before = _BEFORE.search(sentence)
    if before:
        month = month_number(before["month"]) if before["month"] else None
        return date(int(before["year"]), month or 1, 1) - timedelta(days=1)
    by = _BY.search(sentence)
    if by:
        month = month_number(by["month"]) if by["month"] else None
        return end_of_month(int(by["year"]), month or 12)
    return None


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months, clipped to the end of a shorter month."""
    years, month = divmod(day.month - 1 + months, 12)
    last = end_of_month(day.year + years, month + 1)
    return last.replace(day=min(day.day, last.day))


def follow_up_of(
    lines: list[Line], sections: list[text.Heading], council: OrgRef, start: date
) -> ChallengeRef | None:
    """For a progress review: the challenge it follows ("undertook a CPC during March 2022")."""
    for _, para in text.paragraphs(lines, sections):
        for _, sentence in text.sentences(para.text):
            if not re.search(
                r"corporate peer challenge|\bCPC\b|peer challenge|peer review", sentence, re.I
            ):
                continue
            if not re.search(
                r"undert\w+|took place|carried out|held|received|had|during", sentence
            ):
                continue
            when = _month_before(sentence, start)
            if when:
                kind = classify(re.sub(FOLLOW_UP, "", sentence, flags=re.I))
                return ChallengeRef(council, when[0], when[1], kind)
    return None


def _month_before(sentence: str, start: date) -> tuple[int, int] | None:
    for found in re.finditer(r"\b([A-Z][a-z]+)\s+(\d{4})\b", sentence):
        month = month_number(found[1])
        if month and date(int(found[2]), month, 1) < start.replace(day=1):
            return int(found[2]), month
    return None


def partnerships(
    source: Source, lines: list[Line], sections: list[text.Heading], council: OrgRef
) -> Iterator[Partnership]:
    """Partnerships said to rely on individuals, and the council's partnership with health."""
    paras = text.paragraphs(lines, sections)
    health_done = False
    for index, para in paras:
        section = _section_paragraphs(paras, sections, index)
        location = f"{text.place(sections, index)}, paragraph {_paragraph_number(section, para)}"
        section_text = " ".join(p.text for p in section)
        for offset, sentence in text.sentences(para.text):
            reliance = RELIES_ON_INDIVIDUALS.search(sentence)
            if reliance and re.search(r"partner", para.text, re.I):
                yield Partnership(
                    f"{council.name} partnerships",
                    (council, *_partners(section_text, council, health_only=False)),
                    text.prov(source, para.line_at(offset + reliance.start()), location),
                    relies_on_individuals=True,
                    statement=sentence,
                )
            elif not health_done and _is_health_partnership(sentence):
                health_done = True
                yield Partnership(
                    f"{council.name} and health partners",
                    (council, *_partners(section_text, council, health_only=True)),
                    text.prov(source, para.line_at(offset), location),
                    subject="health and care",
                    statement=sentence,
                )


def _is_health_partnership(sentence: str) -> bool:
    return bool(re.search(_HEALTH, sentence)) and bool(
        re.search(r"partnership|joint working|relationship|integrat|collectively", sentence, re.I)
    )


def _section_paragraphs(
    paras: list[tuple[int, text.Paragraph]], sections: list[text.Heading], index: int
) -> list[text.Paragraph]:
    """The paragraphs of the numbered section holding working-line `index`."""
    numbered = [h.index for h in sections if h.number]
    start = max((i for i in numbered if i <= index), default=-1)
    stop = min((i for i in numbered if i > index), default=len(paras) * 1000 + 10**6)
    return [p for i, p in paras if start < i < stop]


def _paragraph_number(section: list[text.Paragraph], para: text.Paragraph) -> int:
    return next((n for n, p in enumerate(section, start=1) if p is para), 1)


def _partners(section_text: str, council: OrgRef, *, health_only: bool) -> list[OrgRef]:
    """The partners a section names: other councils by name, and kinds of partner as
    "<place> <kind>" organisations ("Islington voluntary sector")."""
    where = place_name(council.name)
    named = [] if health_only else _named_councils(section_text, council)
    return named + [
        OrgRef(f"{where} {label}", "organisation")
        for pattern, label, health in _PARTNERS
        if (health or not health_only) and re.search(pattern, section_text, re.I)
    ]


def _named_councils(section_text: str, council: OrgRef) -> list[OrgRef]:
    found: list[OrgRef] = []
    for match in _COUNCIL.finditer(section_text):
        words = match.group().split()
        while words and words[0] in _NOT_PLACE:
            words.pop(0)
        name = " ".join(words)
        if len(words) > 1 and name != council.name and OrgRef(name, "council") not in found:
            found.append(OrgRef(name, "council"))
    return found


def place_name(council: str) -> str:
    """The place in a council's name: "London Borough of Islington" -> "Islington",
    "Mid Suffolk District Council" -> "Mid Suffolk"."""
    name = re.sub(
        r"^(?:the\s+)?(?:London Borough of|Royal Borough of|LB|RB|Borough of|City of|County of)\s+",
        "",
        council,
    )
    name = re.sub(
        r"\s+(?:(?:Metropolitan\s+)?(?:City|County|District|Borough)\s+)?Council$", "", name
    )
    return name.strip() or council

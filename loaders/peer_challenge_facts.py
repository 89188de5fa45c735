"""Facts peer challenge reports state in running text: engagement figures, the LGA principal
adviser, follow-up and next-challenge deadlines, the challenge a progress review follows, the
scope, and partnerships a report says rely on individuals. Read from a `Document`'s passages,
whatever the layout."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from loaders.dates import (
    When,
    add_years,
    end_of_month,
    first_day,
    last_day,
    month_number,
    parse_period,
    year_month,
)
from loaders.document import Document, Heading, ListBlock, Paragraph
from loaders.names import is_person
from loaders.organisations import LGA
from loaders.passages import Passage, located, passages, sentences_of
from loaders.phrases import RELIES_ON_INDIVIDUALS
from loaders.records import ChallengeRef, Figure, Membership, OrgRef, Partnership, PersonRef
from loaders.text import sentences

# Most specific first: a "Corporate Peer Challenge Progress Review" is a progress review.
TYPES = (
    (r"progress review|progress check|check[- ]in", "progress-review"),
    (r"follow[- ]up (?:visit|review|report)|revisit", "follow-up-visit"),
    (
        r"financ\w* (?:(?:resilience|sustainability|management) )?(?:peer )?(?:review|challenge)"
        r"|financial sustainability",
        "finance-peer-review",
    ),
    (r"planning (?:advisory service )?peer (?:challenge|review)", "planning-peer-challenge"),
    (
        r"children'?s (?:services |safeguarding )*peer (?:challenge|review)",
        "childrens-services-peer-challenge",
    ),
    (
        r"adults?'? (?:social care |services )*peer (?:challenge|review)",
        "adults-services-peer-challenge",
    ),
    (r"corporate peer challenge|\bCPC\b", "corporate-peer-challenge"),
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
    "eleven": 11.0,
    "twelve": 12.0,
    "fifteen": 15.0,
    "eighteen": 18.0,
    "twenty": 20.0,
    "half a": 0.5,
    "one and a half": 1.5,
    "two and a half": 2.5,
    "three and a half": 3.5,
    "four and a half": 4.5,
}
_NUM = r"(?P<v>\d[\d,]*(?:\.\d+)?|" + "|".join(_WORDS) + r")"
_N = (
    r"(\d[\d,]*(?:\.\d+)?|" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")"
)  # unnamed: used more than once a pattern
_ABOUT = (
    r"(?:more than |over |around |approximately |about |nearly |almost |some |in excess of "
    r"|upwards of |just under |just over |well over |roughly )?"
)
FIGURES = (
    (
        "days-on-site",
        "days",
        rf"\b{_N}(?:\.5)?\s+(?:full\s+|working\s+|consecutive\s+)?days?\s+(?:on[- ]?site|onsite|in\s+\w+|at\s+)"
        rf"|\bspent\s+{_N}\s+days?\b|\bon[- ]?site\s+(?:for|over)\s+{_N}\s+days?"
        rf"|\b(?:held|took place|carried out)(?:\s+\w+){{0,2}}\s+(?:over|on|in)\s+{_N}\s+days?\b",
    ),
    (
        "people-spoken-to",
        "people",
        rf"(?:(?:spoke|spoken|talked|speaking)\s+(?:to|with)|met(?:\s+with)?|meeting(?:\s+with)?)\s+{_ABOUT}{_N}\s+"
        rf"(?:\w+\s+)?(?:people|individuals|stakeholders|participants)",
    ),
    (
        "meetings",
        "meetings",
        rf"\b{_ABOUT}{_N}\s+(?:\w+\s+)?(?:meetings|interviews|sessions|focus groups)",
    ),
    ("hours", "hours", rf"spent\s+{_ABOUT}{_N}\s+hours"),
    (
        "person-weeks",
        "weeks",
        rf"one person spending\s+{_ABOUT}{_N}\s+(?:working\s+)?weeks",
    ),
)
_ADVISER = (
    re.compile(
        r"(?P<name>[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+){1,2}),?\s+\(?(?:is\s+)?(?:the\s+|your\s+|our\s+)?"
        r"(?:LGA(?:'s)?\s+)?(?:Senior\s+)?(?P<role>Principal\s+Advis[eo]r)"
    ),
    re.compile(
        r"(?P<role>Principal\s+Advis[eo]r)(?:\s+(?:for|in)\s+(?:the\s+)?[A-Z][\w ]+?)?,?\s+"
        r"(?:\(|is\s+|was\s+)?(?P<name>[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+){1,2})"
    ),
)
FOLLOW_UP = r"follow[- ]?up|progress review|check[- ]in"
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
_NOT_PLACE = set(
    """The the However This That Its Our Their With And Both Relationships Members Partners
    Council When Where While As A Whole Each Every Many Some Other""".split()
)


def classify(text: str) -> str:
    """The challenge-type notation for the kind of challenge a title names."""
    lower = text.lower()
    return next(
        (notation for pattern, notation in TYPES if re.search(pattern, lower, re.I)),
        "corporate-peer-challenge",
    )


def _number(word: str) -> float:
    return _WORDS.get(word.lower()) or float(word.replace(",", ""))


def figures(document: Document, about: ChallengeRef) -> Iterator[Figure]:
    """Days on site, people spoken to, meetings, hours, person-weeks: the first of each."""
    seen: set[str] = set()
    for passage in passages(document):
        for measure, unit, pattern in FIGURES:
            found = re.search(pattern, passage.text, re.IGNORECASE)
            if measure in seen or not found:
                continue
            value = next(
                (found.group(g) for g in range(1, (found.re.groups or 0) + 1) if found.group(g)),
                None,
            )
            if value is None:
                continue
            seen.add(measure)
            yield Figure(
                measure,
                _number(value),
                located(document, passage.index, passage.place_at(found.start())),
                unit=unit,
                label=found.group(0),
                about=about,
            )


def adviser(document: Document) -> Membership | None:
    """ "Alan Finch, Principal Adviser is the main contact ...": a membership of the LGA."""
    for passage in passages(document):
        for pattern in _ADVISER:
            for found in pattern.finditer(passage.text):
                name = found["name"]
                if is_person(name):
                    role = re.sub(r"\s+", " ", found["role"])
                    place = passage.place_at(found.start("name"))
                    return Membership(
                        PersonRef(name), LGA, role, located(document, passage.index, place)
                    )
    return None


def deadline(
    document: Document, topic: str, other: str, end: date, *, within_only: bool
) -> date | None:
    """The date a passage about `topic` sets ("within the next 2 years", "before 2022"), read
    from the sentence naming the topic and the few after it, up to one about `other`."""
    for passage in passages(document):
        said = [s for _, s in sentences(passage.text)]
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
        if within["unit"].lower().startswith("year"):
            return add_years(end, count)
        return add_months(end, count)
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


_EARLIER = re.compile(
    r"corporate peer challenge|\bCPC\b|peer challenge|peer review|finance (?:peer )?review", re.I
)
_HAPPENED = re.compile(
    r"undert\w+|took place|carried out|held|received|had|during|in\b|visited|delivered|hosted|"
    r"followed|was on site|on[- ]site",
    re.I,
)


def follow_up_of(
    document: Document, council: OrgRef, start: When
) -> tuple[ChallengeRef, tuple[When, When], Passage] | None:
    """For a progress review or follow-up visit: the challenge it follows, from the first
    sentence that names an earlier challenge with its dates or month ("undertook a CPC in
    March 2022"), and those dates."""
    before = first_day(start)
    for passage, _offset, sentence in sentences_of(document):
        if not _EARLIER.search(sentence) or not _HAPPENED.search(sentence):
            continue
        for when in _periods(sentence):
            if last_day(when[0]) < before:
                kind = classify(re.sub(FOLLOW_UP, "", sentence, flags=re.I))
                if kind in {"progress-review", "follow-up-visit"}:
                    kind = "corporate-peer-challenge"
                year, month = year_month(when[0])
                return ChallengeRef(council, year, month, kind), when, passage
    return None


def _periods(sentence: str) -> Iterator[tuple[When, When]]:
    rest = sentence
    while rest:
        found = parse_period(rest)
        if found is None:
            return
        yield found
        text = str(found[0].year)
        at = rest.find(text)
        rest = rest[at + 4 :] if at >= 0 else ""


def scope(document: Document) -> Iterator[str]:
    """Core component questions and the council's own questions, in order."""
    start = next(
        (
            index
            for index, block in enumerate(document.blocks)
            if re.search(
                r"scope and focus|considered the following|focus(?:ed)? on the following",
                _text(block),
                re.I,
            )
        ),
        None,
    )
    if start is None:
        return
    extra = False
    stop = len(document.blocks)
    block = document.blocks[start]
    if isinstance(block, Heading):
        stop = start + 1 + len(document.under(start))
    for passage in passages(document, start=start, stop=min(stop, start + 12)):
        body = passage.text
        listed = passage.kind == "item"
        if (
            "?" in body
            or (extra and (listed or passage.kind == "paragraph") and ":" in body)
            or extra
            and listed
        ):
            yield body
        if re.search(r"in addition|additional|also asked|asked the (?:peer )?team", body, re.I):
            extra = True


def _text(block: object) -> str:
    if isinstance(block, ListBlock):
        return ""
    return str(getattr(block, "text", ""))


def partnerships(document: Document, council: OrgRef) -> Iterator[Partnership]:
    """Partnerships said to rely on individuals, and the council's partnership with health."""
    health_done = False
    for passage, offset, sentence in sentences_of(document):
        section = _section_text(document, passage.index)
        reliance = RELIES_ON_INDIVIDUALS.search(sentence)
        paragraph = f"paragraph {_paragraph_number(document, passage.index)}"
        location = located(document, passage.index, passage.place_at(offset), paragraph)
        if reliance and re.search(r"partner", passage.text + " " + sentence, re.I):
            yield Partnership(
                f"{council.name} partnerships",
                (council, *_partners(section, council, health_only=False)),
                location,
                relies_on_individuals=True,
                statement=sentence,
            )
        elif not health_done and _is_health_partnership(sentence):
            health_done = True
            yield Partnership(
                f"{council.name} and health partners",
                (council, *_partners(section, council, health_only=True)),
                location,
                subject="health and care",
                statement=sentence,
            )


def _paragraph_number(document: Document, index: int) -> int:
    """The paragraph's number within the section it sits in (1 = the first)."""
    around = document.enclosing(index)
    start = document.blocks.index(around[-1]) + 1 if around else 0
    return sum(1 for block in document.blocks[start : index + 1] if isinstance(block, Paragraph))


def _section_text(document: Document, index: int) -> str:
    around = document.enclosing(index)
    numbered = next((h for h in reversed(around) if h.number), around[0] if around else None)
    if numbered is None:
        return " ".join(p.text for p in passages(document))
    start = document.blocks.index(numbered)
    return " ".join(
        p.text for p in passages(document, start=start, stop=start + 1 + len(document.under(start)))
    )


def _is_health_partnership(sentence: str) -> bool:
    return bool(re.search(_HEALTH, sentence)) and bool(
        re.search(r"partnership|joint working|relationship|integrat|collectively", sentence, re.I)
    )


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

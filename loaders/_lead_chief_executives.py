"""London Councils' Lead Chief Executive commissions: how the model is described (who
commissions, for how long, accountable to whom, on what criteria) and the named commissions
a paper lists ("Health and care – Lead Chief Executive: Name (Borough)", or a table whose
header has a "Lead Chief Executive" column, its columns in any order).

Private to `london_councils_paper`; reads the paper's paragraphs (`loaders.paragraphs`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from loaders.dates import add_years, month_number
from loaders.document import Document, Table
from loaders.paragraphs import Para, cite, items_of, location, sentences, tidy_item
from loaders.passages import provenance
from loaders.people_mentions import PERSON, person
from loaders.records import (
    CommissionModel,
    Concept,
    Membership,
    Organisation,
    OrgRef,
    Provenance,
    Record,
)

LONDON_COUNCILS = OrgRef("London Councils", "organisation")
LEADERS = OrgRef("Leaders' Committee", "committee")
EXECUTIVE = OrgRef("London Councils Executive", "committee")
ROLE = "Lead Chief Executive"


# Short labels for policy areas that papers describe in a sentence rather than name.
_POLICY_AREAS: list[tuple[str, str]] = [
    (
        r"integrated health and care|health and (?:social )?care integration",
        "integrated health and care",
    ),
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

_NUMBER_WORDS = {"six": 6, "twelve": 12, "eighteen": 18, "twenty-four": 24, "three": 3, "nine": 9}


_BY = re.compile(
    r"(?P<by>Chief Executive of London Councils),?"
    r" (?:working with|in consultation with|together with)"
    r" the (?P<with>[^,]+?),? (?:commissions?|would commission|will commission)"
)
_TERM = re.compile(
    r"(?P<n>\w+)[ -]months?(?: period)? (?:starting|beginning|from)(?: on)? (?P<d>[^.,;]+)",
    re.IGNORECASE,
)


def commission_model(document: Document, blocks: list[Para]) -> Iterator[Record]:
    """The way Lead Chief Executives are commissioned, where the paper sets it out."""
    text = " ".join(b.text for b in blocks)
    by, term = _BY.search(text), _TERM.search(text)
    if not (by or term) or not re.search(r"'?Lead'? Chief Executive", text):
        return
    said = [m.group(0) for m in (by, term) if m]
    anchor = next((b for b in blocks if any(words in b.text for words in said)), blocks[0])
    start = _month_day(term["d"]) if term else None
    areas, criteria = _commission_lists(document, blocks)
    yield from areas + criteria
    yield CommissionModel(
        ROLE,
        LONDON_COUNCILS,
        cite(document, anchor),
        commissioned_by=by["by"]
        if by
        else _search(r"commissioned by the (Chief Executive of London Councils)", text),
        commissioned_with=_posts_with(by["with"]) if by else (),
        accountable_to=_accountable(text),
        term_months=_months(term["n"]) if term else None,
        term_start_month=start[0] if start else None,
        term_start_day=start[1] if start else None,
        policy_areas=tuple(c.label for c in areas),
        criteria=tuple(c.label for c in criteria),
        **_wording(text, blocks),
    )


def _wording(text: str, blocks: list[Para]) -> dict[str, str | None]:
    """The parts of the model the paper states in its own words."""
    groups = (s for b in blocks for s in sentences(b.text) if "support group" in s.lower())
    drawn = _search(r"\b((?:London )?borough chief executives)\b", text, re.IGNORECASE)
    return {
        "reports_to": _search(
            r"reported (?:annually )?to the ([^.;]*?(?:Committee|Executive|meeting))", text
        ),
        "drawn_from": drawn.lower() if drawn else None,
        "support_groups": next(groups, None),
        "renewal": "annual" if re.search(r"annual basis|renewed annually", text) else None,
        "consultation": _search(
            r"(following the [^,]+, to consult [^.;]+?)(?: and to inform|[.;])", text
        ),
    }


def _commission_lists(
    document: Document, blocks: list[Para]
) -> tuple[list[Concept], list[Concept]]:
    areas: list[Concept] = []
    criteria: list[Concept] = []
    for block in blocks:
        if block.kind != "para" or block.part:
            continue
        if re.search(
            r"Lead'? Chief Executives?.*(?:for example|contributing|policy areas)|"
            r"for example.*Lead'? Chief Executives?",
            block.text,
        ):
            for position, item in enumerate(items_of(blocks, block), start=1):
                label = _policy_label(item.text)
                areas.append(
                    Concept(
                        "policy-areas",
                        label,
                        cite(document, item, position=position),
                        definition=tidy_item(item.text),
                    )
                )
        elif re.search(r"commission\w*.*(?:take account of|have regard to|criteria)", block.text):
            for position, item in enumerate(items_of(blocks, block), start=1):
                criteria.append(
                    Concept(
                        "commission-criteria",
                        tidy_item(item.text),
                        cite(document, item, position=position),
                    )
                )
    return areas, criteria


def _policy_label(text: str) -> str:
    for pattern, label in _POLICY_AREAS:
        if re.search(pattern, text, re.IGNORECASE):
            return label
    return tidy_item(text)


def _posts_with(text: str) -> tuple[str, ...]:
    """ "Chair and Deputy Chair of CELC" -> ("Chair of CELC", "Deputy Chair of CELC")."""
    found = re.match(r"(?P<posts>.+?) of (?P<org>.+)$", text.strip())
    if not found:
        return (text.strip(),)
    return tuple(
        f"{post.strip()} of {found['org']}"
        for post in re.split(r",| and ", found["posts"])
        if post.strip()
    )


def _accountable(text: str) -> OrgRef | None:
    found = re.search(
        r"accountable (?:through|via) [^.;]*? to (?:the )?(?P<body>(?:London Councils'? )?"
        r"(?:Leaders'? Committee|Executive))",
        text,
    )
    if not found:
        return None
    return EXECUTIVE if found["body"].endswith("Executive") else LEADERS


def _month_day(text: str) -> tuple[int, int] | None:
    found = re.search(
        r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m>[A-Z][a-z]+)|(?P<m2>[A-Z][a-z]+)\s+(?P<d2>\d{1,2})",
        text,
    )
    if not found:
        return None
    month = month_number(found["m"] or found["m2"])
    return (month, int(found["d"] or found["d2"])) if month else None


def _months(word: str) -> int | None:
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word.lower())


def _search(pattern: str, text: str, flags: int = 0) -> str | None:
    found = re.search(pattern, text, flags)
    return found.group(1) if found else None


_LEAD_LINE = re.compile(
    r"^(?P<area>[A-Z][^:–—|]{2,80}?)\s+[–—-]\s+Lead Chief Executives?:\s*(?P<people>.+)$"
)
_PERSON_HOME = re.compile(
    rf"(?P<who>{PERSON})\s*\((?P<home>[^)]+)\)(?:,? supported by (?:the )?(?P<group>[^;]+))?"
)


def named_commissions(
    document: Document, blocks: list[Para], paper_date: date | None
) -> Iterator[Record]:
    """Named Lead Chief Executives, from "Area – Lead Chief Executive: Name (Borough)" lines
    or from a table whose header has a "Lead Chief Executive" column."""
    text = " ".join(b.text for b in blocks)
    start = _commission_start(text, paper_date)
    end = (
        add_years(start, 1) - timedelta(days=1)
        if start and re.search(r"(?:twelve|12)[ -]months?", text)
        else None
    )
    for block in blocks:
        found = _LEAD_LINE.match(block.text)
        if not found:
            continue
        where = provenance(document, block.place, f"{location(block)}, {found['area'].strip()!r}")
        for who_home in _PERSON_HOME.finditer(found["people"]):
            yield from _commission(
                who_home["who"],
                who_home["home"],
                found["area"],
                who_home["group"],
                where,
                start,
                end,
            )
    for table in document.blocks:
        if not isinstance(table, Table):
            continue
        for row, cells in _table_rows(table):
            where = provenance(document, table.row_place(row), f"table row {cells['area']!r}")
            yield from _commission(
                cells["who"], cells["home"], cells["area"], cells.get("group"), where, start, end
            )


def _commission(
    who_text: str,
    home_text: str,
    area: str,
    group: str | None,
    where: Provenance,
    start: date | None,
    end: date | None,
) -> Iterator[Record]:
    who = person(who_text)
    if who is None or not home_text.strip():
        return
    home = OrgRef(home_text.strip(), "council")
    yield Membership(
        who,
        LONDON_COUNCILS,
        ROLE,
        where,
        start=start,
        end=end,
        policy_area=area.strip(),
        commissioned_by=LONDON_COUNCILS,
        accountable_to=LEADERS,
        support_group=group.strip().rstrip(".") if group and group.strip() else None,
    )
    yield Membership(who, home, "Chief Executive", where)
    yield Organisation(home, where)


_COLUMNS = {
    "area": r"policy area|area|theme|portfolio",
    "who": r"lead chief executive|chief executive|name",
    "home": r"borough|council",
    "group": r"support",
}


def _table_rows(table: Table) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a table with a Lead Chief Executive column, by its header (the table's own, or
    a row naming the column), as (row number, cells by column)."""
    columns: dict[str, int] = {}
    header = [table.header] if table.header else []
    for number, row in enumerate([*header, *table.rows], start=-len(header)):
        cells = [tidy_item(cell) for cell in row]
        if any(re.search("lead chief executive", c, re.IGNORECASE) for c in cells):
            columns = _columns(cells)
            continue
        if {"area", "who", "home"} <= columns.keys() and "".join(cells).strip():
            yield number, {k: cells[i] for k, i in columns.items() if i < len(cells)}


def _columns(cells: list[str]) -> dict[str, int]:
    """Which cell of a header row holds the area, the person, their borough, their group."""
    columns: dict[str, int] = {}
    for key, pattern in _COLUMNS.items():
        index = next(
            (
                i
                for i, c in enumerate(cells)
                if i not in columns.values() and re.search(pattern, c, re.IGNORECASE)
            ),
            None,
        )
        if index is not None:
            columns[key] = index
    return columns


def _commission_start(text: str, paper_date: date | None) -> date | None:
    """1 September of the commission year, where the paper states the year."""
    found = re.search(r"(?:1(?:st)? September|September 1(?:st)?),? (?P<y>\d{4})", text)
    if found:
        return date(int(found["y"]), 9, 1)
    found = re.search(r"\b(?P<y>20\d\d)/(?:20)?\d\d\b(?=[^.]*Lead'? Chief Executive)", text)
    return date(int(found["y"]), 9, 1) if found else None

"""Dates as papers write them, at the precision they are written: a day ("21st March 2017"),
a range of days ("30 November – 3 December 2021"), a month ("June 2018"), a season ("spring
2023") or a year. `When` is a day, a `Month` or a `Year`; graph/ writes them as xsd:date,
xsd:gYearMonth and xsd:gYear."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, order=True)
class Month:
    """A month, where a source gives no day: "June 2018"."""

    year: int
    month: int

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True, order=True)
class Year:
    """A year, where a source gives no month: "in 2016"."""

    year: int

    def __str__(self) -> str:
        return f"{self.year:04d}"


When = date | Month | Year


def first_day(when: When) -> date:
    """The earliest day `when` can mean."""
    if isinstance(when, Month):
        return date(when.year, when.month, 1)
    if isinstance(when, Year):
        return date(when.year, 1, 1)
    return when


def last_day(when: When) -> date:
    """The latest day `when` can mean."""
    if isinstance(when, Month):
        return end_of_month(when.year, when.month)
    if isinstance(when, Year):
        return date(when.year, 12, 31)
    return when


def year_month(when: When) -> tuple[int, int | None]:
    """(year, month) of `when`; month None for a bare year."""
    if isinstance(when, Year):
        return when.year, None
    return when.year, when.month


MONTHS: dict[str, int] = (
    {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
    | {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
    | {"sept": 9}
)

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_ORD = r"(?:st|nd|rd|th)?"
_DAY_RANGE = re.compile(
    rf"\b(?P<d1>\d{{1,2}}){_ORD}(?:\s+(?P<m1>[A-Za-z]+))?\s*(?:-|–|—|to|and)\s*"
    rf"(?P<d2>\d{{1,2}}){_ORD}\s+{_MONTH}\s+(?P<year>\d{{4}})\b",
    re.IGNORECASE,
)
_DAY = re.compile(rf"\b(?P<day>\d{{1,2}}){_ORD}\s+{_MONTH},?\s+(?P<year>\d{{4}})\b", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(?P<year>\d{{4}})\b", re.IGNORECASE)
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")


def month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def parse_date(text: str) -> date | None:
    """The first full date in `text` (day month year, or ISO), or None."""
    iso = _ISO.search(text)
    found = _DAY.search(text)
    if iso and (not found or iso.start() < found.start()):
        return date(int(iso["year"]), int(iso["month"]), int(iso["day"]))
    if found:
        month = month_number(found["month"])
        if month:
            return date(int(found["year"]), month, int(found["day"]))
    return None


def parse_range(text: str) -> tuple[date, date] | None:
    """A range of days: "20-23 March 2018", "30 November - 3 December 2021"."""
    found = _DAY_RANGE.search(text)
    if not found:
        return None
    month2 = month_number(found["month"])
    if month2 is None:
        return None
    month1 = month_number(found["m1"]) if found["m1"] else month2
    if month1 is None:
        return None
    year = int(found["year"])
    start_year = year - 1 if month1 > month2 else year
    return date(start_year, month1, int(found["d1"])), date(year, month2, int(found["d2"]))


def parse_month(text: str) -> tuple[int, int] | None:
    """The first "Month YYYY" in `text`, as (year, month)."""
    found = _MONTH_YEAR.search(text)
    if not found:
        return None
    month = month_number(found["month"])
    return (int(found["year"]), month) if month else None


def add_years(day: date, years: int) -> date:
    """`day` moved by whole years, 29 February becoming 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def end_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def from_iso(text: str) -> When:
    """ "2018-06-03" -> a day, "2018-06" -> Month, "2018" -> Year (a time or zone after a day
    is ignored)."""
    text = text.strip()
    if len(text) >= 10:
        return date.fromisoformat(text[:10])
    if len(text) == 7:
        return Month(int(text[:4]), int(text[5:7]))
    if len(text) == 4 and text.isdigit():
        return Year(int(text))
    raise ValueError(f"not an ISO date, month or year: {text!r}")


# Words that make a sentence about what is to come: a date in it is no evidence of when the
# document was written ("a follow-up visit from June 2020", "will report in March").
_FUTURE = re.compile(
    r"\b(?:will|would|shall|plan(?:s|ned)?|propos(?:e|ed|al)|due|next|expected|intend\w*|"
    r"from|until|by the end of)\b",
    re.IGNORECASE,
)


def past_mentions(text: str) -> list[When]:
    """Days and months that `text` mentions in sentences not about the future (bare years
    are left out: "since 2001" or "20 year projections" date nothing)."""
    found: list[When] = []
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        if _FUTURE.search(sentence):
            continue
        for match in _DAY.finditer(sentence):
            month = month_number(match["month"])
            if month:
                found.append(date(int(match["year"]), month, int(match["day"])))
        for match in _ISO.finditer(sentence):
            found.append(date(int(match["year"]), int(match["month"]), int(match["day"])))
        for match in _MONTH_YEAR.finditer(sentence):
            month = month_number(match["month"])
            if month:
                found.append(Month(int(match["year"]), month))
    return found


def latest_past_mention(text: str) -> When | None:
    """The latest day or month `text` mentions as past or present: a lower bound for the
    date of an undated document (it was written no earlier than the events it reports)."""
    mentions = past_mentions(text)
    return max(mentions, key=lambda when: (first_day(when), isinstance(when, date)), default=None)

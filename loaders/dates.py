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


_SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 2),
}
_DAY_T = r"(?P<{0}>\d{{1,2}})(?:st|nd|rd|th)?"
_MONTH_T = r"(?P<{0}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_TO = r"\s*(?:-|–|—|to|until|and|&)\s*"
_PERIODS = (
    # 30 November 2021 – 3 December 2021 / 29 December – 2 January 2022 / 20-23 March 2018
    re.compile(
        rf"\b{_DAY_T.format('d1')}(?:\s+{_MONTH_T.format('m1')}(?:,?\s+(?P<y1>\d{{4}}))?)?"
        rf"(?:\s*,\s*\d{{1,2}}(?:st|nd|rd|th)?)*{_TO}{_DAY_T.format('d2')}\s+"
        rf"{_MONTH_T.format('m2')},?\s+(?P<y2>\d{{4}})\b",
        re.IGNORECASE,
    ),
    # March – April 2019 / November 2021 – January 2022
    re.compile(
        rf"\b{_MONTH_T.format('m1')}(?:\s+(?P<y1>\d{{4}}))?{_TO}{_MONTH_T.format('m2')}"
        rf"\s+(?P<y2>\d{{4}})\b",
        re.IGNORECASE,
    ),
)
_SEASON = re.compile(
    r"\b(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<year>\d{4})\b", re.I
)


_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+(?=\d)", re.IGNORECASE)


# Other ways of writing days, rewritten as day month year before reading: month first
# ("September 18th-21st 2012", "March 5, 2019") and numbers ("28.02.2017", "28/02/2017": day
# first, as English papers write them).
_MONTH_FIRST = re.compile(
    rf"\b{_MONTH}\s+(?P<d1>\d{{1,2}}){_ORD}(?:\s*(?P<to>-|–|—|to)\s*(?P<d2>\d{{1,2}}){_ORD})?"
    rf",?\s+(?P<year>\d{{4}})\b",
    re.IGNORECASE,
)
_NUMERIC = re.compile(r"\b(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})\b")


def _as_written_in_full(text: str) -> str:
    def month_first(m: re.Match[str]) -> str:
        days = f"{m['d1']}-{m['d2']}" if m["d2"] else m["d1"]
        return f"{days} {m['month']} {m['year']}"

    def numeric(m: re.Match[str]) -> str:
        month = int(m["m"])
        if not 1 <= month <= 12:
            return m.group()
        return f"{int(m['d'])} {calendar.month_name[month]} {m['y']}"

    return _NUMERIC.sub(numeric, _MONTH_FIRST.sub(month_first, text))


def parse_period(text: str) -> tuple[When, When] | None:
    """The first period `text` states, at its precision: a range of days (across months or
    years), a single day, a range of months, a month, or a season ("spring 2023": March to
    May; "winter 2023": December 2023 to February 2024). Weekday names before a day are
    read past ("from Tuesday 7 to Friday 10 March 2023"); days written month first or as
    numbers are read too."""
    text = _as_written_in_full(_WEEKDAY.sub("", text))
    found: list[tuple[int, tuple[When, When]]] = []
    days = _PERIODS[0].search(text)
    if days:
        period = _day_range(days)
        if period:
            found.append((days.start(), period))
    months = _PERIODS[1].search(text)
    if months and not (days and days.start() <= months.start() < days.end()):
        m1, m2 = month_number(months["m1"]), month_number(months["m2"])
        if m1 and m2:
            y2 = int(months["y2"])
            y1 = int(months["y1"]) if months["y1"] else (y2 - 1 if m1 > m2 else y2)
            found.append((months.start(), (Month(y1, m1), Month(y2, m2))))
    single = _find_day(text)
    if single is not None and not any(start <= single[0] < start + 40 for start, _ in found):
        found.append((single[0], (single[1], single[1])))
    month = _MONTH_YEAR.search(text)
    if month and not any(abs(start - month.start()) < 40 for start, _ in found):
        number = month_number(month["month"])
        if number:
            when = Month(int(month["year"]), number)
            found.append((month.start(), (when, when)))
    season = _SEASON.search(text)
    if season and not found:
        first, last = _SEASONS[season["season"].lower()]
        year = int(season["year"])
        found.append((season.start(), (Month(year, first), Month(year + (last < first), last))))
    return min(found, key=lambda pair: pair[0])[1] if found else None


def _day_range(found: re.Match[str]) -> tuple[date, date] | None:
    month2 = month_number(found["m2"])
    month1 = month_number(found["m1"]) if found["m1"] else month2
    if month1 is None or month2 is None:
        return None
    year2 = int(found["y2"])
    year1 = int(found["y1"]) if found["y1"] else (year2 - 1 if month1 > month2 else year2)
    try:
        start, end = date(year1, month1, int(found["d1"])), date(year2, month2, int(found["d2"]))
    except ValueError:
        return None
    return (start, end) if start <= end else None


def _find_day(text: str) -> tuple[int, date] | None:
    iso = _ISO.search(text)
    day = _DAY.search(text)
    if iso and (not day or iso.start() < day.start()):
        try:
            return iso.start(), date(int(iso["year"]), int(iso["month"]), int(iso["day"]))
        except ValueError:
            return None
    if day:
        month = month_number(day["month"])
        if month:
            try:
                return day.start(), date(int(day["year"]), month, int(day["day"]))
            except ValueError:
                return None
    return None


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

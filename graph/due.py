"""Who is overdue, as of a date: challenges with no recorded follow-up within two years, and
councils with no peer challenge in five.

Definitions (so that a reader can check an answer by hand):
- A challenge's date is its `cg:startDate` at the precision the graph states it (a day, or a
  month: "2011-12"), else the year and month in its key (`E09000030-2018-06` -> 2018-06).
  The same value is printed and reckoned with: a follow-up is due two years on at the same
  precision (2011-12 -> 2013-12), overdue from that day, or once that month is over.
  Follow-up visits and planned challenges are not challenges that need a follow-up;
  challenges after the as-of date are ignored.
- A follow-up is *recorded* when a follow-up visit or progress review of it took place
  (`cg:followUpOf`, not `cg:isPlanned`), or a document dated within the window records a
  council action that responds to it or to one of its recommendations. A challenge is
  overdue when its two-year window has closed by the as-of date with no such record.
- A council (every `cg:Council` of the register, less those whose `cg:endDate` is on or
  before the as-of date) is due when no challenge of any type took place in the five
  years up to the as-of date.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

import pyoxigraph as ox

from graph.namespaces import sparql_prologue
from graph.sparql import rows
from loaders.dates import Month, When, Year, first_day, from_iso, last_day
from loaders.dates import add_years as _add_years

FOLLOW_UP_YEARS = 2
CHALLENGE_YEARS = 5
_CHALLENGES = (
    sparql_prologue()
    + """
SELECT ?challenge ?council ?councilName ?start ?label WHERE {
  ?challenge a cg:PeerChallenge ; cg:subject ?council .
  ?council skos:prefLabel ?councilName .
  OPTIONAL { ?challenge cg:startDate ?start }
  OPTIONAL { ?challenge rdfs:label ?label }
  FILTER NOT EXISTS { ?challenge cg:isPlanned true }
  FILTER NOT EXISTS { ?challenge cg:followUpOf ?earlier }
}
"""
)
_RECORDS = (
    sparql_prologue()
    + """
SELECT ?challenge ?when ?how WHERE {
  { ?visit cg:followUpOf ?challenge . FILTER NOT EXISTS { ?visit cg:isPlanned true }
    OPTIONAL { ?visit cg:startDate ?when } BIND("follow-up visit" AS ?how) }
  UNION
  { { ?action cg:respondsTo ?challenge } UNION { ?action cg:respondsTo/cg:madeBy ?challenge }
    ?action a cg:Action ; prov:wasDerivedFrom ?doc . ?doc dct:date ?when .
    BIND("recorded response" AS ?how) }
}
"""
)
_COUNCILS = (
    sparql_prologue()
    + """
SELECT ?council ?name ?gss ?end WHERE {
  ?council a cg:Council ; skos:prefLabel ?name ; cg:gssCode ?gss .
  OPTIONAL { ?council cg:endDate ?end }
}
ORDER BY ?gss
"""
)
_KEY_DATE = re.compile(r"-(\d{4})(?:-(\d{2}))?(?:-[a-z-]+)?$")


@dataclass(frozen=True)
class OverdueChallenge:
    challenge: str
    label: str | None
    council: str
    council_name: str
    date: str
    follow_up_due: str


@dataclass(frozen=True)
class DueCouncil:
    council: str
    name: str
    gss: str
    last_challenge: str | None  # date of the latest challenge up to the as-of date, if any


@dataclass(frozen=True)
class DueReport:
    as_of: str
    challenges: list[OverdueChallenge]
    councils: list[DueCouncil]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def add_years(when: When, years: int) -> When:
    """`when` moved by whole years at its own precision (29 February becomes 28 February)."""
    if isinstance(when, Month):
        return Month(when.year + years, when.month)
    if isinstance(when, Year):
        return Year(when.year + years)
    return _add_years(when, years)


def challenge_date(row: dict[str, Any]) -> When | None:
    """A challenge's date as the graph states it -- a day, or a month where only the month is
    known -- else the year and month in its key."""
    if row.get("start"):
        return from_iso(str(row["start"]))
    match = _KEY_DATE.search(row["challenge"])
    if not match:
        return None
    return Month(int(match[1]), int(match[2])) if match[2] else Year(int(match[1]))


def _still_open(due: When, as_of: date) -> bool:
    """A follow-up due on a day is overdue from that day; due in a month or year, once the
    month or year is over."""
    return due > as_of if isinstance(due, date) else last_day(due) >= as_of


def overdue_challenges(store: ox.Store, as_of: date) -> list[OverdueChallenge]:
    records: dict[str, list[date | None]] = {}
    for row in rows(store, _RECORDS):
        when = first_day(from_iso(str(row["when"]))) if row.get("when") else None
        records.setdefault(row["challenge"], []).append(when)
    out = []
    for row in rows(store, _CHALLENGES):
        started = challenge_date(row)
        if started is None or first_day(started) > as_of:
            continue
        due = add_years(started, FOLLOW_UP_YEARS)
        if _still_open(due, as_of):
            continue
        # An undated follow-up visit still counts: the source says it took place.
        window = (first_day(started), last_day(due))
        if any(w is None or window[0] <= w <= window[1] for w in records.get(row["challenge"], [])):
            continue
        # printed at the precision the graph states it, and the same value reckoned with
        out.append(
            OverdueChallenge(
                row["challenge"],
                row.get("label"),
                row["council"],
                row["councilName"],
                str(started),
                str(due),
            )
        )
    return sorted(out, key=lambda c: (c.date, c.challenge))


def due_councils(store: ox.Store, as_of: date) -> list[DueCouncil]:
    latest: dict[str, date] = {}
    for row in rows(
        store,
        _CHALLENGES.replace("  FILTER NOT EXISTS { ?challenge cg:followUpOf ?earlier }\n", ""),
    ):
        when = challenge_date(row)
        started = first_day(when) if when is not None else None
        if started is not None and started <= as_of:
            latest[row["council"]] = max(started, latest.get(row["council"], started))
    cutoff = _add_years(as_of, -CHALLENGE_YEARS)
    out = []
    for row in rows(store, _COUNCILS):
        if row.get("end") and first_day(from_iso(str(row["end"]))) <= as_of:
            continue  # abolished or merged by then
        last = latest.get(row["council"])
        if last is None or last < cutoff:
            out.append(
                DueCouncil(
                    row["council"], row["name"], row["gss"], last.isoformat() if last else None
                )
            )
    return out


def due(store: ox.Store, as_of: date) -> DueReport:
    return DueReport(
        as_of.isoformat(), overdue_challenges(store, as_of), due_councils(store, as_of)
    )

"""Live on a date: the one rule that /leads, `councilgraph leads`, the maps and reliance share.

A membership is live on a date when its known interval holds the date; with no known end,
only while its latest evidence (its last statement, or its start) is within the window
before the date; with no known start, only from the window before its earliest evidence
(its first statement, or its end if earlier) and not before `cg:notBefore`; a former post
with no known end, never. The inputs are the tenure `graph.tenure` works out at build time
(README, "True in time").

Whatever the date, that is one span of days per membership: `span` gives it, and a
membership is live on exactly the days from `Span.first` to `Span.last`. So a caller decides
any number of dates from one span, and a map page carries each link's span and compares
ISO text, with no copy of the rule in its script. The window moves a date by whole years
by its digits (2012-02-29 less three years is "2009-02-29", which 2009-02-28 falls short of
and 2009-03-01 passes), so a span's ends are ISO text, not always real days.

The library query q12 states the same rule in SPARQL for researchers, and
`graph.mirror.leads` in Cypher; tests hold both to this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Evidence:
    """What the rule reads of one membership: its tenure, as ISO dates."""

    held_from: str | None = None  # cg:heldFrom
    held_until: str | None = None  # cg:heldUntil (stated or inferred)
    not_before: str | None = None  # cg:notBefore
    first_stated: str | None = None  # cg:firstStated
    last_stated: str | None = None  # cg:lastStated
    former: bool = False  # cg:isFormer


@dataclass(frozen=True)
class Span:
    """The days a membership is live: from `first` to `last`, both included (ISO text)."""

    first: str
    last: str

    def holds(self, day: date | str) -> bool:
        text = day if isinstance(day, str) else day.isoformat()
        return self.first <= text <= self.last

    def meets(self, other: Span) -> bool:
        """Whether the two spans share a day."""
        return self.first <= other.last and other.first <= self.last


def shifted(day: date | str, years: int) -> str:
    """`day` moved by whole years by its digits, as q12 moves it: 2012-02-29 less three
    years is "2009-02-29", which 2009-02-28 falls short of and 2009-03-01 passes."""
    text = day if isinstance(day, str) else day.isoformat()
    return f"{int(text[:4]) + years:04d}{text[4:]}"


def span(evidence: Evidence, window_years: int) -> Span | None:
    """The days `evidence`'s membership is live under a window of `window_years`, or None
    when it is live on none (a former post with no known end; no evidence of when)."""
    e = evidence
    if e.former and e.held_until is None:
        return None
    if e.held_from is not None:
        first = e.held_from
    else:
        earliest = min((d for d in (e.first_stated, e.held_until) if d), default=None)
        if earliest is None:
            return None
        first = max(shifted(earliest, -window_years), e.not_before or "")
    if e.held_until is not None:
        last = e.held_until
    else:
        latest = max((d for d in (e.last_stated, e.held_from) if d), default=None)
        if latest is None:
            return None
        last = shifted(latest, window_years)
    return Span(first, last) if first <= last else None


def live_on(evidence: Evidence, day: date, window_years: int) -> bool:
    """Whether the membership is live on `day` (see `span`)."""
    found = span(evidence, window_years)
    return found is not None and found.holds(day)

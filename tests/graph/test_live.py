"""The one rule for "live on a date" (graph.live): its spans worked out by hand, and the
library query q12, which states the rule in SPARQL for researchers, held to it on every row
of two real builds, on dates either side of every change."""

from __future__ import annotations

from datetime import date

import pyoxigraph as ox
import pytest

from graph.leads import evidence, lead_rows
from graph.live import Evidence, Span, live_on, shifted, span

DATES = [date(y, m, d) for y in range(2005, 2027, 2) for m, d in ((2, 1), (6, 1), (9, 1))]
DATES += [date(2010, 7, 31), date(2010, 8, 1), date(2012, 2, 29), date(2014, 12, 1)]
DATES += [date(2018, 3, 19), date(2018, 3, 20), date(2018, 3, 23), date(2018, 3, 24)]


def test_a_known_interval_is_the_span() -> None:
    found = span(Evidence(held_from="2010-08-01", held_until="2012-01-31"), 3)
    assert found == Span("2010-08-01", "2012-01-31")
    assert found.holds(date(2010, 8, 1)) and found.holds("2012-01-31")
    assert not found.holds(date(2010, 7, 31)) and not found.holds(date(2012, 2, 1))


def test_no_known_end_lasts_the_window_after_the_latest_evidence() -> None:
    # started 2010-08-01, last stated 2011-12-01: live to 2014-12-01 with a window of three
    assert span(Evidence(held_from="2010-08-01", last_stated="2011-12-01"), 3) == Span(
        "2010-08-01", "2014-12-01"
    )
    # a start later than the last statement is the latest evidence
    assert span(Evidence(held_from="2017-09-01", last_stated="2017-07-01"), 3) == Span(
        "2017-09-01", "2020-09-01"
    )


def test_no_known_start_counts_from_the_window_before_the_earliest_evidence() -> None:
    stated = Evidence(first_stated="2014-02-10", last_stated="2019-05-20")
    assert span(stated, 3) == Span("2011-02-10", "2022-05-20")
    # not before the day after its predecessor was last known to hold
    after = Evidence(first_stated="2014-02-10", last_stated="2019-05-20", not_before="2012-03-16")
    assert span(after, 3) == Span("2012-03-16", "2022-05-20")
    # an end earlier than the first statement is the earliest evidence
    ended = Evidence(held_until="2012-06-30", first_stated="2014-02-10")
    assert span(ended, 3) == Span("2009-06-30", "2012-06-30")


def test_former_posts_and_posts_with_no_evidence_are_never_live() -> None:
    assert (
        span(Evidence(first_stated="2011-12-01", last_stated="2011-12-01", former=True), 3) is None
    )
    assert span(Evidence(), 3) is None
    assert span(Evidence(held_from="2010-01-01", held_until="2009-12-31"), 3) is None
    # a former post whose end a source gives held until then, as /leads lists it
    dated = Evidence(held_from="2004-01-01", held_until="2010-07-31", former=True)
    assert live_on(dated, date(2008, 1, 1), 3) and not live_on(dated, date(2010, 8, 1), 3)


def test_the_window_moves_a_date_by_its_digits() -> None:
    assert shifted("2012-02-29", -3) == "2009-02-29"
    leap = Evidence(first_stated="2012-02-29", last_stated="2012-02-29")
    assert not live_on(leap, date(2009, 2, 28), 3) and live_on(leap, date(2009, 3, 1), 3)
    assert live_on(leap, date(2015, 2, 28), 3) and not live_on(leap, date(2015, 3, 1), 3)
    assert span(leap, 0) == Span("2012-02-29", "2012-02-29")


@pytest.mark.parametrize("which", ["corpus_store", "tenure_store"])
def test_q12_states_the_same_rule(which: str, request: pytest.FixtureRequest) -> None:
    store: ox.Store = request.getfixturevalue(which)
    checked = 0
    for on in DATES:
        for window in (0, 3, 5):
            for row in lead_rows(store, on=on, window_years=window, include_stale=True):
                assert bool(row.get("current")) == live_on(evidence(row), on, window), (on, row)
                checked += 1
    assert checked > 1000

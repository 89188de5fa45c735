"""The mirror carries each membership's tenure, and Cypher's "who led what on a date" gives the
same rows as /leads (graph.leads, q12) on the bundled corpus and on tests/data/tenure."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pyoxigraph as ox
import pytest
from conftest import TARGETS, make_target

from councilgraph.settings import Settings
from graph.leads import leads
from graph.mirror import Target, project_store, sync
from graph.mirror.leads import leads_on
from graph.store import open_store

ID = "https://w3id.org/councilgraph/id/"
THURROCK = ID + "council/E06000034"
DATES = [date(y, m, d) for y in range(2005, 2027, 2) for m, d in ((2, 1), (6, 1), (9, 1))]
DATES += [date(2010, 7, 31), date(2010, 8, 1), date(2012, 2, 29), date(2014, 12, 1)]


@pytest.fixture(scope="module", params=TARGETS)
def mirrors(
    request: pytest.FixtureRequest, corpus_settings: Settings, tenure_settings: Settings
) -> Iterator[dict[str, tuple[ox.Store, Target]]]:
    made = {}
    for name, settings in (("bundled", corpus_settings), ("tenure", tenure_settings)):
        store = open_store(settings.store)
        target = make_target(request.param, request)
        sync(project_store(store), target, batch_size=250)
        made[name] = (store, target)
    yield made
    for _, target in made.values():
        target.drop()  # type: ignore[attr-defined]
        target.close()


def _sparql(store: ox.Store, on: date, **filters: object) -> set[tuple[object, ...]]:
    return {
        (
            lead.membership,
            lead.name,
            lead.since,
            lead.until,
            lead.basis,
            lead.last_stated,
            lead.stale,
        )
        for lead in leads(store, ID, on=on, window_years=3, **filters)  # type: ignore[arg-type]
    }


def _cypher(target: Target, on: date, **filters: object) -> set[tuple[object, ...]]:
    return {
        (
            lead.membership,
            lead.name,
            lead.since,
            lead.until,
            lead.basis,
            lead.last_stated,
            lead.stale,
        )
        for lead in leads_on(target, on, 3, **filters)
    }


@pytest.mark.parametrize("corpus", ["bundled", "tenure"])
def test_cypher_gives_the_rows_of_leads_on_every_date(
    mirrors: dict[str, tuple[ox.Store, Target]], corpus: str
) -> None:
    store, target = mirrors[corpus]
    seen = 0
    for on in DATES:
        expected = _sparql(store, on)
        assert _cypher(target, on) == expected, on
        seen += len(expected)
    assert seen > 20  # the dates do find posts
    everything = _sparql(store, date(2013, 1, 1), include_stale=True)
    assert _cypher(target, date(2013, 1, 1), include_stale=True) == everything


def test_the_same_with_filters(mirrors: dict[str, tuple[ox.Store, Target]]) -> None:
    store, target = mirrors["bundled"]
    for on in (date(2010, 6, 1), date(2012, 2, 1)):
        expected = _sparql(store, on, organisation=THURROCK)
        assert expected and _cypher(target, on, organisation=THURROCK) == expected
    farrant = ID + "person/graham-farrant"
    stale = _sparql(store, date(2024, 1, 1), include_stale=True, person=farrant)
    assert len(stale) == 2
    assert _cypher(target, date(2024, 1, 1), include_stale=True, person=farrant) == stale
    store, target = mirrors["tenure"]
    skills = _sparql(store, date(2016, 9, 1), area="skills")
    assert [row[1] for row in skills] == ["Neil Ortiz"]
    assert _cypher(target, date(2016, 9, 1), area="skills") == skills


def test_the_short_cut_carries_the_interval_and_its_basis(
    mirrors: dict[str, tuple[ox.Store, Target]],
) -> None:
    _, target = mirrors["bundled"]
    [[until, basis, interim, kind, listed]] = target.read(
        "MATCH (p:Person {name: $name})-[m:MEMBER_OF]->(o:Council {uri: $org}) "
        "RETURN m.heldUntil, m.endBasis, m.interim, m.linkKind, m.listed",
        {"name": "Bob Coomber", "org": THURROCK},
    )
    assert (until, basis, interim, kind, listed) == (
        date(2010, 7, 31),
        "inferred",
        True,
        "post",
        True,
    )

"""Reliance and the maps on a date, by kind of link (issue 16, part 3), with answers checked
by hand against the documents.

Bundled corpus: the LGA paper (dated 2011-12-01, inferred) says Graham Farrant took over as
Chief Executive of Thurrock in August 2010, formerly of Barking and Dagenham (a former post,
end not known: career history, live on no day). The Islington peer team was on site 20-23
March 2018; Giles Perritt sat on it from Plymouth City Council. The Islington report says
its partnerships "are reliant on individual relationships".

tests/data/tenure: Mary Adeyemi (Camden's chief executive, stated 13 October 2015) is
London Councils' Lead Chief Executive for skills from 1 September 2015, until Neil Ortiz's
commission starts on 1 September 2016.
"""

from __future__ import annotations

from datetime import date

import networkx as nx
import pyoxigraph as ox
import pytest

from graph.leads import leads
from visualisations import facts, metrics, projections
from visualisations.metrics import PairReliance, Reliance
from visualisations.service import reliance

ID = "https://w3id.org/councilgraph/id/"
THURROCK, BARKING = "Thurrock Council", "London Borough of Barking and Dagenham"
FARRANT = ID + "person/graham-farrant"
ISLINGTON_REPORT = "islington-corporate-peer-challenge-2018"
DATES = [date(y, m, d) for y in range(2005, 2027, 2) for m, d in ((2, 1), (6, 1), (9, 1))]
DATES += [date(2010, 7, 31), date(2010, 8, 1), date(2016, 8, 31), date(2016, 9, 1)]


def pair(result: Reliance, a: str, b: str) -> PairReliance | None:
    found = [p for p in result.pairs if {p.a_label, p.b_label} == {a, b}]
    assert len(found) <= 1
    return found[0] if found else None


def by_label(graph: nx.Graph, label: str) -> str:
    (node,) = [n for n, d in graph.nodes(data=True) if d.get("label") == label]
    return str(node)


@pytest.mark.parametrize("which", ["corpus_store", "tenure_store"])
def test_the_maps_count_a_post_on_the_days_leads_lists_it(
    which: str, request: pytest.FixtureRequest
) -> None:
    store: ox.Store = request.getfixturevalue(which)
    found = facts.load(store)
    compared = 0
    for on in DATES:
        drawn = {
            (link.person, link.org, link.post, link.area)
            for *_, data in projections.leads_network(found, on).edges(data=True)
            for link in data["links"]
        }
        listed = {
            (lead.person, lead.organisation, lead.role_label, lead.area_label)
            for lead in leads(store, ID, on=on, window_years=3)
        }
        assert drawn == listed, on
        compared += len(listed)
    assert compared > 50


@pytest.mark.parametrize("on", [None, date(2010, 8, 1), date(2012, 2, 1)])
def test_thurrock_and_barking_and_dagenham_hang_on_no_one(
    corpus_store: ox.Store, on: date | None
) -> None:
    result = reliance(corpus_store, on)
    assert pair(result, THURROCK, BARKING) is None
    assert all("Graham Farrant" not in p.people for p in result.pairs)
    # he is there, as Thurrock's chief executive: his Barking and Dagenham post is history
    people = projections.person_org_network(facts.load(corpus_store), on)
    assert {people.nodes[o]["label"] for o in people[FARRANT]} == {THURROCK}


def test_nor_do_the_maps_join_them(corpus_store: ox.Store) -> None:
    found = facts.load(corpus_store)
    for on in (None, date(2012, 2, 1)):
        graph = projections.organisation_network(found, on)
        thurrock = by_label(graph, THURROCK)
        assert BARKING not in {graph.nodes[n]["label"] for n in graph[thurrock]}


@pytest.mark.parametrize("on", [None, date(2018, 3, 21), date(2031, 1, 1)])
def test_the_islington_partnership_its_report_flags_is_named(
    corpus_store: ox.Store, on: date | None
) -> None:
    (flagged,) = reliance(corpus_store, on).partnerships
    assert flagged.label == "London Borough of Islington partnerships"
    assert "reliant on individual relationships" in flagged.statement
    assert flagged.source.endswith(ISLINGTON_REPORT)
    assert "London Borough of Islington" in flagged.members


@pytest.mark.parametrize(
    ("on", "seated"),
    [
        (date(2018, 3, 19), False),
        (date(2018, 3, 20), True),
        (date(2018, 3, 23), True),
        (date(2018, 3, 24), False),
    ],
)
def test_a_peer_team_seat_counts_only_while_the_team_is_on_site(
    corpus_store: ox.Store, on: date, seated: bool
) -> None:
    plymouth = pair(
        reliance(corpus_store, on), "Plymouth City Council", "London Borough of Islington"
    )
    if not seated:
        assert plymouth is None
        return
    assert plymouth is not None
    assert (plymouth.connectivity, plymouth.hangs_on) == (1, "Giles Perritt")
    assert plymouth.kinds == ("post", "team-seat")
    seats = [c for c in plymouth.carried if c.kind == "team-seat"]
    assert [(c.organisation, c.since, c.until) for c in seats] == [
        ("London Borough of Islington", "2018-03-20", "2018-03-23")
    ]
    assert {c.organisation for c in plymouth.carried} == {
        "Plymouth City Council",
        "London Borough of Islington",
    }


def test_a_commission_joins_a_borough_to_london_councils_only_while_it_runs(
    tenure_store: ox.Store,
) -> None:
    during = pair(
        reliance(tenure_store, date(2016, 6, 1)), "London Borough of Camden", "London Councils"
    )
    assert during is not None and during.hangs_on == "Mary Adeyemi"
    assert during.kinds == ("commission", "post")
    (commission,) = [c for c in during.carried if c.kind == "commission"]
    assert (commission.since, commission.until) == ("2015-09-01", "2016-08-31")
    assert (commission.live_from, commission.live_until) == ("2015-09-01", "2016-08-31")
    after = reliance(tenure_store, date(2016, 9, 1))
    assert pair(after, "London Borough of Camden", "London Councils") is None
    hackney = pair(after, "London Borough of Hackney", "London Councils")
    assert hackney is not None and hackney.hangs_on == "Neil Ortiz"


def test_a_wider_window_keeps_a_post_with_no_known_end_longer(tenure_store: ox.Store) -> None:
    # Neil Ortiz's Hackney post was stated on 11 October 2016 only: live until 2019-10-11
    # with a window of three years, until 2021-10-11 with five
    on, ortiz = date(2020, 6, 1), ID + "person/neil-ortiz"
    assert ortiz not in projections.person_org_network(facts.load(tenure_store), on)
    wider = projections.person_org_network(facts.load(tenure_store, window_years=5), on)
    assert {wider.nodes[o]["label"] for o in wider[ortiz]} == {"London Borough of Hackney"}
    assert reliance(tenure_store, on, window_years=5).window_years == 5


def held(
    key: str, person: str, org: str, first: str, last: str, kind: str = "post"
) -> facts.Membership:
    return facts.Membership(
        iri=f"{ID}membership/{key}",
        person=f"{ID}person/{person}",
        name=person.title(),
        org=f"{ID}organisation/{org}",
        org_label=org.upper(),
        post="Chief Executive" if kind == "post" else "Peer",
        area=None,
        start=first,
        end=last,
        sources=(),
        held_from=first,
        held_until=last,
        link_kind=kind,
    )


def test_a_person_joins_only_what_they_hold_at_once() -> None:
    # Pat runs X, then Z alongside X, then Y alongside Z: X and Y never meet through Pat.
    # Sam runs X and, for a summer, sits on a peer team challenging W.
    found = facts.Facts(
        memberships=[
            held("1", "pat", "x", "2000-01-01", "2005-12-31"),
            held("2", "pat", "z", "2003-01-01", "2012-12-31"),
            held("3", "pat", "y", "2010-01-01", "2015-12-31"),
            held("4", "sam", "x", "2001-01-01", "2002-12-31"),
            held("5", "sam", "w", "2001-06-01", "2001-06-04", "team-seat"),
        ]
    )
    x, y, z, w = (f"{ID}organisation/{o}" for o in "xyzw")
    every = projections.organisation_network(found)
    assert {frozenset(e) for e in every.edges} == {
        frozenset((x, z)),
        frozenset((z, y)),
        frozenset((x, w)),
    }
    assert set(projections.organisation_network(found, date(2004, 1, 1)).edges) == {(x, z)}
    summer = projections.organisation_network(found, date(2001, 6, 2))
    assert {frozenset(e) for e in summer.edges} == {frozenset((x, w))}
    result = metrics.reliance(projections.person_org_network(found))
    pairs = {frozenset((p.a, p.b)): p for p in result.pairs}
    assert {k: (p.connectivity, p.hangs_on) for k, p in pairs.items()} == {
        frozenset((x, z)): (1, "Pat"),
        frozenset((z, y)): (1, "Pat"),
        frozenset((x, w)): (1, "Sam"),
    }
    assert pairs[frozenset((x, w))].kinds == ("post", "team-seat")
    assert set(result.articulation_people.values()) == {"Pat", "Sam"}

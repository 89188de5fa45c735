"""Projections of the bundled corpus (and of a small Turtle file for the Lead Chief Executives)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from councilgraph.errors import QueryError
from visualisations import facts, projections
from visualisations.service import reliance

DATA = Path(__file__).resolve().parent.parent / "data" / "visualisations"
ISLINGTON_REPORT = "islington-corporate-peer-challenge-2018"


def by_label(graph: nx.Graph, label: str) -> str:
    found = [n for n, d in graph.nodes(data=True) if d.get("label") == label]
    assert len(found) == 1, f"{label!r}: {found}"
    return found[0]


@pytest.fixture(scope="module")
def corpus(corpus_store: ox.Store) -> facts.Facts:
    return facts.load(corpus_store)


@pytest.fixture(scope="module")
def leads_store() -> ox.Store:
    store = ox.Store()
    data = (DATA / "leads.ttl").read_bytes()
    lcs = ox.NamedNode("https://w3id.org/councilgraph/id/doc/lcs")
    store.load(data, format=ox.RdfFormat.TURTLE, to_graph=lcs)
    store.load(data, format=ox.RdfFormat.TURTLE)  # the default graph: the merge, as built
    return store


def test_manchester_and_islington_are_linked_through_the_peer_team(corpus: facts.Facts) -> None:
    graph = projections.organisation_network(corpus)
    manchester = by_label(graph, "Manchester City Council")
    islington = by_label(graph, "London Borough of Islington")
    assert sorted(graph.edges[manchester, islington]["people"]) == [
        "Joanne Roney",
        "Lynne Ridsdale",
    ]
    links = projections.posts_on(graph, manchester, islington)
    posts = {link.post for link in links}
    assert "Chief Executive" in posts and any(post.startswith("Peer, ") for post in posts)
    assert {link.kind for link in links} == {"post", "team-seat"}
    assert all(any(s.endswith(ISLINGTON_REPORT) for s in link.sources) for link in links)
    assert 2018 in graph.nodes[islington]["years"]


def test_partnerships_are_tied_to_their_members(corpus: facts.Facts) -> None:
    graph = projections.organisation_network(corpus)
    partnership = by_label(graph, "London Borough of Islington partnerships")
    assert graph.nodes[partnership]["kind"] == "partnership" and graph.nodes[partnership]["reliant"]
    assert by_label(graph, "London Borough of Islington") in graph[partnership]
    assert graph.nodes[by_label(graph, "London Borough of Islington")]["kind"] == "council"


def test_person_org_edges_carry_person_post_and_source(corpus: facts.Facts) -> None:
    graph = projections.person_org_network(corpus)
    roney, manchester = by_label(graph, "Joanne Roney"), by_label(graph, "Manchester City Council")
    assert graph.nodes[roney]["kind"] == "person"
    (link,) = graph.edges[roney, manchester]["links"]
    assert (link.name, link.post) == ("Joanne Roney", "Chief Executive")
    assert link.sources[0].endswith(ISLINGTON_REPORT)
    assert any(iri.endswith(ISLINGTON_REPORT) for _, _, iri in graph.graph["sources"])


def test_peer_challenge_network_points_from_home_to_challenged(corpus: facts.Facts) -> None:
    graph = projections.peer_challenge_network(corpus)
    islington = by_label(graph, "London Borough of Islington")
    plymouth = by_label(graph, "Plymouth City Council")
    assert graph.is_directed() and graph.has_edge(plymouth, islington)
    assert not graph.has_edge(islington, plymouth)
    assert graph.edges[plymouth, islington]["people"] == ["Giles Perritt"]
    assert graph.in_degree(islington) >= 7


def test_reliance_on_the_corpus(corpus_store: ox.Store) -> None:
    result = reliance(corpus_store)
    pairs = {frozenset((p.a_label, p.b_label)): p for p in result.pairs}
    manchester = pairs[frozenset(("Manchester City Council", "London Borough of Islington"))]
    plymouth = pairs[frozenset(("Plymouth City Council", "London Borough of Islington"))]
    assert (manchester.connectivity, manchester.hangs_on) == (2, None)
    assert (plymouth.connectivity, plymouth.hangs_on) == (1, "Giles Perritt")
    assert "Giles Perritt" in result.articulation_people.values()
    assert "Joanne Roney" not in result.articulation_people.values()
    flagged = {p.label: p for p in result.partnerships}
    assert flagged["London Borough of Islington partnerships"].source.endswith(ISLINGTON_REPORT)


def test_council_network_centres_on_the_council(corpus: facts.Facts) -> None:
    graph = projections.network_for(corpus, "council:E09000019")
    islington = by_label(graph, "London Borough of Islington")
    assert by_label(graph, "Giles Perritt") in graph[islington]
    assert by_label(graph, "Plymouth City Council") in graph  # two steps away, through the peer
    assert "Thurrock Council" not in {d["label"] for _, d in graph.nodes(data=True)}


def test_unknown_council_and_map_names_are_refused(corpus: facts.Facts) -> None:
    with pytest.raises(QueryError, match="E09999999") as exc:
        projections.network_for(corpus, "council:E09999999")
    assert exc.value.status == 404
    with pytest.raises(QueryError, match="known: organisations"):
        projections.network_for(corpus, "nonsense")


def test_leads_network_joins_people_what_they_lead_and_policy_areas(
    leads_store: ox.Store,
) -> None:
    graph = projections.leads_network(facts.load(leads_store))
    shields, hackney = by_label(graph, "Tim Shields"), by_label(graph, "London Borough of Hackney")
    area = by_label(graph, "integrated health and care")
    london = by_label(graph, "London Councils")
    assert graph.nodes[area]["kind"] == "policy-area"
    assert graph.has_edge(shields, hackney) and graph.has_edge(shields, area)
    assert graph.has_edge(area, london)  # the commissions sit with London Councils
    assert graph.edges[shields, area]["people"] == ["Tim Shields"]
    (commission,) = graph.edges[shields, area]["links"]
    assert (commission.kind, commission.start) == ("commission", "2017-09-01")
    assert graph.nodes[area]["years"] == [2017]
    # a lead whose borough the graph does not know still shows
    assert graph.has_edge(by_label(graph, "<b>Anon</b>"), area)
    assert graph.graph["sources"] == [
        ("Lead Chief Executives 2017", "2017-07-01", "https://w3id.org/councilgraph/id/doc/lcs")
    ]


def test_leads_on_a_date_keep_the_posts_held_then(leads_store: ox.Store) -> None:
    found = facts.load(leads_store)
    # all stated 2017-07-01 (window 3 years); Shields's commission begins 2017-09-01, Anon's
    # is undated and ends the day before (inferred); Shields's Hackney post is undated
    shields, anon = (
        "https://w3id.org/councilgraph/id/person/tim-shields",
        "https://w3id.org/councilgraph/id/person/no-borough",
    )
    hackney = "https://w3id.org/councilgraph/id/council/E09000012"
    area = "policy-area:integrated health and care"
    august = projections.leads_network(found, date(2017, 8, 1))
    assert august.has_edge(anon, area) and not august.has_edge(shields, area)
    assert august.has_edge(shields, hackney)  # his post, as stated in July
    march = projections.leads_network(found, date(2018, 3, 1))
    assert march.has_edge(shields, area) and not march.has_edge(anon, area)
    # as on /leads, an undated post counts from three years before its first statement
    june = projections.leads_network(found, date(2017, 6, 1))
    assert june.has_edge(anon, area) and june.has_edge(shields, hackney)
    assert not june.has_edge(shields, area)
    before = projections.leads_network(found, date(2014, 6, 30))
    assert before.number_of_nodes() == 0
    # three years after its statement the undated post is stale; the dated commission,
    # last evidenced by its start, holds three years from that
    later = projections.leads_network(found, date(2020, 8, 1))
    assert later.has_edge(shields, area) and not later.has_edge(shields, hackney)
    gone = projections.leads_network(found, date(2031, 1, 1))  # no statement for 13 years
    assert gone.number_of_nodes() == 0
    assert gone.graph["empty"] == "no leadership posts or commissions in the graph for 2031-01-01"


def test_the_bundled_leads_map_draws_leaders_and_not_former_posts(corpus: facts.Facts) -> None:
    graph = projections.leads_network(corpus)
    farrant = by_label(graph, "Graham Farrant")
    assert by_label(graph, "Thurrock Council") in graph[farrant]
    # stated as his former post: a career move, not a post he leads
    barking = [n for n, d in graph.nodes(data=True) if "Barking" in d["label"]]
    assert not any(graph.has_edge(farrant, n) for n in barking)
    (post,) = graph.edges[farrant, by_label(graph, "Thurrock Council")]["links"]
    assert (post.kind, post.post, post.start) == ("post", "Chief Executive", "2010-08-01")


def labels(graph: nx.Graph) -> set[str]:
    return {d["label"] for _, d in graph.nodes(data=True)}

"""Reliance metrics on small hand-made graphs whose answers are known by hand.

    A -p1- B -p2- C =q1,q2,q3= D -r1- E -r2- F -r3- D

A–B and B–C hang on one person each (p1, p2, both articulation points); C–D is joined by
three people; D–E is carried by one person (r1) but does not hang on him: D–F–E goes round.
"""

from __future__ import annotations

import networkx as nx
import pytest

from visualisations.facts import Partnership
from visualisations.metrics import annotate, reliance

POSTS = {
    "p1": "AB",
    "p2": "BC",
    "q1": "CD",
    "q2": "CD",
    "q3": "CD",
    "r1": "DE",
    "r2": "EF",
    "r3": "FD",
}


@pytest.fixture()
def chain() -> nx.Graph:
    graph = nx.Graph()
    for org in "ABCDEF":
        graph.add_node(org, kind="organisation", label=f"Org {org}")
    for person, orgs in POSTS.items():
        graph.add_node(person, kind="person", label=person.upper())
        graph.add_edges_from((person, org) for org in orgs)
    return graph


def pair(result, a: str, b: str):  # type: ignore[no-untyped-def]
    return next(p for p in result.pairs if {p.a, p.b} == {a, b})


def test_pair_joined_by_one_person_hangs_on_that_person(chain: nx.Graph) -> None:
    result = reliance(chain)
    ab = pair(result, "A", "B")
    assert (ab.people, ab.connectivity, ab.hangs_on) == (("P1",), 1, "P1")


def test_pair_joined_by_three_people_needs_three_to_leave(chain: nx.Graph) -> None:
    cd = pair(reliance(chain), "C", "D")
    assert cd.people == ("Q1", "Q2", "Q3")
    assert cd.connectivity == 3 and cd.hangs_on is None
    assert sorted(cd.cut) == ["Q1", "Q2", "Q3"]


def test_connectivity_counts_paths_round_through_other_organisations(chain: nx.Graph) -> None:
    de = pair(reliance(chain), "D", "E")
    assert de.people == ("R1",)
    assert de.connectivity == 2  # r1 directly, and r3 -> F -> r2


def test_articulation_people_are_the_single_threads(chain: nx.Graph) -> None:
    assert reliance(chain).articulation_people == {"p1": "P1", "p2": "P2"}


def test_bridges_are_the_links_whose_loss_disconnects(chain: nx.Graph) -> None:
    bridges = {frozenset((p.a, p.b)) for p in reliance(chain).pairs if p.bridge}
    assert bridges == {frozenset("AB"), frozenset("BC"), frozenset("CD")}


def test_weakest_pairs_come_first(chain: nx.Graph) -> None:
    assert [p.connectivity for p in reliance(chain).pairs] == [1, 1, 2, 2, 2, 3]


def test_share_of_outside_links_carried_by_the_best_connected_person(chain: nx.Graph) -> None:
    shares = {s.org: s for s in reliance(chain).shares}
    assert (shares["A"].outside_links, shares["A"].top_person, shares["A"].share) == (1, "P1", 1.0)
    assert shares["B"].outside_links == 2 and shares["B"].share == 0.5
    # D reaches C, E and F, each through different people: nobody carries more than a third
    assert shares["D"].outside_links == 3 and shares["D"].share == pytest.approx(1 / 3)


def test_betweenness_is_highest_for_the_person_in_the_middle(chain: nx.Graph) -> None:
    between = reliance(chain).betweenness
    assert between["p2"] > between["q1"] > 0
    assert 0 < between["p1"] < between["p2"]  # p1 only stands between A and the rest


def test_flagged_partnership_reports_how_thinly_its_members_are_joined(chain: nx.Graph) -> None:
    flagged = Partnership("P", "A and D", {"A": "Org A", "D": "Org D"}, reliant=True, source="doc")
    unflagged = Partnership("Q", "C and D", {"C": "Org C", "D": "Org D"})
    found = reliance(chain, [flagged, unflagged]).partnerships
    assert [(p.label, p.weakest, p.members) for p in found] == [("A and D", 1, ("Org A", "Org D"))]


def test_annotate_marks_single_person_links_and_people(chain: nx.Graph) -> None:
    drawn = annotate(chain, reliance(chain))
    assert drawn.nodes["p1"]["articulation"] and not drawn.nodes["q1"]["articulation"]
    assert drawn.edges["p1", "A"]["single_person"]
    assert not drawn.edges["q1", "C"]["single_person"]

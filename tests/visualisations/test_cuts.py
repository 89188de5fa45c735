"""The Gomory–Hu tree of people against a maximum flow per pair, on random graphs."""

from __future__ import annotations

import random
from itertools import combinations

import networkx as nx
import pytest

from visualisations.cuts import CutTree


def random_holdings(seed: int) -> dict[str, list[str]]:
    rng = random.Random(seed)
    orgs = [f"o{i}" for i in range(rng.randint(2, 14))]
    people = rng.randint(1, 24)
    return {f"p{i}": rng.sample(orgs, rng.randint(1, min(4, len(orgs)))) for i in range(people)}


def separated(holdings: dict[str, list[str]], a: str, b: str, gone: set[str]) -> bool:
    graph = nx.Graph()
    graph.add_nodes_from([a, b])
    for person, orgs in holdings.items():
        if person not in gone:
            graph.add_edges_from((person, o) for o in orgs)
    return not nx.has_path(graph, a, b)


def flow_value(holdings: dict[str, list[str]], a: str, b: str) -> int:
    """The fewest people separating a and b, by one maximum flow on the split graph."""
    flow = nx.DiGraph()
    flow.add_nodes_from([a, b])
    for person, orgs in holdings.items():
        flow.add_edge((person, "in"), (person, "out"), capacity=1)
        for org in orgs:
            flow.add_edge(org, (person, "in"))
            flow.add_edge((person, "out"), org)
    return int(nx.maximum_flow_value(flow, a, b))


@pytest.mark.parametrize("seed", range(40))
def test_every_pair_matches_a_flow_of_its_own(seed: int) -> None:
    holdings = random_holdings(seed)
    tree = CutTree(holdings)
    orgs = sorted({o for found in holdings.values() for o in found})
    pairs = list(combinations(orgs, 2))
    assert tree.connectivities(pairs).tolist() == [tree.connectivity(a, b) for a, b in pairs]
    for a, b in pairs:
        value = flow_value(holdings, a, b)
        assert tree.connectivity(a, b) == value, (a, b)
        cut = set(tree.cut(a, b))
        assert len(cut) == value
        if value:
            assert separated(holdings, a, b, cut)
            assert not separated(holdings, a, b, cut - {next(iter(cut))})


def test_unknown_and_unjoined_organisations_have_nothing_between_them() -> None:
    tree = CutTree({"p": ["a", "b"], "q": ["c", "d"], "r": ["e"]})
    assert tree.connectivity("a", "b") == 1 and tree.cut("a", "b") == ("p",)
    assert tree.connectivity("a", "c") == 0 and tree.cut("a", "c") == ()
    assert tree.connectivity("a", "e") == 0 and tree.connectivity("a", "zz") == 0
    assert tree.connectivities([("a", "b"), ("a", "c"), ("zz", "a"), ("a", "a")]).tolist() == [
        1,
        0,
        0,
        0,
    ]

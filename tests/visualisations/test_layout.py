"""The layout is a picture of the graph, not of the order its nodes were added in."""

from __future__ import annotations

import random

import networkx as nx

from visualisations.layout import positions


def test_same_graph_same_picture_whatever_the_insertion_order() -> None:
    edges = [(f"n{i}", f"n{(i * 7) % 60}") for i in range(59)]
    pictures = []
    for seed in (1, 2):
        shuffled = list(edges)
        random.Random(seed).shuffle(shuffled)
        graph = nx.Graph()
        graph.add_nodes_from(
            sorted({v for e in shuffled for v in e}, key=lambda _: random.random())
        )
        graph.add_edges_from(shuffled)
        pictures.append(positions(graph))
    assert pictures[0] == pictures[1]
    assert len(set(pictures[0].values())) == len(pictures[0])  # no two nodes on one spot

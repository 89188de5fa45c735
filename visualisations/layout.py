"""Node positions computed in Python, so a map opens still and draws at once.

Small graphs use networkx's Fruchterman–Reingold (`spring_layout`) with a fixed seed. Above
`EXACT_LIMIT` nodes that costs O(n²) per iteration (2,000 nodes: ~10 s; 10,000: minutes), so
a grid variant of the same algorithm takes over: repulsion only between nodes closer than
two ideal edge lengths (found with a k-d tree), as in Fruchterman and Reingold's own grid
method, plus a weak pull to the centre so separate components stay on screen. Same seed,
same picture.
"""

from __future__ import annotations

from collections.abc import Hashable

import networkx as nx
import numpy as np
from scipy.spatial import cKDTree

EXACT_LIMIT = 400
ITERATIONS = 60
SPACING = 90.0  # pixels per ideal edge length on the canvas


def positions(graph: nx.Graph, *, seed: int = 7) -> dict[Hashable, tuple[float, float]]:
    """Canvas coordinates (pixels, centred on 0) for every node; the same graph always gets
    the same picture, whatever order its nodes were added in."""
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(graph.nodes, key=str))
    pairs = ((str(a), str(b), a, b) for a, b in graph.edges)
    ordered.add_edges_from(
        sorted((x, y) if sa <= sb else (y, x) for sa, sb, x, y in pairs)
        if all(isinstance(n, str) for n in graph)
        else sorted((tuple(sorted(e, key=str)) for e in graph.edges), key=str)
    )
    graph = ordered
    n = graph.number_of_nodes()
    if n == 0:
        return {}
    if n == 1:
        return {next(iter(graph)): (0.0, 0.0)}
    if n <= EXACT_LIMIT:
        raw = nx.spring_layout(graph, seed=seed, k=1.5 / np.sqrt(n))
        nodes = list(raw)
        coords = np.array([raw[v] for v in nodes])
    else:
        nodes = list(graph)
        coords = grid_layout(graph, nodes, seed=seed)
    coords = coords - coords.mean(axis=0)
    span = float(np.abs(coords).max()) or 1.0
    scale = SPACING * np.sqrt(n) / span
    return {
        v: (round(float(x * scale), 1), round(float(y * scale), 1))
        for v, (x, y) in zip(nodes, coords, strict=True)
    }


def grid_layout(graph: nx.Graph, nodes: list[Hashable], *, seed: int) -> np.ndarray:
    """Fruchterman–Reingold with cut-off repulsion; O(n + m) per iteration."""
    index = {v: i for i, v in enumerate(nodes)}
    n = len(nodes)
    edges = np.array([(index[u], index[v]) for u, v in graph.edges() if u != v], dtype=int).reshape(
        -1, 2
    )
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    k = 1.0 / np.sqrt(n)
    for step in range(ITERATIONS):
        temperature = 0.1 * (1 - step / ITERATIONS) + 0.002
        disp = np.zeros_like(pos)
        pairs = cKDTree(pos).query_pairs(2 * k, output_type="ndarray")
        if len(pairs):
            delta = pos[pairs[:, 0]] - pos[pairs[:, 1]]
            dist = np.maximum(np.linalg.norm(delta, axis=1), 1e-6)[:, None]
            push = delta / dist * (k * k / dist)
            disp += _scatter(pairs[:, 0], push, n) - _scatter(pairs[:, 1], push, n)
        if len(edges):
            delta = pos[edges[:, 0]] - pos[edges[:, 1]]
            dist = np.maximum(np.linalg.norm(delta, axis=1), 1e-6)[:, None]
            pull = delta / dist * (dist * dist / k)
            disp += _scatter(edges[:, 1], pull, n) - _scatter(edges[:, 0], pull, n)
        disp += (0.5 - pos) * 0.05 * k  # gravity: keeps components from drifting away
        length = np.maximum(np.linalg.norm(disp, axis=1), 1e-9)[:, None]
        pos += disp / length * np.minimum(length, temperature)
    return pos


def _scatter(index: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    """Sum rows of `values` into n rows by `index` (np.add.at, but an order faster)."""
    return np.stack([np.bincount(index, values[:, d], minlength=n) for d in (0, 1)], axis=1)

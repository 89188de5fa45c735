"""Groups for the overview of a large map, and a layout that keeps each group together.

A map of every English council is a tangle (544 nodes and 5,018 links at 10%); a room
needs a summary it can talk to. Councils are grouped by region or by type of authority;
every other node joins the group most of its councils are in (at least half of them), or
else a group of its kind "across groups" (people who work across regions, organisations
that span them). The page draws a collapsed group as one node and the links between groups
with the people who carry them; a click expands a group into its members.

`grouped_positions` lays the groups out first (their links weighted by how many there are)
and each group's members around the group's place, so that a group opens where it was
drawn and the full map reads as islands rather than one ball.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable

import networkx as nx
import numpy as np

from visualisations.layout import SPACING, positions

MODES = ("region", "type")
ATTRIBUTE = {"region": "region", "type": "authority_type"}
NOT_RECORDED = {"region": "Region not recorded", "type": "Type not recorded"}
TYPES = {  # the register's types of authority (loaders/registers.py)
    "county": "County councils",
    "non-metropolitan-district": "District councils",
    "metropolitan-district": "Metropolitan districts",
    "london-borough": "London boroughs",
    "unitary": "Unitary authorities",
    "sui-generis": "Other authorities",
}
ACROSS = {
    "person": "People across {}s",
    "partnership": "Partnerships across {}s",
    "peer-team": "Peer teams across {}s",
    "policy-area": "Policy areas",
}


def group_of_councils(graph: nx.Graph, mode: str) -> dict[Hashable, str]:
    found = {}
    for node, data in graph.nodes(data=True):
        if data.get("kind") == "council":
            value = data.get(ATTRIBUTE[mode])
            found[node] = _title(str(value)) if value else NOT_RECORDED[mode]
    return found


def groups(graph: nx.Graph, mode: str) -> dict[Hashable, str]:
    """Each node's group when councils are grouped by `mode` (region | type)."""
    found = group_of_councils(graph, mode)
    councils = dict(found)
    for node, data in graph.nodes(data=True):
        if node in councils:
            continue
        near = Counter(councils[n] for n in nx.all_neighbors(graph, node) if n in councils)
        top = sorted(near.items(), key=lambda kv: (-kv[1], kv[0]))
        if top and top[0][1] * 2 >= sum(near.values()):
            found[node] = top[0][0]
        else:
            kind = str(data.get("kind", "organisation"))
            found[node] = ACROSS.get(kind, "Organisations across {}s").format(mode)
    return found


def _title(text: str) -> str:
    """A group's name: the region as written, or the plural of a type of authority."""
    return TYPES.get(text, text[:1].upper() + text[1:].replace("-", " "))


# Where England's regions lie, roughly (east, south), so that a room sees its own geography:
# the North East top right, the South West bottom left. Other groups go to the east.
REGION_PLACES = {
    "North East": (1.6, -5.6),
    "North West": (-0.4, -4.6),
    "Yorkshire and The Humber": (1.3, -4.2),
    "East Midlands": (1.4, -2.8),
    "West Midlands": (-0.1, -2.4),
    "East of England": (3.2, -1.9),
    "London": (2.6, -0.8),
    "South East": (2.4, 0.4),
    "South West": (-1.2, 0.6),
}


def _start(between: nx.Graph, seed: int) -> dict[str, object]:
    """Regions where they lie; anything else by its links (types of authority)."""
    names = sorted(between)
    if len(names) == 1:
        return {names[0]: (0.0, 0.0)}
    known = [g for g in names if g in REGION_PLACES]
    if len(known) * 2 < len(names):
        return dict(nx.spring_layout(between, seed=seed, weight="weight"))
    others = [g for g in names if g not in REGION_PLACES]
    found: dict[str, object] = {g: REGION_PLACES[g] for g in known}
    for i, g in enumerate(others):
        found[g] = (5.2 + 1.5 * (i % 2), -4.5 + 2.2 * (i // 2))
    return found


def grouped_positions(
    graph: nx.Graph, group: dict[Hashable, str], *, seed: int = 7
) -> dict[Hashable, tuple[float, float]]:
    """Canvas coordinates: groups placed by where they lie or by their links, members
    around their group. Edges are sorted into groups in one pass (subgraph views filtered
    every edge again for each group: a second of the 100% organisations map)."""
    members: dict[str, list[Hashable]] = {}
    for node in sorted(graph, key=str):
        members.setdefault(group[node], []).append(node)
    names = sorted(members)
    inside: dict[str, list[tuple[Hashable, Hashable]]] = {g: [] for g in names}
    across: dict[tuple[str, str], int] = {}
    for a, b in graph.edges():
        ga, gb = group[a], group[b]
        if ga == gb:
            inside[ga].append((a, b))
        else:
            pair = (ga, gb) if ga < gb else (gb, ga)
            across[pair] = across.get(pair, 0) + 1
    between = nx.Graph()
    between.add_nodes_from(names)
    between.add_weighted_edges_from((a, b, float(np.log1p(n))) for (a, b), n in across.items())
    inner = {g: _inside(graph, members[g], inside[g], seed) for g in names}
    radius = {
        g: 0.6 * SPACING + max((np.hypot(*p) for p in inner[g].values()), default=0.0)
        for g in names
    }
    centres = _separate(_start(between, seed), radius)
    return {
        node: (round(centres[g][0] + x, 1), round(centres[g][1] + y, 1))
        for g, found in inner.items()
        for node, (x, y) in found.items()
    }


def _inside(
    graph: nx.Graph, nodes: list[Hashable], edges: list[tuple[Hashable, Hashable]], seed: int
) -> dict[Hashable, tuple[float, float]]:
    """A group's own layout; a group with no links inside (people across regions, who link
    only to other groups) is a sunflower, the best connected in the middle, at once."""
    if edges:
        own = nx.Graph()
        own.add_nodes_from(nodes)
        own.add_edges_from(edges)
        return positions(own, seed=seed)
    ranked = sorted(nodes, key=lambda n: (-graph.degree(n), str(n)))
    turn = np.pi * (3 - np.sqrt(5))  # the golden angle
    return {
        node: (
            round(float(SPACING * 0.6 * np.sqrt(i) * np.cos(i * turn)), 1),
            round(float(SPACING * 0.6 * np.sqrt(i) * np.sin(i * turn)), 1),
        )
        for i, node in enumerate(ranked)
    }


def _separate(
    start: dict[str, object], radius: dict[str, float], rounds: int = 200
) -> dict[str, tuple[float, float]]:
    """Group centres far enough apart that no two groups' discs overlap."""
    names = sorted(radius)
    at = np.array([np.asarray(start[g], dtype=float) for g in names]).reshape(-1, 2)
    r = np.array([radius[g] for g in names])
    at *= 2 * r.sum() / max(float(np.abs(at).max()), 1e-9) / max(len(names), 1) ** 0.5
    for _ in range(rounds):
        delta = at[:, None, :] - at[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=2), 1e-6)
        need = r[:, None] + r[None, :] + SPACING
        overlap = np.where(np.eye(len(names), dtype=bool), 0.0, np.maximum(need - dist, 0.0))
        if not overlap.any():
            break
        push = (delta / dist[:, :, None] * overlap[:, :, None] / 2).sum(axis=1)
        at += push
    at -= at.mean(axis=0)
    return {g: (float(x), float(y)) for g, (x, y) in zip(names, at, strict=True)}

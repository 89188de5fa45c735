"""Who was linked to what at once: the sets of organisations each person joins.

A person joins two organisations only when their links to both were live on the same day.
On a date every live link is at once, so each person joins all their organisations; over
every date, each largest set of organisations their links reached on one day (the maximal
cliques of their live spans), so a chief executive who moved from one council to another
joins neither to the other. `projections` folds people onto organisations with these sets,
and `metrics` measures reliance over them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING

import networkx as nx

if TYPE_CHECKING:
    from visualisations.projections import Link


def together(links: Iterable[Link], on: date | None = None) -> list[tuple[str, tuple[str, ...]]]:
    """Each person with the organisations they were linked to at once. On a date every live
    link is at once: one set per person. Without a date, each largest set of organisations
    a person's links reached on one day (the maximal cliques of their spans, by a sweep):
    a chief executive who moved from one council to another joins neither to the other."""
    spans: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for link in links:
        first, last = (link.span.first, link.span.last) if link.span else ("", "~")
        spans[link.person].append((first, last, link.org))
    found = []
    for person, held in spans.items():
        orgs = {org for *_, org in held}
        if on is not None or len(orgs) < 2:
            found.append((person, tuple(sorted(orgs))))
        else:
            found.extend((person, orgs_) for orgs_ in _at_once(held))
    return found


def _at_once(held: Sequence[tuple[str, str, str]]) -> list[tuple[str, ...]]:
    """The largest sets of organisations whose spans share a day: at each end that follows
    a start, the organisations live then are such a set (spans include both ends)."""
    events = sorted([(f, 0, org) for f, _, org in held] + [(t, 1, org) for _, t, org in held])
    live: dict[str, int] = defaultdict(int)
    found: dict[tuple[str, ...], None] = {}
    rising = False
    for _, ending, org in events:
        if ending:
            if rising:
                found[tuple(sorted(o for o, n in live.items() if n))] = None
            live[org] -= 1
        else:
            live[org] += 1
        rising = not ending
    return list(found)


def at_once(bipartite: nx.Graph) -> list[tuple[str, tuple[str, ...]]]:
    """Each person of a graph of people and organisations with the organisations they were
    linked to at once (`together`; a graph made without it: every organisation of each)."""
    found = bipartite.graph.get("together")
    if found is not None:
        return list(found)
    return [
        (n, tuple(sorted(o for o in bipartite[n] if bipartite.nodes[o].get("kind") != "person")))
        for n, d in bipartite.nodes(data=True)
        if d.get("kind") == "person"
    ]

"""The maps and the reliance analysis for a named network: store in, HTML or numbers out.

Shared by the `councilgraph map` / `reliance` commands and the `/maps/{name}` route, so that
both draw the same thing: a projection, annotated with the reliance measures of the
person–organisation graph it comes from. A map is a pure function of the store's build and
the parameters (`MapRequest`), made in named, timed steps (`visualisations.steps`) that stop
at a deadline when one is given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import networkx as nx
import pyoxigraph as ox

from visualisations import facts, metrics, projections
from visualisations.render import MapOptions, build_map
from visualisations.steps import Steps


@dataclass(frozen=True)
class MapRequest:
    """What a map depends on besides the build: its name, the date, how it is drawn."""

    name: str
    on: date | None = None
    options: MapOptions = field(default_factory=MapOptions)


@dataclass(frozen=True)
class MapResult:
    html: str
    nodes: int
    edges: int
    empty: str  # why the map has no nodes ("" when it has some)
    seconds: dict[str, float]


def reliance(
    store: ox.Store, on: date | None = None, steps: Steps | None = None
) -> metrics.Reliance:
    """Every reliance measure over the whole graph of people and organisations."""
    steps = steps or Steps()
    found = facts.load(store, steps)
    with steps.step("people and organisations"):
        bipartite = projections.person_org_network(found, on)
    with steps.step("reliance"):
        return metrics.reliance(bipartite, found.partnerships, check=steps.check)


@dataclass(frozen=True)
class Analysis:
    """What every map of one build and date shares: the facts read from the store, the
    graph of people and organisations, and its reliance measures (as drawing needs them)."""

    facts: facts.Facts
    bipartite: nx.Graph
    reliance: metrics.Reliance


def analyse(store: ox.Store, on: date | None = None, steps: Steps | None = None) -> Analysis:
    steps = steps or Steps()
    found = facts.load(store, steps)
    with steps.step("people and organisations"):
        bipartite = projections.person_org_network(found, on)
    with steps.step("reliance"):
        result = metrics.reliance(bipartite, found.partnerships, check=steps.check, full=False)
    return Analysis(found, bipartite, result)


def make_map(
    store: ox.Store,
    request: MapRequest,
    steps: Steps | None = None,
    analysis: Analysis | None = None,
) -> MapResult:
    """The map `request.name` (organisations, people, peer-challenges, leads, council:<GSS>);
    `analysis`, when given, is `analyse(store, request.on)` already made (it is only read)."""
    steps = steps or Steps()
    projections.check_name(request.name)
    shared = analysis or analyse(store, request.on, steps)
    with steps.step("projection"):
        network = projections.network_for(shared.facts, request.name, request.on, shared.bipartite)
    with steps.step("annotation"):
        exact = request.options.size_by == "betweenness"
        drawn = metrics.annotate(network, shared.reliance, with_betweenness=exact, copy=False)
    with steps.step("layout and page"):
        html = build_map(drawn, request.options)
    return MapResult(
        html=html,
        nodes=drawn.number_of_nodes(),
        edges=drawn.number_of_edges(),
        empty=str(drawn.graph.get("empty", "")),
        seconds=steps.report(),
    )


def map_html(store: ox.Store, name: str, options: MapOptions | None = None) -> str:
    """The map called `name` as HTML (see `make_map`)."""
    return make_map(store, MapRequest(name, options=options or MapOptions())).html

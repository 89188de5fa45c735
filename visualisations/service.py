"""The maps and the reliance analysis for a named network: store in, HTML or numbers out.

Shared by the `councilgraph map` / `reliance` commands and the `/maps/{name}` and
`/reliance` routes, so that all draw and count the same thing. Links count on a date only
when live on it by /leads's rule (`graph.live`, with the same window).

- `reliance(store, on)`: every measure over the graph of people and organisations live on
  `on` (without a date: live on some date, each person joining what they held at once).
- `make_map(store, request)`: a page carrying every link of every date with the days it is
  live, so that its date control redraws the network as it stood on any day; `request.on`
  is the day it opens on (the counts and the empty check are for that day). The page's
  all-dates view is annotated with the reliance measures here; on a day, the page measures
  its own live links (visualisations/static/map.js).

A map is a pure function of the store's build and the parameters (`MapRequest`), made in
named, timed steps (`visualisations.steps`) that stop at a deadline when one is given.
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
    window_years: int = facts.WINDOW_YEARS


@dataclass(frozen=True)
class MapResult:
    html: str
    nodes: int  # on the day the page opens on
    edges: int
    empty: str  # why the map has no nodes that day ("" when it has some)
    seconds: dict[str, float]


def reliance(
    store: ox.Store,
    on: date | None = None,
    steps: Steps | None = None,
    window_years: int = facts.WINDOW_YEARS,
) -> metrics.Reliance:
    """Every reliance measure over the graph of people and organisations live on `on`."""
    steps = steps or Steps()
    found = facts.load(store, steps, window_years)
    with steps.step("people and organisations"):
        bipartite = projections.person_org_network(found, on)
    with steps.step("reliance"):
        result = metrics.reliance(bipartite, found.partnerships, check=steps.check)
    result.on, result.window_years = (on.isoformat() if on else None), window_years
    return result


@dataclass(frozen=True)
class Analysis:
    """What every map of one build shares: the facts read from the store, the graph of
    people and organisations on every date, and its reliance measures (as drawing needs
    them)."""

    facts: facts.Facts
    bipartite: nx.Graph
    reliance: metrics.Reliance


def analyse(
    store: ox.Store, steps: Steps | None = None, window_years: int = facts.WINDOW_YEARS
) -> Analysis:
    steps = steps or Steps()
    found = facts.load(store, steps, window_years)
    with steps.step("people and organisations"):
        bipartite = projections.person_org_network(found)
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
    `analysis`, when given, is `analyse(store)` already made (it is only read)."""
    steps = steps or Steps()
    projections.check_name(request.name)
    shared = analysis or analyse(store, steps, request.window_years)
    with steps.step("projection"):
        network = projections.network_for(shared.facts, request.name, None, shared.bipartite)
        opening = network
        if request.on is not None:  # what the page opens on: counted, and said when empty
            opening = projections.network_for(shared.facts, request.name, request.on)
    with steps.step("annotation"):
        exact = request.options.size_by == "betweenness"
        drawn = metrics.annotate(network, shared.reliance, with_betweenness=exact, copy=False)
    with steps.step("layout and page"):
        html = build_map(drawn, request.options, on=request.on, empty=opening.graph["empty"])
    return MapResult(
        html=html,
        nodes=opening.number_of_nodes(),
        edges=opening.number_of_edges(),
        empty=str(opening.graph.get("empty", "")),
        seconds=steps.report(),
    )


def map_html(store: ox.Store, name: str, options: MapOptions | None = None) -> str:
    """The map called `name` as HTML (see `make_map`)."""
    return make_map(store, MapRequest(name, options=options or MapOptions())).html

"""The maps and the reliance analysis for a named network: store in, HTML or numbers out.

Shared by the `councilgraph map` / `reliance` commands and the `/maps/{name}` route, so that
both draw the same thing: a projection, annotated with the reliance measures of the
person–organisation graph it comes from.
"""

from __future__ import annotations

import pyoxigraph as ox

from visualisations import facts, metrics, projections
from visualisations.render import MapOptions, build_map


def reliance(store: ox.Store) -> metrics.Reliance:
    """Every reliance measure over the whole graph of people and organisations."""
    return metrics.reliance(projections.person_org_network(store), facts.partnerships(store))


def map_html(store: ox.Store, name: str, options: MapOptions | None = None) -> str:
    """The map called `name` (organisations, people, peer-challenges, leads, council:<GSS>)."""
    network = projections.network_for(store, name)
    return build_map(metrics.annotate(network, reliance(store)), options)

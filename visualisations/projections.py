"""Projections of the RDF store into networkx graphs, for the reliance metrics and the maps.

Pure functions over a read-only store (SPARQL through `visualisations.facts`):

- `person_org_network`: people ↔ organisations, one edge per person and organisation carrying
  every post behind it (`links`: person, post, source document, year). A seat on a peer team
  becomes a link to the council the team challenged, because that is the relationship a room
  cares about; a team with no recorded subject stays a node of its own.
- `organisation_network`: that graph folded onto organisations (two organisations are linked
  by every person who holds a post in both), plus each partnership tied to its members.
- `peer_challenge_network`: peers' home organisations → the councils they challenged.
- `leads_network`: boroughs → policy areas they lead on → London Councils.
- `council_network`: one council, its people and their other organisations.

Node attributes: label, kind (council | organisation | peer-team | partnership | person |
policy-area), councils, areas, years. Edge attributes: kind, people (names), links (`Link`),
councils, areas, years. Graph attributes: title, sources [(title, date, iri)].
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from itertools import combinations

import networkx as nx
import pyoxigraph as ox

from councilgraph.errors import QueryError
from visualisations import facts


@dataclass(frozen=True)
class Link:
    """One post behind an edge: who, which post in which organisation, said where, when."""

    person: str
    name: str
    post: str
    org: str
    org_label: str
    sources: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    area: str | None = None
    team: str | None = None  # the peer challenge, when the post is a seat on its team

    def describe(self) -> str:
        return f"{self.name}: {self.post or 'member'}, {self.org_label}"


def _links(store: ox.Store) -> tuple[list[Link], dict[str, str], dict[str, tuple[str, str]]]:
    """Every person–organisation link, with organisation kinds and the documents behind them."""
    kinds, teams, docs = facts.org_kinds(store), facts.peer_teams(store), facts.documents(store)
    links = []
    for m in facts.memberships(store):
        years = m.years or {y for s in m.sources if (y := facts.year_of(docs.get(s, ("", ""))[1]))}
        link = Link(
            m.person, m.name, m.post, m.org, m.org_label, m.sources, tuple(sorted(years)), m.area
        )
        team = teams.get(m.org)
        if team is not None:  # the seat on the team is a link with the council challenged
            link = replace(
                link,
                post=f"{m.post or 'Member'}, {team.label}",
                org=team.subject,
                org_label=team.subject_label,
                years=link.years or ((team.year,) if team.year else ()),
                sources=link.sources or ((team.doc,) if team.doc else ()),
                team=team.label,
            )
            kinds.setdefault(team.subject, "council")
        links.append(link)
    return links, kinds, docs


def _add_edge(graph: nx.Graph, a: str, b: str, kind: str, links: Iterable[Link]) -> None:
    if not graph.has_edge(a, b):
        graph.add_edge(a, b, kind=kind, links=[], people=[])
    data = graph.edges[a, b]
    for link in links:
        if link not in data["links"]:
            data["links"].append(link)
        if link.name not in data["people"]:
            data["people"].append(link.name)


def _finish(graph: nx.Graph, docs: dict[str, tuple[str, str]], title: str) -> nx.Graph:
    """Per-edge and per-node filter values (councils, areas, years) and the list of sources."""
    used: set[str] = set()
    for a, b, data in graph.edges(data=True):
        links: list[Link] = data.setdefault("links", [])
        data.setdefault("people", sorted({link.name for link in links}))
        data["years"] = sorted(
            {y for link in links for y in link.years} | set(data.get("years", []))
        )
        data["areas"] = sorted(
            {link.area for link in links if link.area} | set(data.get("areas", []))
        )
        data["councils"] = sorted(
            graph.nodes[n]["label"] for n in (a, b) if graph.nodes[n].get("kind") == "council"
        )
        used.update(s for link in links for s in link.sources)
        used.update(data.get("sources", []))
    for node, data in graph.nodes(data=True):
        edges = [graph.edges[node, other] for other in graph[node]]
        for key in ("years", "areas", "councils"):
            data[key] = sorted({v for e in edges for v in e[key]})
        if data.get("kind") == "council" and data["label"] not in data["councils"]:
            data["councils"] = sorted([*data["councils"], data["label"]])
    graph.graph.update(
        title=title,
        sources=sorted((docs.get(s, (s, ""))[0], docs.get(s, ("", ""))[1], s) for s in used),
    )
    return graph


def person_org_network(store: ox.Store) -> nx.Graph:
    """The bipartite graph: people (kind person) and organisations, linked by posts."""
    links, kinds, docs = _links(store)
    graph = nx.Graph()
    for link in links:
        graph.add_node(link.person, label=link.name, kind="person")
        graph.add_node(link.org, label=link.org_label, kind=kinds.get(link.org, "organisation"))
        _add_edge(graph, link.person, link.org, "post", [link])
    return _finish(graph, docs, "People and organisations")


def fold(bipartite: nx.Graph) -> nx.Graph:
    """Organisations linked through the people they share; edges keep every post behind them."""
    graph = nx.Graph()
    graph.add_nodes_from((n, d) for n, d in bipartite.nodes(data=True) if d["kind"] != "person")
    for person, data in bipartite.nodes(data=True):
        if data["kind"] != "person":
            continue
        for a, b in combinations(sorted(bipartite[person]), 2):
            posts = bipartite.edges[person, a]["links"] + bipartite.edges[person, b]["links"]
            _add_edge(graph, a, b, "people", posts)
    return graph


def _add_partnerships(graph: nx.Graph, found: Iterable[facts.Partnership]) -> None:
    for p in found:
        graph.add_node(p.iri, label=p.label, kind="partnership", reliant=p.reliant)
        for member, label in p.members.items():
            if member not in graph:
                graph.add_node(member, label=label, kind="organisation")
            _add_edge(graph, p.iri, member, "partnership", [])
            graph.edges[p.iri, member]["sources"] = [p.source] if p.source else []


def organisation_network(store: ox.Store) -> nx.Graph:
    """Organisations joined by people's posts, peer teams, commissions and partnerships."""
    _, kinds, docs = _links(store)
    graph = fold(person_org_network(store))
    _add_partnerships(graph, facts.partnerships(store))
    for node, data in graph.nodes(data=True):
        data["kind"] = kinds.get(node, data["kind"])
    return _finish(graph, docs, "Organisations and the people who join them")


def peer_challenge_network(store: ox.Store) -> nx.DiGraph:
    """Peers' home organisations → the councils they challenged, one edge per pair."""
    links, kinds, docs = _links(store)
    seats = [link for link in links if link.team]
    graph = nx.DiGraph()
    for seat in seats:
        homes = [
            h
            for h in links
            if h.person == seat.person
            and h.org != seat.org
            and kinds.get(h.org) != "peer-team"
            and h not in seats
        ]
        graph.add_node(seat.org, label=seat.org_label, kind="council")
        if not homes:  # a peer with no recorded home organisation still appears
            graph.add_node(seat.person, label=seat.name, kind="person")
            _add_edge(graph, seat.person, seat.org, "challenge", [seat])
        for home in homes:
            graph.add_node(home.org, label=home.org_label, kind=kinds.get(home.org, "organisation"))
            _add_edge(graph, home.org, seat.org, "challenge", [home, seat])
    return _finish(graph, docs, "Peer challenges: where the peers came from")


def leads_network(store: ox.Store) -> nx.Graph:
    """Boroughs and the policy areas their chief executives lead on for London Councils."""
    links, kinds, docs = _links(store)
    graph = nx.Graph()
    for lead in (link for link in links if link.area):
        area = f"policy-area:{lead.area}"
        graph.add_node(area, label=lead.area, kind="policy-area")
        graph.add_node(lead.org, label=lead.org_label, kind=kinds.get(lead.org, "organisation"))
        _add_edge(graph, area, lead.org, "commission", [lead])
        boroughs = [h for h in links if h.person == lead.person and kinds.get(h.org) == "council"]
        if not boroughs:
            graph.add_node(lead.person, label=lead.name, kind="person")
            _add_edge(graph, lead.person, area, "commission", [lead])
        for home in boroughs:
            graph.add_node(home.org, label=home.org_label, kind="council")
            _add_edge(graph, home.org, area, "commission", [home, lead])
    return _finish(graph, docs, "Lead Chief Executives: boroughs and policy areas")


def council_network(store: ox.Store, gss: str) -> nx.Graph:
    """One council, the people linked to it, their other organisations, its partnerships."""
    iri = facts.council_iri(store, gss)
    if iri is None:
        raise QueryError(f"no council with GSS code {gss!r} in the graph", status=404)
    _, _, docs = _links(store)
    bipartite = person_org_network(store)
    near = nx.ego_graph(bipartite, iri, radius=2) if iri in bipartite else nx.Graph()
    graph = nx.Graph(near)
    if iri not in graph:
        graph.add_node(iri, label=gss, kind="council")
    _add_partnerships(graph, [p for p in facts.partnerships(store) if iri in p.members])
    label = graph.nodes[iri]["label"]
    return _finish(graph, docs, f"{label}: people, posts and partners")


MAPS: dict[str, Callable[[ox.Store], nx.Graph]] = {
    "organisations": organisation_network,
    "people": person_org_network,
    "peer-challenges": peer_challenge_network,
    "leads": leads_network,
}


def network_for(store: ox.Store, name: str) -> nx.Graph:
    """The network a map name stands for: a key of MAPS, or `council:<GSS>`."""
    if name.startswith("council:"):
        return council_network(store, name.split(":", 1)[1])
    if name not in MAPS:
        known = ", ".join([*MAPS, "council:<GSS>"])
        raise QueryError(f"no map named {name!r}; known: {known}", status=404)
    return MAPS[name](store)

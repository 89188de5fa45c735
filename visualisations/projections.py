"""Projections of the RDF store into networkx graphs, for the reliance metrics and the maps.

Pure functions over what `visualisations.facts.load` read from the store; each takes an
optional date, and then keeps only the posts live on it (`Membership.live_on`):

- `person_org_network`: people ↔ organisations, one edge per person and organisation carrying
  every post behind it (`links`: person, post, source document, year). A seat on a peer team
  becomes a link to the council the team challenged, because that is the relationship a room
  cares about; a team with no recorded subject stays a node of its own.
- `organisation_network`: that graph folded onto organisations (two organisations are linked
  by every person who holds a post in both), plus each partnership tied to its members.
- `peer_challenge_network`: peers' home organisations → the councils they challenged.
- `leads_network`: who leads what: people, the organisations they lead, the policy areas
  they lead on for London Councils.
- `council_network`: one council, its people and their other organisations.

Node attributes: label, kind (council | organisation | peer-team | partnership | person |
policy-area), aliases, region and authority_type (councils), councils, areas, years. Edge
attributes: kind, people (names), links (`Link`: with its kind of link and dates),
councils, areas, years. Graph attributes: title, sources [(title, date, iri)], and `empty`:
why the map has no nodes, said on the page and by the command.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from itertools import combinations

import networkx as nx

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
    kind: str = "post"  # post | commission | team-seat | partnership-seat | former-post
    start: str | None = None  # ISO day, month or year, as known (effective where inferred)
    end: str | None = None
    membership: str = ""

    leads: bool = False  # a leadership post or a commission

    def describe(self) -> str:
        return f"{self.name}: {self.post or 'member'}, {self.org_label}"


def _kind(m: facts.Membership, team: facts.Team | None) -> str:
    if m.link_kind:
        return m.link_kind
    if m.former:
        return "former-post"
    if team is not None:
        return "team-seat"
    return "commission" if m.area else "post"


def _links(found: facts.Facts, on: date | None = None) -> tuple[list[Link], dict[str, str]]:
    """Every person–organisation link (live on `on`, if given) and the kinds of organisation."""
    kinds = dict(found.kinds)
    links = []
    for m in found.memberships:
        if on is not None and not m.live_on(on):
            continue
        team = found.teams.get(m.org)
        years = m.years or {
            y for s in m.sources if (y := facts.year_of(found.documents.get(s, ("", ""))[1]))
        }
        link = Link(
            m.person,
            m.name,
            m.post,
            m.org,
            m.org_label,
            m.sources,
            tuple(sorted(years)),
            m.area,
            kind=_kind(m, team),
            start=m.held_from or m.start,
            end=m.held_until or m.end,
            membership=m.iri,
            leads=m.leadership or m.area is not None,
        )
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
    return links, kinds


def _add_edge(graph: nx.Graph, a: str, b: str, kind: str, links: Iterable[Link]) -> None:
    if not graph.has_edge(a, b):
        graph.add_edge(a, b, kind=kind, links=[], people=[])
    data = graph.edges[a, b]
    for link in links:
        if link not in data["links"]:
            data["links"].append(link)
        if link.name not in data["people"]:
            data["people"].append(link.name)


def _finish(graph: nx.Graph, found: facts.Facts, title: str, empty: str = "") -> nx.Graph:
    """Per-edge and per-node filter values (councils, areas, years), search terms, groups,
    the list of sources, and why the map is empty when it is."""
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
        edges = [d for *_, d in graph.edges(node, data=True)]
        if graph.is_directed():
            edges += [d for *_, d in graph.in_edges(node, data=True)]
        for key in ("years", "areas", "councils"):
            data[key] = sorted({v for e in edges for v in e[key]})
        if data.get("kind") == "council" and data["label"] not in data["councils"]:
            data["councils"] = sorted([*data["councils"], data["label"]])
        data["aliases"] = sorted(set(found.aliases.get(str(node), [])) - {data["label"]})
        council = found.councils.get(str(node), {})
        data["region"], data["authority_type"] = council.get("region"), council.get("type")
    people = {link.person for _, _, d in graph.edges(data=True) for link in d["links"]}
    docs = found.documents
    graph.graph.update(
        person_aliases={p: found.aliases[p] for p in sorted(people) if p in found.aliases},
        title=title,
        sources=sorted((docs.get(s, (s, ""))[0], docs.get(s, ("", ""))[1], s) for s in used),
        empty=empty if graph.number_of_nodes() == 0 else "",
    )
    return graph


def person_org_network(found: facts.Facts, on: date | None = None) -> nx.Graph:
    """The bipartite graph: people (kind person) and organisations, linked by posts."""
    links, kinds = _links(found, on)
    graph = nx.Graph()
    for link in links:
        graph.add_node(link.person, label=link.name, kind="person")
        graph.add_node(link.org, label=link.org_label, kind=kinds.get(link.org, "organisation"))
        _add_edge(graph, link.person, link.org, "post", [link])
    return _finish(graph, found, "People and organisations", "no posts in the graph" + _on(on))


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


def organisation_network(found: facts.Facts, on: date | None = None) -> nx.Graph:
    """Organisations joined by people's posts, peer teams, commissions and partnerships."""
    _, kinds = _links(found, on)
    graph = fold(person_org_network(found, on))
    _add_partnerships(graph, found.partnerships)
    for node, data in graph.nodes(data=True):
        data["kind"] = kinds.get(node, data["kind"])
    title = "Organisations and the people who join them"
    return _finish(graph, found, title, "no organisations or partnerships in the graph" + _on(on))


def peer_challenge_network(found: facts.Facts, on: date | None = None) -> nx.DiGraph:
    """Peers' home organisations → the councils they challenged, one edge per pair."""
    links, kinds = _links(found, on)
    seats = [link for link in links if link.team]
    homes_of: dict[str, list[Link]] = {}
    for link in links:
        if not link.team and kinds.get(link.org) != "peer-team":
            homes_of.setdefault(link.person, []).append(link)
    graph = nx.DiGraph()
    for seat in seats:
        homes = [h for h in homes_of.get(seat.person, []) if h.org != seat.org]
        graph.add_node(seat.org, label=seat.org_label, kind="council")
        if not homes:  # a peer with no recorded home organisation still appears
            graph.add_node(seat.person, label=seat.name, kind="person")
            _add_edge(graph, seat.person, seat.org, "challenge", [seat])
        for home in homes:
            graph.add_node(home.org, label=home.org_label, kind=kinds.get(home.org, "organisation"))
            _add_edge(graph, home.org, seat.org, "challenge", [home, seat])
    title = "Peer challenges: where the peers came from"
    return _finish(graph, found, title, "no peer challenge teams in the graph" + _on(on))


def leads_network(found: facts.Facts, on: date | None = None) -> nx.Graph:
    """Who leads what: people, the organisations they lead (leadership posts) and the policy
    areas they lead on for London Councils (Lead Chief Executive commissions)."""
    links, kinds = _links(found, on)
    graph = nx.Graph()
    for lead in (link for link in links if link.leads):
        graph.add_node(lead.person, label=lead.name, kind="person")
        if lead.area:
            area = f"policy-area:{lead.area}"
            graph.add_node(area, label=lead.area, kind="policy-area")
            graph.add_node(lead.org, label=lead.org_label, kind=kinds.get(lead.org, "organisation"))
            _add_edge(graph, lead.person, area, "commission", [lead])
            _add_edge(graph, area, lead.org, "commission", [])
        else:
            graph.add_node(lead.org, label=lead.org_label, kind=kinds.get(lead.org, "organisation"))
            _add_edge(graph, lead.person, lead.org, "post", [lead])
    title = "Who leads what: leadership posts and Lead Chief Executive commissions" + _on(on)
    empty = "no leadership posts or commissions in the graph" + _on(on, "for")
    return _finish(graph, found, title, empty)


def council_network(found: facts.Facts, gss: str, on: date | None = None) -> nx.Graph:
    """One council, the people linked to it, their other organisations, its partnerships."""
    iri = found.council_iri(gss)
    if iri is None:
        raise QueryError(f"no council with GSS code {gss!r} in the graph", status=404)
    bipartite = person_org_network(found, on)
    near = nx.ego_graph(bipartite, iri, radius=2) if iri in bipartite else nx.Graph()
    graph = nx.Graph(near)
    if iri not in graph:
        graph.add_node(iri, label=found.label(iri), kind="council")
    _add_partnerships(graph, [p for p in found.partnerships if iri in p.members])
    label = graph.nodes[iri]["label"]
    return _finish(graph, found, f"{label}: people, posts and partners" + _on(on))


def _on(day: date | None, word: str = "on") -> str:
    return f" {word} {day.isoformat()}" if day else ""


MAPS: dict[str, Callable[[facts.Facts, date | None], nx.Graph]] = {
    "organisations": organisation_network,
    "people": person_org_network,
    "peer-challenges": peer_challenge_network,
    "leads": leads_network,
}


def check_name(name: str) -> None:
    """QueryError (404) naming the known maps, for a name that is none of them."""
    if not name.startswith("council:") and name not in MAPS:
        known = ", ".join([*MAPS, "council:<GSS>"])
        raise QueryError(f"no map named {name!r}; known: {known}", status=404)


def network_for(found: facts.Facts, name: str, on: date | None = None) -> nx.Graph:
    """The network a map name stands for: a key of MAPS, or `council:<GSS>`."""
    check_name(name)
    if name.startswith("council:"):
        return council_network(found, name.split(":", 1)[1], on)
    return MAPS[name](found, on)

"""Projections of the RDF store into networkx graphs, for the reliance metrics and the maps.

Pure functions over what `visualisations.facts.load` read from the store. Every link is a
membership with the days it is live (`graph.live`, the rule of /leads: `Link.span`); one
live on no day (a former post with no known end: career history) is no link. Each
projection takes an optional date: with one, it keeps the links live on it; without, every
link live on some day, and two organisations are joined through a person only where that
person's links to both were live on the same day (`together`), so a career move joins
nothing. Each link keeps its kind: a post held, a Lead Chief Executive commission, a
partnership seat, a seat on one peer team (live while its challenge was on site).

- `person_org_network`: people ↔ organisations, one edge per person and organisation carrying
  every post behind it (`links`: person, post, source document, year). A seat on a peer team
  becomes a link to the council the team challenged, because that is the relationship a room
  cares about; a team with no recorded subject stays a node of its own.
- `organisation_network`: that graph folded onto organisations (two organisations are linked
  by every person who holds a post in both at once), plus each partnership tied to its members.
- `peer_challenge_network`: peers' home organisations → the councils they challenged.
- `leads_network`: who leads what: people, the organisations they lead, the policy areas
  they lead on for London Councils.
- `council_network`: one council, its people and their other organisations.

Node attributes: label, kind (council | organisation | peer-team | partnership | person |
policy-area), aliases, region and authority_type (councils), councils, areas, years. Edge
attributes: kind, people (names), links (`Link`: with its kind of link and dates),
councils, areas, years. Graph attributes: title, sources [(title, date, iri)], `posts`
(every link drawn), `together` (each person with the organisations they were linked to at
once), and `empty`: why the map has no nodes, said on the page and by the command.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from itertools import combinations
from typing import Any

import networkx as nx

from councilgraph.errors import QueryError
from graph.live import Span
from visualisations import facts
from visualisations.together import at_once, together


@dataclass(frozen=True, eq=False)
class Link:
    """One post behind an edge: who, which post in which organisation, said where, when.
    Compared by identity: one object per membership and map, and a value hash over every
    field cost 5 s of the 100% organisations map."""

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
    span: Span | None = None  # the days it is live (graph.live); None: no dates known

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
    """Every person–organisation link live on `on` (without a date: live on some day), and
    the kinds of organisation."""
    kinds = dict(found.kinds)
    links = []
    for m in found.memberships:
        span = m.span(found.window_years)
        if span is None or (on is not None and not span.holds(on)):
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
            span=span,
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
    """Links and people are kept in dicts (ordered sets) while a graph is built, and become
    lists in `_finish`: a list's `in` made the 100% organisations map take 90 s."""
    if not graph.has_edge(a, b):
        graph.add_edge(a, b, kind=kind, links={}, people={}, carriers={})
    data = graph.edges[a, b]
    for link in links:
        data["links"][link] = None
        data["people"][link.name] = None
        data["carriers"][link.person] = link.name


def attached(graph: nx.Graph, link: Link) -> list[str]:
    """The nodes of `graph` a post belongs to: its organisation (or policy area), and its
    person where people are drawn."""
    place = [n for n in (link.org, f"policy-area:{link.area}") if n in graph]
    return [*place, link.person] if place and link.person in graph else place


def _finish(
    graph: nx.Graph,
    found: facts.Facts,
    title: str,
    why: str,
    links: list[Link],
    on: date | None = None,
) -> nx.Graph:
    """Links, people and carriers as lists; per-node filter values (areas, years) from the
    posts at each node; search terms; the list of sources; why the map is empty (`why`,
    and on which date)."""
    for _, _, data in graph.edges(data=True):
        data["links"] = list(data.get("links", ()))
        data["people"] = list(data.get("people", ()))
        data["carriers"] = dict(data.get("carriers", {}))
    years: dict[str, set[int]] = {n: set() for n in graph}
    areas: dict[str, set[str]] = {n: set() for n in graph}
    used: set[str] = {s for *_, d in graph.edges(data=True) for s in d.get("sources", [])}
    names: dict[str, str] = {}
    drawn_people = any(d.get("kind") == "person" for _, d in graph.nodes(data=True))
    for link in links:
        nodes = attached(graph, link)
        if not nodes or (drawn_people and link.person not in graph):
            continue
        names[link.person] = link.name
        used.update(link.sources)
        for node in nodes:
            years[node].update(link.years)
            if link.area:
                areas[node].add(link.area)
    for node, data in graph.nodes(data=True):
        data["years"], data["areas"] = sorted(years[node]), sorted(areas[node])
        data["councils"] = [data["label"]] if data.get("kind") == "council" else []
        data["aliases"] = sorted(set(found.aliases.get(str(node), [])) - {data["label"]})
        council = found.councils.get(str(node), {})
        data["region"], data["authority_type"] = council.get("region"), council.get("type")
    docs = found.documents
    graph.graph.update(
        names=names,
        person_aliases={p: found.aliases[p] for p in sorted(names) if p in found.aliases},
        title=title,
        sources=sorted((docs.get(s, (s, ""))[0], docs.get(s, ("", ""))[1], s) for s in used),
        empty=why + _for(on) if graph.number_of_nodes() == 0 else "",
        why=why,
        posts=links,
    )
    return graph


def person_org_network(
    found: facts.Facts, on: date | None = None, bipartite: nx.Graph | None = None
) -> nx.Graph:
    """The bipartite graph: people (kind person) and organisations, linked by posts."""
    if bipartite is not None:
        return bipartite
    links, kinds = _links(found, on)
    graph = nx.Graph()
    for link in links:
        graph.add_node(link.person, label=link.name, kind="person")
        graph.add_node(link.org, label=link.org_label, kind=kinds.get(link.org, "organisation"))
        _add_edge(graph, link.person, link.org, "post", [link])
    graph.graph["together"] = together(links, on)
    return _finish(graph, found, "People and organisations", "no posts in the graph", links, on)


def posts_on(graph: nx.Graph, a: str, b: str) -> list[Link]:
    """The posts behind the edge a–b: those of the people who carry it, at a and at b."""
    data = graph.edges[a, b]
    if data.get("links"):
        return list(data["links"])
    carriers = data.get("carriers", {})
    return [
        link
        for link in graph.graph.get("posts", [])
        if link.person in carriers and set(attached(graph, link)) & {a, b}
    ]


def fold(bipartite: nx.Graph) -> nx.Graph:
    """Organisations linked through the people they share at once (`together`). An edge
    names its people (`carriers`); its posts are theirs at its two ends (`posts_on`), not
    copied onto it: one person in 328 organisations makes 53,000 pairs, and the copies
    were 990,000."""
    graph = nx.Graph()
    graph.add_nodes_from((n, d) for n, d in bipartite.nodes(data=True) if d["kind"] != "person")
    pairs: dict[tuple[str, str], dict[str, str]] = {}
    for person, orgs in at_once(bipartite):
        name = str(bipartite.nodes[person]["label"])
        for pair in combinations(orgs, 2):
            carriers = pairs.get(pair)
            if carriers is None:
                carriers = pairs[pair] = {}
            carriers[person] = name
    graph.add_edges_from(
        (a, b, {"kind": "people", "people": list(carriers.values()), "carriers": carriers})
        for (a, b), carriers in pairs.items()
    )
    return graph


def _add_partnerships(graph: nx.Graph, found: Iterable[facts.Partnership]) -> None:
    for p in found:
        graph.add_node(p.iri, label=p.label, kind="partnership", reliant=p.reliant)
        for member, label in p.members.items():
            if member not in graph:
                graph.add_node(member, label=label, kind="organisation")
            _add_edge(graph, p.iri, member, "partnership", [])
            graph.edges[p.iri, member]["sources"] = [p.source] if p.source else []


def organisation_network(
    found: facts.Facts, on: date | None = None, bipartite: nx.Graph | None = None
) -> nx.Graph:
    """Organisations joined by people's posts, peer teams, commissions and partnerships."""
    links, kinds = _links(found, on)
    graph = fold(bipartite if bipartite is not None else person_org_network(found, on))
    _add_partnerships(graph, found.partnerships)
    for node, data in graph.nodes(data=True):
        data["kind"] = kinds.get(node, data["kind"])
    title = "Organisations and the people who join them"
    empty = "no organisations or partnerships in the graph"
    return _finish(graph, found, title, empty, links, on)


def peer_challenge_network(
    found: facts.Facts, on: date | None = None, bipartite: nx.Graph | None = None
) -> nx.DiGraph:
    """Peers' home organisations → the councils they challenged, one edge per pair."""
    links, kinds = _links(found, on)
    seats = [link for link in links if link.team]
    homes_of: dict[str, list[Link]] = {}
    for link in links:
        if not link.team and kinds.get(link.org) != "peer-team":
            homes_of.setdefault(link.person, []).append(link)
    graph = nx.DiGraph()
    # Each pair once, gathered in dicts: a peer with posts in 150 organisations and seats on
    # 50 teams is 7,500 pairs, and per-pair networkx calls took 15 s at 100%.
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for seat in seats:
        graph.add_node(seat.org, label=seat.org_label, kind="council")
        homes = {
            h.org: h for h in homes_of.get(seat.person, []) if h.org != seat.org and _meet(h, seat)
        }
        if not homes:  # a peer with no recorded home organisation still appears
            graph.add_node(seat.person, label=seat.name, kind="person")
            homes = {seat.person: seat}
        for org, home in homes.items():
            if org not in graph:
                graph.add_node(org, label=home.org_label, kind=kinds.get(org, "organisation"))
            edge = pairs.setdefault((org, seat.org), {"kind": "challenge", "carriers": {}})
            edge["carriers"][seat.person] = seat.name
    for edge in pairs.values():
        edge["people"] = list(edge["carriers"].values())
    graph.add_edges_from((a, b, edge) for (a, b), edge in pairs.items())
    title = "Peer challenges: where the peers came from"
    graph.graph["lone"] = False  # a home with no seat live on a date is not drawn then
    return _finish(graph, found, title, "no peer challenge teams in the graph", links, on)


def _meet(a: Link, b: Link) -> bool:
    """Whether two links were live on one day (a link with no span is taken as always)."""
    return a.span is None or b.span is None or a.span.meets(b.span)


def leads_network(
    found: facts.Facts, on: date | None = None, bipartite: nx.Graph | None = None
) -> nx.Graph:
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
    empty = "no leadership posts or commissions in the graph"
    leads = [link for link in links if link.leads]
    return _finish(graph, found, title, empty, leads, on)


def council_network(
    found: facts.Facts, gss: str, on: date | None = None, bipartite: nx.Graph | None = None
) -> nx.Graph:
    """One council, the people linked to it, their other organisations, its partnerships."""
    iri = found.council_iri(gss)
    if iri is None:
        raise QueryError(f"no council with GSS code {gss!r} in the graph", status=404)
    bipartite = person_org_network(found, on, bipartite)
    near = nx.ego_graph(bipartite, iri, radius=2) if iri in bipartite else nx.Graph()
    graph = nx.Graph(near)
    if iri not in graph:
        graph.add_node(iri, label=found.label(iri), kind="council")
    _add_partnerships(graph, [p for p in found.partnerships if iri in p.members])
    label = graph.nodes[iri]["label"]
    title = f"{label}: people, posts and partners" + _on(on)
    graph.graph["centre"] = iri  # on any date, the page draws what is near it then
    return _finish(graph, found, title, "", bipartite.graph["posts"], on)


def _on(day: date | None) -> str:
    return f" on {day.isoformat()}" if day else ""


def _for(day: date | None) -> str:
    return f" for {day.isoformat()}" if day else ""


MAPS: dict[str, Callable[[facts.Facts, date | None, nx.Graph | None], nx.Graph]] = {
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


def network_for(
    found: facts.Facts, name: str, on: date | None = None, bipartite: nx.Graph | None = None
) -> nx.Graph:
    """The network a map name stands for: a key of MAPS, or `council:<GSS>`; `bipartite`,
    when given, is `person_org_network(found, on)` already made."""
    check_name(name)
    if name.startswith("council:"):
        return council_network(found, name.split(":", 1)[1], on, bipartite)
    if name == "people" and bipartite is not None:
        return nx.Graph(bipartite)  # a copy: the reliance measures read the original
    return MAPS[name](found, on, bipartite)

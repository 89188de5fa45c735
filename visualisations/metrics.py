"""How much the network of organisations relies on individual people. Pure functions.

Input is the person–organisation graph (`projections.person_org_network`: nodes with
kind "person" or an organisation kind, edges = links live on its date, or on some date). A
person joins the organisations they were linked to at once (`projections.at_once`), so a
career move joins nothing. Measures:

- per linked pair of organisations: the distinct people who hold posts in both, the kinds
  of link that join them (post, commission, partnership-seat, team-seat), and the pair's
  node connectivity *through people* (Menger: the fewest people whose departure cuts every
  path between the two), with one such set of people, every pair from one Gomory–Hu tree
  (`visualisations.cuts`). Connectivity 1 means the relationship hangs on one person, and
  the pair then lists the links that person carries at its two ends, with kind and dates.
- people who are articulation points of the graph (their departure splits it);
- bridge links of the organisation network (a link whose loss disconnects);
- betweenness of every node;
- per organisation, the share of its outside links that its single best-connected person
  carries;
- partnerships that a source flags as relying on individual relationships, with how many
  people join their members.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from itertools import combinations
from typing import Any, cast

import networkx as nx
import rustworkx as rx

from visualisations.cuts import CutTree
from visualisations.facts import Partnership
from visualisations.projections import Link
from visualisations.together import at_once

PERSON = "person"


@dataclass(frozen=True)
class Carried:
    """A link that the one person a pair hangs on carries, at one end of the pair."""

    person: str  # name
    kind: str  # post | commission | team-seat | partnership-seat
    post: str
    organisation: str
    since: str | None  # held from (as known)
    until: str | None  # held until (as known)
    live_from: str | None  # the days it is live (graph.live)
    live_until: str | None

    @classmethod
    def of(cls, link: Link) -> Carried:
        span = link.span
        return cls(
            link.name,
            link.kind,
            link.post,
            link.org_label,
            link.start,
            link.end,
            span.first if span else None,
            span.last if span else None,
        )


@dataclass(frozen=True)
class PairReliance:
    a: str
    b: str
    a_label: str
    b_label: str
    people: tuple[str, ...]  # names of those holding posts in both
    connectivity: int  # fewest people whose departure separates a and b
    cut: tuple[str, ...]  # names of one such smallest set of people
    bridge: bool = False  # the link is a bridge of the organisation network
    kinds: tuple[str, ...] = ()  # the kinds of link its people hold at its two ends
    carried: tuple[Carried, ...] = ()  # when it hangs on one person: their links there

    @property
    def hangs_on(self) -> str | None:
        return self.cut[0] if self.connectivity == 1 else None


@dataclass(frozen=True)
class OrgShare:
    org: str
    label: str
    outside_links: int
    top_person: str
    top_links: int

    @property
    def share(self) -> float:
        return self.top_links / self.outside_links if self.outside_links else 0.0


@dataclass(frozen=True)
class PartnershipReliance:
    label: str
    source: str
    location: str
    statement: str
    members: tuple[str, ...]
    contacts: tuple[str, ...]  # people with a live post in it, or a live seat for it
    weakest: int  # lowest person-connectivity between two of its members (0 = none)
    iri: str = ""


@dataclass
class Reliance:
    pairs: list[PairReliance] = field(default_factory=list)
    articulation_people: dict[str, str] = field(default_factory=dict)  # IRI -> name
    betweenness: dict[str, float] = field(default_factory=dict)
    shares: list[OrgShare] = field(default_factory=list)
    partnerships: list[PartnershipReliance] = field(default_factory=list)
    on: str | None = None  # the date the links are live on (None: on any date)
    window_years: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "on": self.on,
            "window_years": self.window_years,
            "pairs": [asdict(p) | {"hangs_on": p.hangs_on} for p in self.pairs],
            "articulation_people": [
                {"person": k, "name": v}
                for k, v in sorted(self.articulation_people.items(), key=lambda kv: kv[1])
            ],
            "organisations": [asdict(s) | {"share": round(s.share, 3)} for s in self.shares],
            "partnerships": [asdict(p) for p in self.partnerships],
        }


def is_person(graph: nx.Graph, node: str) -> bool:
    return bool(graph.nodes[node].get("kind") == PERSON)


def holdings(bipartite: nx.Graph) -> list[tuple[str, tuple[str, ...]]]:
    """Each person with the organisations they held posts in at once (a person may come
    more than once when no date is given: `projections.at_once`)."""
    return at_once(bipartite)


def organisation_links(bipartite: nx.Graph) -> dict[tuple[str, str], set[str]]:
    """Each pair of organisations that share people at once -> those people (IRIs)."""
    pairs: dict[tuple[str, str], set[str]] = {}
    for person, orgs in holdings(bipartite):
        for a, b in combinations(orgs, 2):
            pairs.setdefault((a, b), set()).add(person)
    return pairs


def pair_reliance(
    bipartite: nx.Graph, tree: CutTree | None = None, *, names: bool = True
) -> list[PairReliance]:
    """Every linked pair of organisations, weakest first. Without `names`, for drawing, a
    pair names neither its people, nor its cut, nor its kinds of link unless it hangs on
    one person (56,000 pairs at 100%, carried by 22 people each on average)."""
    tree = tree or CutTree(holdings(bipartite))
    links = organisation_links(bipartite)
    bridges = _bridges(list(links))
    labels = {n: str(d.get("label", n)) for n, d in bipartite.nodes(data=True)}
    kinds = _kinds_at(bipartite) if names else {}
    found = []
    values = tree.connectivities(list(links)).tolist()
    for ((a, b), people), value in zip(links.items(), values, strict=True):
        one = value == 1
        found.append(
            PairReliance(
                a,
                b,
                labels[a],
                labels[b],
                tuple(sorted(labels[p] for p in people)) if names else (),
                value,
                tuple(sorted(labels[p] for p in tree.cut(a, b))) if names or one else (),
                frozenset((a, b)) in bridges,
                tuple(sorted(set().union(*(kinds[p, o] for p in people for o in (a, b)))))
                if names
                else (),
                _carried(bipartite, people, a, b) if one else (),
            )
        )
    return sorted(found, key=lambda p: (p.connectivity, p.a_label, p.b_label))


def _kinds_at(bipartite: nx.Graph) -> dict[tuple[str, str], frozenset[str]]:
    """(person, organisation) -> the kinds of the links between them."""
    found: dict[tuple[str, str], frozenset[str]] = {}
    for a, b, data in bipartite.edges(data=True):
        kinds = frozenset(link.kind for link in data.get("links", ()))
        found[a, b] = found[b, a] = kinds
    return found


def _carried(bipartite: nx.Graph, people: set[str], a: str, b: str) -> tuple[Carried, ...]:
    """The links the one person who joins a and b holds at each of them."""
    return tuple(
        Carried.of(link)
        for person in sorted(people)
        for org in (a, b)
        if bipartite.has_edge(person, org)
        for link in bipartite.edges[person, org].get("links", ())
    )


def _undirected(graph: nx.Graph) -> tuple[rx.PyGraph, list[Any]]:
    nodes = list(graph)
    found = rx.PyGraph()
    index = {node: found.add_node(node) for node in nodes}
    found.add_edges_from_no_data([(index[u], index[v]) for u, v in graph.edges() if u != v])
    return found, nodes


def _bridges(pairs: list[tuple[str, str]]) -> set[frozenset[str]]:
    """The links of the organisation network whose loss disconnects it (rustworkx: networkx
    took 1.5 s on the 56,000 pairs of the 100% corpus)."""
    found, nodes = _undirected(nx.Graph(pairs))
    edges = cast(set[tuple[int, int]], rx.bridges(found))
    return {frozenset((nodes[a], nodes[b])) for a, b in edges}


def articulation_people(bipartite: nx.Graph) -> dict[str, str]:
    """People whose departure splits the graph of people and organisations (each person's
    organisations at once joined through a node of its own)."""
    found = rx.PyGraph()
    index: dict[str, int] = {}
    person_of: dict[int, str] = {}
    for person, orgs in holdings(bipartite):
        node = found.add_node(None)
        person_of[node] = person
        for org in orgs:
            if org not in index:
                index[org] = found.add_node(None)
            found.add_edge(node, index[org], None)
    return {
        person_of[i]: str(bipartite.nodes[person_of[i]].get("label", person_of[i]))
        for i in sorted(rx.articulation_points(found))
        if i in person_of
    }


def betweenness(graph: nx.Graph) -> dict[str, float]:
    """Normalised betweenness of every node, exact (as networkx's, by rustworkx in Rust:
    networkx's own took 30 s on the 100% organisations map, sampled)."""
    nodes = list(graph)
    found: rx.PyGraph | rx.PyDiGraph = rx.PyDiGraph() if graph.is_directed() else rx.PyGraph()
    index = {node: found.add_node(node) for node in nodes}
    found.add_edges_from_no_data([(index[u], index[v]) for u, v in graph.edges() if u != v])
    if isinstance(found, rx.PyDiGraph):
        values = rx.digraph_betweenness_centrality(found, normalized=True)
    else:
        values = rx.graph_betweenness_centrality(found, normalized=True)
    return {node: float(values[index[node]]) for node in nodes}


def top_person_shares(bipartite: nx.Graph) -> list[OrgShare]:
    """Per organisation: how many of its outside links its best-connected person carries alone."""
    reach: dict[str, dict[str, set[str]]] = {}
    for person, orgs in holdings(bipartite):
        for org in orgs:
            reach.setdefault(org, {}).setdefault(person, set()).update(o for o in orgs if o != org)
    shares = []
    for org in (n for n in bipartite if not is_person(bipartite, n)):
        people = reach.get(org, {})
        outside = set().union(*people.values()) if people else set()
        if not outside:
            continue
        top = max(sorted(people), key=lambda p: len(people[p]))
        shares.append(
            OrgShare(
                org,
                str(bipartite.nodes[org].get("label", org)),
                len(outside),
                str(bipartite.nodes[top].get("label", top)),
                len(people[top]),
            )
        )
    return sorted(shares, key=lambda s: (-s.share, -s.outside_links, s.label))


def flagged_partnerships(
    bipartite: nx.Graph, partnerships: Iterable[Partnership], tree: CutTree | None = None
) -> list[PartnershipReliance]:
    """Partnerships a source says rely on individuals, and how thinly people join their members."""
    flagged = [p for p in partnerships if p.reliant]
    if not flagged:
        return []
    tree = tree or CutTree(holdings(bipartite))
    found = []
    for p in flagged:
        pairs = list(combinations(sorted(p.members), 2))
        weakest = min((tree.connectivity(a, b) for a, b in pairs), default=0)
        contacts = sorted(
            {
                str(bipartite.nodes[n].get("label"))
                for n in [*bipartite.adj.get(p.iri, {}), *_seated(bipartite, p)]
                if is_person(bipartite, n)
            }
        )
        found.append(
            PartnershipReliance(
                p.label,
                p.source,
                p.location,
                p.statement,
                tuple(sorted(p.members.values())),
                tuple(contacts),
                weakest,
                p.iri,
            )
        )
    return found


def _seated(bipartite: nx.Graph, partnership: Partnership) -> list[str]:
    """The partnership's named contacts with a live partnership seat in one of its members."""
    return [
        person
        for person in partnership.contacts
        for member in partnership.members
        if bipartite.has_edge(person, member)
        and any(
            link.kind == "partnership-seat" for link in bipartite.edges[person, member]["links"]
        )
    ]


def reliance(
    bipartite: nx.Graph,
    partnerships: Iterable[Partnership] = (),
    check: Callable[[], None] | None = None,
    *,
    full: bool = True,
) -> Reliance:
    """Every measure at once, for the `reliance` command; `full` False is what drawing a
    map needs (no names of every pair's people, no betweenness of people). `check` is
    called now and then, and may raise to stop the work (a deadline)."""
    tree = CutTree(holdings(bipartite), check=check)
    return Reliance(
        pairs=pair_reliance(bipartite, tree, names=full),
        articulation_people=articulation_people(bipartite),
        betweenness=betweenness(bipartite) if full else {},
        shares=top_person_shares(bipartite),
        partnerships=flagged_partnerships(bipartite, partnerships, tree),
    )


def annotate(
    network: nx.Graph, result: Reliance, *, with_betweenness: bool = True, copy: bool = True
) -> nx.Graph:
    """A copy of a map's network marked for drawing: fragile links, articulation people, sizes.
    `with_betweenness` False takes each node's betweenness in the graph of people and
    organisations (the map's own costs 4 s on the 100% organisations map)."""
    graph = network.copy() if copy else network
    weak = {frozenset((p.a, p.b)): p for p in result.pairs}
    # (person, organisation) labels of posts that are the only thread between two organisations
    single = {
        (p.hangs_on, org) for p in result.pairs if p.hangs_on for org in (p.a_label, p.b_label)
    }
    between = betweenness(graph) if with_betweenness else result.betweenness
    shares = {s.org: s.share for s in result.shares}
    for node, data in graph.nodes(data=True):
        data["articulation"] = node in result.articulation_people
        data["betweenness"] = round(between.get(node, 0.0), 4)
        data["degree"] = graph.degree(node)
        data["share"] = round(shares.get(node, 0.0), 3)
    for a, b, data in graph.edges(data=True):
        pair = weak.get(frozenset((a, b)))
        la, lb = (graph.nodes[n].get("label") for n in (a, b))
        data["connectivity"] = pair.connectivity if pair else None
        data["single_person"] = bool(pair and pair.connectivity == 1) or bool(
            {(la, lb), (lb, la)} & single
        )
        data["hangs_on"] = pair.hangs_on if pair else None
    graph.graph["flagged"] = result.partnerships
    return graph

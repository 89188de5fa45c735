"""Drawing a network as one self-contained HTML file: `build_map` (pure) and `write_map`.

The page inlines vis-network (visualisations/static, a copy of the 9.1.2 standalone build,
dual MIT/Apache-2.0), its own scripts and style (static/day.js, map.js, map.css) and uses our own
Jinja2 template, so it opens with no network at all: pyvis's stock templates fetch
vis-network and bootstrap from CDNs even in "in_line" mode.

The graph travels as compact tables: nodes; edges naming the people who carry them; links
(one post each: person, the nodes it belongs to, post, organisation, kind of link, dates,
the days it is live by /leads's rule, sources); people; sources; the partnerships a source
says rely on individual relationships. An edge's posts are its people's posts at its two
ends, found by the page's script, which also builds tooltips, group summaries, search and
labels from these tables: the 100% organisations map (58,000 edges, 990,000 posts behind
them) is a few MB, not one tooltip string per post. The page carries the links of every
date; its date control (opening on `on`) keeps those live on the day it shows, compares
ISO text with each link's live span, and measures that day's reliance itself.

Safety: every heading, legend and menu entry goes through Jinja's autoescaping; the graph
itself travels as JSON inside `<script type="application/json">` with `<`, `>` and `&`
escaped, and the page's script builds tooltips and menus with `textContent` only. Labels
are drawn on the canvas by the script, and vis-network's HTML label mode stays off.
"""

from __future__ import annotations

import json
from collections.abc import Hashable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape

from visualisations import groups
from visualisations.layout import positions
from visualisations.metrics import PartnershipReliance
from visualisations.projections import Link, attached

HERE = Path(__file__).resolve().parent
SIZE_METRICS = ("degree", "betweenness", "share", "people")
KIND_COLOURS = {
    "council": "#1f77b4",
    "organisation": "#2ca02c",
    "peer-team": "#9467bd",
    "partnership": "#ff7f0e",
    "person": "#8c8c8c",
    "policy-area": "#17becf",
}
FRAGILE = "#d62728"  # links that hang on one person, and the people a network hangs on
PLAIN_EDGE = "#b0b0b0"
MIN_SIZE, MAX_SIZE = 8.0, 40.0
OVERVIEW_NODES = 150  # above this a map opens on its groups


@dataclass(frozen=True)
class MapOptions:
    title: str | None = None  # default: the network's own title
    size_by: str = "degree"  # one of SIZE_METRICS
    seed: int = 7
    generated: date = field(default_factory=date.today)
    present: bool = False  # open in projector mode


def _json_for_html(data: Any) -> str:
    """JSON that cannot close its <script> element or open a new one."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _sizes(graph: nx.Graph, metric: str) -> dict[Any, float]:
    def value(node: Any) -> float:
        data = graph.nodes[node]
        if metric == "people":
            return float(
                len({p for _, _, e in graph.edges(node, data=True) for p in e.get("people", [])})
            )
        if metric == "degree":
            return float(graph.degree(node))
        return float(data.get(metric, 0.0) or 0.0)

    values = {n: value(n) for n in graph}
    top = max(values.values(), default=0.0) or 1.0
    return {n: MIN_SIZE + (MAX_SIZE - MIN_SIZE) * (v / top) ** 0.5 for n, v in values.items()}


class _Tables:
    """Links, people and sources numbered as they are first met."""

    def __init__(self, network: nx.Graph) -> None:
        self.links: list[dict[str, Any]] = []
        self.people: list[dict[str, Any]] = []
        self.sources: list[list[str]] = []
        self._link: dict[Link, int] = {}
        self._person: dict[str, int] = {}
        self._source: dict[str, int] = {}
        self._docs = {iri: (title, when) for title, when, iri in network.graph.get("sources", [])}
        self._aliases = {
            n: d.get("aliases", []) for n, d in network.nodes(data=True) if d.get("aliases")
        }
        self._person_aliases = network.graph.get("person_aliases", {})

    def source(self, iri: str) -> int:
        if iri not in self._source:
            self._source[iri] = len(self.sources)
            title, when = self._docs.get(iri, (iri.rsplit("/", 1)[-1], ""))
            self.sources.append([title, when, iri])
        return self._source[iri]

    def person(self, iri: str, name: str) -> int:
        if iri not in self._person:
            self._person[iri] = len(self.people)
            entry: dict[str, Any] = {"name": name, "iri": iri}
            aliases = self._aliases.get(iri) or self._person_aliases.get(iri)
            if aliases:
                entry["aliases"] = list(aliases)
            self.people.append(entry)
        return self._person[iri]

    def link(self, link: Link, at: list[int]) -> int:
        if link not in self._link:
            self._link[link] = len(self.links)
            entry = {
                "person": self.person(link.person, link.name),
                "at": at,
                "post": link.post,
                "org": link.org_label,
                "kind": link.kind,
                "start": link.start,
                "end": link.end,
                "live": [link.span.first, link.span.last] if link.span else None,
                "years": list(link.years),
                "area": link.area,
                "team": link.team,
                "sources": [self.source(s) for s in link.sources],
            }
            self.links.append({k: v for k, v in entry.items() if v not in (None, [], "")})
        return self._link[link]


def _node(
    network: nx.Graph, node: Hashable, size: float, where: tuple[float, float]
) -> dict[str, Any]:
    data = network.nodes[node]
    kind = str(data.get("kind", "organisation"))
    fragile = bool(data.get("articulation"))
    entry = {
        "label": str(data.get("label", node)),
        "iri": str(node),
        "kind": kind,
        "x": where[0],
        "y": where[1],
        "size": round(size, 1),
        "color": FRAGILE if fragile else KIND_COLOURS.get(kind, "#555555"),
        "shape": "diamond" if fragile else ("square" if kind == "partnership" else "dot"),
        "articulation": fragile,
        "reliant": bool(data.get("reliant")),
        "centre": str(node) == network.graph.get("centre"),
        "aliases": data.get("aliases", []),
        "region": data.get("region"),
        "type": data.get("authority_type"),
        "councils": data.get("councils", []),
        "areas": data.get("areas", []),
        "years": data.get("years", []),
        "degree": data.get("degree", network.degree(node)),
        "betweenness": data.get("betweenness", 0.0),
        "share": data.get("share", 0.0),
    }
    return {k: v for k, v in entry.items() if v not in (None, [], False)}


def _edge(
    tables: _Tables, ids: dict[Hashable, int], a: Hashable, b: Hashable, data: dict[str, Any]
) -> dict[str, Any]:
    """An edge names the people who carry it; its posts are theirs at its two ends (the
    page finds them in the links table by person and node)."""
    entry: dict[str, Any] = {"from": ids[a], "to": ids[b], "kind": data.get("kind")}
    carriers = data.get("carriers")
    if carriers:
        entry["people"] = [tables.person(p, name) for p, name in carriers.items()]
    if data.get("single_person"):
        entry["single"] = True
    if data.get("hangs_on"):
        entry["hangs_on"] = data["hangs_on"]
    if data.get("connectivity") is not None:
        entry["connectivity"] = data["connectivity"]
    if data.get("sources"):
        entry["sources"] = [tables.source(s) for s in data["sources"]]
    return entry


def _layouts(network: nx.Graph, seed: int) -> tuple[dict[str, Any], dict[str, dict[Hashable, str]]]:
    """Positions per grouping (none, region, type) and each node's group per grouping."""
    found = {mode: groups.groups(network, mode) for mode in groups.MODES}
    if network.number_of_nodes() <= OVERVIEW_NODES:
        flat = positions(network, seed=seed)
        return {"none": flat, "region": flat, "type": flat}, found
    by_region = groups.grouped_positions(network, found["region"], seed=seed)
    by_type = groups.grouped_positions(network, found["type"], seed=seed)
    return {"none": by_region, "region": by_region, "type": by_type}, found


def map_data(network: nx.Graph, options: MapOptions, on: date | None = None) -> dict[str, Any]:
    """Everything the page's script needs, as plain JSON-able values."""
    metric = options.size_by if options.size_by in SIZE_METRICS else "degree"
    where, grouped = _layouts(network, options.seed)
    sizes = _sizes(network, metric)
    order = sorted(network, key=str)
    ids = {node: i for i, node in enumerate(order)}
    nodes = []
    for node in order:
        entry = _node(network, node, sizes[node], where["none"][node])
        entry["id"] = ids[node]
        entry["groups"] = {mode: grouped[mode][node] for mode in groups.MODES}
        entry["at"] = {mode: list(where[mode][node]) for mode in groups.MODES}
        nodes.append(entry)
    tables = _Tables(network)
    people_drawn = any(n["kind"] == "person" for n in nodes)
    for link in network.graph.get("posts", []):
        at = [ids[n] for n in attached(network, link)]
        if at and (link.person in network or not people_drawn):
            tables.link(link, at)
    edges = [_edge(tables, ids, a, b, data) for a, b, data in network.edges(data=True)]
    for source in network.graph.get("sources", []):
        tables.source(source[2])
    large = len(nodes) > OVERVIEW_NODES
    return {
        "nodes": nodes,
        "edges": edges,
        "links": tables.links,
        "people": tables.people,
        "sources": tables.sources,
        "flagged": [_flagged(tables, ids, p) for p in network.graph.get("flagged", [])],
        "directed": network.is_directed(),
        "sizeBy": metric,
        "groupBy": "region" if large else "none",
        "present": options.present,
        "on": on.isoformat() if on else None,
        "years": _years(tables.links),
        "lone": bool(network.graph.get("lone", True)),
        "why": network.graph.get("why", ""),
        "empty": network.graph.get("empty", "") if not nodes else "",
        "colours": {"kinds": KIND_COLOURS, "fragile": FRAGILE, "edge": PLAIN_EDGE},
    }


def _flagged(tables: _Tables, ids: dict[Hashable, int], p: PartnershipReliance) -> dict[str, Any]:
    """A partnership a source says relies on individual relationships, as the panel names it."""
    entry = {
        "label": p.label,
        "node": ids.get(p.iri),
        "statement": p.statement,
        "location": p.location,
        "source": tables.source(p.source) if p.source else None,
        "members": list(p.members),
        "contacts": list(p.contacts),
    }
    return {k: v for k, v in entry.items() if v not in (None, [], "")}


def _years(links: list[dict[str, Any]]) -> list[int]:
    """The first and last year any link is live in, for the page's year slider."""
    ends = [int(day[:4]) for link in links for day in link.get("live", ()) if day[:4].isdigit()]
    return [min(ends), max(ends)] if ends else []


def _menus(data: dict[str, Any]) -> dict[str, list[str]]:
    nodes = data["nodes"]
    return {
        "organisation": sorted(
            {n["label"] for n in nodes if n["kind"] not in ("person", "policy-area")}
        ),
        "council": sorted({c for n in nodes for c in n.get("councils", [])}),
        "area": sorted({a for n in nodes for a in n.get("areas", [])}),
    }


def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
    )


def build_map(
    network: nx.Graph,
    options: MapOptions | None = None,
    *,
    on: date | None = None,
    empty: str | None = None,
) -> str:
    """The map as one HTML document with everything inlined; it opens on `on` (all dates if
    None), and `empty` is why it has nothing to draw that day (default: the network's)."""
    options = options or MapOptions()
    data = map_data(network, options, on)
    if empty is not None:
        data["empty"] = empty
    carriers = sorted(
        {n["label"] for n in data["nodes"] if n.get("articulation")}
        | {e["hangs_on"] for e in data["edges"] if e.get("single") and e.get("hangs_on")}
    )
    static = HERE / "static"
    return (
        _environment()
        .get_template("map.html.j2")
        .render(
            title=options.title or network.graph.get("title", "Network map"),
            generated=options.generated.isoformat(),
            sources=network.graph.get("sources", []),
            sources_by_index=data["sources"],
            kinds=[
                (k, c)
                for k, c in KIND_COLOURS.items()
                if any(n["kind"] == k for n in data["nodes"])
            ],
            fragile=FRAGILE,
            carriers=[] if on else carriers,  # on a date, the page's script lists them
            flagged=data["flagged"],
            on=data["on"],
            years=data["years"],
            menus=_menus(data),
            size_by=data["sizeBy"],
            group_by=data["groupBy"],
            present=options.present,
            empty=data["empty"],
            counts=(len(data["nodes"]), len(data["edges"])),
            data_json=_json_for_html(data),
            vis_js=(static / "vis-network.min.js").read_text(encoding="utf-8"),
            vis_css=(static / "vis-network.css").read_text(encoding="utf-8"),
            day_js=(static / "day.js").read_text(encoding="utf-8"),
            map_js=(static / "map.js").read_text(encoding="utf-8"),
            map_css=(static / "map.css").read_text(encoding="utf-8"),
        )
    )


def write_map(network: nx.Graph, path: Path, options: MapOptions | None = None) -> Path:
    path.write_text(build_map(network, options), encoding="utf-8")
    return path

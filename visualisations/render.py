"""Drawing a network as one self-contained HTML file: `build_map` (pure) and `write_map`.

The page inlines vis-network (visualisations/static, a copy of the 9.1.2 standalone build,
dual MIT/Apache-2.0) and uses our own Jinja2 template, so it opens with no network at all:
pyvis's stock templates fetch vis-network and bootstrap from CDNs even in "in_line" mode.

Safety: every heading, legend and menu entry goes through Jinja's autoescaping; the graph
itself travels as JSON inside `<script type="application/json">` with `<`, `>` and `&`
escaped, and the page's script builds tooltips and menus with `textContent` only. vis draws
labels on a canvas, and its HTML label mode stays off.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape

from visualisations.layout import positions

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


@dataclass(frozen=True)
class MapOptions:
    title: str | None = None  # default: the network's own title
    size_by: str = "degree"  # one of SIZE_METRICS
    seed: int = 7
    generated: date = field(default_factory=date.today)


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


def _node_lines(graph: nx.Graph, node: Any, metric: str) -> list[str]:
    data = graph.nodes[node]
    lines = [str(data.get("label", node)), f"kind: {data.get('kind', 'organisation')}"]
    if data.get("articulation"):
        lines.append("the network splits if this person leaves")
    if data.get("reliant"):
        lines.append("a source says this partnership relies on individual relationships")
    for link in [e for _, _, d in graph.edges(node, data=True) for e in d.get("links", [])][:12]:
        lines.append(f"{link.describe()} ({', '.join(s.rsplit('/', 1)[-1] for s in link.sources)})")
    if metric in data:
        lines.append(f"{metric}: {data[metric]}")
    return lines


def _edge_lines(graph: nx.Graph, a: Any, b: Any, data: dict[str, Any]) -> list[str]:
    head = f"{graph.nodes[a].get('label', a)} — {graph.nodes[b].get('label', b)}"
    lines = [head, f"carried by {len(data.get('people', []))} people"]
    if data.get("hangs_on"):
        lines.append(f"hangs on one person: {data['hangs_on']}")
    for link in data.get("links", []):
        sources = ", ".join(s.rsplit("/", 1)[-1] for s in link.sources) or "source not recorded"
        lines.append(f"{link.describe()} — {sources}")
    lines.extend(f"source: {s.rsplit('/', 1)[-1]}" for s in data.get("sources", []))
    return lines


def map_data(network: nx.Graph, options: MapOptions) -> dict[str, Any]:
    """Everything the page's script needs, as plain JSON-able values."""
    metric = options.size_by if options.size_by in SIZE_METRICS else "degree"
    where, sizes = positions(network, seed=options.seed), _sizes(network, metric)
    ids = {node: i for i, node in enumerate(network)}
    nodes = []
    for node, data in network.nodes(data=True):
        kind = str(data.get("kind", "organisation"))
        fragile = bool(data.get("articulation"))
        nodes.append(
            {
                "id": ids[node],
                "iri": str(node),
                "label": str(data.get("label", node)),
                "kind": kind,
                "x": where[node][0],
                "y": where[node][1],
                "size": round(sizes[node], 1),
                "color": FRAGILE if fragile else KIND_COLOURS.get(kind, "#555555"),
                "shape": "diamond" if fragile else ("square" if kind == "partnership" else "dot"),
                "articulation": fragile,
                "lines": _node_lines(network, node, metric),
                "councils": data.get("councils", []),
                "areas": data.get("areas", []),
                "years": data.get("years", []),
            }
        )
    edges = []
    for a, b, data in network.edges(data=True):
        single = bool(data.get("single_person"))
        edges.append(
            {
                "from": ids[a],
                "to": ids[b],
                "single": single,
                "hangs_on": data.get("hangs_on"),
                "people": data.get("people", []),
                "width": 4 if single else 1 + min(len(data.get("people", [])), 4),
                "color": FRAGILE if single else PLAIN_EDGE,
                "dashes": data.get("kind") == "partnership",
                "lines": _edge_lines(network, a, b, data),
                "councils": data.get("councils", []),
                "areas": data.get("areas", []),
                "years": data.get("years", []),
            }
        )
    return {"nodes": nodes, "edges": edges, "directed": network.is_directed(), "sizeBy": metric}


def _menus(data: dict[str, Any]) -> dict[str, list[str]]:
    nodes = data["nodes"]
    return {
        "organisation": sorted(
            {n["label"] for n in nodes if n["kind"] not in ("person", "policy-area")}
        ),
        "council": sorted({c for n in nodes for c in n["councils"]}),
        "area": sorted({a for n in nodes for a in n["areas"]}),
        "year": [str(y) for y in sorted({y for n in nodes for y in n["years"]})],
    }


def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
    )


def build_map(network: nx.Graph, options: MapOptions | None = None) -> str:
    """The map as one HTML document with everything inlined."""
    options = options or MapOptions()
    data = map_data(network, options)
    carriers = sorted(
        {n["label"] for n in data["nodes"] if n["articulation"]}
        | {e["hangs_on"] for e in data["edges"] if e["single"] and e["hangs_on"]}
    )
    return (
        _environment()
        .get_template("map.html.j2")
        .render(
            title=options.title or network.graph.get("title", "Network map"),
            generated=options.generated.isoformat(),
            sources=network.graph.get("sources", []),
            kinds=[
                (k, c)
                for k, c in KIND_COLOURS.items()
                if any(n["kind"] == k for n in data["nodes"])
            ],
            fragile=FRAGILE,
            carriers=carriers,
            menus=_menus(data),
            size_by=data["sizeBy"],
            size_metrics=SIZE_METRICS,
            counts=(len(data["nodes"]), len(data["edges"])),
            data_json=_json_for_html(data),
            vis_js=(HERE / "static" / "vis-network.min.js").read_text(encoding="utf-8"),
            vis_css=(HERE / "static" / "vis-network.css").read_text(encoding="utf-8"),
        )
    )


def write_map(network: nx.Graph, path: Path, options: MapOptions | None = None) -> Path:
    path.write_text(build_map(network, options), encoding="utf-8")
    return path

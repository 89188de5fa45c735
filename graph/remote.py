"""Pushing a build to a SPARQL 1.1 Graph Store HTTP Protocol service, graph by graph.

    councilgraph push --sparql-store http://host:7878/store [--store DIR]

Each named graph of the current build is sent with `PUT {URL}?graph={IRI}` as N-Triples,
but only when it changed; so is the default graph (`PUT {URL}?default`), which holds the
merge of the named graphs as in the local store, so that queries see a triple stated by
two documents once on any server, with no union-default-graph setting. Change detection: the remote keeps a small metadata graph,
`{things}graph/push-metadata`, holding `<graph IRI> cg:sha256 "hex"` for every graph this
tool pushed, the SHA-256 of the graph's sorted N-Triples. One GET of that graph tells which
graphs differ, without downloading the graphs themselves (a GET per graph would move the
whole store to compare it). Graphs pushed before but gone from the build are deleted. The
metadata graph is written last, so an interrupted push only makes the next one resend.
Works with any Graph Store Protocol service (Oxigraph `/store`, Fuseki `/ds/data`, GraphDB).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx
import pyoxigraph as ox

from councilgraph.errors import StoreError
from councilgraph.redact import redact, redact_text
from graph.namespaces import CG

NTRIPLES = "application/n-triples"
Progress = Callable[[str, int, int], None]


@dataclass
class PushReport:
    sent: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    triples_sent: int = 0


def graph_ntriples(store: ox.Store, graph: ox.NamedNode | ox.DefaultGraph) -> bytes:
    """The graph's triples as sorted N-Triples: the same graph always gives the same bytes."""
    triples = [
        ox.Triple(q.subject, q.predicate, q.object)
        for q in store.quads_for_pattern(None, None, None, graph)
    ]
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    lines = sorted(set(data.decode().splitlines()))
    return ("\n".join(lines) + "\n").encode() if lines else b""


def metadata_graph(things: str) -> str:
    return f"{things}graph/push-metadata"


def default_graph_key(things: str) -> str:
    """The name the metadata graph gives the default graph's hash."""
    return f"{things}graph/default"


class GraphStore:
    """A thin client of one Graph Store Protocol endpoint; httpx errors become StoreError."""

    def __init__(self, url: str, client: httpx.Client | None = None) -> None:
        self.url = url
        self.client = client or httpx.Client(timeout=120.0)

    def _call(self, method: str, graph: str | None, **kwargs: object) -> httpx.Response:
        """`graph` None is the default graph (the protocol's `?default`)."""
        params = {"graph": graph} if graph is not None else {"default": ""}
        try:
            response = self.client.request(method, self.url, params=params, **kwargs)  # type: ignore[arg-type]
        except httpx.HTTPError as exc:
            raise StoreError(
                f"cannot reach the graph store at {redact(self.url)}: {redact_text(str(exc))}",
                hint="is the server running, and is this its Graph Store endpoint (e.g. /store)?",
            ) from exc
        if response.status_code >= 400 and not (method == "GET" and response.status_code == 404):
            raise StoreError(
                f"{method} {graph or 'the default graph'} at {redact(self.url)} failed: "
                f"HTTP {response.status_code} "
                f"{response.text[:200]}"
            )
        return response

    def get(self, graph: str) -> bytes | None:
        response = self._call("GET", graph, headers={"Accept": NTRIPLES})
        return None if response.status_code == 404 else response.content

    def put(self, graph: str | None, data: bytes) -> None:
        self._call("PUT", graph, content=data, headers={"Content-Type": NTRIPLES})

    def delete(self, graph: str) -> None:
        self._call("DELETE", graph)


def remote_hashes(client: GraphStore, meta: str) -> dict[str, str]:
    data = client.get(meta)
    if not data:
        return {}
    return {
        t.subject.value: t.object.value
        for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)
        if t.predicate.value == str(CG.sha256)
    }


def push(
    store: ox.Store, client: GraphStore, things: str, progress: Progress | None = None
) -> PushReport:
    """Make the remote's named graphs equal the store's, sending only what changed."""
    report_progress = progress or (lambda what, done, total: None)
    meta = metadata_graph(things)
    before = remote_hashes(client, meta)
    named = sorted(
        (g for g in store.named_graphs() if isinstance(g, ox.NamedNode)), key=lambda g: g.value
    )
    graphs: list[tuple[str, ox.NamedNode | ox.DefaultGraph]] = [(g.value, g) for g in named]
    graphs.append((default_graph_key(things), ox.DefaultGraph()))
    report, after = PushReport(), {}
    for done, (key, graph) in enumerate(graphs, start=1):
        data = graph_ntriples(store, graph)
        digest = hashlib.sha256(data).hexdigest()
        after[key] = digest
        if before.get(key) == digest:
            report.unchanged.append(key)
        else:
            client.put(graph.value if isinstance(graph, ox.NamedNode) else None, data)
            report.sent.append(key)
            report.triples_sent += data.count(b"\n")
        report_progress(key, done, len(graphs))
    for gone in sorted(set(before) - set(after)):
        client.delete(gone)
        report.deleted.append(gone)
    lines = [f'<{iri}> <{CG.sha256}> "{digest}" .' for iri, digest in sorted(after.items())]
    client.put(meta, ("\n".join(lines) + "\n").encode())
    return report

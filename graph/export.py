"""Dumps of the store: N-Quads and TriG keep the named graphs; Turtle and JSON-LD give their
merge (the store's default graph), or one named graph.

`dumps` returns bytes, `dump` writes them to a file (linkml-runtime's dumps/dump pairing).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from graph.namespaces import PREFIXES

FORMATS: dict[str, ox.RdfFormat] = {
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
DATASET_FORMATS = {"nq", "trig"}


def _triples(store: ox.Store, graph: str | None) -> list[ox.Triple]:
    """The triples of one named graph, or of the default graph (the merge of them all)."""
    name = ox.NamedNode(graph) if graph else ox.DefaultGraph()
    return [
        ox.Triple(quad.subject, quad.predicate, quad.object)
        for quad in store.quads_for_pattern(None, None, None, name)
    ]


def named_quads(store: ox.Store) -> list[ox.Quad]:
    """Every quad of the named graphs: the statements, without their derived merge."""
    return [
        quad
        for quad in store.quads_for_pattern(None, None, None, None)
        if not isinstance(quad.graph_name, ox.DefaultGraph)
    ]


def dumps(store: ox.Store, fmt: str, *, graph: str | None = None) -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    prefixes = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    if fmt in DATASET_FORMATS and graph is None:
        quads = named_quads(store)
        out = ox.serialize(quads, format=FORMATS[fmt], prefixes=prefixes if fmt == "trig" else None)
    else:
        triples = _triples(store, graph)
        if fmt in DATASET_FORMATS:
            fmt = "nt" if fmt == "nq" else "ttl"
        with_prefixes = fmt in {"ttl", "jsonld", "rdfxml"}
        out = ox.serialize(
            triples, format=FORMATS[fmt], prefixes=prefixes if with_prefixes else None
        )
    assert out is not None
    return out


def dump(store: ox.Store, fmt: str, path: Path, *, graph: str | None = None) -> None:
    path.write_bytes(dumps(store, fmt, graph=graph))

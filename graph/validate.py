"""SHACL validation of a graph against the shapes in ontology/shapes.ttl (pySHACL)."""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
from pyshacl import validate
from rdflib import Graph

from ontology import ontology_files, shapes_file


@dataclass(frozen=True)
class Validation:
    conforms: bool
    results: int
    report: str  # pySHACL's text report, for people


def store_union(store: ox.Store) -> Graph:
    """Every triple of every named graph of a store, as one rdflib graph."""
    from graph.export import dumps

    return Graph().parse(data=dumps(store, "nt"), format="nt")


def load_ontology() -> Graph:
    graph = Graph()
    for path in ontology_files():
        graph.parse(path, format="turtle")
    return graph


def validate_graph(data: Graph, ontology: Graph | None = None) -> Validation:
    """Validate `data` (the union of all named graphs) with the ontology mixed in for typing."""
    shapes = Graph().parse(shapes_file(), format="turtle")
    conforms, report_graph, text = validate(
        data,
        shacl_graph=shapes,
        ont_graph=ontology if ontology is not None else load_ontology(),
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
    )
    from rdflib.namespace import SH

    results = len(set(report_graph.subjects(predicate=SH.resultSeverity)))
    return Validation(conforms=bool(conforms), results=results, report=str(text))

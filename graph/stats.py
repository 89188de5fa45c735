"""Counts that describe a built graph: triples, graphs, and things by class."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from graph import sparql
from graph.store import current_build

COUNT_BY_CLASS = """
PREFIX cg: <https://w3id.org/councilgraph/def/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {
  VALUES ?class { cg:Council cg:PeerChallenge cg:PeerTeam cg:Recommendation cg:Action
                  cg:Partnership cg:Document foaf:Person org:Membership org:Organization
                  cg:Meeting cg:Intervention cg:Review cg:Figure }
  ?s a ?class
} GROUP BY ?class ORDER BY ?class
"""
COUNT_GRAPHS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
COUNT_MERGED = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"  # the default graph: the merge


def stats(store: ox.Store, store_dir: Any = None) -> dict[str, Any]:
    by_class = {
        row["class"].rsplit("/", 1)[-1].rsplit("#", 1)[-1]: row["n"]
        for row in sparql.rows(store, COUNT_BY_CLASS)
    }
    graphs = {row["g"]: row["n"] for row in sparql.rows(store, COUNT_GRAPHS)}
    result: dict[str, Any] = {
        "triples": sum(graphs.values()),
        "distinct_triples": sparql.rows(store, COUNT_MERGED)[0]["n"],
        "graphs": graphs,
        "things": by_class,
    }
    if store_dir is not None:
        build = current_build(store_dir)
        meta = build.metadata
        result["build"] = {
            "path": str(build.path),
            "built_at": meta.get("built_at"),
            "content_sha256": meta.get("content_sha256"),
            "seconds": meta.get("seconds"),
            "peak_memory_mb": meta.get("peak_memory_mb"),
            "documents": meta.get("documents"),
            "skipped": meta.get("skipped", []),
            "organisations_not_in_register": len(meta.get("organisations_not_in_register", [])),
        }
    return result

"""The store's default graph is the RDF merge of its named graphs: a triple that two
documents state is one triple to a query (Oxigraph's union default graph would repeat it
once per graph), and a store built before this layout is refused with a clear error."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from councilgraph.errors import StoreError
from councilgraph.settings import Settings
from graph.export import dumps
from graph.sparql import rows
from graph.store import current_build, open_store

SHARED = """
SELECT ?s ?p ?o (COUNT(DISTINCT ?g) AS ?graphs) WHERE { GRAPH ?g { ?s ?p ?o } }
GROUP BY ?s ?p ?o HAVING (COUNT(DISTINCT ?g) > 1) LIMIT 5
"""


def test_a_triple_stated_twice_is_counted_once(corpus_store: ox.Store) -> None:
    shared = list(corpus_store.query(SHARED))
    assert shared, "the corpus has triples that several documents state"
    for row in shared:
        found = corpus_store.query(
            "SELECT ?s ?p ?o WHERE { ?s ?p ?o }",
            substitutions={ox.Variable(v): row[v] for v in ("s", "p", "o")},
        )
        assert len(list(found)) == 1


def test_the_default_graph_is_exactly_the_merge(corpus_store: ox.Store) -> None:
    named = {
        (q.subject, q.predicate, q.object)
        for q in corpus_store.quads_for_pattern(None, None, None, None)
        if not isinstance(q.graph_name, ox.DefaultGraph)
    }
    default = {
        (q.subject, q.predicate, q.object)
        for q in corpus_store.quads_for_pattern(None, None, None, ox.DefaultGraph())
    }
    assert default == named


def test_dataset_exports_hold_the_named_graphs_only(corpus_store: ox.Store) -> None:
    quads = list(ox.parse(dumps(corpus_store, "nq"), format=ox.RdfFormat.N_QUADS))
    assert quads and all(isinstance(q.graph_name, ox.NamedNode) for q in quads)
    merged = len(list(ox.parse(dumps(corpus_store, "nt"), format=ox.RdfFormat.N_TRIPLES)))
    assert merged == rows(corpus_store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"]
    assert merged < len(quads)


def test_a_store_of_the_earlier_layout_is_refused(
    corpus_settings: Settings, tmp_path: Path
) -> None:
    import shutil

    store = tmp_path / "old"
    build = current_build(corpus_settings.store)
    shutil.copytree(build.path, store / "builds" / build.path.name)
    (store / "current").symlink_to(Path("builds") / build.path.name)
    meta = store / "builds" / build.path.name / "build.json"
    old = json.loads(meta.read_text())
    del old["store_format"]
    meta.write_text(json.dumps(old))
    with pytest.raises(StoreError, match="earlier councilgraph") as caught:
        open_store(store)
    assert "councilgraph build" in (caught.value.hint or "")

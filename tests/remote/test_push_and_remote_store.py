"""End to end against a real Oxigraph server: push a build, then query it remotely."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from councilgraph.settings import Settings
from graph.remote import GraphStore, default_graph_key, metadata_graph, push
from graph.remote_store import RemoteStore
from graph.sparql import library, rows, run, with_values

pytestmark = pytest.mark.oxigraph_server


def _graph_sizes(store: object) -> dict[str, int]:
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    return {row["g"].value: int(row["n"].value) for row in store.query(query)}  # type: ignore[attr-defined]


def _default_size(store: object) -> int:
    found = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")  # type: ignore[attr-defined]
    return int(next(iter(found))["n"].value)


def test_push_sends_every_graph_then_only_what_changed(
    oxigraph_server: str, corpus_store: ox.Store, corpus_settings: Settings, tmp_path: Path
) -> None:
    client = GraphStore(oxigraph_server + "/store")
    things = corpus_settings.things
    first = push(corpus_store, client, things)
    local = _graph_sizes(corpus_store)
    remote = RemoteStore(oxigraph_server + "/query")
    remote_sizes = _graph_sizes(remote)
    assert {g: n for g, n in remote_sizes.items() if g != metadata_graph(things)} == local
    # the default graph (the merge of the named graphs) goes too, so remote queries see a
    # triple stated by two documents once, as local ones do
    merged = _default_size(corpus_store)
    assert 0 < merged < sum(local.values()) and _default_size(remote) == merged
    assert first.sent[-1] == default_graph_key(things) and len(first.sent) == len(local) + 1
    assert first.triples_sent == sum(local.values()) + merged

    second = push(corpus_store, client, things)
    assert second.sent == [] and len(second.unchanged) == len(local) + 1

    # A changed build: one graph edited, one gone, one new.
    changed = ox.Store()
    changed.extend(corpus_store.quads_for_pattern(None, None, None, None))
    graphs = sorted(local)
    edited, gone = ox.NamedNode(graphs[0]), ox.NamedNode(graphs[1])
    changed.add(
        ox.Quad(
            ox.NamedNode("https://example.org/s"),
            ox.NamedNode("https://example.org/p"),
            ox.Literal("new"),
            edited,
        )
    )
    changed.remove_graph(gone)
    third = push(changed, client, things)
    assert third.sent == [edited.value] and third.deleted == [gone.value]
    assert _graph_sizes(remote).get(gone.value) is None
    assert _graph_sizes(remote)[edited.value] == local[edited.value] + 1


def test_library_queries_answer_the_same_remotely(
    oxigraph_server: str, corpus_store: ox.Store, corpus_settings: Settings
) -> None:
    push(corpus_store, GraphStore(oxigraph_server + "/store"), corpus_settings.things)
    remote = RemoteStore(oxigraph_server + "/query")
    for name, path in library().items():
        query = path.read_text()
        local_rows = rows(corpus_store, query)
        remote_rows = rows(remote, query)  # type: ignore[arg-type]
        assert sorted(map(repr, remote_rows)) == sorted(map(repr, local_rows)), name


def test_bindings_travel_as_typed_terms_not_text(
    oxigraph_server: str, corpus_store: ox.Store, corpus_settings: Settings
) -> None:
    push(corpus_store, GraphStore(oxigraph_server + "/store"), corpus_settings.things)
    remote = RemoteStore(oxigraph_server + "/query")
    query = (
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
        "SELECT ?c ?name WHERE { ?c skos:prefLabel ?name }"
    )
    found = rows(remote, query, {"name": "London Borough of Islington"})  # type: ignore[arg-type]
    assert [r["c"] for r in found] == [
        r["c"] for r in rows(corpus_store, query, {"name": "London Borough of Islington"})
    ]
    assert len(found) == 1
    hostile = '" } } DROP ALL ; SELECT * WHERE { ?s ?p "'
    assert rows(remote, query, {"name": hostile}) == []  # type: ignore[arg-type]
    text = with_values(query, {ox.Variable("name"): ox.Literal(hostile)})
    assert 'VALUES (?name) { ("\\" } } DROP ALL' in text
    assert bool(run(remote, "ASK { ?s ?p ?o }")) is True  # type: ignore[arg-type]


def test_cli_push(oxigraph_server: str, corpus_settings: Settings) -> None:
    from typer.testing import CliRunner

    from api.cli import app
    from api.commands import register_all

    register_all(app)
    result = CliRunner().invoke(
        app,
        [
            "push",
            "--sparql-store",
            oxigraph_server + "/store",
            "--store",
            str(corpus_settings.store),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "unchanged" in result.output and "sent" in result.output

"""`serve --in-memory` copies the build into memory: the copy must hold exactly its quads."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.store import memory_copy

EX = "http://example.org/"


def quads(store: ox.Store) -> set[ox.Quad]:
    return set(store.quads_for_pattern(None, None, None, None))


@pytest.mark.parametrize("threads", [1, 3])
def test_the_copy_of_the_corpus_build_holds_every_quad(
    corpus_store: ox.Store, threads: int
) -> None:
    copy = memory_copy(corpus_store, threads=threads)
    assert len(copy) == len(corpus_store) > 10_000
    assert quads(copy) == quads(corpus_store)


def test_the_copy_keeps_graphs_literals_and_default_only_triples(tmp_path: Path) -> None:
    disk = ox.Store(str(tmp_path / "oxigraph"))
    s, p = ox.NamedNode(EX + "s"), ox.NamedNode(EX + "p")
    tricky = [
        ox.Literal('two\nlines, a "quote" and a final dot .'),
        ox.Literal("Conseil", language="fr"),
        ox.Literal("2019-04-01", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")),
    ]
    graphs = [ox.NamedNode(f"{EX}doc/{i}") for i in range(7)]
    for i, graph in enumerate(graphs):
        for literal in tricky:
            disk.add(ox.Quad(s, p, literal, graph))
        disk.add(ox.Quad(s, ox.NamedNode(f"{EX}only-in/{i}"), s, graph))
    disk.add(ox.Quad(s, p, ox.Literal("stated in no document"), ox.DefaultGraph()))
    copy = memory_copy(disk, threads=2)
    assert quads(copy) == quads(disk)
    assert set(copy.named_graphs()) == set(graphs)
    in_default = list(copy.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    assert [q.object for q in in_default] == [ox.Literal("stated in no document")]

"""A named graph under construction: a plain set of triples.

A build maps a million triples or more before it writes them out. rdflib's `Graph` keeps
three indexes per triple in its memory store, which a build never queries; a set holds the
same triples in about a third of the memory and adds them several times faster. This class
offers the few `Graph` methods the mapping uses; `to_graph` gives a real rdflib `Graph`
where one is needed (pySHACL on small builds).
"""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import Graph, URIRef
from rdflib.term import Node

Triple = tuple[Node, Node, Node]
Pattern = tuple[Node | None, Node | None, Node | None]


def _matches(triple: Triple, pattern: Pattern) -> bool:
    return all(want is None or want == got for want, got in zip(pattern, triple, strict=True))


class TripleSet:
    def __init__(self, identifier: URIRef) -> None:
        self.identifier = identifier
        self._triples: set[Triple] = set()

    def add(self, triple: Triple) -> None:
        self._triples.add(triple)

    def remove(self, pattern: Pattern) -> None:
        """Remove every triple matching `pattern` (None matches anything), as Graph.remove."""
        self._triples = {t for t in self._triples if not _matches(t, pattern)}

    def triples(self, pattern: Pattern) -> Iterator[Triple]:
        return (t for t in self._triples if _matches(t, pattern))

    def subjects(self, predicate: Node | None = None, obj: Node | None = None) -> Iterator[Node]:
        return (s for s, _, _ in self.triples((None, predicate, obj)))

    def __iter__(self) -> Iterator[Triple]:
        return iter(self._triples)

    def __len__(self) -> int:
        return len(self._triples)

    def __contains__(self, triple: object) -> bool:
        return triple in self._triples

    def to_graph(self) -> Graph:
        graph = Graph(identifier=self.identifier)
        for triple in self._triples:
            graph.add(triple)
        return graph

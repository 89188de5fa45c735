"""A store-like adapter for a remote SPARQL 1.1 endpoint, so code written against a
pyoxigraph `Store` (graph.sparql.run, the API) can query a shared remote store unchanged.

`RemoteStore(url).query(query, substitutions=...)` returns
what `pyoxigraph.Store.query` returns: `QuerySolutions` or `QueryBoolean` (parsed from the
SPARQL JSON results with `pyoxigraph.parse_query_results`), or, for CONSTRUCT and DESCRIBE,
an iterator of `pyoxigraph.Triple`.

Substitutions are bound as `graph.sparql.run` binds them locally, in a VALUES block
(`graph.sparql.with_values`); blank nodes cannot be sent and are refused. Queries read the
remote's own default graph, which `councilgraph push` fills with the merge of the named
graphs (as in a local store), so no server needs a union-default-graph setting (Oxigraph's
would count a triple once per graph stating it).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import httpx
import pyoxigraph as ox

from councilgraph.errors import QueryError, StoreError
from councilgraph.redact import redact, redact_text
from graph.sparql import with_values
from graph.sparql_text import query_form

RESULTS_JSON = "application/sparql-results+json"


class RemoteStore:
    """Read-only, query-only stand-in for `pyoxigraph.Store` over SPARQL 1.1 Protocol."""

    def __init__(
        self, endpoint: str, client: httpx.Client | None = None, timeout: float = 60.0
    ) -> None:
        self.endpoint = endpoint
        self.client = client or httpx.Client(timeout=timeout)

    def query(
        self,
        query: str,
        *,
        substitutions: Mapping[ox.Variable, Any] | None = None,
        default_graph: list[Any] | None = None,
        named_graphs: list[Any] | None = None,
        **_: Any,
    ) -> Any:
        """As `pyoxigraph.Store.query`; a dataset given by `default_graph` / `named_graphs`
        travels as the protocol's default-graph-uri / named-graph-uri parameters."""
        text = with_values(query, substitutions)
        graph_form = query_form(query) in {"CONSTRUCT", "DESCRIBE"}
        params: list[tuple[str, str | int | float | bool | None]] = []
        if default_graph is not None:
            params += [("default-graph-uri", g.value) for g in default_graph if hasattr(g, "value")]
        params += [("named-graph-uri", g.value) for g in named_graphs or ()]
        headers = {
            "Content-Type": "application/sparql-query",
            "Accept": "application/n-triples" if graph_form else RESULTS_JSON,
        }
        try:
            response = self.client.post(
                self.endpoint, params=params, content=text.encode(), headers=headers
            )
        except httpx.HTTPError as exc:
            raise StoreError(
                f"cannot reach the SPARQL endpoint {redact(self.endpoint)}: {redact_text(str(exc))}"
            ) from exc
        if response.status_code == 400:
            raise SyntaxError(response.text[:500])  # as pyoxigraph raises for a malformed query
        if response.status_code >= 400:
            raise QueryError(
                f"the SPARQL endpoint answered HTTP {response.status_code}: {response.text[:200]}",
                status=502,
            )
        if graph_form:
            return iter(list(ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES)))
        return ox.parse_query_results(response.content, format=ox.QueryResultsFormat.JSON)

    def quads_for_pattern(
        self, subject: Any = None, predicate: Any = None, object: Any = None, graph_name: Any = None
    ) -> Iterator[ox.Quad]:
        """The remote's quads matching a pattern, as Oxigraph quads. `graph_name` None matches
        the named graphs; `DefaultGraph()` reads the default graph (the merge)."""
        default = isinstance(graph_name, ox.DefaultGraph)
        pattern = {"s": subject, "p": predicate, "o": object, "g": None if default else graph_name}
        substitutions = {ox.Variable(k): v for k, v in pattern.items() if v is not None}
        where = "{ ?s ?p ?o }" if default else "{ GRAPH ?g { ?s ?p ?o } }"
        rows = self.query(f"SELECT * WHERE {where}", substitutions=substitutions)
        for row in rows:
            yield ox.Quad(row["s"], row["p"], row["o"], ox.DefaultGraph() if default else row["g"])

    def named_graphs(self) -> Iterator[ox.NamedNode]:
        rows = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return (row["g"] for row in rows)

"""`EngineStore`: what the REST routes query, a stand-in for `pyoxigraph.Store` whose queries
run in the engine process (`api.engine.pool`), which holds the one copy of the store.

It answers `query` as pyoxigraph does (solutions, a boolean, or an iterator of triples) and
`quads_for_pattern` through SPARQL, as `graph.remote_store.RemoteStore` does for a remote
endpoint. SELECT results arrive as SPARQL JSON bytes and stay bytes until someone iterates
them: `graph.sparql.rows` asks for exactly those bytes, so a REST route's rows are read
with `json` once, never re-encoded.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import pyoxigraph as ox

from api.engine.pool import Overrun, QueryEngine
from api.engine.process import Job
from councilgraph.errors import QueryError
from graph.remote_store import RemoteStore
from graph.sparql import with_values
from graph.sparql_text import query_form

RESULTS_JSON = "application/sparql-results+json"
MALFORMED = "malformed query: "


class RawSolutions:
    """SELECT results as the engine's SPARQL JSON, parsed by pyoxigraph only when iterated."""

    def __init__(self, body: bytes) -> None:
        self.body = body
        self._parsed: Any = None

    def _solutions(self) -> Any:
        if self._parsed is None:
            self._parsed = ox.parse_query_results(self.body, format=ox.QueryResultsFormat.JSON)
        return self._parsed

    def serialize(self, format: ox.QueryResultsFormat = ox.QueryResultsFormat.JSON) -> bytes:
        if format == ox.QueryResultsFormat.JSON:
            return self.body
        return self._solutions().serialize(format=format)  # type: ignore[no-any-return]

    @property
    def variables(self) -> list[ox.Variable]:
        return self._solutions().variables  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._solutions())


class EngineStore(RemoteStore):
    """Read-only, query-only stand-in for `pyoxigraph.Store` over the engine process."""

    def __init__(self, engine: QueryEngine) -> None:  # noqa: D107 - no HTTP client here
        self.engine = engine
        self.endpoint = "the query engine"

    def query(
        self,
        query: str,
        *,
        substitutions: Mapping[ox.Variable, Any] | None = None,
        default_graph: list[Any] | None = None,
        named_graphs: list[Any] | None = None,
        **_: Any,
    ) -> Any:
        form = query_form(query)
        graph_form = form in {"CONSTRUCT", "DESCRIBE"}
        job = Job(
            query=with_values(query, substitutions),
            media_type="application/n-triples" if graph_form else RESULTS_JSON,
            graph=graph_form,
            default_graph=_names(default_graph),
            named_graphs=_names(named_graphs),
            plan=False,
        )
        try:
            body: bytes = self.engine.run_sync(job)[1]
        except Overrun as exc:
            raise QueryError(
                f"a query behind this page ran {exc.ran:.1f} s, past the "
                f"{self.engine.timeout:g} s limit, and was stopped",
                status=503,
                hint="try again in a moment, or raise COUNCILGRAPH_QUERY_TIMEOUT",
                retry_after=2,
            ) from None
        except QueryError as exc:
            if exc.message.startswith(MALFORMED):  # as pyoxigraph raises it
                raise SyntaxError(exc.message[len(MALFORMED) :]) from None
            raise
        if graph_form:
            return iter(list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES)))
        if form == "ASK":
            return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        return RawSolutions(body)


def _names(graphs: list[Any] | None) -> tuple[str, ...] | None:
    if graphs is None:
        return None
    return tuple(g.value for g in graphs if hasattr(g, "value"))

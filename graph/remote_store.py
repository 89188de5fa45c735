"""A store-like adapter for a remote SPARQL 1.1 endpoint, so code written against a
pyoxigraph `Store` (graph.sparql.run, the API) can query a shared remote store unchanged.

`RemoteStore(url).query(query, substitutions=...)` returns
what `pyoxigraph.Store.query` returns: `QuerySolutions` or `QueryBoolean` (parsed from the
SPARQL JSON results with `pyoxigraph.parse_query_results`), or, for CONSTRUCT and DESCRIBE,
an iterator of `pyoxigraph.Triple`.

Substitutions are never pasted as text: each value is a typed RDF term (IRI or literal,
serialised by pyoxigraph in N-Triples syntax, which escapes it) placed in a `VALUES` block
at the start of the query's WHERE group, which binds the variables as pyoxigraph's own
substitutions do. Blank nodes cannot be sent and are refused. Queries read the remote's own default graph,
which `councilgraph push` fills with the merge of the named graphs (as in a local store),
so no server needs a union-default-graph setting (Oxigraph's would count a triple once
per graph stating it).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import httpx
import pyoxigraph as ox

from councilgraph.errors import QueryError, StoreError

RESULTS_JSON = "application/sparql-results+json"


def where_brace(query: str) -> int:
    """Index of the `{` that opens the query's WHERE group (after a CONSTRUCT template),
    skipping IRIs, strings and comments."""
    i, depth, skipped_template = 0, 0, False
    construct = _keyword_before_brace(query).upper() == "CONSTRUCT"
    while i < len(query):
        ch = query[i]
        if ch == "#":
            i = query.find("\n", i) if "\n" in query[i:] else len(query)
            continue
        if ch in "\"'":
            i = _skip_string(query, i)
            continue
        if (
            ch == "<"
            and depth == 0
            and ">" in query[i:]
            and " " not in query[i : query.find(">", i)]
        ):
            i = query.find(">", i) + 1
            continue
        if ch == "{":
            if depth == 0 and not (construct and not skipped_template):
                return i
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                skipped_template = True
        i += 1
    raise QueryError("malformed query: no WHERE group to bind values in")


def _keyword_before_brace(query: str) -> str:
    words = [
        w
        for line in query.splitlines()
        if not line.lstrip().startswith(("#", "PREFIX", "prefix", "BASE", "base"))
        for w in line.split()
    ]
    return next((w for w in words if w.upper() in {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}), "")


def _skip_string(query: str, i: int) -> int:
    quote = query[i : i + 3] if query[i : i + 3] in ('"""', "'''") else query[i]
    j = i + len(quote)
    while j < len(query):
        if query[j] == "\\":
            j += 2
            continue
        if query.startswith(quote, j):
            return j + len(quote)
        j += 1
    return j


def bind(query: str, substitutions: Mapping[ox.Variable, Any] | None) -> str:
    """The query with a VALUES block binding each variable to its typed term."""
    if not substitutions:
        return query
    names, terms = [], []
    for variable, term in substitutions.items():
        if not isinstance(term, ox.NamedNode | ox.Literal):
            raise QueryError(
                f"cannot send {type(term).__name__} {term} to a remote endpoint; bind an IRI or a literal"
            )
        names.append(f"?{variable.value}")
        terms.append(str(term))  # N-Triples syntax: pyoxigraph escapes it
    at = where_brace(query) + 1
    block = f" VALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }} "
    return query[:at] + block + query[at:]


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
        text = bind(query, substitutions)
        graph_form = _keyword_before_brace(query).upper() in {"CONSTRUCT", "DESCRIBE"}
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
            raise StoreError(f"cannot reach the SPARQL endpoint {self.endpoint}: {exc}") from exc
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

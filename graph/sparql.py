"""Running SPARQL on the store with Oxigraph's engine, values bound as typed RDF terms.

Values reach a query as typed RDF terms in a VALUES block at the start of its WHERE group
(`with_values`): pyoxigraph serialises each term in N-Triples syntax, escaped, so no value is
ever read as query syntax, and the same text runs on a local store and a remote endpoint.
Oxigraph plans with VALUES (a bound IRI is an index lookup); its SEP-0007 `substitutions`
bind after planning, so /leads for one organisation scanned every membership (62 ms against
1.6 ms on the 100% build). The store's default graph is the RDF merge of the named graphs,
materialised by the build (graph.build.write_nquads), as the researchers' queries expect: a
triple two documents state is one triple to a query.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from councilgraph.errors import QueryError
from graph.plan import reorder_optionals
from graph.sparql_text import UPDATES, keywords, where_brace

QUERY_DIR = Path(__file__).resolve().parent / "queries"
Bindable = ox.NamedNode | ox.Literal | str | int | float | bool | date


def library() -> dict[str, Path]:
    """The named queries, by file stem ("q04-who-leads-what")."""
    return {path.stem: path for path in sorted(QUERY_DIR.glob("*.rq"))}


def named_query(name: str) -> str:
    queries = library()
    matches = [stem for stem in queries if stem == name or stem.startswith(name + "-")]
    if len(matches) != 1:
        raise QueryError(f"no single query named {name!r}; known: {', '.join(queries)}", status=404)
    return queries[matches[0]].read_text()


def term(value: Bindable) -> ox.NamedNode | ox.Literal:
    """A Python value as an RDF term; strings are literals unless wrapped in NamedNode."""
    if isinstance(value, ox.NamedNode | ox.Literal):
        return value
    if isinstance(value, bool):
        return ox.Literal(
            str(value).lower(), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean")
        )
    if isinstance(value, int):
        return ox.Literal(
            str(value), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
        )
    if isinstance(value, float):
        return ox.Literal(
            repr(value), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#double")
        )
    if isinstance(value, date):
        return ox.Literal(
            value.isoformat(), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
        )
    return ox.Literal(str(value))


def run(
    store: ox.Store,
    query: str,
    bindings: Mapping[str, Bindable] | None = None,
    **options: Any,
) -> Any:
    """Execute a read-only query; QueryError with the parser's message when it is malformed."""
    if UPDATES & set(keywords(query)):
        raise QueryError("updates are not allowed: this graph is read-only", status=403)
    values = {ox.Variable(k): term(v) for k, v in (bindings or {}).items() if v is not None}
    try:
        return execute(store, query, values, **options)
    except SyntaxError as exc:
        raise QueryError(f"malformed query: {exc}") from exc
    except (OSError, ValueError) as exc:
        raise QueryError(f"query failed: {exc}", status=500) from exc


def execute(
    store: ox.Store, query: str, values: Mapping[ox.Variable, Any] | None = None, **options: Any
) -> Any:
    """`store.query` on the planned text (graph.plan) with `values` bound; should that not
    parse, on the query as written, whose error is then the one raised."""
    planned = reorder_optionals(query)
    if planned != query:
        try:
            return store.query(with_values(planned, values), **options)
        except SyntaxError:
            pass
    return store.query(with_values(query, values), **options)


def with_values(query: str, values: Mapping[ox.Variable, Any] | None) -> str:
    """The query with a VALUES block binding each variable to its term, first in its WHERE
    group (after planning, which leaves groups holding VALUES as written)."""
    if not values:
        return query
    for variable, bound in values.items():
        if not isinstance(bound, ox.NamedNode | ox.Literal):
            raise QueryError(f"cannot bind ?{variable.value} to {bound}: bind an IRI or a literal")
    at = where_brace(query)
    if at < 0:
        raise QueryError(
            "cannot bind values: the query has no WHERE group to hold them (DESCRIBE without "
            "WHERE, or the short form CONSTRUCT WHERE)"
        )
    names = " ".join(f"?{variable.value}" for variable in values)
    terms = " ".join(str(bound) for bound in values.values())  # N-Triples syntax, escaped
    return f"{query[: at + 1]} VALUES ({names}) {{ ({terms}) }} {query[at + 1 :]}"


def with_rows(query: str, variable: str, terms: list[ox.NamedNode | ox.Literal]) -> str:
    """The query with a VALUES block giving `?variable` each of `terms` in turn (one query for
    a page of things, instead of one query each)."""
    at = where_brace(query)
    if at < 0:
        raise QueryError("cannot bind values: the query has no WHERE group to hold them")
    rows = " ".join(f"({t})" for t in terms)  # N-Triples syntax, escaped by pyoxigraph
    return f"{query[: at + 1]} VALUES (?{variable}) {{ {rows} }} {query[at + 1 :]}"


def value(term_: Any) -> Any:
    """A result term as a plain Python value: IRIs and literals as strings, numbers as numbers."""
    if term_ is None:
        return None
    if isinstance(term_, ox.Literal):
        return _literal_value(term_.value, term_.datatype.value if term_.datatype else "")
    return term_.value


def _literal_value(lexical: str, datatype: str) -> Any:
    if datatype.endswith(("#integer", "#int", "#long")):
        return int(lexical)
    if datatype.endswith(("#decimal", "#double", "#float")):
        return float(lexical)
    if datatype.endswith("#boolean"):
        return lexical == "true"
    return lexical


def rows(
    store: ox.Store,
    query: str,
    bindings: Mapping[str, Bindable] | None = None,
) -> list[dict[str, Any]]:
    """SELECT results as dictionaries of plain values (unbound variables omitted).

    The results are serialised by Oxigraph in one call and read with `json`: iterating the
    solutions gives the GIL back and takes it again for every row, which under concurrent
    requests queues each row behind the other threads (the /leads query on the 100% build,
    16 threads: 0.19 s a request iterating, 0.07 s serialised)."""
    solutions = run(store, query, bindings)
    results = json.loads(solutions.serialize(format=ox.QueryResultsFormat.JSON))
    return [
        {name: _json_value(term_) for name, term_ in binding.items()}
        for binding in results["results"]["bindings"]
    ]


def _json_value(term_: dict[str, str]) -> Any:
    """A SPARQL JSON results term as `value` gives the same term."""
    if term_["type"] != "literal":
        return term_["value"]
    return _literal_value(term_["value"], term_.get("datatype", ""))

"""Values bound into queries (graph.sparql.with_values): where the VALUES block goes, what it
binds, and that a value is never read as query syntax."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph import sparql
from graph.sparql import QueryError, with_values

EX = "http://example.org/"
PREFIX = f"PREFIX : <{EX}>\n"


@pytest.fixture(scope="module")
def store() -> ox.Store:
    found = ox.Store()
    for name, label in (("a", "Alpha { }"), ("b", "Beta"), ("c", 'say "} DROP ALL"\n')):
        node = ox.NamedNode(EX + name)
        found.add(ox.Quad(node, ox.NamedNode(EX + "label"), ox.Literal(label)))
        found.add(ox.Quad(node, ox.NamedNode(EX + "next"), ox.NamedNode(EX + "b")))
    return found


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?s ?o WHERE { ?s :label ?o }",
        # braces and keywords inside an IRI, a string and a comment are not the query's own
        "PREFIX w: <http://example.org/WHERE#SELECT>\nSELECT ?s ?o # { WHERE {\n"
        "WHERE { ?s :label ?o FILTER(?o != '{ WHERE {') }",
        "SELECT ?s ?o { ?s :label ?o }",
        "CONSTRUCT { ?s :copy ?o } WHERE { ?s :label ?o }",
    ],
)
def test_a_bound_variable_selects_in_every_query_form(store: ox.Store, query: str) -> None:
    result = list(sparql.run(store, PREFIX + query, {"s": ox.NamedNode(EX + "a")}))
    subjects = {r.subject.value if isinstance(r, ox.Triple) else r["s"].value for r in result}
    assert subjects == {EX + "a"} and len(result) == 1


def test_ask_with_a_bound_value(store: ox.Store) -> None:
    ask = PREFIX + "ASK { ?s :label ?o }"
    assert bool(sparql.run(store, ask, {"o": "Beta"})) is True
    assert bool(sparql.run(store, ask, {"o": "Gamma"})) is False


def test_hostile_text_is_a_value_matched_exactly(store: ox.Store) -> None:
    query = PREFIX + "SELECT ?s WHERE { ?s :label ?o }"
    hostile = '" } } DROP ALL ; SELECT * WHERE { ?s ?p "'
    assert sparql.rows(store, query, {"o": hostile}) == []
    assert sparql.rows(store, query, {"o": 'say "} DROP ALL"\n'}) == [{"s": EX + "c"}]
    text = with_values(query, {ox.Variable("o"): ox.Literal(hostile)})
    assert 'VALUES (?o) { ("\\" } } DROP ALL' in text  # escaped by pyoxigraph


def test_an_unbound_filter_variable_is_off_and_a_bound_one_on(store: ox.Store) -> None:
    query = PREFIX + (
        "SELECT ?s WHERE { ?s :label ?o FILTER(!BOUND(?q) || CONTAINS(LCASE(?o), LCASE(?q))) }"
    )
    assert len(sparql.rows(store, query)) == 3
    assert sparql.rows(store, query, {"q": "BETA"}) == [{"s": EX + "b"}]


def test_values_bind_in_a_query_the_planner_rewrites(store: ox.Store) -> None:
    # the planner moves `?n :label ?m` ahead of the OPTIONAL; the VALUES block goes in after
    query = PREFIX + (
        "SELECT ?s ?m WHERE { ?s :next ?n . OPTIONAL { ?s :missing ?x } ?n :label ?m }"
    )
    assert sparql.reorder_optionals(query) != query
    assert sparql.rows(store, query, {"s": ox.NamedNode(EX + "c")}) == [
        {"s": EX + "c", "m": "Beta"}
    ]


def test_what_cannot_be_bound_is_refused() -> None:
    with pytest.raises(QueryError, match="IRI or a literal"):
        with_values("SELECT ?s WHERE { ?s ?p ?o }", {ox.Variable("s"): ox.BlankNode("b")})
    for query in (f"DESCRIBE <{EX}a>", "CONSTRUCT WHERE { ?s ?p ?o }"):
        with pytest.raises(QueryError, match="no WHERE group"):
            with_values(query, {ox.Variable("s"): ox.NamedNode(EX + "a")})

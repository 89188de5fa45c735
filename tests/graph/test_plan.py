"""The planner's reordering: what it moves, what it leaves, and that answers never change."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from graph.plan import reorder_optionals
from graph.sparql import QueryError, named_query, run

ROOT = Path(__file__).resolve().parents[2]
EX = "http://example.org/"
PREFIX = f"PREFIX : <{EX}>\n"
VARS = ("a", "b", "c", "d", "e", "f")


def test_a_required_block_joins_before_an_optional_that_shares_nothing_with_it() -> None:
    query = PREFIX + (
        "SELECT ?a ?b ?c ?d WHERE {\n  ?a :p ?b .\n  OPTIONAL { ?a :q ?c }\n  ?b :r ?d .\n}"
    )
    planned = reorder_optionals(query)
    assert planned.index("?b :r ?d") < planned.index("OPTIONAL")
    assert planned.startswith(PREFIX + "SELECT ?a ?b ?c ?d WHERE {")


def test_q01_joins_its_team_before_its_optionals() -> None:
    planned = reorder_optionals(named_query("q01"))
    assert planned.index("?person foaf:name ?name") < planned.index("OPTIONAL")


@pytest.mark.parametrize(
    "group",
    [
        # ?c is shared with the later block and only the OPTIONAL binds it
        "?a :p ?b . OPTIONAL { ?b :q ?c } ?c :r ?d .",
        # the OPTIONAL's filter reads ?d, which the later block binds
        "?a :p ?b . OPTIONAL { ?b :q ?c FILTER(?d != :x) } ?a :r ?d .",
        # anything but triples, OPTIONAL and FILTER
        "?a :p ?b . OPTIONAL { ?b :q ?c } BIND(1 AS ?d) ?a :r ?e .",
        "?a :p ?b . OPTIONAL { ?b :q ?c } VALUES ?d { :x } ?a :r ?d .",
        "?a :p ?b . OPTIONAL { ?b :q ?c } { ?a :r ?d } UNION { ?a :s ?d }",
        "?a :p ?b . OPTIONAL { ?b :q ?c } MINUS { ?a :r :x } ?a :r ?d .",
        "?a :p ?b . OPTIONAL { ?b :q ?c } { SELECT ?a ?d { ?a :r ?d } }",
        "?a :p _:b . OPTIONAL { ?a :q ?c } _:b :r ?d .",
        "?a :p ?b . OPTIONAL { ?a :q ?c } ?b :r '\\u0041' .",
        "?a :p ?b . FILTER(?b != :x) ?a :r ?d .",  # no OPTIONAL to pass: nothing to gain
    ],
)
def test_groups_it_leaves_as_written(group: str) -> None:
    query = PREFIX + f"SELECT ?a ?b ?c ?d WHERE {{ {group} }}"
    assert reorder_optionals(query) == query


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { ?a :p ?b OPTIONAL { ?a :q ?c } ?b :r ?d }",  # columns follow the text
        "CONSTRUCT { ?a :p ?d } WHERE { ?a :p ?b OPTIONAL { ?a :q ?c } ?b :r ?d }",
        "SELECT ?a WHERE { ?a :p ?b OPTIONAL { ?a :q ?c } ?b :r ?d ",  # unbalanced
    ],
)
def test_queries_it_leaves_as_written(query: str) -> None:
    assert reorder_optionals(PREFIX + query) == PREFIX + query


def test_comments_strings_and_names_ending_a_block_stay_whole() -> None:
    query = PREFIX + (
        "SELECT ?a ?b ?d WHERE {\n  ?a :p 'a { b' # a comment\n  OPTIONAL { ?a :q ?c }\n"
        "  ?a :r :x.y # another\n  FILTER(?a != :z)\n}"
    )
    planned = reorder_optionals(query)
    assert planned != query and "'a { b'" in planned and ":x.y" in planned
    graph = ox.Store()
    graph.add(ox.Quad(ox.NamedNode(EX + "s"), ox.NamedNode(EX + "p"), ox.Literal("a { b")))
    graph.add(ox.Quad(ox.NamedNode(EX + "s"), ox.NamedNode(EX + "r"), ox.NamedNode(EX + "x.y")))
    assert len(list(graph.query(planned))) == len(list(graph.query(query))) == 1


def test_a_comment_between_parts_is_not_a_block_to_move() -> None:
    query = PREFIX + (
        "SELECT ?a ?b WHERE {\n  ?a :p ?b .\n  OPTIONAL { ?a :q ?c }\n  # why the filter\n"
        "  FILTER(?b != :z)\n}"
    )
    assert reorder_optionals(query) == query


QUERY_FILES = sorted((ROOT / "graph" / "queries").glob("*.rq")) + sorted(
    (ROOT / "api" / "queries").glob("*.rq")
)


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.name)
def test_every_shipped_query_still_parses_once_planned(path: Path) -> None:
    # a planned text that does not parse falls back to the query as written: correct, but
    # the planning is lost and every run pays for a second parse
    ox.Store().query(reorder_optionals(path.read_text()))


def test_a_malformed_query_reports_its_own_error() -> None:
    query = PREFIX + "SELECT ?a WHERE {\n ?a :p ?b\n OPTIONAL { ?a :q ?c }\n ?b :r ?d ?e\n}"
    assert reorder_optionals(query) != query  # the planner moved the broken block
    with pytest.raises(SyntaxError) as written:
        ox.Store().query(query)
    with pytest.raises(QueryError, match="malformed") as reported:
        run(ox.Store(), query)
    assert str(written.value) in str(reported.value)


# Random groups over a small random graph: the planned query must give the same multiset of
# rows as the query as written, whatever it moved.
NODES = [ox.NamedNode(f"{EX}n{i}") for i in range(3)]
PREDICATES = ("p", "q", "r")
variable = st.sampled_from(VARS)
term = st.one_of(variable.map(lambda v: f"?{v}"), st.sampled_from([":n0", ":n1"]))
triple = st.builds(
    lambda s, p, o: f"{s} :{p} {o}",
    variable.map(lambda v: f"?{v}"),
    st.sampled_from(PREDICATES),
    term,
)
block = st.lists(triple, min_size=1, max_size=2).map(lambda ts: " . ".join(ts) + " .")
condition = st.builds(
    lambda v, n, bound: f"BOUND(?{v})" if bound else f"?{v} != :n{n}",
    variable,
    st.integers(0, 2),
    st.booleans(),
)
optional = st.builds(
    lambda body, filt: "OPTIONAL { " + body + (f" FILTER({filt})" if filt else "") + " }",
    block,
    st.one_of(st.none(), condition),
)
element = st.one_of(block, optional, condition.map(lambda c: f"FILTER({c})"))
edges = st.lists(
    st.tuples(st.sampled_from(NODES), st.sampled_from(PREDICATES), st.sampled_from(NODES)),
    min_size=3,
    max_size=12,
)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(block, st.lists(element, min_size=2, max_size=5), edges)
def test_planning_never_changes_the_answers(first: str, rest: list[str], triples: list) -> None:
    elements = [first, *rest]
    store = ox.Store()
    for s, p, o in triples:
        store.add(ox.Quad(s, ox.NamedNode(EX + p), o))
    query = PREFIX + "SELECT ?a ?b ?c ?d ?e ?f WHERE {\n  " + "\n  ".join(elements) + "\n}"
    planned = reorder_optionals(query)

    def rows(text: str) -> Counter[tuple[str, ...]]:
        return Counter(tuple(str(s[v]) for v in VARS) for s in store.query(text))

    assert rows(planned) == rows(query), planned
    event("reordered" if planned != query else "as written")

"""Posts registers in the built graph: each row is a membership in its register's named graph,
stated in a cg:Document that carries the source's web address and date."""

from __future__ import annotations

import csv
from pathlib import Path

import pyoxigraph as ox

REGISTER = (
    Path(__file__).resolve().parents[2] / "corpus" / "registers" / "posts-london-councils.csv"
)
PREFIXES = """
PREFIX cg: <https://w3id.org/councilgraph/def/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


def _row(person: str, role: str) -> tuple[int, dict[str, str]]:
    with REGISTER.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            if row["person"] == person and row["role"] == role:
                return number, row
    raise AssertionError(f"no row for {person} as {role}")


def _memberships(store: ox.Store, name: str, post: str) -> list[dict[str, str]]:
    # values bound as typed terms in a VALUES block, as graph.sparql does
    query = (
        PREFIXES
        + f"""
    SELECT DISTINCT ?g ?start ?location ?page ?date ?docType WHERE {{
      VALUES (?name ?post) {{ ({ox.Literal(name)} {ox.Literal(post)}) }}
      GRAPH ?g {{ ?m cg:post ?post ; org:member ?p ; cg:statedIn ?doc ; cg:sourceLocation ?location .
                  OPTIONAL {{ ?m cg:startDate ?start }} }}
      ?p foaf:name ?name .
      ?doc foaf:page ?page ; cg:documentType ?docType .
      OPTIONAL {{ ?doc dct:date ?date }}
    }}"""
    )
    found = store.query(query, use_default_graph_as_union=True)
    assert isinstance(found, ox.QuerySolutions)
    return [
        {str(v.value): (s[v].value if s[v] is not None else "") for v in found.variables}
        for s in found
    ]


def test_a_row_is_a_membership_stated_in_its_web_source(corpus_store: ox.Store) -> None:
    number, row = _row("Claire Holland", "Chair")
    (found,) = _memberships(corpus_store, "Claire Holland", "Chair")
    assert found["g"].endswith("/id/register/posts-london-councils")
    assert found["location"] == f"row {number}"
    assert found["page"] == row["source_url"]
    assert found["date"] == row["source_date"]
    assert found["start"] == row["start"]
    assert found["docType"] == "web-source"


def test_partial_dates_keep_their_precision(corpus_store: ox.Store) -> None:
    types = {}
    for name, start in (("Georgia Gould", "2020-09"), ("Toby Harris", "1995")):
        query = (
            PREFIXES
            + f"""
        SELECT (DATATYPE(?start) AS ?type) WHERE {{ VALUES ?name {{ {ox.Literal(name)} }}
          ?m cg:post "Chair" ; org:member ?p ; cg:startDate ?start . ?p foaf:name ?name }}"""
        )
        result = corpus_store.query(query, use_default_graph_as_union=True)
        assert isinstance(result, ox.QuerySolutions)
        types[start] = {s["type"].value for s in result}
    assert types == {
        "2020-09": {"http://www.w3.org/2001/XMLSchema#gYearMonth"},
        "1995": {"http://www.w3.org/2001/XMLSchema#gYear"},
    }


def test_portfolio_holders_lead_on_their_policy_area(corpus_store: ox.Store) -> None:
    query = (
        PREFIXES
        + """
    SELECT DISTINCT ?name ?area WHERE {
      ?m org:role ?role ; org:member ?p ; cg:policyArea ?concept ; org:organization ?org .
      ?role a cg:LeadershipRole . ?concept skos:prefLabel ?area . ?p foaf:name ?name .
      ?org skos:prefLabel "London Councils" }"""
    )
    result = corpus_store.query(query, use_default_graph_as_union=True)
    assert isinstance(result, ox.QuerySolutions)
    found = {(s["name"].value, s["area"].value) for s in result}
    assert ("Damian White", "health and care") in found
    assert ("Darren Rodwell", "housing and planning") in found

"""The SPARQL endpoint over real HTTP: formats, datasets, refusals, timeout, row cap, page."""

from __future__ import annotations

import csv
import io
import time

import httpx
import pyoxigraph as ox
import pytest

from graph.plan import reorder_optionals

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
ENTITIES = "https://w3id.org/councilgraph/id/graph/entities"


def ask(client: httpx.Client, query: str, **params: str) -> httpx.Response:
    return client.get("/sparql", params={"query": query, **params})


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
    ],
)
def test_select_in_each_results_format(client: httpx.Client, accept: str, media: str) -> None:
    response = client.get("/sparql", params={"query": COUNT}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    assert response.headers["vary"] == "Accept"


@pytest.mark.parametrize(
    "media", ["text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml"]
)
def test_construct_in_each_rdf_format(client: httpx.Client, media: str) -> None:
    query = "CONSTRUCT { ?s a ?t } WHERE { ?s a ?t } LIMIT 5"
    response = client.post(
        "/sparql",
        content=query,
        headers={"Content-Type": "application/sparql-query", "Accept": media},
    )
    assert response.status_code == 200 and response.headers["content-type"].startswith(media)
    assert len(response.content) > 20


def test_default_graph_is_the_union_and_graphs_can_be_named(client: httpx.Client) -> None:
    union = int(ask(client, COUNT).json()["results"]["bindings"][0]["n"]["value"])
    only = ask(client, f"SELECT (COUNT(*) AS ?n) FROM <{ENTITIES}> WHERE {{ ?s ?p ?o }}")
    entities = int(only.json()["results"]["bindings"][0]["n"]["value"])
    protocol = ask(client, COUNT, **{"default-graph-uri": ENTITIES})
    assert 0 < entities == int(protocol.json()["results"]["bindings"][0]["n"]["value"]) < union
    graphs = ask(client, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", format="csv")
    names = {row["g"] for row in csv.DictReader(io.StringIO(graphs.text))}
    assert ENTITIES in names and any(
        "/id/doc/islington-corporate-peer-challenge-2018" in n for n in names
    )


def test_ask_and_format_parameter(client: httpx.Client) -> None:
    response = ask(client, "ASK { ?s a <https://w3id.org/councilgraph/def/Council> }", format="xml")
    assert response.headers["content-type"].startswith("application/sparql-results+xml")
    assert "<boolean>true</boolean>" in response.text


@pytest.mark.parametrize(
    "query",
    [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "DELETE WHERE { ?s ?p ?o }",
        "LOAD <http://example.org/x>",
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "select * where { service silent <http://example.org/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { \\u0053ERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    ],
)
def test_updates_load_and_service_are_refused(client: httpx.Client, query: str) -> None:
    response = ask(client, query)
    assert response.status_code == 403
    assert "refused" in response.json()["error"]["message"]


def test_update_by_media_type_and_parameter_is_refused(client: httpx.Client) -> None:
    direct = client.post(
        "/sparql", content="CLEAR ALL", headers={"Content-Type": "application/sparql-update"}
    )
    form = client.post("/sparql", data={"update": "CLEAR ALL"})
    assert direct.status_code == form.status_code == 403
    assert int(ask(client, COUNT).json()["results"]["bindings"][0]["n"]["value"]) > 0


def test_the_word_service_in_a_string_or_iri_is_no_keyword(client: httpx.Client) -> None:
    query = 'SELECT ?s WHERE { ?s ?p "SERVICE <http://example.org/>" . ?s <http://example.org/SERVICE> ?o } # SERVICE'
    assert ask(client, query).status_code == 200


def test_malformed_query_gets_the_parser_message_and_position(client: httpx.Client) -> None:
    response = ask(client, "SELECT * WHERE { ?s ?p }")
    assert response.status_code == 400
    assert "error at 1:" in response.json()["error"]["message"]


def test_an_error_in_a_query_the_planner_reorders_is_placed_in_the_text_as_sent(
    client: httpx.Client,
) -> None:
    query = "SELECT ?a WHERE {\n ?a <p:p> ?b\n OPTIONAL { ?a <p:q> ?c }\n ?b <p:r> ?d ?e\n}"
    assert reorder_optionals(query) != query  # planned, the broken line would come second
    with pytest.raises(SyntaxError) as as_sent:
        ox.Store().query(query)
    response = ask(client, query)
    assert response.status_code == 400
    assert response.json()["error"]["message"] == f"malformed query: {as_sent.value}"


def test_row_cap_truncates_and_says_so(client: httpx.Client, api_settings: object) -> None:
    response = ask(client, "SELECT * WHERE { ?s ?p ?o }")
    assert len(response.json()["results"]["bindings"]) == 500
    assert response.headers["x-result-truncated"]


def test_timeout_stops_a_runaway_query_and_the_endpoint_recovers(client: httpx.Client) -> None:
    started = time.monotonic()
    response = ask(client, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
    elapsed = time.monotonic() - started
    assert response.status_code == 503 and "limit" in response.json()["error"]["message"]
    assert 2.0 <= elapsed < 15
    assert ask(client, "ASK {}").status_code == 200


def test_unacceptable_accept_is_406(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": COUNT}, headers={"Accept": "image/png"})
    assert response.status_code == 406


def test_query_page_lists_examples_and_escapes_results(client: httpx.Client) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "q04-who-leads-what" in page.text
    assert "http://" not in page.text.split("<body>")[0].replace("http://www.w3", "")  # no CDN
    run = client.get(
        "/query", params={"query": 'SELECT ?x WHERE { BIND("<script>alert(1)</script>" AS ?x) }'}
    )
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in run.text and "<script>alert" not in run.text
    assert "PREFIX" in client.get("/query", params={"example": "q01-peer-teams"}).text
    example = client.get("/query", params={"query": open_example("q01")})
    assert "<table" in example.text
    assert client.get("/static/style.css").status_code == 200


def open_example(name: str) -> str:
    from graph.sparql import named_query

    return named_query(name)


def test_cors_is_off_unless_configured(client: httpx.Client) -> None:
    response = client.get("/health", headers={"Origin": "https://example.org"})
    assert "access-control-allow-origin" not in response.headers

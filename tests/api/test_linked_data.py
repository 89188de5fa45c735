"""Linked-data IRIs resolve: /id/ answers 303, /doc/ negotiates HTML, Turtle, JSON-LD, N-Triples."""

from __future__ import annotations

import json

import httpx
import pyoxigraph as ox

from councilgraph.settings import Settings


def test_id_redirects_303_to_doc(client: httpx.Client) -> None:
    response = client.get("/id/council/E09000019", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/doc/council/E09000019"


def test_doc_negotiates_and_says_so(client: httpx.Client, api_settings: Settings) -> None:
    iri = f"{api_settings.things}council/E09000019"
    html = client.get("/doc/council/E09000019", headers={"Accept": "text/html"})
    assert (
        html.headers["content-type"].startswith("text/html")
        and "London Borough of Islington" in html.text
    )
    assert html.headers["vary"] == "Accept" and 'rel="alternate"' in html.headers["link"]
    turtle = client.get("/doc/council/E09000019", headers={"Accept": "text/turtle"})
    triples = list(ox.parse(turtle.content, format=ox.RdfFormat.TURTLE))
    assert any(t.subject == ox.NamedNode(iri) for t in triples)
    jsonld = client.get("/doc/council/E09000019", headers={"Accept": "application/ld+json"})
    assert iri in json.dumps(jsonld.json())
    nt = client.get("/doc/council/E09000019?format=nt")
    assert nt.headers["content-type"].startswith("application/n-triples") and f"<{iri}>" in nt.text


def test_unknown_thing_is_404(client: httpx.Client) -> None:
    assert client.get("/doc/person/nobody-at-all").status_code == 404

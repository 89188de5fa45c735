"""Linked-data IRIs resolve: /id/ answers 303, /doc/ negotiates HTML, Turtle, JSON-LD, N-Triples."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

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


class _Text(HTMLParser):
    """The text a reader sees, without the thing's own IRI (shown in <code>) or scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hidden += tag in ("code", "script", "style", "title")

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in ("code", "script", "style", "title")

    def handle_data(self, data: str) -> None:
        if not self.hidden and data.strip():
            self.parts.append(" ".join(data.split()))


def visible(page: str) -> str:
    parser = _Text()
    parser.feed(page)
    return " | ".join(parser.parts)


def table_rows(page: str, css: str) -> list[list[str]]:
    table = re.search(rf'<table class="{css}">(.*?)</table>', page, re.S)
    assert table, css
    return [
        [visible(cell) for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", table.group(1), re.S)[1:]
    ]


def test_a_person_page_shows_labels_and_posts_as_rows(client: httpx.Client) -> None:
    page = client.get("/doc/person/graham-farrant", headers={"Accept": "text/html"}).text
    text = visible(page)
    assert "http://" not in text and "https://" not in text  # labels, not property IRIs
    rows = {tuple(row[:5]): row[5] for row in table_rows(page, "posts")}
    # role, organisation, from, to, basis -> source
    assert set(rows) == {
        ("Chief Executive", "Thurrock Council", "2010-08-01", "", "last stated 2011-12-01"),
        (
            "former Chief Executive",
            "London Borough of Barking and Dagenham",
            "",
            "",
            "former, end not known",
        ),
    }
    assert all(source.startswith("Sector-led Improvement | (item 2") for source in rows.values())


def test_a_council_page_lists_its_challenges_and_an_inferred_end(client: httpx.Client) -> None:
    page = client.get("/doc/council/E06000034").text
    text = visible(page)
    assert "Corporate peer challenge, Thurrock Council, December 2011" in text
    [coomber] = [row for row in table_rows(page, "posts") if row[0] == "Bob Coomber"]
    assert coomber[1:5] == ["interim Chief Executive", "", "2010-07-31", "inferred"]


def test_a_challenge_page_gives_its_recommendations_with_their_text(
    client: httpx.Client,
) -> None:
    page = client.get("/doc/challenge/E09000019-2018-03").text
    texts = [
        r["text"]
        for r in client.get(
            "/recommendations", params={"challenge": "E09000019-2018-03", "limit": 100}
        ).json()["items"]
    ]
    assert len(texts) >= 6
    shown = visible(page)
    assert all(" ".join(text.split()) in shown for text in texts)


def test_a_recommendation_page_leads_with_its_text(client: httpx.Client) -> None:
    [first] = client.get(
        "/recommendations", params={"challenge": "E09000019-2018-03", "limit": 1}
    ).json()["items"]
    page = client.get(f"/doc/recommendation/{first['id']}").text
    quoted = re.search(r'<blockquote class="text">(.*?)</blockquote>', page, re.S)
    assert quoted and " ".join(first["text"].split()) in " ".join(html.unescape(quoted[1]).split())


def test_vocabulary_iris_dereference_to_html_and_turtle(client: httpx.Client) -> None:
    page = client.get("/def/Council", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "An English local authority" in visible(page.text)
    turtle = client.get("/def/Council", headers={"Accept": "text/turtle"})
    council = ox.NamedNode("https://w3id.org/councilgraph/def/Council")
    triples = list(ox.parse(turtle.content, format=ox.RdfFormat.TURTLE))
    assert any(t.subject == council for t in triples)
    area = client.get("/def/policy-area/integrated-health-and-care?format=ttl")
    assert area.status_code == 200 and "integrated health and care" in area.text
    assert "Council" in visible(client.get("/def/").text)  # the ontology itself
    assert client.get("/def/NoSuchTerm").status_code == 404

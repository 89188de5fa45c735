"""Faults found by probing the landed server; each test failed on the code before the fix."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from councilgraph.settings import Settings
from tests.api.conftest import LiveServer, free_port

REPO = Path(__file__).resolve().parents[2]
SECRET = "s3cret-pw"


def test_a_query_nested_past_the_limit_is_refused_and_the_engine_lives(
    client: httpx.Client,
) -> None:
    deep = "SELECT * WHERE " + "{ " * 5000 + "?s ?p ?o " + "} " * 5000
    response = client.post(
        "/sparql", content=deep, headers={"Content-Type": "application/sparql-query"}
    )
    assert response.status_code == 400
    message = response.json()["error"]["message"]
    assert "5000 deep" in message and "limit is 100" in message
    assert client.get("/sparql", params={"query": "ASK {}"}).status_code == 200


def test_a_body_past_the_limit_is_413_naming_it(client: httpx.Client) -> None:
    body = b"SELECT * WHERE { ?s ?p ?o } #" + b"x" * 10_000_000
    response = client.post(
        "/sparql", content=body, headers={"Content-Type": "application/sparql-query"}
    )
    assert response.status_code == 413
    assert "1,000,000 bytes" in response.json()["error"]["message"]


@pytest.mark.parametrize("encoded", ["%FF", "%C3%28", "%ED%A0%80"])
def test_percent_encoded_invalid_utf8_is_refused_in_get_and_form(
    client: httpx.Client, encoded: str
) -> None:
    query = f"SELECT%20*%20WHERE%20%7B%20?s%20?p%20%22{encoded}%22%20%7D"
    got = client.get(f"/sparql?query={query}")
    form = client.post(
        "/sparql",
        content=f"query={query}".encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    for response in (got, form):
        assert response.status_code == 400, response.text
        assert "not UTF-8" in response.json()["error"]["message"]


@pytest.mark.parametrize(
    ("path", "name"),
    [("/leads", "on"), ("/due", "as_of"), ("/reliance", "on"), ("/maps/leads", "on")],
)
@pytest.mark.parametrize("value", ["0", "1700000000", "2024-13-01", "01/02/2024"])
def test_date_parameters_take_iso_dates_only(
    client: httpx.Client, path: str, name: str, value: str
) -> None:
    response = client.get(path, params={name: value})
    assert response.status_code == 422 and f"'{name}'" in response.json()["error"]["message"]


def test_unknown_linked_data_iris_are_404_and_documented(client: httpx.Client) -> None:
    response = client.get("/id/person/nobody-at-all", follow_redirects=False)
    assert response.status_code == 404 and "nothing is known" in response.json()["error"]["message"]
    known = client.get("/id/person/joanne-roney", follow_redirects=False)
    assert known.status_code == 303
    schema = client.get("/openapi.json").json()
    assert "404" in schema["paths"]["/id/{kind}/{key}"]["get"]["responses"]


def test_a_password_in_the_endpoint_url_never_reaches_a_client() -> None:
    endpoint = f"http://reader:{SECRET}@127.0.0.1:{free_port()}/query"  # nothing listens
    settings = Settings(sparql_endpoint=endpoint, query_timeout=5.0)
    with LiveServer(settings) as live:
        for path in ("/health", "/stats", "/councils", "/sparql?query=ASK%7B%7D"):
            response = httpx.get(live.url + path, timeout=30)
            assert SECRET not in response.text, (path, response.text)
        assert "reader:***@" in httpx.get(live.url + "/stats", timeout=30).text


def test_a_password_in_a_url_is_not_printed_by_serve_or_push(tmp_path: Path) -> None:
    endpoint = f"http://reader:{SECRET}@127.0.0.1:{free_port()}/store"
    push = subprocess.run(
        [sys.executable, "-m", "api.cli", "push", "--sparql-store", endpoint],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        env={"COUNCILGRAPH_STORE": str(tmp_path / "no-store"), "PATH": "/usr/bin:/bin"},
    )
    assert SECRET not in push.stdout + push.stderr
    port = free_port()
    serve = subprocess.Popen(
        [sys.executable, "-m", "api.cli", "serve", "--port", str(port)]
        + ["--sparql-endpoint", endpoint.replace("/store", "/query")],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
    finally:
        serve.terminate()
        output, _ = serve.communicate(timeout=30)
    assert "serving http://reader:***@" in output and SECRET not in output


def test_a_query_of_one_long_word_is_malformed_not_past_the_limit(client: httpx.Client) -> None:
    # the lexer rescanned a long word from each of its characters (8,000 digits: 1.3 s per
    # pass, several passes), so the query ran past the test server's 2 s limit (503)
    response = client.get("/sparql", params={"query": "0" * 7900})
    assert response.status_code == 400 and "malformed" in response.json()["error"]["message"]


def test_an_unknown_path_answers_the_documented_error_body(client: httpx.Client) -> None:
    response = client.get("/doc/person/a%0Ab")  # a newline: no route matches
    assert response.status_code == 404
    assert response.json()["error"]["status"] == 404

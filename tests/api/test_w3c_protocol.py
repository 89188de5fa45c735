"""The W3C SPARQL 1.1 Protocol tests, read from their manifest and driven over HTTP.

Query and bad-request tests must pass as written. This is a read-only service, so for an
update test the update request must be refused (403), and the graph must be unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx
import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.collection import Collection

from tests.api.conftest import W3C_PROTOCOL, LiveServer

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
HTS = "http://www.w3.org/2011/http-statusCodes#StatusCode"
FORMATS = {
    "boolean": ("application/sparql-results", "application/json", "application/xml"),
    "tabular": (
        "application/sparql-results",
        "text/csv",
        "text/tab-separated-values",
        "application/json",
        "application/xml",
    ),
    "RDF": ("text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json"),
}


@dataclass(frozen=True)
class Step:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None
    statuses: tuple[str, ...]  # "2", "4" ...
    expected_format: str | None
    expected_boolean: bool | None


@dataclass(frozen=True)
class Case:
    name: str
    steps: tuple[Step, ...]

    @property
    def kind(self) -> str:
        if self.name.startswith("bad_"):
            return "bad request"
        return "update" if self.name.startswith("update_") else "query"


def load_cases() -> list[Case]:
    manifest = Graph().parse(W3C_PROTOCOL / "manifest.ttl", format="turtle")
    root = next(manifest.subjects(MF.entries, None))
    cases = []
    for entry in Collection(manifest, manifest.value(root, MF.entries)):
        action = manifest.value(entry, MF.action)
        requests = Collection(manifest, manifest.value(action, HT.requests))
        steps = tuple(_step(manifest, request) for request in requests)
        cases.append(Case(str(entry).rsplit("#", 1)[-1], steps))
    return cases


def _step(manifest: Graph, request: URIRef) -> Step:
    headers = {}
    header_list = manifest.value(request, HT.headers)
    if header_list is not None:
        for header in Collection(manifest, header_list):
            headers[str(manifest.value(header, HT.fieldName))] = str(
                manifest.value(header, HT.fieldValue)
            )
    body_node = manifest.value(request, HT.body)
    body = None
    if body_node is not None:
        encoding = str(manifest.value(body_node, CNT.characterEncoding) or "UTF-8")
        body = str(manifest.value(body_node, CNT.chars)).encode(encoding.lower())
    response = manifest.value(request, HT.resp)
    statuses = tuple(
        sorted(str(s)[len(HTS)] for s in manifest.objects(response, MF.expectedStatus))
    )
    fmt = manifest.value(response, MF.expectedFormat)
    boolean = manifest.value(response, MF.expectedBoolean)
    return Step(
        method=str(manifest.value(request, HT.methodName)),
        path=str(manifest.value(request, HT.absolutePath)),
        headers=headers,
        body=body,
        statuses=statuses,
        expected_format=str(fmt) if fmt is not None else None,
        expected_boolean=boolean.toPython() if boolean is not None else None,
    )


CASES = load_cases()


def send(server: LiveServer, step: Step) -> httpx.Response:
    parts = urlsplit(step.path)
    path = "/sparql" + parts.path[len("/sparql/") :] + (f"?{parts.query}" if parts.query else "")
    # httpx adds no content type to raw content, exactly what the "missing type" tests need
    return httpx.request(
        step.method, server.url + path, headers=step.headers, content=step.body, timeout=30
    )


def check(step: Step, response: httpx.Response) -> None:
    assert str(response.status_code)[0] in step.statuses, response.text
    if step.expected_format:
        media = response.headers["content-type"]
        assert media.startswith(FORMATS[step.expected_format]), media
    if step.expected_boolean is not None:
        assert response.json()["boolean"] is step.expected_boolean


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_protocol(w3c_server: LiveServer, case: Case) -> None:
    if case.kind == "update":
        update, *_ = case.steps
        response = send(w3c_server, update)
        assert response.status_code == 403 and "read-only" in response.json()["error"]["message"]
        unchanged = httpx.get(
            w3c_server.url + "/sparql",
            params={"query": "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"},
        )
        assert unchanged.json()["results"]["bindings"][0]["n"]["value"] == "3"
        return
    for step in case.steps:
        check(step, send(w3c_server, step))


def test_manifest_counts(capsys: pytest.CaptureFixture[str]) -> None:
    counts: dict[str, int] = {}
    for case in CASES:
        counts[case.kind] = counts.get(case.kind, 0) + 1
    with capsys.disabled():
        print(
            f"\nW3C SPARQL 1.1 Protocol manifest: {len(CASES)} tests "
            + ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items()))
        )
    assert counts == {"query": 13, "update": 7, "bad request": 14}

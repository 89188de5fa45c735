"""`councilgraph serve --sparql-endpoint`: the API answers from a remote store, over real HTTP."""

from __future__ import annotations

import httpx
import pytest

from councilgraph.settings import Settings
from graph.remote import GraphStore, push
from graph.store import open_store
from tests.api.conftest import LiveServer


@pytest.mark.oxigraph_server
def test_api_served_from_a_remote_store_gives_the_same_answers(
    oxigraph_server: str, corpus_settings: Settings
) -> None:
    store = open_store(corpus_settings.store)
    push(store, GraphStore(oxigraph_server + "/store"), corpus_settings.things)
    remote = corpus_settings.model_copy(update={"sparql_endpoint": oxigraph_server + "/query"})
    with LiveServer(corpus_settings) as local, LiveServer(remote) as shared:
        for path, params in [
            ("/councils/E09000019", {}),
            ("/people/joanne-roney", {}),
            ("/recommendations", {"council": "E09000019", "key": "true"}),
            ("/leads", {"include_past": "true"}),
        ]:
            here = httpx.get(local.url + path, params=params, timeout=30)
            there = httpx.get(shared.url + path, params=params, timeout=30)
            assert here.status_code == there.status_code == 200, (path, there.text[:300])
            # a page's `next` link names the server it came from; the rest must be the same
            assert _local(here.json(), local.url) == _local(there.json(), shared.url), path
        query = {
            "query": "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/councilgraph/def/Recommendation> }"
        }
        answer = httpx.get(shared.url + "/sparql", params=query, headers={"Accept": "text/csv"})
        assert answer.status_code == 200 and answer.text.splitlines()[1] == "45"
        assert httpx.get(shared.url + "/health").json()["build"] == "remote"


def _local(body: object, base: str) -> object:
    if isinstance(body, dict) and isinstance(body.get("next"), str):
        return {**body, "next": body["next"].removeprefix(base)}
    return body

"""`serve --in-memory`: answers from disk at once, then the same answers from the one copy,
made in the background by the engine process."""

from __future__ import annotations

import time

import httpx

from councilgraph.settings import Settings
from tests.api.conftest import LiveServer


def test_in_memory_copy_answers_like_the_store_on_disk(api_settings: Settings) -> None:
    copy = api_settings.model_copy(update={"in_memory": True})
    query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    with LiveServer(api_settings) as disk, LiveServer(copy) as memory:
        assert httpx.get(disk.url + "/health").json()["engine"] == "disk"
        deadline = time.monotonic() + 60
        while httpx.get(memory.url + "/health").json()["engine"] != "memory":
            assert time.monotonic() < deadline, "the in-memory copy was never made"
            time.sleep(0.1)
        assert memory.app.state.serving.engine.current.source.in_memory
        counts = [
            httpx.get(s.url + "/sparql", params={"query": query}, headers={"Accept": "text/csv"})
            for s in (disk, memory)
        ]
        assert counts[0].status_code == counts[1].status_code == 200
        assert counts[0].text == counts[1].text and int(counts[0].text.splitlines()[1]) > 5000
        people = [httpx.get(s.url + "/people/joanne-roney").json() for s in (disk, memory)]
        assert people[0] == people[1]

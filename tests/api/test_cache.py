"""Answers kept per build: hits counted, ETag and 304, a new build starts afresh, bounded."""

from __future__ import annotations

import shutil
import time
from datetime import date
from pathlib import Path

import httpx

from api.cache import AnswerCache, Entry, request_key
from councilgraph.settings import BUNDLED_CORPUS, Settings
from graph.build import build
from tests.api.conftest import LiveServer


def _counts(server: LiveServer) -> tuple[int, int]:
    counts = server.app.state.serving.cache.counts
    return counts.hits, counts.misses


def test_a_second_request_for_the_same_page_is_a_cache_hit(
    server: LiveServer, client: httpx.Client
) -> None:
    params = {"limit": 3, "offset": 11}
    hits, misses = _counts(server)
    first = client.get("/councils", params=params)
    second = client.get("/councils", params=params)
    assert first.status_code == second.status_code == 200
    assert (first.headers["x-cache"], second.headers["x-cache"]) == ("miss", "hit")
    assert _counts(server) == (hits + 1, misses + 1)
    assert first.content == second.content and first.headers["etag"] == second.headers["etag"]
    assert "must-revalidate" in second.headers["cache-control"]
    # the same parameters in another order are the same answer
    reordered = client.get("/councils?offset=11&limit=3")
    assert reordered.headers["x-cache"] == "hit"


def test_if_none_match_gives_304_without_a_body(client: httpx.Client) -> None:
    first = client.get("/people", params={"limit": 2})
    tag = first.headers["etag"]
    again = client.get("/people", params={"limit": 2}, headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == tag
    other = client.get("/people", params={"limit": 3}, headers={"If-None-Match": tag})
    assert other.status_code == 200 and other.headers["etag"] != tag


def test_errors_are_not_kept(client: httpx.Client) -> None:
    for _ in range(2):
        missing = client.get("/people/nobody-at-all")
        assert missing.status_code == 404 and "etag" not in missing.headers


def test_a_new_build_changes_the_etag_and_the_answer_without_a_restart(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(BUNDLED_CORPUS, corpus)
    settings = Settings(corpus=corpus, store=tmp_path / "store", query_timeout=5.0)
    build(settings)
    with LiveServer(settings) as live, httpx.Client(base_url=live.url, timeout=30) as http:
        before = http.get("/stats")
        assert http.get("/stats").headers["x-cache"] == "hit"
        built = before.json()["build"]["path"]
        dropped = sorted((corpus / "documents").iterdir())[0]
        dropped.unlink()  # a smaller corpus: fewer triples
        build(settings)
        time.sleep(1.2)  # the server looks at the store's `current` link once a second
        deadline = time.monotonic() + 30
        after = http.get("/stats")
        while after.json()["build"]["path"] == built and time.monotonic() < deadline:
            time.sleep(0.2)
            after = http.get("/stats")
        assert after.json()["build"]["path"] != built
        assert after.headers["etag"] != before.headers["etag"]
        assert after.json()["triples"] < before.json()["triples"]
        assert http.get("/health").json()["build"] == Path(after.json()["build"]["path"]).name


def test_the_cache_keeps_within_its_bound_and_evicts_the_least_recently_used() -> None:
    cache = AnswerCache(max_bytes=20_000)
    for n in range(30):
        cache.put(f"k{n}", Entry(200, [], bytes(1000)))
        assert cache.get("k0") is not None  # used every time: never the one evicted
    assert cache.size <= 20_000 and cache.counts.evictions > 0
    assert cache.get("k1") is None and cache.get("k29") is not None
    cache.put("huge", Entry(200, [], bytes(cache.entry_max + 1)))
    assert cache.get("huge") is None  # larger than an entry may be: never kept


def _scope(query: bytes, accept: bytes = b"application/json") -> dict[str, object]:
    return {
        "method": "GET",
        "path": "/leads",
        "query_string": query,
        "headers": [(b"accept", accept)],
    }


def test_the_key_holds_the_build_the_day_and_the_parameters_in_any_order() -> None:
    day = date(2024, 5, 1)
    one = request_key(_scope(b"area=skills&limit=5"), "build-a", day)
    assert one == request_key(_scope(b"limit=5&area=skills"), "build-a", day)
    assert one != request_key(_scope(b"limit=5&area=skills"), "build-b", day)
    assert one != request_key(_scope(b"limit=5&area=skills"), "build-a", date(2024, 5, 2))
    assert one != request_key(_scope(b"limit=5&area=skills", b"text/csv"), "build-a", day)
    volatile = {
        "method": "GET",
        "path": "/sparql",
        "headers": [],
        "query_string": b"query=SELECT+%28RAND%28%29+AS+%3Fr%29+%7B%7D",
    }
    assert request_key(volatile, "build-a", day) is None

"""The query engine under a long-running server's load: a query past the limit is stopped
(its process ends) while other clients are answered; the queue is bounded and fair."""

from __future__ import annotations

import asyncio
import os
import threading
import time

import httpx
import pytest

from api.engine.admission import Admission
from councilgraph.errors import QueryError
from councilgraph.settings import Settings
from tests.api.conftest import LiveServer

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            state = stat.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_query_past_the_limit_is_stopped_and_others_are_answered_meanwhile(
    api_settings: Settings,
) -> None:
    settings = api_settings.model_copy(update={"query_timeout": 4.0})
    with LiveServer(settings) as live, httpx.Client(base_url=live.url, timeout=30) as http:
        engine = live.app.state.serving.engine
        running = engine.current.process.pid
        answer: dict[str, httpx.Response] = {}
        started = time.monotonic()
        # another client: another address (every 127.x.y.z is this machine)
        other = httpx.Client(
            base_url=live.url, timeout=30, transport=httpx.HTTPTransport(local_address="127.0.0.2")
        )
        runaway = threading.Thread(
            target=lambda: answer.update(slow=other.get("/sparql", params={"query": RUNAWAY}))
        )
        runaway.start()
        time.sleep(0.5)
        meanwhile = []
        for n in range(4):  # other clients, other queries, while it runs
            began = time.monotonic()
            quick = http.get("/sparql", params={"query": f"ASK {{ ?s ?p {n} }}"})
            meanwhile.append(time.monotonic() - began)
            assert quick.status_code == 200
            assert http.get("/people", params={"offset": n}).status_code == 200
        runaway.join()
        other.close()
        elapsed = time.monotonic() - started
        assert max(meanwhile) < 2.0, meanwhile
        slow = answer["slow"]
        assert slow.status_code == 503 and slow.headers["retry-after"]
        error = slow.json()["error"]
        assert "past the 4 s limit" in error["message"] and "COUNT(*)" in error["message"]
        assert "COUNCILGRAPH_QUERY_TIMEOUT" in error["hint"]
        assert 4.0 <= elapsed < 8.0
        deadline = time.monotonic() + 10
        while _alive(running) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(running), "the process running the query was not ended"
        assert engine.replacements == 1
        assert http.get("/sparql", params={"query": "ASK {}"}).status_code == 200


def test_a_full_queue_answers_503_with_retry_after_at_once(api_settings: Settings) -> None:
    settings = api_settings.model_copy(update={"query_timeout": 8.0, "query_queue": 1})
    with LiveServer(settings, sparql_workers=1) as live:
        results: list[httpx.Response] = []

        def ask(query: str) -> None:
            results.append(httpx.get(live.url + "/sparql", params={"query": query}, timeout=30))

        holders = [threading.Thread(target=ask, args=(RUNAWAY + f" # {n}",)) for n in range(2)]
        for holder in holders:  # one runs, one waits in the queue
            holder.start()
            time.sleep(0.3)
        began = time.monotonic()
        refused = httpx.get(live.url + "/sparql", params={"query": "ASK {}"}, timeout=30)
        assert time.monotonic() - began < 4.0  # at once: not after the 8 s limit
        assert refused.status_code == 503 and int(refused.headers["retry-after"]) >= 1
        assert "queue is full" in refused.json()["error"]["message"]
        for holder in holders:
            holder.join()
        # the queued one waited, and its wait counted against its limit
        assert all(r.status_code == 503 for r in results)
        waited = [r.json()["error"]["message"] for r in results]
        assert any("in the queue" in m for m in waited)


def test_one_client_cannot_take_every_slot_and_waiting_counts_against_the_limit() -> None:
    async def scenario() -> None:
        admission = Admission(slots=2, queue=8)
        far = time.monotonic() + 30
        await admission.enter("greedy", far, 1)
        second = asyncio.create_task(admission.enter("greedy", far, 1))
        await asyncio.sleep(0.05)
        assert not second.done()  # the greedy client's second query waits ...
        assert await admission.enter("polite", far, 1) == 0.0  # ... another client's does not
        began = time.monotonic()
        with pytest.raises(TimeoutError):
            await admission.enter("late", time.monotonic() + 0.3, 1)
        assert 0.25 < time.monotonic() - began < 1.0
        admission.leave("greedy")
        await asyncio.wait_for(second, 1)
        admission.leave("greedy")
        admission.leave("polite")
        assert not admission.running and not admission.waiting

    asyncio.run(scenario())


def test_a_full_admission_queue_refuses_at_once() -> None:
    async def scenario() -> None:
        admission = Admission(slots=1, queue=2)
        far = time.monotonic() + 30
        await admission.enter("a", far, 1)
        waiting = [asyncio.create_task(admission.enter(c, far, 1)) for c in ("b", "c")]
        await asyncio.sleep(0.05)
        with pytest.raises(QueryError) as refused:
            await admission.enter("d", far, 3)
        assert refused.value.status == 503 and refused.value.retry_after == 3
        for task in waiting:
            task.cancel()
        await asyncio.gather(*waiting, return_exceptions=True)

    asyncio.run(scenario())


def test_the_engine_ends_with_the_server(api_settings: Settings) -> None:
    with LiveServer(api_settings) as live:
        engine = live.app.state.serving.engine
        pids = [e.process.pid for e in (engine.current, engine._spare) if e is not None]
    deadline = time.monotonic() + 10
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert pids and not any(_alive(p) for p in pids)
    assert os.getpid()

"""The query engine the server runs: one process holding the store, replaced when a query
overruns.

Every query, from /sparql and from the REST routes, runs in one engine process
(`api.engine.worker`): with `--in-memory` it holds the one in-memory copy of the build, so
the server holds none. pyoxigraph cannot stop a query, and a thread cannot be killed, so
a query past its time limit is answered 503 at the limit and, should it still run after as
long again (`GRACE`), stopped by ending its process; the queries that process was running
for other clients are sent again to the replacement, within their own deadlines. On disk,
the replacement is a spare engine kept ready, so the server answers on at once. With
`--in-memory` there is no spare (the copy is the only store in memory): the build on disk
answers within a second while a new copy is made in the background, which takes over when
ready. Start-up works the same way: the server answers from disk while the copy is made.

Queries from /sparql are admitted first (`api.engine.admission`); the REST routes' own
queries go through a smaller lane of their own (`run_sync`), so the endpoint's clients
cannot starve the pages.
"""

from __future__ import annotations

import asyncio
import os
import threading
import time
from concurrent.futures import Future
from dataclasses import replace
from typing import Any

from api.engine.admission import Admission
from api.engine.process import EngineProcess, EngineStopped, Job, Source
from councilgraph.errors import QueryError, StoreError

START_TIMEOUT = 120.0  # seconds for an engine to open a store on disk or a remote endpoint
COPY_TIMEOUT = 1800.0  # ... and to make an in-memory copy (about 12 s per million quads)
# A query past its limit (its client already answered 503) may run this many times the
# limit more before its engine is ended: on a busy machine a sound query can pass the limit,
# and ending the engine that holds the in-memory copy costs a new copy.
GRACE = 1.0


class Overrun(Exception):
    """A job passed its deadline while it ran; the engine that ran it is being replaced."""

    def __init__(self, ran: float) -> None:
        self.ran = ran


class QueryEngine:
    """Runs jobs on the current engine process; see the module docstring."""

    def __init__(
        self, source: Source, *, size: int, timeout: float, row_cap: int, queue: int = 64
    ) -> None:
        self.source = source
        self.size = size
        self.timeout = timeout
        self.row_cap = row_cap
        self.admission = Admission(size, queue)
        self._rest_lane = threading.BoundedSemaphore(max(2, size * 2))
        self._lock = threading.Lock()
        self._ready = threading.Condition(self._lock)
        self.current: EngineProcess | None = None
        self._spare: EngineProcess | None = None  # on disk, ready to take over at once
        self._copying: EngineProcess | None = None
        self.replacements = 0  # engines ended because a query overran (for tests and /health)

    @property
    def state(self) -> str:
        """What answers now: "memory", "disk", "remote", or "disk (copying to memory)"."""
        current = self.current
        if current is None:
            return "starting"
        if self._copying is not None:
            return f"{current.source.kind} (copying to memory)"
        return current.source.kind

    def start(self) -> None:
        """Open the store (the copy, with `in_memory`, follows in the background)."""
        first = replace(self.source, in_memory=False)
        engine = EngineProcess(first)
        engine.wait_ready(START_TIMEOUT)
        with self._lock:
            self.current = engine
            self._ready.notify_all()
        if self.source.in_memory:
            self._copy_in_background(self.source)
        else:
            self._spare_in_background()

    def _spare_in_background(self) -> None:
        if self._spare is not None:
            return
        source = replace(self.source, in_memory=False)

        def make() -> None:
            made = EngineProcess(source)
            try:
                made.wait_ready(START_TIMEOUT)
            except StoreError:
                return
            with self._lock:
                wanted = self._spare is None and self.source.path == source.path
                if wanted and self.current is None:  # nothing answers: take over at once
                    self.current = made
                    self._ready.notify_all()
                elif wanted:
                    self._spare = made
            if not wanted:
                made.kill()

        threading.Thread(target=make, daemon=True, name="engine-spare").start()

    def switch(self, source: Source) -> None:
        """Serve `source` (a new build) from now on; the old engine ends once it is idle."""
        engine = EngineProcess(replace(source, in_memory=False))
        engine.wait_ready(START_TIMEOUT)
        with self._lock:
            old, self.current, self.source = self.current, engine, source
            copying, self._copying = self._copying, None
            spare, self._spare = self._spare, None
            self._ready.notify_all()
        for unwanted in (copying, spare):
            if unwanted is not None:
                unwanted.kill()
        if old is not None:
            _retire(old, self.timeout)
        if source.in_memory:
            self._copy_in_background(source)
        else:
            self._spare_in_background()

    def _copy_in_background(self, source: Source) -> None:
        with self._lock:
            if self._copying is not None:
                return
            self._copying = copying = EngineProcess(source)

        def wait() -> None:
            try:
                copying.wait_ready(COPY_TIMEOUT)
            except StoreError:
                with self._lock:
                    self._copying = None if self._copying is copying else self._copying
                self._spare_in_background()
                return
            with self._lock:
                if self._copying is not copying or self.source != source:
                    copying.kill()
                    return
                old, self.current, self._copying = self.current, copying, None
            if old is not None:
                _retire(old, self.timeout)
            # no spare beside the copy: one copy of the build in memory, and nothing more
            # than the server; after an overrun the build on disk answers within a second

        threading.Thread(target=wait, daemon=True, name="engine-copy").start()

    def _past_limit(self, engine: EngineProcess, future: Future[tuple[Any, ...]]) -> None:
        """A query's client has been answered 503 at its limit. A query can pass the limit
        only because the machine is busy, so it gets `GRACE` x the limit more to end by
        itself; still running then, it is a runaway, and its engine is ended."""

        def watch() -> None:
            try:
                future.result(timeout=self.timeout * GRACE)
            except TimeoutError:
                self._overran(engine)
            except Exception:  # noqa: BLE001, S110 - ended some other way: nothing to stop
                pass

        threading.Thread(target=watch, daemon=True, name="engine-overrun").start()

    def _overran(self, engine: EngineProcess) -> None:
        """`engine` runs a query past its limit: take it out of service now, and replace it."""
        with self._lock:
            if self.current is not engine:
                return
            self.current, self._spare = self._spare, None  # the spare takes over at once
            self.replacements += 1
            engine.ended_on_purpose = True
            self._ready.notify_all()
        threading.Thread(target=self._replace, args=(engine,), daemon=True).start()

    def _replace(self, engine: EngineProcess) -> None:
        """End `engine` (stopping what it runs); make a new spare, and a new copy."""
        engine.kill()
        self._spare_in_background()  # takes over at once if no spare was ready
        if self.source.in_memory:
            self._copy_in_background(self.source)

    def _engine(self, deadline: float) -> EngineProcess:
        with self._lock:
            while self.current is None:
                if not self._ready.wait(max(0.0, deadline - time.monotonic())):
                    break
            if self.current is None:
                raise QueryError("the query engine is restarting", status=503, retry_after=2)
            return self.current

    def _outcome(self, engine: EngineProcess, future: Future[tuple[Any, ...]]) -> tuple[Any, ...]:
        reply = future.result()
        kind, *payload = reply
        if kind == "error":
            status, message = payload
            raise QueryError(message, status=status)
        return reply

    def _stopped(self, engine: EngineProcess) -> None:
        """The engine ended without being asked to (a query crashed it): replace it."""
        self._overran(engine)
        raise QueryError("the query engine stopped unexpectedly and is restarting", status=500)

    async def run(self, job: Job, deadline: float) -> tuple[Any, ...]:
        """Run `job` before `deadline` (time.monotonic()); Overrun past it."""
        started = time.monotonic()
        while True:
            engine = await asyncio.to_thread(self._engine, deadline)
            future = engine.submit(job)
            try:
                waiting = asyncio.wrap_future(future)
                waiting.add_done_callback(_retrieved)
                await asyncio.wait_for(asyncio.shield(waiting), deadline - time.monotonic())
            except TimeoutError:
                self._past_limit(engine, future)
                raise Overrun(time.monotonic() - started) from None
            except EngineStopped:
                if engine.ended_on_purpose and time.monotonic() < deadline:
                    continue  # replaced because another query overran: run it again
                self._stopped(engine)
            return self._outcome(engine, future)

    def run_sync(self, job: Job) -> tuple[Any, ...]:
        """Run one of the REST routes' queries (from a worker thread), within the time limit.

        These are the API's own bounded queries: one that passes the limit does so because the
        engine is busy, not because it runs away, so the engine is not ended for it; the
        caller is answered 503 and the query's lane is freed when the query finishes."""
        self._rest_lane.acquire()
        release_now = True
        deadline = time.monotonic() + self.timeout
        started = time.monotonic()
        try:
            while True:
                engine = self._engine(deadline)
                future = engine.submit(job)
                try:
                    future.result(timeout=max(0.0, deadline - time.monotonic()))
                except TimeoutError:
                    release_now = False
                    future.add_done_callback(lambda _: self._rest_lane.release())
                    raise Overrun(time.monotonic() - started) from None
                except EngineStopped:
                    if engine.ended_on_purpose and time.monotonic() < deadline:
                        continue
                    self._stopped(engine)
                return self._outcome(engine, future)
        finally:
            if release_now:
                self._rest_lane.release()

    def close(self) -> None:
        with self._lock:
            engines = [e for e in (self.current, self._copying, self._spare) if e is not None]
            self.current = self._copying = self._spare = None
        for engine in engines:
            engine.kill()


def _retrieved(future: asyncio.Future[Any]) -> None:
    """Mark an abandoned job's outcome as seen (asyncio logs exceptions nobody retrieved)."""
    if not future.cancelled():
        future.exception()


def _retire(engine: EngineProcess, grace: float) -> None:
    """End `engine` once the jobs it runs have finished (at most `grace` seconds from now)."""

    def wait() -> None:
        deadline = time.monotonic() + grace + 1
        while engine.busy and time.monotonic() < deadline:
            time.sleep(0.05)
        engine.kill()

    threading.Thread(target=wait, daemon=True, name="engine-retire").start()


def default_size() -> int:
    """Queries at once: one per CPU, at most four."""
    return max(1, min(4, os.cpu_count() or 1))

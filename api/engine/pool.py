"""A pool of pre-started worker processes that run public SPARQL queries and can be killed.

pyoxigraph has no query timeout, and a thread stuck in Rust cannot be stopped. Each worker
is a process that opens the store read-only and answers one job at a time over a pipe; the
server waits for the answer with a deadline and, past it, kills the worker and starts a
fresh one. The worker serialises the result itself, so only bytes cross the pipe.

Spawned, not forked: the server process has threads (the event loop, the thread pool), and
forking a threaded process is unsafe.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from api.engine import worker
from councilgraph.errors import QueryError, StoreError

CONTEXT = multiprocessing.get_context("spawn")


@dataclass(frozen=True)
class Job:
    """One query, its dataset and the serialisation the client asked for."""

    query: str
    media_type: str
    graph: bool  # CONSTRUCT / DESCRIBE
    default_graph: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    base_iri: str | None = None  # relative IRIs in the query resolve against the endpoint's URL


@dataclass(frozen=True)
class Answer:
    body: bytes
    media_type: str
    rows: int
    truncated: bool


@dataclass(eq=False)  # hashed by identity: the pool keeps a set of them
class _Worker:
    process: BaseProcess
    conn: Connection
    jobs: int = field(default=0)

    def kill(self) -> None:
        self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class SparqlPool:
    """`size` workers over the store at `store_path`; `execute` enforces `timeout` seconds."""

    def __init__(
        self,
        store_path: Path,
        *,
        size: int,
        timeout: float,
        row_cap: int,
        in_memory: bool = False,
        endpoint: str | None = None,
    ) -> None:
        self.store_path = store_path
        self.in_memory = in_memory
        self.endpoint = endpoint
        self.size = size
        self.timeout = timeout
        self.row_cap = row_cap
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._all: set[_Worker] = set()

    def _spawn(self) -> _Worker:
        parent, child = CONTEXT.Pipe()
        process = CONTEXT.Process(
            target=worker.serve,
            args=(str(self.store_path), self.row_cap, child, self.in_memory, self.endpoint),
            daemon=True,
        )
        process.start()
        child.close()  # so that the worker's death reads as EOF here
        # An in-memory copy of a large store takes a while to load (about 12 s per 1M triples).
        if not parent.poll(600 if self.in_memory else 60) or parent.recv() != "ready":
            process.kill()
            raise StoreError(f"a SPARQL worker could not open the store at {self.store_path}")
        started = _Worker(process, parent)
        self._all.add(started)
        return started

    async def start(self) -> None:
        started = await asyncio.gather(*(asyncio.to_thread(self._spawn) for _ in range(self.size)))
        for one in started:
            self._idle.put_nowait(one)

    async def close(self) -> None:
        for one in list(self._all):
            one.kill()
        self._all.clear()

    async def execute(self, job: Job) -> Answer:
        """Run `job` on an idle worker; QueryError(503) past the deadline, the worker replaced."""
        current = await self._idle.get()
        try:
            current.conn.send(job)
            reply = await asyncio.wait_for(asyncio.to_thread(current.conn.recv), self.timeout)
        except (TimeoutError, EOFError, OSError) as exc:
            current = await self._replace(current)
            if isinstance(exc, TimeoutError):
                raise QueryError(
                    f"the query ran longer than the {self.timeout:g} s limit and was stopped",
                    status=503,
                    hint="add LIMIT, narrow the patterns, or run it on a local copy of the dump",
                ) from None
            raise QueryError("the query worker stopped unexpectedly", status=500) from exc
        finally:
            self._idle.put_nowait(current)
        kind, *payload = reply
        if kind == "error":
            status, message = payload
            raise QueryError(message, status=status)
        body, media_type, rows, truncated = payload
        return Answer(body=body, media_type=media_type, rows=rows, truncated=truncated)

    async def _replace(self, dead: _Worker) -> _Worker:
        self._all.discard(dead)
        await asyncio.to_thread(dead.kill)
        return await asyncio.to_thread(self._spawn)


def default_size() -> int:
    """One worker per CPU, at most four: queries are short, and each worker holds a store handle."""
    return max(1, min(4, os.cpu_count() or 1))

"""One engine process, seen from the server: start it, send it jobs, read its replies, end it.

The process is spawned, not forked (the server has threads, and forking a threaded process
is unsafe), and ends with the server even when the server is killed (PR_SET_PDEATHSIG).
A reader thread hands each reply to the future of its job; should the process die, every
job still waiting fails with `EngineStopped`.
"""

from __future__ import annotations

import itertools
import multiprocessing
import threading
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from api.engine import worker
from councilgraph.errors import StoreError

CONTEXT = multiprocessing.get_context("spawn")


@dataclass(frozen=True)
class Job:
    """One query, its dataset and the serialisation wanted."""

    query: str
    media_type: str
    graph: bool  # CONSTRUCT / DESCRIBE
    default_graph: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    base_iri: str | None = None  # relative IRIs in the query resolve against the endpoint's URL
    row_cap: int | None = None  # rows (or triples) at most; None for the REST routes' queries
    plan: bool = True  # plan the text (graph.plan) first; False when it comes planned


@dataclass(frozen=True)
class Source:
    """What an engine opens: a build's Oxigraph directory (a copy of it in memory, or the
    directory read-only), or a remote SPARQL endpoint."""

    path: Path
    in_memory: bool = False
    endpoint: str | None = None

    @property
    def kind(self) -> str:
        return "remote" if self.endpoint else "memory" if self.in_memory else "disk"


class EngineStopped(Exception):
    """The engine process ended while a job was waiting for it."""


class EngineProcess:
    def __init__(self, source: Source) -> None:
        self.source = source
        parent, child = CONTEXT.Pipe()
        self.process = CONTEXT.Process(
            target=worker.serve,
            args=(str(source.path), child, source.in_memory, source.endpoint),
            daemon=True,
        )
        self.process.start()
        child.close()  # so that the engine's death reads as EOF here
        self.conn = parent
        self._ids = itertools.count()
        self._pending: dict[int, Future[tuple[Any, ...]]] = {}
        self._lock = threading.Lock()
        self.stopped = False
        self.ended_on_purpose = False  # ended by the server (an overrun elsewhere, a new build)

    def wait_ready(self, timeout: float) -> None:
        """Block until the engine has opened its store; StoreError if it cannot."""
        try:
            ready = self.conn.poll(timeout) and self.conn.recv() == "ready"
        except (EOFError, OSError):  # ended (or was ended) while opening
            ready = False
        if not ready:
            self.kill()
            raise StoreError(f"the query engine could not open the store at {self.source.path}")
        threading.Thread(target=self._read, daemon=True, name="engine-replies").start()

    def submit(self, job: Job) -> Future[tuple[Any, ...]]:
        future: Future[tuple[Any, ...]] = Future()
        with self._lock:
            if self.stopped:
                future.set_exception(EngineStopped())
                return future
            job_id = next(self._ids)
            self._pending[job_id] = future
            try:
                self.conn.send((job_id, job))
            except (OSError, ValueError):
                self._pending.pop(job_id, None)
                future.set_exception(EngineStopped())
        return future

    @property
    def busy(self) -> int:
        return len(self._pending)

    def _read(self) -> None:
        while True:
            try:
                job_id, reply = self.conn.recv()
            except (EOFError, OSError, ValueError):
                break
            with self._lock:
                future = self._pending.pop(job_id, None)
            if future is not None and not future.done():
                future.set_result(reply)
        self._fail_pending()

    def _fail_pending(self) -> None:
        with self._lock:
            self.stopped = True
            pending, self._pending = self._pending, {}
        for future in pending.values():
            if not future.done():
                future.set_exception(EngineStopped())

    def kill(self) -> None:
        """End the process now: every query it runs stops with it."""
        self.ended_on_purpose = True
        self.process.kill()
        self.process.join(timeout=10)
        self.conn.close()
        self._fail_pending()

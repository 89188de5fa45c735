"""Who runs next on the engine: a bounded queue, first come first served, and a cap per client.

The SPARQL endpoint admits at most `slots` queries at a time. Waiting counts against the
query's time limit, so a query that waits past its deadline is answered 503 without running.
A full queue answers 503 with Retry-After at once instead of growing, and no client (by
address) runs on more than `per_client` slots or holds more than half the queue, so one
client cannot take every slot of the engine from the others.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from dataclasses import dataclass, field

from councilgraph.errors import QueryError


@dataclass(eq=False)
class _Waiter:
    client: str
    granted: asyncio.Future[None] = field(
        default_factory=lambda: asyncio.get_running_loop().create_future()
    )


class Admission:
    def __init__(self, slots: int, queue: int, per_client: int | None = None) -> None:
        self.slots = max(1, slots)
        self.queue = max(1, queue)
        self.per_client = per_client or max(1, self.slots - 1)
        self.running: Counter[str] = Counter()
        self.waiting: list[_Waiter] = []

    def _can_run(self, client: str) -> bool:
        return sum(self.running.values()) < self.slots and self.running[client] < self.per_client

    async def enter(self, client: str, deadline: float, retry_after: int) -> float:
        """Wait for a slot; returns the seconds spent waiting. QueryError(503) when the queue is
        full (at once) or the deadline passes first."""
        if self._can_run(client) and not any(self._can_run(w.client) for w in self.waiting):
            self.running[client] += 1
            return 0.0
        queued_by_client = sum(1 for w in self.waiting if w.client == client)
        if len(self.waiting) >= self.queue or queued_by_client >= max(1, self.queue // 2):
            raise QueryError(
                f"the query queue is full ({len(self.waiting)} waiting for {self.slots} "
                f"running); try again in {retry_after} s",
                status=503,
                retry_after=retry_after,
            )
        started = time.monotonic()
        waiter = _Waiter(client)
        self.waiting.append(waiter)
        try:
            await asyncio.wait_for(asyncio.shield(waiter.granted), max(0.0, deadline - started))
        except (TimeoutError, asyncio.CancelledError):
            if waiter.granted.done():  # granted at the last moment: give the slot back
                self.leave(client)
            else:
                waiter.granted.cancel()
                self.waiting.remove(waiter)
            raise
        return time.monotonic() - started

    def queue_timeout(self, waited: float, retry_after: int) -> QueryError:
        return QueryError(
            f"the query waited {waited:.1f} s in the queue, past its time limit, and was not run",
            status=503,
            retry_after=retry_after,
        )

    def leave(self, client: str) -> None:
        self.running[client] -= 1
        if self.running[client] <= 0:
            del self.running[client]
        self._grant()

    def _grant(self) -> None:
        for waiter in list(self.waiting):
            if waiter.granted.done():
                continue
            if self._can_run(waiter.client):
                self.running[waiter.client] += 1
                self.waiting.remove(waiter)
                waiter.granted.set_result(None)

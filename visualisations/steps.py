"""Making a map step by step: each step timed, reported as it starts, and stopped at a deadline.

A map is several queries and computations in a row. `Steps` names each one as it starts
(the command line shows it, with elapsed time), records its seconds (the benchmark and
`--json` report them), and refuses to go on once the deadline has passed or the work has
been cancelled: the API gives a map the same time limit as any query, and a server that is
shutting down cancels what is running. Long loops inside a step call `check()`, so work
stops within a fraction of a second of the limit, not at the end of the step.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from councilgraph.errors import QueryError


@dataclass
class Steps:
    """Timings of the steps done so far; `limit` seconds from creation, if given."""

    limit: float | None = None
    on_step: Callable[[str], None] | None = None
    cancelled: threading.Event = field(default_factory=threading.Event)
    seconds: dict[str, float] = field(default_factory=dict)
    started: float = field(default_factory=time.perf_counter)

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        self.check()
        if self.on_step is not None:
            self.on_step(name)
        begun = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - begun
        self.check()

    def check(self) -> None:
        """QueryError (503) once the time limit has passed or the work was cancelled."""
        if self.cancelled.is_set():
            raise QueryError("map generation was cancelled: the server is stopping", status=503)
        if self.limit is not None and self.elapsed > self.limit:
            raise QueryError(
                f"the map took longer than the {self.limit:g} s limit and was stopped",
                status=503,
                hint="ask for a smaller map (council:<GSS>, leads?on=DATE), or raise "
                "COUNCILGRAPH_QUERY_TIMEOUT",
            )

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def report(self) -> dict[str, float]:
        return {name: round(value, 3) for name, value in self.seconds.items()}

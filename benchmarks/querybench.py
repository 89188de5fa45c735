"""The query library (graph/queries/*.rq) on four engines over the same N-Quads.

- councilgraph (disk): the built store as `councilgraph query` and `serve` read it, through
  `graph.sparql.run` (pyoxigraph on RocksDB);
- councilgraph (memory): the same build copied into memory at start-up, as
  `serve --in-memory` serves it (`graph.store.open_store(..., in_memory=True)`);
- rdflib: its default in-memory store, an `rdflib.Dataset` parsed from the store's
  N-Quads, each query run with `dataset.query` (rdflib's own SPARQL engine);
- raw pyoxigraph: an in-memory `pyoxigraph.Store` bulk-loaded from the same N-Quads,
  queried directly (what councilgraph's own layer costs on top of the engine).

The N-Quads are the whole store: the named graphs and the default graph, which holds their
merge, so every engine answers over the same default graph. Each query runs `runs` times
per engine after one warm-up, in this one process. rdflib can take minutes on one query:
a run that passes `budget` seconds is stopped (SIGALRM; rdflib's engine is pure Python)
and reported as at least the budget, never guessed. Result row counts are compared so a
fast wrong answer cannot pass for a fast one.
"""

from __future__ import annotations

import signal
import statistics
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import pyoxigraph as ox

from graph.sparql import library, run
from graph.store import open_store

ENGINES = ("councilgraph (disk)", "councilgraph (memory)", "raw pyoxigraph", "rdflib")
OURS = ENGINES[:2]


@dataclass
class QueryTiming:
    name: str
    ms: dict[str, float] = field(default_factory=dict)  # engine -> median ms
    rows: dict[str, int] = field(default_factory=dict)  # engine -> rows (absent if stopped)
    stopped: set[str] = field(default_factory=set)  # engines the budget stopped: ms is a floor


def _count(result: object) -> int:
    if isinstance(result, ox.QuerySolutions | ox.QueryTriples):
        return sum(1 for _ in result)
    if isinstance(result, ox.QueryBoolean):
        return 1
    return len(result)  # type: ignore[arg-type]


class OverBudget(Exception):
    pass


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Interrupt the code inside after `seconds` (main thread only; pure-Python code stops)."""

    def expire(signum: int, frame: object) -> None:
        raise OverBudget

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _median_ms(
    action: Callable[[], int], runs: int, budget: float
) -> tuple[float, int | None, bool]:
    """Median ms of `runs` runs after a warm-up, the row count, and whether the budget
    stopped it (then the time is the budget: a lower bound)."""
    started = time.perf_counter()
    try:
        with _deadline(budget):
            rows = action()  # warm-up, and the row count
    except OverBudget:
        return budget * 1000, None, True
    times: list[float] = []
    while len(times) < runs and time.perf_counter() - started < budget:
        t = time.perf_counter()
        action()
        times.append((time.perf_counter() - t) * 1000)
    if not times:  # the warm-up alone used the budget: report it as the one measurement
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), rows, False


def compare(
    store_dir: Path, runs: int = 5, budget: float = 60.0
) -> tuple[list[QueryTiming], dict[str, float]]:
    """Timings per query and engine, and load times (seconds) of the in-memory stores."""
    # rdflib 7.6 warns about its own use of `default_context` on every triple it adds and
    # every query: ignored here, so the baseline is not slowed by warning machinery
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return _compare(store_dir, runs, budget)


def _compare(
    store_dir: Path, runs: int, budget: float
) -> tuple[list[QueryTiming], dict[str, float]]:
    disk = open_store(store_dir)
    data = disk.dump(format=ox.RdfFormat.N_QUADS)
    loads: dict[str, float] = {}
    t = time.perf_counter()
    memory = open_store(store_dir, in_memory=True)
    loads["councilgraph (memory)"] = time.perf_counter() - t
    t = time.perf_counter()
    raw = ox.Store()
    raw.bulk_load(data, format=ox.RdfFormat.N_QUADS)
    loads["raw pyoxigraph"] = time.perf_counter() - t
    from rdflib import Dataset

    t = time.perf_counter()
    dataset = Dataset()
    dataset.parse(data=data, format="nquads")
    loads["rdflib"] = time.perf_counter() - t
    del data
    timings = []
    for name, path in sorted(library().items()):
        query = path.read_text()
        timing = QueryTiming(name)
        engines: dict[str, Callable[[], int]] = {
            "councilgraph (disk)": partial(lambda q: _count(run(disk, q)), query),
            "councilgraph (memory)": partial(lambda q: _count(run(memory, q)), query),
            "raw pyoxigraph": partial(lambda q: _count(raw.query(q)), query),
            "rdflib": partial(lambda q: _count(dataset.query(q)), query),
        }
        for engine, action in engines.items():
            cap = budget if engine == "rdflib" else budget / 4
            ms, rows, stopped = _median_ms(action, runs, cap)
            timing.ms[engine] = ms
            if rows is not None:
                timing.rows[engine] = rows
            if stopped:
                timing.stopped.add(engine)
        timings.append(timing)
    return timings, loads


def ratios(timings: list[QueryTiming]) -> dict[tuple[str, str], float]:
    """Median over queries of (baseline time / councilgraph time), for each baseline and each
    way councilgraph reads its store. A stopped baseline counts at its budget, so a ratio
    with stopped runs in it is a lower bound."""
    out: dict[tuple[str, str], float] = {}
    for baseline in ("rdflib", "raw pyoxigraph"):
        for ours in OURS:
            values = [t.ms[baseline] / t.ms[ours] for t in timings if t.ms.get(ours)]
            if values:
                out[(baseline, ours)] = statistics.median(values)
    return out

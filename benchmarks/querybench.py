"""The query library (graph/queries/*.rq) on three engines over the same N-Quads.

- councilgraph: the built store, through `graph.sparql.run` (pyoxigraph, RocksDB on disk,
  default graph = union of the named graphs);
- rdflib: its default in-memory store, `rdflib.Dataset(default_union=True)` parsed from the
  store's N-Quads, each query run with `dataset.query` (rdflib's own SPARQL engine);
- raw pyoxigraph: an in-memory `pyoxigraph.Store` bulk-loaded from the same N-Quads.

Each query runs `runs` times per engine after one warm-up; rdflib is capped by `budget`
seconds per query (it can take minutes), and what it could not finish is reported, not
guessed. Result row counts are compared so a fast wrong answer cannot pass for a fast one.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import pyoxigraph as ox

from graph.export import dumps
from graph.sparql import library, run
from graph.store import open_store


@dataclass
class QueryTiming:
    name: str
    ms: dict[str, float | None] = field(default_factory=dict)  # engine -> median ms
    rows: dict[str, int] = field(default_factory=dict)


def _count(result: object) -> int:
    if isinstance(result, ox.QuerySolutions | ox.QueryTriples):
        return sum(1 for _ in result)
    if isinstance(result, ox.QueryBoolean):
        return 1
    return len(result)  # type: ignore[arg-type]


def _median_ms(action: Callable[[], int], runs: int, budget: float) -> tuple[float | None, int]:
    started = time.perf_counter()
    rows = action()  # warm-up, and the row count
    times: list[float] = []
    while len(times) < runs and time.perf_counter() - started < budget:
        t = time.perf_counter()
        action()
        times.append((time.perf_counter() - t) * 1000)
    if not times:  # the warm-up alone used the budget: report it as the one measurement
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), rows


def compare(
    store_dir: Path, runs: int = 5, budget: float = 60.0
) -> tuple[list[QueryTiming], dict[str, float]]:
    """Timings per query and engine, and load times (seconds) of the in-memory baselines."""
    store = open_store(store_dir)
    nquads = dumps(store, "nq")
    data = nquads.encode() if isinstance(nquads, str) else nquads
    loads: dict[str, float] = {}
    t = time.perf_counter()
    raw = ox.Store()
    raw.bulk_load(data, format=ox.RdfFormat.N_QUADS)
    loads["raw pyoxigraph"] = time.perf_counter() - t
    from rdflib import Dataset

    t = time.perf_counter()
    dataset = Dataset(default_union=True)
    dataset.parse(data=data, format="nquads")
    loads["rdflib"] = time.perf_counter() - t
    timings = []
    for name, path in sorted(library().items()):
        query = path.read_text()
        timing = QueryTiming(name)
        engines: dict[str, Callable[[], int]] = {
            "councilgraph": partial(lambda q: _count(run(store, q)), query),
            "raw pyoxigraph": partial(
                lambda q: _count(raw.query(q, use_default_graph_as_union=True)), query
            ),
            "rdflib": partial(lambda q: _count(dataset.query(q)), query),
        }
        for engine, action in engines.items():
            cap = budget if engine == "rdflib" else budget / 4
            timing.ms[engine], timing.rows[engine] = _median_ms(action, runs, cap)
        timings.append(timing)
    return timings, loads


def ratios(timings: list[QueryTiming]) -> dict[str, float]:
    """Median over queries of each engine's time / councilgraph's time."""
    out: dict[str, float] = {}
    for engine in ("rdflib", "raw pyoxigraph"):
        values = [
            other / ours
            for t in timings
            if (other := t.ms.get(engine)) and (ours := t.ms.get("councilgraph"))
        ]
        if values:
            out[engine] = statistics.median(values)
    return out

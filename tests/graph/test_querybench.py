"""The query benchmark's engines answer the library over the same data with the same rows,
and a run that passes its budget is stopped and marked, not waited for."""

from __future__ import annotations

import time

from benchmarks.querybench import ENGINES, _median_ms, compare, ratios
from councilgraph.settings import Settings


def test_every_engine_gives_the_same_rows_on_the_corpus(corpus_settings: Settings) -> None:
    timings, loads = compare(corpus_settings.store, runs=1, budget=60)
    assert {t.name[:3] for t in timings} >= {f"q{n:02d}" for n in range(1, 12)}
    for t in timings:
        # rdflib reads the default graph as a set: it agrees only if the store's default
        # graph is the merge of the named graphs (a union would repeat shared triples)
        assert set(t.rows) == set(ENGINES) and len(set(t.rows.values())) == 1, t
        assert not t.stopped
    assert set(loads) == {"councilgraph (memory)", "raw pyoxigraph", "rdflib"}
    assert {key for key in ratios(timings)} == {
        (b, o) for b in ("rdflib", "raw pyoxigraph") for o in ENGINES[:2]
    }


def test_a_run_past_its_budget_is_stopped_and_marked() -> None:
    def slow() -> int:
        end = time.perf_counter() + 5
        while time.perf_counter() < end:  # pure Python, as rdflib's engine is
            pass
        return 1

    started = time.perf_counter()
    ms, rows, stopped = _median_ms(slow, runs=3, budget=0.3)
    assert stopped and rows is None and ms == 300
    assert time.perf_counter() - started < 2

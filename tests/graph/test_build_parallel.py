"""A large build runs similarity in a second process (or, for very many recommendations,
split over one per core) and loads documents in a pool: the triples must be exactly those
of the one-process path."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.synth.corpus import generate
from councilgraph.settings import Settings
from graph import build as build_module
from graph.build import build
from graph.store import current_build


def test_parallel_build_gives_the_same_bytes_as_the_serial_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    generate(corpus, scale=0.03, seed=7)
    parallel = Settings(corpus=corpus, store=tmp_path / "parallel")
    monkeypatch.setattr(build_module, "PARALLEL_SIMILARITY", 10)
    monkeypatch.setattr(build_module, "POOL_MIN_DOCUMENTS", 2)
    build(parallel)
    split = Settings(corpus=corpus, store=tmp_path / "split")
    monkeypatch.setattr(build_module, "SPLIT_SIMILARITY", 10)
    monkeypatch.setattr(build_module.os, "cpu_count", lambda: 3)  # shares of unequal ends
    build(split)
    monkeypatch.undo()
    serial = Settings(corpus=corpus, store=tmp_path / "serial")
    monkeypatch.setattr(build_module, "PARALLEL_SIMILARITY", 10**9)
    monkeypatch.setattr(build_module, "POOL_MIN_DOCUMENTS", 10**9)
    build(serial)
    first, second = current_build(parallel.store).metadata, current_build(serial.store).metadata
    assert first["content_sha256"] == second["content_sha256"]
    assert current_build(split.store).metadata["content_sha256"] == second["content_sha256"]
    assert int(first["records"]["Recommendation"]) > 500

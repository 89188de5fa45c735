"""Shared fixtures: settings pointing at temporary stores, and one build of the bundled corpus."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from councilgraph.settings import BUNDLED_CORPUS, Settings


@pytest.fixture(scope="session")
def corpus_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings whose store holds a build of the bundled corpus (built once per session)."""
    from graph.build import build

    store = tmp_path_factory.mktemp("store")
    settings = Settings(corpus=BUNDLED_CORPUS, store=store)
    build(settings, strict=True)
    return settings


@pytest.fixture(scope="session")
def corpus_store(corpus_settings: Settings) -> ox.Store:
    """The bundled corpus's store, opened read-only."""
    from graph.store import open_store

    return open_store(corpus_settings.store)


@pytest.fixture()
def tmp_settings(tmp_path: Path) -> Settings:
    """Settings with an empty store of their own, over a copy-able empty corpus."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    return Settings(corpus=corpus, store=tmp_path / "store")

"""Shared fixtures: settings pointing at temporary stores, one build of the bundled corpus,
and one of tests/data/tenure (posts that change hands over several years)."""

from __future__ import annotations

import shutil
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


TENURE = Path(__file__).resolve().parent / "data" / "tenure"


@pytest.fixture(scope="session")
def tenure_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings whose store holds a build of tests/data/tenure (three LGA papers on Harlow,
    three London Councils papers, a partnerships register), built once per session."""
    from graph.build import build

    corpus = tmp_path_factory.mktemp("tenure") / "corpus"
    shutil.copytree(TENURE / "documents", corpus / "documents")
    (corpus / "registers").mkdir()
    for name in ("local-authorities.csv", "aliases.yaml"):
        shutil.copy(BUNDLED_CORPUS / "registers" / name, corpus / "registers" / name)
    for register in (TENURE / "registers").iterdir():
        shutil.copy(register, corpus / "registers" / register.name)
    settings = Settings(corpus=corpus, store=tmp_path_factory.mktemp("tenure-store"))
    build(settings)
    return settings


@pytest.fixture(scope="session")
def tenure_store(tenure_settings: Settings) -> ox.Store:
    from graph.store import open_store

    return open_store(tenure_settings.store)

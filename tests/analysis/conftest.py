"""A build of the bundled corpus plus a 2023 report for Kent whose key recommendations
paraphrase three made to Islington and Tower Hamlets (and one unrelated), and a live server."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from councilgraph.settings import BUNDLED_CORPUS, Settings
from tests.api.conftest import LiveServer

DATA = Path(__file__).resolve().parents[1] / "data"
KENT = DATA / "peer-challenge-report" / "kent-corporate-peer-challenge-2023.md"


@pytest.fixture(scope="session")
def analysis_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    from graph.build import build

    root = tmp_path_factory.mktemp("analysis")
    corpus = root / "corpus"
    shutil.copytree(BUNDLED_CORPUS, corpus)
    shutil.copy(KENT, corpus / "documents" / KENT.name)
    settings = Settings(corpus=corpus, store=root / "store")
    build(settings, strict=True)
    return settings


@pytest.fixture(scope="session")
def analysis_store(analysis_settings: Settings) -> ox.Store:
    from graph.store import open_store

    return open_store(analysis_settings.store)


@pytest.fixture(scope="session")
def analysis_client(analysis_settings: Settings) -> Iterator[httpx.Client]:
    """The real app with the analysis router mounted, served by uvicorn on loopback."""
    from api.app import create_app
    from api.routes import analysis

    app = create_app(analysis_settings, sparql_workers=1)
    app.include_router(analysis.router)
    with (
        LiveServer(analysis_settings, app=app) as live,
        httpx.Client(base_url=live.url, timeout=30) as client,
    ):
        yield client

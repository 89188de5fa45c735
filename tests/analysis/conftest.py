"""A build of the bundled corpus plus a 2023 report for Kent whose key recommendations
paraphrase three made to Islington and Tower Hamlets (and one unrelated), and a live server."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
import uvicorn

from councilgraph.settings import BUNDLED_CORPUS, Settings

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


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def analysis_client(analysis_settings: Settings) -> Iterator[httpx.Client]:
    """The real app with the analysis router mounted, served by uvicorn on loopback."""
    from api.app import create_app
    from api.routes import analysis

    app = create_app(analysis_settings, sparql_workers=1)
    app.include_router(analysis.router)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the analysis test server did not start")
        time.sleep(0.05)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            yield client
    finally:
        server.should_exit = True
        thread.join(timeout=30)

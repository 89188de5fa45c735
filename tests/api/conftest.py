"""A real uvicorn server on a free loopback port, over the corpus build (and one over W3C data)."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from api.app import create_app
from councilgraph.settings import Settings

# vendored with its licence, so a bare clone runs the protocol tests
W3C_PROTOCOL = Path(__file__).resolve().parents[1] / "data" / "w3c-sparql-protocol"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LiveServer:
    """uvicorn in a thread; `url` is its base. Stopped by setting should_exit, as Ctrl-C would.
    Serves the API made from `settings`, or `app` where a test mounts routers of its own."""

    def __init__(
        self, settings: Settings, sparql_workers: int = 2, *, app: FastAPI | None = None
    ) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.app = app if app is not None else create_app(settings, sparql_workers=sparql_workers)
        config = uvicorn.Config(
            self.app,
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 60
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)


@pytest.fixture(scope="session")
def api_settings(request: pytest.FixtureRequest) -> Settings:
    """The corpus build; COUNCILGRAPH_API_TEST_STORE points at a prebuilt store to skip building."""
    prebuilt = os.environ.get("COUNCILGRAPH_API_TEST_STORE")
    if prebuilt:
        return Settings(store=Path(prebuilt), query_timeout=2.0, result_row_cap=500)
    corpus: Settings = request.getfixturevalue("corpus_settings")
    return corpus.model_copy(update={"query_timeout": 2.0, "result_row_cap": 500})


@pytest.fixture(scope="session")
def server(api_settings: Settings) -> Iterator[LiveServer]:
    with LiveServer(api_settings) as live:
        yield live


@pytest.fixture(scope="session")
def client(server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as http:
        yield http


@pytest.fixture(scope="session")
def w3c_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A server over the W3C protocol data, each file loaded as the named graph the manifest gives."""
    import pyoxigraph as ox

    from graph.store import STORE_FORMAT, new_build_dir, publish, write_quads

    store_dir = tmp_path_factory.mktemp("w3c-store")
    quads = []
    for number in (1, 2, 3):
        graph = ox.NamedNode(f"http://kasei.us/2009/09/sparql/data/data{number}.rdf")
        for triple in ox.parse(
            path=str(W3C_PROTOCOL / f"data{number}.nt"), format=ox.RdfFormat.N_TRIPLES
        ):
            quads.append(ox.Quad(triple.subject, triple.predicate, triple.object, graph))
            # the default graph is the merge of the named graphs, as a build makes it
            quads.append(ox.Quad(triple.subject, triple.predicate, triple.object))
    build_dir = new_build_dir(store_dir)
    write_quads(build_dir, ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"").flush()
    publish(
        store_dir,
        build_dir,
        "w3c",
        {"source": "W3C SPARQL 1.1 Protocol tests", "store_format": STORE_FORMAT},
    )
    with LiveServer(Settings(store=store_dir)) as live:
        yield live

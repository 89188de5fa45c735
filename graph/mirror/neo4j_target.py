"""The Neo4j 5 writer, with the official driver: managed transactions, retried on transient errors.

`session.execute_write` retries deadlocks, leader changes and lost connections for up to
`max_transaction_retry_time`; each UNWIND batch is one such transaction, so a retried
batch is applied once. The uniqueness constraint is Neo4j 5 syntax (`REQUIRE ... IS UNIQUE`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from councilgraph.errors import MirrorError
from graph.mirror.targets import Credentials, plain, redact

RETRY_SECONDS = 30.0
CONSTRAINT = (
    "CREATE CONSTRAINT councilgraph_resource_uri IF NOT EXISTS "
    "FOR (n:Resource) REQUIRE n.uri IS UNIQUE"
)
HAS_CONSTRAINT = (
    "SHOW CONSTRAINTS YIELD type, entityType, labelsOrTypes, properties "
    "WHERE type IN ['UNIQUENESS', 'NODE_KEY'] AND entityType = 'NODE' "
    "AND labelsOrTypes = ['Resource'] AND properties = ['uri'] RETURN count(*)"
)


class Neo4jTarget:
    def __init__(self, uri: str, credentials: Credentials, *, database: str | None = None) -> None:
        import neo4j

        self.name = redact(uri)
        self._database = database
        auth = (
            (credentials.username or "neo4j", credentials.password)
            if credentials.password
            else None
        )
        try:
            self._driver = neo4j.GraphDatabase.driver(
                uri, auth=auth, max_transaction_retry_time=RETRY_SECONDS
            )
            self._driver.verify_connectivity()
        except Exception as exc:
            # the driver's messages can echo the URI; say only what kind of failure it was
            raise MirrorError(
                f"cannot connect to Neo4j at {self.name}: {type(exc).__name__}",
                hint="check the URI, NEO4J_USERNAME and NEO4J_PASSWORD",
            ) from None

    def _session(self) -> Any:
        return (
            self._driver.session(database=self._database)
            if self._database
            else self._driver.session()
        )

    def ensure_schema(self) -> bool:
        if self.read(HAS_CONSTRAINT)[0][0]:
            return False
        self.write(CONSTRAINT, {})
        return True

    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[list[Any]]:
        def work(tx: Any) -> list[list[Any]]:
            return [
                [plain(v) for v in record.values()] for record in tx.run(query, dict(params or {}))
            ]

        try:
            with self._session() as session:
                rows: list[list[Any]] = session.execute_read(work)
                return rows
        except Exception as exc:
            raise MirrorError(f"{self.name}: read failed: {type(exc).__name__}: {exc}") from exc

    def write(self, query: str, params: Mapping[str, Any]) -> None:
        def work(tx: Any) -> None:
            tx.run(query, dict(params)).consume()

        try:
            with self._session() as session:
                session.execute_write(work)
        except Exception as exc:
            raise MirrorError(f"{self.name}: write failed: {type(exc).__name__}: {exc}") from exc

    def drop(self) -> None:
        """Delete every :Resource node (tests and benchmarks start from nothing)."""
        # CALL ... IN TRANSACTIONS needs an auto-commit transaction, not a managed one
        with self._session() as session:
            session.run(
                "MATCH (n:Resource) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
            ).consume()

    def close(self) -> None:
        self._driver.close()

"""The error tree every layer raises; the CLI and the API turn these into messages.

CouncilGraphError
├── LoaderError(source, location)      a document cannot be read or makes no sense
│   └── ResolutionError                a name in a source names nothing we know
├── RegisterError(file, row, column)   a bad row in a CSV or YAML register
├── OntologyError                      the graph does not conform to the SHACL shapes
├── StoreError                         no store, or a store that cannot be opened or switched
├── MirrorError                        a Neo4j / FalkorDB sync failed
└── QueryError                         a SPARQL or Cypher query was refused or failed
"""

from __future__ import annotations

from pathlib import Path


class CouncilGraphError(Exception):
    """Base of every error councilgraph raises on purpose."""

    hint: str = ""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        if hint:
            self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class LoaderError(CouncilGraphError):
    """A source document cannot be read; names the file and the place in it."""

    def __init__(self, source: Path | str, location: str, message: str, *, hint: str = "") -> None:
        self.source = str(source)
        self.location = location
        self.reason = message
        where = f"{self.source}, {location}" if location else self.source
        super().__init__(f"{where}: {message}", hint=hint)


class ResolutionError(LoaderError):
    """A source names a council or organisation that cannot be identified."""


class RegisterError(CouncilGraphError):
    """A register row is invalid; names the file, the row (1 = header) and the column."""

    def __init__(
        self, file: Path | str, row: int | None, column: str | None, message: str, *, hint: str = ""
    ) -> None:
        self.file = str(file)
        self.row = row
        self.column = column
        place = ", ".join(
            part
            for part in (
                f"row {row}" if row is not None else "",
                f"column {column!r}" if column else "",
            )
            if part
        )
        super().__init__(f"{self.file}{', ' + place if place else ''}: {message}", hint=hint)


class OntologyError(CouncilGraphError):
    """The built graph does not conform to the shapes, or the ontology files are broken."""

    def __init__(self, message: str, *, report: str = "", hint: str = "") -> None:
        self.report = report
        super().__init__(message, hint=hint)


class StoreError(CouncilGraphError):
    """The store is missing, locked or cannot be switched to a new build."""


class MirrorError(CouncilGraphError):
    """A property-graph mirror could not be written or checked."""


class QueryError(CouncilGraphError):
    """A query was malformed, refused (updates, SERVICE, LOAD) or timed out."""

    def __init__(
        self, message: str, *, status: int = 400, hint: str = "", retry_after: int | None = None
    ) -> None:
        self.status = status
        self.retry_after = retry_after  # seconds, for a 503 the client may retry
        super().__init__(message, hint=hint)

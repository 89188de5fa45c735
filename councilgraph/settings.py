"""One typed settings object, read from arguments and COUNCILGRAPH_* environment variables."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_CORPUS = REPO_ROOT / "corpus"


def default_store() -> Path:
    """`$XDG_DATA_HOME/councilgraph/store`, i.e. `~/.local/share/councilgraph/store` by default."""
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "councilgraph" / "store"


class Settings(BaseSettings):
    """Everything configurable; built once by the CLI or `create_app` and passed down."""

    model_config = SettingsConfigDict(env_prefix="COUNCILGRAPH_", frozen=True)

    base_iri: str = "https://w3id.org/councilgraph/"
    corpus: Path = BUNDLED_CORPUS
    store: Path = Field(default_factory=default_store)
    sparql_endpoint: str | None = None  # serve from a remote SPARQL endpoint instead of `store`
    in_memory: bool = False  # serve from an in-memory copy of the store (faster, more memory)
    query_timeout: float = 10.0
    result_row_cap: int = 10_000
    query_queue: int = 64  # SPARQL queries waiting at most; a full queue answers 503 at once
    max_body_bytes: int = 1_000_000  # largest SPARQL POST body (413 past it)
    max_query_depth: int = 100  # deepest nesting of groups and brackets in a query (400 past it)
    cache_bytes: int = 64_000_000  # answers kept per build, in bytes (0: keep none)
    cors_origins: tuple[str, ...] = ()
    # /leads and `councilgraph leads`: a post with no known end counts as current only while
    # its latest statement (or its start) is at most this many years before the date asked.
    leads_window_years: int = Field(default=3, ge=0, le=100)
    neo4j_username: str = Field(default="neo4j", validation_alias="NEO4J_USERNAME")
    neo4j_password: SecretStr | None = Field(default=None, validation_alias="NEO4J_PASSWORD")

    @property
    def things(self) -> str:
        """Where minted IRIs live (`{base}id/{kind}/{key}`); the vocabulary stays fixed at cg:."""
        return self.base_iri + "id/"

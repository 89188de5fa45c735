"""`councilgraph serve`: the REST API, SPARQL endpoint, query page and linked data on uvicorn."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        store: Annotated[
            Path | None,
            typer.Option(
                "--store",
                help="Store directory (default: $COUNCILGRAPH_STORE or ~/.local/share/councilgraph/store)",
            ),
        ] = None,
        host: Annotated[str, typer.Option("--host", help="Interface to listen on")] = "127.0.0.1",
        port: Annotated[int, typer.Option("--port", help="TCP port")] = 8000,
        cors: Annotated[
            list[str] | None, typer.Option("--cors", help="Allowed CORS origin (repeatable)")
        ] = None,
        workers: Annotated[
            int | None,
            typer.Option(
                "--sparql-workers", help="SPARQL queries run at once (default: CPUs, at most 4)"
            ),
        ] = None,
        in_memory: Annotated[
            bool,
            typer.Option(
                "--in-memory",
                help="Serve from one in-memory copy of the build: faster, more memory "
                "(made in the background; the build on disk answers meanwhile)",
            ),
        ] = False,
        query_timeout: Annotated[
            float | None,
            typer.Option(
                "--query-timeout",
                help="Seconds a query may take, time in the queue included "
                "(default: $COUNCILGRAPH_QUERY_TIMEOUT or 10)",
            ),
        ] = None,
        sparql_endpoint: Annotated[
            str | None,
            typer.Option(
                "--sparql-endpoint",
                help="Serve from a remote SPARQL 1.1 endpoint (e.g. an Oxigraph server's /query) "
                "instead of --store, so several API processes share one store",
            ),
        ] = None,
    ) -> None:
        """Serve the graph over HTTP: REST at /leads ..., SPARQL at /sparql, a query page at /."""
        import uvicorn

        from api.app import create_app
        from api.cli import guarded, settings_for
        from councilgraph.redact import redact
        from graph.store import current_build

        overrides: dict[str, object] = {"cors_origins": tuple(cors)} if cors else {}
        if query_timeout is not None:
            overrides["query_timeout"] = query_timeout
        if in_memory:
            overrides["in_memory"] = True
        if sparql_endpoint:
            overrides["sparql_endpoint"] = sparql_endpoint
        settings = settings_for(store, **overrides)
        if not settings.sparql_endpoint:
            guarded(lambda: current_build(settings.store))  # a clear message before binding
        source = redact(settings.sparql_endpoint) if settings.sparql_endpoint else settings.store
        memory = ", answering from disk until the in-memory copy is made" if in_memory else ""
        typer.echo(f"serving {source} on http://{host}:{port}/ (SPARQL at /sparql{memory})")
        uvicorn.run(
            create_app(settings, sparql_workers=workers), host=host, port=port, log_level="info"
        )

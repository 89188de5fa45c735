"""`councilgraph push --sparql-store URL`: send the current build to a Graph Store service."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    @app.command()
    def push(
        sparql_store: Annotated[
            str,
            typer.Option(
                "--sparql-store", help="Graph Store Protocol URL, e.g. http://host:7878/store"
            ),
        ],
        store: Annotated[
            Path | None, typer.Option("--store", help="Store directory (default: settings)")
        ] = None,
    ) -> None:
        """Send each named graph to a SPARQL 1.1 Graph Store service, replacing only graphs that changed."""
        from rich.progress import Progress

        from councilgraph.errors import CouncilGraphError
        from councilgraph.redact import redact
        from councilgraph.settings import Settings
        from graph.remote import GraphStore
        from graph.remote import push as push_graphs
        from graph.store import open_store

        settings = Settings(store=store) if store else Settings()
        try:
            local = open_store(settings.store)
            with Progress(transient=True) as bar:
                task = bar.add_task("pushing", total=None)

                def progress(what: str, done: int, total: int) -> None:
                    bar.update(
                        task, completed=done, total=total, description=what.rsplit("/", 1)[-1][:40]
                    )

                report = push_graphs(local, GraphStore(sparql_store), settings.things, progress)
        except CouncilGraphError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1) from exc
        typer.echo(
            f"sent {len(report.sent)} graphs ({report.triples_sent:,} triples), "
            f"{len(report.unchanged)} unchanged, {len(report.deleted)} deleted, to {redact(sparql_store)}"
        )

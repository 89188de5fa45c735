"""`councilgraph mirror --target URI`: make a Neo4j or FalkorDB graph equal the RDF store.

councilgraph mirror --target bolt://localhost:7687             (NEO4J_USERNAME / NEO4J_PASSWORD)
councilgraph mirror --target falkor://localhost:6379/councilgraph
councilgraph mirror --target ... --check                       (exit 1 if they differ)
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from api.cli import err, guarded, out, settings_for

TargetOpt = Annotated[
    str, typer.Option("--target", help="bolt://, neo4j://, neo4j+s:// or falkor://host:port/graph")
]


def register(app: typer.Typer) -> None:
    @app.command()
    def mirror(
        target: TargetOpt,
        store: Annotated[Path | None, typer.Option("--store", help="Store directory")] = None,
        check: Annotated[
            bool, typer.Option("--check", help="Compare only; exit 1 on a difference")
        ] = False,
        username: Annotated[
            str | None, typer.Option("--username", help="Default: $NEO4J_USERNAME")
        ] = None,
        password: Annotated[
            str | None, typer.Option("--password", help="Default: $NEO4J_PASSWORD")
        ] = None,
        database: Annotated[
            str | None, typer.Option("--database", help="Neo4j database (default: the server's)")
        ] = None,
        sample: Annotated[
            int, typer.Option("--sample", min=0, help="Nodes and relationships --check samples")
        ] = 1000,
        batch_size: Annotated[
            int, typer.Option("--batch-size", min=1, help="Rows per UNWIND transaction")
        ] = 1000,
        as_json: Annotated[
            bool, typer.Option("--json", help="Machine-readable JSON output")
        ] = False,
    ) -> None:
        """Mirror the graph into Neo4j or FalkorDB (a true sync), or --check that it matches."""
        from graph.mirror import Credentials, open_target, project_store
        from graph.mirror.targets import NEO4J_SCHEMES
        from graph.store import open_store

        settings = settings_for(store)
        credentials = Credentials(username, password)
        if target.split(":", 1)[0].lower() in NEO4J_SCHEMES:  # NEO4J_* are for Neo4j only
            secret = settings.neo4j_password.get_secret_value() if settings.neo4j_password else None
            credentials = Credentials(username or settings.neo4j_username, password or secret)

        def body() -> dict[str, Any]:
            projection = project_store(open_store(settings.store))
            graph = open_target(target, credentials, database=database)
            try:
                return (
                    _check(projection, graph, sample)
                    if check
                    else _sync(projection, graph, batch_size, as_json)
                )
            finally:
                graph.close()

        summary = guarded(body)
        if as_json:
            out.print_json(json.dumps(summary, default=str))
        else:
            _print(summary)
        if check and summary["differences"]:
            raise typer.Exit(1)


def _sync(projection: Any, graph: Any, batch_size: int, quiet: bool) -> dict[str, Any]:
    from graph.mirror import sync

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=quiet or not err.is_terminal,
    ) as progress:
        task = progress.add_task("reading the target", total=None)

        def report(what: str, done: int, total: int) -> None:
            progress.update(task, description=what, completed=done, total=total)

        result = sync(projection, graph, batch_size=batch_size, progress=report)
    return {
        "target": result.target,
        "nodes": result.nodes,
        "relationships": result.relationships,
        "changes": result.counts,
        "batches": result.batches,
        "schema_created": result.schema_created,
        "wrote_nothing": result.wrote_nothing,
        "seconds": round(result.seconds, 3),
    }


def _check(projection: Any, graph: Any, sample: int) -> dict[str, Any]:
    from graph.mirror import check

    result = check(projection, graph, sample=sample)
    return {
        "target": result.target,
        "labels": result.labels,
        "types": result.types,
        "sampled_nodes": result.sampled_nodes,
        "sampled_relationships": result.sampled_relationships,
        "differences": result.differences,
    }


def _print(summary: dict[str, Any]) -> None:
    if "differences" in summary:
        if not summary["differences"]:
            out.print(
                f"[green]in sync[/] {summary['target']}: counts for {len(summary['labels'])} "
                f"labels and {len(summary['types'])} relationship types match; "
                f"{summary['sampled_nodes']} nodes and "
                f"{summary['sampled_relationships']} relationships sampled"
            )
            return
        out.print(f"[red]differs[/] {summary['target']}: {len(summary['differences'])} differences")
        for line in summary["differences"][:50]:
            out.print(f"  {line}", markup=False, highlight=False)
        return
    if summary["wrote_nothing"]:
        out.print(
            f"[green]nothing to write[/]: {summary['target']} already equals the projection "
            f"({summary['nodes']:,} nodes, {summary['relationships']:,} relationships)"
        )
        return
    changes = ", ".join(f"{n:,} {what}" for what, n in summary["changes"].items() if n)
    out.print(
        f"[green]mirrored[/] to {summary['target']} in {summary['seconds']:.1f} s "
        f"({summary['batches']} batches): {changes or 'constraint created'}"
    )

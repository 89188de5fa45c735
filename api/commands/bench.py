"""`councilgraph bench`: the benchmark harness (benchmarks/harness.py) from the CLI."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    @app.command()
    def bench(
        scales: Annotated[
            str | None, typer.Option("--scales", help="comma-separated, e.g. 0.1,1,10")
        ] = None,
        quick: Annotated[bool, typer.Option("--quick", help="small scales, short runs")] = False,
        out: Annotated[Path, typer.Option("--out", help="where to write the report")] = Path(
            "BENCHMARKS.md"
        ),
        work: Annotated[
            Path | None, typer.Option("--work", help="directory for corpora and stores")
        ] = None,
    ) -> None:
        """Generate synthetic corpora, measure build, queries, API, mirror and maps; write BENCHMARKS.md."""
        try:
            from benchmarks.harness import main
        except ModuleNotFoundError as exc:  # an installed wheel ships no benchmarks/
            raise typer.BadParameter(
                "run from a source checkout: benchmarks/ is not installed"
            ) from exc
        argv = (
            ["--out", str(out)]
            + (["--scales", scales] if scales else [])
            + (["--quick"] if quick else [])
        )
        main(argv + (["--work", str(work)] if work else []))

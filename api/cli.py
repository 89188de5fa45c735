"""The `councilgraph` command line: build, query, export, validate, stats (and more, by issue).

Output is for people (rich tables, progress); `--json` or `--format json` is for programs.
Every error councilgraph raises on purpose becomes one red line and a non-zero exit.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from councilgraph.errors import CouncilGraphError, OntologyError
from councilgraph.settings import Settings

if TYPE_CHECKING:
    from graph.sparql import Bindable

app = typer.Typer(
    name="councilgraph",
    help="A knowledge graph of English councils, peer challenges and who leads what.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)
T = TypeVar("T")

StoreOpt = Annotated[
    Path | None,
    typer.Option(
        "--store",
        help="Store directory (default: $COUNCILGRAPH_STORE or ~/.local/share/councilgraph/store)",
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output")]


def settings_for(store: Path | None = None, **overrides: Any) -> Settings:
    values = {k: v for k, v in overrides.items() if v is not None}
    if store is not None:
        values["store"] = store
    return Settings(**values)


def guarded(action: Callable[[], T]) -> T:
    """Run a command body; a CouncilGraphError becomes a clear message and exit code 1."""
    try:
        return action()
    except OntologyError as exc:
        err.print(f"[bold red]error:[/] {exc}")
        if exc.report:
            err.print(exc.report[:4000], markup=False, highlight=False)
        raise typer.Exit(1) from exc
    except CouncilGraphError as exc:
        err.print(f"[bold red]error:[/] {exc}", markup=True, highlight=False)
        raise typer.Exit(1) from exc


@app.command()
def build(
    corpus: Annotated[
        Path | None, typer.Option("--corpus", help="Corpus directory (default: the bundled corpus)")
    ] = None,
    store: StoreOpt = None,
    genre: Annotated[
        list[str] | None, typer.Option("--genre", help="Force a loader: FILE=GENRE (repeatable)")
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Stop at the first document that cannot be read")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Build the graph from a corpus of documents and registers; all or nothing. A document
    that cannot be read is skipped and reported (--strict: the build stops instead)."""
    from graph.build import build as run_build

    settings = settings_for(store, corpus=corpus)
    genres = dict(item.split("=", 1) for item in genre or [] if "=" in item)

    def body() -> Any:
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=True,
            disable=as_json or not err.is_terminal,
        ) as progress:
            task = progress.add_task("loading", total=None)

            def report(what: str, done: int, total: int) -> None:
                progress.update(task, description=what, completed=done, total=total or None)

            return run_build(settings, genres=genres, progress=report, strict=strict)

    result = guarded(body)
    summary = {
        "store": str(settings.store),
        "build": str(result.build.path),
        "triples": result.triples,
        "graphs": result.graphs,
        "documents": result.documents,
        "registers": result.registers,
        "records": result.records,
        "seconds": result.seconds,
        "peak_memory_mb": result.peak_memory_mb,
        "counts": result.counts,
        "skipped": [entry.as_dict() for entry in result.skipped],
        "organisations_not_in_register": result.unmatched,
    }
    if as_json:
        out.print_json(json.dumps(summary))
        return
    skipped = len(result.skipped)
    tail = f"; {skipped} skipped, see below and build.json" if skipped else ""
    out.print(
        f"[green]built[/] {result.triples:,} triples in {result.graphs} graphs from "
        f"{result.documents - skipped} documents and {result.registers} registers "
        f"in {result.seconds:.1f} s (peak memory {result.peak_memory_mb:.0f} MB){tail}"
    )
    for entry in result.skipped:
        out.print(f"[yellow]skipped[/] {escape(str(entry))}")
    for found in result.unmatched:
        if found["warning"]:
            nearest = ", ".join(found["suggestions"]) or "none close"
            out.print(
                f"[yellow]warning[/] {escape(found['name'])!r} ({found['document']}, "
                f"{escape(found['location'])}) looks like an English council but is not in the "
                f"register; kept as an organisation (nearest: {escape(nearest)})"
            )
    plain = sum(1 for found in result.unmatched if not found["warning"])
    if plain:
        out.print(f"{plain} organisations not in the register of councils (listed in build.json)")
    out.print(f"store: {settings.store}")


@app.command()
def query(
    query_or_file: Annotated[
        str,
        typer.Argument(
            metavar="QUERY_OR_FILE", help="SPARQL text, a .rq file, or a library name such as q04"
        ),
    ],
    store: StoreOpt = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="table | json | csv | tsv | xml (SELECT/ASK); ttl | nt | jsonld (CONSTRUCT)",
        ),
    ] = "table",
    bind: Annotated[
        list[str] | None,
        typer.Option(
            "--bind",
            "-b",
            metavar="NAME=VALUE",
            help="bind ?NAME to VALUE (an integer, true/false, <IRI>, or text); repeatable",
        ),
    ] = None,
) -> None:
    """Run a SPARQL query against the graph (default graph = union of all sources)."""
    from graph import sparql
    from graph.results import render

    settings = settings_for(store)

    def body() -> None:
        from graph.store import open_store

        text = _query_text(query_or_file)
        result = sparql.run(open_store(settings.store), text, _bindings(bind or []))
        sys.stdout.write(render(result, fmt, console=out))

    guarded(body)


def _bindings(pairs: list[str]) -> dict[str, Bindable]:
    """`--bind atLeast=3` -> {"atLeast": 3}: integers and true/false typed, <...> an IRI."""
    import pyoxigraph as ox

    from councilgraph.errors import QueryError

    bound: dict[str, Bindable] = {}
    for pair in pairs:
        name, _, value = pair.partition("=")
        name = name.strip().removeprefix("?")
        if not name.isidentifier() or not _:
            raise QueryError(f"--bind {pair!r}: write NAME=VALUE, e.g. --bind atLeast=3")
        if value.startswith("<") and value.endswith(">"):
            try:
                bound[name] = ox.NamedNode(value[1:-1])
            except ValueError as exc:
                raise QueryError(f"--bind {pair!r}: not an IRI ({exc})") from exc
        elif value.lstrip("-").isdigit():
            bound[name] = int(value)
        elif value in ("true", "false"):
            bound[name] = value == "true"
        else:
            bound[name] = value
    return bound


def _query_text(query_or_file: str) -> str:
    from graph import sparql

    path = Path(query_or_file)
    if path.suffix == ".rq" and path.exists():
        return path.read_text()
    if query_or_file in sparql.library() or any(
        stem.startswith(query_or_file + "-") for stem in sparql.library()
    ):
        return sparql.named_query(query_or_file)
    return query_or_file


@app.command()
def export(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="nq | trig | ttl | nt | jsonld | rdfxml")
    ] = "nq",
    output: Annotated[
        Path | None, typer.Option("--out", "-o", help="File to write (default: stdout)")
    ] = None,
    graph: Annotated[
        str | None, typer.Option("--graph", help="Only this named graph (IRI)")
    ] = None,
    store: StoreOpt = None,
) -> None:
    """Export the graph: N-Quads/TriG keep the named graphs; Turtle/JSON-LD give the union."""
    from graph.export import FORMATS, dumps
    from graph.store import open_store

    if fmt not in FORMATS:
        err.print(f"[red]error:[/] unknown format {fmt!r}; one of {', '.join(FORMATS)}")
        raise typer.Exit(2)
    settings = settings_for(store)
    data = guarded(lambda: dumps(open_store(settings.store), fmt, graph=graph))
    if output:
        output.write_bytes(data)
        err.print(f"wrote {len(data):,} bytes to {output}")
    else:
        sys.stdout.buffer.write(data)


@app.command()
def validate(store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """Validate the built graph against the SHACL shapes; exit 1 if it does not conform."""
    from graph.store import open_store
    from graph.validate import store_union, validate_graph

    settings = settings_for(store)

    def body() -> Any:
        union = store_union(open_store(settings.store))
        return validate_graph(union), len(union)

    result, size = guarded(body)
    if as_json:
        out.print_json(
            json.dumps({"conforms": result.conforms, "results": result.results, "triples": size})
        )
    elif result.conforms:
        out.print(f"[green]conforms[/]: {size:,} triples checked against the shapes")
    else:
        out.print(result.report, markup=False, highlight=False)
        err.print(f"[red]does not conform[/]: {result.results} results")
    if not result.conforms:
        raise typer.Exit(1)


@app.command()
def stats(store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """Triples, named graphs and things by class in the built graph."""
    from graph.stats import stats as compute
    from graph.store import open_store

    settings = settings_for(store)
    data = guarded(lambda: compute(open_store(settings.store), settings.store))
    if as_json:
        out.print_json(json.dumps(data))
        return
    build = data["build"]
    out.print(f"[bold]{data['triples']:,}[/] triples, built {build['built_at']} in {build['path']}")
    if build.get("documents") is not None:
        skipped = build["skipped"]
        out.print(
            f"{build['documents'] - len(skipped)} documents read, {len(skipped)} skipped; "
            f"{build['organisations_not_in_register']} organisations not in the register of councils"
        )
        for entry in skipped:
            where = f" ({entry['location']})" if entry["location"] else ""
            out.print(
                f"  [yellow]skipped[/] {escape(entry['file'])}{escape(where)}: {escape(entry['reason'])}"
            )
    table = Table("class", "count", title="Things")
    for name, count in data["things"].items():
        table.add_row(name, str(count))
    out.print(table)
    graphs = Table("named graph", "triples", title="Graphs")
    for name, count in data["graphs"].items():
        graphs.add_row(name, f"{count:,}")
    out.print(graphs)


def main() -> None:
    from api.commands import register_all

    register_all(app)
    app()


if __name__ == "__main__":
    main()

"""`councilgraph map` and `councilgraph reliance`: workshop maps and the numbers behind them.

councilgraph map organisations --out organisations.html [--size-by betweenness] [--present]
councilgraph map peer-challenges | leads | people | council:E09000019 --out FILE.html
councilgraph map leads --on 2019-06-01 --out leads.html [--allow-empty] [--json]
councilgraph reliance [--on 2018-03-21] [--window 3] [--json | --csv]

Both show each step on stderr as it runs (reading the store, reliance, layout ...). A map
with no nodes on its date says why and exits 1, writing nothing, unless --allow-empty.
Links count on a date only when live on it by /leads's rule (graph.live), with the same
window (--window, default the leads_window_years setting); without --on, every link live on
some date, a person joining only what they held at once.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from api.cli import err, guarded, out, settings_for
from visualisations.steps import Steps

StoreOpt = Annotated[Path | None, typer.Option("--store", help="Store directory")]
PAIR_COLUMNS = ("a_label", "b_label", "people", "kinds", "connectivity", "hangs_on", "bridge")


def _pair_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {key: ("; ".join(p[key]) if key in ("people", "kinds") else p[key]) for key in PAIR_COLUMNS}
        for p in data["pairs"]
    ]


def _when(data: dict[str, Any]) -> str:
    return f"on {data['on']}" if data.get("on") else "on any date"


def _print_tables(data: dict[str, Any]) -> None:
    pairs = Table(
        "organisation",
        "organisation",
        "people",
        "kinds of link",
        "connectivity",
        "hangs on",
        "bridge",
        title=f"Organisations linked {_when(data)}, weakest first"
        " (connectivity = fewest people to cut them apart)",
    )
    for row in _pair_rows(data):
        pairs.add_row(
            row["a_label"],
            row["b_label"],
            row["people"],
            row["kinds"],
            str(row["connectivity"]),
            row["hangs_on"] or "",
            "yes" if row["bridge"] else "",
        )
    out.print(pairs)
    _print_carried(data)
    people = Table("person", title="People the network splits at (articulation points)")
    for item in data["articulation_people"]:
        people.add_row(item["name"])
    out.print(people)
    shares = Table(
        "organisation",
        "outside links",
        "best-connected person",
        "share",
        title="Share of each organisation's outside links carried by one person",
    )
    for s in data["organisations"]:
        shares.add_row(s["label"], str(s["outside_links"]), s["top_person"], f"{s['share']:.0%}")
    out.print(shares)
    flagged = Table(
        "partnership",
        "members",
        "people joining members",
        "source",
        "where",
        title="Partnerships a source says rely on individual relationships",
    )
    for p in data["partnerships"]:
        flagged.add_row(
            p["label"],
            "; ".join(p["members"]),
            str(p["weakest"]),
            p["source"].rsplit("/", 1)[-1],
            p["location"],
        )
    out.print(flagged)


def _print_carried(data: dict[str, Any]) -> None:
    """Hangs on one person: each link only one person carries, and that person's live links
    at its two ends, with the kind of each and its dates."""
    table = Table(
        "person",
        "between",
        "kind",
        "post",
        "held",
        "live",
        title=f"Hangs on one person {_when(data)}: the links they carry",
    )
    for pair in data["pairs"]:
        if not pair["hangs_on"]:
            continue
        for link in pair["carried"]:
            table.add_row(
                link["person"],
                f"{pair['a_label']} – {pair['b_label']}",
                link["kind"],
                f"{link['post'] or 'member'}, {link['organisation']}",
                f"{link['since'] or '?'} to {link['until'] or '?'}",
                f"{link['live_from'] or '?'} to {link['live_until'] or '?'}",
            )
    out.print(table)


@contextmanager
def _progress(enabled: bool) -> Iterator[Steps]:
    """Steps shown as they start, with the time so far, on stderr (nothing for --json)."""
    if not enabled:
        yield Steps()
        return
    with err.status("reading the store") as status:
        steps = Steps()
        steps.on_step = lambda name: status.update(f"{name} ({steps.elapsed:.1f} s so far)")
        yield steps


def _write_map(
    name: str,
    out_file: Path,
    request_: Any,
    store_dir: Path | None,
    as_json: bool,
    allow_empty: bool,
) -> None:
    from graph.store import open_store
    from visualisations.service import make_map

    settings = settings_for(store_dir)
    wanted = replace(request_, window_years=settings.leads_window_years)
    with _progress(not as_json) as steps:
        result = guarded(lambda: make_map(open_store(settings.store), wanted, steps))
    report = {
        "map": name,
        "out": str(out_file),
        "nodes": result.nodes,
        "edges": result.edges,
        "megabytes": round(len(result.html.encode()) / 1e6, 2),
        "seconds": round(steps.elapsed, 2),
        "steps": result.seconds,
        "empty": result.empty or None,
        "written": bool(result.nodes) or allow_empty,
    }
    if report["written"]:
        out_file.write_text(result.html, encoding="utf-8")
    if as_json:
        typer.echo(json.dumps(report, indent=2))
    elif result.empty:
        did = f"wrote {out_file} anyway" if allow_empty else "nothing written"
        err.print(f"[bold yellow]empty map:[/] {name}: {result.empty}; {did}")
    else:
        out.print(
            f"[green]wrote[/] {out_file} ({result.nodes:,} nodes, {result.edges:,} links,"
            f" {report['megabytes']} MB) in {steps.elapsed:.1f} s"
        )
    if result.empty and not allow_empty:
        if not as_json:
            err.print("use --allow-empty to write an empty map")
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    @app.command("map")
    def map_(
        name: Annotated[
            str,
            typer.Argument(help="organisations | peer-challenges | leads | people | council:<GSS>"),
        ],
        out_file: Annotated[Path, typer.Option("--out", help="HTML file to write")],
        store: StoreOpt = None,
        size_by: Annotated[
            str, typer.Option("--size-by", help="degree | betweenness | share | people")
        ] = "degree",
        on: Annotated[
            str | None,
            typer.Option(
                "--on",
                help="open on this date (YYYY-MM-DD): the links live then; the page's"
                " date control shows any other",
            ),
        ] = None,
        present: Annotated[
            bool, typer.Option("--present", help="open in projector mode: large labels")
        ] = False,
        allow_empty: Annotated[
            bool, typer.Option("--allow-empty", help="write the map and exit 0 even if empty")
        ] = False,
        as_json: Annotated[bool, typer.Option("--json", help="Report as JSON")] = False,
    ) -> None:
        """Write an interactive network map as one self-contained HTML file (works offline)."""
        from visualisations.render import SIZE_METRICS, MapOptions
        from visualisations.service import MapRequest

        if size_by not in SIZE_METRICS:
            raise typer.BadParameter(f"--size-by must be one of {', '.join(SIZE_METRICS)}")
        day = _date(on)
        options = MapOptions(size_by=size_by, present=present)
        _write_map(name, out_file, MapRequest(name, day, options), store, as_json, allow_empty)

    @app.command()
    def reliance(
        store: StoreOpt = None,
        on: Annotated[
            str | None,
            typer.Option("--on", help="count only links live on this date (YYYY-MM-DD)"),
        ] = None,
        window: Annotated[
            int | None,
            typer.Option(
                "--window",
                min=0,
                max=100,
                help="years a post with no known end counts after it was last stated",
            ),
        ] = None,
        as_json: Annotated[bool, typer.Option("--json", help="All measures as JSON")] = False,
        as_csv: Annotated[
            bool, typer.Option("--csv", help="Linked organisation pairs as CSV")
        ] = False,
    ) -> None:
        """Where the network of organisations hangs on individual people, on a date."""
        from graph.store import open_store
        from visualisations.service import reliance as compute

        settings = settings_for(store)
        day = _date(on)
        years = settings.leads_window_years if window is None else window
        with _progress(not (as_json or as_csv)) as steps:
            data = guarded(lambda: compute(open_store(settings.store), day, steps, years).as_dict())
        if as_json:
            typer.echo(json.dumps(data, indent=2))
        elif as_csv:
            buffer = io.StringIO()
            writer = csv.DictWriter(buffer, fieldnames=PAIR_COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(_pair_rows(data))
            typer.echo(buffer.getvalue(), nl=False)
        else:
            _print_tables(data)


def _date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"--on must be a date as YYYY-MM-DD, not {text!r}") from None

"""`councilgraph map` and `councilgraph reliance`: workshop maps and the numbers behind them.

councilgraph map organisations --out organisations.html [--size-by betweenness]
councilgraph map peer-challenges | leads | people | council:E09000019 --out FILE.html
councilgraph reliance [--json | --csv]
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from api.cli import guarded, out, settings_for

StoreOpt = Annotated[Path | None, typer.Option("--store", help="Store directory")]
PAIR_COLUMNS = ("a_label", "b_label", "people", "connectivity", "hangs_on", "bridge")


def _pair_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {key: ("; ".join(p[key]) if key == "people" else p[key]) for key in PAIR_COLUMNS}
        for p in data["pairs"]
    ]


def _print_tables(data: dict[str, Any]) -> None:
    pairs = Table(
        "organisation",
        "organisation",
        "people",
        "connectivity",
        "hangs on",
        "bridge",
        title="Linked organisations, weakest first"
        " (connectivity = fewest people to cut them apart)",
    )
    for row in _pair_rows(data):
        pairs.add_row(
            row["a_label"],
            row["b_label"],
            row["people"],
            str(row["connectivity"]),
            row["hangs_on"] or "",
            "yes" if row["bridge"] else "",
        )
    out.print(pairs)
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
    ) -> None:
        """Write an interactive network map as one self-contained HTML file (works offline)."""
        from graph.store import open_store
        from visualisations.render import SIZE_METRICS, MapOptions
        from visualisations.service import map_html

        if size_by not in SIZE_METRICS:
            raise typer.BadParameter(f"--size-by must be one of {', '.join(SIZE_METRICS)}")
        settings = settings_for(store)
        html = guarded(
            lambda: map_html(open_store(settings.store), name, MapOptions(size_by=size_by))
        )
        out_file.write_text(html, encoding="utf-8")
        out.print(f"[green]wrote[/] {out_file} ({len(html) / 1e6:.1f} MB)")

    @app.command()
    def reliance(
        store: StoreOpt = None,
        as_json: Annotated[bool, typer.Option("--json", help="All measures as JSON")] = False,
        as_csv: Annotated[
            bool, typer.Option("--csv", help="Linked organisation pairs as CSV")
        ] = False,
    ) -> None:
        """Where the network of organisations hangs on individual people."""
        from graph.store import open_store
        from visualisations.service import reliance as compute

        settings = settings_for(store)
        data = guarded(lambda: compute(open_store(settings.store)).as_dict())
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

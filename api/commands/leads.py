"""`councilgraph leads`: who led what on a date, as /leads answers it (graph.leads).

councilgraph leads --on 2012-02-01
councilgraph leads --organisation "Thurrock" --on 2010-06-01 --json
councilgraph leads --include-stale --window 5
"""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated

import typer
from rich.table import Table

from api.cli import JsonOpt, StoreOpt, guarded, out, settings_for
from councilgraph.errors import QueryError
from graph.leads import Lead


def _held(lead: Lead) -> str:
    span = f"{lead.since or '?'} to {lead.until or '?'}"
    if lead.basis == "inferred":
        span += " (end inferred)"
    return span + (", stale" if lead.stale else "")


def _table(found: list[Lead], on: date, window: int) -> Table:
    table = Table(title=f"Who leads what on {on.isoformat()} (window {window} years)")
    table.add_column("name", no_wrap=True)
    table.add_column("post")
    table.add_column("held")
    table.add_column("last stated", no_wrap=True)
    for lead in found:
        flags = [
            word
            for word, on_ in (
                ("interim", lead.interim),
                ("acting", lead.acting),
                ("former", lead.former),
            )
            if on_
        ]
        post = " ".join([*flags, lead.post or lead.role_label])
        area = f" ({lead.area_label})" if lead.area_label else ""
        table.add_row(
            lead.name,
            f"{post}{area}, {lead.organisation_name}",
            _held(lead),
            lead.last_stated or "",
        )
    return table


def register(app: typer.Typer) -> None:
    @app.command()
    def leads(
        on: Annotated[str | None, typer.Option("--on", help="YYYY-MM-DD (default: today)")] = None,
        window: Annotated[
            int | None,
            typer.Option(
                "--window",
                min=0,
                max=100,
                help="years a post with no known end counts after it was last stated (default 3)",
            ),
        ] = None,
        include_stale: Annotated[
            bool, typer.Option("--include-stale", help="also posts not current, marked stale")
        ] = False,
        area: Annotated[
            str | None, typer.Option("--area", help="policy area key or words of its label")
        ] = None,
        person: Annotated[
            str | None, typer.Option("--person", help="person id, name or part of it")
        ] = None,
        organisation: Annotated[
            str | None,
            typer.Option("--organisation", help="organisation id, GSS code, name or alias"),
        ] = None,
        store: StoreOpt = None,
        as_json: JsonOpt = False,
    ) -> None:
        """Who led what on a date: posts and commissions whose known time holds it."""
        from graph.leads import leads as compute
        from graph.store import open_store

        settings = settings_for(store)
        years = settings.leads_window_years if window is None else window

        def body() -> tuple[date, list[Lead]]:
            try:
                when = date.fromisoformat(on) if on else date.today()
            except ValueError as exc:
                raise QueryError(f"bad --on {on!r}: write YYYY-MM-DD") from exc
            found = compute(
                open_store(settings.store),
                settings.things,
                on=when,
                window_years=years,
                include_stale=include_stale,
                area=area,
                person=person,
                organisation=organisation,
            )
            return when, found

        when, found = guarded(body)
        if as_json:
            report = {
                "on": when.isoformat(),
                "window_years": years,
                "include_stale": include_stale,
                "count": len(found),
                "items": [lead.to_dict() for lead in found],
            }
            out.print(json.dumps(report, indent=2), markup=False, highlight=False)
            return
        out.print(_table(found, when, years))
        current = sum(not lead.stale for lead in found)
        out.print(
            f"{current} current" + (f", {len(found) - current} stale" if include_stale else "")
        )

"""`councilgraph progress` and `councilgraph due`: what councils did after a peer challenge,
and who is overdue a follow-up or a challenge.

councilgraph progress E09000019-2018-03        (a challenge key or IRI)
councilgraph progress "Tower Hamlets" --json   (a council's name or GSS code: all its challenges)
councilgraph due --as-of 2021-01-01 --csv
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Annotated

import typer

from api.cli import JsonOpt, StoreOpt, guarded, out, settings_for
from councilgraph.errors import QueryError


def _progress_text(report: list[dict[str, object]]) -> str:
    lines: list[str] = []
    for challenge in report:
        summary = challenge["summary"]
        assert isinstance(summary, dict)
        lines.append(f"{challenge['label'] or challenge['challenge']}  ({challenge['challenge']})")
        lines.append(
            f"  {summary['with_response']} of {summary['recommendations']} recommendations "
            f"have a recorded response; {summary['challenge_actions']} actions answer the challenge as a whole"
        )
        for rec in challenge["recommendations"]:  # type: ignore[attr-defined]
            mark = "x" if rec["actions"] else " "
            label = ("key " if rec["is_key"] else "") + (rec["number"] or "")
            lines.append(f"  [{mark}] {label:>7}  {rec['text'][:90] or '(words not stated)'}")
            for action in rec["actions"]:
                who = "; ".join(
                    part
                    for part in (action.get("lead"), action.get("due") and f"due {action['due']}")
                    if part
                )
                lines.append(
                    f"             -> {action['status'] or 'unstated'}: {action['text'][:80]}"
                    + (f" ({who})" if who else "")
                )
        for visit in challenge["follow_ups"]:  # type: ignore[attr-defined]
            state = "planned" if visit.get("planned") else "took place"
            lines.append(f"  follow-up: {visit.get('label', visit['followUp'])} ({state})")
    return "\n".join(lines)


def _due_csv(report: dict[str, list[dict[str, object]]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["kind", "iri", "name", "date", "due"])
    for c in report["challenges"]:
        writer.writerow(
            [
                "challenge-without-follow-up",
                c["challenge"],
                c["council_name"],
                c["date"],
                c["follow_up_due"],
            ]
        )
    for k in report["councils"]:
        writer.writerow(
            ["council-without-challenge", k["council"], k["name"], k["last_challenge"] or "", ""]
        )
    return buffer.getvalue()


def register(app: typer.Typer) -> None:
    @app.command()
    def progress(
        challenge_or_council: Annotated[
            str, typer.Argument(help="challenge key/IRI, or council name/GSS code")
        ],
        store: StoreOpt = None,
        as_json: JsonOpt = False,
    ) -> None:
        """Recommendations of a peer challenge with the actions that respond to them."""
        from graph.progress import progress as compute
        from graph.store import open_store

        settings = settings_for(store)

        def body() -> list[dict[str, object]]:
            return [
                p.to_dict()
                for p in compute(open_store(settings.store), challenge_or_council, settings.things)
            ]

        report = guarded(body)
        out.print(
            json.dumps(report, indent=2) if as_json else _progress_text(report),
            markup=False,
            highlight=False,
        )

    @app.command()
    def due(
        as_of: Annotated[
            str | None, typer.Option("--as-of", help="YYYY-MM-DD (default: today)")
        ] = None,
        store: StoreOpt = None,
        as_json: JsonOpt = False,
        as_csv: Annotated[bool, typer.Option("--csv", help="CSV output")] = False,
    ) -> None:
        """Challenges with no recorded follow-up within two years; councils with no challenge in five."""
        from graph.due import due as compute
        from graph.store import open_store

        settings = settings_for(store)

        def body() -> dict[str, list[dict[str, object]]]:
            try:
                when = date.fromisoformat(as_of) if as_of else date.today()
            except ValueError as exc:
                raise QueryError(f"bad --as-of {as_of!r}: write YYYY-MM-DD") from exc
            return compute(open_store(settings.store), when).to_dict()

        report = guarded(body)
        if as_json:
            text = json.dumps(report, indent=2)
        elif as_csv:
            text = _due_csv(report)
        else:
            text = "\n".join(
                [
                    f"as of {report['as_of']}: {len(report['challenges'])} challenges without a recorded "
                    f"follow-up within two years; {len(report['councils'])} councils without a peer challenge in five years"
                ]
                + [
                    f"  {c['date']}  {c['council_name']}  (follow-up due {c['follow_up_due']})"
                    for c in report["challenges"]
                ]
            )
        out.print(text, markup=False, highlight=False, end="" if as_csv else "\n")

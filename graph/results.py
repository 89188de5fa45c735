"""Rendering query results for the command line: a rich table, or a standard format."""

from __future__ import annotations

import io
from typing import Any

import pyoxigraph as ox
from rich.console import Console
from rich.table import Table

from graph import sparql
from graph.export import FORMATS

RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}


def render(result: Any, fmt: str, *, console: Console | None = None) -> str:
    """SELECT/ASK as a table or results format; CONSTRUCT/DESCRIBE as an RDF syntax."""
    if isinstance(result, ox.QueryTriples):
        rdf = "ttl" if fmt in {"table", "json"} and fmt != "jsonld" else fmt
        if rdf not in FORMATS:
            raise ValueError(f"unknown RDF format {fmt!r}")
        data = ox.serialize(list(result), format=FORMATS[rdf])
        return (data or b"").decode()
    if fmt in RESULT_FORMATS:
        data = result.serialize(format=RESULT_FORMATS[fmt])
        return (data or b"").decode() + ("\n" if fmt == "json" else "")
    if isinstance(result, ox.QueryBoolean):
        return ("yes" if bool(result) else "no") + "\n"
    names = [v.value for v in result.variables]
    table = Table(*names, show_lines=False)
    count = 0
    for solution in result:
        table.add_row(*(_cell(solution[n]) for n in names))
        count += 1
    buffer = io.StringIO()
    width = console.width if console is not None and console.is_terminal else 200
    Console(file=buffer, width=width, force_terminal=False).print(table)
    return buffer.getvalue() + f"{count} row{'s' if count != 1 else ''}\n"


def _cell(term: Any) -> str:
    v = sparql.value(term)
    return "" if v is None else str(v)

"""Choosing a serialisation from `Accept` or a `format` parameter, per query form.

SELECT and ASK give SPARQL results (JSON, XML, CSV, TSV); CONSTRUCT and DESCRIBE give RDF
(Turtle, N-Triples, JSON-LD, RDF/XML). A browser cannot set `Accept`, so `format=` (a short
name or a media type) wins over the header.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from councilgraph.errors import QueryError

RESULTS: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPHS: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/xml": ox.RdfFormat.RDF_XML,
}
# format= short names: (results media type, graph media type)
SHORT_NAMES: dict[str, tuple[str, str]] = {
    "json": ("application/sparql-results+json", "application/ld+json"),
    "jsonld": ("application/sparql-results+json", "application/ld+json"),
    "json-ld": ("application/sparql-results+json", "application/ld+json"),
    "xml": ("application/sparql-results+xml", "application/rdf+xml"),
    "rdfxml": ("application/sparql-results+xml", "application/rdf+xml"),
    "csv": ("text/csv", "text/turtle"),
    "tsv": ("text/tab-separated-values", "text/turtle"),
    "ttl": ("application/sparql-results+json", "text/turtle"),
    "turtle": ("application/sparql-results+json", "text/turtle"),
    "nt": ("application/sparql-results+json", "application/n-triples"),
    "ntriples": ("application/sparql-results+json", "application/n-triples"),
}
DEFAULT_RESULTS = "application/sparql-results+json"
DEFAULT_GRAPH = "text/turtle"
FORMAT_NAMES = sorted(SHORT_NAMES) + sorted(set(RESULTS) | set(GRAPHS))


@dataclass(frozen=True)
class Choice:
    media_type: str  # what the response says it is; a key of GRAPHS or RESULTS
    graph: bool  # True: RDF (CONSTRUCT, DESCRIBE); False: SPARQL results (SELECT, ASK)

    def results_format(self) -> ox.QueryResultsFormat:
        return RESULTS[self.media_type]

    def graph_format(self) -> ox.RdfFormat:
        return GRAPHS[self.media_type]


def parse_accept(header: str) -> list[str]:
    """Media ranges in order of preference (q-value, then position); q=0 ranges dropped."""
    ranges: list[tuple[float, int, str]] = []
    for position, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        quality = 1.0
        for param in fields[1:]:
            name, _, raw = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(raw)
                except ValueError:
                    quality = 0.0
        if quality > 0:
            ranges.append((-quality, position, media))
    return [media for _, _, media in sorted(ranges)]


def _pick(ranges: list[str], table: dict[str, object], default: str) -> str | None:
    for media in ranges:
        if media in table:
            return media
        if media in ("*/*", "application/*", "text/*"):
            family = media.split("/")[0]
            if family == "*" or default.startswith(family + "/"):
                return default
            return next((m for m in table if m.startswith(family + "/")), None)
    return None


def choose(form: str, accept: str | None, fmt: str | None) -> Choice:
    """The serialisation for this query form; QueryError(406) when nothing acceptable exists."""
    graph = form in ("CONSTRUCT", "DESCRIBE")
    table: dict[str, object] = dict(GRAPHS) if graph else dict(RESULTS)
    default = DEFAULT_GRAPH if graph else DEFAULT_RESULTS
    if fmt:
        key = fmt.strip().lower()
        if key in SHORT_NAMES:
            media: str | None = SHORT_NAMES[key][1 if graph else 0]
        else:
            media = key if key in table else None
        if media is None:
            raise QueryError(
                f"format {fmt!r} cannot serialise a {form or 'query'} result; "
                f"use one of {', '.join(sorted(table))}",
                status=406,
            )
    else:
        media = _pick(parse_accept(accept), table, default) if accept else default
        if media is None:
            raise QueryError(
                f"none of the media types in Accept ({accept}) can serialise a {form} result; "
                f"available: {', '.join(sorted(table))}",
                status=406,
            )
    return Choice(media_type=media, graph=graph)

"""Helpers the routers share: keys from settings, path-parameter patterns, 404s, statements."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

import pyoxigraph as ox
from fastapi import Depends, Path, Query
from pydantic import BeforeValidator

from api.deps import SettingsDep
from api.models import Statement
from api.queries import Keys, iri, select
from councilgraph.errors import QueryError

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABELS = (
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://xmlns.com/foaf/0.1/name",
    "http://purl.org/dc/terms/title",
    "http://www.w3.org/2000/01/rdf-schema#label",
)
KEY_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._~-]{0,199}$"
GSS_PATTERN = r"^[EWSN][0-9]{8}$"


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_only(value: Any) -> Any:
    """pydantic reads a number as seconds since 1970 (`?on=0` was 1970-01-01): refuse it."""
    if isinstance(value, str) and not _ISO_DATE.match(value):
        raise ValueError("expected an ISO date, YYYY-MM-DD")
    return value


# A date parameter: ISO dates only (YYYY-MM-DD), never a number of seconds.
IsoDate = Annotated[date, BeforeValidator(_iso_only)]

# The window of "True in time" (graph.live), as /leads, /reliance and the CLI take it.
WindowYears = Annotated[
    int | None,
    Query(
        ge=0,
        le=100,
        description="years a post with no known end counts after it was last stated "
        "(default: the leads_window_years setting, 3)",
    ),
]


def get_keys(settings: SettingsDep) -> Keys:
    return Keys(settings.things)


KeysDep = Annotated[Keys, Depends(get_keys)]
KeyPath = Annotated[str, Path(pattern=KEY_PATTERN, description="the key in the thing's IRI")]


def statements(store: ox.Store, thing: str) -> list[Statement]:
    """Everything said about `thing`, each with the named graph (source) that says it."""
    return [
        Statement(property=row["p"], value=str(row["o"]), graph=row["g"])
        for row in select(store, "describe", thing=iri(thing))
    ]


def require(found: list[Statement], kind: str, key: str) -> list[Statement]:
    if not found:
        raise QueryError(f"no {kind} with id {key!r}", status=404)
    return found


def label(found: list[Statement]) -> str | None:
    for prop in LABELS:
        for statement in found:
            if statement.property == prop:
                return statement.value
    return None


def types(found: list[Statement]) -> list[str]:
    return sorted({s.value for s in found if s.property == RDF_TYPE})

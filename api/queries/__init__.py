"""The API's business queries: named `.rq` files here, run with bound values, turned into models.

Request values are never read as query syntax: each `.rq` file is fixed, and filters arrive
as typed RDF terms through `graph.sparql.rows(..., bindings=...)`, which binds them in a
VALUES block that pyoxigraph serialises (`graph.sparql.with_values`).
The functions in `api.queries.facts` are plain functions of a store, so the CLI can reuse them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph.sparql import Bindable, rows

HERE = Path(__file__).resolve().parent


@cache
def text(name: str) -> str:
    """The query in `api/queries/{name}.rq`."""
    return (HERE / f"{name}.rq").read_text()


def select(store: ox.Store, name: str, **bindings: Bindable | None) -> list[dict[str, Any]]:
    """Rows of a named query; None values stay unbound (the filter is off)."""
    bound = {k: v for k, v in bindings.items() if v is not None}
    return rows(store, text(name), bound)


def iri(value: str) -> ox.NamedNode:
    return ox.NamedNode(value)


class Keys:
    """Maps between API keys and IRIs under the settings' base: `{things}{kind}/{key}`."""

    def __init__(self, things: str) -> None:
        self.things = things

    def iri(self, kind: str, key: str) -> str:
        return f"{self.things}{kind}/{key}"

    def key(self, value: str | None) -> str | None:
        """`.../id/person/joanne-roney` -> `joanne-roney`; None for IRIs outside the base."""
        if not value or not value.startswith(self.things):
            return None
        _, _, key = value[len(self.things) :].partition("/")
        return key or None

    def kind(self, value: str) -> str:
        if value.startswith(self.things):
            return value[len(self.things) :].partition("/")[0]
        return "external"

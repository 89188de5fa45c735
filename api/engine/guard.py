"""What a query is, read from its keywords (`graph.sparql.keywords`), before it reaches
the engine: "SERVICE" inside a string literal or an IRI is no keyword, while
`service <http://...>` in any case is.
"""

from __future__ import annotations

from dataclasses import dataclass

from councilgraph.errors import QueryError
from graph.sparql_text import UPDATES, keywords

FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")


@dataclass(frozen=True)
class QueryShape:
    form: str  # SELECT, ASK, CONSTRUCT, DESCRIBE, or "" when none was found
    keywords: frozenset[str]


def inspect(query: str) -> QueryShape:
    """Classify a query and refuse what a read-only public endpoint must not run."""
    words = keywords(query)
    found = frozenset(words)
    if found & UPDATES:
        verb = next(w for w in words if w in UPDATES)
        raise QueryError(
            f"SPARQL updates ({verb}) are refused: this endpoint is read-only", status=403
        )
    if "SERVICE" in found:
        raise QueryError(
            "SERVICE (federated query) is refused: this endpoint does not call other services",
            status=403,
        )
    form = next((w for w in words if w in FORMS), "")
    return QueryShape(form=form, keywords=found)

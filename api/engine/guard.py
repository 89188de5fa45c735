"""What a query is, read from its keywords (`graph.sparql.keywords`), before it reaches
the engine: "SERVICE" inside a string literal or an IRI is no keyword, while
`service <http://...>` in any case is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from councilgraph.errors import QueryError
from graph.sparql_text import SKIP, UPDATES, keywords

FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
_BRACKETS = re.compile(r"[{}()\[\]]")


@dataclass(frozen=True)
class QueryShape:
    form: str  # SELECT, ASK, CONSTRUCT, DESCRIBE, or "" when none was found
    keywords: frozenset[str]


def inspect(query: str, max_depth: int | None = None) -> QueryShape:
    """Classify a query and refuse what a read-only public endpoint must not run; with
    `max_depth`, also a query nested deeper than that (the engine's parser and evaluator
    recurse: 5,000 nested groups overflowed the engine's stack and ended it)."""
    if max_depth is not None:
        depth = nesting(query)
        if depth > max_depth:
            raise QueryError(
                f"the query nests groups and brackets {depth} deep; the limit is {max_depth}",
                hint="flatten the query, or raise COUNCILGRAPH_MAX_QUERY_DEPTH",
            )
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


def nesting(query: str) -> int:
    """How deep `{`, `(` and `[` nest in a query, strings, IRIs and comments aside."""
    depth = deepest = 0
    for found in _BRACKETS.finditer(SKIP.sub(" ", query)):
        if found.group() in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif found.group() in "})]":
            depth = max(0, depth - 1)
    return deepest

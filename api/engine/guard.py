"""What a query is, read from its tokens, before it reaches the engine.

pyoxigraph exposes no parsed algebra, so the guard tokenises the query text the way the
SPARQL grammar does for the parts that matter: `\\uXXXX` escapes are decoded first (the
grammar applies them before parsing), then strings, IRIs and comments are skipped, and
variables, prefixed names, blank-node labels and language tags are consumed whole. What is
left are keywords, so "SERVICE" inside a string literal or an IRI is no keyword, while
`service <http://...>` in any case is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from councilgraph.errors import QueryError

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_SKIP = re.compile(
    r"""'''(?:[^'\\]|\\.|'(?!''))*'''"""  # long strings first
    r'''|"""(?:[^"\\]|\\.|"(?!""))*"""'''
    r"""|'(?:[^'\\\n\r]|\\.)*'"""
    r'''|"(?:[^"\\\n\r]|\\.)*"'''
    r"""|<[^<>"{}|^`\\\x00-\x20]*>"""  # IRIREF; `?a < ?b` has spaces, so it is no IRI
    r"""|\#[^\n\r]*"""
    r"""|[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+"""  # variables
    r"""|_:[\w.\-]*"""  # blank node labels
    r"""|@[A-Za-z]+(?:-[A-Za-z0-9]+)*"""  # language tags
    r"""|[\w][\w.\-]*:[\w.\-%\\:]*|:[\w.\-%\\:]*"""  # prefixed names
)
_WORD = re.compile(r"[A-Za-z_]+")

FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATES = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "COPY", "MOVE", "ADD"})


@dataclass(frozen=True)
class QueryShape:
    form: str  # SELECT, ASK, CONSTRUCT, DESCRIBE, or "" when none was found
    has_dataset: bool  # the query names its own dataset with FROM / FROM NAMED
    keywords: frozenset[str]


def keywords(query: str) -> list[str]:
    """The bare words of a query, upper-cased, in order; strings, IRIs and names removed."""
    text = _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), query)
    return [word.upper() for word in _WORD.findall(_SKIP.sub(" ", text))]


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
    return QueryShape(form=form, has_dataset="FROM" in found, keywords=found)

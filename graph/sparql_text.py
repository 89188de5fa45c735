"""Reading SPARQL text without a parser: its bare keywords, and the lexical pieces to skip.

pyoxigraph exposes no parsed algebra, so the read-only check (`keywords`) and the query
planner (`graph.plan`) read the text the way the SPARQL grammar's tokens would.
"""

from __future__ import annotations

import re

# `\uXXXX` escapes are decoded first (the grammar applies them before parsing), then strings,
# IRIs and comments are skipped, and variables, prefixed names, blank-node labels and
# language tags are consumed whole (a name never ends with '.': that ends a triple).
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
SKIP = re.compile(
    r"""'''(?:[^'\\]|\\.|'(?!''))*'''"""  # long strings first
    r'''|"""(?:[^"\\]|\\.|"(?!""))*"""'''
    r"""|'(?:[^'\\\n\r]|\\.)*'"""
    r'''|"(?:[^"\\\n\r]|\\.)*"'''
    r"""|<[^<>"{}|^`\\\x00-\x20]*>"""  # IRIREF; `?a < ?b` has spaces, so it is no IRI
    r"""|\#[^\n\r]*"""
    r"""|[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+"""  # variables
    r"""|_:[\w.\-]*"""  # blank node labels
    r"""|@[A-Za-z]+(?:-[A-Za-z0-9]+)*"""  # language tags
    r"""|(?:[\w][\w.\-]*)?:(?:[\w\-%\\:]|\.+(?=[\w\-%\\:]))*"""  # prefixed names
)
_WORD = re.compile(r"[A-Za-z_]+")

UPDATES = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "COPY", "MOVE", "ADD"})


def keywords(query: str) -> list[str]:
    """The bare words of a query, upper-cased, in order; strings, IRIs and names removed."""
    text = _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), query)
    return [word.upper() for word in _WORD.findall(SKIP.sub(" ", text))]

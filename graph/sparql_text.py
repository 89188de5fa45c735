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
    # prefixed names, tried only where a name can start: from inside a long word the
    # attempt fails at once instead of rescanning the rest of it (8,000 digits took 1.3 s)
    r"""|(?<![\w\-])(?:[\w][\w.\-]*+)?:(?:[\w\-%\\:]|\.+(?=[\w\-%\\:]))*"""
)
_WORD = re.compile(r"[A-Za-z_]+")

UPDATES = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "COPY", "MOVE", "ADD"})


def keywords(query: str) -> list[str]:
    """The bare words of a query, upper-cased, in order; strings, IRIs and names removed."""
    text = _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), query)
    return [word.upper() for word in _WORD.findall(SKIP.sub(" ", text))]


FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
_FORM = re.compile(rf"\b({'|'.join(FORMS)})\b", re.IGNORECASE)
_WHERE_NEXT = re.compile(r"\s*WHERE\b", re.IGNORECASE)


def query_form(query: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the query's form ("" when it has none)."""
    return next((word for word in keywords(query) if word in FORMS), "")


def where_brace(query: str) -> int:
    """Index of the `{` that opens the query's WHERE group (past a CONSTRUCT template); -1 when
    it has none that can take more than triples (DESCRIBE without WHERE, or the short form
    CONSTRUCT WHERE, whose group is its template).

    Strings, IRIs, comments and names are blanked first, keeping every offset, so a brace or
    keyword inside them is never taken for the query's own."""
    blank = SKIP.sub(lambda m: " " * len(m.group()), query)
    form = _FORM.search(blank)
    at = form.end() if form else 0
    if not form or form.group(1).upper() != "CONSTRUCT":
        return blank.find("{", at)
    template = blank.find("{", at)
    if template < 0 or _WHERE_NEXT.match(blank, at):
        return -1
    return blank.find("{", _closing(blank, template) + 1)  # past the template


def _closing(text: str, opening: int) -> int:
    depth = 0
    for i in range(opening, len(text)):
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return i
    return len(text)

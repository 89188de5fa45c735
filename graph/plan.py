"""Reorders a query's top-level group so Oxigraph 0.5 joins before it left-joins.

Oxigraph 0.5 evaluates `{ A OPTIONAL { B } C }` by re-running C for every row of the
OPTIONAL's result (a nested loop: q01 takes 78 s on the 100% corpus, 0.5 s at 10%). Written
`{ A C OPTIONAL { B } }` it hash-joins A and C first. The two are the same query when every
variable B shares with C is bound by the required patterns before B (Pérez, Arenas and
Gutierrez, "Semantics and Complexity of SPARQL", 2009: well-designed patterns), so a
required block is moved left past an OPTIONAL only when that holds; FILTERs apply to the
whole group wherever they stand. Anything else in the group (BIND, VALUES, UNION, MINUS,
GRAPH, SERVICE, subqueries, nested groups), `SELECT *` (its column order follows the text),
`\\u` escapes and other query forms leave the query as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.sparql_text import FORMS, SKIP

_TOKEN = re.compile(
    rf"(?P<skip>{SKIP.pattern})|(?P<open>[{{(\[])|(?P<close>[}})\]])"
    r"|(?P<word>[A-Za-z_]\w*)|(?P<other>\S)"
)
_PAIRS = {"{": "}", "(": ")", "[": "]"}
_TRIPLE_WORDS = {"a", "true", "false"}


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    start: int
    end: int
    close: int = -1  # index of the matching bracket, for opening ones


@dataclass
class _Element:
    kind: str  # "triples", "optional" or "filter"
    tokens: list[_Token] = field(default_factory=list)

    def variables(self) -> set[str]:
        return {t.text[1:] for t in self.tokens if t.kind == "skip" and t.text[0] in "?$"}

    def text(self, query: str) -> str:
        body = query[self.tokens[0].start : self.tokens[-1].end]
        if self.kind != "triples" or self.tokens[-1].text == ".":
            return body
        return body + " ."


def _tokens(query: str) -> list[_Token] | None:
    """Tokens with matching brackets paired, comments left out; None when brackets do not
    balance."""
    found: list[_Token] = []
    stack: list[int] = []
    for match in _TOKEN.finditer(query):
        kind = match.lastgroup or "other"
        if kind == "skip" and match.group().startswith("#"):
            # a comment of its own between two parts would otherwise become an empty
            # triples block, moved with a '.' that does not parse
            continue
        token = _Token(kind, match.group(), match.start(), match.end())
        if kind == "close":
            if not stack or _PAIRS[found[stack[-1]].text] != token.text:
                return None
            opened = stack.pop()
            found[opened] = _Token(**{**found[opened].__dict__, "close": len(found)})
        elif kind == "open":
            stack.append(len(found))
        found.append(token)
    return None if stack else found


def _elements(tokens: list[_Token], first: int, last: int) -> list[_Element] | None:
    """The group's top-level parts between tokens[first] and tokens[last] (its braces), or None
    when it holds anything but triples, OPTIONAL and FILTER."""
    out: list[_Element] = []
    i = first + 1
    while i < last:
        token = tokens[i]
        word = token.text.upper() if token.kind == "word" else ""
        if word == "OPTIONAL" and tokens[i + 1].text == "{":
            end = tokens[i + 1].close
            out.append(_Element("optional", tokens[i : end + 1]))
            i = end + 1
        elif word == "FILTER":
            j = i + 1
            while j < last and tokens[j].kind != "open":  # NOT EXISTS, a function name
                j += 1
            if j == last:
                return None
            end = tokens[j].close
            out.append(_Element("filter", tokens[i : end + 1]))
            i = end + 1
        elif token.text == "{" or (
            token.kind == "word" and token.text.lower() not in _TRIPLE_WORDS
        ):
            return None  # a nested group or another keyword: left as written
        else:
            if not out or out[-1].kind != "triples":
                if token.text == ".":  # the '.' after an OPTIONAL or FILTER
                    i += 1
                    continue
                out.append(_Element("triples"))
            end = token.close if token.kind == "open" else i
            if any(t.text == "{" for t in tokens[i : end + 1]):
                return None
            out[-1].tokens.extend(tokens[i : end + 1])
            i = end + 1
    return out


def _reordered(elements: list[_Element]) -> list[_Element]:
    """Each required block moved left past the OPTIONALs it may join before (and the FILTERs
    between them)."""
    order = list(elements)
    for element in elements:
        if element.kind != "triples":
            continue
        at = order.index(element)
        while True:
            left = at - 1
            while left >= 0 and order[left].kind == "filter":
                left -= 1
            if left < 0 or order[left].kind != "optional":
                break
            bound: set[str] = set()
            for before in order[:left]:
                if before.kind == "triples":
                    bound |= before.variables()
            if not (order[left].variables() & element.variables()) <= bound:
                break
            order.insert(left, order.pop(at))
            at = left
    return order


def reorder_optionals(query: str) -> str:
    """The query with required patterns joined before OPTIONALs where that cannot change its
    answers; otherwise the query unchanged."""
    if "\\u" in query or "\\U" in query or "_:" in query:
        return query
    tokens = _tokens(query)
    if tokens is None:
        return query
    words = [(i, t.text.upper()) for i, t in enumerate(tokens) if t.kind == "word"]
    forms = [(i, w) for i, w in words if w in FORMS]
    if len(forms) != 1 or forms[0][1] not in {"SELECT", "ASK"}:
        return query  # other forms, or subqueries
    at = forms[0][0]
    if forms[0][1] == "SELECT" and any(t.text == "*" for t in tokens[at : at + 3]):
        return query
    group = next((i for i in range(at, len(tokens)) if tokens[i].text == "{"), None)
    if group is None:
        return query
    elements = _elements(tokens, group, tokens[group].close)
    if not elements:
        return query
    order = _reordered(elements)
    if order == elements:
        return query
    inner = "\n  ".join(element.text(query) for element in order)
    start, end = tokens[group].end, tokens[tokens[group].close].start
    return f"{query[:start]}\n  {inner}\n{query[end:]}"

"""Finding councils, people and organisations by what people call them: a name, part of one,
or an alias the sources or the aliases register use ("LB Barking", "Farrant").

`search` is what /search answers; `resolve` turns a parameter into one IRI (an id, a GSS code,
a name or an alias) or a QueryError 422 that names the nearest known names, never an empty
answer; `check_area` does the same for policy areas, which are matched by words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

import pyoxigraph as ox

from councilgraph.errors import QueryError
from graph.namespaces import sparql_prologue
from graph.sparql import rows

Kind = Literal["person", "organisation"]
_SEARCH = (
    sparql_prologue()
    + """
SELECT DISTINCT ?thing ?label ?matched WHERE {
  VALUES ?type { cg:Council foaf:Person org:Organization }
  ?thing a ?type .
  VALUES ?property { skos:prefLabel skos:altLabel foaf:name rdfs:label }
  ?thing ?property ?matched .
  FILTER(CONTAINS(LCASE(STR(?matched)), LCASE(?q)))
  OPTIONAL { ?thing skos:prefLabel ?pref }
  OPTIONAL { ?thing foaf:name ?fname }
  BIND(COALESCE(?pref, ?fname, ?matched) AS ?label)
}
"""
)
_NAMES = (
    sparql_prologue()
    + """
SELECT DISTINCT ?thing ?name WHERE {
  VALUES ?type { cg:Council foaf:Person org:Organization }
  ?thing a ?type .
  VALUES ?property { skos:prefLabel skos:altLabel foaf:name }
  ?thing ?property ?name .
}
"""
)
_AREAS = (
    sparql_prologue()
    + """
SELECT DISTINCT ?area ?label WHERE {
  { ?m cg:policyArea ?area } UNION { ?area skos:inScheme <https://w3id.org/councilgraph/def/scheme/policy-areas> }
  OPTIONAL { ?area skos:prefLabel ?label }
}
"""
)
GSS = re.compile(r"^[EWSN][0-9]{8}$")
KINDS: dict[Kind, tuple[str, ...]] = {
    "person": ("person",),
    "organisation": ("council", "organisation", "team"),
}


@dataclass(frozen=True)
class Hit:
    thing: str
    label: str
    matched: str
    rank: tuple[int, str]  # 0 exact, 1 starts with, 2 contains; then the label


def search(store: ox.Store, q: str) -> list[Hit]:
    """Things whose name or any label contains `q` (case-insensitive): exact matches first,
    then names that start with it, then the rest; each thing once, by its best match."""
    wanted = " ".join(q.split()).lower()
    best: dict[str, Hit] = {}
    for row in rows(store, _SEARCH, {"q": wanted}):
        matched = str(row["matched"])
        lowered = matched.lower()
        rank = (0 if lowered == wanted else 1 if lowered.startswith(wanted) else 2, row["label"])
        if row["thing"] not in best or rank < best[row["thing"]].rank:
            best[row["thing"]] = Hit(row["thing"], str(row["label"]), matched, rank)
    return sorted(best.values(), key=lambda hit: hit.rank)


def _kind_of(thing: str, things: str) -> str:
    return thing[len(things) :].partition("/")[0] if thing.startswith(things) else "external"


def resolve(store: ox.Store, text: str, kind: Kind, things: str, *, parameter: str) -> str:
    """The IRI `text` stands for: the IRI itself or an id (`graham-farrant`, `E09000002`), else the one
    {kind} whose name or alias is `text`, else the one whose name contains it. A QueryError
    422 otherwise, naming the parameter and the nearest known names."""
    text = " ".join(text.split())
    if text.startswith(things) and _kind_of(text, things) in KINDS[kind] and _exists(store, text):
        return text  # an IRI
    for segment in KINDS[kind]:
        candidate = f"{things}{segment}/{text}"
        if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._~-]*", text) and _exists(store, candidate):
            return candidate
    hits = [h for h in search(store, text) if _kind_of(h.thing, things) in KINDS[kind]]
    exact = [h for h in hits if h.rank[0] == 0]
    chosen = exact if exact else hits
    if len(chosen) == 1:
        return chosen[0].thing
    if chosen:
        listed = ", ".join(
            f"{h.label} ({_kind_of(h.thing, things)}/{h.thing.rsplit('/', 1)[-1]})"
            for h in chosen[:8]
        )
        raise QueryError(
            f"{parameter} {text!r} matches {len(chosen)} known {kind}s: {listed}",
            status=422,
            hint="give more of the name, or the id",
        )
    names = [n for thing, n in _all_names(store) if _kind_of(thing, things) in KINDS[kind]]
    raise QueryError(
        f"{parameter} {text!r}: no {kind} is known by that name or id; nearest known: "
        + (", ".join(nearest(text, names)) or "none"),
        status=422,
    )


def check_area(store: ox.Store, text: str, *, parameter: str) -> None:
    """QueryError 422 unless some policy area's key or label contains `text`."""
    wanted = text.lower()
    areas = rows(store, _AREAS)
    labels = [str(a.get("label") or a["area"].rsplit("/", 1)[-1]) for a in areas]
    if any(wanted in a["area"].lower() or wanted in str(a.get("label", "")).lower() for a in areas):
        return
    raise QueryError(
        f"{parameter} {text!r}: no policy area matches it; nearest known: "
        + (", ".join(nearest(text, labels)) or "none"),
        status=422,
    )


def _exists(store: ox.Store, thing: str) -> bool:
    return any(store.quads_for_pattern(ox.NamedNode(thing), None, None, ox.DefaultGraph()))


def _all_names(store: ox.Store) -> list[tuple[str, str]]:
    return [(row["thing"], str(row["name"])) for row in rows(store, _NAMES)]


def nearest(text: str, names: Iterable[str], n: int = 5) -> list[str]:
    """The `n` names most like `text`, scored on the whole name and on each of its words
    (so "Farant" finds "Graham Farrant"); nothing below a similarity of 0.6."""
    wanted = text.lower()

    def score(name: str) -> float:
        parts = [name.lower(), *name.lower().split()]
        return max(SequenceMatcher(None, wanted, part).ratio() for part in parts)

    scored = sorted({(-score(name), name) for name in set(names) if name.strip()})
    return [name for negative, name in scored if -negative >= 0.6][:n]

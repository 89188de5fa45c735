"""Analyses over recommendations: similar ones made to other councils, a challenge's
progress (recommendations with their responses), and who is due a follow-up or a challenge.

GET /recommendations/{id}/similar   id = recommendation key, e.g. E09000019-2018-03-16
GET /challenges/{id}/progress       id = challenge key, e.g. E09000019-2018-03
GET /due?as_of=YYYY-MM-DD
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import pyoxigraph as ox
from fastapi import APIRouter, Path, Query

from api.deps import SettingsDep, StoreDep
from api.routes.common import KEY_PATTERN, IsoDate
from councilgraph.errors import QueryError
from graph.due import due
from graph.namespaces import sparql_prologue
from graph.progress import progress
from graph.sparql import rows

router = APIRouter(tags=["analysis"])
_SIMILAR = (
    sparql_prologue()
    + """
SELECT ?rec ?similar ?score ?method ?basis ?text ?council ?councilName ?challenge WHERE {
  ?rec a cg:Recommendation .
  OPTIONAL {
    ?s a cg:Similarity ; cg:from ?rec ; cg:to ?similar ; cg:score ?score ; cg:method ?method .
    OPTIONAL { ?s cg:basis ?basis }
    ?similar cg:text ?text ; cg:addressedTo ?council ; cg:madeBy ?challenge .
    ?council skos:prefLabel ?councilName .
  }
}
ORDER BY DESC(?score) ?similar
"""
)
# The themes and topics of the recommendation and of those it is similar to (a path of
# length zero or one from it).
_CONCEPTS = (
    sparql_prologue()
    + """
SELECT ?about ?kind ?concept ?label WHERE {
  ?rec (^cg:from/cg:to)? ?about .
  { ?about dct:subject ?concept . BIND("themes" AS ?kind) }
  UNION { ?about cg:raisesTopic ?concept . BIND("topics" AS ?kind) }
  ?concept skos:prefLabel ?label .
}
ORDER BY ?about ?kind ?concept
"""
)
SIMILAR_FIELDS = (
    "similar",
    "score",
    "method",
    "basis",
    "text",
    "council",
    "councilName",
    "challenge",
)
IdPath = Annotated[str, Path(pattern=KEY_PATTERN)]
Concepts = dict[str, dict[str, list[dict[str, str]]]]  # about -> kind -> [{iri, label}]


@router.get(
    "/recommendations/{id}/similar", responses={404: {"description": "unknown recommendation"}}
)
def similar_recommendations(id: IdPath, store: StoreDep, settings: SettingsDep) -> dict[str, Any]:
    """The most similar recommendations made to other councils, best first, with scores, the
    topics they share and the basis (what signalled each topic on either side, the words
    both use); the themes and topics of the recommendation and of each similar one."""
    iri = f"{settings.things}recommendation/{id}"
    found = rows(store, _SIMILAR, {"rec": ox.NamedNode(iri)})
    if not found:
        raise QueryError(f"no recommendation {id!r}", status=404)
    concepts = _concepts(store, iri)
    mine = concepts.get(iri, {})
    similar = []
    for row in found:
        if "similar" not in row:
            continue
        item: dict[str, Any] = {k: row.get(k) for k in SIMILAR_FIELDS}
        other = concepts.get(str(row["similar"]), {})
        their_topics = other.get("topics", [])
        item["themes"], item["topics"] = other.get("themes", []), their_topics
        item["sharedTopics"] = [t for t in their_topics if t in mine.get("topics", [])]
        similar.append(item)
    return {
        "recommendation": iri,
        "themes": mine.get("themes", []),
        "topics": mine.get("topics", []),
        "similar": similar,
    }


def _concepts(store: ox.Store, iri: str) -> Concepts:
    """Themes and topics of the recommendation and its similar ones:
    {IRI: {"themes" | "topics": [{iri, label}]}}."""
    grouped: Concepts = {}
    for row in rows(store, _CONCEPTS, {"rec": ox.NamedNode(iri)}):
        kinds = grouped.setdefault(str(row["about"]), {})
        kinds.setdefault(str(row["kind"]), []).append(
            {"iri": str(row["concept"]), "label": str(row["label"])}
        )
    return grouped


@router.get(
    "/challenges/{id}/progress", responses={404: {"description": "unknown challenge or council"}}
)
def challenge_progress(id: IdPath, store: StoreDep, settings: SettingsDep) -> dict[str, Any]:
    """A challenge's recommendations with the actions that respond to them (status, evidence)."""
    found = [p for p in progress(store, id, settings.things) if p.challenge.endswith("/" + id)]
    if not found:
        raise QueryError(f"no peer challenge {id!r}", status=404)
    return found[0].to_dict()


@router.get("/due")
def due_report(
    store: StoreDep,
    as_of: Annotated[IsoDate | None, Query(description="YYYY-MM-DD; default today")] = None,
) -> dict[str, Any]:
    """Challenges with no recorded follow-up within two years, councils with none in five."""
    return due(store, as_of or date.today()).to_dict()

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
SELECT ?rec ?similar ?score ?method ?text ?council ?councilName ?challenge WHERE {
  ?rec a cg:Recommendation .
  OPTIONAL {
    ?s a cg:Similarity ; cg:from ?rec ; cg:to ?similar ; cg:score ?score ; cg:method ?method .
    ?similar cg:text ?text ; cg:addressedTo ?council ; cg:madeBy ?challenge .
    ?council skos:prefLabel ?councilName .
  }
}
ORDER BY DESC(?score) ?similar
"""
)
IdPath = Annotated[str, Path(pattern=KEY_PATTERN)]


@router.get(
    "/recommendations/{id}/similar", responses={404: {"description": "unknown recommendation"}}
)
def similar_recommendations(id: IdPath, store: StoreDep, settings: SettingsDep) -> dict[str, Any]:
    """The most similar recommendations made to other councils, best first, with scores."""
    iri = f"{settings.things}recommendation/{id}"
    found = rows(store, _SIMILAR, {"rec": ox.NamedNode(iri)})
    if not found:
        raise QueryError(f"no recommendation {id!r}", status=404)
    similar = [
        {
            k: row[k]
            for k in ("similar", "score", "method", "text", "council", "councilName", "challenge")
        }
        for row in found
        if "similar" in row
    ]
    return {"recommendation": iri, "similar": similar}


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

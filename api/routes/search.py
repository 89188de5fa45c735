"""GET /search?q=: names and labels (aliases too) of councils, people and organisations."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import StoreDep
from api.models import SearchHit, SearchResults
from api.routes.common import KeysDep
from graph import names

router = APIRouter(tags=["search"])


@router.get("/search", response_model=SearchResults)
def search(
    store: StoreDep,
    keys: KeysDep,
    q: Annotated[
        str,
        Query(min_length=1, max_length=200, description="a name or part of one, e.g. LB Lambeth"),
    ],
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> SearchResults:
    """Exact matches first, then names that start with q, then names that contain it."""
    hits = names.search(store, q)
    items = [
        SearchHit(
            iri=hit.thing,
            id=keys.key(hit.thing),
            kind=keys.kind(hit.thing),
            label=hit.label,
            matched=hit.matched,
        )
        for hit in hits[:limit]
    ]
    return SearchResults(q=q, count=len(hits), items=items)

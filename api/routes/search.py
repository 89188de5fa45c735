"""GET /search?q=: names and labels (aliases too) of councils, people and organisations."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.deps import StoreDep
from api.listing import CSV_RESPONSE, PagingDep, page_response
from api.models import SearchResults
from api.routes.common import KeysDep
from graph import names

router = APIRouter(tags=["search"])


@router.get("/search", response_model=SearchResults, responses=CSV_RESPONSE)
def search(
    request: Request,
    paging: PagingDep,
    store: StoreDep,
    keys: KeysDep,
    q: Annotated[
        str,
        Query(min_length=1, max_length=200, description="a name or part of one, e.g. LB Lambeth"),
    ],
) -> Response:
    """Exact matches first, then names that start with q, then names that contain it."""
    ordered = [
        {
            "iri": hit.thing,
            "id": keys.key(hit.thing),
            "kind": keys.kind(hit.thing),
            "label": hit.label,
            "matched": hit.matched,
        }
        for hit in names.search(store, q)
    ]
    page = paging.page(ordered)
    extra = {"q": q, "count": len(page)}
    return page_response(request, paging, page, total=len(ordered), extra=extra, whole=ordered)

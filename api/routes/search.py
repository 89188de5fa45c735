"""GET /search?q=: names and labels (aliases too) of councils, people and organisations."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.deps import StoreDep
from api.listing import CSV_RESPONSE, PagingDep, page_response
from api.models import SearchResults
from api.queries import select
from api.routes.common import KeysDep

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
    wanted = " ".join(q.split()).lower()
    best: dict[str, dict[str, Any]] = {}
    ranks: dict[str, tuple[int, str]] = {}
    for row in select(store, "search", q=wanted):
        matched = str(row["matched"])
        rank = (
            0 if matched.lower() == wanted else 1 if matched.lower().startswith(wanted) else 2,
            str(row["label"]),
        )
        if row["thing"] not in ranks or rank < ranks[row["thing"]]:
            ranks[row["thing"]] = rank
            best[row["thing"]] = {
                "iri": row["thing"],
                "id": keys.key(row["thing"]),
                "kind": keys.kind(row["thing"]),
                "label": str(row["label"]),
                "matched": matched,
            }
    ordered = [best[t] for t in sorted(best, key=lambda thing: ranks[thing])]
    page = paging.page(ordered)
    extra = {"q": q, "count": len(page)}
    return page_response(request, paging, page, total=len(ordered), extra=extra, whole=ordered)

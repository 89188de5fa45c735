"""GET /recommendations: filtered, full-text searchable, paginated with a total count."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.deps import StoreDep
from api.listing import CSV_RESPONSE, PagingDep, page_response
from api.models import Recommendations
from api.queries import facts
from api.routes.common import GSS_PATTERN, KEY_PATTERN, KeysDep

router = APIRouter(tags=["recommendations"])
THEMES = "https://w3id.org/councilgraph/def/theme/"


@router.get("/recommendations", response_model=Recommendations, responses=CSV_RESPONSE)
def get_recommendations(
    request: Request,
    paging: PagingDep,
    store: StoreDep,
    keys: KeysDep,
    council: Annotated[
        str | None, Query(pattern=GSS_PATTERN, description="GSS code of the council addressed")
    ] = None,
    challenge: Annotated[
        str | None, Query(pattern=KEY_PATTERN, description="challenge id, e.g. E09000019-2018-03")
    ] = None,
    theme: Annotated[
        str | None,
        Query(pattern=KEY_PATTERN, description="theme key, e.g. financial-planning-and-management"),
    ] = None,
    year: Annotated[
        int | None, Query(ge=1990, le=2100, description="year the challenge started")
    ] = None,
    key: Annotated[
        bool | None, Query(description="only key (true) or only detailed (false) recommendations")
    ] = None,
    q: Annotated[
        str | None, Query(min_length=1, max_length=200, description="words in the text")
    ] = None,
) -> Response:
    """Recommendations made by peer challenges, each with where it was stated."""
    total, items = facts.recommendations(
        store,
        keys,
        council=keys.iri("council", council) if council else None,
        challenge=keys.iri("challenge", challenge) if challenge else None,
        theme=THEMES + theme if theme else None,
        year=year,
        key=key,
        q=q,
        limit=None if paging.csv else paging.limit,
        offset=0 if paging.csv else paging.offset,
    )
    return page_response(request, paging, items, total=total)

"""GET /recommendations: filtered, full-text searchable, paginated with a total count."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import StoreDep
from api.models import Recommendations
from api.queries import facts
from api.routes.common import GSS_PATTERN, KEY_PATTERN, KeysDep

router = APIRouter(tags=["recommendations"])
THEMES = "https://w3id.org/councilgraph/def/theme/"


@router.get("/recommendations", response_model=Recommendations)
def get_recommendations(
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
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Recommendations:
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
        limit=limit,
        offset=offset,
    )
    return Recommendations(total=total, limit=limit, offset=offset, items=items)

"""GET /leads: who leads what, on a date (today by default), with the document that says so."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.deps import StoreDep
from api.listing import CSV_RESPONSE, PagingDep, page_response
from api.models import Leads
from api.queries import facts
from api.routes.common import GSS_PATTERN, KEY_PATTERN, IsoDate, KeysDep

router = APIRouter(tags=["leads"])


@router.get("/leads", response_model=Leads, responses=CSV_RESPONSE)
def get_leads(
    request: Request,
    paging: PagingDep,
    store: StoreDep,
    keys: KeysDep,
    area: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=100,
            description="policy area key or words in its label, e.g. skills",
        ),
    ] = None,
    organisation: Annotated[
        str | None, Query(pattern=KEY_PATTERN, description="organisation key or council GSS code")
    ] = None,
    person: Annotated[
        str | None, Query(pattern=KEY_PATTERN, description="person key, e.g. joanne-roney")
    ] = None,
    on: Annotated[
        IsoDate | None, Query(description="posts current on this date; default today")
    ] = None,
    include_past: Annotated[
        bool, Query(description="also posts and commissions that have ended")
    ] = False,
) -> Response:
    """Every leadership post and Lead Chief Executive commission, filtered."""
    when = on or date.today()
    org_iri = None
    if organisation:
        kind = "council" if re.match(GSS_PATTERN, organisation) else "organisation"
        org_iri = keys.iri(kind, organisation)
    items = facts.leads(
        store,
        keys,
        area=area,
        organisation=org_iri,
        person=keys.iri("person", person) if person else None,
        on=when,
        include_past=include_past,
    )
    on_date = None if include_past else when.isoformat()
    page = paging.page(items)
    extra = {"on": on_date, "count": len(page)}
    return page_response(request, paging, page, total=len(items), extra=extra, whole=items)

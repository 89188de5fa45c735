"""GET /leads: who leads what on a date (today by default), with the document that says so.

The semantics live in `graph.leads` (and the library query q12): this route only reads the
parameters and pages the rows. A post is listed when its known interval holds the date; one
with no known end only while stated within the window before it; `include_stale=true` adds
the rest, marked stale.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.deps import SettingsDep, StoreDep
from api.listing import CSV_RESPONSE, PagingDep, page_response
from api.models import ErrorBody, Leads
from api.queries import facts
from api.routes.common import IsoDate, KeysDep, WindowYears

router = APIRouter(tags=["leads"])
RESPONSES = {
    **CSV_RESPONSE,
    422: {
        "model": ErrorBody,
        "description": "a bad parameter, or an unknown person, "
        "organisation or area (the nearest known ones are named)",
    },
}


@router.get("/leads", response_model=Leads, responses=RESPONSES)
def get_leads(
    request: Request,
    paging: PagingDep,
    store: StoreDep,
    settings: SettingsDep,
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
        str | None,
        Query(
            min_length=1,
            max_length=200,
            description="organisation id, council GSS code, name or alias, e.g. LB Barking",
        ),
    ] = None,
    person: Annotated[
        str | None,
        Query(min_length=1, max_length=200, description="person id or name, e.g. Farrant"),
    ] = None,
    on: Annotated[
        IsoDate | None, Query(description="posts current on this date; default today")
    ] = None,
    window: WindowYears = None,
    include_stale: Annotated[
        bool, Query(description="also posts not current on the date, marked stale")
    ] = False,
    include_past: Annotated[
        bool, Query(description="the former name of include_stale", deprecated=True)
    ] = False,
) -> Response:
    """Every leadership post and Lead Chief Executive commission held on a date."""
    when = on or date.today()
    years = settings.leads_window_years if window is None else window
    stale = include_stale or include_past
    items = facts.leads(
        store,
        keys,
        on=when,
        window_years=years,
        include_stale=stale,
        area=area,
        organisation=organisation,
        person=person,
    )
    page = paging.page(items)
    extra = {
        "on": when.isoformat(),
        "window_years": years,
        "include_stale": stale,
        "count": len(page),
    }
    return page_response(request, paging, page, total=len(items), extra=extra, whole=items)

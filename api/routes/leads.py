"""GET /leads: who leads what, on a date (today by default), with the document that says so."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import StoreDep
from api.models import Leads
from api.queries import facts
from api.routes.common import GSS_PATTERN, KEY_PATTERN, KeysDep

router = APIRouter(tags=["leads"])


@router.get("/leads", response_model=Leads)
def get_leads(
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
        date | None, Query(description="posts current on this date; default today")
    ] = None,
    include_past: Annotated[
        bool, Query(description="also posts and commissions that have ended")
    ] = False,
) -> Leads:
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
    return Leads(on=None if include_past else when.isoformat(), count=len(items), items=items)

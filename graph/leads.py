"""Who leads what on a date: one definition for /leads, `councilgraph leads` and researchers.

The semantics are the library query q12 (`graph/queries/q12-leads-on-a-date.rq`), run here
with the date, the window and the filters bound as typed terms; tenure itself (when each
membership is known to hold) is worked out at build time by `graph.tenure`. A post is
current on a date when its known interval holds it; with no known end, only while its
latest evidence (last statement, or start) is within the window before the date; with no
known start, only from the window before its earliest evidence (first statement, or end);
a former post with no known end never. `include_stale` adds the rest, marked stale.

`person` and `organisation` may be ids, names or aliases (`graph.names.resolve`); an unknown
one, or an area no policy area matches, is a QueryError 422 naming the nearest known ones.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

import pyoxigraph as ox

from graph import names
from graph.sparql import Bindable, named_query, rows

QUERY = "q12"


@dataclass(frozen=True)
class Lead:
    """One row: a post or commission, its known interval and on what basis, its source."""

    membership: str
    person: str
    name: str
    role: str
    role_label: str
    organisation: str
    organisation_name: str
    post: str | None
    area: str | None
    area_label: str | None
    start: str | None  # cg:startDate, as stated (a day, month or year)
    end: str | None  # cg:endDate, as stated
    since: str | None  # cg:heldFrom
    until: str | None  # cg:heldUntil
    not_before: str | None  # cg:notBefore
    basis: str | None  # "stated" | "inferred" (of the end)
    ended_by: str | None  # what an inferred end rests on
    first_stated: str | None
    last_stated: str | None
    interim: bool
    acting: bool
    former: bool
    kind: str | None  # cg:linkKind
    stale: bool
    document: str | None
    document_title: str | None
    location: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def shifted(day: date, years: int) -> str:
    """`day` moved by whole years as q12 moves it: by the digits, so that 2012-02-29 less
    three years is "2009-02-29", which 2009-02-28 falls short of and 2009-03-01 passes."""
    return f"{day.year + years:04d}{day.isoformat()[4:]}"


def lead_rows(
    store: ox.Store,
    *,
    on: date,
    window_years: int,
    include_stale: bool = False,
    area: str | None = None,
    person: str | None = None,
    organisation: str | None = None,
) -> list[dict[str, Any]]:
    """q12's rows (person and organisation are IRIs here; `area` words of a policy area)."""
    if window_years < 0:
        raise ValueError("the window is a number of years, 0 or more")
    bindings: dict[str, Bindable | None] = {
        "date": on,
        "years": window_years,
        "includeStale": include_stale,
        "areaText": area,
        "person": ox.NamedNode(person) if person else None,
        "org": ox.NamedNode(organisation) if organisation else None,
    }
    return rows(store, named_query(QUERY), {k: v for k, v in bindings.items() if v is not None})


def leads(
    store: ox.Store,
    things: str,
    *,
    on: date,
    window_years: int,
    include_stale: bool = False,
    area: str | None = None,
    person: str | None = None,
    organisation: str | None = None,
) -> list[Lead]:
    """Who led what on `on`; `person` and `organisation` as ids, names or aliases."""
    if area:
        names.check_area(store, area, parameter="area")
    person_iri = (
        names.resolve(store, person, "person", things, parameter="person") if person else None
    )
    org_iri = (
        names.resolve(store, organisation, "organisation", things, parameter="organisation")
        if organisation
        else None
    )
    found = lead_rows(
        store,
        on=on,
        window_years=window_years,
        include_stale=include_stale,
        area=area,
        person=person_iri,
        organisation=org_iri,
    )
    return unique(as_lead(row) for row in found)


def as_lead(row: dict[str, Any]) -> Lead:
    def text(key: str) -> str | None:
        value = row.get(key)
        return None if value is None else str(value)

    return Lead(
        membership=row["m"],
        person=row["person"],
        name=str(row["name"]),
        role=row["role"],
        role_label=str(row["roleLabel"]),
        organisation=row["org"],
        organisation_name=str(row["orgName"]),
        post=text("post"),
        area=text("area"),
        area_label=text("areaLabel"),
        start=text("start"),
        end=text("end"),
        since=text("since"),
        until=text("until"),
        not_before=text("notBefore"),
        basis=text("basis"),
        ended_by=text("endedBy"),
        first_stated=text("firstStated"),
        last_stated=text("lastStated"),
        interim=bool(row.get("interim")),
        acting=bool(row.get("acting")),
        former=bool(row.get("former")),
        kind=text("kind"),
        stale=not row.get("current"),
        document=text("doc"),
        document_title=text("docTitle"),
        location=text("location"),
    )


def unique(leads: Any) -> list[Lead]:
    """One row per membership (a membership with two titles or areas repeats in SPARQL)."""
    seen: dict[str, Lead] = {}
    for lead in leads:
        seen.setdefault(lead.membership, lead)
    return list(seen.values())

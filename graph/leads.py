"""Who leads what on a date: one definition for /leads, `councilgraph leads` and researchers.

The rows are the library query q12's (`graph/queries/q12-leads-on-a-date.rq`), run here with
the filters bound as typed terms; tenure itself (when each membership is known to hold) is
worked out at build time by `graph.tenure`. Whether a row is current on the date is decided
by `graph.live`, the rule the maps and reliance use too (q12 states it in SPARQL for
researchers, and a test holds the two together): a post is current when its known interval
holds the date; with no known end, only while its latest evidence (last statement, or
start) is within the window before the date; with no known start, only from the window
before its earliest evidence (first statement, or end); a former post with no known end
never. `include_stale` adds the rest, marked stale.

`person` and `organisation` may be ids, names or aliases (`graph.names.resolve`); an unknown
one, or an area no policy area matches, is a QueryError 422 naming the nearest known ones.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from functools import partial
from typing import Any

import pyoxigraph as ox

from graph import live, names
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
    found = lead_rows(  # every row: graph.live decides which are current
        store,
        on=on,
        window_years=window_years,
        include_stale=True,
        area=area,
        person=person_iri,
        organisation=org_iri,
    )
    listed = unique(as_lead(row, on=on, window_years=window_years) for row in found)
    return [lead for lead in listed if include_stale or not lead.stale]


def evidence(row: dict[str, Any]) -> live.Evidence:
    """What `graph.live`'s rule reads, from a q12 row."""
    text = partial(_text, row)
    return live.Evidence(
        held_from=text("since"),
        held_until=text("until"),
        not_before=text("notBefore"),
        first_stated=text("firstStated"),
        last_stated=text("lastStated"),
        former=bool(row.get("former")),
    )


def _text(row: dict[str, Any], key: str) -> str | None:
    value = row.get(key)
    return None if value is None else str(value)


def as_lead(row: dict[str, Any], *, on: date, window_years: int) -> Lead:
    text = partial(_text, row)
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
        stale=not live.live_on(evidence(row), on, window_years),
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

"""Leads, posts, councils, challenges, partnerships and recommendations as API models."""

from __future__ import annotations

from datetime import date
from typing import Any

import pyoxigraph as ox

from api.models import Challenge, Partnership, Post, Recommendation, Ref, Source
from api.queries import Keys, iri, select
from graph import leads as graph_leads


def _ref(keys: Keys, value: str | None, label: str | None = None) -> Ref | None:
    return Ref(iri=value, id=keys.key(value), label=label) if value else None


def _source(row: dict[str, Any], doc: str = "doc", title: str = "docTitle") -> Source:
    return Source(document=row.get(doc), title=row.get(title), location=row.get("location"))


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def post(keys: Keys, row: dict[str, Any]) -> Post:
    person = _ref(keys, row["person"], row.get("name"))
    organisation = _ref(keys, row["org"], row.get("orgName"))
    assert person and organisation
    return Post(
        iri=row["m"],
        person=person,
        role=_ref(keys, row.get("role"), row.get("roleLabel")),
        post=row.get("post"),
        area=_ref(keys, row.get("area"), row.get("areaLabel")),
        organisation=organisation,
        start=_text(row.get("start")),
        end=_text(row.get("end")),
        since=_text(row.get("since")),
        until=_text(row.get("until")),
        not_before=_text(row.get("notBefore")),
        basis=row.get("basis"),
        ended_by=row.get("endedBy"),
        first_stated=_text(row.get("firstStated")),
        last_stated=_text(row.get("lastStated")),
        interim=bool(row.get("interim")),
        acting=bool(row.get("acting")),
        former=bool(row.get("former")),
        kind=row.get("kind"),
        source=_source(row),
    )


def leads(
    store: ox.Store,
    keys: Keys,
    *,
    on: date,
    window_years: int,
    include_stale: bool = False,
    area: str | None = None,
    organisation: str | None = None,
    person: str | None = None,
) -> list[Post]:
    """Leadership posts and commissions current on `on` (and, with `include_stale`, the rest,
    marked stale); `person` and `organisation` are ids, names or aliases (graph.leads)."""
    found = graph_leads.leads(
        store,
        keys.things,
        on=on,
        window_years=window_years,
        include_stale=include_stale,
        area=area,
        person=person,
        organisation=organisation,
    )
    return [_lead_post(keys, lead) for lead in found]


def _lead_post(keys: Keys, lead: graph_leads.Lead) -> Post:
    person = _ref(keys, lead.person, lead.name)
    organisation = _ref(keys, lead.organisation, lead.organisation_name)
    assert person and organisation
    return Post(
        iri=lead.membership,
        person=person,
        role=_ref(keys, lead.role, lead.role_label),
        post=lead.post,
        area=_ref(keys, lead.area, lead.area_label),
        organisation=organisation,
        start=lead.start,
        end=lead.end,
        since=lead.since,
        until=lead.until,
        not_before=lead.not_before,
        basis=lead.basis,
        ended_by=lead.ended_by,
        first_stated=lead.first_stated,
        last_stated=lead.last_stated,
        interim=lead.interim,
        acting=lead.acting,
        former=lead.former,
        kind=lead.kind,
        stale=lead.stale,
        source=Source(document=lead.document, title=lead.document_title, location=lead.location),
    )


def posts(
    store: ox.Store, keys: Keys, *, person: str | None = None, org: str | None = None
) -> list[Post]:
    found = select(
        store, "posts", person=iri(person) if person else None, org=iri(org) if org else None
    )
    return _unique_posts(keys, found)


def _unique_posts(keys: Keys, found: list[dict[str, Any]]) -> list[Post]:
    """One Post per membership; OPTIONAL patterns can repeat a row (two titles, two areas)."""
    seen: dict[str, Post] = {}
    for row in found:
        seen.setdefault(row["m"], post(keys, row))
    return list(seen.values())


def challenges(
    store: ox.Store, keys: Keys, *, council: str | None = None, challenge: str | None = None
) -> list[Challenge]:
    """Every peer challenge, oldest first; or those of `council`; or the one `challenge`."""
    out: dict[str, Challenge] = {}
    for row in select(
        store,
        "challenges",
        forCouncil=iri(council) if council else None,
        challenge=iri(challenge) if challenge else None,
    ):
        out.setdefault(
            row["challenge"],
            Challenge(
                iri=row["challenge"],
                id=keys.key(row["challenge"]),
                label=row.get("label"),
                council=_ref(keys, row.get("council"), row.get("councilName")),
                type=_ref(keys, row.get("type"), row.get("typeLabel")),
                start=_text(row.get("start")),
                end=_text(row.get("end")),
                follow_up_due_by=_text(row.get("followUpDueBy")),
                follow_up_of=row.get("followUpOf"),
                team=_ref(keys, row.get("team")),
                source=_source(row, "report", "reportTitle"),
            ),
        )
    return list(out.values())


def partnerships(store: ox.Store, keys: Keys, *, member: str | None = None) -> list[Partnership]:
    """Every partnership, or those `member` belongs to, with its members by name and its first
    source."""
    with_member = iri(member) if member else None
    out: dict[str, Partnership] = {}
    for row in select(store, "partnerships", withMember=with_member):
        out.setdefault(
            row["p"],
            Partnership(
                iri=row["p"],
                id=keys.key(row["p"]),
                label=row.get("label"),
                members=[],
                relies_on_individual_relationships=row.get("reliant"),
                source=_source(row),
            ),
        )
    for row in select(store, "partnership-members", withMember=with_member):
        found, ref = out.get(row["p"]), _ref(keys, row["member"], row.get("memberName"))
        if found and ref and all(m.iri != ref.iri for m in found.members):
            found.members.append(ref)
    return list(out.values())


def recommendations(
    store: ox.Store,
    keys: Keys,
    *,
    council: str | None = None,
    challenge: str | None = None,
    theme: str | None = None,
    year: int | None = None,
    key: bool | None = None,
    q: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> tuple[int, list[Recommendation]]:
    """How many recommendations match all the filters given, and those from `offset` (at most
    `limit`), in the order of their challenge. Only the page is described: matching is one
    query, each recommendation on the page one more, so a page costs the same at any size."""
    matching = select(
        store,
        "recommendation-keys",
        council=iri(council) if council else None,
        challenge=iri(challenge) if challenge else None,
        theme=iri(theme) if theme else None,
        year=year,
        key=key,
        q=q,
    )
    page = matching[offset:] if limit is None else matching[offset : offset + limit]
    return len(matching), [_recommendation(store, keys, row["rec"]) for row in page]


def _recommendation(store: ox.Store, keys: Keys, rec: str) -> Recommendation:
    found = select(store, "recommendation", rec=iri(rec))  # one row per theme and document
    first = found[0]
    themes: dict[str, Ref] = {}
    for row in found:
        if row.get("subject"):
            themes.setdefault(
                row["subject"],
                Ref(
                    iri=row["subject"],
                    id=row["subject"].rsplit("/", 1)[-1],
                    label=row.get("subjectLabel"),
                ),
            )
    return Recommendation(
        iri=rec,
        id=keys.key(rec),
        number=_text(first.get("number")),
        text=first["text"],
        key=first.get("key"),
        themes=list(themes.values()),
        challenge=_ref(keys, first.get("challenge")),
        council=_ref(keys, first.get("council"), first.get("councilName")),
        source=_source(first),
    )

"""Leads, posts, councils, challenges, partnerships and recommendations for the API.

Lists are plain dictionaries in the shape of their response model (`*_row`, `leads`,
`challenge_rows`, `partnership_rows`, `recommendation_rows`), written to a response as they
are; the model-returning functions wrap them for the detail pages and the maps."""

from __future__ import annotations

from datetime import date
from typing import Any

import pyoxigraph as ox

from api.models import Challenge, Partnership, Post
from api.queries import Keys, iri, select, text
from graph import leads as graph_leads
from graph.sparql import rows, with_rows


def _ref(keys: Keys, value: str | None, label: str | None = None) -> dict[str, Any] | None:
    return {"iri": value, "id": keys.key(value), "label": label} if value else None


def _source(row: dict[str, Any], doc: str = "doc", title: str = "docTitle") -> dict[str, Any]:
    return {"document": row.get(doc), "title": row.get(title), "location": row.get("location")}


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def post_row(keys: Keys, row: dict[str, Any]) -> dict[str, Any]:
    """A membership as the `Post` model shapes it."""
    return {
        "iri": row["m"],
        "person": _ref(keys, row["person"], row.get("name")),
        "role": _ref(keys, row.get("role"), row.get("roleLabel")),
        "post": row.get("post"),
        "area": _ref(keys, row.get("area"), row.get("areaLabel")),
        "organisation": _ref(keys, row["org"], row.get("orgName")),
        "start": _text(row.get("start")),
        "end": _text(row.get("end")),
        "since": _text(row.get("since")),
        "until": _text(row.get("until")),
        "not_before": _text(row.get("notBefore")),
        "basis": row.get("basis"),
        "ended_by": row.get("endedBy"),
        "first_stated": _text(row.get("firstStated")),
        "last_stated": _text(row.get("lastStated")),
        "interim": bool(row.get("interim")),
        "acting": bool(row.get("acting")),
        "former": bool(row.get("former")),
        "kind": row.get("kind"),
        "source": _source(row),
    }


def post(keys: Keys, row: dict[str, Any]) -> Post:
    return Post.model_validate(post_row(keys, row))


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
) -> list[dict[str, Any]]:
    """Leadership posts and commissions current on `on` (and, with `include_stale`, the rest,
    marked stale), as `Post`-shaped rows; `person` and `organisation` are ids, names or
    aliases (graph.leads holds the rule)."""
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
    return [_lead_row(keys, lead) for lead in found]


def _lead_row(keys: Keys, lead: graph_leads.Lead) -> dict[str, Any]:
    return {
        "iri": lead.membership,
        "person": _ref(keys, lead.person, lead.name),
        "role": _ref(keys, lead.role, lead.role_label),
        "post": lead.post,
        "area": _ref(keys, lead.area, lead.area_label),
        "organisation": _ref(keys, lead.organisation, lead.organisation_name),
        "start": lead.start,
        "end": lead.end,
        "since": lead.since,
        "until": lead.until,
        "not_before": lead.not_before,
        "basis": lead.basis,
        "ended_by": lead.ended_by,
        "first_stated": lead.first_stated,
        "last_stated": lead.last_stated,
        "interim": lead.interim,
        "acting": lead.acting,
        "former": lead.former,
        "kind": lead.kind,
        "stale": lead.stale,
        "source": {
            "document": lead.document,
            "title": lead.document_title,
            "location": lead.location,
        },
    }


def posts(
    store: ox.Store, keys: Keys, *, person: str | None = None, org: str | None = None
) -> list[Post]:
    found = select(
        store, "posts", person=iri(person) if person else None, org=iri(org) if org else None
    )
    return [Post.model_validate(row) for row in _unique_rows(keys, found)]


def _unique_rows(keys: Keys, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per membership; OPTIONAL patterns can repeat a row (two titles, two areas)."""
    seen: dict[str, dict[str, Any]] = {}
    for row in found:
        if row["m"] not in seen:
            seen[row["m"]] = post_row(keys, row)
    return list(seen.values())


def challenges(
    store: ox.Store, keys: Keys, *, council: str | None = None, challenge: str | None = None
) -> list[Challenge]:
    """Every peer challenge, oldest first; or those of `council`; or the one `challenge`."""
    found = challenge_rows(store, keys, council=council, challenge=challenge)
    return [Challenge.model_validate(row) for row in found]


def challenge_rows(
    store: ox.Store, keys: Keys, *, council: str | None = None, challenge: str | None = None
) -> list[dict[str, Any]]:
    """As `challenges`, `Challenge`-shaped rows."""
    out: dict[str, dict[str, Any]] = {}
    for row in select(
        store,
        "challenges",
        forCouncil=iri(council) if council else None,
        challenge=iri(challenge) if challenge else None,
    ):
        if row["challenge"] in out:
            continue
        out[row["challenge"]] = {
            "iri": row["challenge"],
            "id": keys.key(row["challenge"]),
            "label": row.get("label"),
            "council": _ref(keys, row.get("council"), row.get("councilName")),
            "type": _ref(keys, row.get("type"), row.get("typeLabel")),
            "start": _text(row.get("start")),
            "end": _text(row.get("end")),
            "follow_up_due_by": _text(row.get("followUpDueBy")),
            "follow_up_of": row.get("followUpOf"),
            "team": _ref(keys, row.get("team")),
            "source": _source(row, "report", "reportTitle"),
        }
    return list(out.values())


def partnerships(store: ox.Store, keys: Keys, *, member: str | None = None) -> list[Partnership]:
    """Every partnership, or those `member` belongs to, with its members by name and its first
    source."""
    return [Partnership.model_validate(row) for row in partnership_rows(store, keys, member=member)]


def partnership_rows(
    store: ox.Store, keys: Keys, *, member: str | None = None
) -> list[dict[str, Any]]:
    """As `partnerships`, `Partnership`-shaped rows."""
    with_member = iri(member) if member else None
    out: dict[str, dict[str, Any]] = {}
    for row in select(store, "partnerships", withMember=with_member):
        if row["p"] not in out:
            out[row["p"]] = {
                "iri": row["p"],
                "id": keys.key(row["p"]),
                "label": row.get("label"),
                "members": [],
                "relies_on_individual_relationships": row.get("reliant"),
                "source": _source(row),
            }
    for row in select(store, "partnership-members", withMember=with_member):
        found, ref = out.get(row["p"]), _ref(keys, row["member"], row.get("memberName"))
        if found and ref and all(m["iri"] != ref["iri"] for m in found["members"]):
            found["members"].append(ref)
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
) -> tuple[int, list[dict[str, Any]]]:
    """How many recommendations match all the filters given, and those from `offset` (at most
    `limit`, None for all), in the order of their challenge, as `Recommendation`-shaped rows.
    Matching is one query; describing a page one query per recommendation on it, so a page
    costs the same at any size, and the whole list one query for them all."""
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
    wanted = [row["rec"] for row in page]
    if not wanted:
        return len(matching), []
    if len(wanted) > BULK_DESCRIBE:
        found = select(store, "recommendation")
    else:  # the page's recommendations in one VALUES block
        found = rows(store, with_rows(text("recommendation"), "rec", [iri(r) for r in wanted]))
    described = _by_rec(found)
    return len(matching), [_recommendation(keys, rec, described[rec]) for rec in wanted]


BULK_DESCRIBE = 1000  # past this many, every recommendation is described by one query


def _by_rec(found: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for row in found:
        out.setdefault(row["rec"], []).append(row)
    return out


def _recommendation(keys: Keys, rec: str, found: list[dict[str, Any]]) -> dict[str, Any]:
    """One recommendation from its rows (one per theme and document, earliest document first)."""
    first = found[0]
    themes: dict[str, dict[str, Any]] = {}
    for row in found:
        if row.get("subject") and row["subject"] not in themes:
            themes[row["subject"]] = {
                "iri": row["subject"],
                "id": row["subject"].rsplit("/", 1)[-1],
                "label": row.get("subjectLabel"),
            }
    return {
        "iri": rec,
        "id": keys.key(rec),
        "number": _text(first.get("number")),
        "text": first["text"],
        "key": first.get("key"),
        "themes": list(themes.values()),
        "challenge": _ref(keys, first.get("challenge")),
        "council": _ref(keys, first.get("council"), first.get("councilName")),
        "source": _source(first),
    }

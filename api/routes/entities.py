"""Councils, people, organisations, challenges, partnerships and documents, with their sources."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import Response

from api.deps import StoreDep
from api.listing import CSV_RESPONSE, PagingDep, page_response
from api.models import (
    ChallengeDetail,
    Challenges,
    CouncilDetail,
    Councils,
    DocumentDetail,
    GraphCount,
    Health,
    OrganisationDetail,
    Partnerships,
    People,
    PersonDetail,
    Ref,
    Stats,
)
from api.queries import facts, iri, select
from api.routes.common import GSS_PATTERN, KeyPath, KeysDep, label, require, statements, types
from councilgraph.errors import QueryError
from councilgraph.redact import redact

router = APIRouter(tags=["entities"])
CG = "https://w3id.org/councilgraph/def/"


@router.get("/councils", response_model=Councils, responses=CSV_RESPONSE)
def list_councils(request: Request, store: StoreDep, keys: KeysDep, paging: PagingDep) -> Response:
    """Every council in the register, by name."""
    items = [
        {
            "iri": r["council"],
            "id": keys.key(r["council"]),
            "name": r["name"],
            "region": r.get("region"),
            "authority_type": r.get("authorityType"),
        }
        for r in select(store, "councils")
    ]
    return page_response(request, paging, items)


@router.get(
    "/councils/{gss}",
    response_model=CouncilDetail,
    responses={404: {"description": "unknown council"}},
)
def get_council(
    store: StoreDep,
    keys: KeysDep,
    gss: Annotated[str, Path(pattern=GSS_PATTERN, description="ONS GSS code")],
) -> CouncilDetail:
    """A council: its names, peer challenges, posts and partnerships."""
    thing = keys.iri("council", gss)
    found = require(statements(store, thing), "council", gss)
    return CouncilDetail(
        iri=thing,
        id=gss,
        gss=gss,
        label=label(found),
        types=types(found),
        statements=found,
        challenges=facts.challenges(store, keys, council=thing),
        posts=facts.posts(store, keys, org=thing),
        partnerships=_partnerships_of(store, keys, thing),
    )


@router.get("/people", response_model=People, responses=CSV_RESPONSE)
def list_people(request: Request, store: StoreDep, keys: KeysDep, paging: PagingDep) -> Response:
    """Every person named in the sources, by name."""
    items = [
        {"iri": r["person"], "id": keys.key(r["person"]), "label": r.get("name")}
        for r in select(store, "people")
    ]
    return page_response(request, paging, items)


@router.get(
    "/people/{id}", response_model=PersonDetail, responses={404: {"description": "unknown person"}}
)
def get_person(store: StoreDep, keys: KeysDep, id: KeyPath) -> PersonDetail:
    """A person and every post, team place and commission the sources give them."""
    thing = keys.iri("person", id)
    found = require(statements(store, thing), "person", id)
    return PersonDetail(
        iri=thing,
        id=id,
        label=label(found),
        types=types(found),
        statements=found,
        posts=facts.posts(store, keys, person=thing),
    )


@router.get(
    "/organisations/{id}",
    response_model=OrganisationDetail,
    responses={404: {"description": "unknown organisation"}},
)
def get_organisation(store: StoreDep, keys: KeysDep, id: KeyPath) -> OrganisationDetail:
    """An organisation (or peer team, or council by GSS code): its people and partnerships."""
    for kind in ("organisation", "team", "council"):
        thing = keys.iri(kind, id)
        found = statements(store, thing)
        if found:
            return OrganisationDetail(
                iri=thing,
                id=id,
                label=label(found),
                types=types(found),
                statements=found,
                posts=facts.posts(store, keys, org=thing),
                partnerships=_partnerships_of(store, keys, thing),
            )
    raise QueryError(f"no organisation with id {id!r}", status=404)


@router.get("/challenges", response_model=Challenges, responses=CSV_RESPONSE)
def list_challenges(
    request: Request, store: StoreDep, keys: KeysDep, paging: PagingDep
) -> Response:
    """Every peer challenge and follow-up visit, oldest first."""
    return page_response(request, paging, facts.challenge_rows(store, keys))


@router.get(
    "/challenges/{id}",
    response_model=ChallengeDetail,
    responses={404: {"description": "unknown challenge"}},
)
def get_challenge(store: StoreDep, keys: KeysDep, id: KeyPath) -> ChallengeDetail:
    """A peer challenge: scope, peer team, recommendations, and the report."""
    thing = keys.iri("challenge", id)
    summary = next(iter(facts.challenges(store, keys, challenge=thing)), None)
    if summary is None:
        raise QueryError(f"no challenge with id {id!r}", status=404)
    found = statements(store, thing)
    team = facts.posts(store, keys, org=summary.team.iri) if summary.team else []
    _, recs = facts.recommendations(store, keys, challenge=thing)
    return ChallengeDetail(
        **summary.model_dump(),
        scope=sorted({s.value for s in found if s.property == CG + "scope"}),
        team_members=team,
        recommendations=[Ref(iri=r["iri"], id=r["id"], label=r["text"]) for r in recs],
    )


@router.get("/partnerships", response_model=Partnerships, responses=CSV_RESPONSE)
def list_partnerships(
    request: Request, store: StoreDep, keys: KeysDep, paging: PagingDep
) -> Response:
    """Partnerships, their members, and whether a source says they rest on individuals."""
    return page_response(request, paging, facts.partnership_rows(store, keys))


@router.get(
    "/documents/{id}",
    response_model=DocumentDetail,
    responses={404: {"description": "unknown document"}},
)
def get_document(store: StoreDep, keys: KeysDep, id: KeyPath) -> DocumentDetail:
    """A source document: title, date, publisher, and how much the graph takes from it."""
    thing = keys.iri("doc", id)
    found = require(statements(store, thing), "document", id)
    size = sum(1 for _ in store.quads_for_pattern(None, None, None, iri(thing)))
    date = next((s.value for s in found if s.property == "http://purl.org/dc/terms/date"), None)
    return DocumentDetail(
        iri=thing,
        id=id,
        label=label(found),
        title=label(found),
        date=date,
        types=types(found),
        statements=found,
        statements_in_graph=size,
    )


@router.get("/stats", response_model=Stats)
def get_stats(request: Request, store: StoreDep) -> Stats:
    """Triples per named graph and things per class."""
    graphs = select(store, "graph-sizes")
    things = {
        r["type"].rsplit("/", 1)[-1].rsplit("#", 1)[-1]: r["n"]
        for r in select(store, "type-counts")
    }
    return Stats(
        triples=sum(r["n"] for r in graphs),
        graphs=[GraphCount(graph=r["g"], triples=r["n"]) for r in graphs],
        things=things,
        build=_build_info(request),
    )


@router.get("/health", response_model=Health)
def get_health(request: Request) -> Health:
    """Up, with the build it serves and what answers queries: the in-memory copy, the build
    on disk (while the copy is made, or after an engine was replaced), or a remote store."""
    serving = request.app.state.serving
    build = serving.build
    return Health(
        status="ok",
        build=build.path.name if build else "remote",
        engine=serving.engine.state if serving.engine else "starting",
    )


def _build_info(request: Request) -> dict[str, Any]:
    serving = request.app.state.serving
    build = serving.build
    if build is None:
        return {"sparql_endpoint": redact(serving.settings.sparql_endpoint or "")}
    return {"path": str(build.path), **build.metadata}


def _partnerships_of(store: StoreDep, keys: KeysDep, member: str) -> list[Ref]:
    return [
        Ref(iri=p.iri, id=p.id, label=p.label)
        for p in facts.partnerships(store, keys, member=member)
    ]

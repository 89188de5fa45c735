"""Linked-data IRIs: /id/{kind}/{key} answers 303 to /doc/{kind}/{key}, a negotiated document;
vocabulary IRIs (/def/Council, /def/policy-area/...) answer the same way at /def/.

The store's IRIs are `{settings.base_iri}id/{kind}/{key}`; the request path only supplies
kind and key, so a deployment with its own base resolves its own IRIs. The vocabulary stays
at `https://w3id.org/councilgraph/def/`. The HTML is what `api.routes.entity_page` gathers.
"""

from __future__ import annotations

from typing import Annotated

import pyoxigraph as ox
from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import RedirectResponse, Response

from api.deps import SettingsDep, StoreDep
from api.engine.negotiate import parse_accept
from api.models import ErrorBody
from api.queries import Keys, iri, select
from api.routes import entity_page
from api.routes.common import statements
from api.templating import templates
from councilgraph.errors import QueryError
from graph.namespaces import CG, PREFIXES

router = APIRouter(tags=["linked data"])
KIND = r"^[a-z][a-z0-9-]{0,39}$"
KindPath = Annotated[str, Path(pattern=KIND)]
KeyPath = Annotated[str, Path(pattern=r"^[A-Za-z0-9][A-Za-z0-9._~/-]{0,299}$")]
FORMATS: dict[str, tuple[str, ox.RdfFormat | None]] = {
    "html": ("text/html", None),
    "ttl": ("text/turtle", ox.RdfFormat.TURTLE),
    "jsonld": ("application/ld+json", ox.RdfFormat.JSON_LD),
    "nt": ("application/n-triples", ox.RdfFormat.N_TRIPLES),
}
BY_MEDIA = {media: name for name, (media, _) in FORMATS.items()}
DOC_CONTENT = {media: {"schema": {"type": "string"}} for media, _ in FORMATS.values()}
FormatQuery = Annotated[str | None, Query(pattern="^(html|ttl|jsonld|nt)$")]


@router.get(
    "/id/{kind}/{key:path}",
    status_code=303,
    response_class=RedirectResponse,
    responses={
        303: {"description": "see the document about the thing"},
        404: {"model": ErrorBody, "description": "nothing is known about this IRI"},
    },
)
def resolve(
    kind: KindPath, key: KeyPath, store: StoreDep, settings: SettingsDep
) -> RedirectResponse:
    """A thing's IRI: 303 See Other to the document about it; 404 when the graph knows nothing
    about it (no statement has it as subject)."""
    thing = f"{settings.things}{kind}/{key}"
    if not select(store, "known", thing=iri(thing)):
        raise QueryError(f"nothing is known about {thing}", status=404)
    return RedirectResponse(f"/doc/{kind}/{key}", status_code=303)


@router.get(
    "/doc/{kind}/{key:path}",
    response_class=Response,
    responses={
        200: {"content": DOC_CONTENT},
        404: {"model": ErrorBody, "description": "nothing known about this IRI"},
        406: {"description": "no acceptable representation"},
    },
)
def document(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    kind: KindPath,
    key: KeyPath,
    format: FormatQuery = None,
) -> Response:
    """What the graph says about a thing: HTML for browsers, Turtle, JSON-LD or N-Triples."""
    thing = f"{settings.things}{kind}/{key}"
    return _describe(request, store, Keys(settings.things), thing, f"/doc/{kind}/{key}", format)


@router.get(
    "/def/{term:path}",
    response_class=Response,
    responses={
        200: {"content": DOC_CONTENT},
        404: {"model": ErrorBody, "description": "no such term in the vocabulary"},
        406: {"description": "no acceptable representation"},
    },
)
def vocabulary(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    term: Annotated[str, Path(pattern=r"^[A-Za-z0-9._~/-]{0,300}$")],
    format: FormatQuery = None,
) -> Response:
    """A vocabulary term (`/def/Council`, `/def/policy-area/...`; `/def/` is the ontology)
    dereferenced as data IRIs are: HTML for browsers, Turtle, JSON-LD or N-Triples."""
    return _describe(request, store, Keys(settings.things), str(CG) + term, f"/def/{term}", format)


def _describe(
    request: Request, store: ox.Store, keys: Keys, thing: str, path: str, format: str | None
) -> Response:
    if not statements(store, thing):
        raise QueryError(f"nothing is known about {thing}", status=404)
    name = format or _negotiate(request.headers.get("accept", ""))
    headers = {
        "Vary": "Accept",
        "Link": ", ".join(
            f'<{path}?format={n}>; rel="alternate"; type="{m}"' for n, (m, _) in FORMATS.items()
        ),
    }
    media, rdf_format = FORMATS[name]
    if rdf_format is None:
        context = {
            "page": entity_page.build(store, keys, thing),
            "formats": FORMATS,
            "path": path,
            "href": lambda value: entity_page.href(value, keys.things),
        }
        return templates.TemplateResponse(request, "doc.html", context, headers=headers)
    triples = [
        ox.Triple(q.subject, q.predicate, q.object)
        for q in store.quads_for_pattern(ox.NamedNode(thing), None, None, ox.DefaultGraph())
    ]
    prefixes = {p: str(ns) for p, ns in PREFIXES.items()} if name != "nt" else None
    body = ox.serialize(triples, format=rdf_format, prefixes=prefixes) or b""
    if media.startswith("text/"):
        media += "; charset=utf-8"
    return Response(body, media_type=media, headers=headers)


def _negotiate(accept: str) -> str:
    if not accept:
        return "html"
    for media in parse_accept(accept):
        if media in BY_MEDIA:
            return BY_MEDIA[media]
        if media in ("*/*", "text/*", "application/xhtml+xml"):
            return "html"
        if media in ("application/json", "application/*"):
            return "jsonld"
    raise QueryError(
        f"no representation matches Accept ({accept}); available: "
        + ", ".join(m for m, _ in FORMATS.values()),
        status=406,
    )

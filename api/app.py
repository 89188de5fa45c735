"""The HTTP application: REST, the SPARQL 1.1 Protocol endpoint, the query page, linked data.

`create_app(settings)` builds it; the lifespan opens what it serves (`api.serving`: the
current build, the engine process that holds it, the answers kept) and closes it at
shutdown. `api.cache.CacheMiddleware` answers repeated GETs from bytes.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from api.cache import CacheMiddleware
from api.routes import (
    analysis,
    entities,
    leads,
    linked_data,
    pages,
    recommendations,
    search,
    sparql,
)
from api.serving import Serving
from councilgraph.errors import CouncilGraphError, QueryError, StoreError
from councilgraph.redact import redact_text
from councilgraph.settings import Settings
from visualisations import routes as maps

STATIC = Path(__file__).resolve().parent / "static"


def create_app(settings: Settings, *, sparql_workers: int | None = None) -> FastAPI:
    """The app over `settings.store`; `sparql_workers` SPARQL queries run at once (default ≤ 4)."""

    serving = Serving(settings, sparql_workers)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await asyncio.to_thread(serving.open)
        try:
            yield
        finally:
            maps.stop_all(app)  # a map being made stops at its next step
            await asyncio.to_thread(serving.close)

    app = FastAPI(
        title="councilgraph",
        summary="English councils, peer challenges, Lead Chief Executives and recommendations",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.serving = serving
    # inside CORS, so that CORS headers are made per request, never replayed from the cache
    app.add_middleware(CacheMiddleware, serving=serving)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=["Accept", "Content-Type"],
            expose_headers=["Link", "Vary", "X-Result-Rows", "X-Result-Truncated"],
        )
    app.add_exception_handler(CouncilGraphError, _councilgraph_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(HTTPException, _http_error)  # type: ignore[arg-type]
    # analysis first: its /recommendations/{id}/similar must win over /recommendations/{id}
    for module in (analysis, leads, entities, recommendations, search, sparql, linked_data, pages):
        app.include_router(module.router)
    app.include_router(maps.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def error_body(message: str, status: int, **extra: object) -> dict[str, object]:
    return {"error": {"status": status, "message": message, **extra}}


async def _councilgraph_error(request: Request, exc: CouncilGraphError) -> JSONResponse:
    status = exc.status if isinstance(exc, QueryError) else 500
    if isinstance(exc, StoreError):
        status = 503
    # a password in a URL (--sparql-endpoint http://u:pw@...) never reaches a client
    hint = {"hint": redact_text(exc.hint)} if exc.hint else {}
    body = error_body(redact_text(exc.message), status, **hint)
    retry = getattr(exc, "retry_after", None)
    headers = {"Retry-After": str(retry)} if retry else None
    return JSONResponse(body, status_code=status, headers=headers)


async def _http_error(request: Request, exc: HTTPException) -> JSONResponse:
    """No route (404), a wrong method (405) ...: the same error body as every other error."""
    message = f"{exc.detail}: {request.method} {request.url.path}"
    return JSONResponse(
        error_body(message, exc.status_code), status_code=exc.status_code, headers=exc.headers
    )


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    """422 naming each bad parameter: "query parameter 'year': Input should be a valid integer"."""
    problems = []
    for error in exc.errors():
        where, *rest = [str(part) for part in error.get("loc", ())] or ["request"]
        name = ".".join(rest) or where
        problems.append({"parameter": name, "in": where, "message": error.get("msg", "invalid")})
    message = "; ".join(f"{p['in']} parameter {p['parameter']!r}: {p['message']}" for p in problems)
    return JSONResponse(error_body(message, 422, problems=problems), status_code=422)

"""The HTTP application: REST, the SPARQL 1.1 Protocol endpoint, the query page, linked data.

`create_app(settings)` builds it; the lifespan opens the current build read-only and starts
the pool of SPARQL workers on that same build, and closes both at shutdown.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from api.engine.pool import SparqlPool, default_size
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
from councilgraph.errors import CouncilGraphError, QueryError, StoreError
from councilgraph.settings import Settings
from graph.remote_store import RemoteStore
from graph.store import current_build, open_build
from visualisations import routes as maps

STATIC = Path(__file__).resolve().parent / "static"


def create_app(settings: Settings, *, sparql_workers: int | None = None) -> FastAPI:
    """The app over `settings.store`; `sparql_workers` processes answer /sparql (default ≤ 4)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:

        if settings.sparql_endpoint:
            # Several API processes can share one remote store (Oxigraph server, Fuseki ...).
            app.state.store, app.state.build = RemoteStore(settings.sparql_endpoint), None
            store_path = Path(".")
        else:
            build = current_build(settings.store)
            app.state.store = open_build(build.oxigraph_path, in_memory=settings.in_memory)
            app.state.build, store_path = build, build.oxigraph_path
        app.state.pool = SparqlPool(
            store_path,
            size=sparql_workers or default_size(),
            timeout=settings.query_timeout,
            row_cap=settings.result_row_cap,
            in_memory=settings.in_memory,
            endpoint=settings.sparql_endpoint,
        )
        await app.state.pool.start()
        try:
            yield
        finally:
            maps.stop_all(app)  # a map being made stops at its next step
            await app.state.pool.close()

    app = FastAPI(
        title="councilgraph",
        summary="English councils, peer challenges, Lead Chief Executives and recommendations",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.settings = settings
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
    body = error_body(exc.message, status, **({"hint": exc.hint} if exc.hint else {}))
    return JSONResponse(body, status_code=status)


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    """422 naming each bad parameter: "query parameter 'year': Input should be a valid integer"."""
    problems = []
    for error in exc.errors():
        where, *rest = [str(part) for part in error.get("loc", ())] or ["request"]
        name = ".".join(rest) or where
        problems.append({"parameter": name, "in": where, "message": error.get("msg", "invalid")})
    message = "; ".join(f"{p['in']} parameter {p['parameter']!r}: {p['message']}" for p in problems)
    return JSONResponse(error_body(message, 422, problems=problems), status_code=422)

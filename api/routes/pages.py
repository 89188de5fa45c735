"""The query page at / and /query: the project's example queries, a form, results as a table.

It runs queries through the same guarded, time-limited worker pool as /sparql, renders on
the server (no script needed), and loads only local assets, so it works offline.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from api.deps import PoolDep
from api.engine.guard import inspect
from api.engine.process import Job
from api.routes.sparql import run_limited
from api.templating import templates
from councilgraph.errors import QueryError
from graph.sparql import library

router = APIRouter(tags=["query page"])
# uvicorn (h11) refuses request lines past ~16 KB; longer queries belong in a POST to /sparql
URL_QUERY_LIMIT = 8000


def examples() -> dict[str, str]:
    return {name: path.read_text() for name, path in library().items()}


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
@router.get("/query", response_class=HTMLResponse)
async def query_page(
    request: Request,
    pool: PoolDep,
    query: Annotated[str | None, Query(max_length=URL_QUERY_LIMIT)] = None,
    example: Annotated[str | None, Query(max_length=100)] = None,
) -> HTMLResponse:
    """An HTML form for SPARQL with the example queries; results as a table."""
    known = examples()
    text = query if query is not None else known.get(example or "", next(iter(known.values()), ""))
    context: dict[str, Any] = {
        "examples": known,
        "query": text,
        "chosen": example,
        "error": None,
        "head": [],
        "rows": [],
        "boolean": None,
        "graph": None,
        "truncated": False,
    }
    if query is not None:
        try:
            client = request.client.host if request.client else "unknown"
            await _run(pool, query, context, client)
        except QueryError as exc:
            context["error"] = str(exc)
    return templates.TemplateResponse(request, "query.html", context)


async def _run(pool: PoolDep, query: str, context: dict[str, Any], client: str) -> None:
    shape = inspect(query, 100)
    graph = shape.form in ("CONSTRUCT", "DESCRIBE")
    media = "text/turtle" if graph else "application/sparql-results+json"
    job = Job(query=query, media_type=media, graph=graph, row_cap=pool.row_cap)
    _, body, _, _, truncated = await run_limited(pool, job, client)
    context["truncated"] = truncated
    if graph:
        context["graph"] = body.decode()
        return
    results = json.loads(body)
    if "boolean" in results:
        context["boolean"] = results["boolean"]
        return
    head = results["head"]["vars"]
    context["head"] = head
    context["rows"] = [
        [row.get(v, {}).get("value", "") for v in head] for row in results["results"]["bindings"]
    ]

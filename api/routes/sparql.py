"""The SPARQL 1.1 Protocol endpoint: GET and POST (form or direct), read-only, time-limited.

Protocol rules that the W3C protocol tests check are enforced here: exactly one `query`,
a known POST media type, UTF-8 only; `update` in any form is refused (403). The dataset's
default graph is the merge of all named graphs (materialised in the store) unless the
request (`default-graph-uri`, `named-graph-uri`) or the query (FROM, FROM NAMED) names one;
the request wins over the query.
"""

from __future__ import annotations

import time
from typing import Annotated, Any
from urllib.parse import parse_qs, unquote_to_bytes

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response

from api.deps import PoolDep, SettingsDep
from api.engine.guard import inspect
from api.engine.negotiate import FORMAT_NAMES, GRAPHS, RESULTS, choose
from api.engine.pool import Overrun, QueryEngine
from api.engine.process import Job
from api.models import ErrorBody
from councilgraph.errors import QueryError
from graph.sparql import library

router = APIRouter(tags=["SPARQL"])
FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"
UPDATE = "application/sparql-update"

_errors: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text}
    for status, text in {
        400: "malformed query (the parser's message and position) or a protocol error",
        403: "an update, LOAD or SERVICE: this endpoint is read-only and calls no other service",
        406: "no acceptable serialisation for this kind of result",
        413: "a POST body larger than the limit (COUNCILGRAPH_MAX_BODY_BYTES)",
        415: "a POST body that is neither a form nor application/sparql-query in UTF-8",
        503: "the query ran past the time limit and was stopped, waited past it in the queue, "
        "or found the queue full (Retry-After says when to try again)",
    }.items()
}
RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "SELECT/ASK results or CONSTRUCT/DESCRIBE graph, by content negotiation",
        "content": {media: {"schema": {}} for media in sorted(set(RESULTS) | set(GRAPHS))},
    },
    303: {"description": "a browser asking for /sparql without a query goes to the query page"},
    **_errors,
}
Graphs = Annotated[list[str] | None, Query(description="protocol dataset: one per graph")]
FormatParam = Annotated[
    str | None,
    Query(description=f"serialisation for browsers, overriding Accept: {', '.join(FORMAT_NAMES)}"),
]


@router.get("/sparql", responses=RESPONSES, response_class=Response)
async def sparql_get(
    request: Request,
    pool: PoolDep,
    settings: SettingsDep,
    query: Annotated[
        str | None, Query(max_length=8000, description="the SPARQL query; POST longer ones")
    ] = None,
    default_graph_uri: Annotated[list[str] | None, Query(alias="default-graph-uri")] = None,
    named_graph_uri: Annotated[list[str] | None, Query(alias="named-graph-uri")] = None,
    format: FormatParam = None,
) -> Response:
    """Run a read-only SPARQL query given in the URL."""
    params = request.query_params
    _strict_utf8(request.scope.get("query_string", b""), "the URL's query string")
    if "update" in params:
        raise QueryError("SPARQL updates are refused: this endpoint is read-only", status=403)
    queries = params.getlist("query")
    if not queries and "text/html" in request.headers.get("accept", ""):
        return RedirectResponse("/query", status_code=303)
    return await _run(
        request,
        pool,
        settings,
        queries,
        params.getlist("default-graph-uri"),
        params.getlist("named-graph-uri"),
        params.get("format"),
    )


@router.post(
    "/sparql",
    responses=RESPONSES,
    response_class=Response,
    openapi_extra={
        "parameters": [
            {
                "name": "default-graph-uri",
                "in": "query",
                "required": False,
                "schema": {"type": "array", "items": {"type": "string"}},
            },
            {
                "name": "named-graph-uri",
                "in": "query",
                "required": False,
                "schema": {"type": "array", "items": {"type": "string"}},
            },
            {"name": "format", "in": "query", "required": False, "schema": {"type": "string"}},
        ],
        "requestBody": {
            "required": True,
            "content": {
                FORM: {
                    "schema": {
                        "type": "object",
                        "required": ["query"],
                        "properties": {"query": {"type": "string"}},
                    }
                },
                DIRECT: {"schema": {"type": "string"}},
            },
        },
    },
)
async def sparql_post(request: Request, pool: PoolDep, settings: SettingsDep) -> Response:
    """Run a read-only SPARQL query sent as a form (`query=`) or directly (`application/sparql-query`)."""
    media, charset = _content_type(request.headers.get("content-type", ""))
    if media == UPDATE:
        raise QueryError("SPARQL updates are refused: this endpoint is read-only", status=403)
    if charset not in ("", "utf-8", "utf8"):
        raise QueryError(f"the body must be UTF-8, not {charset}", status=415)
    raw = await _body(request, settings.max_body_bytes)
    _strict_utf8(request.scope.get("query_string", b""), "the URL's query string")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise QueryError(f"the body is not valid UTF-8: {exc}", status=415) from None
    url = request.query_params
    defaults, named = url.getlist("default-graph-uri"), url.getlist("named-graph-uri")
    if media == FORM:
        try:
            form = parse_qs(text, keep_blank_values=True, errors="strict")
        except UnicodeDecodeError as exc:
            raise QueryError(
                f"the form holds a percent-encoded byte sequence that is not UTF-8: {exc}",
                status=400,
            ) from None
        if "update" in form:
            raise QueryError("SPARQL updates are refused: this endpoint is read-only", status=403)
        queries = form.get("query", [])
        defaults += form.get("default-graph-uri", [])
        named += form.get("named-graph-uri", [])
    elif media == DIRECT:
        queries = [text]
    else:
        raise QueryError(
            f"POST a query as {FORM} (query=...) or as {DIRECT}; got {media or 'no content type'}",
            status=415,
        )
    return await _run(request, pool, settings, queries, defaults, named, url.get("format"))


async def _body(request: Request, limit: int) -> bytes:
    """The request body, refused (413) as soon as it passes `limit` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_large(int(declared), limit)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(size, limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(size: int, limit: int) -> QueryError:
    return QueryError(
        f"the request body ({size:,} bytes or more) is larger than the limit of {limit:,} bytes",
        status=413,
        hint="raise COUNCILGRAPH_MAX_BODY_BYTES, or send a shorter query",
    )


def _strict_utf8(raw: bytes, where: str) -> None:
    """Refuse percent-encoded bytes that are not UTF-8 (Starlette would decode them to U+FFFD)."""
    for part in raw.replace(b"+", b" ").split(b"&"):
        try:
            unquote_to_bytes(part).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise QueryError(
                f"{where} holds a percent-encoded byte sequence that is not UTF-8: {exc}",
                status=400,
            ) from None


def _content_type(header: str) -> tuple[str, str]:
    media, *params = [part.strip() for part in header.split(";")]
    charset = ""
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    return media.lower(), charset


async def _run(
    request: Request,
    pool: QueryEngine,
    settings: Any,
    queries: list[str],
    defaults: list[str],
    named: list[str],
    fmt: str | None,
) -> Response:
    if len(queries) != 1:
        found = "no" if not queries else f"{len(queries)}"
        raise QueryError(f"give exactly one query parameter ({found} given)", status=400)
    query = queries[0]
    shape = inspect(query, settings.max_query_depth)
    choice = choose(shape.form, request.headers.get("accept"), fmt)
    protocol_dataset = bool(defaults or named)
    job = Job(
        query=query,
        media_type=choice.media_type,
        graph=choice.graph,
        default_graph=tuple(defaults) if protocol_dataset else None,
        named_graphs=tuple(named) if protocol_dataset else None,
        base_iri=str(request.url.replace(query="", fragment="")),
        row_cap=pool.row_cap,
    )
    client = request.client.host if request.client else "unknown"
    _, body, media_type, rows, truncated = await run_limited(pool, job, client)
    headers = {"Vary": "Accept", "X-Result-Rows": str(rows)}
    if truncated:
        headers["X-Result-Truncated"] = f"capped at {rows} rows"
    if media_type.startswith("text/"):
        media_type += "; charset=utf-8"
    return Response(body, media_type=media_type, headers=headers)


async def run_limited(pool: QueryEngine, job: Job, client: str) -> tuple[Any, ...]:
    """Admit `job` for `client`, then run it; the time limit counts from now, queue and all."""
    arrived = time.monotonic()
    deadline = arrived + pool.timeout
    retry = max(1, round(pool.timeout / 2))
    try:
        await pool.admission.enter(client, deadline, retry)
    except TimeoutError:
        raise pool.admission.queue_timeout(time.monotonic() - arrived, retry) from None
    waited = time.monotonic() - arrived
    try:
        return await pool.run(job, deadline)
    except Overrun as exc:
        raise QueryError(
            f"{describe(job.query)} ran {exc.ran:.1f} s (after {waited:.1f} s in the queue), "
            f"past the {pool.timeout:g} s limit, and was stopped",
            status=503,
            hint="raise the limit with COUNCILGRAPH_QUERY_TIMEOUT (or `serve --query-timeout`), "
            "add LIMIT or narrow the patterns, or run it on a local copy of the dump",
            retry_after=retry,
        ) from None
    finally:
        pool.admission.leave(client)


def describe(query: str) -> str:
    """Which query: its name in the library, or its first words."""
    text = query.strip()
    for name, path in library().items():
        if path.read_text().strip() == text:
            return f"the query {name}"
    words = " ".join(
        line.strip()
        for line in text.splitlines()
        if line.strip() and not line.strip().upper().startswith("PREFIX")
    )
    return f"the query '{words[:80]}{'…' if len(words) > 80 else ''}'"

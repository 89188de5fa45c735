"""`GET /maps/{name}` and `GET /reliance`: the same self-contained HTML maps as
`councilgraph map`, and the numbers of `councilgraph reliance --json`, over HTTP.

The API mounts `router`. The store comes from the `map_store` dependency, which reads
`request.app.state.store` (a read-only pyoxigraph Store the app opens in its lifespan);
an app that hands out its store another way overrides it:
`app.dependency_overrides[map_store] = deps.get_store`.

A map is made in a worker thread, in steps that stop at the query time limit
(`COUNCILGRAPH_QUERY_TIMEOUT`, `visualisations.steps`): the client gets a 503 at the limit,
the work stops at its next step, and `stop_all` (called by the app at shutdown) stops
whatever is running, so a map never outlives its request or holds the server up.

A map depends only on the build and the parameters, so the last few are kept in memory,
keyed by the build's directory (`MapCache`): a new build starts afresh, and two requests
for the same map at once share one generation. So is what every map of a build shares
(`service.Analysis`: the facts, the graph of people and organisations on every date,
reliance), whatever date a page opens on: another map of the same build is then only its
projection and page, and a request stopped at the limit after the analysis leaves it for
the next. The last few /reliance answers are kept the same way. A remote store has no build to key
by, and is never cached. Links count on a
date by /leads's rule with the same window (the `leads_window_years` setting).
"""

from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Annotated, Any, TypeVar

import pyoxigraph as ox
from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse

from api.routes.common import IsoDate, WindowYears
from councilgraph.errors import QueryError, StoreError
from visualisations.facts import WINDOW_YEARS
from visualisations.projections import check_name
from visualisations.render import SIZE_METRICS, MapOptions
from visualisations.service import Analysis, MapRequest, MapResult, analyse, make_map, reliance
from visualisations.steps import Steps

router = APIRouter(tags=["maps"])
CSP = (
    "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; "
    "img-src data: blob:"
)
DEFAULT_LIMIT = 10.0  # seconds, when the app has no settings
T = TypeVar("T")


@dataclass
class MapCache:
    """The last `size` maps made, and those being made, by (build, name, parameters)."""

    size: int = 16
    done: OrderedDict[tuple[Any, ...], MapResult] = field(default_factory=OrderedDict)
    running: dict[tuple[Any, ...], asyncio.Future[MapResult]] = field(default_factory=dict)
    jobs: set[threading.Event] = field(default_factory=set)
    analyses: OrderedDict[tuple[Any, ...], Analysis] = field(default_factory=OrderedDict)
    answers: OrderedDict[tuple[Any, ...], dict[str, Any]] = field(default_factory=OrderedDict)
    hits: int = 0

    def answer(self, key: tuple[Any, ...]) -> dict[str, Any] | None:
        """A /reliance answer made before for the same build and parameters."""
        found = self.answers.get(key)
        if found is not None:
            self.answers.move_to_end(key)
        return found

    def keep(self, key: tuple[Any, ...], answer: dict[str, Any]) -> None:
        self.answers[key] = answer
        while len(self.answers) > self.size:
            self.answers.popitem(last=False)

    def analysis(self, key: tuple[Any, ...], make: Callable[[], Analysis]) -> Analysis:
        """The shared analysis for (build, date), made once; the last two are kept."""
        found = self.analyses.get(key)
        if found is None:
            found = self.analyses[key] = make()
            while len(self.analyses) > 2:
                self.analyses.popitem(last=False)
        return found

    def get(self, key: tuple[Any, ...]) -> MapResult | None:
        found = self.done.get(key)
        if found is not None:
            self.done.move_to_end(key)
            self.hits += 1
        return found

    def put(self, key: tuple[Any, ...], result: MapResult) -> None:
        self.done[key] = result
        self.done.move_to_end(key)
        while len(self.done) > self.size:
            self.done.popitem(last=False)


def map_store(request: Request) -> ox.Store:
    serving = getattr(request.app.state, "serving", None)
    store = serving.store if serving is not None else getattr(request.app.state, "store", None)
    if store is None:
        raise StoreError("no store is open for the maps", hint="run `councilgraph build` first")
    return store  # type: ignore[no-any-return]


def cache_of(app: FastAPI) -> MapCache:
    cache: MapCache | None = getattr(app.state, "map_cache", None)
    if cache is None:
        cache = app.state.map_cache = MapCache()
    return cache


def stop_all(app: FastAPI) -> None:
    """Stop every map being made (at its next step): the server is shutting down."""
    for cancelled in list(cache_of(app).jobs):
        cancelled.set()


def _build_key(app: FastAPI) -> str | None:
    """The build being served (a new one is picked up while the server runs), None for a
    remote store."""
    serving = getattr(app.state, "serving", None)
    if serving is not None:
        return serving.build_hash or None
    build = getattr(app.state, "build", None)
    return None if build is None else str(getattr(build, "path", build))


def _make(
    cache: MapCache, build: str | None, store: ox.Store, request: MapRequest, steps: Steps
) -> MapResult:
    if build is None:
        return make_map(store, request, steps)
    window = request.window_years
    shared = cache.analysis((build, window), lambda: analyse(store, steps, window))
    return make_map(store, request, steps, shared)


def window_of(app: FastAPI) -> int:
    """The window of /leads (years a post with no known end counts), from the settings."""
    settings = getattr(app.state, "settings", None)
    return int(getattr(settings, "leads_window_years", WINDOW_YEARS))


async def _bounded(app: FastAPI, what: str, work: Callable[[Steps], T]) -> T:
    """`work` in a worker thread, stopped at the query time limit (a 503)."""
    settings = getattr(app.state, "settings", None)
    limit = float(getattr(settings, "query_timeout", DEFAULT_LIMIT))
    steps = Steps(limit=limit)
    cache = cache_of(app)
    cache.jobs.add(steps.cancelled)
    try:
        return await asyncio.wait_for(asyncio.to_thread(work, steps), limit)
    except TimeoutError:
        raise QueryError(
            f"the {what} took longer than the {limit:g} s limit and was stopped",
            status=503,
            hint=f"ask for a smaller {what}, or raise COUNCILGRAPH_QUERY_TIMEOUT",
        ) from None
    finally:
        steps.cancelled.set()  # past the limit or answered: nothing more to do
        cache.jobs.discard(steps.cancelled)


async def _generate(app: FastAPI, store: ox.Store, request: MapRequest) -> MapResult:
    work = partial(_make, cache_of(app), _build_key(app), store, request)
    return await _bounded(app, "map", work)


async def cached_map(app: FastAPI, store: ox.Store, request: MapRequest) -> tuple[MapResult, bool]:
    """The map and whether it came from the cache."""
    build = _build_key(app)
    if build is None:
        return await _generate(app, store, request), False
    options = request.options
    key = (build, request.name, request.on, options.size_by, options.present)
    cache = cache_of(app)
    found = cache.get(key)
    if found is not None:
        return found, True
    if key in cache.running:
        return await asyncio.shield(cache.running[key]), True
    future: asyncio.Future[MapResult] = asyncio.get_running_loop().create_future()
    cache.running[key] = future
    try:
        result = await _generate(app, store, request)
    except BaseException as exc:
        future.set_exception(exc)
        future.exception()  # retrieved: no "never retrieved" warning when nobody waits
        raise
    finally:
        cache.running.pop(key, None)
    future.set_result(result)
    cache.put(key, result)
    return result, False


@router.get(
    "/maps/{name}",
    response_class=HTMLResponse,
    summary="An interactive network map",
    responses={
        404: {"description": "unknown map or council"},
        503: {"description": "the map took longer than the query time limit"},
    },
)
async def get_map(
    name: str,
    request: Request,
    store: Annotated[ox.Store, Depends(map_store)],
    size_by: Annotated[str, Query(pattern="^(" + "|".join(SIZE_METRICS) + ")$")] = "degree",
    on: Annotated[
        IsoDate | None,
        Query(description="the date the page opens on (its date control shows any other)"),
    ] = None,
    present: Annotated[bool, Query(description="open in projector mode")] = False,
) -> HTMLResponse:
    """organisations, people, peer-challenges, leads, or council:<GSS>; offline-safe HTML.
    An empty map (say, `leads` on a date with no posts) is a page that says why."""
    check_name(name)
    app: Any = request.app
    options = MapOptions(size_by=size_by, present=present)
    wanted = MapRequest(name, on, options, window_of(app))
    result, hit = await cached_map(app, store, wanted)
    return HTMLResponse(
        result.html,
        headers={
            "Content-Security-Policy": CSP,
            "X-Map-Nodes": str(result.nodes),
            "X-Map-Cache": "hit" if hit else "miss",
        },
    )


@router.get(
    "/reliance",
    summary="Where the network of organisations hangs on one person, on a date",
    responses={503: {"description": "the analysis took longer than the query time limit"}},
)
async def get_reliance(
    request: Request,
    store: Annotated[ox.Store, Depends(map_store)],
    on: Annotated[
        IsoDate | None,
        Query(description="count only links live on this date; default: on any date"),
    ] = None,
    window: WindowYears = None,
) -> dict[str, Any]:
    """As `councilgraph reliance --on DATE --json`: linked pairs with the kinds of link that
    join them and, where one person carries a pair, that person's links with their dates;
    articulation people; shares; partnerships a source flags as relying on individuals."""
    app: Any = request.app
    years = window_of(app) if window is None else window
    build, cache = _build_key(app), cache_of(app)
    key = (build, on, years)
    found = cache.answer(key) if build is not None else None
    if found is None:
        made = await _bounded(app, "analysis", lambda steps: reliance(store, on, steps, years))
        found = made.as_dict()
        if build is not None:
            cache.keep(key, found)
    return found

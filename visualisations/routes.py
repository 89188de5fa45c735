"""`GET /maps/{name}`: the same self-contained HTML maps as `councilgraph map`, over HTTP.

The API mounts `router`. The store comes from the `map_store` dependency, which reads
`request.app.state.store` (a read-only pyoxigraph Store the app opens in its lifespan);
an app that hands out its store another way overrides it:
`app.dependency_overrides[map_store] = deps.get_store`.
"""

from __future__ import annotations

from typing import Annotated

import pyoxigraph as ox
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from councilgraph.errors import StoreError

# as visualisations.render.SIZE_METRICS (tested equal): named here so that serving the API
# does not import networkx, numpy and scipy until a map is asked for (about 60 MB resident)
SIZE_METRICS = ("degree", "betweenness", "share", "people")

router = APIRouter(tags=["maps"])


def map_store(request: Request) -> ox.Store:
    store = getattr(request.app.state, "store", None)
    if store is None:
        raise StoreError("no store is open for the maps", hint="run `councilgraph build` first")
    return store  # type: ignore[no-any-return]


@router.get(
    "/maps/{name}",
    response_class=HTMLResponse,
    summary="An interactive network map",
    responses={404: {"description": "unknown map"}},
)
def get_map(
    name: str,
    store: Annotated[ox.Store, Depends(map_store)],
    size_by: Annotated[str, Query(pattern="^(" + "|".join(SIZE_METRICS) + ")$")] = "degree",
) -> HTMLResponse:
    """organisations, people, peer-challenges, leads, or council:<GSS>; offline-safe HTML."""
    from visualisations.render import MapOptions
    from visualisations.service import map_html

    html = map_html(store, name, MapOptions(size_by=size_by))
    return HTMLResponse(
        html,
        headers={
            "Content-Security-Policy": "default-src 'none'; "
            "script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; "
            "img-src data: blob:"
        },
    )

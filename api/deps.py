"""What request handlers receive: settings, the read-only store, the SPARQL worker pool.

The lifespan in `api.app` puts them on `app.state`; handlers take them through these
`Annotated` aliases, and tests can override `get_store` and friends.
"""

from __future__ import annotations

from typing import Annotated

import pyoxigraph as ox
from fastapi import Depends, Request

from api.engine.pool import SparqlPool
from councilgraph.settings import Settings


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_store(request: Request) -> ox.Store:
    store: ox.Store = request.app.state.store
    return store


def get_pool(request: Request) -> SparqlPool:
    pool: SparqlPool = request.app.state.pool
    return pool


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[ox.Store, Depends(get_store)]
PoolDep = Annotated[SparqlPool, Depends(get_pool)]

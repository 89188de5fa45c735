"""What request handlers receive: settings, the store, the query engine.

The lifespan in `api.app` opens an `api.serving.Serving` and puts it on `app.state`;
handlers take its parts through these `Annotated` aliases, and tests can override them.
"""

from __future__ import annotations

from typing import Annotated, Any

import pyoxigraph as ox
from fastapi import Depends, Request

from api.engine.pool import QueryEngine
from councilgraph.settings import Settings


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_store(request: Request) -> ox.Store:
    """The store as the REST routes read it (an `api.engine.store.EngineStore`)."""
    store: Any = request.app.state.serving.store
    return store  # type: ignore[no-any-return]


def get_pool(request: Request) -> QueryEngine:
    engine: QueryEngine = request.app.state.serving.engine
    return engine


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[ox.Store, Depends(get_store)]
PoolDep = Annotated[QueryEngine, Depends(get_pool)]

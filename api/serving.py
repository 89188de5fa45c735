"""What the running server serves: the build, its query engine, and the answers kept for it.

`Serving.open()` holds the current build (so that pruning leaves it alone, see
`graph.store.hold_build`), starts the engine on it and gives the REST routes an
`EngineStore`. `refresh()`, called before each request at most once a second, notices a
build published since: the engine switches to it (the old engine ends once idle), the
kept answers are dropped, and the old build is let go, all without a restart.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import IO, Any

from api.cache import AnswerCache
from api.engine.pool import QueryEngine, default_size
from api.engine.process import Source
from api.engine.store import EngineStore
from councilgraph.errors import StoreError
from councilgraph.settings import Settings
from graph.store import STORE_FORMAT, Build, current_build, hold_build

CHECK_EVERY = 1.0  # seconds between looks at the store's `current` link


class Serving:
    def __init__(self, settings: Settings, sparql_workers: int | None = None) -> None:
        self.settings = settings
        self.size = sparql_workers or default_size()
        self.build: Build | None = None
        self.build_hash = ""
        self.cache: AnswerCache | None = None
        self.engine: QueryEngine | None = None
        self.store: Any = None
        self._held: IO[bytes] | None = None
        self._checked = 0.0
        self._switching = False

    def open(self) -> None:
        settings = self.settings
        if settings.sparql_endpoint:  # the remote store can change under us: nothing is kept
            source = Source(Path("."), endpoint=settings.sparql_endpoint)
        else:
            build = _usable(current_build(settings.store))
            source = self._take(build)
            self.cache = AnswerCache(settings.cache_bytes) if settings.cache_bytes > 0 else None
        self.engine = QueryEngine(
            source,
            size=self.size,
            timeout=settings.query_timeout,
            row_cap=settings.result_row_cap,
            queue=settings.query_queue,
        )
        self.engine.start()
        self.store = EngineStore(self.engine)

    def _take(self, build: Build) -> Source:
        self._held = hold_build(build)
        self._serve(build)
        return Source(build.oxigraph_path, in_memory=self.settings.in_memory)

    def _serve(self, build: Build) -> None:
        self.build = build
        self.build_hash = str(build.metadata.get("content_sha256") or build.path.name)

    async def refresh(self) -> None:
        """Switch to a build published since the last look, without stopping."""
        if self.build is None or self._switching:
            return
        now = time.monotonic()
        if now - self._checked < CHECK_EVERY:
            return
        self._checked = now
        try:
            latest = current_build(self.settings.store)
        except StoreError:
            return
        if latest.path == self.build.path:
            return
        self._switching = True
        try:
            await asyncio.to_thread(self._switch, latest)
        finally:
            self._switching = False

    def _switch(self, latest: Build) -> None:
        try:
            build = _usable(latest)
        except StoreError:
            return
        assert self.engine is not None
        old_hold, self._held = self._held, hold_build(build)
        self.engine.switch(Source(build.oxigraph_path, in_memory=self.settings.in_memory))
        # only now: an answer read from the old build must never be kept under the new key
        self._serve(build)
        if self.cache is not None:
            self.cache.clear()
        if old_hold is not None:
            old_hold.close()

    def close(self) -> None:
        if self.engine is not None:
            self.engine.close()
        if self._held is not None:
            self._held.close()


def _usable(build: Build) -> Build:
    found = build.metadata.get("store_format", 1)
    if found < STORE_FORMAT:
        raise StoreError(
            f"the build at {build.path} was made by an earlier councilgraph (store format "
            f"{found}, this one reads {STORE_FORMAT})",
            hint="run `councilgraph build` again",
        )
    return build

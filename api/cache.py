"""Answers kept as bytes per build: every GET answer (JSON, CSV, HTML pages, maps, SPARQL
results) depends only on the build it was read from, the request's parameters and the
representation asked for, and a build never changes once published.

`CacheMiddleware` keys an answer by the build's content hash (`build.json` content_sha256),
the path, the query parameters in a normal order, `Accept`, and today's date (answers
that read "today", such as /leads without `on=`, are the answer for that date). The key
gives the `ETag`; a request whose `If-None-Match` names it gets 304 without the answer
being read at all. Only complete 200 answers up to `ENTRY_MAX` bytes are kept, least
recently used first out, within `Settings.cache_bytes`. Concurrent requests for an answer
not yet kept wait for the first one instead of all reading the store (`_flights`).
"""

from __future__ import annotations

import asyncio
import hashlib
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import parse_qsl, unquote_to_bytes

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CACHE_CONTROL = b"public, max-age=0, must-revalidate"
UNCACHED_PATHS = ("/health", "/static/", "/docs", "/redoc")
# SPARQL functions whose answer differs from one run to the next
VOLATILE = re.compile(rb"\b(NOW|RAND|UUID|STRUUID|BNODE)\s*\(", re.IGNORECASE)


@dataclass
class Entry:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


@dataclass
class Counts:
    hits: int = 0
    misses: int = 0
    evictions: int = 0
    not_modified: int = 0


@dataclass
class AnswerCache:
    """Bytes by key, least recently used out first, at most `max_bytes` in all."""

    max_bytes: int
    entries: OrderedDict[str, Entry] = field(default_factory=OrderedDict)
    size: int = 0
    counts: Counts = field(default_factory=Counts)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def entry_max(self) -> int:
        return self.max_bytes // 4

    def get(self, key: str) -> Entry | None:
        with self._lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def put(self, key: str, entry: Entry) -> None:
        cost = len(entry.body) + 256
        if cost > self.entry_max:
            return
        with self._lock:
            old = self.entries.pop(key, None)
            if old is not None:
                self.size -= len(old.body) + 256
            self.entries[key] = entry
            self.size += cost
            while self.size > self.max_bytes and self.entries:
                _, gone = self.entries.popitem(last=False)
                self.size -= len(gone.body) + 256
                self.counts.evictions += 1

    def clear(self) -> None:
        with self._lock:
            self.entries.clear()
            self.size = 0


def request_key(scope: Scope, build: str, today: date) -> str | None:
    """The key of a GET answer, or None when it must not be kept."""
    path: str = scope["path"]
    if scope["method"] != "GET" or path.startswith(UNCACHED_PATHS):
        return None
    raw: bytes = scope.get("query_string", b"")
    if path == "/sparql" and VOLATILE.search(unquote_to_bytes(raw.replace(b"+", b" "))):
        return None
    params = sorted(parse_qsl(raw.decode("latin-1"), keep_blank_values=True))
    accept = next((v for k, v in scope["headers"] if k == b"accept"), b"").decode("latin-1")
    text = repr((build, today.isoformat(), path, params, accept))
    return hashlib.sha256(text.encode()).hexdigest()[:40]


def etag(key: str) -> bytes:
    return f'"{key}"'.encode()


def _matches(scope: Scope, tag: bytes) -> bool:
    header = next((v for k, v in scope["headers"] if k == b"if-none-match"), None)
    if header is None:
        return False
    candidates = {c.strip().removeprefix(b"W/") for c in header.split(b",")}
    return tag in candidates or b"*" in candidates


class CacheMiddleware:
    """ASGI middleware in front of the whole app; `state()` gives (cache, build hash) or None."""

    def __init__(self, app: ASGIApp, serving: Any) -> None:
        self.app = app
        self.serving = serving
        self._flights: dict[str, asyncio.Event] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        await self.serving.refresh()
        cache, build = self.serving.cache, self.serving.build_hash
        key = request_key(scope, build, date.today()) if cache and build else None
        if key is None:
            await self.app(scope, receive, send)
            return
        tag = etag(key)
        if _matches(scope, tag):
            cache.counts.not_modified += 1
            await _send(send, Entry(304, [], b""), tag, b"revalidated")
            return
        entry = cache.get(key)
        while entry is None and key in self._flights:  # the same answer is being read
            await self._flights[key].wait()
            entry = cache.get(key)
        if entry is not None:
            cache.counts.hits += 1
            await _send(send, entry, tag, b"hit")
            return
        cache.counts.misses += 1
        self._flights[key] = flight = asyncio.Event()
        try:
            await self._read_through(scope, receive, send, cache, key, tag)
        finally:
            del self._flights[key]
            flight.set()

    async def _read_through(
        self, scope: Scope, receive: Receive, send: Send, cache: AnswerCache, key: str, tag: bytes
    ) -> None:
        """Answer the request, passing the answer on as it comes and keeping a whole 200."""
        start: dict[str, Any] = {}
        chunks: list[bytes] = []
        keep = True

        async def capture(message: Message) -> None:
            nonlocal keep
            if message["type"] == "http.response.start":
                start.update(message)
                keep = message["status"] == 200
                if keep:
                    message = {**message, "headers": _headers(message["headers"], tag, b"miss")}
            elif message["type"] == "http.response.body" and keep:
                chunks.append(message.get("body", b""))
                if sum(map(len, chunks)) > cache.entry_max:
                    keep = False
                    chunks.clear()
                elif not message.get("more_body", False):
                    headers = [(k, v) for k, v in start["headers"] if k != b"content-length"]
                    cache.put(key, Entry(200, headers, b"".join(chunks)))
            await send(message)

        await self.app(scope, receive, capture)


def _headers(
    headers: list[tuple[bytes, bytes]], tag: bytes, state: bytes
) -> list[tuple[bytes, bytes]]:
    kept = [(k, v) for k, v in headers if k not in (b"etag", b"cache-control", b"x-cache")]
    return kept + [(b"etag", tag), (b"cache-control", CACHE_CONTROL), (b"x-cache", state)]


async def _send(send: Send, entry: Entry, tag: bytes, state: bytes) -> None:
    headers = _headers(entry.headers, tag, state)
    if entry.status == 200:
        headers.append((b"content-length", str(len(entry.body)).encode()))
    await send({"type": "http.response.start", "status": entry.status, "headers": headers})
    await send({"type": "http.response.body", "body": entry.body})

"""HTTP benchmark: requests/s and p50/p95 latency for /leads, /recommendations?q= and a SPARQL
aggregation, with 1 and 50 concurrent clients on loopback.

    python -m benchmarks.api [--store DIR] [--seconds 5] [--in-memory]

The server is `councilgraph serve` in its own process (so client and server do not share a
GIL). Baseline, measured in this process on the same store: the same aggregation run
directly with pyoxigraph (no HTTP, no worker pool); the ratio column is p50 / that baseline.
Errors are answers other than 200 and requests unanswered after TIMEOUT seconds (these have
no latency; a row whose requests all timed out shows nan).
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

from councilgraph.settings import Settings
from graph.store import open_store

AGGREGATION = """PREFIX cg: <https://w3id.org/councilgraph/def/>
PREFIX dct: <http://purl.org/dc/terms/>
SELECT ?theme (COUNT(?rec) AS ?n) WHERE { ?rec a cg:Recommendation ; dct:subject ?theme }
GROUP BY ?theme ORDER BY DESC(?n)"""
TIMEOUT = 30.0  # seconds a client waits for one response before counting it an error
TARGETS = {
    "/health (HTTP floor)": ("GET", "/health", None),
    "/leads": ("GET", "/leads?include_past=true", None),
    "/recommendations?q=": ("GET", "/recommendations?q=council", None),
    "/sparql aggregation": ("GET", "/sparql", {"query": AGGREGATION}),
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def baseline_ms(store_dir: Path, in_memory: bool = False, runs: int = 200) -> float:
    """p50 of the aggregation on pyoxigraph directly (the store as the server reads it),
    results fully consumed."""
    store = open_store(store_dir, in_memory=in_memory)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        list(store.query(AGGREGATION))
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


async def hammer(
    base: str, target: tuple[str, str, dict[str, str] | None], clients: int, seconds: float
) -> tuple[float, float, float, int]:
    method, path, params = target
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=TIMEOUT) as client:

        async def one_client() -> None:
            nonlocal errors
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                try:
                    response = await client.request(method, path, params=params)
                except httpx.TimeoutException:  # no answer within TIMEOUT: an error, no latency
                    errors += 1
                    continue
                latencies.append((time.perf_counter() - started) * 1000)
                errors += response.status_code != 200

        began = time.perf_counter()
        await asyncio.gather(*(one_client() for _ in range(clients)))
        elapsed = time.perf_counter() - began
    if len(latencies) < 2:
        return len(latencies) / elapsed, math.nan, math.nan, errors
    quantiles = statistics.quantiles(latencies, n=20)
    return len(latencies) / elapsed, statistics.median(latencies), quantiles[18], errors


def start_server(store: Path, port: int, in_memory: bool = False) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "api.cli", "serve", "--store", str(store), "--port", str(port)]
    process = subprocess.Popen(
        command + (["--in-memory"] if in_memory else []),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ},
    )
    deadline = time.monotonic() + 180  # an in-memory copy of a large build loads first
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("the server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=None)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--in-memory", action="store_true", help="serve --in-memory")
    args = parser.parse_args()
    store = args.store or Settings().store
    base_ms = baseline_ms(store, args.in_memory)
    port = free_port()
    server = start_server(store, port, args.in_memory)
    try:
        served = "serve --in-memory" if args.in_memory else "serve (store on disk)"
        print(f"server: {served}, 50-client requests unanswered after {TIMEOUT:.0f} s are errors")
        print(f"baseline: aggregation on pyoxigraph in-process, p50 {base_ms:.2f} ms")
        print(
            f"{'endpoint':<24}{'clients':>8}{'req/s':>10}{'p50 ms':>10}{'p95 ms':>10}{'p50/base':>10}{'errors':>8}"
        )
        for name, target in TARGETS.items():
            for clients in (1, 50):
                rps, p50, p95, errors = asyncio.run(
                    hammer(f"http://127.0.0.1:{port}", target, clients, args.seconds)
                )
                print(
                    f"{name:<24}{clients:>8}{rps:>10.0f}{p50:>10.2f}{p95:>10.2f}{p50 / base_ms:>10.1f}{errors:>8}"
                )
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:  # still draining connections: the numbers are in
            server.kill()
            server.wait()


if __name__ == "__main__":
    main()

"""HTTP benchmark of `councilgraph serve --in-memory` on one build: the HTTP floor (/health),
REST answers cold (read from the store) and warm (kept for the build), the SPARQL endpoint
beside Oxigraph's own server on the same query, start-up and resident memory.

    python -m benchmarks.api [--store DIR] [--seconds 5]

Clients run in this process (asyncio, httpx) against servers in their own processes, on
loopback; each of the 50 clients has its own source address (127.0.0.x), as 50 users do.
Cold requests carry a parameter no request had before (`_=N`), which the routes ignore,
so each is answered from the store; warm requests repeat one URL. Errors are answers other
than 200 and requests unanswered after TIMEOUT seconds. Memory is the resident set (RSS) of
the server's whole process tree after the run, against the RSS of a process holding one
in-memory copy of the same build (`graph.store.open_store(in_memory=True)`), measured in
the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import math
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from councilgraph.settings import Settings
from graph.store import current_build

AGGREGATION = """PREFIX cg: <https://w3id.org/councilgraph/def/>
PREFIX dct: <http://purl.org/dc/terms/>
SELECT ?theme (COUNT(?rec) AS ?n) WHERE { ?rec a cg:Recommendation ; dct:subject ?theme }
GROUP BY ?theme ORDER BY DESC(?n)"""
TIMEOUT = 30.0
REST = {
    "/leads": ("/leads", {}),
    "/recommendations?q=": ("/recommendations", {"q": "council"}),
    "/councils/{gss}": ("/councils/E09000019", {}),
}
ONE_COPY = """
import resource, sys, time
from collections.abc import Callable
from pathlib import Path
from graph.store import open_store
started = time.perf_counter()
store = open_store(Path(sys.argv[1]), in_memory=True)
seconds = time.perf_counter() - started
rss = int(next(l for l in open("/proc/self/status") if l.startswith("VmRSS")).split()[1])
print(seconds, rss)
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def tree_rss_mb(pid: int) -> float:
    """Resident memory of `pid` and every descendant, in MB."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        one = int(entry.name)
        children.setdefault(int(fields["PPid"]), []).append(one)
        rss[one] = int(fields.get("VmRSS", "0 kB").split()[0])
    total, todo = 0, [pid]
    while todo:
        one = todo.pop()
        total += rss.get(one, 0)
        todo += children.get(one, [])
    return total / 1024


async def hammer(
    base: str, path: str, params: dict[str, str], clients: int, seconds: float, cold: bool
) -> tuple[float, float, float, int, float]:
    latencies: list[float] = []
    errors = 0
    sizes: list[int] = []
    fresh = itertools.count()
    # made before the clock starts: making an httpx client (its TLS context) takes a while
    https = [
        httpx.AsyncClient(
            base_url=base,
            timeout=TIMEOUT,
            transport=httpx.AsyncHTTPTransport(local_address=f"127.0.{1 + n // 250}.{1 + n % 250}"),
        )
        for n in range(clients)
    ]
    deadline = time.perf_counter() + seconds

    async def one_client(http: httpx.AsyncClient) -> None:
        nonlocal errors
        while time.perf_counter() < deadline:
            query = {**params, "_": str(next(fresh))} if cold else params
            started = time.perf_counter()
            try:
                response = await http.get(path, params=query)
            except httpx.TimeoutException:
                errors += 1
                continue
            latencies.append((time.perf_counter() - started) * 1000)
            errors += response.status_code != 200
            sizes.append(len(response.content))

    began = time.perf_counter()
    await asyncio.gather(*(one_client(http) for http in https))
    elapsed = time.perf_counter() - began
    for http in https:
        await http.aclose()
    kb = statistics.median(sizes) / 1000 if sizes else math.nan
    if len(latencies) < 2:
        return len(latencies) / elapsed, math.nan, math.nan, errors, kb
    quantiles = statistics.quantiles(latencies, n=20)
    return len(latencies) / elapsed, statistics.median(latencies), quantiles[18], errors, kb


def wait_until(
    url: str, ready: Callable[[httpx.Response], bool] | None, limit: float = 900
) -> float:
    started = time.monotonic()
    while time.monotonic() - started < limit:
        try:
            response = httpx.get(url, timeout=2)
            if response.status_code == 200 and (ready is None or ready(response)):
                return time.monotonic() - started
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise SystemExit(f"{url} did not become ready")


def start_server(store: Path, port: int) -> tuple[subprocess.Popen[bytes], float, float]:
    """`serve --in-memory`; seconds until it answers (from disk), and until the copy answers."""
    command = [sys.executable, "-m", "api.cli", "serve", "--store", str(store)]
    process = subprocess.Popen(
        command + ["--port", str(port), "--in-memory"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/health"
    answering = wait_until(url, None)
    in_memory = answering + wait_until(url, lambda r: r.json().get("engine") == "memory")
    return process, answering, in_memory


def start_oxigraph(store: Path, port: int) -> subprocess.Popen[bytes]:
    binary = Path(sys.executable).with_name("oxigraph")
    build = current_build(store)
    process = subprocess.Popen(
        [str(binary), "serve-read-only", "--location", str(build.oxigraph_path)]
        + ["--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_until(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", None, 60)
    return process


def library_runs(base: str) -> list[str]:
    """Each query of the researchers' library, once, through /sparql (POST: never kept)."""
    from graph.sparql import library

    lines = [f"{'library query via /sparql':<42}{'status':>7}{'seconds':>9}{'rows':>8}"]
    print("\n" + lines[0], flush=True)
    for name, path in library().items():
        started = time.perf_counter()
        response = httpx.post(
            base + "/sparql",
            content=path.read_bytes(),
            headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"},
            timeout=120,
        )
        seconds = time.perf_counter() - started
        rows = response.headers.get("x-result-rows", "-")
        lines.append(f"{name:<42}{response.status_code:>7}{seconds:>9.2f}{rows:>8}")
        print(lines[-1], flush=True)
    return lines


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def row(name: str, clients: int, state: str, result: tuple[float, ...]) -> str:
    rps, p50, p95, errors, kb = result
    return (
        f"{name:<26}{clients:>8}{state:>7}{rps:>9.0f}{p50:>11.1f}{p95:>11.1f}{errors:>8.0f}"
        f"{kb:>9.1f}"
    )


class Table:
    """The rows of the run: each endpoint at 1 and 50 clients, cold and warm."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.results: dict[tuple[str, int, str], tuple[float, float, float, int, float]] = {}
        self.lines = [
            f"server: serve --in-memory; {seconds:g} s per row; requests unanswered after "
            f"{TIMEOUT:.0f} s are errors; cold = a parameter never sent before, warm = one URL "
            "repeated",
            f"{'endpoint':<26}{'clients':>8}{'state':>7}{'req/s':>9}{'p50 ms':>11}"
            f"{'p95 ms':>11}{'errors':>8}{'KB':>9}",
        ]
        print("\n".join(self.lines), flush=True)

    def add(
        self, name: str, clients: int, state: str, result: tuple[float, float, float, int, float]
    ) -> None:
        self.results[name, clients, state] = result
        self.lines.append(row(name, clients, state, result))
        print(self.lines[-1], flush=True)

    def measure(
        self, name: str, url: str, path: str, params: dict[str, str], states: tuple[str, ...]
    ) -> None:
        for clients in (1, 50):
            for state in states:
                cold = state == "cold"
                result = asyncio.run(hammer(url, path, params, clients, self.seconds, cold))
                self.add(name, clients, state, result)

    def run(self, base: str, oxigraph: str) -> None:
        self.measure("/health (HTTP floor)", base, "/health", {}, ("warm",))
        for name, (path, params) in REST.items():
            self.measure(name, base, path, params, ("cold", "warm"))
            # the floor again, right after: the machine is shared, so each ratio is taken
            # against a floor measured beside it
            floor = asyncio.run(hammer(base, "/health", {}, 50, self.seconds, False))
            self.results["floor beside " + name, 50, "warm"] = floor
            self.lines.append(row("/health (floor, again)", 50, "warm", floor))
            print(self.lines[-1], flush=True)
        query = {"query": AGGREGATION}
        self.measure("/sparql aggregation", base, "/sparql", query, ("cold", "warm"))
        self.measure("Oxigraph server (disk)", oxigraph, "/query", query, ("cold",))


def summarise(
    results: dict[tuple[str, int, str], tuple[float, float, float, int, float]],
    startup: tuple[float, float, float],
    memory: tuple[float, float, float, str],
) -> list[str]:
    """The lines that hold the run against its targets: start-up, memory, ratios."""
    answering, in_memory, copy_seconds = startup
    memory_start, memory_mb, copy_mb, engine_after = memory
    summary = [""]
    summary.append(
        f"start-up: answering (from disk) after {answering:.1f} s, from the in-memory copy after "
        f"{in_memory:.1f} s; one copy's load in a process of its own: {copy_seconds:.1f} s "
        f"(ratio {in_memory / copy_seconds:.2f})"
    )
    summary.append(
        f"memory: serve --in-memory process tree {memory_start:,.0f} MB RSS once the copy is "
        f"made, {memory_mb:,.0f} MB after the run (engine then: {engine_after}); one copy "
        f"{copy_mb:,.0f} MB (ratios {memory_start / copy_mb:.2f} and {memory_mb / copy_mb:.2f}, "
        "target <= 1.3)"
    )
    for name in REST:
        warm, floor = results[name, 50, "warm"], results["floor beside " + name, 50, "warm"]
        summary.append(
            f"{name} warm at 50 clients: p95 {warm[2] / floor[2]:.2f}x the floor's measured beside "
            f"it (target <= 1.5), throughput {warm[0] / floor[0]:.2f}x (target >= 0.5)"
        )
    for clients in (1, 50):
        for state in ("cold", "warm"):
            ours = results["/sparql aggregation", clients, state]
            theirs = results["Oxigraph server (disk)", clients, "cold"]
            summary.append(
                f"/sparql {state} at {clients} client(s) against Oxigraph's server: throughput "
                f"{ours[0] / theirs[0]:.2f}x, p50 {theirs[1] / ours[1]:.2f}x as fast"
            )
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=None)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--in-memory", action="store_true", help="(always: kept for the harness)")
    args = parser.parse_args()
    store = args.store or Settings().store
    one = subprocess.run(
        [sys.executable, "-c", ONE_COPY, str(store)], capture_output=True, text=True, check=True
    )
    copy_seconds, copy_kb = (float(v) for v in one.stdout.split())
    port, ox_port = free_port(), free_port()
    server, answering, in_memory = start_server(store, port)
    oxigraph = start_oxigraph(store, ox_port)
    base = f"http://127.0.0.1:{port}"
    time.sleep(5)  # let the server settle once the copy is made
    memory_start = tree_rss_mb(server.pid)
    table = Table(args.seconds)
    try:
        table.run(base, f"http://127.0.0.1:{ox_port}")
        memory_mb = tree_rss_mb(server.pid)
        engine_after = httpx.get(base + "/health", timeout=30).json()["engine"]
        library = library_runs(base)
    finally:
        stop(oxigraph)
        stop(server)
    memory = (memory_start, memory_mb, copy_kb / 1024, engine_after)
    summary = summarise(table.results, (answering, in_memory, copy_seconds), memory)
    print("\n".join(summary))
    lines = [*table.lines, *summary, "", *library]
    Path(os.environ.get("API_BENCH_OUT", "/dev/null")).write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()

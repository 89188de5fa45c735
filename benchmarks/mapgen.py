"""Maps generated from a store, at the corpus scales a facilitator meets (not a test).

    python -m benchmarks.mapgen [--scales 0.1,1] [--work DIR] [--api] [--in-memory] [--on DATE]

For each scale: a synthetic corpus (`benchmarks.synth`) built into a store under --work
(kept and reused), then each map and `reliance`, each made in a fresh process from the
store on disk, as `councilgraph map` makes it: wall and CPU seconds, the page's MB, peak
memory, nodes and links, and the slowest step. Then every page in headless Chromium at
1920x1080: milliseconds from navigation to the first frame drawn (positions come from
Python and physics is off, so drawn is still), to redraw everything with every group
opened ("Open all"), and to redraw the network as it stood on one day from the page's own
data (the date control: 2018-06-01, or --on). With --on, every map opens on that date and
`reliance` counts the links live on it. With --api, `/maps/{name}` from a running app (uvicorn, over HTTP):
the first request (made) and the second (from the cache).

The worked example in BENCHMARKS.md is the 10% organisations map, which took 1,025 s before
this benchmark existed (visualisations/facts.py joined four UNION branches before looking
types up, and reliance ran one maximum flow per linked pair).
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import socket
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

MAPS = ["organisations", "people", "peer-challenges", "leads", "council:E09000019"]
CONTEXT = multiprocessing.get_context("spawn")


def store_for(work: Path, scale: float) -> Path:
    """A build of the synthetic corpus at `scale`, made once under `work`."""
    from benchmarks.synth import generate
    from councilgraph.settings import Settings
    from graph.build import build

    corpus, store = work / f"corpus-{scale}", work / f"store-{scale}"  # as the harness names them
    if not (store / "current").exists():
        generate(corpus, scale=scale, seed=2011)
        build(Settings(corpus=corpus, store=store))
    return store


def _child(store: str, name: str, out: str, on: str | None, queue: Any) -> None:
    from graph.store import open_store
    from visualisations.service import MapRequest, make_map, reliance
    from visualisations.steps import Steps

    started, cpu = time.perf_counter(), time.process_time()
    steps = Steps()
    opened = open_store(Path(store))
    day = date.fromisoformat(on) if on else None
    if name == "reliance":
        found = reliance(opened, day, steps=steps)
        size, nodes, edges = 0, len(found.shares), len(found.pairs)
    else:
        result = make_map(opened, MapRequest(name, day), steps)
        Path(out).write_text(result.html, encoding="utf-8")
        size, nodes, edges = len(result.html.encode()), result.nodes, result.edges
    slowest = max(steps.seconds.items(), key=lambda kv: kv[1])
    queue.put(
        {
            "seconds": time.perf_counter() - started,
            "cpu": time.process_time() - cpu,
            "mb": size / 1e6,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "nodes": nodes,
            "edges": edges,
            "slowest": f"{slowest[0]} {slowest[1]:.1f} s",
        }
    )


def generate_one(store: Path, name: str, out: Path, on: str | None = None) -> dict[str, Any]:
    queue = CONTEXT.Queue()
    process = CONTEXT.Process(target=_child, args=(str(store), name, str(out), on, queue))
    process.start()
    found: dict[str, Any] = queue.get(timeout=1800)
    process.join()
    return found


# vis-network's redraw() draws at once (not on the next animation frame)
DRAW_ALL = """() => {
  const started = performance.now();
  councilMap.showAll();
  councilMap.network.redraw();
  return performance.now() - started;
}"""


DRAW_DAY = """day => {
  const started = performance.now();
  councilMap.setOn(day);
  councilMap.network.redraw();
  return performance.now() - started;
}"""


def drawn_ms(pages: list[Path], day: str = "2018-06-01") -> dict[Path, tuple[float, float, float]]:
    """Per page: ms to the first frame drawn, to redraw with every group open, and to
    redraw the network as it stood on `day`."""
    from playwright.sync_api import sync_playwright

    found = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"]
        )
        for path in pages:
            page = browser.new_page(viewport={"width": 1920, "height": 1080})
            page.goto(path.resolve().as_uri(), wait_until="load", timeout=300_000)
            page.wait_for_function("window.councilMap && councilMap.state.drawnAt", timeout=300_000)
            first = float(page.evaluate("councilMap.state.drawnAt"))
            drawable = page.evaluate("councilMap.data.nodes.length")
            everything = float(page.evaluate(DRAW_ALL)) if drawable else 0.0
            on_day = float(page.evaluate(DRAW_DAY, day)) if drawable else 0.0
            found[path] = (first, everything, on_day)
            page.close()
        browser.close()
    return found


def api_seconds(
    store: Path, names: list[str], in_memory: bool
) -> dict[str, tuple[float, float, list[int]]]:
    """(first request s, second request s, the two statuses) per map, over HTTP."""
    import httpx
    import uvicorn

    from api.app import create_app
    from councilgraph.settings import Settings

    app = create_app(Settings(store=store, in_memory=in_memory), sparql_workers=1)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.1)
    found = {}
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=600) as client:
        for name in names:
            times, statuses = [], []
            for _ in range(2):
                started = time.perf_counter()
                statuses.append(client.get(f"/maps/{name}").status_code)
                times.append(time.perf_counter() - started)
            found[name] = (times[0], times[1], statuses)
    server.should_exit = True
    thread.join(timeout=30)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--scales", default="0.1,1")
    parser.add_argument("--work", type=Path, default=Path("/tmp/councilgraph-mapgen"))
    parser.add_argument("--api", action="store_true", help="also /maps/{name} over HTTP")
    parser.add_argument("--in-memory", action="store_true", help="the API from a copy in memory")
    parser.add_argument("--on", help="maps open on this date, reliance counts links live on it")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    on = f", on {args.on}" if args.on else ""
    print(f"maps generated from a store, {date.today()}{on}; Chromium 1920x1080")
    print(
        f"{'scale':>5} {'map':<18} {'s':>6} {'cpu s':>6} {'MB':>5} {'peak MB':>7} {'nodes':>6}"
        f" {'links':>6} {'drawn ms':>8} {'all ms':>7} {'day ms':>6}  slowest step"
    )
    for scale in (float(s) for s in args.scales.split(",")):
        store = store_for(args.work, scale)
        rows, pages = [], []
        for name in [*MAPS, "reliance"]:
            out = args.work / f"map-{scale:g}-{name.replace(':', '_')}.html"
            rows.append((name, out, generate_one(store, name, out, args.on)))
            if name != "reliance":
                pages.append(out)
        drawn = drawn_ms(pages, args.on or "2018-06-01")
        for name, out, r in rows:
            first, everything, on_day = drawn.get(out, (0.0, 0.0, 0.0))
            print(
                f"{scale:>5g} {name:<18} {r['seconds']:6.1f} {r['cpu']:6.1f} {r['mb']:5.1f}"
                f" {r['peak_mb']:7.0f} {r['nodes']:6} {r['edges']:6} {first:8.0f}"
                f" {everything:7.0f} {on_day:6.0f}  {r['slowest']}",
                flush=True,
            )
        if args.api:
            for name, (cold, warm, status) in api_seconds(store, MAPS, args.in_memory).items():
                print(
                    f"{scale:>5g} GET /maps/{name:<18} {status} first {cold:6.2f} s, again {warm:6.3f} s"
                )


if __name__ == "__main__":
    main()

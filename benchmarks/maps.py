"""Map generation and drawing time: councilgraph's maps against pyvis with its default settings.

    python -m benchmarks.maps [--sizes 200,2000,10000] [--timeout 300]

Same synthetic person–organisation graph for both (a quarter organisations, each person in
one to three of them, popular organisations more likely). Per size:

- generation: `build_map(graph)` (layout in Python + HTML) against pyvis
  `Network(); from_nx(graph); generate_html()` (no layout: pyvis leaves it to the browser).
- drawn and still, in headless Chromium: from navigation start to the first `afterDrawing`
  of our map (physics off, positions given), against pyvis's first `stabilized` event
  (its default barnesHut physics with 1000 stabilisation iterations, then free simulation
  until it stops).

Both pages are served from a fake origin by Playwright's router. pyvis's default template
asks cdnjs for vis-network: those requests are fulfilled from the local copy of the same
vis-network 9.1.2 (so both draw with the same library; the tags' SRI hashes are those of
cdnjs's build, which pyvis's bundled copy does not match, so they are removed); its
bootstrap CSS/JS from jsdelivr
are aborted (not needed to draw). Our page makes no request at all.
"""

from __future__ import annotations

import argparse
import random
import re
import time
from pathlib import Path
from typing import Any

import networkx as nx
from playwright.sync_api import Page, Route, sync_playwright

from visualisations.render import MapOptions, build_map

HERE = Path(__file__).resolve().parent
STATIC = HERE.parent / "visualisations" / "static"
ORIGIN = "http://bench.invalid/"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# pyvis declares `var network` and assigns it once; a setter on window sees that moment.
HOOK = """
(() => {
  let value; window.__bench = {};
  Object.defineProperty(window, "network", { configurable: true,
    get() { return value; },
    set(v) { value = v; if (!v || !v.once) return;
      v.once("afterDrawing", () => { window.__bench.firstDraw = performance.now(); });
      v.once("stabilizationIterationsDone",
        () => { window.__bench.iterations = performance.now(); });
      v.once("stabilized", () => { window.__bench.still = performance.now(); }); } });
})();
"""


def synthetic(n: int, seed: int = 1) -> nx.Graph:
    rng = random.Random(seed)
    graph = nx.Graph()
    orgs = [f"org-{i}" for i in range(max(2, n // 4))]
    for org in orgs:
        graph.add_node(
            org, label=org.replace("-", " ").title(), kind=rng.choice(["council", "organisation"])
        )
    weights = [1 / (i + 1) ** 0.8 for i in range(len(orgs))]
    for i in range(n - len(orgs)):
        person = f"person-{i}"
        graph.add_node(person, label=f"Person {i}", kind="person")
        for org in set(rng.choices(orgs, weights, k=rng.randint(1, 3))):
            graph.add_edge(person, org, people=[f"Person {i}"])
    return graph


def pyvis_html(graph: nx.Graph) -> str:
    from pyvis.network import Network

    net = Network()  # defaults: cdn_resources="local", barnesHut physics, stabilisation on
    net.from_nx(graph)
    # Its CDN tags carry cdnjs's SRI hashes, which pyvis's own bundled copy does not match;
    # drop them so the local copy can stand in for the CDN (the only change to pyvis's page).
    return re.sub(r'\sintegrity="[^"]*"', "", str(net.generate_html()))


def serve(page: Page, html: str, *, pyvis_lib: Path) -> list[str]:
    aborted: list[str] = []

    def handle(route: Route) -> None:
        url = route.request.url
        if url == ORIGIN + "map.html":
            route.fulfill(body=html, content_type="text/html")
        elif "vis-network" in url and url.endswith(".js"):
            route.fulfill(path=str(STATIC / "vis-network.min.js"), content_type="text/javascript")
        elif "vis-network" in url and url.endswith(".css"):
            route.fulfill(path=str(STATIC / "vis-network.css"), content_type="text/css")
        elif url.startswith(ORIGIN + "lib/"):
            route.fulfill(path=str(pyvis_lib / url[len(ORIGIN + "lib/") :]))
        else:
            aborted.append(url)
            route.abort()

    page.route("**/*", handle)
    return aborted


def drawn_ms(page: Page, html: str, *, ours: bool, timeout: float) -> tuple[float | None, int]:
    import pyvis

    aborted = serve(page, html, pyvis_lib=Path(pyvis.__file__).parent / "lib")
    if not ours:
        page.add_init_script(HOOK)
    page.goto(ORIGIN + "map.html", wait_until="load", timeout=timeout * 1000)
    check = (
        "window.councilMap && councilMap.state.drawnAt"
        if ours
        else "window.__bench && window.__bench.still"
    )
    try:
        page.wait_for_function(check, timeout=timeout * 1000, polling=100)
    except Exception:  # noqa: BLE001 - a timeout is a result here, reported as such
        return None, len(aborted)
    value: Any = page.evaluate(check)
    return float(value), len(aborted)


def pyvis_iterations_ms(page: Page) -> float | None:
    """When pyvis's 1000 stabilisation iterations ended (the picture may still move after)."""
    value = page.evaluate("window.__bench && window.__bench.iterations")
    return float(value) if value else None


def timed(action: Any) -> tuple[Any, float]:
    started = time.perf_counter()
    result = action()
    return result, time.perf_counter() - started


def run(sizes: list[int], timeout: float) -> list[dict[str, Any]]:
    results = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for n in sizes:
            graph = synthetic(n)
            ours_html, ours_gen = timed(lambda g=graph: build_map(g, MapOptions()))
            theirs_html, theirs_gen = timed(lambda g=graph: pyvis_html(g))
            row: dict[str, Any] = {
                "nodes": graph.number_of_nodes(),
                "edges": graph.number_of_edges(),
                "ours_gen": ours_gen,
                "pyvis_gen": theirs_gen,
            }
            for key, html, ours in (("ours", ours_html, True), ("pyvis", theirs_html, False)):
                page = browser.new_page(viewport={"width": 1280, "height": 860})
                row[f"{key}_draw"], row[f"{key}_aborted"] = drawn_ms(
                    page, html, ours=ours, timeout=timeout
                )
                if not ours:
                    row["pyvis_iterations"] = pyvis_iterations_ms(page)
                page.close()
            results.append(row)
            print_row(row, timeout)
        browser.close()
    return results


def fmt_ms(value: float | None, timeout: float) -> str:
    return f">{timeout:.0f} s" if value is None else f"{value / 1000:.2f} s"


def print_row(row: dict[str, Any], timeout: float) -> None:
    gen_ratio = row["pyvis_gen"] / row["ours_gen"]
    if row["ours_draw"] and row["pyvis_draw"]:
        draw_ratio = f"{row['pyvis_draw'] / row['ours_draw']:.1f}x"
    elif row["ours_draw"]:
        draw_ratio = f">{timeout * 1000 / row['ours_draw']:.0f}x"
    else:
        draw_ratio = "n/a"
    ours_total = row["ours_gen"] + (row["ours_draw"] or float("nan")) / 1000
    theirs_total = row["pyvis_gen"] + (row["pyvis_draw"] or timeout * 1000) / 1000
    print(
        f"{row['nodes']:>6} {row['edges']:>6} | gen ours {row['ours_gen']:6.2f} s"
        f" pyvis {row['pyvis_gen']:6.2f} s"
        f" (pyvis/ours {gen_ratio:5.2f}) | drawn+still ours {fmt_ms(row['ours_draw'], timeout):>8}"
        f" pyvis {fmt_ms(row['pyvis_draw'], timeout):>8} (pyvis/ours {draw_ratio})"
        f" [pyvis stabilisation iterations done {fmt_ms(row['pyvis_iterations'], timeout)}]"
        f" | total pyvis/ours {theirs_total / ours_total:.1f}x"
        f" | requests aborted ours {row['ours_aborted']} pyvis {row['pyvis_aborted']}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default="200,2000,10000")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds to wait for a map")
    args = parser.parse_args()
    print(
        "baseline: pyvis 0.3.2 Network() defaults, same graph, same Chromium,"
        " same vis-network 9.1.2"
    )
    run([int(s) for s in args.sizes.split(",")], args.timeout)


if __name__ == "__main__":
    main()

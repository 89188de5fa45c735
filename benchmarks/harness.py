"""One benchmark run over one synthetic corpus: build, queries, API, mirror, maps.

    python -m benchmarks.harness [--scales 0.1,1,10] [--quick] [--out BENCHMARKS.md]
    councilgraph bench [...]                     # the same, from the CLI

Generates the corpus at each scale (benchmarks/synth, seeded), measures each build in its
own process tree (benchmarks/buildbench), runs the query library on four engines over the
same N-Quads (benchmarks/querybench), then runs the colleagues' benchmarks for the API,
the mirror and the maps on that same data where they exist (benchmarks/api.py, mirror.py,
maps.py, mapgen.py), printing their own tables. A part that cannot run is reported as "not measured"
with the reason; nothing is estimated. Prints a rich table and writes BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from rich.console import Console
from rich.table import Table

from benchmarks.buildbench import BuildMeasure, measure
from benchmarks.querybench import QueryTiming, compare, ratios
from benchmarks.synth import generate

TARGET_SECONDS, TARGET_MB, TARGET_RATIO = 60.0, 1536.0, 50.0


@dataclass
class Results:
    machine: dict[str, str]
    builds: dict[float, tuple[str, BuildMeasure]] = field(default_factory=dict)  # scale -> summary
    query_scale: float | None = None
    queries: list[QueryTiming] = field(default_factory=list)
    loads: dict[str, float] = field(default_factory=dict)
    others: dict[str, str] = field(default_factory=dict)  # part -> its output or why not


def machine() -> dict[str, str]:
    cpu = (
        next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            platform.processor(),
        )
        if Path("/proc/cpuinfo").exists()
        else platform.processor()
    )
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    import pyoxigraph
    import rdflib

    return {
        "cpu": f"{cpu} ({os.cpu_count()} cores)",
        "memory": f"{mem:.1f} GiB",
        "os": platform.platform(),
        "python": platform.python_version(),
        "pyoxigraph": pyoxigraph.__version__,
        "rdflib": rdflib.__version__,
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def run_builds(
    work: Path, scales: list[float], timeout: float, console: Console
) -> dict[float, tuple[str, BuildMeasure]]:
    builds = {}
    for scale in scales:
        corpus, store = work / f"corpus-{scale}", work / f"store-{scale}"
        manifest = generate(corpus, scale=scale, seed=2011)
        console.print(f"[bold]build[/] {manifest.summary()}")
        result = measure(corpus, store, timeout)
        builds[scale] = (manifest.summary(), result)
        console.print(
            f"  -> {'ok' if result.ok else 'FAILED ' + result.error} "
            f"{result.seconds:.1f} s, peak {result.peak_mb:.0f} MB"
        )
    return builds


def run_colleague(module: str, args: list[str], timeout: float) -> str:
    """A colleague's benchmark module, run as its own process; its printed table, or why not."""
    if importlib.util.find_spec(f"benchmarks.{module}") is None:
        return f"not measured: benchmarks/{module}.py is not in this checkout"
    try:
        done = subprocess.run(
            [sys.executable, "-m", f"benchmarks.{module}", *args],
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return f"not measured: benchmarks/{module}.py did not finish within {timeout:.0f} s"
    if done.returncode != 0:
        tail = "\n".join(done.stderr.strip().splitlines()[-3:])
        return f"not measured: benchmarks/{module}.py exited {done.returncode}:\n{tail}"
    return done.stdout.strip()


def collect(
    scales: list[float],
    quick: bool,
    work: Path,
    console: Console,
    query_scale: float | None = None,
) -> Results:
    results = Results(machine=machine())
    results.builds = run_builds(work, scales, timeout=600 if quick else 1800, console=console)
    built = [s for s, (_, m) in results.builds.items() if m.ok]
    if built:
        results.query_scale = (
            query_scale
            if query_scale in built
            else 1.0
            if 1.0 in built
            else max(s for s in built if s <= 1.0)
            if any(s <= 1 for s in built)
            else min(built)
        )
        console.print(f"[bold]queries[/] on the {results.query_scale:g} build")
        results.queries, results.loads = compare(
            work / f"store-{results.query_scale}",
            runs=3 if quick else 7,
            budget=20 if quick else 120,
        )
        store = str(work / f"store-{results.query_scale}")
        seconds = "2" if quick else "5"
        console.print("[bold]api[/] (benchmarks/api.py)")
        results.others["API (serve --in-memory)"] = run_colleague(
            "api", ["--store", store, "--seconds", seconds, "--in-memory"], 2400
        )
    else:
        results.others["API (serve --in-memory)"] = "not measured: no build succeeded"
    console.print("[bold]mirror[/] (benchmarks/mirror.py)")
    results.others["Mirror"] = run_colleague(
        "mirror", ["--triples", "20000" if quick else "120000"], 1200
    )
    console.print("[bold]maps[/] (benchmarks/maps.py)")
    results.others["Maps"] = run_colleague(
        "maps", ["--sizes", "200,2000" if quick else "200,2000,10000"], 1800
    )
    console.print("[bold]maps from a store[/] (benchmarks/mapgen.py)")
    map_scales = [s for s in (0.1, 1.0) if s in scales] or [0.1]
    results.others["Maps from a store"] = run_colleague(
        "mapgen", ["--scales", ",".join(map(str, map_scales)), "--work", str(work), "--api"], 3600
    )
    return results


def build_table(results: Results) -> Table:
    table = Table(title="councilgraph build (one process tree per build)")
    for column in ("scale", "corpus", "seconds", "peak MB", "triples", "result"):
        table.add_column(column)
    for scale, (summary, m) in results.builds.items():
        table.add_row(
            f"{scale:g}",
            summary.split(": ", 1)[1][:70],
            f"{m.seconds:.1f}",
            f"{m.peak_mb:.0f}",
            f"{m.triples:,}",
            "ok" if m.ok else f"failed: {m.error}",
        )
    return table


def query_table(results: Results) -> Table:
    from benchmarks.report import QUERY_COLUMNS, query_cells

    table = Table(title=f"query library, median ms (scale {results.query_scale:g})")
    for column in QUERY_COLUMNS:
        table.add_column(column)
    for t in results.queries:
        table.add_row(*query_cells(t))
    return table


def markdown(results: Results) -> str:
    from benchmarks.report import render

    return render(results, TARGET_SECONDS, TARGET_MB, TARGET_RATIO, ratios(results.queries))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.harness", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--scales", default=None, help="comma-separated, e.g. 0.1,1,10")
    parser.add_argument("--quick", action="store_true", help="small scales, short runs")
    parser.add_argument(
        "--query-scale",
        type=float,
        default=None,
        help="the build the query library is compared on (default: 1, else the largest below)",
    )
    parser.add_argument("--out", type=Path, default=Path("BENCHMARKS.md"))
    parser.add_argument("--work", type=Path, default=None, help="where corpora and stores go")
    args = parser.parse_args(argv)
    scales = [
        float(s) for s in (args.scales or ("0.01,0.1" if args.quick else "0.1,1,10")).split(",")
    ]
    console = Console()
    work = args.work or Path(tempfile.mkdtemp(prefix="councilgraph-bench-"))
    results = collect(scales, args.quick, work, console, args.query_scale)
    machine = Table.grid()
    machine.add_row(", ".join(f"{k}: {v}" for k, v in results.machine.items()))
    console.print(machine)
    console.print(build_table(results))
    if results.queries:
        console.print(query_table(results))
    for part, text in results.others.items():
        console.rule(part)
        console.print(text, markup=False, highlight=False)
    args.out.write_text(markdown(results))
    console.print(f"wrote {args.out}")


if __name__ == "__main__":
    main()

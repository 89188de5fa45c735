"""Build time and peak memory of `councilgraph build`, each build in its own process tree.

    python -m benchmarks.buildbench CORPUS STORE      # prints one JSON line

`resource.getrusage(RUSAGE_CHILDREN).ru_maxrss` is the largest peak of any child a process
has waited for, so measuring several builds from one parent would mix their peaks. The
harness therefore starts this module once per build; it starts the build as its child and
reports that child's peak (which includes the build's loader pool workers) and wall time.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

BUILD = (
    "import sys; from pathlib import Path; from councilgraph.settings import Settings; "
    "from graph.build import build; r = build(Settings(corpus=Path(sys.argv[1]), "
    "store=Path(sys.argv[2]))); print(r.triples, r.graphs)"
)


@dataclass(frozen=True)
class BuildMeasure:
    ok: bool
    seconds: float
    peak_mb: float
    triples: int = 0
    graphs: int = 0
    error: str = ""


def measure_here(corpus: Path, store: Path, timeout: float) -> BuildMeasure:
    """Run one build as a child of this process and measure it."""
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-c", BUILD, str(corpus), str(store)],
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return BuildMeasure(
            False, time.perf_counter() - started, _peak(), error=f"timed out after {timeout:.0f} s"
        )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        tail = (done.stderr.strip().splitlines() or ["(no output)"])[-1]
        reason = "killed (out of memory?)" if done.returncode < 0 else tail[:200]
        return BuildMeasure(False, seconds, _peak(), error=f"exit {done.returncode}: {reason}")
    triples, graphs = (int(x) for x in done.stdout.split()[-2:])
    return BuildMeasure(True, seconds, _peak(), triples, graphs)


def _peak() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def measure(corpus: Path, store: Path, timeout: float = 1800.0) -> BuildMeasure:
    """From the harness: a fresh measuring process per build, so peaks never mix."""
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.buildbench", str(corpus), str(store), str(timeout)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        return BuildMeasure(False, 0.0, 0.0, error=done.stderr.strip()[-200:])
    return BuildMeasure(**json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    corpus, store = Path(sys.argv[1]), Path(sys.argv[2])
    timeout = float(sys.argv[3]) if len(sys.argv) > 3 else 1800.0
    print(json.dumps(measure_here(corpus, store, timeout).__dict__))


if __name__ == "__main__":
    main()

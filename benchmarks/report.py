"""BENCHMARKS.md from one harness run: machine, tables, colleagues' outputs, closing note."""

from __future__ import annotations

from typing import Any


def _build_rows(results: Any) -> list[str]:
    rows = [
        "| scale | corpus | seconds | peak MB | triples | result |",
        "|---|---|---|---|---|---|",
    ]
    for scale, (summary, m) in results.builds.items():
        outcome = "ok" if m.ok else f"failed: {m.error}"
        rows.append(
            f"| {scale:g} | {summary.split(': ', 1)[1]} | {m.seconds:.1f} | {m.peak_mb:.0f} "
            f"| {m.triples:,} | {outcome} |"
        )
    return rows


def _ms(t: Any, engine: str) -> str:
    return ("≥" if engine in t.stopped else "") + f"{t.ms[engine]:,.2f}"


def _times(value: float, floor: bool) -> str:
    return ("≥" if floor else "") + (f"{value:,.0f}x" if value >= 10 else f"{value:.1f}x")


QUERY_COLUMNS = (
    "query",
    "councilgraph (disk) ms",
    "councilgraph (memory) ms",
    "raw pyoxigraph ms",
    "rdflib ms",
    "rdflib / cg disk",
    "rdflib / cg memory",
    "raw / cg memory",
    "rows",
)


def query_cells(t: Any) -> list[str]:
    """One query's row of the query table (QUERY_COLUMNS), for the terminal and the file."""
    disk, memory = t.ms["councilgraph (disk)"], t.ms["councilgraph (memory)"]
    raw, rd = t.ms["raw pyoxigraph"], t.ms["rdflib"]
    floor = "rdflib" in t.stopped
    counts = set(t.rows.values())
    agree = str(next(iter(counts))) if len(counts) == 1 else f"engines differ: {t.rows}"
    if t.stopped:
        agree += f" (stopped at the budget: {', '.join(sorted(t.stopped))})"
    return [
        t.name,
        _ms(t, "councilgraph (disk)"),
        _ms(t, "councilgraph (memory)"),
        _ms(t, "raw pyoxigraph"),
        _ms(t, "rdflib"),
        _times(rd / disk, floor),
        _times(rd / memory, floor),
        f"{raw / memory:.2f}",
        agree,
    ]


def _query_rows(results: Any) -> list[str]:
    rows = ["| " + " | ".join(QUERY_COLUMNS) + " |", "|" + "---|" * len(QUERY_COLUMNS)]
    rows += ["| " + " | ".join(query_cells(t)) + " |" for t in results.queries]
    return rows


def render(
    results: Any,
    target_s: float,
    target_mb: float,
    target_ratio: float,
    ratio: dict[tuple[str, str], float],
) -> str:
    lines = [
        "# Benchmarks",
        "",
        "Produced by `python -m benchmarks.harness` (or `councilgraph bench`); "
        "do not edit by hand. Baselines are named in each table and measured in the same run "
        "on the same data.",
        "",
        "## Machine",
        "",
    ]
    lines += [f"- {k}: {v}" for k, v in results.machine.items()]
    lines += [
        "",
        "## Build (synthetic corpus, `benchmarks/synth`, seed 2011)",
        "",
        "Each build runs in its own process tree; peak memory is `ru_maxrss` of that tree "
        "(RUSAGE_CHILDREN of a fresh measuring process).",
        "",
        *_build_rows(results),
        "",
    ]
    if results.queries:
        loads = ", ".join(f"{k} {v:.1f} s" for k, v in results.loads.items())
        lines += [
            f"## Query library (graph/queries, scale {results.query_scale:g})",
            "",
            "Median ms over the runs after a warm-up, all in one process. councilgraph reads "
            "its store on disk (`councilgraph query`, `serve`) or as an in-memory copy "
            "(`serve --in-memory`). Baselines: rdflib's default in-memory store (`Dataset()`, "
            "`dataset.query`) and an in-memory pyoxigraph Store, both loaded from the store's "
            "N-Quads (named graphs plus the default graph holding their merge, so every "
            f"engine answers over the same default graph). Loads: {loads}. ≥: the run "
            "was stopped at the budget; the time is a lower bound, and so is its ratio.",
            "",
            *_query_rows(results),
            "",
        ]
    for part, text in results.others.items():
        lines += [f"## {part}", "", "```", text, "```", ""]
    lines += [
        "## Closing note",
        "",
        *_closing(results, target_s, target_mb, target_ratio, ratio),
        "",
    ]
    return "\n".join(lines)


def _closing(
    results: Any,
    target_s: float,
    target_mb: float,
    target_ratio: float,
    ratio: dict[tuple[str, str], float],
) -> list[str]:
    notes = []
    full = results.builds.get(1.0)
    if full:
        m = full[1]
        verdict = "meets" if m.ok and m.seconds < target_s and m.peak_mb < target_mb else "misses"
        state = f"{m.seconds:.1f} s and {m.peak_mb:.0f} MB peak" if m.ok else f"failed ({m.error})"
        notes.append(
            f"- 100% build: {state}; {verdict} the target (< {target_s:.0f} s, < {target_mb:.0f} MB)."
        )
    else:
        notes.append("- 100% build: not measured in this run.")
    floor = "≥" if any("rdflib" in t.stopped for t in results.queries) else ""
    for ours in ("councilgraph (disk)", "councilgraph (memory)"):
        if ("rdflib", ours) in ratio:
            value = ratio[("rdflib", ours)]
            verdict = "meets" if value >= target_ratio else "misses"
            notes.append(
                f"- Query library at scale {results.query_scale:g}, median over queries of "
                f"rdflib time / {ours} time: {floor}{value:.0f}x ({verdict} the "
                f"{target_ratio:.0f}x target)."
            )
    if ("raw pyoxigraph", "councilgraph (memory)") in ratio:
        notes.append(
            "- Raw in-memory pyoxigraph / councilgraph (memory): "
            f"{ratio[('raw pyoxigraph', 'councilgraph (memory)')]:.2f} (councilgraph's own "
            "layer over the engine)."
        )
    notes += [
        f"- {part}: "
        + ("see above" if not text.startswith("not measured") else text.splitlines()[0])
        for part, text in results.others.items()
    ]
    return notes

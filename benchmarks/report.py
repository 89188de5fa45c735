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


def _query_rows(results: Any) -> list[str]:
    rows = [
        "| query | councilgraph ms | raw pyoxigraph ms | rdflib ms | rdflib / councilgraph "
        "| raw / councilgraph | rows |",
        "|---|---|---|---|---|---|---|",
    ]
    for t in results.queries:
        cg, raw, rd = (t.ms.get(e) for e in ("councilgraph", "raw pyoxigraph", "rdflib"))
        agree = "" if len(set(t.rows.values())) == 1 else f" (engines differ: {t.rows})"
        rows.append(
            f"| {t.name} | {cg:.2f} | {raw:.2f} | {rd:.1f} | {rd / cg:.0f}x | {raw / cg:.2f} "
            f"| {t.rows['councilgraph']}{agree} |"
        )
    return rows


def render(
    results: Any, target_s: float, target_mb: float, target_ratio: float, ratio: dict[str, float]
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
            "Median ms. Baselines: rdflib's default in-memory store "
            "(`Dataset(default_union=True)`, `dataset.query`) and an in-memory pyoxigraph "
            f"Store, both loaded from the build's N-Quads (load: {loads}).",
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
    results: Any, target_s: float, target_mb: float, target_ratio: float, ratio: dict[str, float]
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
    if "rdflib" in ratio:
        verdict = "meets" if ratio["rdflib"] >= target_ratio else "misses"
        notes.append(
            f"- Query library, median over queries of rdflib time / councilgraph time: "
            f"{ratio['rdflib']:.0f}x ({verdict} the {target_ratio:.0f}x target); raw in-memory "
            f"pyoxigraph / councilgraph: {ratio.get('raw pyoxigraph', float('nan')):.2f}."
        )
    notes += [
        f"- {part}: "
        + ("see above" if not text.startswith("not measured") else text.splitlines()[0])
        for part, text in results.others.items()
    ]
    return notes

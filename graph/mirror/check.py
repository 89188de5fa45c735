"""`mirror --check`: does the target hold the projection? Counts by label and type, then samples.

The counts catch missing or extra nodes and relationships; the samples (evenly spaced over
the sorted URIs, so a re-run checks the same ones) catch wrong values, types and labels.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from graph.mirror.projection import Projection, Rel
from graph.mirror.sync import same
from graph.mirror.targets import Target

LABEL_COUNTS = "MATCH (n:Resource) UNWIND labels(n) AS label RETURN label, count(*)"
TYPE_COUNTS = "MATCH (:Resource)-[r]->(:Resource) RETURN type(r), count(*)"
SAMPLE_NODES = (
    "UNWIND $uris AS u MATCH (n:Resource {uri: u}) RETURN n.uri, labels(n), properties(n)"
)
SAMPLE_RELS = (
    "UNWIND $rows AS r MATCH (a:Resource {uri: r.start})-[x]->(b:Resource {uri: r.end}) "
    "WHERE type(x) = r.type AND coalesce(x.membership, '') = r.key "
    "RETURN r.start, r.type, r.end, r.key, properties(x)"
)


@dataclass
class CheckReport:
    target: str
    labels: dict[str, tuple[int, int]]  # label -> (expected, found)
    types: dict[str, tuple[int, int]]
    sampled_nodes: int
    sampled_relationships: int
    differences: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.differences


def _spread(items: list[Any], sample: int) -> list[Any]:
    if len(items) <= sample:
        return items
    step = len(items) / sample
    return [items[int(i * step)] for i in range(sample)]


def _compare_counts(
    what: str, expected: Counter[str], found: Counter[str]
) -> tuple[dict[str, tuple[int, int]], list[str]]:
    table = {k: (expected.get(k, 0), found.get(k, 0)) for k in sorted(set(expected) | set(found))}
    diffs = [f"{what} {k}: expected {e}, found {f}" for k, (e, f) in table.items() if e != f]
    return table, diffs


def _check_nodes(projection: Projection, target: Target, sample: int) -> tuple[int, list[str]]:
    uris = _spread(sorted(projection.nodes), sample)
    found = {row[0]: row for row in target.read(SAMPLE_NODES, {"uris": uris})}
    diffs = []
    for uri in uris:
        node = projection.nodes[uri]
        if uri not in found:
            diffs.append(f"node {uri}: missing")
            continue
        _, labels, props = found[uri]
        if frozenset(labels) != node.labels:
            diffs.append(f"node {uri}: labels {sorted(labels)} != {sorted(node.labels)}")
        for key in sorted(set(props) | set(node.props)):
            if not same(node.props.get(key), props.get(key)):
                diffs.append(
                    f"node {uri}: {key} = {props.get(key)!r}, expected {node.props.get(key)!r}"
                )
    return len(uris), diffs


def _check_rels(projection: Projection, target: Target, sample: int) -> tuple[int, list[str]]:
    rels: list[Rel] = _spread(sorted(projection.rels.values(), key=lambda r: r.ident), sample)
    rows = [{"start": r.start, "type": r.type, "end": r.end, "key": r.key} for r in rels]
    found: dict[tuple[str, str, str, str], list[dict[str, Any]]] = {}
    for start, rtype, end, key, props in target.read(SAMPLE_RELS, {"rows": rows}):
        found.setdefault((start, rtype, end, key), []).append(props)
    diffs = []
    for rel in rels:
        got = found.get(rel.ident, [])
        if len(got) != 1:
            diffs.append(f"relationship {rel.ident}: found {len(got)}, expected 1")
        elif set(got[0]) != set(rel.props) or not all(
            same(rel.props[k], got[0][k]) for k in rel.props
        ):
            diffs.append(
                f"relationship {rel.ident}: properties {got[0]!r}, expected {dict(rel.props)!r}"
            )
    return len(rels), diffs


def check(projection: Projection, target: Target, *, sample: int = 200) -> CheckReport:
    """Compare the target with the projection; `report.ok` is False on any difference."""
    found_labels = Counter({str(k): int(v) for k, v in target.read(LABEL_COUNTS)})
    found_types = Counter({str(k): int(v) for k, v in target.read(TYPE_COUNTS)})
    labels, label_diffs = _compare_counts("label", projection.label_counts(), found_labels)
    types, type_diffs = _compare_counts("relationship type", projection.type_counts(), found_types)
    n_nodes, node_diffs = _check_nodes(projection, target, sample)
    n_rels, rel_diffs = _check_rels(projection, target, sample)
    return CheckReport(
        target=target.name,
        labels=labels,
        types=types,
        sampled_nodes=n_nodes,
        sampled_relationships=n_rels,
        differences=label_diffs + type_diffs + node_diffs + rel_diffs,
    )

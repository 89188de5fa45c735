"""A sync: diff the projection against what the target holds, then write only the difference.

    read state -> plan (statements grouped by shape) -> apply in UNWIND batches

Order: delete relationships, delete nodes, create nodes, update nodes, create
relationships. Every batch is its own transaction, and the plan is recomputed from the
target's state on every run, so an interrupted sync, run again, finishes the job; a sync
with nothing to change writes nothing at all. A changed relationship is deleted and
created again (its identity is start, type, end and, for MEMBER_OF, the membership).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from graph.mirror.names import checked
from graph.mirror.projection import MEMBER_OF, RESOURCE, Node, Projection, Rel, RelKey, Value
from graph.mirror.targets import Target

Progress = Callable[[str, int, int], None]  # (what, rows done, rows total)
AfterBatch = Callable[[int], None]  # called with the number of batches written so far
DEFAULT_BATCH = 1000


@dataclass
class State:
    """What a target holds under :Resource."""

    nodes: dict[str, tuple[frozenset[str], dict[str, Any]]]
    rels: dict[RelKey, list[dict[str, Any]]]


@dataclass
class Statement:
    kind: str
    query: str
    rows: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Plan:
    statements: list[Statement]
    counts: dict[str, int]

    @property
    def empty(self) -> bool:
        return not any(s.rows for s in self.statements)


@dataclass
class SyncReport:
    target: str
    counts: dict[str, int]
    batches: int
    seconds: float
    schema_created: bool
    nodes: int
    relationships: int

    @property
    def wrote_nothing(self) -> bool:
        return self.batches == 0 and not self.schema_created


def read_state(target: Target) -> State:
    nodes = {
        str(uri): (frozenset(labels), dict(props))
        for uri, labels, props in target.read(
            "MATCH (n:Resource) RETURN n.uri, labels(n), properties(n)"
        )
    }
    rels: dict[RelKey, list[dict[str, Any]]] = {}
    query = "MATCH (a:Resource)-[r]->(b:Resource) RETURN a.uri, type(r), b.uri, properties(r)"
    for start, rtype, end, props in target.read(query):
        rels.setdefault((start, rtype, end, str(props.get("membership") or "")), []).append(
            dict(props)
        )
    return State(nodes, rels)


def same(a: Any, b: Any) -> bool:
    """Equal and of the same type (so True is not 1 and 1 is not 1.0)."""
    if isinstance(a, tuple) and isinstance(b, tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


def _param(value: Value | None) -> Any:
    if isinstance(value, tuple):
        return [_param(v) for v in value]
    return value.isoformat() if isinstance(value, date) else value


def _is_date(value: Value | None) -> bool:
    return isinstance(value, date) or (
        isinstance(value, tuple) and bool(value) and isinstance(value[0], date)
    )


def _split(props: Mapping[str, Value | None]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Plain values (sent as a map) and dates (ISO text, turned into dates by Cypher `date()`)."""
    plain = {k: _param(v) for k, v in props.items() if not _is_date(v)}
    dates = {k: _param(v) for k, v in props.items() if _is_date(v)}
    return plain, dates


def _date_sets(var: str, dates: Mapping[str, Any], keys: frozenset[str]) -> str:
    parts = []
    for key in sorted(dates):
        name = checked(key, keys, "property key")
        if isinstance(dates[key], list):
            parts.append(f", {var}.{name} = [d IN r.dates.{name} | date(d)]")
        else:
            parts.append(f", {var}.{name} = date(r.dates.{name})")
    return "".join(parts)


def _labels(labels: Iterable[str], allowed: frozenset[str]) -> str:
    return "".join(":" + checked(label, allowed, "label") for label in sorted(labels))


class _Grouper:
    """Statements keyed by query text, so rows of the same shape share one UNWIND."""

    def __init__(self) -> None:
        self.by_query: dict[str, Statement] = {}

    def add(self, kind: str, query: str, row: dict[str, Any]) -> None:
        self.by_query.setdefault(query, Statement(kind, query)).rows.append(row)

    def statements(self) -> list[Statement]:
        return list(self.by_query.values())


def _node_statement(
    node: Node, current: tuple[frozenset[str], dict[str, Any]] | None, projection: Projection
) -> tuple[str, str, dict[str, Any]] | None:
    """(kind, query, row) that brings one node in line, or None if it already is."""
    labels, props = current if current else (frozenset(), {})
    changed: dict[str, Value | None] = {
        k: v for k, v in node.props.items() if not same(props.get(k), v)
    }
    changed.update({k: None for k in props if k not in node.props})
    add = node.labels - labels - {RESOURCE}
    remove = labels - node.labels
    if current and not (changed or add or remove):
        return None
    plain, dates = _split(changed)
    if current is None:
        # CREATE with every label at once: adding labels to an existing node is far slower in
        # FalkorDB, and the uniqueness constraint refuses a node that appeared meanwhile
        labels_text = _labels(node.labels, projection.labels)
        sets = f"SET n += r.props{_date_sets('n', dates, projection.keys)}"
        return (
            "create nodes",
            f"UNWIND $rows AS r CREATE (n{labels_text}) {sets}",
            {"props": plain, "dates": dates},
        )
    set_labels = f", n{_labels(add, projection.labels)}" if add else ""
    sets = f"SET n += r.props{set_labels}{_date_sets('n', dates, projection.keys)}"
    unset = f" REMOVE n{_labels(remove, frozenset(remove))}" if remove else ""
    # labels to remove come from the target, not the projection: check their shape only
    return (
        "update nodes",
        f"UNWIND $rows AS r MATCH (n:Resource {{uri: r.uri}}) {sets}{unset}",
        {"uri": node.uri, "props": plain, "dates": dates},
    )


def _rel_create(rel: Rel, projection: Projection) -> tuple[str, dict[str, Any]]:
    plain, dates = _split(rel.props)
    rtype = checked(rel.type, projection.types, "relationship type")
    query = (
        "UNWIND $rows AS r MATCH (a:Resource {uri: r.start}) MATCH (b:Resource {uri: r.end}) "
        f"CREATE (a)-[x:{rtype}]->(b) SET x += r.props{_date_sets('x', dates, projection.keys)}"
    )
    return query, {"start": rel.start, "end": rel.end, "props": plain, "dates": dates}


def _rel_delete(key: RelKey) -> tuple[str, dict[str, Any]]:
    start, rtype, end, ident = key
    name = checked(rtype, frozenset({rtype}), "relationship type")  # from the target: shape only
    query = (
        "UNWIND $rows AS r "
        f"MATCH (a:Resource {{uri: r.start}})-[x:{name}]->(b:Resource {{uri: r.end}}) "
        "WHERE coalesce(x.membership, '') = r.key DELETE x"
    )
    return query, {"start": start, "end": end, "key": ident}


def plan(projection: Projection, state: State) -> Plan:
    """The statements that make `state` equal `projection`, grouped by query shape."""
    deletes, creates, nodes = _Grouper(), _Grouper(), _Grouper()
    counts = dict.fromkeys(
        (
            "nodes created",
            "nodes updated",
            "nodes deleted",
            "relationships created",
            "relationships deleted",
        ),
        0,
    )
    for key, found in state.rels.items():
        wanted = projection.rels.get(key)
        if wanted is None or len(found) != 1 or not _same_props(wanted.props, found[0]):
            deletes.add("delete relationships", *_rel_delete(key))
            counts["relationships deleted"] += len(found)
    gone = [uri for uri in state.nodes if uri not in projection.nodes]
    for uri in gone:
        nodes.add(
            "delete nodes",
            "UNWIND $rows AS r MATCH (n:Resource {uri: r.uri}) DETACH DELETE n",
            {"uri": uri},
        )
    counts["nodes deleted"] = len(gone)
    node_work = _Grouper()
    for uri, node in projection.nodes.items():
        step = _node_statement(node, state.nodes.get(uri), projection)
        if step:
            node_work.add(*step)
            counts["nodes created" if step[0] == "create nodes" else "nodes updated"] += 1
    for key, rel in projection.rels.items():
        held = state.rels.get(key, [])
        if len(held) != 1 or not _same_props(rel.props, held[0]):
            creates.add("create relationships", *_rel_create(rel, projection))
            counts["relationships created"] += 1
    ordered = deletes.statements() + nodes.statements()
    ordered += sorted(node_work.statements(), key=lambda s: s.kind)  # creates before updates
    return Plan(ordered + creates.statements(), counts)


def _same_props(wanted: Mapping[str, Value], found: Mapping[str, Any]) -> bool:
    return wanted.keys() == found.keys() and all(same(wanted[k], found[k]) for k in wanted)


def apply(
    plan_: Plan,
    target: Target,
    *,
    batch_size: int = DEFAULT_BATCH,
    progress: Progress | None = None,
    after_batch: AfterBatch | None = None,
) -> int:
    """Write the plan in batches; returns how many batches (transactions) were written."""
    total = sum(len(s.rows) for s in plan_.statements)
    done = batches = 0
    for statement in plan_.statements:
        for first in range(0, len(statement.rows), batch_size):
            chunk = statement.rows[first : first + batch_size]
            target.write(statement.query, {"rows": chunk})
            batches += 1
            done += len(chunk)
            if progress:
                progress(statement.kind, done, total)
            if after_batch:
                after_batch(batches)
    return batches


def sync(
    projection: Projection,
    target: Target,
    *,
    batch_size: int = DEFAULT_BATCH,
    progress: Progress | None = None,
    after_batch: AfterBatch | None = None,
) -> SyncReport:
    """Make the target equal the projection; see the module docstring for the guarantees."""
    started = time.perf_counter()
    schema_created = target.ensure_schema()
    the_plan = plan(projection, read_state(target))
    batches = apply(
        the_plan, target, batch_size=batch_size, progress=progress, after_batch=after_batch
    )
    return SyncReport(
        target=target.name,
        counts=the_plan.counts,
        batches=batches,
        seconds=time.perf_counter() - started,
        schema_created=schema_created,
        nodes=len(projection.nodes),
        relationships=len(projection.rels),
    )


__all__ = [
    "MEMBER_OF",
    "Plan",
    "State",
    "SyncReport",
    "apply",
    "plan",
    "read_state",
    "same",
    "sync",
]

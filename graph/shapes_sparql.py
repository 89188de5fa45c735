"""The SHACL shapes (ontology/shapes.ttl) checked as SPARQL queries on an Oxigraph store.

pySHACL walks an in-memory rdflib graph node by node: right for a small build and for the
report people read, but minutes and gigabytes on a corpus of a million triples. This module
compiles each constraint of the shapes into one query over the store's default graph (the
merge of the named graphs),
so a large build is validated by Oxigraph's engine where it already lives. It supports the
SHACL Core subset the shapes use (sh:targetClass with rdfs:subClassOf, sh:property with an
IRI path, sh:minCount, sh:maxCount, sh:class, sh:datatype, sh:or of sh:datatype alternatives,
sh:nodeKind sh:IRI, sh:pattern, sh:minLength, sh:lessThanOrEquals, and SHACL-SPARQL
constraints on a node shape) and refuses any other, so a new kind of constraint can
never be silently skipped. `sh:pattern` is checked with Python's `re` (as pySHACL does):
Oxigraph's regex engine has no look-ahead, which the person-name shape needs.
tests/graph/test_shapes_sparql.py checks that it agrees with pySHACL.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import RDF, SH, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from councilgraph.errors import OntologyError
from ontology import shapes_file

SUPPORTED = {
    SH.path,
    SH.minCount,
    SH.maxCount,
    SH["class"],
    SH.datatype,
    SH.nodeKind,
    SH.pattern,
    SH.flags,
    SH.minLength,
    SH.lessThanOrEquals,
    SH["or"],
    SH.message,
    SH.name,
    SH.description,
    SH.severity,
}
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
FOCUS = f"?s <{RDF_TYPE}>/<{RDFS_SUBCLASS}>* ?target . VALUES ?target {{ %s }}"
MAX_LISTED = 50  # violations spelled out in the report; the count is always complete


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    constraint: str  # the SHACL constraint component's local name: MinCount, Class ...
    value: str | None
    message: str


@dataclass(frozen=True)
class Check:
    shape: str
    targets: tuple[str, ...]
    path: str
    constraint: str
    argument: Node
    message: str


def checks(shapes: Graph | None = None) -> list[Check]:
    """Every (shape, property, constraint) in the shapes graph, as a check to run."""
    shapes = shapes if shapes is not None else Graph().parse(shapes_file(), format="turtle")
    found: list[Check] = []
    for shape in sorted(shapes.subjects(RDF.type, SH.NodeShape), key=str):
        targets = tuple(sorted(f"<{t}>" for t in shapes.objects(shape, SH.targetClass)))
        for prop in shapes.objects(shape, SH.property):
            found.extend(_property_checks(shapes, str(shape), targets, prop))
        for constraint in shapes.objects(shape, SH.sparql):
            select = shapes.value(constraint, SH.select)
            message = str(shapes.value(constraint, SH.message) or "SPARQL constraint")
            found.append(Check(str(shape), targets, "", "SPARQL", Literal(str(select)), message))
    return found


def _datatypes(shapes: Graph, shape: str, alternatives: Node) -> Literal:
    """An sh:or whose every alternative is one sh:datatype, as the datatypes' IRIs."""
    found = []
    for alternative in Collection(shapes, alternatives):
        datatype = shapes.value(alternative, SH.datatype)
        if datatype is None or len(set(shapes.predicates(alternative))) != 1:
            raise OntologyError(
                f"shape {shape}: only an sh:or of sh:datatype alternatives can be checked as SPARQL"
            )
        found.append(f"<{datatype}>")
    return Literal(", ".join(found))


def _property_checks(
    shapes: Graph, shape: str, targets: tuple[str, ...], prop: Node
) -> Iterator[Check]:
    path = shapes.value(prop, SH.path)
    if not isinstance(path, URIRef):
        raise OntologyError(f"shape {shape}: only IRI paths can be checked as SPARQL, not {path!r}")
    message = str(shapes.value(prop, SH.message) or "")
    for predicate, argument in shapes.predicate_objects(prop):
        if predicate not in SUPPORTED:
            raise OntologyError(
                f"shape {shape}: constraint {predicate} has no SPARQL translation",
                hint="extend graph/shapes_sparql.py, or validate with pySHACL",
            )
        if predicate in {SH.path, SH.message, SH.name, SH.description, SH.severity, SH.flags}:
            continue
        name = str(predicate).removeprefix(str(SH))
        if predicate == SH["or"]:
            argument = _datatypes(shapes, shape, argument)
        yield Check(
            shape,
            targets,
            f"<{path}>",
            name[0].upper() + name[1:],
            argument,
            message or f"{name} {argument}",
        )


def _query(check: Check) -> str:
    focus = FOCUS % " ".join(check.targets)
    arg, p = check.argument, check.path
    if check.constraint == "SPARQL":
        # The constraint's own SELECT, run once for every focus node ($this as a variable).
        inner = str(arg).replace("$this", "?s")
        where = inner[inner.index("{") :]
        return f"SELECT DISTINCT ?s ?v WHERE {{ {{ SELECT DISTINCT ?s WHERE {{ {focus} }} }} {{ SELECT ?s (?value AS ?v) WHERE {where} }} }}"
    if check.constraint == "MinCount":
        return (
            f"SELECT ?s WHERE {{ {{ SELECT DISTINCT ?s WHERE {{ {focus} }} }} "
            f"OPTIONAL {{ ?s {p} ?v }} }} GROUP BY ?s HAVING (COUNT(DISTINCT ?v) < {int(str(arg))})"
        )
    if check.constraint == "MaxCount":
        return (
            f"SELECT ?s WHERE {{ {{ SELECT DISTINCT ?s WHERE {{ {focus} }} }} ?s {p} ?v }} "
            f"GROUP BY ?s HAVING (COUNT(DISTINCT ?v) > {int(str(arg))})"
        )
    condition = _condition(check.constraint, arg)
    return (
        f"SELECT DISTINCT ?s ?v WHERE {{ {{ SELECT DISTINCT ?s WHERE {{ {focus} }} }} "
        f"?s {p} ?v {condition} }}"
    )


def _condition(constraint: str, arg: Node) -> str:
    """The filter that keeps the value nodes violating one value-based constraint."""
    if constraint == "Class":
        return f"FILTER NOT EXISTS {{ ?v <{RDF_TYPE}>/<{RDFS_SUBCLASS}>* <{arg}> }}"
    if constraint == "Datatype":
        return f"FILTER(!isLiteral(?v) || datatype(?v) != <{arg}>)"
    if constraint == "Or":  # alternatives of datatypes (see _datatypes)
        return f"FILTER(!isLiteral(?v) || datatype(?v) NOT IN ({arg}))"
    if constraint == "NodeKind":
        return _node_kind(arg)
    if constraint == "MinLength":
        return f"FILTER(isBlank(?v) || STRLEN(STR(?v)) < {int(str(arg))})"
    if constraint == "LessThanOrEquals":
        return f". ?s <{arg}> ?other FILTER(!COALESCE(?v <= ?other, false))"
    if constraint == "Pattern":
        return ""  # values come back and are matched in Python
    raise OntologyError(f"constraint sh:{constraint} has no SPARQL translation")


def _node_kind(kind: Node) -> str:
    if kind != SH.IRI:
        raise OntologyError(f"sh:nodeKind {kind} has no SPARQL translation here")
    return "FILTER(!isIRI(?v))"


def _pattern(check: Check, flags: str) -> re.Pattern[str]:
    py_flags = re.IGNORECASE if "i" in flags else 0
    return re.compile(str(check.argument), py_flags)


def run_check(store: ox.Store, check: Check, shapes: Graph | None = None) -> Iterator[Violation]:
    solutions = store.query(_query(check))
    assert isinstance(solutions, ox.QuerySolutions)
    pattern = _pattern(check, "") if check.constraint == "Pattern" else None
    for row in solutions:
        focus = str(row["s"])
        value = (
            row["v"] if check.constraint != "MinCount" and check.constraint != "MaxCount" else None
        )
        if pattern is not None:
            if isinstance(value, ox.Literal) and pattern.search(value.value):
                continue  # matches: conforms (a blank node or IRI value never matches a literal)
            if isinstance(value, ox.NamedNode) and pattern.search(value.value):
                continue
        yield Violation(
            focus,
            check.path,
            check.constraint,
            None if value is None else str(value),
            check.message,
        )


def validate_store(store: ox.Store) -> list[Violation]:
    """All violations of the shapes in `store` (its default graph: the merge of the named graphs),
    in the order of the checks. Oxigraph evaluates a query without holding the GIL, so the
    checks run in one thread per core (7.7 s to 4.2 s on two cores for the 100% build)."""
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        found = pool.map(lambda check: list(run_check(store, check)), checks())
        return [violation for violations in found for violation in violations]


def report(violations: list[Violation]) -> str:
    """A pySHACL-like text report: the count, then the first few results."""
    lines = ["Validation Report", f"Conforms: {not violations}", f"Results ({len(violations)}):"]
    for v in violations[:MAX_LISTED]:
        lines += [
            f"Constraint Violation in {v.constraint}ConstraintComponent:",
            f"\tFocus Node: {v.focus}",
            f"\tResult Path: {v.path}",
            *([f"\tValue Node: {v.value}"] if v.value else []),
            f"\tMessage: {v.message}",
        ]
    if len(violations) > MAX_LISTED:
        lines.append(f"... and {len(violations) - MAX_LISTED} more")
    return "\n".join(lines)


__all__ = ["Check", "Literal", "Violation", "checks", "report", "run_check", "validate_store"]

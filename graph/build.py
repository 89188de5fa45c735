"""Building the graph: load every source, resolve, map, validate, and publish atomically."""

from __future__ import annotations

import hashlib
import resource
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from rdflib import Graph, URIRef

import loaders
from councilgraph.errors import OntologyError, StoreError
from councilgraph.settings import Settings
from graph.context import Context
from graph.enrich import enrich
from graph.entities import write_entities
from graph.iris import Minter
from graph.linking import link_actions
from graph.mapping import map_records
from graph.namespaces import CG
from graph.resolve import Resolver
from graph.store import Build, build_lock, discard, new_build_dir, publish, write_quads
from graph.validate import load_ontology, validate_graph
from loaders import records as r

Progress = Callable[[str, int, int], None]  # (what, done, total)
ONTOLOGY_GRAPH = URIRef(str(CG))


@dataclass(frozen=True)
class Inputs:
    registers: list[Path]
    documents: list[Path]


@dataclass
class BuildReport:
    build: Build
    triples: int
    graphs: int
    documents: int
    registers: int
    records: int
    seconds: float
    peak_memory_mb: float
    counts: dict[str, int] = field(default_factory=dict)


def find_inputs(corpus: Path) -> Inputs:
    """Registers (CSV, YAML) and documents (txt, md, pdf) under `corpus`, README files aside."""
    if not corpus.is_dir():
        raise StoreError(f"corpus {corpus} is not a directory")
    files = sorted(p for p in corpus.rglob("*") if p.is_file() and p.stem.upper() != "README")
    files = [p for p in files if not any(part.startswith(".") for part in p.relative_to(corpus).parts)]
    return Inputs(
        registers=[p for p in files if loaders.is_register(p)],
        documents=[p for p in files if loaders.is_document(p)],
    )


def load_records(
    inputs: Inputs, settings: Settings, genres: dict[str, str], progress: Progress
) -> list[r.Record]:
    records: list[r.Record] = []
    total = len(inputs.registers) + len(inputs.documents)
    for done, path in enumerate(inputs.registers, start=1):
        records.extend(loaders.load_register(path, settings=settings))
        progress(f"register {path.name}", done, total)
    offset = len(inputs.registers)
    for done, path in enumerate(inputs.documents, start=offset + 1):
        records.extend(loaders.load_document(path, settings=settings, genre=genres.get(path.name)))
        progress(f"document {path.name}", done, total)
    return records


def prepare_resolver(records: Iterable[r.Record]) -> Resolver:
    """Authorities first, then aliases (which may point at them), then sources' own aliases."""
    resolver = Resolver()
    records = list(records)
    for record in records:
        if isinstance(record, r.Authority):
            resolver.add_authority(record)
    for record in records:
        if isinstance(record, r.Alias):
            resolver.add_alias(record)
    for record in records:
        if isinstance(record, r.Organisation):
            for alias in record.aliases:
                resolver.add_org_alias(alias, record.ref.name)
    return resolver


def map_to_graphs(records: list[r.Record], settings: Settings) -> dict[URIRef, Graph]:
    ctx = Context(resolver=prepare_resolver(records), minter=Minter(settings.things))
    map_records(ctx, records)
    link_actions(ctx, records)
    enrich(ctx, records)
    ontology = load_ontology()
    write_entities(ctx, ontology)
    ontology_graph = ctx.named(ONTOLOGY_GRAPH)
    for triple in ontology:
        ontology_graph.add(triple)
    return ctx.graphs


def to_nquads(graphs: dict[URIRef, Graph]) -> bytes:
    """Canonically ordered N-Quads, so the same input always gives the same bytes."""
    lines: list[str] = []
    for name in sorted(graphs):
        suffix = f" <{name}> .\n"
        for line in graphs[name].serialize(format="nt", encoding="utf-8").decode().splitlines():
            if line.strip():
                lines.append(line[: -len(" .")] + suffix if line.endswith(" .") else line + "\n")
    return "".join(sorted(set(lines))).encode()


def union(graphs: dict[URIRef, Graph]) -> Graph:
    merged = Graph()
    for graph in graphs.values():
        for triple in graph:
            merged.add(triple)
    return merged


def build(
    settings: Settings, *, genres: dict[str, str] | None = None, progress: Progress | None = None
) -> BuildReport:
    """Build the graph from `settings.corpus` into `settings.store`; all or nothing."""
    started = time.perf_counter()
    report_progress = progress or (lambda what, done, total: None)
    inputs = find_inputs(settings.corpus)
    with build_lock(settings.store):
        records = load_records(inputs, settings, genres or {}, report_progress)
        report_progress("mapping to RDF", 0, 1)
        graphs = map_to_graphs(records, settings)
        report_progress("validating with SHACL", 0, 1)
        validation = validate_graph(union(graphs))
        if not validation.conforms:
            raise OntologyError(
                f"the built graph does not conform to the shapes ({validation.results} results); "
                "the previous store is unchanged",
                report=validation.report,
            )
        nquads = to_nquads(graphs)
        build_dir = new_build_dir(settings.store)
        try:
            report_progress("writing the store", 0, 1)
            write_quads(build_dir, nquads).flush()
            digest = hashlib.sha256(nquads).hexdigest()
            counts = _counts(records)
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            metadata = {
                "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "content_sha256": digest,
                "triples": nquads.count(b"\n"),
                "graphs": len(graphs),
                "inputs": {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in _all(inputs)},
                "records": counts,
                "seconds": round(time.perf_counter() - started, 3),
                "peak_memory_mb": round(peak, 1),
            }
            build_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f") + "-" + digest[:12]
            published = publish(settings.store, build_dir, build_id, metadata)
        except BaseException:
            discard(build_dir)
            raise
    return BuildReport(
        build=published,
        triples=metadata["triples"],
        graphs=len(graphs),
        documents=len(inputs.documents),
        registers=len(inputs.registers),
        records=len(records),
        seconds=metadata["seconds"],
        peak_memory_mb=metadata["peak_memory_mb"],
        counts=counts,
    )


def _all(inputs: Inputs) -> Iterator[Path]:
    yield from inputs.registers
    yield from inputs.documents


def _counts(records: Iterable[r.Record]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for record in records:
        counts[type(record).__name__] = counts.get(type(record).__name__, 0) + 1
    return dict(sorted(counts.items()))

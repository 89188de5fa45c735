"""Building the graph: load every source, resolve, map, validate, and publish atomically."""

from __future__ import annotations

import hashlib
import heapq
import os
import resource
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rdflib import Literal, URIRef
from rdflib.plugins.serializers.nt import _quoteLiteral
from rdflib.term import Node

import loaders
from councilgraph.errors import CouncilGraphError, LoaderError, OntologyError, StoreError
from councilgraph.processes import die_with_parent
from councilgraph.settings import Settings
from graph import similarity
from graph.context import Context
from graph.enrich import (
    analyses_graph,
    enrich,
    recommendations_by_iri,
    similarity_graph,
    similarity_items,
)
from graph.entities import write_entities
from graph.iris import Minter
from graph.linking import link_actions
from graph.mapping import map_records
from graph.namespaces import CG
from graph.resolve import Resolver
from graph.restated import reconcile
from graph.screen import Skipped, screen
from graph.shapes_sparql import report as sparql_report
from graph.shapes_sparql import validate_store
from graph.store import (
    STORE_FORMAT,
    Build,
    build_lock,
    discard,
    new_build_dir,
    publish,
    write_quads,
)
from graph.tenure_graph import write_tenure
from graph.triples import TripleSet
from graph.validate import Validation, load_ontology
from loaders import records as r

Progress = Callable[[str, int, int], None]  # (what, done, total)
ONTOLOGY_GRAPH = URIRef(str(CG))
# Below this many documents, loading in one process beats starting a pool.
POOL_MIN_DOCUMENTS = 24
PARALLEL_SIMILARITY = 2_000  # recommendations from which similarity gets a process of its own
# One process beside the mapping one finishes during the store's bulk load, which keeps only
# about one core busy (100% build, 25k recommendations: 44.4-47.8 s; with the work split
# over two processes, each fitting the vectorizers, finished before writing: 50.7-52.0 s).
# Its cost grows with the square of the recommendations, so from SPLIT_SIMILARITY it is
# the larger job and is split over every core.
SPLIT_SIMILARITY = 100_000
SHORT_LITERAL = 100  # characters: literals up to this long are written once and reused
# Quads per bulk load: Oxigraph's loader holds a call's quads in memory (2.4M quads in one
# call peaked 1.8 GB above the rest of the build; in calls of 500k, about 0.2 GB).
BULK_LINES = 500_000


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
    skipped: list[Skipped] = field(default_factory=list)
    # names given as organisations that the register of councils does not hold
    unmatched: list[dict[str, Any]] = field(default_factory=list)


def find_inputs(corpus: Path) -> Inputs:
    """Registers (CSV, YAML) and documents (txt, md, pdf) under `corpus`, README files aside."""
    if not corpus.is_dir():
        raise StoreError(f"corpus {corpus} is not a directory")
    files = sorted(p for p in corpus.rglob("*") if p.is_file() and p.stem.upper() != "README")
    files = [
        p for p in files if not any(part.startswith(".") for part in p.relative_to(corpus).parts)
    ]
    return Inputs(
        registers=[p for p in files if loaders.is_register(p)],
        documents=[p for p in files if loaders.is_document(p)],
    )


def load_records(
    inputs: Inputs,
    settings: Settings,
    genres: dict[str, str],
    progress: Progress,
    skipped: list[Skipped] | None = None,
) -> list[r.Record]:
    """Every record, registers first, then documents in path order (the same order whether
    documents are read in this process or, for a large corpus, in a pool of processes). A
    document that cannot be read is added to `skipped` with its reason; with `skipped` None
    (strict), it stops the build."""
    records: list[r.Record] = []
    total = len(inputs.registers) + len(inputs.documents)
    for done, path in enumerate(inputs.registers, start=1):
        records.extend(loaders.load_register(path, settings=settings))
        progress(f"register {path.name}", done, total)
    offset = len(inputs.registers)
    jobs = [(path, settings, genres.get(path.name)) for path in inputs.documents]
    workers = min(os.cpu_count() or 1, 8)
    pool = None
    if len(jobs) >= POOL_MIN_DOCUMENTS and workers >= 2:
        pool = ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent)
    try:
        results: Iterator[list[r.Record] | Skipped] = (
            pool.map(_load_document, jobs, chunksize=max(1, len(jobs) // (workers * 8)))
            if pool
            else map(_load_document, jobs)
        )
        for done, (path, batch) in enumerate(
            zip(inputs.documents, results, strict=True), offset + 1
        ):
            if isinstance(batch, Skipped):
                if skipped is None:
                    raise LoaderError(
                        path,
                        batch.location,
                        batch.reason,
                        hint="--strict: no document may be skipped",
                    )
                skipped.append(batch)
            else:
                records.extend(batch)
            progress(f"document {path.name}", done, total)
    finally:
        if pool is not None:
            pool.shutdown()
    return records


def _load_document(job: tuple[Path, Settings, str | None]) -> list[r.Record] | Skipped:
    """One document's records, or why it cannot be read; a top-level function so a process
    pool can run it. Any failure is the document's, reported and kept apart from the rest."""
    path, settings, genre = job
    try:
        return list(loaders.load_document(path, settings=settings, genre=genre))
    except LoaderError as exc:
        return Skipped(path.name, exc.location, exc.reason)
    except CouncilGraphError as exc:
        return Skipped(path.name, "", str(exc))
    except Exception as exc:  # noqa: BLE001 -- a loader's bug on one document is that document's
        return Skipped(path.name, "", f"could not be read ({type(exc).__name__}: {exc})")


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


@dataclass
class Mapped:
    """A build's statements as canonically ordered N-Quads lines: the mapped ones at once,
    the similar recommendations when the processes computing them finish, so that the
    store can be written meanwhile."""

    mapped: list[str]
    graph_names: set[URIRef]
    analyses: URIRef  # the graph the similar recommendations are stated in
    pending: list[Future[list[str]]]
    _similar: list[list[str]] | None = field(default=None, init=False)
    _lines: list[str] | None = field(default=None, init=False)

    def similar(self) -> list[list[str]]:
        """The similar recommendations' lines, in parts (waits for them)."""
        if self._similar is None:
            self._similar = [future.result() for future in self.pending]
        return self._similar

    def lines(self) -> list[str]:
        """Every statement, sorted and without repeats (waits for the similar ones)."""
        if self._lines is None:
            self._lines = merge_lines(self.mapped, *self.similar())
        return self._lines

    def graph_count(self) -> int:
        return len(self.graph_names) + (
            self.analyses not in self.graph_names and any(self.similar())
        )


def map_to_quads(
    records: list[r.Record], settings: Settings, pool: Executor | None
) -> tuple[Mapped, list[dict[str, Any]]]:
    """Every statement as canonically ordered N-Quads lines.

    Similar recommendations are the slowest analysis and need only texts: on a large
    build, with a pool, another process (or, from SPLIT_SIMILARITY, one per core) computes
    and serialises them while this one maps the rest and then writes the store."""
    ctx = Context(resolver=prepare_resolver(records), minter=Minter(settings.things))
    records = reconcile(ctx, records)  # what papers restate gives way to the source's own
    items = similarity_items(ctx, recommendations_by_iri(ctx, records))
    parts = 0 if len(items) < PARALLEL_SIMILARITY else 1
    if len(items) >= SPLIT_SIMILARITY:
        parts = os.cpu_count() or 1
    pending = (
        [pool.submit(similarity_lines, items, settings.things, (k, parts)) for k in range(parts)]
        if pool
        else []
    )
    map_records(ctx, records)
    link_actions(ctx, records)
    enrich(ctx, records)
    ontology = load_ontology()
    write_entities(ctx, ontology)
    write_tenure(ctx)  # reads the entities graph's roles and peer teams
    ontology_graph = ctx.named(ONTOLOGY_GRAPH)
    for triple in ontology:
        ontology_graph.add(triple)
    names = set(ctx.graphs)
    mapped = nquad_lines(ctx.graphs)
    ctx.graphs.clear()  # the mapped triples are freed before the similar ones arrive
    if not pending:
        done: Future[list[str]] = Future()
        done.set_result(similarity_lines(items, settings.things))
        pending = [done]
    unmatched = [
        {**asdict(found), "suggestions": list(found.suggestions), "warning": found.warning}
        for found in sorted(ctx.resolver.unmatched.values(), key=lambda u: u.name)
    ]
    return Mapped(mapped, names, analyses_graph(ctx.minter), pending), unmatched


def similarity_lines(
    items: list[similarity.Item], things: str, share: tuple[int, int] = (0, 1)
) -> list[str]:
    """The similar-recommendation statements as sorted N-Quads lines: a top-level function
    so that another process can run it, returning text rather than rdflib terms."""
    graph = similarity_graph(items, Minter(things), share)
    return nquad_lines({graph.identifier: graph})


def nquad_lines(graphs: dict[URIRef, TripleSet]) -> list[str]:
    """Canonically ordered N-Quads lines, so the same input always gives the same bytes.

    Terms are written by rdflib's own N-Triples writers (so they are escaped exactly as
    `Graph.serialize(format="nt")` escapes them); each IRI and short literal once (dates,
    scores and methods repeat), texts each time (they seldom repeat, and keeping them would
    hold a second copy of every text)."""
    written: dict[Node, str] = {}

    def n3(term: Node) -> str:
        if isinstance(term, Literal) and len(term) > SHORT_LITERAL:
            return _quoteLiteral(term)
        text = written.get(term)
        if text is None:
            text = written[term] = _quoteLiteral(term) if isinstance(term, Literal) else term.n3()
        return text

    lines: set[str] = set()
    for name in graphs:
        suffix = f" <{name}> .\n"
        for s, p, o in graphs[name]:
            lines.add(f"{n3(s)} {n3(p)} {n3(o)}{suffix}")
    return sorted(lines)


def merge_lines(*sorted_parts: list[str]) -> list[str]:
    """Sorted lists of lines merged into one sorted list without repeats."""
    merged: list[str] = []
    for line in heapq.merge(*sorted_parts):
        if not merged or merged[-1] != line:
            merged.append(line)
    return merged


def default_graph_line(line: str) -> str:
    """An N-Quads line's triple, in the default graph (an IRI holds no space, so the graph
    name starts at the last " <")."""
    return line[: line.rindex(" <")] + " .\n"


def quad_chunks(mapped: Mapped, digest: Any) -> Iterator[bytes]:
    """What the store is bulk-loaded from, as N-Quads byte chunks of BULK_LINES lines: the
    mapped statements' lines, in their named graphs and again in the default graph, while
    the similar ones are still being computed; then those, both ways. The store's default
    graph is thus the RDF merge of the named graphs, materialised so that a triple two
    documents state is one triple, not two, to every query (the store keeps a quad once,
    whichever load brings it). `digest` is updated with the named graphs' bytes in
    canonical order."""
    for batch in _batches(mapped.mapped):
        yield "".join(batch).encode()
    # The default graph's share of the mapped lines before waiting for the similar ones:
    # at 100% the similarity process still has seconds to go when the named lines are in.
    for batch in _batches(mapped.mapped):
        yield "".join(map(default_graph_line, batch)).encode()
    for part in mapped.similar():
        for batch in _batches(part):
            yield "".join(batch).encode()
            yield "".join(map(default_graph_line, batch)).encode()
    # The named lines merged into canonical order, for the digest only (0.7 s at 100%).
    for batch in _batches(mapped.lines()):
        digest.update("".join(batch).encode())


def _batches(lines: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(lines), BULK_LINES):
        yield lines[start : start + BULK_LINES]


def build(
    settings: Settings,
    *,
    genres: dict[str, str] | None = None,
    progress: Progress | None = None,
    strict: bool = False,
) -> BuildReport:
    """Build the graph from `settings.corpus` into `settings.store`; all or nothing. A
    document that cannot be read or stand in the graph is skipped and reported (with
    `strict`, it stops the build and the previous store stays)."""
    started = time.perf_counter()
    report_progress = progress or (lambda what, done, total: None)
    phases = Phases()
    inputs = find_inputs(settings.corpus)
    skipped: list[Skipped] = []
    with build_lock(settings.store):
        with phases("load"):
            records = load_records(
                inputs, settings, genres or {}, report_progress, None if strict else skipped
            )
            records, unfit = screen(records, prepare_resolver(records))
            if unfit and strict:
                first = unfit[0]
                raise LoaderError(
                    first.file,
                    first.location,
                    first.reason,
                    hint="--strict: no document may be skipped",
                )
            skipped = sorted(skipped + unfit, key=lambda entry: entry.file)
        build_dir = new_build_dir(settings.store)
        try:
            report_progress("mapping to RDF", 0, 1)
            # started when first used; its workers end with this process, even if it is killed
            with ProcessPoolExecutor(os.cpu_count(), initializer=die_with_parent) as pool:
                with phases("map"):
                    mapped, unmatched = map_to_quads(records, settings, pool)
                report_progress("writing the store", 0, 1)
                with phases("write"):  # includes waiting for the similar recommendations
                    hashed = hashlib.sha256()
                    store = write_quads(build_dir, quad_chunks(mapped, hashed))
                    digest, triples = hashed.hexdigest(), len(mapped.lines())
                    graph_count = mapped.graph_count()
                    del mapped
            report_progress("validating with SHACL (as SPARQL on the new store)", 0, 1)
            with phases("validate"):
                violations = validate_store(store)
            _enforce(Validation(not violations, len(violations), sparql_report(violations)))
            store.flush()
            del store  # release the RocksDB handle before the directory is renamed
            counts = _counts(records)
            peak = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
            seconds = round(time.perf_counter() - started, 3)
            metadata: dict[str, object] = {
                "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "content_sha256": digest,
                "store_format": STORE_FORMAT,
                "triples": triples,
                "graphs": graph_count,
                "inputs": {
                    p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in _all(inputs)
                },
                "records": counts,
                "seconds": seconds,
                "phase_seconds": phases.seconds,
                "peak_memory_mb": peak,
                "documents": len(inputs.documents),
                "skipped": [entry.as_dict() for entry in skipped],
                "organisations_not_in_register": unmatched,
            }
            build_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f") + "-" + digest[:12]
            published = publish(settings.store, build_dir, build_id, metadata)
        except BaseException:
            discard(build_dir)
            raise
    return BuildReport(
        build=published,
        triples=triples,
        graphs=graph_count,
        documents=len(inputs.documents),
        registers=len(inputs.registers),
        records=len(records),
        seconds=seconds,
        peak_memory_mb=peak,
        counts=counts,
        skipped=skipped,
        unmatched=unmatched,
    )


class Phases:
    """Wall-clock seconds per build phase, kept in build.json to show where a build's time goes."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            spent = time.perf_counter() - started
            self.seconds[name] = round(self.seconds.get(name, 0.0) + spent, 3)


def _enforce(validation: Validation) -> None:
    if not validation.conforms:
        raise OntologyError(
            f"the built graph does not conform to the shapes ({validation.results} results); "
            "the previous store is unchanged",
            report=validation.report,
        )


def _all(inputs: Inputs) -> Iterator[Path]:
    yield from inputs.registers
    yield from inputs.documents


def _counts(records: Iterable[r.Record]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for record in records:
        counts[type(record).__name__] = counts.get(type(record).__name__, 0) + 1
    return dict(sorted(counts.items()))

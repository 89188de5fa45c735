"""The code that runs inside the engine process: open the store, then answer jobs in threads.

The engine process is the only one that holds the store (an in-memory copy, the build on
disk read-only, or a client of a remote endpoint); the server sends it every query, from
the SPARQL endpoint and the REST routes alike. Each job runs in a thread of its own
(Oxigraph lets go of the GIL while it evaluates), so a slow query holds one thread, not
the engine. Requests are `(job_id, Job)`; replies are `(job_id, reply)`, with nothing but
builtins and bytes in a reply: ("ok", body, media_type, rows, truncated) or
("error", status, message).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from api.engine.negotiate import GRAPHS, RESULTS
from councilgraph.processes import die_with_parent
from graph.namespaces import PREFIXES
from graph.sparql import execute
from graph.store import open_build

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
THREADS = 64  # the server admits jobs (api.engine.admission); the engine starts each at once


def serve(
    store_path: str, conn: Connection, in_memory: bool = False, endpoint: str | None = None
) -> None:
    """Engine main loop: open the store, say "ready", then answer jobs until the pipe closes."""
    die_with_parent(started_by_thread=True)  # engines are started from helper threads
    store: Any
    if endpoint:
        from graph.remote_store import RemoteStore

        store = RemoteStore(endpoint)
    else:
        store = open_build(Path(store_path), in_memory=in_memory)
    send_lock = threading.Lock()

    def run(job_id: int, job: Any) -> None:
        reply = answer(store, job)
        with send_lock:
            conn.send((job_id, reply))

    conn.send("ready")
    with ThreadPoolExecutor(THREADS) as threads:
        while True:
            try:
                job_id, job = conn.recv()
            except (EOFError, OSError):
                return
            threads.submit(run, job_id, job)


def answer(store: ox.Store, job: Any) -> tuple[Any, ...]:
    options: dict[str, Any] = {"base_iri": job.base_iri}
    try:
        if job.default_graph is not None:
            options["default_graph"] = [_graph_name(g) for g in job.default_graph]
        if job.named_graphs is not None:
            options["named_graphs"] = [_graph_name(g) for g in job.named_graphs]
        if job.plan:
            result = execute(store, job.query, **options)
        else:  # already planned, values bound (graph.sparql.execute in the server)
            result = store.query(job.query, **options)
        if isinstance(result, ox.QueryBoolean):
            body = result.serialize(format=RESULTS[job.media_type])
            return ("ok", body, job.media_type, 1, False)
        if isinstance(result, ox.QueryTriples):
            return _triples(result, job.media_type, job.row_cap)
        return _solutions(result, job.media_type, job.row_cap)
    except SyntaxError as exc:
        return ("error", 400, f"malformed query: {exc}")
    except ValueError as exc:
        return ("error", 400, str(exc) if "graph" in str(exc) else f"the query failed: {exc}")
    except (OSError, RuntimeError, TypeError) as exc:
        return ("error", 400, f"the query could not be evaluated: {exc}")
    except Exception as exc:  # noqa: BLE001 - the engine must answer, never die on a query
        return ("error", 500, f"the query failed inside the engine: {exc!r}")


def _graph_name(value: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(value)
    except ValueError as exc:
        raise ValueError(f"graph {value!r} is not an absolute IRI ({exc})") from None


def _take(items: Iterable[Any], cap: int | None) -> tuple[list[Any], bool]:
    if cap is None:
        return list(items), False
    taken: list[Any] = []
    for item in items:
        if len(taken) == cap:
            return taken, True
        taken.append(item)
    return taken, False


def _triples(result: ox.QueryTriples, media_type: str, cap: int | None) -> tuple[Any, ...]:
    triples, truncated = _take(result, cap)
    if media_type not in GRAPHS:
        return ("error", 406, f"{media_type} cannot serialise a CONSTRUCT or DESCRIBE result")
    fmt = GRAPHS[media_type]
    with_prefixes = fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.JSON_LD, ox.RdfFormat.RDF_XML)
    prefixes = {p: str(ns) for p, ns in PREFIXES.items()} if with_prefixes else None
    body = ox.serialize(triples, format=fmt, prefixes=prefixes) or b""
    return ("ok", body, media_type, len(triples), truncated)


def _solutions(result: ox.QuerySolutions, media_type: str, cap: int | None) -> tuple[Any, ...]:
    """Rows as SPARQL JSON: uncapped in one call to Oxigraph (the REST routes' queries);
    capped row by row (the public endpoint), other formats re-serialised by pyoxigraph."""
    if cap is None:
        body = result.serialize(format=RESULTS[media_type]) or b""
        return ("ok", body, media_type, -1, False)
    names = [v.value for v in result.variables]
    solutions, truncated = _take(result, cap)
    bindings = []
    for solution in solutions:
        row = {}
        for name in names:
            value = solution[name]
            if value is not None:
                row[name] = term_json(value)
        bindings.append(row)
    body = json.dumps(
        {"head": {"vars": names}, "results": {"bindings": bindings}}, ensure_ascii=False
    ).encode()
    if RESULTS[media_type] != ox.QueryResultsFormat.JSON:
        parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        body = parsed.serialize(format=RESULTS[media_type]) or b""
    return ("ok", body, media_type, len(solutions), truncated)


def term_json(term: Any) -> dict[str, Any]:
    """One RDF term in the SPARQL 1.1 Query Results JSON format."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {  # an RDF-star quoted triple
        "type": "triple",
        "value": {
            "subject": term_json(term.subject),
            "predicate": term_json(term.predicate),
            "object": term_json(term.object),
        },
    }

"""The on-disk store: each build is a fresh Oxigraph directory, switched to atomically.

    STORE/current -> builds/<build-id>      a symlink, replaced with os.replace
    STORE/builds/<build-id>/oxigraph/       the pyoxigraph (RocksDB) store
    STORE/builds/<build-id>/build.json      counts, timings, input checksums

oxrdflib transactions are no-ops, so atomicity comes from the layout: a build is written
and validated in a new directory; only then does `current` point at it. A failed build
leaves `current`, and so every reader, exactly as it was.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox
from rdflib import Dataset

from councilgraph.errors import StoreError

KEEP_BUILDS = 2  # the current build and the one before it
INCOMPLETE = "incomplete-"  # a build being written, or one whose process died
# 2: the default graph holds the merge of the named graphs (queries no longer ask for a
# union, which Oxigraph evaluates with a triple repeated once per graph stating it).
STORE_FORMAT = 2


@dataclass(frozen=True)
class Build:
    path: Path

    @property
    def oxigraph_path(self) -> Path:
        return self.path / "oxigraph"

    @property
    def metadata(self) -> dict[str, Any]:
        meta_file = self.path / "build.json"
        return json.loads(meta_file.read_text()) if meta_file.exists() else {}


@contextmanager
def build_lock(store_dir: Path) -> Iterator[None]:
    """One build at a time per store; a second `build` fails fast instead of racing."""
    store_dir.mkdir(parents=True, exist_ok=True)
    with open(store_dir / ".lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise StoreError(f"{store_dir} is being built by another process") from exc
        yield


def new_build_dir(store_dir: Path) -> Path:
    builds = store_dir / "builds"
    builds.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=INCOMPLETE, dir=builds))


def write_quads(build_dir: Path, nquads: bytes | Iterable[bytes]) -> ox.Store:
    """A new Oxigraph store in `build_dir`, bulk-loaded from N-Quads (bytes, or chunks of
    whole lines: each chunk is one bulk load, which bounds the loader's memory)."""
    store = ox.Store(str(build_dir / "oxigraph"))
    for chunk in [nquads] if isinstance(nquads, bytes) else nquads:
        store.bulk_load(chunk, format=ox.RdfFormat.N_QUADS)
    store.optimize()
    return store


def publish(store_dir: Path, build_dir: Path, build_id: str, metadata: dict[str, Any]) -> Build:
    """Give a finished build its name and point `current` at it, atomically."""
    meta = json.dumps(metadata, indent=2, sort_keys=True, default=str)
    (build_dir / "build.json").write_text(meta)
    final = store_dir / "builds" / build_id
    if final.exists():
        shutil.rmtree(final)
    build_dir.rename(final)
    link = store_dir / "current"
    tmp_link = store_dir / f".current-{os.getpid()}"
    if tmp_link.is_symlink() or tmp_link.exists():
        tmp_link.unlink()
    tmp_link.symlink_to(Path("builds") / build_id)
    os.replace(tmp_link, link)
    _prune(store_dir, keep=final)
    return Build(final)


def discard(build_dir: Path) -> None:
    shutil.rmtree(build_dir, ignore_errors=True)


def _prune(store_dir: Path, keep: Path) -> None:
    """Delete old builds, keeping `keep`, the KEEP_BUILDS - 1 newest other complete builds,
    and every build a running server holds (`hold_build`). Folders named `incomplete-*`
    are builds that died (publishing runs under the build lock, so none is in progress)
    and are deleted; they never count among the builds kept."""
    incomplete: list[Path] = []
    complete: list[Path] = []
    for path in (store_dir / "builds").iterdir():
        if path.is_dir() and path != keep:
            (incomplete if path.name.startswith(INCOMPLETE) else complete).append(path)
    complete.sort(key=_built_at, reverse=True)
    for old in incomplete + complete[KEEP_BUILDS - 1 :]:
        if not in_use(old):
            shutil.rmtree(old, ignore_errors=True)


def _built_at(build: Path) -> float:
    meta = build / "build.json"
    return (meta if meta.exists() else build).stat().st_mtime


def hold_build(build: Build) -> IO[bytes] | None:
    """Mark `build` as in use until the returned handle is closed (or the process ends, even
    by kill -9): a shared lock on its build.json, which pruning will not delete under."""
    meta = build.path / "build.json"
    try:
        handle = open(meta, "rb")  # noqa: SIM115 - held open on purpose, closed by the caller
    except OSError:
        return None
    fcntl.flock(handle, fcntl.LOCK_SH)
    return handle


def in_use(build_dir: Path) -> bool:
    """True when a process holds `build_dir` with `hold_build`."""
    meta = build_dir / "build.json"
    if not meta.exists():
        return False
    with open(meta, "rb") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
    return False


def current_build(store_dir: Path) -> Build:
    link = store_dir / "current"
    if not link.exists():
        raise StoreError(
            f"no graph built in {store_dir}", hint="run `councilgraph build` first, or pass --store"
        )
    return Build(link.resolve())


def open_store(store_dir: Path, *, in_memory: bool = False) -> ox.Store:
    """The current build, read-only: safe to share between threads and processes."""
    build = current_build(store_dir)
    if build.metadata.get("store_format", 1) < STORE_FORMAT:
        raise StoreError(
            f"the store at {store_dir} was built by an earlier councilgraph (store format "
            f"{build.metadata.get('store_format', 1)}, this one reads {STORE_FORMAT})",
            hint="run `councilgraph build` again",
        )
    return open_build(build.oxigraph_path, in_memory=in_memory)


def open_build(path: Path, *, in_memory: bool = False) -> ox.Store:
    """One build's Oxigraph directory, read-only; or, with `in_memory`, a copy in memory.

    On-disk (RocksDB) reads are several times slower than an in-memory store for the
    join-heavy queries researchers run (q05 at 1.2M triples: 0.52 s against 0.13 s), so a
    server with the memory to spare loads a copy at start-up (`memory_copy`)."""
    try:
        disk = ox.Store.read_only(str(path))
    except OSError as exc:
        raise StoreError(f"cannot open the store at {path}: {exc}") from exc
    return memory_copy(disk) if in_memory else disk


def memory_copy(disk: ox.Store, threads: int = min(4, os.cpu_count() or 1)) -> ox.Store:
    """Every quad of `disk` in a new in-memory store.

    Reading RocksDB costs more than loading (at 2.4M quads: 13 s to dump, 8 s to load), and
    pyoxigraph lets go of the GIL while it dumps, so `threads` dump the default graph and
    batches of named graphs while this thread loads each part as it arrives (13-15 s in all
    on 2 cores, against 22-27 s for one dump then one load). Only this thread writes to the
    copy."""
    threads = max(1, threads)
    graphs: list[Any] = list(disk.named_graphs())
    size = max(1, len(graphs) // (4 * threads))  # small batches: loading starts early
    batches = [[ox.DefaultGraph()]] + [graphs[i : i + size] for i in range(0, len(graphs), size)]

    def dump(names: list[Any]) -> list[tuple[Any, bytes | None]]:
        return [(name, disk.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=name)) for name in names]

    memory = ox.Store()
    with ThreadPoolExecutor(threads) as pool:
        parts = [pool.submit(dump, batch) for batch in batches]
        for done in as_completed(parts):
            for name, data in done.result():
                if data:
                    memory.bulk_load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=name)
    return memory


def open_dataset(store_dir: Path) -> Dataset:
    """The current build as an rdflib Dataset on the Oxigraph engine; its default graph is
    the store's, the merge of the named graphs."""
    from oxrdflib import OxigraphStore

    dataset = Dataset(store=OxigraphStore(store=open_store(store_dir)))
    return dataset

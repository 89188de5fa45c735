"""A build killed with kill -9, and builds published while a server reads an older one.

Regressions found by probing a long-running server: the next build's pruning counted the
killed build's `incomplete-*` folder among the builds it keeps and deleted the previous good
one; pruning deleted the build a running server still answered from; the killed build's pool
workers stayed alive, re-parented to init.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.synth import generate
from councilgraph.settings import Settings
from graph.build import build
from graph.store import current_build, hold_build

REPO = Path(__file__).resolve().parents[2]


def _builds(settings: Settings) -> set[str]:
    return {p.name for p in (settings.store / "builds").iterdir()}


def test_a_killed_builds_incomplete_folder_is_cleaned_and_the_last_good_build_kept(
    corpus_settings: Settings, tmp_path: Path
) -> None:
    settings = corpus_settings.model_copy(update={"store": tmp_path / "store"})
    build(settings)
    good = current_build(settings.store).path.name
    # what `kill -9` during a build leaves behind: a half-written folder, newer than `good`
    dead = Path(tempfile.mkdtemp(prefix="incomplete-", dir=settings.store / "builds"))
    (dead / "oxigraph").mkdir()
    time.sleep(0.05)
    build(settings)
    newest = current_build(settings.store).path.name
    assert _builds(settings) == {good, newest}


def test_pruning_never_deletes_a_build_a_server_holds(
    corpus_settings: Settings, tmp_path: Path
) -> None:
    settings = corpus_settings.model_copy(update={"store": tmp_path / "store"})
    build(settings)
    served = current_build(settings.store)
    handle = hold_build(served)
    try:
        for _ in range(3):
            build(settings)
        assert served.path.exists() and (served.oxigraph_path / "CURRENT").exists()
        assert len(_builds(settings)) == 3  # held, newest, and the one before it
    finally:
        assert handle is not None
        handle.close()
    build(settings)
    assert served.path.name not in _builds(settings)  # released, it goes like any other


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_build_killed_with_sigkill_takes_its_worker_processes_with_it(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    generate(corpus, scale=0.05, seed=7)  # enough documents to read them in a process pool
    command = [sys.executable, "-m", "api.cli", "build", "--corpus", str(corpus)]
    command += ["--store", str(tmp_path / "store")]
    process = subprocess.Popen(
        command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline and process.poll() is None:
        workers |= _children(process.pid)
        time.sleep(0.05)
    assert workers, "the build never started a worker process"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    survivors = [pid for pid in workers if _alive(pid)]
    for pid in survivors:  # do not leave them behind for the rest of the suite
        os.kill(pid, signal.SIGKILL)
    assert not survivors, f"workers {survivors} outlived their build"

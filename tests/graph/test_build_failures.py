"""Bad input: a document that cannot be read is skipped and reported with its file, place and
reason while the rest builds; with --strict (and for a bad register) the build stops with a
clear error naming the file and place, a non-zero exit, and an untouched store."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from councilgraph.errors import CouncilGraphError
from councilgraph.settings import BUNDLED_CORPUS, Settings
from graph.build import build
from graph.store import current_build


def _corpus_copy(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    shutil.copytree(BUNDLED_CORPUS, corpus)
    return corpus


def _write_empty(corpus: Path) -> tuple[str, str]:
    (corpus / "documents" / "empty.txt").write_bytes(b"  \n")
    return "empty.txt", "empty"


def _write_latin1(corpus: Path) -> tuple[str, str]:
    text = "Corporate Peer Challenge\nLondon Borough of Camden\nCaf\xe9 culture\n"
    (corpus / "documents" / "camden.txt").write_bytes(text.encode("latin-1"))
    return "camden.txt", "line 3"


def _write_fake_pdf(corpus: Path) -> tuple[str, str]:
    (corpus / "documents" / "report.pdf").write_text("this is not a PDF at all")
    return "report.pdf", "PDF"


def _write_register_missing_column(corpus: Path) -> tuple[str, str]:
    path = corpus / "registers" / "lead-chief-executives.csv"
    path.write_text("policy_area,person,start\nSkills,Jane Doe,2019-09-01\n")
    return "lead-chief-executives.csv", "column"


def _write_unknown_council(corpus: Path) -> tuple[str, str]:
    source = (corpus / "documents" / "islington-corporate-peer-challenge-2018.txt").read_text()
    # Another report of the same genre that names a council nobody knows.
    changed = source.replace("London Borough of Islington", "Borsetshire County Council")
    (corpus / "documents" / "borsetshire-cpc.txt").write_text(changed)
    return "borsetshire", "Borsetshire"


BAD_DOCUMENTS: dict[str, Callable[[Path], tuple[str, str]]] = {
    "empty file": _write_empty,
    "wrong encoding": _write_latin1,
    "not a PDF": _write_fake_pdf,
    "unknown council": _write_unknown_council,
}
BAD_INPUTS: dict[str, Callable[[Path], tuple[str, str]]] = {
    **BAD_DOCUMENTS,
    "register missing a column": _write_register_missing_column,
}


@pytest.fixture()
def good_build(tmp_path: Path) -> Settings:
    settings = Settings(corpus=_corpus_copy(tmp_path), store=tmp_path / "store")
    build(settings, strict=True)
    return settings


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_fails_clearly_and_keeps_the_previous_store_when_strict(
    good_build: Settings, case: str
) -> None:
    before = current_build(good_build.store)
    before_hash = before.metadata["content_sha256"]
    file_hint, place_hint = BAD_INPUTS[case](good_build.corpus)

    with pytest.raises(CouncilGraphError) as caught:
        build(good_build, strict=True)

    message = str(caught.value)
    assert file_hint in message and place_hint in message, message
    after = current_build(good_build.store)
    assert after.path == before.path
    assert after.metadata["content_sha256"] == before_hash
    leftovers = [
        p.name for p in (good_build.store / "builds").iterdir() if p.name.startswith("incomplete-")
    ]
    assert leftovers == []


@pytest.mark.parametrize("case", sorted(BAD_DOCUMENTS))
def test_a_bad_document_is_skipped_and_the_rest_is_published(
    good_build: Settings, case: str
) -> None:
    before = current_build(good_build.store)
    file_hint, place_hint = BAD_DOCUMENTS[case](good_build.corpus)

    report = build(good_build)

    [skipped] = report.skipped
    assert file_hint in skipped.file and place_hint in f"{skipped.location} {skipped.reason}"
    after = current_build(good_build.store)
    assert after.path != before.path  # a new build is published ...
    assert after.metadata["skipped"] == [skipped.as_dict()]  # ... saying what it left out
    assert after.metadata["documents"] == before.metadata["documents"] + 1
    # everything else is there: the same triples as the build without the bad document
    assert after.metadata["content_sha256"] == before.metadata["content_sha256"]


def _cli(settings: Settings, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "api.cli",
            "build",
            "--corpus",
            str(settings.corpus),
            "--store",
            str(settings.store),
            *extra,
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_cli_exits_non_zero_with_the_file_named_when_strict(good_build: Settings) -> None:
    _write_empty(good_build.corpus)
    done = _cli(good_build, "--strict")
    assert done.returncode == 1
    assert "empty.txt" in done.stderr and "error" in done.stderr
    assert "Traceback" not in done.stderr


def test_cli_reports_a_skipped_document(good_build: Settings) -> None:
    _write_empty(good_build.corpus)
    done = _cli(good_build)
    assert done.returncode == 0, done.stderr
    assert "from 5 documents" in done.stdout and "1 skipped" in done.stdout
    assert "skipped empty.txt" in done.stdout and "the file is empty" in done.stdout


def test_same_input_gives_the_same_triples_and_iris(good_build: Settings, tmp_path: Path) -> None:
    again = Settings(corpus=good_build.corpus, store=tmp_path / "store-2")
    build(again)
    first = current_build(good_build.store).metadata["content_sha256"]
    second = current_build(again.store).metadata["content_sha256"]
    assert first == second

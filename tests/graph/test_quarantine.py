"""Organisations never stop a build, and one document that cannot stand never sinks the rest:
a post over two councils gives a membership of each, a misspelt council is an organisation
with a warning naming the nearest register councils, a Welsh council is an organisation, a
challenge of a council outside the register and a document of no known genre are skipped."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from councilgraph.errors import LoaderError
from councilgraph.settings import BUNDLED_CORPUS, Settings
from graph import sparql
from graph.build import BuildReport, build
from graph.store import current_build, open_store

REPORT = """\
Corporate Peer Challenge
Barnsley Metropolitan Borough Council
12-15 March 2019
Feedback report

1. Key recommendations

1. Agree a medium term financial strategy

2. The peer team

- Jane Doe, Managing Director of St Albans City and District Council and Hertfordshire County Council
- Sam Roe, Chief Executive, Barnsly Council
- Amy Poe, Chief Executive, Cardiff Council
- Ray Loe, Chief Fire Officer, Kent Fire and Rescue Service
"""
WELSH = REPORT.replace("Barnsley Metropolitan Borough Council", "Cardiff Council")
MINUTES = "Minutes of the Parish Council\n\nPresent: the chairman.\n\nThe meeting closed at 9pm.\n"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, BuildReport]:
    root = tmp_path_factory.mktemp("quarantine")
    corpus = root / "corpus"
    shutil.copytree(BUNDLED_CORPUS / "registers", corpus / "registers")
    documents = corpus / "documents"
    documents.mkdir()
    (documents / "barnsley-cpc-2019.txt").write_text(REPORT)
    (documents / "cardiff-cpc-2019.txt").write_text(WELSH)
    (documents / "parish-minutes.txt").write_text(MINUTES)
    settings = Settings(corpus=corpus, store=root / "store")
    return settings, build(settings)


def test_documents_that_cannot_stand_are_skipped_with_their_reasons(
    report: tuple[Settings, BuildReport],
) -> None:
    settings, result = report
    reasons = {entry.file: entry.reason for entry in result.skipped}
    assert set(reasons) == {"cardiff-cpc-2019.txt", "parish-minutes.txt"}
    assert "'Cardiff Council', which is not in the register" in reasons["cardiff-cpc-2019.txt"]
    assert "cannot tell what kind of document" in reasons["parish-minutes.txt"]
    metadata = current_build(settings.store).metadata
    assert [entry["file"] for entry in metadata["skipped"]] == sorted(reasons)


def test_a_post_over_two_councils_gives_a_membership_of_each(
    report: tuple[Settings, BuildReport],
) -> None:
    settings, _ = report
    rows = sparql.rows(
        open_store(settings.store),
        """PREFIX org: <http://www.w3.org/ns/org#> PREFIX foaf: <http://xmlns.com/foaf/0.1/>
        PREFIX cg: <https://w3id.org/councilgraph/def/>
        SELECT ?gss WHERE { ?m org:member/foaf:name "Jane Doe" ; org:organization/cg:gssCode ?gss }
        ORDER BY ?gss""",
    )
    assert [row["gss"] for row in rows] == ["E07000240", "E10000015"]


def test_unknown_organisations_are_kept_and_listed_and_council_lookalikes_warned(
    report: tuple[Settings, BuildReport],
) -> None:
    settings, result = report
    listed = {found["name"]: found for found in result.unmatched}
    assert listed["Barnsly Council"]["warning"] is True
    assert listed["Barnsly Council"]["suggestions"] == ["Barnsley Metropolitan Borough Council"]
    for name in ("Cardiff Council", "Kent Fire and Rescue Service"):
        assert listed[name]["warning"] is False, name
    rows = sparql.rows(
        open_store(settings.store),
        """PREFIX org: <http://www.w3.org/ns/org#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?name WHERE { ?o a org:Organization ; skos:prefLabel ?name
          FILTER(?name IN ("Barnsly Council", "Cardiff Council", "Kent Fire and Rescue Service")) }""",
    )
    assert {row["name"] for row in rows} == {
        "Barnsly Council",
        "Cardiff Council",
        "Kent Fire and Rescue Service",
    }
    on_disk = json.loads((current_build(settings.store).path / "build.json").read_text())
    assert "Barnsly Council" in {f["name"] for f in on_disk["organisations_not_in_register"]}


def test_strict_refuses_the_corpus_and_keeps_no_half_build(
    report: tuple[Settings, BuildReport],
) -> None:
    settings, _ = report
    before = current_build(settings.store).path
    with pytest.raises(LoaderError, match="cardiff-cpc-2019.txt|parish-minutes.txt"):
        build(settings, strict=True)
    assert current_build(settings.store).path == before
    assert not [p for p in (settings.store / "builds").iterdir() if p.name.startswith("incomplete")]


def test_a_loader_failure_on_one_document_is_that_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unexpected error in a loader (a bug met on an odd document) is reported for that
    document; the others are published."""
    from loaders import peer_challenge_report

    corpus = tmp_path / "corpus"
    shutil.copytree(BUNDLED_CORPUS, corpus)
    real = peer_challenge_report.load

    def flaky(document, *, settings):  # type: ignore[no-untyped-def]
        if "islington" in document.path.name:
            raise IndexError("list index out of range")
        return real(document, settings=settings)

    monkeypatch.setattr(peer_challenge_report, "load", flaky)
    result = build(Settings(corpus=corpus, store=tmp_path / "store"))
    [skipped] = result.skipped
    assert skipped.file == "islington-corporate-peer-challenge-2018.txt"
    assert "IndexError" in skipped.reason
    assert result.documents == 5

"""The bundled corpus in a real target: Cypher answers equal SPARQL answers on the same store."""

from __future__ import annotations

import itertools
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import TARGETS, make_target

from councilgraph.settings import Settings
from graph import sparql
from graph.mirror import Projection, Target, check, project_store, sync
from graph.namespaces import sparql_prologue
from graph.store import open_store

ISLINGTON = "https://w3id.org/councilgraph/id/council/E09000019"
PEERS_SPARQL = (
    sparql_prologue()
    + """
SELECT DISTINCT ?person ?name ?council WHERE {
  ?c a cg:PeerChallenge ; cg:subject ?council ; cg:peerTeam ?team ; cg:startDate ?start .
  FILTER (YEAR(?start) = 2018)
  ?m a org:Membership ; org:organization ?team ; org:member ?person .
  ?person foaf:name ?name .
}"""
)
PEERS_CYPHER = """
MATCH (c:PeerChallenge)-[:CG_SUBJECT]->(:Council {uri: $council}), (c)-[:PEER_TEAM]->(team)
WHERE c.startDate >= date('2018-01-01') AND c.startDate < date('2019-01-01')
MATCH (p:Person)-[:MEMBER_OF]->(team) RETURN DISTINCT p.uri, p.name"""
LEADS_CYPHER = """
MATCH (p)-[m:MEMBER_OF {leads: true}]->(o) WHERE p.name IS NOT NULL AND o.prefLabel IS NOT NULL
RETURN p.name, m.role, m.policyArea, o.prefLabel, m.start, m.end"""
LINKING_CYPHER = """
MATCH (p)-[:MEMBER_OF]->(o) WHERE p.name IS NOT NULL AND o.prefLabel IS NOT NULL
WITH p, count(DISTINCT o) AS n WHERE n >= 2 RETURN p.uri, p.name, n"""


def _text(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _expand(row: list[Any]) -> set[tuple[Any, ...]]:
    """A Cypher row with list values as the SPARQL rows it stands for (one per combination)."""
    columns = [v if isinstance(v, tuple) else (v,) for v in row]
    return {tuple(_text(v) for v in combo) for combo in itertools.product(*columns)}


@pytest.fixture(scope="module", params=TARGETS)
def mirrored(
    request: pytest.FixtureRequest, corpus_settings: Settings
) -> Iterator[tuple[Target, Projection]]:
    target = make_target(request.param, request)
    projection = project_store(open_store(corpus_settings.store))
    sync(projection, target, batch_size=250)
    yield target, projection
    target.drop()  # type: ignore[attr-defined]
    target.close()


def test_the_corpus_mirrors_completely(mirrored: tuple[Target, Projection]) -> None:
    target, projection = mirrored
    assert len(projection.nodes) > 500 and len(projection.rels) > 1000
    report = check(projection, target, sample=len(projection.nodes))
    assert report.ok, report.differences[:10]
    assert sync(projection, target).wrote_nothing


def test_peers_of_the_islington_2018_challenge(
    mirrored: tuple[Target, Projection], corpus_store: Any
) -> None:
    target, _ = mirrored
    expected = {
        (r["person"], r["name"])
        for r in sparql.rows(
            corpus_store, PEERS_SPARQL, {"council": sparql.ox.NamedNode(ISLINGTON)}
        )
    }
    found = {tuple(row) for row in target.read(PEERS_CYPHER, {"council": ISLINGTON})}
    assert len(expected) >= 4
    assert found == expected


def test_who_leads_what(mirrored: tuple[Target, Projection], corpus_store: Any) -> None:
    target, _ = mirrored
    keys = ("name", "roleLabel", "areaLabel", "orgName", "start", "end")
    expected = {
        tuple(r.get(k) for k in keys) for r in sparql.rows(corpus_store, sparql.named_query("q04"))
    }
    found = set().union(*(_expand(row) for row in target.read(LEADS_CYPHER)))
    assert len(expected) >= 10
    assert found == expected


def test_people_linking_two_or_more_organisations(
    mirrored: tuple[Target, Projection], corpus_store: Any
) -> None:
    target, _ = mirrored
    expected = {
        (r["person"], r["name"], r["organisations"])
        for r in sparql.rows(corpus_store, sparql.named_query("q05"))
    }
    found = {tuple(row) for row in target.read(LINKING_CYPHER)}
    assert expected
    assert found == expected


@pytest.mark.parametrize("kind", TARGETS)
def test_removing_a_document_removes_what_only_it_stated(
    kind: str, request: pytest.FixtureRequest, corpus_settings: Settings, tmp_path: Path
) -> None:
    from graph.build import build

    corpus = tmp_path / "corpus"
    shutil.copytree(corpus_settings.corpus, corpus)
    removed = corpus / "documents" / "tower-hamlets-tib-peer-challenge-follow-up-2019.txt"
    removed.unlink()
    smaller = Settings(corpus=corpus, store=tmp_path / "store")
    build(smaller)
    before = project_store(open_store(corpus_settings.store))
    after = project_store(open_store(smaller.store))
    only_there = set(before.nodes) - set(after.nodes)
    assert (
        "https://w3id.org/councilgraph/id/doc/tower-hamlets-tib-peer-challenge-follow-up-2019"
        in only_there
    )

    target = make_target(kind, request)
    try:
        sync(before, target)
        report = sync(after, target)
        assert report.counts["nodes deleted"] == len(only_there)
        assert report.counts["relationships deleted"] >= len(set(before.rels) - set(after.rels))
        left = target.read(
            "MATCH (n:Resource) WHERE n.uri IN $uris RETURN count(n)", {"uris": sorted(only_there)}
        )
        assert left == [[0]]
        assert check(after, target, sample=len(after.nodes)).ok
    finally:
        target.drop()  # type: ignore[attr-defined]
        target.close()


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "api.cli", *args], capture_output=True, text=True, timeout=120
    )


def test_the_cli_mirrors_checks_and_exits_non_zero_on_a_difference(
    corpus_settings: Settings, falkordb_port: int
) -> None:
    from graph.mirror import open_target

    uri = f"falkor://127.0.0.1:{falkordb_port}/cli-test"
    args = ["mirror", "--target", uri, "--store", str(corpus_settings.store)]
    first = _cli(*args, "--json")
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["changes"]["nodes created"] > 500
    again = _cli(*args)
    assert again.returncode == 0 and "nothing to write" in again.stdout
    assert _cli(*args, "--check").returncode == 0
    graph = open_target(uri)
    # the first URI in order is always in the sample
    graph.write("MATCH (n:Resource) WITH n ORDER BY n.uri LIMIT 1 SET n.tampered = 'changed'", {})
    differs = _cli(*args, "--check", "--json")
    graph.drop()  # type: ignore[attr-defined]
    assert differs.returncode == 1 and "changed" in differs.stdout


def test_the_cli_never_prints_the_password(corpus_settings: Settings, falkordb_port: int) -> None:
    uri = f"falkor://someone:pa55-word@127.0.0.1:{falkordb_port}/x"
    result = _cli("mirror", "--target", uri, "--store", str(corpus_settings.store))
    assert result.returncode == 1  # this server has no users: AUTH fails
    assert "pa55-word" not in result.stdout + result.stderr
    assert "someone:***@127.0.0.1" in result.stderr

"""The synthetic corpus: deterministic, and read back by the real loaders exactly as generated."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.synth import generate
from councilgraph.settings import Settings
from graph.build import build
from graph.sparql import rows
from graph.store import open_store

COUNTS = """
PREFIX cg: <https://w3id.org/councilgraph/def/>
PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?kind (COUNT(DISTINCT ?thing) AS ?n) WHERE {
  VALUES (?kind ?class) { ("challenges" cg:PeerChallenge) ("recommendations" cg:Recommendation)
                          ("memberships" org:Membership) }
  ?thing a ?class
} GROUP BY ?kind
"""


def _digest(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_same_seed_same_corpus_other_seed_other_corpus(tmp_path: Path) -> None:
    one = generate(tmp_path / "one", scale=0.01, seed=7)
    two = generate(tmp_path / "two", scale=0.01, seed=7)
    three = generate(tmp_path / "three", scale=0.01, seed=8)
    assert _digest(tmp_path / "one") == _digest(tmp_path / "two")
    assert _digest(tmp_path / "one") != _digest(tmp_path / "three")
    assert one.summary() == two.summary()
    assert three.challenges == one.challenges == 10


def test_scale_is_bounded(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="outside"):
        generate(tmp_path / "x", scale=0)


def test_build_reads_back_what_was_generated(tmp_path: Path) -> None:
    manifest = generate(tmp_path / "corpus", scale=0.01, seed=2011)
    settings = Settings(corpus=tmp_path / "corpus", store=tmp_path / "store")
    report = build(settings)
    counts = {row["kind"]: int(row["n"]) for row in rows(open_store(settings.store), COUNTS)}
    assert counts == {
        "challenges": manifest.challenges,
        "recommendations": manifest.recommendations,
        "memberships": manifest.memberships,
    }
    assert report.documents == manifest.documents == manifest.challenges + manifest.follow_ups
    assert manifest.follow_ups > 0 and manifest.partnerships >= 2 and manifest.commissions == 20


def test_some_peers_serve_on_many_teams_and_move_between_councils(tmp_path: Path) -> None:
    generate(tmp_path / "corpus", scale=0.2, seed=2011)
    teams: dict[str, int] = {}
    homes: dict[str, set[str]] = {}
    for doc in (tmp_path / "corpus" / "documents").glob("*-corporate-peer-challenge-????-??.txt"):
        for line in doc.read_text().splitlines():
            if line.startswith("- ") and line.count(", ") >= 2:
                name, _role, home = (
                    line[2:].removeprefix("Cllr ").removeprefix("Dr ").split(", ", 2)
                )
                teams[name] = teams.get(name, 0) + 1
                homes.setdefault(name, set()).add(home)
    assert max(teams.values()) >= 8  # a busy few
    assert sum(1 for n in teams.values() if n == 1) > len(teams) / 10  # and a long tail
    assert any(len(h) > 1 for h in homes.values())  # people move

"""Syncing hand-made graphs into a real target: idempotence, updates, interruption, quoting."""

from __future__ import annotations

import pytest
from conftest import turtle_store

from councilgraph.errors import MirrorError
from graph.mirror import Target, check, project_store, sync
from graph.mirror.sync import plan, read_state

ID = "https://w3id.org/councilgraph/id/"


def test_first_sync_writes_everything_and_the_second_writes_nothing(target: Target) -> None:
    projection = project_store(turtle_store("small.ttl"))
    first = sync(projection, target)
    assert first.schema_created and first.batches > 0
    assert first.counts["nodes created"] == len(projection.nodes)
    assert first.counts["relationships created"] == len(projection.rels)
    assert check(projection, target).ok
    second = sync(projection, target)
    assert second.wrote_nothing
    assert second.batches == 0 and not any(second.counts.values())


def test_changes_update_names_labels_values_and_shortcuts(target: Target) -> None:
    sync(project_store(turtle_store("small.ttl")), target)
    changed = project_store(turtle_store("small-changed.ttl"))
    report = sync(changed, target)
    # bo's name, the LGA's new label, r1's values, membership m1's start date
    assert report.counts["nodes updated"] == 4
    assert report.counts["nodes created"] == report.counts["nodes deleted"] == 0
    assert report.counts["relationships deleted"] == report.counts["relationships created"] == 1
    rows = target.read(
        "MATCH (n:Resource) WHERE n.uri IN $uris RETURN n.uri, n.name, labels(n), n.score, "
        "n.isKeyRecommendation",
        {
            "uris": [
                ID + "person/bo-sample",
                ID + "recommendation/r1",
                ID + "organisation/local-government-association",
            ]
        },
    )
    found = {row[0].rsplit("/", 1)[1]: row[1:] for row in rows}
    assert found["bo-sample"][0] == "Bo Renamed"
    assert "Partner" in found["local-government-association"][1]
    assert found["r1"][2:] == [None, False]
    start = target.read("MATCH (:Person)-[m:MEMBER_OF]->(:Council) RETURN m.start")
    assert [str(row[0]) for row in start] == ["2017-09-01"]
    assert check(changed, target).ok and sync(changed, target).wrote_nothing


def test_an_interrupted_sync_completes_on_the_next_run(target: Target) -> None:
    projection = project_store(turtle_store("small.ttl", "tricky.ttl"))

    def crash(batches: int) -> None:
        raise RuntimeError(f"simulated crash after batch {batches}")

    with pytest.raises(RuntimeError, match="after batch 1"):
        sync(projection, target, batch_size=2, after_batch=crash)
    assert not check(projection, target).ok  # half written: the check must notice
    resumed = sync(projection, target, batch_size=2)
    assert 0 < resumed.counts["nodes created"] < len(projection.nodes)
    assert check(projection, target).ok
    assert sync(projection, target).wrote_nothing


def test_awkward_strings_survive_the_round_trip(target: Target) -> None:
    projection = project_store(turtle_store("tricky.ttl"))
    sync(projection, target)
    rows = target.read("MATCH (n:Resource) RETURN n.uri, properties(n)")
    assert len(rows) == len(projection.nodes)
    for uri, props in rows:
        assert props == dict(projection.nodes[uri].props), uri
    names = {row[0] for row in target.read("MATCH (p:Person) RETURN p.name")}
    assert names == {
        "Siobhán O'Brien",
        'Dr "Doc" Smith',
        "Back\\slash \\n not a newline \\",
        "Zoë Ł. Ğüneş — 市長 😀",
    }
    assert sync(projection, target).wrote_nothing


def test_check_reports_a_tampered_target(target: Target) -> None:
    projection = project_store(turtle_store("small.ttl"))
    sync(projection, target)
    target.write(
        "MATCH (p:Person {uri: $uri}) SET p.name = $name",
        {"uri": ID + "person/ada-example", "name": "Someone Else"},
    )
    target.write("MATCH (n:Resource {uri: $uri}) DETACH DELETE n", {"uri": ID + "doc/report"})
    target.write("CREATE (:Resource:Stray {uri: $uri})", {"uri": "urn:stray"})
    report = check(projection, target)
    text = "\n".join(report.differences)
    assert "Someone Else" in text and "label Document: expected 1, found 0" in text
    assert "label Stray: expected 0, found 1" in text
    repaired = sync(projection, target)
    assert repaired.counts["nodes deleted"] == 1 and repaired.counts["nodes created"] == 1
    assert check(projection, target).ok


def test_duplicate_relationships_are_collapsed_to_one(target: Target) -> None:
    projection = project_store(turtle_store("small.ttl"))
    sync(projection, target)
    target.write(
        "MATCH (a:Resource {uri: $a}), (b:Resource {uri: $b}) CREATE (a)-[:WAS_DERIVED_FROM]->(b)",
        {"a": ID + "recommendation/r1", "b": ID + "doc/report"},
    )
    assert len(plan(projection, read_state(target)).statements) == 2  # delete both, create one
    sync(projection, target)
    assert check(projection, target).ok


def test_a_target_that_cannot_be_reached_is_a_mirror_error_without_the_password() -> None:
    from graph.mirror import Credentials, open_target

    with pytest.raises(MirrorError) as caught:
        open_target("falkor://admin:s3cret-pw@127.0.0.1:1/g", Credentials())
    assert "s3cret-pw" not in str(caught.value) and "***" in str(caught.value)
    with pytest.raises(MirrorError, match="unknown scheme"):
        open_target("http://user:s3cret-pw@example.org/")

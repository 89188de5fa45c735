"""A 2023-era layout: recommendations first, bold "Recommendation N:" bullets, peers as
"Role: Honorific Name, Post, Organisation"."""

from __future__ import annotations

from pathlib import Path

from councilgraph.settings import Settings
from loaders import detect_genre, load_document, peer_challenge_report
from loaders import records as r

KENT = (
    Path(__file__).resolve().parents[1]
    / "data"
    / "peer-challenge-report"
    / "kent-corporate-peer-challenge-2023.md"
)


def test_kent_2023_layout() -> None:
    assert detect_genre(KENT) == "peer-challenge-report"
    records = list(load_document(KENT, settings=Settings(), genre=peer_challenge_report.GENRE))
    [challenge] = [x for x in records if isinstance(x, r.PeerChallenge)]
    assert (challenge.ref.council.name, str(challenge.start), str(challenge.end)) == (
        "Kent County Council",
        "2023-11-14",
        "2023-11-17",
    )
    recs = [x for x in records if isinstance(x, r.Recommendation)]
    assert [(x.number, x.is_key) for x in recs] == [
        ("1", True),
        ("2", True),
        ("3", True),
        ("4", True),
    ]
    assert (
        recs[0].text
        == "Build up the council's reserves so that it has more choices in future years"
    )
    team = {
        (m.person.honorific, m.person.name, m.role)
        for m in records
        if isinstance(m, r.Membership) and isinstance(m.organisation, r.ChallengeRef)
    }
    assert team == {
        ("Cllr", "Sarah Holt", "Lead Peer"),
        (None, "Tom Reilly", "Chief Executive Peer"),
        ("Councillor", "Dev Anand", "Member Peer"),
        ("Dr", "Grace Mbeki", "Officer Peer"),
        (None, "Ruth Lowe", "Peer Challenge Manager"),
    }
    homes = {
        (m.person.name, m.organisation.name, m.role)
        for m in records
        if isinstance(m, r.Membership) and isinstance(m.organisation, r.OrgRef)
    }
    assert ("Dev Anand", "Surrey County Council", "Cabinet Member for Finance") in homes
    [partnership] = [x for x in records if isinstance(x, r.Partnership)]
    assert partnership.relies_on_individuals is True

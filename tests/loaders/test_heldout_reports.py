"""The held-out report sets: peer challenge reports in layouts the layout corpus lacks, with
their facts written by hand before the loader read them. Each set's FIRST_RUN.md has that
first run, the honest measure of how the loader met layouts it had not seen:

- tests/data/peer-challenge-heldout: eight reports; peers 40.8% recall, key recommendations
  51.3% at first;
- tests/data/peer-challenge-heldout-2: six more, written after the first set's fixes; peers
  16.1%, key recommendations 29.2%, one report not read at all;
- tests/data/peer-challenge-heldout-3: six more, written after the second set's fixes; peers
  10.7%, key recommendations 48.0%, two reports not read at all.

The readers then learned the general rules the misses showed (each set's README lists them);
this test keeps what was won, kind by kind, at the scores measured after, and fails if any
falls back."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.loaders.layout_scoring import Score, assert_at_least, printed_score

DATA = Path(__file__).resolve().parents[1] / "data"
# set: {kind: (precision, recall)} measured after the fixes; what is missed is in its README
FLOORS = {
    "peer-challenge-heldout": {
        "challenge": (1.0, 1.0),
        "council": (1.0, 1.0),
        "dates": (1.0, 1.0),
        "peers": (1.0, 1.0),
        "posts": (1.0, 1.0),
        "key recommendations": (1.0, 1.0),
        "figures": (1.0, 1.0),
        "follow-up link": (1.0, 1.0),
        "person across documents": (1.0, 1.0),
    },
    "peer-challenge-heldout-2": {
        "challenge": (1.0, 1.0),
        "council": (1.0, 1.0),
        "dates": (1.0, 1.0),
        "peers": (0.96, 0.93),
        "posts": (0.96, 0.90),
        "key recommendations": (1.0, 1.0),
        "figures": (1.0, 1.0),
        "follow-up link": (1.0, 1.0),
        "person across documents": (1.0, 0.88),
    },
    # measured only this stop, and after its dates and cards: much is still missed (README)
    "peer-challenge-heldout-3": {
        "challenge": (0.83, 0.83),
        "council": (1.0, 1.0),
        "dates": (1.0, 1.0),
        "peers": (0.77, 0.50),
        "posts": (0.86, 0.46),
        "key recommendations": (1.0, 0.84),
        "figures": (1.0, 0.84),
    },  # no follow-up, no person on two teams: those kinds have no gold here
}


@pytest.fixture(scope="module", params=list(FLOORS))
def held_out(request: pytest.FixtureRequest) -> tuple[str, dict[str, Score]]:
    return request.param, printed_score(DATA / request.param / "gold.yaml")


@pytest.mark.parametrize("kind", list(FLOORS["peer-challenge-heldout"]))
def test_no_kind_of_fact_falls_back(held_out: tuple[str, dict[str, Score]], kind: str) -> None:
    name, scores = held_out
    if kind not in FLOORS[name]:
        pytest.skip(f"{name} states no {kind}")
    assert_at_least(scores, kind, *FLOORS[name][kind])

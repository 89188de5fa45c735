"""Issue 15's measure: precision and recall per kind of fact on the layout corpus (twenty
peer challenge reports of other councils, 2013-2025, in twenty layouts, some also as PDF or
Word), against facts written by hand in its gold file. Fails under 98% for any kind.
`pytest -s` prints the table; `python -m tests.loaders.layout_scoring GOLD` lists the misses."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.loaders.layout_scoring import KINDS, Score, assert_at_least, printed_score

GOLD = Path(__file__).resolve().parents[1] / "data" / "peer-challenge-layouts" / "gold.yaml"
THRESHOLD = 0.98


@pytest.fixture(scope="module")
def scores() -> dict[str, Score]:
    return printed_score(GOLD)


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_of_fact_scores_at_least_98_percent(scores: dict[str, Score], kind: str) -> None:
    assert_at_least(scores, kind, THRESHOLD, THRESHOLD)

"""The follow-up report loader against the papers corpus (issue 21): precision and recall per
kind of fact -- council, meeting body, date and item, title, author, lead officer, portfolio
holder, decision sought, the challenge answered, and each action with its recommendation,
status, lead and due date -- must each be at least 98%. `pytest -s` prints the table."""

from __future__ import annotations

from pathlib import Path

import pytest
from follow_up_scoring import KINDS, Score, score_corpus, table

PAPERS = Path(__file__).resolve().parents[2] / "tests" / "data" / "follow-up-papers"
LEAST = 0.98


@pytest.fixture(scope="module")
def scores() -> dict[str, Score]:
    return score_corpus(PAPERS)


def test_print_the_scores(scores: dict[str, Score]) -> None:
    print("\n" + table(scores, f"follow-up papers ({PAPERS.name})"))
    assert set(scores) == set(KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_of_fact_scores_at_least_98_percent(scores: dict[str, Score], kind: str) -> None:
    found = scores[kind]
    assert found.precision >= LEAST and found.recall >= LEAST, "\n".join(found.wrong)

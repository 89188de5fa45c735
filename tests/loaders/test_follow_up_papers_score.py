"""The follow-up report loader against the papers corpora (issue 21): precision and recall per
kind of fact -- council, meeting body, date and item, title, author, lead officer, portfolio
holder, decision sought, the challenge answered, and each action with its recommendation,
status, lead and due date -- must each be at least 98%. `pytest -s` prints the tables.

`follow-up-papers` is the development corpus; `follow-up-heldout` and `follow-up-heldout-2`
were each written after the loader and first scored without changes to it (their READMEs
give those first scores)."""

from __future__ import annotations

from pathlib import Path

import pytest
from follow_up_scoring import KINDS, Score, score_corpus, table

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
CORPORA = ("follow-up-papers", "follow-up-heldout", "follow-up-heldout-2")
LEAST = 0.98


@pytest.fixture(scope="module")
def scores() -> dict[str, dict[str, Score]]:
    return {name: score_corpus(DATA / name) for name in CORPORA}


def test_print_the_scores(scores: dict[str, dict[str, Score]]) -> None:
    for name, found in scores.items():
        print("\n" + table(found, name))
        assert set(found) == set(KINDS)


@pytest.mark.parametrize("corpus", CORPORA)
@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_of_fact_scores_at_least_98_percent(
    scores: dict[str, dict[str, Score]], corpus: str, kind: str
) -> None:
    found = scores[corpus][kind]
    assert found.precision >= LEAST and found.recall >= LEAST, "\n".join(found.wrong)

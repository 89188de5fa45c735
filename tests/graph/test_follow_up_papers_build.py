"""Council papers answering peer challenges (issue 21) in a real build: they validate, and
`councilgraph progress` shows each recommendation with the actions that answer it, their
status, lead and due date -- whether the paper restates the recommendation's words, gives
only its number, or the challenge's own report is in the corpus too (its dates and its
recommendations then win, and the paper's actions are linked to them by their words)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from councilgraph.settings import BUNDLED_CORPUS, Settings
from graph.build import build
from graph.progress import ChallengeProgress, progress
from graph.store import open_store

PAPERS = Path(__file__).resolve().parents[1] / "data" / "follow-up-papers"
ID = "https://w3id.org/councilgraph/id/"
HARLOW = ID + "challenge/E07000073-2018-11"
LEWISHAM = ID + "challenge/E09000023-2023-06"
TAMESIDE = ID + "challenge/E08000008-2017-03"
# The challenge's own report, for Harlow: its key recommendations are worded as the paper's
# action plan restates them, in another order, with two more.
HARLOW_REPORT = """Corporate Peer Challenge
Harlow District Council
26 - 29 November 2018
Feedback Report

1. Executive summary

Harlow is an ambitious council with a clear plan for the town.

2. Key recommendations

The following are the peer team's key recommendations to the council:

1. Invest in member development
2. Translate the corporate plan into a costed delivery programme
3. Strengthen the medium term financial strategy
4. Build capacity to deliver the regeneration programme
5. Improve engagement with residents on priorities
6. Develop the council's housing strategy with partners
7. Make better use of performance information
8. Review the council's approach to commercial income
9. Celebrate the council's successes with staff

3. The peer team

The peers who delivered the peer challenge were:

Lead Peer: Cllr Ann Whitfield (Leader, Craven District Council)
Peer challenge manager: Gemma Stokes, LGA
"""


def _build(root: Path, papers: list[str], extra: dict[str, str] | None = None) -> Settings:
    corpus = root / "corpus"
    shutil.copytree(BUNDLED_CORPUS / "registers", corpus / "registers")
    (corpus / "documents").mkdir()
    for name in papers:
        shutil.copy(PAPERS / name, corpus / "documents" / name)
    for name, text in (extra or {}).items():
        (corpus / "documents" / name).write_text(text, encoding="utf-8")
    settings = Settings(corpus=corpus, store=root / "store")
    build(settings)
    return settings


@pytest.fixture(scope="module")
def papers_only(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return _build(
        tmp_path_factory.mktemp("papers"),
        [
            "harlow-cabinet-2019-peer-challenge-action-plan.txt",
            "lewisham-mayor-cabinet-2024-peer-challenge-progress.md",
            "tameside-executive-cabinet-2017-peer-challenge-progress.pdf",
        ],
    )


def _one(store: ox.Store, challenge: str) -> ChallengeProgress:
    (found,) = progress(store, challenge.rsplit("/", 1)[1], ID)
    return found


def test_each_restated_recommendation_has_its_actions(papers_only: Settings) -> None:
    harlow = _one(open_store(papers_only.store), HARLOW)
    assert [r.number for r in harlow.recommendations] == ["1", "2", "3", "4", "5", "6", "7"]
    assert harlow.recommendations[1].text == "Strengthen the medium term financial strategy"
    savings = harlow.recommendations[1].actions
    assert [(a.status, a.lead, a.due) for a in savings] == [
        ("in progress", "Head of Finance", "2019-09"),
        ("not started", "Head of Finance", "2019-12"),
    ]
    assert harlow.summary["with_response"] == 7 and harlow.challenge_actions == []
    assert harlow.start == "2018-11-26"


def test_recommendations_given_only_by_number_still_group_their_actions(
    papers_only: Settings,
) -> None:
    lewisham = _one(open_store(papers_only.store), LEWISHAM)
    numbers = [r.number for r in lewisham.recommendations]
    assert numbers == [str(n) for n in range(1, 10)]
    assert all(r.text == "" and r.actions for r in lewisham.recommendations)
    nine = lewisham.recommendations[-1].actions
    assert {(a.status, a.due) for a in nine} == {
        ("in progress", "2024-12"),
        ("complete", "2024-01-31"),
    }


def test_paragraph_actions_under_recommendation_lines(papers_only: Settings) -> None:
    tameside = _one(open_store(papers_only.store), TAMESIDE)
    assert tameside.start == "2017-03"  # a month, as the paper gives it
    by_number = {r.number: r for r in tameside.recommendations}
    assert set(by_number) == {"1", "2", "3", "4", "5", "6"}
    assert by_number["3"].text == "Close the budget gap for 2018/19 and 2019/20"
    assert [a.status for a in by_number["3"].actions] == ["on track", "not started"]


def test_cli_progress_shows_recommendations_actions_and_status(papers_only: Settings) -> None:
    done = subprocess.run(  # the real entry point, which registers the feature commands
        [sys.executable, "-c", "from api.cli import main; main()", "progress", "Harlow"]
        + ["--store", str(papers_only.store)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "COLUMNS": "200"},
    )
    assert done.returncode == 0, done.stderr
    text = done.stdout
    assert "7 of 7 recommendations have a recorded response" in text
    rec = text.index("Strengthen the medium term financial strategy")
    action = text.index("-> not started: Agree a savings programme for 2020/21")
    assert rec < action
    assert "(Head of Finance; due 2019-12)" in text


def test_the_challenges_own_report_wins(tmp_path: Path) -> None:
    settings = _build(
        tmp_path,
        ["harlow-cabinet-2019-peer-challenge-action-plan.txt"],
        {"harlow-corporate-peer-challenge-2018.txt": HARLOW_REPORT},
    )
    harlow = _one(open_store(settings.store), HARLOW)
    # the report's nine key recommendations, not the paper's seven restated ones
    assert len(harlow.recommendations) == 9 and all(r.is_key for r in harlow.recommendations)
    by_text = {r.text: r for r in harlow.recommendations}
    members = by_text["Invest in member development"]
    assert [a.text for a in members.actions] == [
        "Agree a member development programme with the political groups"
    ]
    finance = by_text["Strengthen the medium term financial strategy"]
    assert len(finance.actions) == 2
    assert not by_text["Celebrate the council's successes with staff"].actions
    assert harlow.summary["with_response"] == 7


TAMESIDE_REPORT = HARLOW_REPORT.replace(
    "Harlow District Council", "Tameside Metropolitan Borough Council"
).replace("26 - 29 November 2018", "14 - 17 March 2017")


def test_a_challenge_dated_by_its_month_in_a_paper_takes_its_days_from_its_report(
    tmp_path: Path,
) -> None:
    settings = _build(
        tmp_path,
        ["tameside-executive-cabinet-2017-peer-challenge-progress.txt"],
        {"tameside-corporate-peer-challenge-2017.txt": TAMESIDE_REPORT},
    )
    store = open_store(settings.store)
    starts = [
        str(s["start"])
        for s in store.query(
            f"SELECT ?start WHERE {{ <{TAMESIDE}> <https://w3id.org/councilgraph/def/startDate> ?start }}"
        )
    ]
    assert starts == ['"2017-03-14"^^<http://www.w3.org/2001/XMLSchema#date>']

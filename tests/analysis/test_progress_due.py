"""Progress and `due` over the corpus (+ Kent 2023), the q09-q11 queries, the CLI and the API.

Answers checked by hand against corpus/documents: Islington's 2018 CPC (34 recommendations)
has council-plan actions linked to key recommendation 4 (data) and recommendation 15
(financial options); Tower Hamlets' 2018 challenge is answered as a whole by 11 findings of
the 2019 follow-up paper; Thurrock's 2011 challenge has no follow-up recorded.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import httpx
import pyoxigraph as ox

from councilgraph.settings import Settings
from graph import sparql
from graph.due import due
from graph.progress import progress

ROOT = Path(__file__).resolve().parents[2]
ID = "https://w3id.org/councilgraph/id/"
ISLINGTON = ID + "challenge/E09000019-2018-03"
TOWER_HAMLETS = ID + "challenge/E09000030-2018-06"
THURROCK = ID + "challenge/E06000034-2011-12"
KENT = ID + "challenge/E10000016-2023-11"


def test_islington_progress(analysis_store: ox.Store) -> None:
    [p] = progress(analysis_store, "E09000019-2018-03", ID)
    assert p.council_name == "London Borough of Islington" and p.start == "2018-03-20"
    assert p.summary["recommendations"] == 34
    answered = {rec.iri.rsplit("/", 1)[1]: rec for rec in p.recommendations if rec.actions}
    assert set(answered) == {"E09000019-2018-03-key-item-4", "E09000019-2018-03-15"}
    data_actions = answered["E09000019-2018-03-key-item-4"].actions
    assert any("data quality strategy" in a.text for a in data_actions)
    assert {a.status for a in data_actions} == {"planned"}
    assert all(a.evidence == [ID + "doc/islington-productivity-plan-2024"] for a in data_actions)
    assert all(a.link_basis for a in data_actions)


def test_progress_by_council_name_lists_every_challenge(analysis_store: ox.Store) -> None:
    found = {p.challenge: p for p in progress(analysis_store, "tower hamlets", ID)}
    assert set(found) == {TOWER_HAMLETS, ID + "challenge/E09000030-2020-06-follow-up-visit"}
    th = found[TOWER_HAMLETS]
    assert th.summary["recommendations"] == 11 and th.summary["with_response"] == 0
    assert len(th.challenge_actions) == 11
    assert [f["planned"] for f in th.follow_ups] == [True]


def test_due_as_of_dates(analysis_store: ox.Store) -> None:
    def overdue(day: date) -> list[str]:
        return [c.challenge for c in due(analysis_store, day).challenges]

    # Thurrock's challenge is known only as December 2011: its follow-up is due in December
    # 2013, overdue once that month is over (on 1 December it may not yet be two years)
    assert overdue(date(2013, 12, 31)) == []
    assert overdue(date(2014, 1, 1)) == [THURROCK]
    [thurrock] = due(analysis_store, date(2014, 1, 1)).challenges
    assert (thurrock.date, thurrock.follow_up_due) == ("2011-12", "2013-12")  # as stated
    # Islington's window closed on 2020-03-20: its responses are in a 2024 plan, too late;
    # Tower Hamlets answered in its 2019 follow-up paper, within two years.
    assert overdue(date(2020, 3, 20)) == [THURROCK, ISLINGTON]
    assert TOWER_HAMLETS not in overdue(date(2026, 1, 1))
    report = due(analysis_store, date(2020, 7, 1))
    gss = {c.gss for c in report.councils}
    assert "E09000019" not in gss and "E09000030" not in gss  # challenged in 2018
    assert "E06000034" in gss  # Thurrock, last challenged December 2011
    assert "E06000028" not in gss  # Bournemouth, abolished 2019-03-31
    assert len(report.councils) == 343  # 365 in the register, 20 abolished by then, 2 challenged


def test_kent_challenge_in_the_future_is_ignored(analysis_store: ox.Store) -> None:
    before = {c.gss for c in due(analysis_store, date(2023, 1, 1)).councils}
    after = {c.gss for c in due(analysis_store, date(2024, 1, 1)).councils}
    assert "E10000016" in before and "E10000016" not in after


def q(store: ox.Store, name: str) -> list[dict[str, object]]:
    return sparql.rows(store, sparql.named_query(name))


def test_q09_top_recurring_themes(analysis_store: ox.Store) -> None:
    rows = q(analysis_store, "q09")
    assert len(rows) == 5
    assert sum(int(r["recommendations"]) for r in rows) >= 49  # every recommendation has a theme
    finance = next(r for r in rows if str(r["theme"]).endswith("financial-planning-and-management"))
    assert finance["councils"] == 3  # Islington, Tower Hamlets and Kent
    assert finance["earlierNames"] == "Financial planning and viability"
    assert [int(r["councils"]) for r in rows] == sorted(
        (int(r["councils"]) for r in rows), reverse=True
    )


def test_q10_similar_recommendations_to_other_councils(analysis_store: ox.Store) -> None:
    pairs = {
        (str(r["rec"]).rsplit("/", 1)[1], str(r["similar"]).rsplit("/", 1)[1])
        for r in q(analysis_store, "q10")
    }
    assert ("E10000016-2023-11-key-1", "E09000019-2018-03-16") in pairs  # reserves
    assert (
        "E10000016-2023-11-key-2",
        "E09000019-2018-03-key-item-3",
    ) in pairs  # programme management
    assert ("E10000016-2023-11-key-3", "E09000030-2018-06-key-item-4") in pairs  # bureaucracy
    assert ("E09000019-2018-03-16", "E10000016-2023-11-key-1") in pairs
    assert not any(
        a.startswith("E10000016-2023-11-key-4") for a, _ in pairs
    )  # highways: nothing like it
    assert not any(a.split("-")[0] == b.split("-")[0] for a, b in pairs)  # never the same council


def test_q11_recommendations_without_response(analysis_store: ox.Store) -> None:
    rows = q(analysis_store, "q11")
    recs = {str(r["rec"]) for r in rows}
    assert len(rows) == 34 - 2 + 11 + 4
    assert ID + "recommendation/E09000019-2018-03-15" not in recs
    assert ID + "recommendation/E09000019-2018-03-16" in recs
    th = [r for r in rows if r["challenge"] == TOWER_HAMLETS]
    assert len(th) == 11 and {r["challengeLevelActions"] for r in th} == {11}


class _Result:
    def __init__(self, done: subprocess.CompletedProcess[str]) -> None:
        self.exit_code, self.output = done.returncode, done.stdout + done.stderr


class _Cli:
    """The real entry point (api.cli.main, which registers the feature commands), in a subprocess."""

    def invoke(self, args: list[str]) -> _Result:
        code = "from api.cli import main; main()"
        return _Result(
            subprocess.run(
                [sys.executable, "-c", code, *args],
                capture_output=True,
                text=True,
                cwd=ROOT,
                timeout=120,
                env={**os.environ, "COLUMNS": "200"},
            )
        )


def test_cli_progress_and_due(analysis_settings: Settings) -> None:
    runner = _Cli()
    store = str(analysis_settings.store)
    result = runner.invoke(["progress", "E09000019-2018-03", "--store", store, "--json"])
    assert result.exit_code == 0, result.output
    [report] = json.loads(result.output)
    assert report["summary"]["with_response"] == 2
    text = runner.invoke(["progress", "Thurrock", "--store", store]).output
    assert "0 of 0 recommendations" in text
    result = runner.invoke(["due", "--as-of", "2020-07-01", "--store", store, "--csv"])
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [r["iri"] for r in rows if r["kind"] == "challenge-without-follow-up"] == [
        THURROCK,
        ISLINGTON,
    ]
    assert sum(r["kind"] == "council-without-challenge" for r in rows) == 343
    bad = runner.invoke(["due", "--as-of", "1 July", "--store", store])
    assert bad.exit_code == 1 and "YYYY-MM-DD" in bad.output
    missing = runner.invoke(["progress", "Atlantis", "--store", store])
    assert missing.exit_code == 1


def test_api_similar_progress_due(analysis_client: httpx.Client) -> None:
    similar = analysis_client.get("/recommendations/E10000016-2023-11-key-1/similar").json()
    assert similar["similar"][0]["similar"] == ID + "recommendation/E09000019-2018-03-16"
    assert similar["similar"][0]["councilName"] == "London Borough of Islington"
    none = analysis_client.get("/recommendations/E10000016-2023-11-key-4/similar").json()
    assert none["similar"] == []
    assert analysis_client.get("/recommendations/nothing-here/similar").status_code == 404
    prog = analysis_client.get("/challenges/E09000019-2018-03/progress").json()
    assert prog["summary"]["recommendations"] == 34
    assert analysis_client.get("/challenges/E09000019-1999-01/progress").status_code == 404
    report = analysis_client.get("/due", params={"as_of": "2020-07-01"}).json()
    assert [c["challenge"] for c in report["challenges"]] == [THURROCK, ISLINGTON]
    assert analysis_client.get("/due", params={"as_of": "July"}).status_code == 422

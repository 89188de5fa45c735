"""/leads on the bundled corpus, over HTTP, with answers checked by hand against the documents.

The LGA paper on sector-led improvement prints no date; the latest past event it reports is
Thurrock's corporate peer challenge "in December 2011", so it is dated 2011-12-01 (inferred,
a lower bound). It says that an interim Chief Executive, Bob Coomber, "was brought in" and
"This was followed by the permanent appointment of Graham Farrant who took over as Chief
Executive in August 2010", who "served as a previous Chief Executive (London Borough of
Barking and Dagenham)"; Coomber "had many years experience of being the Chief Executive at
Southwark council". So: Coomber is Thurrock's interim chief executive until 2010-07-31
(inferred from Farrant's start), Farrant from 2010-08-01 with no known end, current while
that paper is at most three years old (to 2014-12-01); the Barking and Dagenham and
Southwark posts are former, never current. The 2017 London Councils paper (Chair Cllr Kober)
and the 2018 Islington report are more than three years old today: all stale.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from typing import Any

import httpx

from councilgraph.settings import Settings

THURROCK = "E06000034"
ID = "https://w3id.org/councilgraph/id/"


def leads(client: httpx.Client, **params: str) -> dict[str, Any]:
    response = client.get("/leads", params={"limit": "1000", **params})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def chief_executives(body: dict[str, Any], gss: str = THURROCK) -> list[dict[str, Any]]:
    return [
        item
        for item in body["items"]
        if item["organisation"]["id"] == gss and item["role"]["label"] == "Chief Executive"
    ]


def test_on_2012_02_01_farrant_is_thurrocks_only_chief_executive(client: httpx.Client) -> None:
    [farrant] = chief_executives(leads(client, on="2012-02-01"))
    assert farrant["person"]["label"] == "Graham Farrant"
    assert (farrant["since"], farrant["until"], farrant["stale"]) == ("2010-08-01", None, False)
    assert farrant["last_stated"] == "2011-12-01" and farrant["start"] == "2010-08"


def test_on_2010_06_01_coomber_is_the_interim_chief_executive(client: httpx.Client) -> None:
    [coomber] = chief_executives(leads(client, on="2010-06-01"))
    assert (coomber["person"]["label"], coomber["interim"]) == ("Bob Coomber", True)
    assert (coomber["until"], coomber["basis"]) == ("2010-07-31", "inferred")
    assert coomber["ended_by"]  # Farrant's membership
    assert coomber["kind"] == "post" and coomber["source"]["location"]


DOCUMENTS = ID + "doc/"
OLD_PAPERS = {
    DOCUMENTS + "lga-sector-led-improvement-2012",
    DOCUMENTS + "london-councils-lead-chief-executives-2017",
    DOCUMENTS + "islington-corporate-peer-challenge-2018",
}


def test_today_nothing_from_2012_2017_or_2018_is_current(client: httpx.Client) -> None:
    body = leads(client)
    assert body["on"] == date.today().isoformat() and body["window_years"] == 3
    assert not [i for i in body["items"] if i["source"]["document"] in OLD_PAPERS]
    window_opened = date.today().replace(year=date.today().year - 3).isoformat()
    for item in body["items"]:  # what is current has a known end ahead, or a recent statement
        assert (item["until"] or "9999") >= body["on"]
        assert item["until"] or max(item["last_stated"] or "", item["since"] or "") >= window_opened


def test_include_stale_gives_them_back_with_their_last_stated_dates(client: httpx.Client) -> None:
    body = leads(client, include_stale="true")
    old = [i for i in body["items"] if i["source"]["document"] in OLD_PAPERS]
    assert len(old) >= 10 and all(item["stale"] for item in old)
    stated = {(i["person"]["label"], i["organisation"]["label"]): i for i in old}
    assert stated["Kober", "London Councils"]["last_stated"] == "2017-03-21"
    assert stated["Graham Farrant", "Thurrock Council"]["last_stated"] == "2011-12-01"
    assert stated["Joanne Roney", "Manchester City Council"]["last_stated"] == "2018-03-23"
    former = stated["Graham Farrant", "London Borough of Barking and Dagenham"]
    assert (former["former"], former["kind"]) == (True, "former-post")
    # the deprecated name still works
    assert leads(client, include_past="true")["total"] == body["total"] == len(body["items"])


def test_never_two_chief_executives_of_thurrock_on_one_date(client: httpx.Client) -> None:
    day = date(2005, 1, 1)
    while day <= date(2016, 1, 1):
        found = chief_executives(leads(client, on=day.isoformat(), organisation=THURROCK))
        assert len(found) <= 1, (day, [f["person"]["label"] for f in found])
        day += timedelta(days=61)


def test_an_undated_post_is_not_current_on_every_date(client: httpx.Client) -> None:
    long_ago = leads(client, on="1990-01-01")["items"]
    assert all(item["since"] and item["since"] <= "1990-01-01" for item in long_ago)
    in_2017 = leads(client, on="2017-06-01", organisation="London Councils")["items"]
    # the 2017 paper's "Councillor Kober" until the register's "Claire Kober" (stated
    # 2017-11-08; no register says they are one person) takes the chair
    assert {"Claire Kober", "John O'Brien"} <= {i["person"]["label"] for i in in_2017}


def test_a_wider_window_keeps_posts_current_longer(client: httpx.Client) -> None:
    assert chief_executives(leads(client, on="2015-06-01")) == []
    [farrant] = chief_executives(leads(client, on="2015-06-01", window="5"))
    assert farrant["person"]["label"] == "Graham Farrant"


def test_person_and_organisation_by_name_or_alias(client: httpx.Client) -> None:
    by_name = leads(client, person="Farrant", include_stale="true")
    assert {i["organisation"]["label"] for i in by_name["items"]} == {
        "Thurrock Council",
        "London Borough of Barking and Dagenham",
    }
    by_alias = leads(client, organisation="LB Barking", include_stale="true")
    assert {i["organisation"]["id"] for i in by_alias["items"]} == {"E09000002"}
    assert "Graham Farrant" in {i["person"]["label"] for i in by_alias["items"]}
    by_id = leads(client, person="graham-farrant", include_stale="true")
    assert by_id["total"] == by_name["total"]


def test_unknown_person_organisation_or_area_is_422_naming_the_nearest(
    client: httpx.Client,
) -> None:
    for params, parameter, nearest in (
        ({"person": "Farant"}, "person", "Graham Farrant"),
        ({"organisation": "Thurock"}, "organisation", "Thurrock"),
        ({"area": "helth"}, "area", "integrated health and care"),
    ):
        response = client.get("/leads", params=params)
        assert response.status_code == 422, params
        message = response.json()["error"]["message"]
        assert message.startswith(parameter) and nearest in message, message
    ambiguous = client.get("/leads", params={"person": "e"})
    assert ambiguous.status_code == 422 and "matches" in ambiguous.json()["error"]["message"]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "api.cli", *args], capture_output=True, text=True, timeout=300
    )


def test_the_cli_gives_the_same_rows_as_the_api(
    client: httpx.Client, corpus_settings: Settings
) -> None:
    store = ["--store", str(corpus_settings.store)]
    done = _cli("leads", "--on", "2010-06-01", "--organisation", "Thurrock", "--json", *store)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    api = leads(client, on="2010-06-01", organisation="Thurrock")
    assert [i["membership"] for i in report["items"]] == [i["iri"] for i in api["items"]]
    assert {i["name"] for i in report["items"]} == {"Bob Coomber", "John Kent"}
    table = _cli("leads", "--on", "2012-02-01", *store)
    assert table.returncode == 0 and "Graham Farrant" in table.stdout
    refused = _cli("leads", "--person", "Farant", *store)
    assert refused.returncode == 1 and "Graham Farrant" in refused.stderr

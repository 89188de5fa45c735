"""The REST endpoints over real HTTP, answers checked against the bundled documents."""

from __future__ import annotations

import httpx

ISLINGTON = "E09000019"


def test_council_is_islington_with_its_2018_challenge(client: httpx.Client) -> None:
    body = client.get(f"/councils/{ISLINGTON}").json()
    assert body["label"] == "London Borough of Islington"
    assert "E09000019-2018-03" in [c["id"] for c in body["challenges"]]
    challenge = next(c for c in body["challenges"] if c["id"] == "E09000019-2018-03")
    assert challenge["start"] == "2018-03-20"
    assert challenge["source"]["document"].endswith(
        "/id/doc/islington-corporate-peer-challenge-2018"
    )
    assert any(s["graph"].endswith("/id/register/local-authorities") for s in body["statements"])


def test_joanne_roney_is_manchester_chief_executive_and_islington_peer(
    client: httpx.Client,
) -> None:
    posts = client.get("/people/joanne-roney").json()["posts"]
    pairs = {(p["role"]["label"] if p["role"] else None, p["organisation"]["label"]) for p in posts}
    assert ("Chief Executive", "Manchester City Council") in pairs
    team = [p for p in posts if p["organisation"]["id"] == "E09000019-2018-03"]
    assert team and team[0]["source"]["location"].startswith("section 4")


def test_key_recommendations_for_islington(client: httpx.Client) -> None:
    body = client.get("/recommendations", params={"council": ISLINGTON, "key": "true"}).json()
    assert body["total"] == 6
    assert all(item["key"] is True for item in body["items"])
    assert all(item["council"]["id"] == ISLINGTON for item in body["items"])


def test_recommendation_text_search_and_pagination(client: httpx.Client) -> None:
    hits = client.get("/recommendations", params={"q": "RESERVES"}).json()
    assert hits["total"] >= 1
    assert all("reserves" in item["text"].lower() for item in hits["items"])
    page = client.get("/recommendations", params={"limit": 5, "offset": 5}).json()
    assert len(page["items"]) == 5 and page["total"] > 10


def test_pages_cover_the_whole_list_in_order(client: httpx.Client) -> None:
    whole = client.get("/recommendations", params={"limit": 1000}).json()
    pages = [
        client.get("/recommendations", params={"limit": 7, "offset": start}).json()
        for start in range(0, whole["total"], 7)
    ]
    assert {p["total"] for p in pages} == {whole["total"]}
    assert [i["id"] for p in pages for i in p["items"]] == [i["id"] for i in whole["items"]]
    assert len(whole["items"]) == whole["total"] == len({i["id"] for i in whole["items"]})
    past = client.get("/recommendations", params={"offset": whole["total"]}).json()
    assert past["items"] == [] and past["total"] == whole["total"]


def test_recommendations_by_year_and_theme(client: httpx.Client) -> None:
    y2018 = client.get("/recommendations", params={"year": 2018, "limit": 1000}).json()
    assert (
        y2018["total"] > 0
        and client.get("/recommendations", params={"year": 1999}).json()["total"] == 0
    )
    challenges = {r["challenge"]["id"] for r in y2018["items"]}
    assert challenges and all("-2018-" in c for c in challenges)
    both = client.get(
        "/recommendations", params={"year": 2018, "council": ISLINGTON, "limit": 1000}
    ).json()
    assert 0 < both["total"] <= y2018["total"]
    assert all(r["council"]["id"] == ISLINGTON for r in both["items"])
    every = client.get("/recommendations", params={"limit": 1000}).json()["items"]
    councils = {r["council"]["id"] for r in every}
    # every challenge of the bundled corpus is dated 2018 (Tower Hamlets' since its month,
    # June 2018, is read too): councils with recommendations have none in another year
    assert len(councils) >= 2
    for council in councils:
        params = {"council": council, "year": 2017}
        assert client.get("/recommendations", params=params).json()["total"] == 0
    themed = client.get(
        "/recommendations", params={"theme": "financial-planning-and-management"}
    ).json()
    assert themed["total"] > 0
    assert all(
        any(t["id"] == "financial-planning-and-management" for t in r["themes"])
        for r in themed["items"]
    )


def test_search_finds_lambeth_by_alias(client: httpx.Client) -> None:
    body = client.get("/search", params={"q": "LB Lambeth"}).json()
    assert body["items"][0]["label"] == "London Borough of Lambeth"
    assert body["items"][0]["kind"] == "council"


def test_leads_are_leadership_posts_with_sources(client: httpx.Client) -> None:
    body = client.get("/leads", params={"include_past": "true", "limit": 1000}).json()
    assert body["count"] == len(body["items"]) == body["total"] > 0
    assert all(item["role"] and item["source"]["document"] for item in body["items"])
    mine = client.get("/leads", params={"person": "joanne-roney", "include_past": "true"}).json()
    assert {i["organisation"]["label"] for i in mine["items"]} == {"Manchester City Council"}


def test_leads_on_a_date_before_every_post_began_is_smaller(client: httpx.Client) -> None:
    everything = client.get("/leads", params={"include_past": "true"}).json()["total"]
    long_ago = client.get("/leads", params={"on": "1900-01-01"}).json()
    assert long_ago["on"] == "1900-01-01" and long_ago["total"] <= everything


def test_challenge_lists_team_and_recommendations(client: httpx.Client) -> None:
    body = client.get("/challenges/E09000019-2018-03").json()
    assert "joanne-roney" in {m["person"]["id"] for m in body["team_members"]}
    assert len(body["recommendations"]) >= 6 and body["scope"]


def test_each_challenge_page_is_that_challenge(client: httpx.Client) -> None:
    listed = client.get("/challenges", params={"limit": 1000}).json()["items"]
    assert len(listed) > 1
    for summary in listed:
        page = client.get(f"/challenges/{summary['id']}").json()
        assert {k: page[k] for k in summary} == summary


def test_a_council_page_lists_exactly_the_partnerships_it_belongs_to(
    client: httpx.Client,
) -> None:
    members = {
        p["iri"]: {m["iri"] for m in p["members"]}
        for p in client.get("/partnerships", params={"limit": 1000}).json()["items"]
    }
    councils = {m for found in members.values() for m in found if "/council/" in m}
    assert councils
    for council in councils:
        page = client.get(f"/councils/{council.rsplit('/', 1)[-1]}").json()
        expected = {p for p, found in members.items() if council in found}
        assert {p["iri"] for p in page["partnerships"]} == expected


def test_lists_documents_organisations_partnerships_stats(client: httpx.Client) -> None:
    assert client.get("/councils", params={"limit": 5}).json()["total"] > 300
    people = client.get("/people", params={"limit": 1000}).json()["items"]
    assert any(p["id"] == "joanne-roney" for p in people)
    doc = client.get("/documents/islington-corporate-peer-challenge-2018").json()
    assert doc["date"] == "2018-03-23" and doc["statements_in_graph"] > 100
    lga = client.get("/organisations/local-government-association").json()
    assert lga["label"]
    partnerships = client.get("/partnerships").json()["items"]
    assert all(p["source"]["document"] for p in partnerships)
    stats = client.get("/stats").json()
    assert stats["things"]["Recommendation"] >= 6 and stats["triples"] > 1000
    assert client.get("/health").json()["status"] == "ok"


def test_unknown_ids_are_404_with_a_message(client: httpx.Client) -> None:
    for path in (
        "/councils/E09000099",
        "/people/nobody-at-all",
        "/challenges/X-1900-01",
        "/documents/no-such-doc",
        "/organisations/no-such-org",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "no " in response.json()["error"]["message"]


def test_bad_filters_are_422_naming_the_parameter(client: httpx.Client) -> None:
    for params, name in (
        ({"year": "abc"}, "year"),
        ({"council": "Islington"}, "council"),
        ({"key": "maybe"}, "key"),
        ({"limit": 0}, "limit"),
    ):
        response = client.get("/recommendations", params=params)
        assert response.status_code == 422
        assert f"'{name}'" in response.json()["error"]["message"]
    assert "'on'" in client.get("/leads", params={"on": "yesterday"}).json()["error"]["message"]

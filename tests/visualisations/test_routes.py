"""`/maps/{name}` and `/reliance` served by a real uvicorn over HTTP, from an app that mounts
the router."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pyoxigraph as ox
import pytest
from fastapi import FastAPI

from api.app import _councilgraph_error
from councilgraph.errors import CouncilGraphError
from councilgraph.settings import Settings
from graph.store import current_build
from tests.api.conftest import LiveServer
from visualisations.routes import router


def serve(app: FastAPI, settings: Settings) -> Iterator[str]:
    with LiveServer(settings, app=app) as live:
        yield live.url


def maps_app(store: ox.Store, settings: Settings) -> FastAPI:
    app = FastAPI()
    app.state.store, app.state.settings = store, settings
    app.state.build = current_build(settings.store)
    app.include_router(router)
    # the API's own handler: a CouncilGraphError is JSON with its status
    app.add_exception_handler(CouncilGraphError, _councilgraph_error)  # type: ignore[arg-type]
    return app


@pytest.fixture(scope="module")
def base_url(corpus_store: ox.Store, corpus_settings: Settings) -> Iterator[str]:
    yield from serve(maps_app(corpus_store, corpus_settings), corpus_settings)


@pytest.fixture(scope="module")
def hurried_url(corpus_store: ox.Store, corpus_settings: Settings) -> Iterator[str]:
    hurried = corpus_settings.model_copy(update={"query_timeout": 0.001})
    yield from serve(maps_app(corpus_store, hurried), hurried)


def test_map_is_served_as_self_contained_html(base_url: str) -> None:
    response = httpx.get(
        f"{base_url}/maps/council:E09000019", params={"size_by": "betweenness"}, timeout=30
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert "London Borough of Islington" in response.text and "<script src" not in response.text


def test_bad_size_metric_is_refused(base_url: str) -> None:
    assert httpx.get(f"{base_url}/maps/organisations", params={"size_by": "x"}).status_code == 422


def test_the_same_map_for_the_same_build_comes_from_the_cache(base_url: str) -> None:
    params = {"size_by": "people"}
    first = httpx.get(f"{base_url}/maps/people", params=params, timeout=30)
    again = httpx.get(f"{base_url}/maps/people", params=params, timeout=30)
    assert (first.headers["x-map-cache"], again.headers["x-map-cache"]) == ("miss", "hit")
    assert again.text == first.text
    other = httpx.get(f"{base_url}/maps/people", params={"present": "true"}, timeout=30)
    assert other.headers["x-map-cache"] == "miss" and 'class="present"' in other.text


def test_an_empty_leads_map_is_a_page_that_says_why(base_url: str) -> None:
    response = httpx.get(f"{base_url}/maps/leads", params={"on": "2031-01-01"}, timeout=30)
    assert response.status_code == 200 and response.headers["x-map-nodes"] == "0"
    assert "no leadership posts or commissions in the graph for 2031-01-01" in response.text


def test_unknown_maps_are_404_before_any_work(base_url: str) -> None:
    response = httpx.get(f"{base_url}/maps/nonsense", timeout=30)
    assert response.status_code == 404 and "known: organisations" in response.text


def test_a_map_past_the_time_limit_is_stopped_with_503(hurried_url: str) -> None:
    response = httpx.get(f"{hurried_url}/maps/organisations", timeout=30)
    assert response.status_code == 503
    assert "0.001 s limit" in response.text
    assert httpx.get(f"{hurried_url}/maps/organisations", timeout=30).status_code == 503


def test_maps_of_other_dates_share_one_analysis_and_open_on_their_date(base_url: str) -> None:
    response = httpx.get(f"{base_url}/maps/organisations", params={"on": "2018-03-21"}, timeout=30)
    assert response.status_code == 200 and response.headers["x-map-cache"] == "miss"
    assert 'id="on-date" type="date" value="2018-03-21"' in response.text
    again = httpx.get(f"{base_url}/maps/people", params={"on": "2010-06-01"}, timeout=30)
    assert again.status_code == 200 and 'value="2010-06-01"' in again.text


def test_reliance_on_a_date_over_http(base_url: str) -> None:
    def plymouth(on: str) -> list[dict[str, Any]]:
        response = httpx.get(f"{base_url}/reliance", params={"on": on}, timeout=60)
        assert response.status_code == 200
        data = response.json()
        assert (data["on"], data["window_years"]) == (on, 3)
        return [p for p in data["pairs"] if "Plymouth City Council" in (p["a_label"], p["b_label"])]

    (during,) = plymouth("2018-03-21")  # the Islington peer team on site
    assert (during["hangs_on"], during["kinds"]) == ("Giles Perritt", ["post", "team-seat"])
    assert {c["kind"] for c in during["carried"]} == {"post", "team-seat"}
    assert plymouth("2018-06-01") == []
    everything = httpx.get(f"{base_url}/reliance", timeout=60).json()
    assert everything["on"] is None
    assert [p["label"] for p in everything["partnerships"]] == [
        "London Borough of Islington partnerships"
    ]
    for bad in ({"on": "2018-13-01"}, {"window": "-1"}):
        assert httpx.get(f"{base_url}/reliance", params=bad, timeout=30).status_code == 422


def test_the_shared_analysis_is_made_once_per_build_and_date() -> None:
    from visualisations.routes import MapCache

    cache, made = MapCache(), []

    def make(tag: str) -> Any:
        made.append(tag)
        return tag

    assert cache.analysis(("b", None), lambda: make("1")) == "1"
    assert cache.analysis(("b", None), lambda: make("again")) == "1"
    cache.analysis(("b", "2019"), lambda: make("2"))
    cache.analysis(("b", "2020"), lambda: make("3"))  # the oldest goes
    assert made == ["1", "2", "3"] and list(cache.analyses) == [("b", "2019"), ("b", "2020")]

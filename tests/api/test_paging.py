"""Every list endpoint pages: pages follow `next` to the end, join up to the whole list, and
equal the CSV of the whole list; each answer is what the OpenAPI schema says it is."""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx
import pytest
from pydantic import BaseModel

from api.models import (
    Challenges,
    Councils,
    Leads,
    Partnerships,
    People,
    Recommendations,
    SearchResults,
)

LISTS: list[tuple[str, dict[str, Any], type[BaseModel]]] = [
    ("/councils", {}, Councils),
    ("/people", {}, People),
    ("/challenges", {}, Challenges),
    ("/partnerships", {}, Partnerships),
    ("/leads", {"include_past": "true"}, Leads),
    ("/recommendations", {}, Recommendations),
    ("/search", {"q": "lon"}, SearchResults),
]


@pytest.mark.parametrize(("path", "params", "model"), LISTS, ids=[p for p, _, _ in LISTS])
def test_pages_join_up_to_the_whole_list(
    client: httpx.Client, path: str, params: dict[str, Any], model: type[BaseModel]
) -> None:
    first = client.get(path, params={**params, "limit": 7})
    assert first.status_code == 200
    body = first.json()
    model.model_validate(body)  # exactly the documented shape
    total, seen, pages = body["total"], [i["iri"] for i in body["items"]], 1
    assert len(seen) == min(7, total)
    url = body["next"]
    while url:
        page = client.get(url).json()
        model.model_validate(page)
        assert page["total"] == total and len(page["items"]) <= 7
        seen += [i["iri"] for i in page["items"]]
        url, pages = page["next"], pages + 1
    assert len(seen) == total and pages == max(1, -(-total // 7))
    whole = client.get(path, params={**params, "format": "csv"})
    assert whole.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(whole.text)))
    assert [row["iri"] for row in rows] == seen


def test_a_default_page_is_short_and_points_at_the_next(client: httpx.Client) -> None:
    body = client.get("/councils").json()
    assert body["total"] > 300 and len(body["items"]) == body["limit"] == 50
    assert body["next"].endswith("offset=50") or "offset=50" in body["next"]
    last = client.get("/councils", params={"offset": body["total"] - 1}).json()
    assert len(last["items"]) == 1 and last["next"] is None


def test_csv_of_nested_rows_flattens_references(client: httpx.Client) -> None:
    text = client.get("/leads", params={"include_past": "true", "format": "csv"}).text
    header = next(csv.reader(io.StringIO(text)))
    assert {"iri", "person.iri", "person.label", "organisation.iri", "source.document"} <= set(
        header
    )

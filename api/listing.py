"""Every list endpoint's pages: `limit` and `offset`, the total, a `next` link, and the whole
list as CSV (`format=csv`, streamed) for those who want it all.

Rows arrive as plain dictionaries in the shape the endpoint's response model documents
(built from the engine's results, never a model object per row), are written with `json`
in one call, and the OpenAPI schema still describes them exactly (the route keeps its
`response_model`; tests compare every answer with the schema).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import Depends, Query, Request
from fastapi.responses import Response, StreamingResponse

DEFAULT_LIMIT = 50  # a page a person can read
MAX_LIMIT = 1000
CSV_MEDIA = "text/csv; charset=utf-8"
# What list endpoints declare besides JSON: the CSV their `format=csv` streams.
CSV_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {"text/csv": {"schema": {"type": "string"}}},
        "description": "one page as JSON; the whole list as CSV with format=csv",
    }
}


@dataclass(frozen=True)
class Paging:
    limit: int
    offset: int
    format: str

    @property
    def csv(self) -> bool:
        return self.format == "csv"

    def page(self, items: Sequence[Any]) -> Sequence[Any]:
        return items[self.offset : self.offset + self.limit]


def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="items per page")] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, le=1_000_000, description="items to skip")] = 0,
    format: Annotated[
        Literal["json", "csv"],
        Query(description="json: one page; csv: the whole list, every page, streamed"),
    ] = "json",
) -> Paging:
    return Paging(limit=limit, offset=offset, format=format)


PagingDep = Annotated[Paging, Depends(paging)]


def next_link(request: Request, paging: Paging, total: int) -> str | None:
    """The URL of the page after this one (same filters), or None on the last page."""
    after = paging.offset + paging.limit
    if after >= total:
        return None
    return str(request.url.include_query_params(offset=after, limit=paging.limit))


def page_response(
    request: Request,
    paging: Paging,
    items: Sequence[Mapping[str, Any]],
    *,
    total: int | None = None,
    extra: Mapping[str, Any] | None = None,
    whole: Iterable[Mapping[str, Any]] | None = None,
) -> Response:
    """One page of `items` as JSON, or (`format=csv`) every row of `whole` (default `items`)
    as CSV. `total` is the length of the whole list when `items` holds only this page."""
    if paging.csv:
        return StreamingResponse(
            csv_lines(list(whole if whole is not None else items)), media_type=CSV_MEDIA
        )
    if total is None:
        total, items = len(items), paging.page(items)
    body = {
        **(extra or {}),
        "total": total,
        "limit": paging.limit,
        "offset": paging.offset,
        "next": next_link(request, paging, total),
        "items": list(items),
    }
    return json_response(body)


def json_response(body: Any, status: int = 200) -> Response:
    """As FastAPI's JSONResponse writes it, in one call."""
    data = json.dumps(body, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return Response(data.encode(), status_code=status, media_type="application/json")


def flatten(row: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested fields as `person.label`; a list as its items' IRIs (or values) joined by "; "."""
    flat: dict[str, Any] = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(flatten(value, name + "."))
        elif isinstance(value, list):
            flat[name] = "; ".join(
                str(v.get("iri") or v.get("label") or "") if isinstance(v, Mapping) else str(v)
                for v in value
            )
        else:
            flat[name] = value
    return flat


def csv_lines(rows: Sequence[Mapping[str, Any]]) -> Iterator[bytes]:
    """The header (every column any row has, in first-seen order), then one line per row."""
    flat = [flatten(row) for row in rows]
    columns: dict[str, None] = {}
    for row in flat:
        columns.update(dict.fromkeys(row))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\r\n")
    writer.writeheader()
    for start in range(0, len(flat), 500):
        for row in flat[start : start + 500]:
            writer.writerow({k: "" if v is None else v for k, v in row.items()})
        yield buffer.getvalue().encode()
        buffer.seek(0)
        buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue().encode()

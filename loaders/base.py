"""What every document loader shares: the entry-point type and the document record."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Literal, Protocol

from councilgraph.settings import Settings
from loaders.dates import first_day, latest_past_mention
from loaders.records import DocumentRecord, OrgRef, Provenance, Record
from loaders.source import Source


class Readable(Protocol):
    """What a document record needs of the file it was read from."""

    @property
    def path(self) -> Path: ...
    @property
    def sha256(self) -> str: ...
    @property
    def pages(self) -> int | None: ...
    @property
    def key(self) -> str: ...
    def text(self) -> str: ...


Loader = Callable[
    ..., Iterator[Record]
]  # load(source: Path, *, settings: Settings) -> Iterator[Record]
Detector = Callable[[Source], float]  # 0.0 (surely not this genre) .. 1.0 (surely this genre)


def document_record(
    source: Readable,
    *,
    genre: str,
    title: str,
    date: date | None,
    publisher: OrgRef | None,
    infer_date: bool = False,
) -> DocumentRecord:
    """The record of the document itself; its provenance is the document as a whole. With
    `infer_date`, a document that prints no date is dated by a lower bound (see
    `loaders.dates.latest_past_mention`), marked as inferred."""
    basis: Literal["inferred"] | None = None
    evidence = None
    if date is None and infer_date:
        latest = latest_past_mention(source.text())
        if latest is not None:
            date, basis = first_day(latest), "inferred"
            evidence = (
                f"no printed date; not before {latest}, the latest date the document "
                "reports as past or present"
            )
    return DocumentRecord(
        key=source.key,
        title=title,
        genre=genre,
        path=source.path.name,
        sha256=source.sha256,
        date=date,
        publisher=publisher,
        provenance=Provenance(document=source.key, location="whole document"),
        pages=source.pages,
        date_basis=basis,
        date_evidence=evidence,
    )


__all__ = ["Detector", "Loader", "Path", "Settings", "document_record"]

"""What every document loader shares: the entry-point type and the document record."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Protocol

from councilgraph.settings import Settings
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


Loader = Callable[
    ..., Iterator[Record]
]  # load(source: Path, *, settings: Settings) -> Iterator[Record]
Detector = Callable[[Source], float]  # 0.0 (surely not this genre) .. 1.0 (surely this genre)


def document_record(
    source: Readable, *, genre: str, title: str, date: date | None, publisher: OrgRef | None
) -> DocumentRecord:
    """The record of the document itself; its provenance is the document as a whole."""
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
    )


__all__ = ["Detector", "Loader", "Path", "Settings", "document_record"]

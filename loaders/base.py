"""What every document loader shares: the entry-point type, the document record, and an
Organisation record for every body a paper's other records name."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Literal

from councilgraph.settings import Settings
from loaders.dates import first_day, latest_past_mention
from loaders.document import Document
from loaders.records import (
    DocumentRecord,
    Meeting,
    Membership,
    Organisation,
    OrgRef,
    Provenance,
    Record,
)

Loader = Callable[..., Iterator[Record]]  # load(document: Document, *, settings: Settings)
Detector = Callable[[Document], float]  # 0.0 (surely not this genre) .. 1.0 (surely this genre)


def document_record(
    source: Document,
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


def with_organisations(records: Iterable[Record]) -> Iterator[Record]:
    """The records with repeated Organisation records dropped, and an Organisation added for
    every body a membership or meeting names that no Organisation record states."""
    stated: set[OrgRef] = set()
    named: dict[OrgRef, Provenance] = {}
    for record in records:
        if isinstance(record, Organisation):
            if record.ref in stated:
                continue
            stated.add(record.ref)
        elif isinstance(record, Membership) and isinstance(record.organisation, OrgRef):
            named.setdefault(record.organisation, record.provenance)
        elif isinstance(record, Meeting):
            named.setdefault(record.body, record.provenance)
        yield record
    for ref, where in named.items():
        if ref not in stated:
            yield Organisation(ref, where)


__all__ = ["Detector", "Loader", "Path", "Settings", "document_record", "with_organisations"]

"""Quarantine: a document that cannot be read, or whose facts cannot stand in the graph, is
set aside with its file, place and reason, and the rest of the corpus builds without it.

Two checks, before anything is mapped: the loader read the document (a `LoaderError`, or any
failure of a loader on it, is caught per document); and every peer challenge it states is of
a council in the register of English local authorities (a challenge, its recommendations and
its team hang on that council's GSS code, so they cannot be stated of an unknown one). Other
organisations never set a document aside: see `graph.resolve.Resolver.unmatched`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass

from graph.resolve import Resolver
from loaders import records as r
from loaders.organisations import looks_like_english_council


@dataclass(frozen=True)
class Skipped:
    """A document left out of a build, and why."""

    file: str
    location: str
    reason: str

    def as_dict(self) -> dict[str, str]:
        return asdict(self)

    def __str__(self) -> str:
        where = f" ({self.location})" if self.location else ""
        return f"{self.file}{where}: {self.reason}"


def _challenges(record: r.Record) -> Iterator[r.ChallengeRef]:
    """The peer challenges a record states something about."""
    if isinstance(record, r.PeerChallenge):
        yield record.ref
        if record.follow_up_of is not None:
            yield record.follow_up_of
    elif isinstance(record, r.Recommendation):
        yield record.challenge
    elif isinstance(record, r.Membership) and isinstance(record.organisation, r.ChallengeRef):
        yield record.organisation
    elif isinstance(record, r.Figure | r.Action):
        target = record.about if isinstance(record, r.Figure) else record.responds_to
        if isinstance(target, r.ChallengeRef):
            yield target
        elif isinstance(target, r.RecommendationRef):
            yield target.challenge


def screen(records: Iterable[r.Record], resolver: Resolver) -> tuple[list[r.Record], list[Skipped]]:
    """The records of the documents that can stand, and the documents set aside."""
    by_document: dict[str, list[r.Record]] = {}
    for record in records:
        by_document.setdefault(record.provenance.document, []).append(record)
    kept: list[r.Record] = []
    skipped: list[Skipped] = []
    for found in by_document.values():
        problem = _problem(found, resolver)
        if problem is None:
            kept.extend(found)
        else:
            skipped.append(problem)
    return kept, skipped


def _problem(records: list[r.Record], resolver: Resolver) -> Skipped | None:
    file = next(
        (x.path for x in records if isinstance(x, r.DocumentRecord)),
        records[0].provenance.document,
    )
    for record in records:
        for challenge in _challenges(record):
            name = challenge.council.name
            if resolver.find_council(name) is None:
                nearest = resolver.suggest(name) if looks_like_english_council(name) else ()
                hint = f"; nearest in the register: {', '.join(nearest)}" if nearest else ""
                return Skipped(
                    file,
                    record.provenance.location,
                    f"the peer challenge is of {name!r}, which is not in the register of "
                    f"English local authorities{hint} (add the name to registers/aliases.yaml "
                    "if it is one)",
                )
    return None

"""Loaders: one module per source genre, each turning a document into records with provenance.

`LOADERS` maps a genre name to its module; `detect_genre` picks the loader for a file from
its wording, and a user can force one (`councilgraph build --genre FILE=GENRE`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

from councilgraph.errors import LoaderError
from councilgraph.settings import Settings
from loaders import (
    council_plan,
    follow_up_report,
    lga_board_paper,
    london_councils_paper,
    peer_challenge_report,
    registers,
    theme_overrides,
)
from loaders.document import Document
from loaders.reader import DOCUMENT_SUFFIXES, read_document
from loaders.records import Record
from loaders.source import TEXT_SUFFIXES as LINE_SUFFIXES
from loaders.source import read_source

LOADERS: dict[str, ModuleType] = {
    peer_challenge_report.GENRE: peer_challenge_report,
    follow_up_report.GENRE: follow_up_report,
    london_councils_paper.GENRE: london_councils_paper,
    lga_board_paper.GENRE: lga_board_paper,
    council_plan.GENRE: council_plan,
}
REGISTER_SUFFIXES = {".csv", ".yaml", ".yml"}
MIN_CONFIDENCE = 0.3


def _reads_document(module: ModuleType) -> bool:
    """Genres read from the document structure; the rest (being ported) from lines."""
    return getattr(module, "READS", "lines") == "document"


def _score(module: ModuleType, document: Document) -> float:
    if _reads_document(module):
        return float(module.detect(document))
    if document.path.suffix.lower() not in LINE_SUFFIXES | {".pdf"}:
        return 0.0
    return float(module.detect(read_source(document.path)))


def detect_genre(path: Path, document: Document | None = None) -> str:
    """The genre whose detector is surest about this document; LoaderError if none is sure."""
    document = document or read_document(path)
    scores = sorted(
        ((_score(module, document), genre) for genre, module in LOADERS.items()), reverse=True
    )
    best_score, best = scores[0]
    if best_score < MIN_CONFIDENCE:
        raise LoaderError(
            path,
            "",
            f"cannot tell what kind of document this is (best guess {best!r} at {best_score:.2f})",
            hint=f"force one with --genre {path.name}=GENRE; genres: {', '.join(LOADERS)}",
        )
    return best


def load_document(path: Path, *, settings: Settings, genre: str | None = None) -> Iterator[Record]:
    """The records of one document: read once into its structure, its genre detected (or
    forced), then its genre's loader."""
    if genre is not None and genre not in LOADERS:
        raise LoaderError(path, "", f"unknown genre {genre!r}", hint=f"one of {', '.join(LOADERS)}")
    document = read_document(path)
    module = LOADERS[genre or detect_genre(path, document)]
    if _reads_document(module):
        records: Iterator[Record] = module.load(document, settings=settings)
    else:
        records = module.load(path, settings=settings)
    return records


def load_register(path: Path, *, settings: Settings) -> Iterator[Record]:
    if theme_overrides.is_theme_overrides(path):
        return theme_overrides.load(path, settings=settings)
    records: Iterator[Record] = registers.load_register(path, settings=settings)
    return records


def is_document(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in DOCUMENT_SUFFIXES


def is_register(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in REGISTER_SUFFIXES

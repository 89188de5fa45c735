"""The councilgraph ontology, SKOS schemes, topic thesaurus and SHACL shapes, as Turtle files
beside this module."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
ONTOLOGY = HERE / "councilgraph.ttl"
SCHEMES = HERE / "schemes.ttl"
TOPICS = HERE / "topics.ttl"
SHAPES = HERE / "shapes.ttl"


def ontology_files() -> list[Path]:
    """The files that make up the ontology named graph (OWL core, SKOS schemes, topics)."""
    return [ONTOLOGY, SCHEMES, TOPICS]


def shapes_file() -> Path:
    return SHAPES

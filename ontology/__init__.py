"""The councilgraph ontology, SKOS schemes and SHACL shapes, as Turtle files beside this module."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
ONTOLOGY = HERE / "councilgraph.ttl"
SCHEMES = HERE / "schemes.ttl"
SHAPES = HERE / "shapes.ttl"


def ontology_files() -> list[Path]:
    """The files that make up the ontology named graph (OWL core and SKOS schemes)."""
    return [ONTOLOGY, SCHEMES]


def shapes_file() -> Path:
    return SHAPES

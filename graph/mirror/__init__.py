"""The property-graph mirror of the RDF store: Neo4j 5 (Bolt) and FalkorDB.

    projection.py   RDF -> nodes and relationships (pure; MAPPING.md explains the mapping)
    targets.py      the Target interface, URIs, credentials; neo4j_target.py, falkordb_target.py
    sync.py         diff against the target, write only the difference, in UNWIND batches
    check.py        compare the target with the projection
    leads.py        "who led what on a date" in Cypher, the same rows as /leads

Only this package imports `neo4j` or `falkordb`.
"""

from __future__ import annotations

from graph.mirror.check import CheckReport, check
from graph.mirror.projection import Projection, project, project_store
from graph.mirror.sync import SyncReport, sync
from graph.mirror.targets import Credentials, Target, open_target, redact

__all__ = [
    "CheckReport",
    "Credentials",
    "Projection",
    "SyncReport",
    "Target",
    "check",
    "open_target",
    "project",
    "project_store",
    "redact",
    "sync",
]

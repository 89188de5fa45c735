"""Analyses that add statements after mapping: theme classification overrides, similar
recommendations, and responses. Each writes into the named graph of the source it
derives from, or into the analyses graph, with the method and version that made it."""

from __future__ import annotations

from collections.abc import Sequence

from graph.context import Context
from loaders import records as r


def enrich(ctx: Context, records: Sequence[r.Record]) -> None:
    """Run every analysis over the mapped records (extension point for issue 7)."""
    return None

"""Wordings that mean the same in every genre, so that every loader reads them alike."""

from __future__ import annotations

import re

# A source saying that partnerships or relationships hang on individuals.
RELIES_ON_INDIVIDUALS = re.compile(
    r"relian(?:t|ce)\s+(?:up)?on\s+(?:\w+\s+)?(?:individual|personal)\s+relationships"
    r"|relian(?:t|ce)\s+(?:up)?on\s+(?:key\s+)?individuals"
    r"|depend\w*\s+(?:heavily\s+)?(?:up)?on\s+(?:key\s+)?"
    r"(?:individuals|individual relationships|personal relationships)"
    r"|rel(?:y|ies|ying)\s+(?:heavily\s+|too\s+much\s+)?(?:up)?on\s+(?:key\s+|a few\s+)?"
    r"(?:individuals|personal relationships|individual relationships)"
    r"|personality[- ](?:driven|dependent)"
    r"|\brel(?:y|ies|iant|ying|iance) (?:up)?on individual",
    re.IGNORECASE,
)

"""Classifying recommendations against the peer challenge themes (core components).

A transparent rule set: each theme has cue words; the heading a recommendation sits under
counts double. Confidence is the theme's share of the cue score. The method and its
version are recorded on every classification so a later method can be told apart.
"""

from __future__ import annotations

import re

from rdflib import URIRef

from graph.namespaces import THEME

METHOD = "councilgraph-rules/1"

CUES: dict[str, tuple[str, ...]] = {
    "local-priorities-and-outcomes": (
        "priorit", "outcome", "vision", "performance", "measure", "data", "evaluat", "fairness",
        "communit", "resident", "place", "strategy", "plan", "impact", "target", "ambition",
    ),
    "organisational-and-place-leadership": (
        "partner", "leader", "leadership", "health", "voluntary", "business", "place",
        "collaborat", "engage", "relationship", "system lead", "empower", "external",
    ),
    "governance-and-culture": (
        "governance", "decision", "scrutiny", "risk", "audit", "culture", "member", "councillor",
        "accountab", "bureaucra", "values", "behaviour", "silo", "transparen",
    ),
    "financial-planning-and-management": (
        "financ", "budget", "cost", "saving", "reserve", "capital", "income", "commercial",
        "money", "mtfs", "spend", "fund", "value for money", "efficien", "asset", "procurement",
    ),
    "capacity-for-improvement": (
        "capacity", "staff", "workforce", "skill", "people strategy", "programme management",
        "transformation", "change", "pace", "deliver", "ict", "digital", "interim", "agency",
        "induction", "development", "resource", "project", "modernis", "improvement",
        "reform", "redesign", "learn", "lesson", "innovat", "traditional", "forward looking",
        "failure", "weakness",
    ),
}


def _score(text: str) -> dict[str, float]:
    lowered = text.lower()
    return {
        theme: float(sum(len(re.findall(r"\b" + re.escape(cue), lowered)) for cue in cues))
        for theme, cues in CUES.items()
    }


def classify(text: str, group: str | None = None) -> list[tuple[URIRef, float]]:
    """Themes with confidence in (0, 1], best first; at most two, empty if no cue matches."""
    scores = _score(text)
    if group:
        for theme, value in _score(group).items():
            scores[theme] += 2 * value
    total = sum(scores.values())
    if not total:
        return []
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    best = ranked[0][1]
    chosen = [(t, s) for t, s in ranked[:2] if s > 0 and s >= best / 2]
    return [(THEME[t], round(s / total, 3)) for t, s in chosen]

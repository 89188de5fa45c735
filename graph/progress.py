"""What councils did about their peer challenges: per challenge, every recommendation with
the actions that respond to it (status, evidence, source, and why they were linked), the
actions that answer the challenge as a whole, and follow-up visits.

Pure over a store: SPARQL with bound values (graph.sparql.rows), results as dataclasses.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

import pyoxigraph as ox

from councilgraph.errors import QueryError
from graph.namespaces import sparql_prologue
from graph.sparql import rows

_CHALLENGES = (
    sparql_prologue()
    + """
SELECT DISTINCT ?challenge ?label ?council ?councilName ?start ?type ?target ?text WHERE {
  ?challenge a cg:PeerChallenge ; cg:subject ?council .
  ?council skos:prefLabel ?councilName .
  OPTIONAL { ?challenge rdfs:label ?label }
  OPTIONAL { ?challenge cg:startDate ?start }
  OPTIONAL { ?challenge cg:challengeType ?type }
  FILTER(?challenge = ?target || ?council = ?target || EXISTS {
    ?council skos:prefLabel|skos:altLabel ?name FILTER(LCASE(STR(?name)) = LCASE(?text)) })
}
ORDER BY ?start ?challenge
"""
)
_RECOMMENDATIONS = (
    sparql_prologue()
    + """
SELECT ?challenge ?rec ?number ?position ?key ?text (GROUP_CONCAT(DISTINCT STR(?theme); separator=" ") AS ?themes)
WHERE {
  ?rec a cg:Recommendation ; cg:madeBy ?challenge ; cg:text ?text ; cg:isKeyRecommendation ?key .
  OPTIONAL { ?rec cg:number ?number } OPTIONAL { ?rec cg:position ?position }
  OPTIONAL { ?rec dct:subject ?theme }
}
GROUP BY ?challenge ?rec ?number ?position ?key ?text
ORDER BY DESC(?key) ?position ?rec
"""
)
_ACTIONS = (
    sparql_prologue()
    + """
SELECT ?challenge ?target ?targetNumber ?action ?text ?status ?lead ?due ?source ?date ?basis
       (GROUP_CONCAT(DISTINCT STR(?evidence); separator=" ") AS ?evidences) WHERE {
  { ?action cg:respondsTo ?challenge . BIND(?challenge AS ?target) }
  UNION { ?target cg:madeBy ?challenge . ?action cg:respondsTo ?target
          OPTIONAL { ?target cg:number ?targetNumber } }
  ?action a cg:Action ; cg:text ?text .
  OPTIONAL { ?action cg:status ?status }
  OPTIONAL { ?action cg:actionLead ?lead }
  OPTIONAL { ?action cg:dueDate ?due }
  OPTIONAL { ?action prov:wasDerivedFrom ?source OPTIONAL { ?source dct:date ?date } }
  OPTIONAL { ?action cg:linkBasis ?basis }
  OPTIONAL { ?action cg:evidence ?evidence }
  OPTIONAL { ?action cg:sourcePage ?page }
  OPTIONAL { ?action cg:sourceLine ?line }
}
GROUP BY ?challenge ?target ?targetNumber ?action ?text ?status ?lead ?due ?source ?date ?basis
         ?page ?line
ORDER BY ?date ?source ?page ?line ?action
"""
)
_FOLLOW_UPS = (
    sparql_prologue()
    + """
SELECT ?challenge ?followUp ?label ?start ?planned WHERE {
  ?followUp cg:followUpOf ?challenge .
  OPTIONAL { ?followUp rdfs:label ?label }
  OPTIONAL { ?followUp cg:startDate|cg:plannedStart ?start }
  OPTIONAL { ?followUp cg:isPlanned ?planned }
}
ORDER BY ?start
"""
)
CHALLENGE_KEY = re.compile(r"^E\d{8}-\d{4}(?:-\d{2})?(?:-[a-z-]+)?$")


@dataclass
class ActionView:
    iri: str
    text: str
    status: str | None
    source: str | None
    date: str | None
    evidence: list[str]
    link_basis: str | None = None
    lead: str | None = None  # as the source prints it
    due: str | None = None  # a day, "YYYY-MM" or "YYYY"


@dataclass
class RecommendationProgress:
    iri: str
    number: str | None
    is_key: bool
    text: str
    themes: list[str]
    actions: list[ActionView] = field(default_factory=list)

    @property
    def answered(self) -> bool:
        return bool(self.actions)


@dataclass
class ChallengeProgress:
    challenge: str
    label: str | None
    council: str
    council_name: str
    start: str | None
    recommendations: list[RecommendationProgress]
    challenge_actions: list[ActionView]  # responses to the challenge as a whole
    follow_ups: list[dict[str, Any]]

    @property
    def summary(self) -> dict[str, Any]:
        statuses: dict[str, int] = {}
        for rec in self.recommendations:
            for action in rec.actions:
                statuses[action.status or "unstated"] = (
                    statuses.get(action.status or "unstated", 0) + 1
                )
        answered = sum(rec.answered for rec in self.recommendations)
        return {
            "recommendations": len(self.recommendations),
            "with_response": answered,
            "without_response": len(self.recommendations) - answered,
            "challenge_actions": len(self.challenge_actions),
            "action_statuses": statuses,
        }

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "summary": self.summary}


def target_term(reference: str, things: str) -> ox.NamedNode | None:
    """A challenge or council IRI from an IRI, a challenge key or a GSS code; None for a name."""
    reference = reference.strip()
    if reference.startswith(("http://", "https://")):
        return ox.NamedNode(reference)
    if CHALLENGE_KEY.match(reference):
        return ox.NamedNode(f"{things}challenge/{reference}")
    if re.fullmatch(r"E\d{8}", reference):
        return ox.NamedNode(f"{things}council/{reference}")
    return None


def _action(row: dict[str, Any]) -> ActionView:
    return ActionView(
        row["action"],
        row["text"],
        row.get("status"),
        row.get("source"),
        row.get("date"),
        sorted(row.get("evidences", "").split()),
        row.get("basis"),
        row.get("lead"),
        row.get("due"),
    )


def _number_key(number: str | None) -> tuple[int, str]:
    digits = re.search(r"\d+", number or "")
    return (int(digits[0]) if digits else 0, number or "")


def challenge_progress(store: ox.Store, challenge: dict[str, Any]) -> ChallengeProgress:
    bind = {"challenge": ox.NamedNode(challenge["challenge"])}
    recs = [
        RecommendationProgress(
            row["rec"],
            row.get("number"),
            bool(row["key"]),
            row["text"],
            sorted(row.get("themes", "").split()),
        )
        for row in rows(store, _RECOMMENDATIONS, bind)
    ]
    by_iri = {rec.iri: rec for rec in recs}
    whole: list[ActionView] = []
    unstated: dict[str, RecommendationProgress] = {}  # referred to by number, not restated
    for row in rows(store, _ACTIONS, bind):
        target = row["target"]
        if target == challenge["challenge"]:
            whole.append(_action(row))
            continue
        if target not in by_iri:
            by_iri[target] = unstated[target] = RecommendationProgress(
                target, row.get("targetNumber"), False, "", []
            )
        by_iri[target].actions.append(_action(row))
    recs += sorted(unstated.values(), key=lambda rec: _number_key(rec.number))
    return ChallengeProgress(
        challenge["challenge"],
        challenge.get("label"),
        challenge["council"],
        challenge["councilName"],
        challenge.get("start"),
        recs,
        whole,
        rows(store, _FOLLOW_UPS, bind),
    )


def progress(store: ox.Store, reference: str, things: str) -> list[ChallengeProgress]:
    """Progress of one challenge, or of every challenge of a council (IRI, GSS code or name)."""
    target = target_term(reference, things)
    bindings: dict[str, Any] = {"target": target} if target else {"text": reference}
    found = rows(store, _CHALLENGES, bindings)
    if not found:
        raise QueryError(f"no peer challenge or council matches {reference!r}", status=404)
    unique = {row["challenge"]: row for row in found}
    return [challenge_progress(store, row) for row in unique.values()]

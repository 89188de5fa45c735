"""What the maps read from the store: memberships, peer teams, partnerships, documents.

Plain SPARQL (values bound through `graph.sparql`, never pasted) turned into small dataclasses,
so that `projections` can stay about graph shape.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from graph.namespaces import CG, sparql_prologue
from graph.sparql import rows

_MEMBERSHIPS = (
    sparql_prologue()
    + """
SELECT ?m ?person ?name ?org ?orgLabel ?roleLabel ?areaLabel ?start ?end ?doc WHERE {
  ?m a org:Membership ; org:member ?person ; org:organization ?org .
  OPTIONAL { ?person foaf:name ?name }
  OPTIONAL { ?org skos:prefLabel ?orgLabel }
  OPTIONAL { ?m org:role/skos:prefLabel ?roleLabel }
  OPTIONAL { ?m cg:policyArea/skos:prefLabel ?areaLabel }
  OPTIONAL { ?m cg:startDate ?start }
  OPTIONAL { ?m cg:endDate ?end }
  OPTIONAL { ?m cg:statedIn ?doc }
}
"""
)

_TYPES = (
    sparql_prologue()
    + """
SELECT DISTINCT ?thing ?type WHERE {
  { ?m a org:Membership ; org:organization ?thing } UNION { ?p org:hasMember ?thing }
  UNION { ?thing a cg:Partnership } UNION { ?c cg:subject ?thing }
  ?thing a ?type .
}
"""
)

_TEAMS = (
    sparql_prologue()
    + """
SELECT ?team ?subject ?subjectLabel ?challenge ?label ?start ?doc WHERE {
  ?challenge a cg:PeerChallenge ; cg:peerTeam ?team ; cg:subject ?subject .
  OPTIONAL { ?subject skos:prefLabel ?subjectLabel }
  OPTIONAL { ?challenge rdfs:label ?label }
  OPTIONAL { ?challenge cg:startDate ?start }
  OPTIONAL { ?challenge cg:reportedIn|prov:wasDerivedFrom ?doc }
}
"""
)

_PARTNERSHIPS = (
    sparql_prologue()
    + """
SELECT ?partnership ?label ?member ?memberLabel ?reliant ?statement ?location ?doc WHERE {
  ?partnership a cg:Partnership .
  OPTIONAL { ?partnership skos:prefLabel ?label }
  OPTIONAL { ?partnership org:hasMember ?member . OPTIONAL { ?member skos:prefLabel ?memberLabel } }
  OPTIONAL { ?partnership cg:reliesOnIndividualRelationships ?reliant }
  OPTIONAL { ?partnership cg:statement ?statement }
  OPTIONAL { ?partnership cg:sourceLocation ?location }
  OPTIONAL { ?partnership prov:wasDerivedFrom ?doc }
}
"""
)

_DOCUMENTS = (
    sparql_prologue()
    + """
SELECT ?doc ?title ?date WHERE {
  ?doc a cg:Document . OPTIONAL { ?doc dct:title ?title } OPTIONAL { ?doc dct:date ?date }
}
"""
)

_COUNCIL_BY_GSS = sparql_prologue() + "SELECT ?council ?gss WHERE { ?council cg:gssCode ?gss }"

_KINDS = [  # most specific first
    (str(CG.Council), "council"),
    (str(CG.PeerTeam), "peer-team"),
    (str(CG.Partnership), "partnership"),
]


@dataclass
class Team:
    subject: str
    subject_label: str
    label: str
    year: int | None
    doc: str | None


@dataclass
class Partnership:
    """A partnership as the sources describe it; `reliant` when one says it hangs on individuals."""

    iri: str
    label: str
    members: dict[str, str] = field(default_factory=dict)  # IRI -> label
    reliant: bool = False
    statement: str = ""
    location: str = ""
    source: str = ""


def year_of(value: Any) -> int | None:
    text = str(value or "")
    return int(text[:4]) if text[:4].isdigit() else None


def _label(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1].replace("-", " ")


def org_kinds(store: ox.Store) -> dict[str, str]:
    """Each organisation-like thing's kind, by its most specific class."""
    types: dict[str, set[str]] = defaultdict(set)
    for row in rows(store, _TYPES):
        types[row["thing"]].add(row["type"])
    return {
        thing: next((kind for cls, kind in _KINDS if cls in found), "organisation")
        for thing, found in types.items()
    }


def peer_teams(store: ox.Store) -> dict[str, Team]:
    teams: dict[str, Team] = {}
    for row in rows(store, _TEAMS):
        teams.setdefault(
            row["team"],
            Team(
                subject=row["subject"],
                subject_label=row.get("subjectLabel") or _label(row["subject"]),
                label=row.get("label") or _label(row["challenge"]),
                year=year_of(row.get("start")),
                doc=row.get("doc"),
            ),
        )
    return teams


def partnerships(store: ox.Store) -> list[Partnership]:
    found: dict[str, Partnership] = {}
    for row in rows(store, _PARTNERSHIPS):
        item = found.setdefault(
            row["partnership"],
            Partnership(
                iri=row["partnership"], label=row.get("label") or _label(row["partnership"])
            ),
        )
        if "member" in row:
            item.members[row["member"]] = row.get("memberLabel") or _label(row["member"])
        item.reliant = item.reliant or bool(row.get("reliant"))
        item.statement = item.statement or row.get("statement", "")
        item.location = item.location or row.get("location", "")
        item.source = item.source or row.get("doc", "")
    return sorted(found.values(), key=lambda p: p.label)


def documents(store: ox.Store) -> dict[str, tuple[str, str]]:
    """Document IRI -> (title, date) for the print footer and tooltips."""
    return {
        r["doc"]: (r.get("title") or _label(r["doc"]), str(r.get("date") or ""))
        for r in rows(store, _DOCUMENTS)
    }


def council_iri(store: ox.Store, gss: str) -> str | None:
    found = rows(store, _COUNCIL_BY_GSS, {"gss": gss})
    return found[0]["council"] if found else None


@dataclass(frozen=True)
class Membership:
    """One org:Membership: who, where, in which post, said where."""

    iri: str
    person: str
    name: str
    org: str
    org_label: str
    post: str
    area: str | None
    start: str | None
    end: str | None
    sources: tuple[str, ...]

    @property
    def years(self) -> set[int]:
        return {y for y in (year_of(self.start), year_of(self.end)) if y is not None}


def memberships(store: ox.Store) -> list[Membership]:
    """Every membership, one object each (a membership stated in two documents keeps both)."""
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows(store, _MEMBERSHIPS):
        grouped[row["m"]].append(row)
    found = []
    for iri, group in sorted(grouped.items()):
        first = group[0]
        found.append(
            Membership(
                iri=iri,
                person=first["person"],
                name=first.get("name") or _label(first["person"]),
                org=first["org"],
                org_label=first.get("orgLabel") or _label(first["org"]),
                post=first.get("roleLabel", ""),
                area=first.get("areaLabel"),
                start=first.get("start"),
                end=first.get("end"),
                sources=tuple(sorted({r["doc"] for r in group if "doc" in r})),
            )
        )
    return found

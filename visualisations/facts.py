"""What the maps read from the store, read once: posts, names, kinds, teams, partnerships.

`load(store)` runs a handful of small queries, each starting from a class or a property (the
bound part), never a join of alternatives: the old query for the kinds of the map's nodes
joined four UNION branches before looking types up and took 1,025 s on the 10% corpus;
each query here is one index scan, timed as a step of its own (`visualisations.steps`).
The rows are joined in Python into small dataclasses, so `projections` stay about graph
shape and every map made in one call shares one read of the store.

Time: each membership's tenure as the build works it out (`graph.tenure`): `cg:heldFrom` /
`cg:heldUntil`, `cg:notBefore`, `cg:firstStated` / `cg:lastStated`, `cg:linkKind`, beside
`cg:startDate` / `cg:endDate` (a day, month or year), `cg:isFormer`, `cg:isInterim`,
`cg:isActing`. Whether a membership is live on a date is `graph.live`'s rule, the one /leads
uses: `Membership.span` is the days it is live, under the window of `Facts.window_years`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from graph import live
from graph.namespaces import CG, sparql_prologue
from graph.sparql import rows
from visualisations.steps import Steps

# One scan of one property. The property is written in the text (these are constants of
# this module, never input): bound through VALUES, Oxigraph planned the partnership queries
# from the property (prov:wasDerivedFrom: 100,000 triples at 100%) and took 2.1 s, not 0.03 s.
_PAIRS = "SELECT ?s ?o WHERE {{ ?s {p} ?o }}"
_OF_PARTNERSHIPS = "SELECT ?s ?o WHERE {{ ?s a cg:Partnership ; {p} ?o }}"
_ROLES = "SELECT ?role ?lead WHERE { ?role a org:Role . BIND(EXISTS { ?role a cg:LeadershipRole } AS ?lead) }"
_LABELS = "SELECT ?x ?label WHERE { ?x skos:prefLabel ?label }"
_ALIASES = "SELECT ?x ?label WHERE { ?x skos:altLabel ?label }"
_NAMES = "SELECT ?x ?name WHERE { ?x a foaf:Person ; foaf:name ?name }"
_KINDS = """SELECT ?x ?type WHERE {
  VALUES ?type { cg:Council cg:PeerTeam cg:Partnership } ?x a ?type }"""
_COUNCILS = """SELECT ?c ?gss ?region ?type WHERE { ?c a cg:Council .
  OPTIONAL { ?c cg:gssCode ?gss } OPTIONAL { ?c cg:region ?region }
  OPTIONAL { ?c cg:authorityType ?type } }"""
_TEAMS = """SELECT ?team ?subject ?challenge ?label ?start ?doc WHERE {
  ?challenge a cg:PeerChallenge ; cg:peerTeam ?team ; cg:subject ?subject .
  OPTIONAL { ?challenge rdfs:label ?label }
  OPTIONAL { ?challenge cg:startDate ?start }
  OPTIONAL { ?challenge cg:reportedIn|prov:wasDerivedFrom ?doc } }"""
_DOCUMENTS = """SELECT ?doc ?title ?date WHERE {
  ?doc a cg:Document . OPTIONAL { ?doc dct:title ?title } OPTIONAL { ?doc dct:date ?date } }"""

WINDOW_YEARS = 3  # the default of the leads_window_years setting
_KIND_OF = {  # most specific first
    str(CG.Council): "council",
    str(CG.PeerTeam): "peer-team",
    str(CG.Partnership): "partnership",
}
_POST_DETAILS = {  # field of Membership <- property
    "role": "org:role",
    "area": "cg:policyArea",
    "start": "cg:startDate",
    "end": "cg:endDate",
    "former": "cg:isFormer",
    "interim": "cg:isInterim",
    "acting": "cg:isActing",
    "held_from": "cg:heldFrom",
    "held_until": "cg:heldUntil",
    "not_before": "cg:notBefore",
    "first_stated": "cg:firstStated",
    "last_stated": "cg:lastStated",
    "link_kind": "cg:linkKind",
}


_PROPERTIES = {
    *_POST_DETAILS.values(),
    "org:member",
    "org:organization",
    "org:hasMember",
    "cg:statedIn",
    "cg:reliesOnIndividualRelationships",
    "cg:statement",
    "cg:contact",
    "cg:sourceLocation",
    "prov:wasDerivedFrom",
}


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
    contacts: set[str] = field(default_factory=set)  # people it names as its contacts
    statement: str = ""
    location: str = ""
    source: str = ""


@dataclass(frozen=True)
class Membership:
    """One org:Membership: who, where, in which post, when, said where."""

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
    leadership: bool = False  # the role is a cg:LeadershipRole
    former: bool = False
    interim: bool = False
    acting: bool = False
    held_from: str | None = None
    held_until: str | None = None
    not_before: str | None = None
    first_stated: str | None = None
    last_stated: str | None = None
    link_kind: str | None = None  # post | commission | team-seat | partnership-seat | former-post

    @property
    def years(self) -> set[int]:
        return {y for y in (year_of(self.start), year_of(self.end)) if y is not None}

    @property
    def evidence(self) -> live.Evidence:
        return live.Evidence(
            held_from=self.held_from,
            held_until=self.held_until,
            not_before=self.not_before,
            first_stated=self.first_stated,
            last_stated=self.last_stated,
            former=self.former,
        )

    def span(self, window_years: int = WINDOW_YEARS) -> live.Span | None:
        """The days it is live (`graph.live`, the rule of /leads); None if on none."""
        return live.span(self.evidence, window_years)


@dataclass
class Facts:
    """Everything the maps need, from one read of the store."""

    memberships: list[Membership] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # prefLabel or foaf:name
    aliases: dict[str, list[str]] = field(default_factory=dict)  # skos:altLabel
    kinds: dict[str, str] = field(default_factory=dict)  # council | peer-team | partnership
    councils: dict[str, dict[str, str]] = field(default_factory=dict)  # gss, region, type
    teams: dict[str, Team] = field(default_factory=dict)
    partnerships: list[Partnership] = field(default_factory=list)
    documents: dict[str, tuple[str, str]] = field(default_factory=dict)  # IRI -> (title, date)
    window_years: int = WINDOW_YEARS  # how long a post with no known end counts (graph.live)

    def label(self, iri: str) -> str:
        return self.labels.get(iri) or _label(iri)

    def council_iri(self, gss: str) -> str | None:
        return next((c for c, d in self.councils.items() if d.get("gss") == gss), None)


def year_of(value: Any) -> int | None:
    text = str(value or "")
    return int(text[:4]) if text[:4].isdigit() else None


def _label(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1].replace("-", " ")


def _select(store: ox.Store, query: str) -> list[dict[str, Any]]:
    return rows(store, sparql_prologue() + query)


def load(store: ox.Store, steps: Steps | None = None, window_years: int = WINDOW_YEARS) -> Facts:
    """Read everything the maps need; each query is a step of its own. `window_years` is
    how long a post with no known end counts after its latest evidence (as on /leads)."""
    steps = steps or Steps()
    facts = Facts(window_years=window_years)
    with steps.step("names and labels"):
        facts.labels = {r["x"]: r["label"] for r in _select(store, _LABELS)}
        facts.labels.update({r["x"]: r["name"] for r in _select(store, _NAMES)})
        for r in _select(store, _ALIASES):
            facts.aliases.setdefault(r["x"], []).append(r["label"])
    with steps.step("kinds of organisation"):
        for r in _select(store, _KINDS):
            kind = _KIND_OF[r["type"]]
            if facts.kinds.get(r["x"]) != "council":  # a council that is also a partner
                facts.kinds[r["x"]] = kind
        for r in _select(store, _COUNCILS):
            facts.councils[r["c"]] = {k: r[k] for k in ("gss", "region", "type") if k in r}
    with steps.step("documents"):
        facts.documents = {
            r["doc"]: (r.get("title") or _label(r["doc"]), str(r.get("date") or ""))
            for r in _select(store, _DOCUMENTS)
        }
    with steps.step("peer teams"):
        facts.teams = _teams(store, facts)
    with steps.step("memberships"):
        facts.memberships = _memberships(store, facts)
    with steps.step("partnerships"):
        facts.partnerships = _partnerships(store, facts)
    return facts


def _teams(store: ox.Store, facts: Facts) -> dict[str, Team]:
    teams: dict[str, Team] = {}
    for row in _select(store, _TEAMS):
        teams.setdefault(
            row["team"],
            Team(
                subject=row["subject"],
                subject_label=facts.label(row["subject"]),
                label=row.get("label") or _label(row["challenge"]),
                year=year_of(row.get("start")),
                doc=row.get("doc"),
            ),
        )
    return teams


def pairs(store: ox.Store, predicate: str, query: str = _PAIRS) -> list[tuple[str, Any]]:
    """(subject, object) of every triple with `predicate` (a prefixed name of this module's)."""
    if predicate not in _PROPERTIES:
        raise ValueError(f"not a property the maps read: {predicate!r}")
    return [(r["s"], r["o"]) for r in _select(store, query.format(p=predicate))]


def _memberships(store: ox.Store, facts: Facts) -> list[Membership]:
    """Every membership, one object each (a membership stated in two documents keeps both).
    Each property is read on its own and joined here: one scan each, where one query with
    an OPTIONAL per property took 4.6 s on the 100% corpus."""
    person = dict(pairs(store, "org:member"))
    org = {m: o for m, o in pairs(store, "org:organization") if m in person}
    more: dict[str, dict[str, Any]] = {
        name: dict(pairs(store, predicate)) for name, predicate in _POST_DETAILS.items()
    }
    sources: dict[str, list[str]] = defaultdict(list)
    for m, doc in pairs(store, "cg:statedIn"):
        if m in org:
            sources[m].append(doc)
    leading = {r["role"] for r in _select(store, _ROLES) if r.get("lead")}
    label = facts.label
    found = []
    for iri in sorted(org):
        role, area = more["role"].get(iri), more["area"].get(iri)
        stated = sorted(set(sources[iri]))
        found.append(
            Membership(
                iri=iri,
                person=person[iri],
                name=label(person[iri]),
                org=org[iri],
                org_label=label(org[iri]),
                post=facts.labels.get(role, "") if role else "",
                area=label(area) if area else None,
                start=_text(more["start"].get(iri)),
                end=_text(more["end"].get(iri)),
                sources=tuple(stated),
                leadership=role in leading,
                former=more["former"].get(iri) is True,
                interim=more["interim"].get(iri) is True,
                acting=more["acting"].get(iri) is True,
                held_from=_text(more["held_from"].get(iri)),
                held_until=_text(more["held_until"].get(iri)),
                not_before=_text(more["not_before"].get(iri)),
                first_stated=_text(more["first_stated"].get(iri)),
                last_stated=_text(more["last_stated"].get(iri)),
                link_kind=_text(more["link_kind"].get(iri)),
            )
        )
    return found


def _partnerships(store: ox.Store, facts: Facts) -> list[Partnership]:
    found = {
        iri: Partnership(iri=iri, label=facts.label(iri))
        for iri, kind in facts.kinds.items()
        if kind == "partnership"
    }
    for p, member in pairs(store, "org:hasMember", _OF_PARTNERSHIPS):
        if p in found:
            found[p].members[member] = facts.label(member)
    for p, value in pairs(store, "cg:reliesOnIndividualRelationships", _OF_PARTNERSHIPS):
        if p in found and value is True:
            found[p].reliant = True
    for p, person in pairs(store, "cg:contact", _OF_PARTNERSHIPS):
        if p in found:
            found[p].contacts.add(person)
    for attribute, predicate in (
        ("statement", "cg:statement"),
        ("location", "cg:sourceLocation"),
        ("source", "prov:wasDerivedFrom"),  # the first source by IRI, as the API's pages say
    ):
        found_pairs = pairs(store, predicate, _OF_PARTNERSHIPS)
        for p, value in sorted(found_pairs, key=lambda pair: str(pair[1])):
            if p in found and not getattr(found[p], attribute):
                setattr(found[p], attribute, str(value))
    return sorted(found.values(), key=lambda p: (p.label, p.iri))


def _text(value: Any) -> str | None:
    return None if value is None else str(value)

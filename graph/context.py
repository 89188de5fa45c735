"""The state one build's mapping shares: the resolver, the minter and the graphs being filled."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.term import Node

from graph.iris import Minter
from graph.namespaces import CG, PROV, XSD
from graph.resolve import Resolver
from graph.triples import TripleSet
from loaders.dates import Month, Year
from loaders.records import ChallengeRef, OrgRef, PersonRef, Provenance


@dataclass
class Context:
    resolver: Resolver
    minter: Minter
    graphs: dict[URIRef, TripleSet] = field(default_factory=dict)
    org_kinds: dict[URIRef, set[str]] = field(default_factory=lambda: defaultdict(set))
    people: dict[URIRef, set[str]] = field(default_factory=lambda: defaultdict(set))  # honorifics
    person_names: dict[URIRef, str] = field(default_factory=dict)
    roles: dict[URIRef, str] = field(default_factory=dict)
    teams: dict[URIRef, tuple[URIRef, ChallengeRef]] = field(default_factory=dict)
    register_keys: dict[str, str] = field(default_factory=dict)  # provenance doc -> register key

    def graph_name(self, provenance: Provenance) -> URIRef:
        if provenance.document.startswith("register-"):
            return self.minter.register(provenance.document.removeprefix("register-"))
        return self.minter.document(provenance.document)

    def graph(self, provenance: Provenance) -> TripleSet:
        return self.named(self.graph_name(provenance))

    def named(self, name: URIRef) -> TripleSet:
        if name not in self.graphs:
            self.graphs[name] = TripleSet(name)
        return self.graphs[name]

    def source(self, provenance: Provenance) -> URIRef:
        """The document or register a fact came from."""
        return self.graph_name(provenance)

    def provenance(self, subject: URIRef, provenance: Provenance) -> None:
        g = self.graph(provenance)
        g.add((subject, PROV.wasDerivedFrom, self.source(provenance)))
        g.add((subject, CG.sourceLocation, Literal(provenance.location)))
        if provenance.line is not None:
            g.add((subject, CG.sourceLine, Literal(provenance.line)))
        if provenance.page is not None:
            g.add((subject, CG.sourcePage, Literal(provenance.page)))

    def org(self, ref: OrgRef, provenance: Provenance) -> URIRef:
        kind, key = self.resolver.organisation(ref, provenance)
        if kind == "council":
            iri = self.minter.council(key)
        else:
            iri = self.minter.organisation(key)
            self.org_kinds[iri].add(kind)
        self.org_kinds[iri].add("named:" + ref.name)
        return iri

    def council(self, ref: OrgRef, provenance: Provenance) -> tuple[URIRef, str]:
        gss = self.resolver.council(ref, provenance)
        self.org_kinds[self.minter.council(gss)].add("named:" + ref.name)
        return self.minter.council(gss), gss

    def challenge(self, ref: ChallengeRef, provenance: Provenance) -> URIRef:
        _, gss = self.council(ref.council, provenance)
        return self.minter.challenge(gss, ref)

    def team(self, ref: ChallengeRef, provenance: Provenance) -> URIRef:
        challenge_iri, gss = (
            self.challenge(ref, provenance),
            self.resolver.council(ref.council, provenance),
        )
        team = self.minter.team(gss, ref)
        self.teams[team] = (challenge_iri, ref)
        return team

    def person(self, ref: PersonRef) -> URIRef:
        key = self.resolver.person(ref)
        iri = self.minter.person(key)
        self.person_names.setdefault(iri, ref.name)
        if ref.honorific:
            self.people[iri].add(ref.honorific)
        else:
            self.people[iri]
        return iri


def lit(value: object) -> Literal:
    """A typed literal: days as xsd:date, months as xsd:gYearMonth, years as xsd:gYear,
    floats as xsd:decimal, the rest as they come."""
    if isinstance(value, date):
        return Literal(value, datatype=XSD.date)
    if isinstance(value, Month):
        return Literal(str(value), datatype=XSD.gYearMonth)
    if isinstance(value, Year):
        return Literal(str(value), datatype=XSD.gYear)
    if isinstance(value, float):
        return Literal(Decimal(str(value)), datatype=XSD.decimal)
    return Literal(value)


def add(graph: TripleSet, subject: URIRef, predicate: URIRef, value: Node | object | None) -> None:
    """Add a triple unless the value is missing; plain values become typed literals."""
    if value is None or value == () or value == "":
        return
    graph.add((subject, predicate, value if isinstance(value, Node) else lit(value)))

"""Minting IRIs: `{base}id/{kind}/{key}` for things, `cg:` vocabulary for concepts."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from rdflib import URIRef

from graph.namespaces import CONCEPT, POLICY_AREA, ROLE
from loaders.records import ChallengeRef
from loaders.text import slugify

ORG_KIND_SEGMENT = {
    "organisation": "organisation",
    "board": "organisation",
    "committee": "organisation",
    "group": "organisation",
    "team": "team",
}


@dataclass(frozen=True)
class Minter:
    """Makes every IRI of a build from the configured base, so a deployment can mint its own."""

    things: str  # e.g. "https://w3id.org/councilgraph/id/"
    # Mapping asks for the same council, challenge and document IRIs for every statement
    # about them; a URIRef checks its text character by character each time it is made.
    _made: dict[tuple[str, str], URIRef] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def thing(self, kind: str, key: str) -> URIRef:
        iri = self._made.get((kind, key))
        if iri is None:
            iri = self._made[kind, key] = URIRef(f"{self.things}{kind}/{key}")
        return iri

    def council(self, gss: str) -> URIRef:
        return self.thing("council", gss)

    def organisation(self, key: str) -> URIRef:
        return self.thing("organisation", key)

    def person(self, key: str) -> URIRef:
        return self.thing("person", key)

    def document(self, key: str) -> URIRef:
        return self.thing("doc", key)

    def register(self, key: str) -> URIRef:
        return self.thing("register", key)

    def entities_graph(self) -> URIRef:
        return self.thing("graph", "entities")

    def challenge(self, gss: str, ref: ChallengeRef) -> URIRef:
        return self.thing("challenge", challenge_key(gss, ref))

    def team(self, gss: str, ref: ChallengeRef) -> URIRef:
        return self.thing("team", challenge_key(gss, ref))

    def hashed(self, kind: str, *parts: object) -> URIRef:
        """A stable IRI for a statement-like resource, from the parts that identify it."""
        digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:12]
        return URIRef(f"{self.things}{kind}/{digest}")  # each made once: not kept


def challenge_key(gss: str, ref: ChallengeRef) -> str:
    """`E09000019-2018-03` for a corporate peer challenge; other kinds add their type."""
    when = f"{ref.year}-{ref.month:02d}" if ref.month else f"{ref.year}"
    suffix = "" if ref.challenge_type == "corporate-peer-challenge" else f"-{ref.challenge_type}"
    return f"{gss}-{when}{suffix}"


def role_iri(label: str) -> URIRef:
    return ROLE[slugify(label)]


def policy_area_iri(label: str) -> URIRef:
    return POLICY_AREA[slugify(label)]


def concept_iri(scheme: str, label: str, owner: str | None = None) -> URIRef:
    parts = [scheme, owner, slugify(label)[:80]] if owner else [scheme, slugify(label)[:80]]
    return CONCEPT["/".join(p for p in parts if p)]

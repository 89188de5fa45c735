"""What an entity page shows a person: statements with labels instead of raw IRIs, and the
rows that matter for its kind of thing (a person's posts, a council's challenges, a
challenge's recommendations with their text). The HTML itself is `templates/doc.html`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from api.models import Challenge, Post, Recommendation
from api.queries import Keys, facts, iri, select
from graph.namespaces import CG, PREFIXES

TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
PERSON = "http://xmlns.com/foaf/0.1/Person"
ORGANISATION = "http://www.w3.org/ns/org#Organization"
# Labels for the W3C and DCMI properties pages show most (the cg: ones carry rdfs:label).
PROPERTY_LABELS = {
    TYPE: "type",
    "http://www.w3.org/2004/02/skos/core#prefLabel": "name",
    "http://www.w3.org/2004/02/skos/core#altLabel": "also called",
    "http://www.w3.org/2004/02/skos/core#definition": "definition",
    "http://www.w3.org/2004/02/skos/core#notation": "notation",
    "http://www.w3.org/2004/02/skos/core#inScheme": "in scheme",
    "http://www.w3.org/2004/02/skos/core#broader": "broader",
    "http://xmlns.com/foaf/0.1/name": "name",
    "http://www.w3.org/ns/org#member": "member",
    "http://www.w3.org/ns/org#organization": "organisation",
    "http://www.w3.org/ns/org#role": "role",
    "http://www.w3.org/ns/org#hasMember": "has member",
    "http://www.w3.org/ns/org#subOrganizationOf": "part of",
    "http://www.w3.org/ns/prov#wasDerivedFrom": "source",
    "http://purl.org/dc/terms/title": "title",
    "http://purl.org/dc/terms/date": "date",
    "http://purl.org/dc/terms/subject": "subject",
    "http://purl.org/dc/terms/publisher": "publisher",
    "http://purl.org/dc/terms/description": "description",
    "http://www.w3.org/2002/07/owl#sameAs": "same as",
    "http://www.w3.org/2000/01/rdf-schema#label": "label",
    "http://www.w3.org/2000/01/rdf-schema#comment": "comment",
    "http://www.w3.org/2000/01/rdf-schema#subClassOf": "subclass of",
    "http://www.w3.org/2000/01/rdf-schema#subPropertyOf": "subproperty of",
    "http://www.w3.org/2000/01/rdf-schema#domain": "domain",
    "http://www.w3.org/2000/01/rdf-schema#range": "range",
}
TEXT_CHARS = 160  # a recommendation named by its text: this much of it


@dataclass(frozen=True)
class Link:
    iri: str
    label: str
    href: str


@dataclass(frozen=True)
class Statement:
    property: Link
    value: Link | None  # an IRI
    text: str | None  # a literal
    graph: Link


@dataclass
class Page:
    thing: str
    label: str
    types: list[Link] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    incoming: list[tuple[Link, str]] = field(default_factory=list)
    text: str | None = None
    posts: list[Post] = field(default_factory=list)
    posts_heading: str = ""
    challenges: list[Challenge] = field(default_factory=list)
    recommendations: list[Recommendation] = field(default_factory=list)
    terms: list[tuple[str, list[Link]]] = field(default_factory=list)  # the ontology's, by kind


def href(value: str, things: str) -> str:
    """Where a person reads about `value`: /doc/ for things, /def/ for the vocabulary."""
    if value.startswith(things):
        return "/doc/" + value[len(things) :]
    if value.startswith(str(CG)):
        return "/def/" + value[len(str(CG)) :]
    return value


def short(value: str) -> str:
    """`cg:heldFrom`, `org:member`: a prefixed name where one applies, else the IRI."""
    for prefix, namespace in PREFIXES.items():
        if value.startswith(str(namespace)) and len(value) > len(str(namespace)):
            return f"{prefix}:{value[len(str(namespace)) :]}"
    return value


def words(value: str) -> str:
    """The local name as words: `heldFrom` -> "held from"."""
    local = re.split(r"[#/]", value.rstrip("/"))[-1]
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", local).replace("-", " ").lower() or value


def _link(value: str, label: str | None, things: str) -> Link:
    return Link(value, label or words(value), href(value, things))


def _value_label(row: dict[str, Any], key: str) -> str | None:
    text = row.get(key + "Text")
    if text:
        text = str(text)
        return text if len(text) <= TEXT_CHARS else text[: TEXT_CHARS - 1] + "…"
    label = row.get(key + "Label")
    return None if label is None else str(label)


def build(store: ox.Store, keys: Keys, thing: str) -> Page:
    """The page about `thing` (which the caller knows to exist)."""
    things = keys.things
    page = Page(thing=thing, label=thing)
    seen: set[tuple[str, str, str]] = set()
    for row in select(store, "labelled", thing=iri(thing)):
        key = (row["p"], str(row["o"]), row["g"])
        if key in seen:
            continue  # a value with two labels
        seen.add(key)
        prop = Link(row["p"], _property_label(row), href(row["p"], things))
        graph = _link(row["g"], row.get("gLabel"), things)
        if row.get("oKind") == "iri":
            value = _link(row["o"], _value_label(row, "o"), things)
            page.statements.append(Statement(prop, value, None, graph))
            if row["p"] == TYPE:
                page.types.append(value)
        else:
            page.statements.append(Statement(prop, None, str(row["o"]), graph))
    page.label = _page_label(page) or thing
    page.incoming = _incoming(store, thing, things)
    _sections(store, keys, page)
    return page


def _property_label(row: dict[str, Any]) -> str:
    return str(row.get("pLabel") or PROPERTY_LABELS.get(row["p"]) or words(row["p"]))


def _page_label(page: Page) -> str | None:
    for wanted in ("name", "title", "label"):
        for s in page.statements:
            if s.text and s.property.label == wanted:
                return s.text
    return None


def _incoming(store: ox.Store, thing: str, things: str) -> list[tuple[Link, str]]:
    out: dict[tuple[str, str], tuple[Link, str]] = {}
    for row in select(store, "incoming", thing=iri(thing)):
        label = _value_label(row, "s")
        if label is None and row.get("post"):
            label = ", ".join(str(row[k]) for k in ("post", "postOrg") if row.get(k))
        out.setdefault((row["s"], row["p"]), (_link(row["s"], label, things), _property_label(row)))
    return list(out.values())


def _sections(store: ox.Store, keys: Keys, page: Page) -> None:
    kinds = {t.iri for t in page.types}
    thing = page.thing
    if str(CG.Recommendation) in kinds:
        page.text = next((s.text for s in page.statements if s.property.iri == str(CG.text)), None)
    if PERSON in kinds:
        page.posts, page.posts_heading = facts.posts(store, keys, person=thing), "Posts"
    elif kinds & {ORGANISATION, str(CG.Council), str(CG.PeerTeam)}:
        page.posts, page.posts_heading = facts.posts(store, keys, org=thing), "People"
    if thing == str(CG):
        page.terms = _terms(store, keys.things)
    if str(CG.Council) in kinds:
        page.challenges = facts.challenges(store, keys, council=thing)
    if str(CG.PeerChallenge) in kinds:
        _, found = facts.recommendations(store, keys, challenge=thing)
        page.recommendations = [Recommendation.model_validate(row) for row in found]
        team = next((s.value for s in page.statements if s.property.iri == str(CG.peerTeam)), None)
        if team is not None:
            page.posts, page.posts_heading = facts.posts(store, keys, org=team.iri), "Peer team"


OWL_KINDS = {
    "http://www.w3.org/2002/07/owl#Class": "Classes",
    "http://www.w3.org/2002/07/owl#ObjectProperty": "Object properties",
    "http://www.w3.org/2002/07/owl#DatatypeProperty": "Datatype properties",
}


def _terms(store: ox.Store, things: str) -> list[tuple[str, list[Link]]]:
    grouped: dict[str, list[Link]] = {heading: [] for heading in OWL_KINDS.values()}
    for row in select(store, "terms", vocab=iri(str(CG))):
        heading = OWL_KINDS.get(row["kind"])
        if heading is not None:
            grouped[heading].append(_link(row["term"], str(row["label"]), things))
    return [(heading, links) for heading, links in grouped.items() if links]

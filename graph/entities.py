"""The entities graph: one node per resolved organisation, person, role and peer team,
with its canonical label and every spelling the sources used. Written after all records
are mapped, so that each thing gets exactly one preferred label whatever the order."""

from __future__ import annotations

from datetime import date

from rdflib import RDF, RDFS, Graph, Literal, URIRef

from graph.context import Context
from graph.namespaces import CG, FOAF, ORG, SCHEME, SKOS
from graph.resolve import normalise
from graph.roles import core_role, is_leadership
from graph.triples import TripleSet

KIND_CLASSES: dict[str, tuple[URIRef, ...]] = {
    "organisation": (ORG.Organization,),
    "board": (ORG.Organization, CG.Board),
    "committee": (ORG.Organization, CG.Committee),
    "group": (ORG.Organization, CG.Group),
    "team": (ORG.Organization, CG.PeerTeam),
}


def write_entities(ctx: Context, ontology: Graph) -> None:
    g = ctx.named(ctx.minter.entities_graph())
    for org, kinds in sorted(ctx.org_kinds.items()):
        _organisation(ctx, g, org, kinds)
    for person, honorifics in sorted(ctx.people.items()):
        g.add((person, RDF.type, FOAF.Person))
        g.add((person, FOAF.name, Literal(ctx.person_names[person])))
        for honorific in sorted(honorifics):
            g.add((person, CG.honorific, Literal(honorific)))
    for role, label in sorted(ctx.roles.items()):
        _role(g, ontology, role, label)
    for team, (challenge, ref) in sorted(ctx.teams.items()):
        g.add((team, RDF.type, ORG.Organization))
        g.add((team, RDF.type, CG.PeerTeam))
        when = date(ref.year, ref.month, 1).strftime("%B %Y") if ref.month else str(ref.year)
        g.add((team, SKOS.prefLabel, Literal(f"Peer team, {ref.council.name}, {when}")))
        g.add((team, CG.peerTeamOf, challenge))
    _label_bare_concepts(ctx, g, ontology)


def _organisation(ctx: Context, g: TripleSet, org: URIRef, kinds: set[str]) -> None:
    names = {k.removeprefix("named:") for k in kinds if k.startswith("named:")}
    if org.startswith(ctx.minter.things + "council/"):
        # Councils carry their register name as prefLabel; sources' spellings become altLabels.
        for name in sorted(names):
            g.add((org, SKOS.altLabel, Literal(name)))
        return
    for kind in sorted(k for k in kinds if not k.startswith("named:")):
        for cls in KIND_CLASSES.get(kind, (ORG.Organization,)):
            g.add((org, RDF.type, cls))
    key = org.rsplit("/", 1)[1]
    preferred = ctx.resolver.canonical_org_name(key)
    g.add((org, SKOS.prefLabel, Literal(preferred)))
    for name in sorted(ctx.resolver.spellings.get(key, set()) | names):
        if normalise(name) != normalise(preferred):
            g.add((org, SKOS.altLabel, Literal(name)))


def _role(g: TripleSet, ontology: Graph, role: URIRef, label: str) -> None:
    if (role, RDF.type, ORG.Role) in ontology:
        return  # a core role: the ontology already says all there is
    g.add((role, RDF.type, ORG.Role))
    g.add((role, RDF.type, SKOS.Concept))
    g.add((role, SKOS.inScheme, SCHEME.roles))
    g.add((role, SKOS.prefLabel, Literal(label)))
    if is_leadership(label):
        g.add((role, RDF.type, CG.LeadershipRole))
    broader = core_role(label)
    if broader is not None and broader != role:
        g.add((role, SKOS.broader, broader))


def _label_bare_concepts(ctx: Context, g: TripleSet, ontology: Graph) -> None:
    """Concepts minted without a label (measures named only by notation) get one from their IRI."""
    labelled = set(ontology.subjects(SKOS.prefLabel, None))
    concepts: set[URIRef] = set()
    # One pass over every triple of the build, so the terms are looked up once, and
    # compared as strings (rdflib's __eq__ is Python code; a predicate is always an IRI).
    pref_label, rdf_type, concept_class = str(SKOS.prefLabel), str(RDF.type), SKOS.Concept
    for graph in ctx.graphs.values():
        for s, p, o in graph:
            if not isinstance(s, URIRef):
                continue
            predicate = str(p)
            if predicate == pref_label:
                labelled.add(s)
            elif predicate == rdf_type and o == concept_class:
                concepts.add(s)
    for concept in sorted(concepts - labelled):
        label = concept.rsplit("/", 1)[1].replace("-", " ").capitalize()
        g.add((concept, SKOS.prefLabel, Literal(label)))
        g.add((concept, RDFS.comment, Literal("Label derived from the identifier.")))

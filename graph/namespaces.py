"""Every RDF namespace councilgraph uses, in one place."""

from __future__ import annotations

from rdflib import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD, Graph, Namespace, URIRef
from rdflib.namespace import ORG, SH, TIME, DefinedNamespace


class Vocabulary(Namespace):
    """A Namespace that keeps each term it makes. rdflib's builds a new URIRef on every
    attribute access, and a build asks for `CG.text` and its like a million times."""

    def __getattr__(self, name: str) -> URIRef:
        term = super().__getattr__(name)
        self.__dict__[name] = term  # found by ordinary lookup from now on
        return term


CG = Vocabulary("https://w3id.org/councilgraph/def/")
DCT = DCTERMS
GSS = Vocabulary("http://statistics.data.gov.uk/id/statistical-geography/")

# Concept schemes and their concepts live under the vocabulary, /def/.
SCHEME = Vocabulary(str(CG) + "scheme/")
THEME = Vocabulary(str(CG) + "theme/")
THEME_2012 = Vocabulary(str(CG) + "theme-2012/")
CHALLENGE_TYPE = Vocabulary(str(CG) + "challenge-type/")
ROLE = Vocabulary(str(CG) + "role/")
POLICY_AREA = Vocabulary(str(CG) + "policy-area/")
CONCEPT = Vocabulary(
    str(CG) + "concept/"
)  # concepts that documents define (signs, stages, criteria)
MEASURE = Vocabulary(str(CG) + "measure/")
TOPIC = Vocabulary(str(CG) + "topic/")  # the topic thesaurus, ontology/topics.ttl

PREFIXES: dict[str, Namespace | type[DefinedNamespace]] = {
    "cg": CG,
    "org": ORG,
    "foaf": FOAF,
    "skos": SKOS,
    "prov": PROV,
    "dct": DCT,
    "xsd": XSD,
    "rdfs": RDFS,
    "owl": OWL,
    "sh": SH,
    "time": TIME,
}


def bind_prefixes(graph: Graph) -> Graph:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph


def sparql_prologue() -> str:
    """PREFIX lines for the namespaces above, for queries written in code."""
    return "".join(f"PREFIX {prefix}: <{ns}>\n" for prefix, ns in PREFIXES.items())


__all__ = [
    "CG",
    "CHALLENGE_TYPE",
    "CONCEPT",
    "DCT",
    "FOAF",
    "GSS",
    "MEASURE",
    "ORG",
    "OWL",
    "POLICY_AREA",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "ROLE",
    "SCHEME",
    "SH",
    "SKOS",
    "THEME",
    "THEME_2012",
    "TIME",
    "TOPIC",
    "XSD",
    "bind_prefixes",
    "sparql_prologue",
]

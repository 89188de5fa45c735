"""Every RDF namespace councilgraph uses, in one place."""

from __future__ import annotations

from rdflib import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD, Graph, Namespace
from rdflib.namespace import ORG, SH, TIME, DefinedNamespace

CG = Namespace("https://w3id.org/councilgraph/def/")
DCT = DCTERMS
GSS = Namespace("http://statistics.data.gov.uk/id/statistical-geography/")

# Concept schemes and their concepts live under the vocabulary, /def/.
SCHEME = Namespace(str(CG) + "scheme/")
THEME = Namespace(str(CG) + "theme/")
THEME_2012 = Namespace(str(CG) + "theme-2012/")
CHALLENGE_TYPE = Namespace(str(CG) + "challenge-type/")
ROLE = Namespace(str(CG) + "role/")
POLICY_AREA = Namespace(str(CG) + "policy-area/")
CONCEPT = Namespace(
    str(CG) + "concept/"
)  # concepts that documents define (signs, stages, criteria)
MEASURE = Namespace(str(CG) + "measure/")

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
    "XSD",
    "bind_prefixes",
    "sparql_prologue",
]

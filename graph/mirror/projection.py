"""RDF -> labelled property graph: the pure projection that a mirror makes the target equal.

Conventions (MAPPING.md beside this file explains them and how they differ from n10s):

- every IRI subject, and every IRI object of a non-type triple, is a node labelled
  `Resource` plus one label per rdf:type (class local name), with property `uri`;
- literals become properties named by local name; xsd:date -> date, integer types -> int,
  xsd:boolean -> bool, decimal/double/float -> float, anything else -> string;
  a predicate that has several values on any node is a list on every node;
  a language tag is kept in `<key>__lang` (same shape as `<key>`);
- IRI objects become relationships in UPPER_SNAKE_CASE;
- each org:Membership also becomes `(person)-[:MEMBER_OF {membership, role, leads, start,
  end, policyArea, statedIn, heldFrom, heldUntil, ...}]->(organisation)`, with its tenure
  (graph.tenure) so that "who led what on a date" is one MATCH (graph/mirror/leads.py).

Vocabulary terms (subjects typed with an OWL, RDFS, RDF or SHACL class) and blank nodes are
left out: they describe the schema, and blank node ids change from build to build.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

import pyoxigraph as ox

from graph.mirror.names import as_key, assign, local_name
from graph.namespaces import CG, ORG, OWL, RDF, RDFS, SH, SKOS, XSD

Scalar = str | int | float | bool | date
Value = Scalar | tuple[Scalar, ...]
RelKey = tuple[str, str, str, str]  # (start uri, type, end uri, key: "" or the membership uri)

RESOURCE = "Resource"
MEMBER_OF = "MEMBER_OF"
LANG_SUFFIX = "__lang"
VOCABULARY = tuple(str(ns) for ns in (OWL, RDFS, RDF, SH))
_INTEGER = {
    str(XSD[t])
    for t in (
        "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "negativeInteger",
        "nonPositiveInteger",
        "unsignedInt",
        "unsignedLong",
        "unsignedShort",
        "unsignedByte",
    )
}
_FLOAT = {str(XSD[t]) for t in ("decimal", "double", "float")}
_Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
_Triple = tuple[ox.NamedNode | ox.BlankNode | ox.Triple, ox.NamedNode, _Term]
_Literals = dict[str, set[tuple[Scalar, str]]]  # predicate -> {(value, language)}


@dataclass(frozen=True)
class Node:
    uri: str
    labels: frozenset[str]
    props: Mapping[str, Value]


@dataclass(frozen=True)
class Rel:
    start: str
    type: str
    end: str
    key: str
    props: Mapping[str, Value] = field(default_factory=dict)

    @property
    def ident(self) -> RelKey:
        return (self.start, self.type, self.end, self.key)


@dataclass
class Projection:
    """The property graph a target must hold, with the allow-list of names it may use."""

    nodes: dict[str, Node]
    rels: dict[RelKey, Rel]
    labels: frozenset[str]
    types: frozenset[str]
    keys: frozenset[str]
    triples: int = 0

    def label_counts(self) -> Counter[str]:
        return Counter(label for node in self.nodes.values() for label in node.labels)

    def type_counts(self) -> Counter[str]:
        return Counter(rel.type for rel in self.rels.values())


def convert(literal: ox.Literal) -> Scalar:
    """A literal as a typed Python value; malformed lexical forms stay strings."""
    datatype, text = literal.datatype.value, literal.value
    try:
        if datatype == str(XSD.date):
            return date.fromisoformat(text)
        if datatype in _INTEGER:
            return int(text)
        if datatype in _FLOAT:
            return float(text)
        if datatype == str(XSD.boolean):
            return text.strip() in ("true", "1")
    except ValueError:
        pass
    return text


@dataclass
class _Facts:
    types: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    literals: dict[str, _Literals] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(set))
    )
    links: dict[str, dict[str, set[str]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(set))
    )
    triples: int = 0


def _collect(triples: Iterable[_Triple]) -> _Facts:
    facts = _Facts()
    seen: set[tuple[str, str, str]] = set()
    for s, p, o in triples:
        if not isinstance(s, ox.NamedNode) or isinstance(o, ox.BlankNode | ox.Triple):
            continue  # blank nodes have no stable identity across builds
        identity = (s.value, p.value, str(o))
        if identity in seen:
            continue  # the same triple stated in several named graphs
        seen.add(identity)
        facts.triples += 1
        if p.value == str(RDF.type) and isinstance(o, ox.NamedNode):
            facts.types[s.value].add(o.value)
        elif isinstance(o, ox.Literal):
            facts.literals[s.value][p.value].add((convert(o), o.language or ""))
        elif isinstance(o, ox.NamedNode):
            facts.links[s.value][p.value].add(o.value)
    return facts


def _is_vocabulary(uri: str, facts: _Facts) -> bool:
    return any(t.startswith(VOCABULARY) for t in facts.types.get(uri, ()))


def _shape(pairs: set[tuple[Scalar, str]], as_list: bool) -> tuple[Value, Value | None]:
    """Values and their languages, sorted; one kind per list (Neo4j arrays are homogeneous)."""
    kinds = {type(value) for value, _ in pairs}
    if len(kinds) > 1:
        pairs = {(v.isoformat() if isinstance(v, date) else str(v), lang) for v, lang in pairs}
    ordered = sorted(pairs, key=lambda pair: (str(type(pair[0])), pair[0], pair[1]))
    values = tuple(v for v, _ in ordered)
    langs = tuple(lang for _, lang in ordered)
    has_lang = any(langs)
    if as_list:
        return values, langs if has_lang else None
    return values[0], langs[0] if has_lang else None


def _node_props(
    uri: str, literals: _Literals, keys: dict[str, str], lists: set[str]
) -> dict[str, Value]:
    props: dict[str, Value] = {"uri": uri}
    for predicate, pairs in literals.items():
        key = keys[predicate]
        values, langs = _shape(pairs, key in lists)
        props[key] = values
        if langs is not None:
            props[key + LANG_SUFFIX] = langs
    return props


def _label_of(uri: str, facts: _Facts) -> str:
    labels = sorted(str(v) for v, _ in facts.literals.get(uri, {}).get(str(SKOS.prefLabel), ()))
    return labels[0] if labels else local_name(uri)


def _one_or_many(values: Iterable[Scalar]) -> Value | None:
    ordered = tuple(sorted(set(values), key=str))
    if not ordered:
        return None
    return ordered[0] if len(ordered) == 1 else ordered


_TENURE_DATES = {
    "heldFrom": CG.heldFrom,
    "heldUntil": CG.heldUntil,
    "notBefore": CG.notBefore,
    "firstStated": CG.firstStated,
    "lastStated": CG.lastStated,
}
_TENURE_TEXT = {"endBasis": CG.endBasis, "linkKind": CG.linkKind}
_FLAGS = {"interim": CG.isInterim, "acting": CG.isActing, "former": CG.isFormer}


def _tenure_props(links: Mapping[str, set[str]], literals: _Literals) -> dict[str, Value | None]:
    """The membership's time (graph.tenure) on its short-cut, so that "who led what on a
    date" is one MATCH; flags only where a source states them."""
    props: dict[str, Value | None] = {
        key: _one_or_many(v for v, _ in literals.get(str(p), ()))
        for key, p in {**_TENURE_DATES, **_TENURE_TEXT}.items()
    }
    for key, predicate in _FLAGS.items():
        if any(v is True for v, _ in literals.get(str(predicate), ())):
            props[key] = True
    props["endInferredFrom"] = _one_or_many(links.get(str(CG.endInferredFrom), ()))
    # one statement per tenure is listed; the others point at it (cg:sameTenureAs)
    props["listed"] = not links.get(str(CG.sameTenureAs))
    return props


def membership_rels(facts: _Facts, keep: set[str]) -> list[Rel]:
    """`(member)-[:MEMBER_OF {...}]->(organisation)` for every org:Membership."""
    rels = []
    for uri, classes in facts.types.items():
        if str(ORG.Membership) not in classes:
            continue
        links, literals = facts.links.get(uri, {}), facts.literals.get(uri, {})
        roles = links.get(str(ORG.role), set())
        props: dict[str, Value | None] = {
            "membership": uri,
            "role": _one_or_many(_label_of(r, facts) for r in roles),
            "leads": any(str(CG.LeadershipRole) in facts.types.get(r, ()) for r in roles),
            "start": _one_or_many(v for v, _ in literals.get(str(CG.startDate), ())),
            "end": _one_or_many(v for v, _ in literals.get(str(CG.endDate), ())),
            "policyArea": _one_or_many(
                _label_of(a, facts) for a in links.get(str(CG.policyArea), ())
            ),
            "statedIn": _one_or_many(links.get(str(CG.statedIn), ())),
            **_tenure_props(links, literals),
        }
        clean = {k: v for k, v in props.items() if v is not None}
        for member in links.get(str(ORG.member), ()):
            for organisation in links.get(str(ORG.organization), ()):
                if member in keep and organisation in keep:
                    rels.append(Rel(member, MEMBER_OF, organisation, uri, clean))
    return rels


def project(triples: Iterable[_Triple]) -> Projection:
    """The property graph for a set of RDF triples (quads' graph names are ignored)."""
    facts = _collect(triples)
    subjects = set(facts.types) | set(facts.literals) | set(facts.links)
    subjects = {uri for uri in subjects if not _is_vocabulary(uri, facts)}
    objects = {o for s in subjects for targets in facts.links.get(s, {}).values() for o in targets}
    keep = subjects | {uri for uri in objects if not _is_vocabulary(uri, facts)}

    classes = {c for uri in keep for c in facts.types.get(uri, ())}
    labels = assign(classes, "key", reserved=frozenset({RESOURCE}))
    literal_predicates = {p for uri in keep for p in facts.literals.get(uri, {})}
    keys = assign(literal_predicates, "key", reserved=frozenset({"uri"}))
    lists = {
        keys[p]
        for uri in keep
        for p, pairs in facts.literals.get(uri, {}).items()
        if len(pairs) > 1
    }
    link_predicates = {p for uri in keep for p in facts.links.get(uri, {})}
    types = assign(link_predicates, "type", reserved=frozenset({MEMBER_OF}))

    nodes = {
        uri: Node(
            uri,
            frozenset({RESOURCE, *(labels[c] for c in facts.types.get(uri, ()))}),
            _node_props(uri, facts.literals.get(uri, {}), keys, lists),
        )
        for uri in sorted(keep)
    }
    rels: dict[RelKey, Rel] = {}
    for uri in keep:
        for predicate, targets in facts.links.get(uri, {}).items():
            for target in targets:
                if target in keep:
                    rel = Rel(uri, types[predicate], target, "")
                    rels[rel.ident] = rel
    for rel in membership_rels(facts, keep):
        rels[rel.ident] = rel
    all_keys = {k for node in nodes.values() for k in node.props} | {
        k for rel in rels.values() for k in rel.props
    }
    return Projection(
        nodes=nodes,
        rels=rels,
        labels=frozenset({RESOURCE, *labels.values()}),
        types=frozenset({MEMBER_OF, *types.values()}),
        keys=frozenset(as_key(k) for k in all_keys if as_key(k) == k),
        triples=facts.triples,
    )


def project_store(store: ox.Store) -> Projection:
    """The projection of a store's default graph: the merge of its named graphs."""
    return project(
        (q.subject, q.predicate, q.object)
        for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())
    )

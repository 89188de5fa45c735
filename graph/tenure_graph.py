"""Tenure from and to the mapped graphs: every membership the build stated, read in one pass,
turned into `graph.tenure.Holding`s, and the inferred tenure written into its own named
graph (`{things}graph/tenure`). The rules themselves are in `graph.tenure`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date

from rdflib import RDF, Literal, URIRef
from rdflib.term import Node

from graph.context import Context
from graph.iris import Minter
from graph.namespaces import CG, DCT, ORG, PROV, ROLE, SKOS, XSD
from graph.tenure import SINGLE_HOLDER, Holding, Tenure, infer
from graph.triples import TripleSet
from loaders.dates import first_day, from_iso, last_day

# ---------------------------------------------------------------- from the mapped graphs

_WANTED = frozenset(
    {
        ORG.member,
        ORG.organization,
        ORG.role,
        ORG.hasMember,
        CG.policyArea,
        CG.startDate,
        CG.endDate,
        CG.isFormer,
        CG.statedOn,
        CG.statedIn,
        CG.peerTeam,
        CG.contact,
        DCT.date,
        SKOS.broader,
        PROV.wasDerivedFrom,
    }
)
_TYPES = frozenset({ORG.Membership, CG.PeerTeam, CG.Partnership})


class Facts:
    """The statements tenure reads, keyed by plain strings: an rdflib term hashes in Python
    (a pass over the 100% build's 0.5M mapped triples took 2.4 s keyed by terms)."""

    def __init__(self) -> None:
        self.by: dict[str, dict[str, list[Node]]] = {str(p): {} for p in _WANTED}
        self.types: dict[str, dict[str, URIRef]] = {str(t): {} for t in _TYPES}

    def all(self, predicate: Node, subject: Node) -> list[Node]:
        return self.by[str(predicate)].get(str(subject), [])

    def one(self, predicate: Node, subject: Node) -> Node | None:
        values = self.all(predicate, subject)
        return min(values, key=str) if values else None

    def typed(self, cls: Node) -> dict[str, URIRef]:
        return self.types[str(cls)]


def collect(graphs: Iterable[TripleSet]) -> Facts:
    """The statements tenure reads, in one pass over every mapped graph."""
    facts = Facts()
    rdf_type = str(RDF.type)
    for graph in graphs:
        for s, p, o in graph:
            key = str(p)
            found = facts.by.get(key)
            if found is not None:
                found.setdefault(str(s), []).append(o)
            elif key == rdf_type and isinstance(s, URIRef):
                kinds = facts.types.get(str(o))
                if kinds is not None:
                    kinds[str(s)] = s
    return facts


def _day(value: Node | None, *, last: bool = False) -> date | None:
    if value is None:
        return None
    try:
        when = from_iso(str(value))
    except ValueError:
        return None
    return last_day(when) if last else first_day(when)


def holdings(facts: Facts) -> list[Holding]:
    """Every membership of the mapped graphs as a Holding."""
    teams = {
        str(team): URIRef(ch) for ch, found in facts.by[str(CG.peerTeam)].items() for team in found
    }
    seats = {
        (str(person), str(member))
        for p in facts.typed(CG.Partnership)
        for person in facts.by[str(CG.contact)].get(p, ())
        for member in facts.by[str(ORG.hasMember)].get(p, ())
    }
    out = []
    for key in sorted(facts.typed(ORG.Membership)):
        m = facts.typed(ORG.Membership)[key]
        person, org, role = (facts.one(p, m) for p in (ORG.member, ORG.organization, ORG.role))
        if not (isinstance(person, URIRef) and isinstance(org, URIRef)):
            continue  # the shapes require them; a blank node has no stable identity
        if not isinstance(role, URIRef):
            continue
        stated = _stated(facts, m)
        h = Holding(
            iri=m,
            person=person,
            org=org,
            role=role,
            area=_iri(facts.one(CG.policyArea, m)),
            office=_office(facts, role),
            start=_day(facts.one(CG.startDate, m)),
            end=_day(facts.one(CG.endDate, m), last=True),
            stated=stated[-1] if stated else None,
            stated_first=stated[0] if stated else None,
            former=str(facts.one(CG.isFormer, m)) == "true",
        )
        out.append(_with_kind(h, facts, teams, seats))
    return out


def _iri(node: Node | None) -> URIRef | None:
    return node if isinstance(node, URIRef) else None


def _office(facts: Facts, role: URIRef) -> URIRef | None:
    if role in SINGLE_HOLDER:
        return role
    broader = [b for b in facts.all(SKOS.broader, role) if b in SINGLE_HOLDER]
    return _iri(min(broader, key=str)) if broader else None


def _stated(facts: Facts, m: Node) -> list[date]:
    """When a membership is stated: its cg:statedOn dates, else its documents' dct:date."""
    days = [_day(on) for on in facts.all(CG.statedOn, m)]
    if not days:
        days = [_day(facts.one(DCT.date, doc)) for doc in facts.all(CG.statedIn, m)]
    return sorted(d for d in days if d)


def _with_kind(
    h: Holding, facts: Facts, teams: Mapping[str, URIRef], seats: set[tuple[str, str]]
) -> Holding:
    if h.former:
        return replace(h, kind="former-post")
    if str(h.org) in facts.typed(CG.PeerTeam):
        challenge = teams.get(str(h.org))
        if challenge is None or h.start or h.end:
            return replace(h, kind="team-seat")
        start = _day(facts.one(CG.startDate, challenge))
        end = _day(facts.one(CG.endDate, challenge), last=True)
        return replace(
            h,
            kind="team-seat",
            start=start,
            end=end,
            end_from=challenge if end else None,
        )
    if h.office == ROLE["lead-chief-executive"] or h.role == ROLE["lead-chief-executive"]:
        return replace(h, kind="commission")
    if (str(h.person), str(h.org)) in seats:
        return replace(h, kind="partnership-seat")
    return h


# ---------------------------------------------------------------- as triples


def tenure_graph_name(minter: Minter) -> URIRef:
    return minter.thing("graph", "tenure")


def tenure_triples(tenures: Iterable[Tenure], graph: TripleSet) -> None:
    for t in tenures:
        m = t.membership
        graph.add((m, CG.linkKind, Literal(t.kind)))
        for predicate, day in (
            (CG.heldFrom, t.held_from),
            (CG.heldUntil, t.held_until),
            (CG.notBefore, t.not_before),
            (CG.firstStated, t.first_stated),
            (CG.lastStated, t.last_stated),
        ):
            if day is not None:
                graph.add((m, predicate, Literal(day, datatype=XSD.date)))
        if t.end_basis:
            graph.add((m, CG.endBasis, Literal(t.end_basis)))
        if t.end_inferred_from is not None:
            graph.add((m, CG.endInferredFrom, t.end_inferred_from))
        if t.same_tenure_as is not None:
            graph.add((m, CG.sameTenureAs, t.same_tenure_as))


def write_tenure(ctx: Context) -> None:
    """The tenure of every mapped membership, into its own named graph."""
    facts = collect(ctx.graphs.values())
    graph = ctx.named(tenure_graph_name(ctx.minter))
    tenure_triples(infer(holdings(facts)), graph)

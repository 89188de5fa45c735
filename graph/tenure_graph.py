"""Tenure from and to the mapped graphs: every membership the build stated, read in one pass,
turned into `graph.tenure.Holding`s, and the inferred tenure written into its own named
graph (`{things}graph/tenure`). The rules themselves are in `graph.tenure`."""

from __future__ import annotations

from collections import defaultdict
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
Facts = Mapping[Node, Mapping[Node, list[Node]]]  # predicate -> subject -> objects


def collect(graphs: Iterable[TripleSet]) -> tuple[Facts, dict[Node, set[Node]]]:
    """The statements tenure reads, in one pass over every mapped graph."""
    facts: dict[Node, dict[Node, list[Node]]] = {p: defaultdict(list) for p in _WANTED}
    typed: dict[Node, set[Node]] = {t: set() for t in _TYPES}
    for graph in graphs:
        for s, p, o in graph:
            if p in facts:
                facts[p][s].append(o)
            elif p == RDF.type and o in typed:
                typed[o].add(s)
    return facts, typed


def _day(value: Node | None, *, last: bool = False) -> date | None:
    if value is None:
        return None
    try:
        when = from_iso(str(value))
    except ValueError:
        return None
    return last_day(when) if last else first_day(when)


def _one(facts: Facts, predicate: Node, subject: Node) -> Node | None:
    values = facts[predicate].get(subject)
    return min(values, key=str) if values else None


def holdings(facts: Facts, typed: Mapping[Node, set[Node]]) -> list[Holding]:
    """Every membership of the mapped graphs as a Holding."""
    teams = {team: ch for ch, found in facts[CG.peerTeam].items() for team in found}
    seats = {
        (person, member)
        for p in typed[CG.Partnership]
        for person in facts[CG.contact].get(p, ())
        for member in facts[ORG.hasMember].get(p, ())
    }
    out = []
    for m in sorted(typed[ORG.Membership], key=str):
        person, org, role = (_one(facts, p, m) for p in (ORG.member, ORG.organization, ORG.role))
        if not all(isinstance(n, URIRef) for n in (m, person, org, role)):
            continue  # the shapes require all three; a blank node has no stable identity
        assert isinstance(m, URIRef) and isinstance(person, URIRef)
        assert isinstance(org, URIRef) and isinstance(role, URIRef)
        h = Holding(
            iri=m,
            person=person,
            org=org,
            role=role,
            area=_iri(_one(facts, CG.policyArea, m)),
            office=_office(facts, role),
            start=_day(_one(facts, CG.startDate, m)),
            end=_day(_one(facts, CG.endDate, m), last=True),
            stated=_stated(facts, m),
            former=str(_one(facts, CG.isFormer, m)) == "true",
        )
        out.append(_with_kind(h, facts, typed, teams, seats))
    return out


def _iri(node: Node | None) -> URIRef | None:
    return node if isinstance(node, URIRef) else None


def _office(facts: Facts, role: URIRef) -> URIRef | None:
    if role in SINGLE_HOLDER:
        return role
    broader = [b for b in facts[SKOS.broader].get(role, ()) if b in SINGLE_HOLDER]
    return _iri(min(broader, key=str)) if broader else None


def _stated(facts: Facts, m: Node) -> date | None:
    on = _one(facts, CG.statedOn, m)
    if on is not None:
        return _day(on)
    dates = [_day(_one(facts, DCT.date, doc)) for doc in facts[CG.statedIn].get(m, ())]
    known = [d for d in dates if d]
    return max(known) if known else None


def _with_kind(
    h: Holding,
    facts: Facts,
    typed: Mapping[Node, set[Node]],
    teams: Mapping[Node, Node],
    seats: set[tuple[Node, Node]],
) -> Holding:
    if h.former:
        return replace(h, kind="former-post")
    if h.org in typed[CG.PeerTeam]:
        challenge = teams.get(h.org)
        if challenge is None or h.start or h.end:
            return replace(h, kind="team-seat")
        start = _day(_one(facts, CG.startDate, challenge))
        end = _day(_one(facts, CG.endDate, challenge), last=True)
        return replace(
            h,
            kind="team-seat",
            start=start,
            end=end,
            end_from=_iri(challenge) if end else None,
        )
    if h.office == ROLE["lead-chief-executive"] or h.role == ROLE["lead-chief-executive"]:
        return replace(h, kind="commission")
    if (h.person, h.org) in seats:
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
    facts, typed = collect(ctx.graphs.values())
    graph = ctx.named(tenure_graph_name(ctx.minter))
    tenure_triples(infer(holdings(facts, typed)), graph)

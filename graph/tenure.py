"""Tenure: when each membership is known to hold, worked out once at build time.

For every `org:Membership` the build states, in a named graph of its own
(`{things}graph/tenure`), what its sources say and imply about its time:

- `cg:heldFrom` (xsd:date): the first day it is known to hold: the first day of its
  `cg:startDate` at the precision stated ("August 2010" -> 2010-08-01). A seat on a peer team
  with no dates of its own holds while its challenge was on site. Absent when unknown.
- `cg:heldUntil` (xsd:date): the last day it is known to hold: the last day of its stated
  `cg:endDate` (`cg:endBasis "stated"`), or an inferred end (`cg:endBasis "inferred"`, with
  `cg:endInferredFrom` the statement it rests on). Absent when unknown.
- `cg:firstStated` / `cg:lastStated` (xsd:date): the earliest and latest dates any source
  states the same post (same person, organisation, role, policy area, and former or not):
  a statement's `cg:statedOn`, else the `dct:date` of its `cg:statedIn` document.
- `cg:linkKind`: "former-post" (a post the source says was held earlier), "team-seat" (a
  seat on a peer team), "commission" (a Lead Chief Executive commission),
  "partnership-seat" (a partnership's named contact in a member organisation), else "post".
- `cg:sameTenureAs`: on each membership but one of a tenure stated several times, the one
  that lists it (its latest statement), so that lists show a tenure once.

Inferred ends, so that a reader can check them by hand:

1. Single-holder posts are chief executive, leader, chair and (elected) mayor of one
   organisation, and a Lead Chief Executive commission (one organisation and policy area);
   worded variants count through the role's `skos:broader` ("Interim Chief Executive").
   A holding with no stated end is ended by the next holding of the same post by someone
   else, "by then": the day before the successor's start, else before the successor's
   statement date. Former posts neither end nor are ended this way.
2. Which of two holdings comes first: by start when both have one; by statement date when
   neither has; otherwise the one without a start comes first unless it is stated later
   than the other (a paper that gives the current holder's start and names an interim
   without dates tells of the interim as what came before). Equal dates decide nothing.
3. A later statement that the same person held the same post formerly ends it by that
   statement's date.
4. An end is never inferred before the holding's own start.

Several memberships of one post with the same end (two documents stating the same tenure)
are one tenure: they share the earliest start among them, and all but the latest statement
carry `cg:sameTenureAs`. What counts as current on a date is `graph.leads`'s business.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from rdflib import RDF, Literal, URIRef
from rdflib.term import Node

from graph.context import Context
from graph.iris import Minter
from graph.namespaces import CG, DCT, ORG, PROV, ROLE, SKOS, XSD
from graph.triples import TripleSet
from loaders.dates import first_day, from_iso, last_day

SINGLE_HOLDER = frozenset(
    ROLE[key] for key in ("chief-executive", "leader", "chair", "mayor", "lead-chief-executive")
)
LINK_KINDS = ("post", "commission", "team-seat", "partnership-seat", "former-post")
DAY = timedelta(days=1)


@dataclass(frozen=True)
class Holding:
    """One membership as tenure needs it: plain IRIs and first/last days."""

    iri: URIRef
    person: URIRef
    org: URIRef
    role: URIRef
    area: URIRef | None = None
    office: URIRef | None = None  # the single-holder role it is a kind of, if any
    start: date | None = None  # first day of the stated (or the team's) start
    end: date | None = None  # last day of the stated (or the team's) end
    end_from: URIRef | None = None  # what a non-stated `end` rests on (a peer challenge)
    stated: date | None = None  # statement date
    former: bool = False
    kind: str = "post"

    @property
    def post(self) -> tuple[URIRef, URIRef, URIRef, URIRef | None, bool]:
        return (self.person, self.org, self.role, self.area, self.former)

    @property
    def by_then(self) -> date | None:
        """The date from which this holding shows its post taken: its start, else its statement."""
        return self.start or self.stated


@dataclass(frozen=True)
class Tenure:
    membership: URIRef
    kind: str
    held_from: date | None = None
    held_until: date | None = None
    end_basis: str | None = None  # "stated" | "inferred"
    end_inferred_from: URIRef | None = None
    first_stated: date | None = None
    last_stated: date | None = None
    same_tenure_as: URIRef | None = None


# ---------------------------------------------------------------- the inference (pure)


def precedes(a: Holding, b: Holding) -> bool:
    """Whether `a` came before `b` in the same single-holder post (rule 2 of the module)."""
    if a.start and b.start:
        return a.start < b.start
    if a.stated is None or b.stated is None:
        return False
    if not a.start and not b.start:
        return a.stated < b.stated
    if a.start is None:  # undated a against dated b
        return a.stated <= b.stated
    return a.stated < b.stated  # dated a against undated b


def _successor_end(holding: Holding, rivals: Sequence[Holding]) -> tuple[date, URIRef] | None:
    """The day before the earliest successor's "by then", and that successor."""
    later = [
        (r.by_then, str(r.iri), r)
        for r in rivals
        if r.person != holding.person and not r.former and r.by_then and precedes(holding, r)
    ]
    if not later:
        return None
    when, _, successor = min(later, key=lambda item: (item[0], item[1]))
    assert when is not None
    return when - DAY, successor.iri


def _former_end(holding: Holding, formers: Sequence[Holding]) -> tuple[date, URIRef] | None:
    """The day before the first later statement that the same post was held formerly."""
    later = sorted(
        (f.stated, str(f.iri), f.iri)
        for f in formers
        if f.stated and holding.stated and f.stated > holding.stated
    )
    return (later[0][0] - DAY, later[0][2]) if later else None


def _ends(holdings: Sequence[Holding]) -> dict[URIRef, tuple[date, str, URIRef | None]]:
    """Each holding's end: (last day, basis, what an inferred one rests on)."""
    offices: dict[tuple[URIRef, URIRef, URIRef | None], list[Holding]] = defaultdict(list)
    formers: dict[tuple[URIRef, URIRef, URIRef, URIRef | None], list[Holding]] = defaultdict(list)
    for h in holdings:
        if h.office is not None and not h.former:
            offices[h.org, h.office, h.area].append(h)
        if h.former:
            formers[h.person, h.org, h.role, h.area].append(h)
    ends: dict[URIRef, tuple[date, str, URIRef | None]] = {}
    for h in holdings:
        if h.end is not None:
            ends[h.iri] = (h.end, "inferred" if h.end_from else "stated", h.end_from)
            continue
        if h.former:
            continue
        found = [
            end
            for end in (
                _successor_end(h, offices.get((h.org, h.office, h.area), ()))
                if h.office is not None
                else None,
                _former_end(h, formers.get((h.person, h.org, h.role, h.area), ())),
            )
            if end is not None and (h.start is None or end[0] >= h.start)
        ]
        if found:
            until, source = min(found, key=lambda end: (end[0], str(end[1])))
            ends[h.iri] = (until, "inferred", source)
    return ends


def infer(holdings: Iterable[Holding]) -> list[Tenure]:
    """Every holding's tenure (see the module docstring for the rules), in IRI order."""
    holdings = sorted(holdings, key=lambda h: str(h.iri))
    ends = _ends(holdings)
    said: dict[tuple[object, ...], list[date]] = defaultdict(list)
    for h in holdings:
        if h.stated:
            said[h.post].append(h.stated)
    groups: dict[tuple[object, ...], list[Holding]] = defaultdict(list)
    for h in holdings:
        groups[(*h.post, ends.get(h.iri))].append(h)
    out: list[Tenure] = []
    for group in groups.values():
        listed = max(group, key=lambda h: (h.stated or date.min, _reverse(str(h.iri))))
        starts = [h.start for h in group if h.start]
        until, basis, source = ends.get(listed.iri) or (None, None, None)
        dates = said.get(listed.post, [])
        common = Tenure(
            membership=listed.iri,
            kind=listed.kind,
            held_from=min(starts) if starts else None,
            held_until=until,
            end_basis=basis,
            end_inferred_from=source if basis == "inferred" else None,
            first_stated=min(dates) if dates else None,
            last_stated=max(dates) if dates else None,
        )
        for h in group:
            same = None if h.iri == listed.iri else listed.iri
            out.append(replace(common, membership=h.iri, kind=h.kind, same_tenure_as=same))
    return sorted(out, key=lambda t: str(t.membership))


def _reverse(text: str) -> tuple[int, ...]:
    """A key that sorts strings backwards, so max() picks the smallest IRI on a tie."""
    return tuple(-ord(c) for c in text)


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

"""Tenure: when each membership is known to hold, worked out once at build time.

For every `org:Membership` the build states, `graph.tenure_graph` writes into a named graph
of its own (`{things}graph/tenure`) what its sources say and imply about its time:

- `cg:heldFrom` (xsd:date): the first day it is known to hold: the first day of its
  `cg:startDate` at the precision stated ("August 2010" -> 2010-08-01). A seat on a peer team
  with no dates of its own holds while its challenge was on site. Absent when unknown.
- `cg:heldUntil` (xsd:date): the last day it is known to hold: the last day of its stated
  `cg:endDate` (`cg:endBasis "stated"`), or an inferred end (`cg:endBasis "inferred"`, with
  `cg:endInferredFrom` the statement it rests on). Absent when unknown.
- `cg:notBefore` (xsd:date): with no start known, the day after its predecessor in the same
  single-holder post was last known to hold (rule 3).
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
   Former posts take no part.
2. Which of two holdings of such a post came first: by start when both have one; by
   statement date when neither has. One without a start came before one with a start if it
   is stated before that start, or in the same statement (a paper that gives the current
   holder's start and names an interim without dates tells of the interim as what came
   before); after it if stated after the other's statement. Equal dates, and a holding
   stated while the other is known to hold, decide nothing: joint holders and conflicting
   statements stay as they are.
3. A holding with no stated end is ended by the next holding, in that order, of someone
   else, "by then": the day before the next holder's start. If the next holder's start is
   unknown, the earlier one is taken to hold until its latest evidence (its last statement
   or its start, and never past the day before a later known start), and the next one not
   before the day after (`cg:notBefore`), so that two holders never overlap.
4. A later statement that the same person held the same post formerly ends it by the day
   before that statement, if that is earlier.
5. An end is never inferred before the holding's own start.
6. A holding with neither start nor end, stated on a day when the same person is known to
   hold the same post (between a stated start and end: a register row), is that tenure: it
   takes that start and end (a 2008 paper naming the Chair is the register's 2006-2010 term,
   not a second tenure with an end of its own).

Several memberships of one post with the same end (two documents stating the same tenure)
are one tenure: they share the earliest start among them, and all but the latest statement
carry `cg:sameTenureAs`. What counts as current on a date is `graph.leads`'s business.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cmp_to_key

from rdflib import URIRef

from graph.namespaces import ROLE

SINGLE_HOLDER = frozenset(
    ROLE[key] for key in ("chief-executive", "leader", "chair", "mayor", "lead-chief-executive")
)
LINK_KINDS = ("post", "commission", "team-seat", "partnership-seat", "former-post")
DAY = timedelta(days=1)
End = tuple[date, str, URIRef | None]  # last day, "stated" | "inferred", what it rests on


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
    stated: date | None = None  # statement date (the latest, if stated several times)
    stated_first: date | None = None  # the earliest, where it differs
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
    not_before: date | None = None  # no start known: the day after its predecessor's end
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
    if a.start is None and b.start is None:
        return a.stated is not None and b.stated is not None and a.stated < b.stated
    if a.start is None:  # undated a, dated b
        assert b.start is not None
        return a.stated is not None and (a.stated < b.start or a.stated == b.stated)
    # dated a, undated b: b is stated after a last was, and not before a began
    assert a.start is not None
    if b.stated is None or b.stated < a.start:
        return False
    return a.stated is None or b.stated > a.stated


def _compare(a: Holding, b: Holding) -> int:
    if precedes(a, b):
        return -1
    if precedes(b, a):
        return 1
    left, right = (a.by_then or date.max, str(a.iri)), (b.by_then or date.max, str(b.iri))
    return -1 if left < right else 1 if left > right else 0


def _evidence(holdings: Iterable[Holding]) -> date | None:
    """The latest day these holdings show their post held: a statement, or a start."""
    days = [d for h in holdings for d in (h.stated, h.start) if d]
    return max(days) if days else None


def succession(office: Sequence[Holding]) -> tuple[dict[URIRef, End], dict[URIRef, date]]:
    """Ends inferred along one single-holder post (rules 1 to 3 of the module), and for
    holdings without a start, the day after their predecessor was last known to hold."""
    chain = sorted((h for h in office if not h.former), key=cmp_to_key(_compare))
    ends: dict[URIRef, End] = {}
    not_before: dict[URIRef, date] = {}
    for h in chain:
        if h.end is not None:
            continue
        later = [r for r in chain if r.person != h.person and precedes(h, r)]
        if not later:
            continue
        dated = sorted((r.start, str(r.iri), r.iri) for r in later if r.start)
        following = later[0]
        if following.start is None:  # by then: h is known to hold up to its latest evidence
            mine = [x for x in chain if x.person == h.person and precedes(x, following)]
            until, source = _evidence([h, *mine]) or h.stated, following.iri
            if until is None:
                continue
            if dated and dated[0][0] - DAY < until:
                until, source = dated[0][0] - DAY, dated[0][2]
            not_before[following.iri] = max(not_before.get(following.iri, date.min), until + DAY)
        else:
            until, source = dated[0][0] - DAY, dated[0][2]
        if h.start is None or until >= h.start:  # never before its own start (rule 4)
            ends[h.iri] = (until, "inferred", source)
    return ends, not_before


def _former_end(holding: Holding, formers: Sequence[Holding]) -> End | None:
    """The day before the first later statement that the same post was held formerly."""
    later = sorted(
        (f.stated, str(f.iri), f.iri)
        for f in formers
        if f.stated and holding.stated and f.stated > holding.stated
    )
    return (later[0][0] - DAY, "inferred", later[0][2]) if later else None


def _ends(holdings: Sequence[Holding]) -> tuple[dict[URIRef, End], dict[URIRef, date]]:
    """Each holding's end (stated or inferred), and the not-before days of rule 1."""
    offices: dict[tuple[URIRef, URIRef, URIRef | None], list[Holding]] = defaultdict(list)
    formers: dict[tuple[URIRef, URIRef, URIRef, URIRef | None], list[Holding]] = defaultdict(list)
    for h in holdings:
        if h.office is not None and not h.former:
            offices[h.org, h.office, h.area].append(h)
        if h.former:
            formers[h.person, h.org, h.role, h.area].append(h)
    ends: dict[URIRef, End] = {}
    not_before: dict[URIRef, date] = {}
    for office in offices.values():
        found, after = succession(office)
        ends.update(found)
        not_before.update(after)
    for h in holdings:
        if h.end is not None:
            ends[h.iri] = (h.end, "inferred" if h.end_from else "stated", h.end_from)
            continue
        former = None if h.former else _former_end(h, formers.get(h.post[:4], ()))
        earlier = former and (h.iri not in ends or former[0] < ends[h.iri][0])
        if former and earlier and (h.start is None or former[0] >= h.start):
            ends[h.iri] = former
    return ends, not_before


def _within_known_terms(holdings: Sequence[Holding]) -> list[Holding]:
    """Rule 6: an undated holding stated during a known term of the same post takes it."""
    terms: dict[tuple[object, ...], list[Holding]] = defaultdict(list)
    for h in holdings:
        if h.start and h.end and not h.former:
            terms[h.post].append(h)
    out: list[Holding] = []
    for h in holdings:
        stated = h.stated
        if stated and h.start is None and h.end is None and not h.former:
            during = [
                t for t in terms.get(h.post, ()) if t.start and t.end and t.start <= stated <= t.end
            ]
            if during:
                term = min(during, key=lambda t: (t.start, str(t.iri)))
                h = replace(h, start=term.start, end=term.end, end_from=term.end_from)
        out.append(h)
    return out


def infer(holdings: Iterable[Holding]) -> list[Tenure]:
    """Every holding's tenure (see the module docstring for the rules), in IRI order."""
    holdings = _within_known_terms(sorted(holdings, key=lambda h: str(h.iri)))
    ends, not_before = _ends(holdings)
    said: dict[tuple[object, ...], list[date]] = defaultdict(list)
    for h in holdings:
        said[h.post].extend(d for d in (h.stated_first, h.stated) if d)
    groups: dict[tuple[object, ...], list[Holding]] = defaultdict(list)
    for h in holdings:
        groups[(*h.post, ends.get(h.iri))].append(h)
    out: list[Tenure] = []
    for group in groups.values():
        listed = max(group, key=lambda h: (h.stated or date.min, _reverse(str(h.iri))))
        starts = [h.start for h in group if h.start]
        until, basis, source = ends.get(listed.iri) or (None, None, None)
        after = [not_before[h.iri] for h in group if h.iri in not_before]
        dates = said.get(listed.post, [])
        common = Tenure(
            membership=listed.iri,
            kind=listed.kind,
            held_from=min(starts) if starts else None,
            held_until=until,
            not_before=max(after) if after and not starts else None,
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

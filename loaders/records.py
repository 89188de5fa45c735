"""The plain records loaders produce and graph/ maps to RDF. No RDF here, only names and dates.

Records refer to each other by what the source says (a council's name, a person's name, a
challenge's council and month); graph/ resolves those names to one IRI per real thing.
Every record carries a `Provenance`: the document and the place in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from loaders.dates import When

OrgKind = Literal[
    "council",  # a local authority; must resolve to the register of English authorities
    "organisation",  # any other body (LGA, London Councils, a CCG, a department, a company)
    "board",  # a board: improvement board, partnership board
    "committee",  # a committee or network (Leaders' Committee, CELC)
    "team",  # a peer team
    "group",  # a support group, a sounding board
]


@dataclass(frozen=True)
class Provenance:
    """Where a fact was stated: the document key and a human-readable place in it."""

    document: str  # DocumentRecord.key
    location: str  # e.g. "section 3a, item 12", "paragraph 3.7", "row 4", "page 2, line 31"
    line: int | None = None  # 1-based line in the text the loader read, where known
    page: int | None = None  # 1-based page of a PDF, or the page the source cites


@dataclass(frozen=True)
class OrgRef:
    """A reference to an organisation by the name a source uses."""

    name: str
    kind: OrgKind = "organisation"


@dataclass(frozen=True)
class PersonRef:
    """A reference to a person: the name without titles, and the honorific apart."""

    name: str
    honorific: str | None = None  # "Cllr", "Dr", "Sir", "Councillor" ...


@dataclass(frozen=True)
class ChallengeRef:
    """A peer challenge, identified by the council challenged and when it was on site."""

    council: OrgRef
    year: int
    month: int | None = None  # None where the source gives only the year
    challenge_type: str = "corporate-peer-challenge"  # notation in the challenge-type scheme


@dataclass(frozen=True)
class DocumentRecord:
    key: str  # slug, also the named graph's key
    title: str
    genre: str  # the loader that read it, e.g. "peer-challenge-report"
    path: str  # file name inside the corpus
    sha256: str
    date: date | None
    publisher: OrgRef | None
    provenance: Provenance
    pages: int | None = None
    # A document that prints no date gets a lower bound: the first day of the latest day or
    # month it reports as past (it was written no earlier). `date_basis` is then "inferred"
    # and `date_evidence` says what the bound rests on; None means a printed date (or none).
    date_basis: Literal["inferred"] | None = None
    date_evidence: str | None = None
    url: str | None = None  # where it is published, for sources cited by a register


@dataclass(frozen=True)
class Organisation:
    """An organisation a source names, with what it says about it."""

    ref: OrgRef
    provenance: Provenance
    part_of: OrgRef | None = None  # e.g. Leaders' Committee is part of London Councils
    description: str | None = None
    established: date | None = None
    aliases: tuple[str, ...] = ()  # other names for it in the same source ("TIB")


@dataclass(frozen=True)
class Membership:
    """A person in a post, a team, or a commission. An organisation given as a
    `ChallengeRef` means the peer team of that challenge."""

    person: PersonRef
    organisation: OrgRef | ChallengeRef
    role: str  # as the source words it: "Chief Executive", "Peer", "Lead Chief Executive"
    provenance: Provenance
    start: When | None = None  # at the precision stated: a day, a Month or a Year
    end: When | None = None
    interim: bool = False
    acting: bool = False
    former: bool = False  # the source says the post was held earlier, without dates
    # When the source states it, where that is not the document's own date (a register row's
    # meeting, a dated passage); None means the document's date.
    stated: date | None = None
    # The document that states it, where not the provenance's own: a register row citing its
    # source (DocumentRecord.key).
    stated_in: str | None = None
    policy_area: str | None = None  # commissions: "integrated health and care"
    commissioned_by: OrgRef | None = None
    accountable_to: OrgRef | None = None
    support_group: str | None = None


@dataclass(frozen=True)
class Figure:
    """A number a source states: "Spoken to 130 people", "850 individual items"."""

    measure: str  # notation, e.g. "people-spoken-to", "meetings", "hours", "days-on-site"
    value: float
    provenance: Provenance
    unit: str | None = None
    label: str | None = None  # the source's words
    about: OrgRef | ChallengeRef | None = None


@dataclass(frozen=True)
class PeerChallenge:
    ref: ChallengeRef
    provenance: Provenance
    start: When | None = None  # a day, or a Month where the source gives only the month
    end: When | None = None
    reported_in: str | None = None  # DocumentRecord.key of the feedback report
    planned: bool = False  # a visit a source plans or proposes, not one that took place
    follow_up_of: ChallengeRef | None = None
    follow_up_due_by: date | None = None
    next_challenge_by: date | None = None
    scope: tuple[str, ...] = ()  # questions and focus areas, in source order
    principal_adviser: PersonRef | None = None
    figures: tuple[Figure, ...] = ()
    # stated in passing by another document (a progress review quoting it); where the
    # challenge's own report is read too, its dates win
    quoted: bool = False


@dataclass(frozen=True)
class Recommendation:
    challenge: ChallengeRef
    text: str
    is_key: bool
    provenance: Provenance
    number: str | None = None  # as numbered in the source ("12", "iv"); None for bullets
    group: str | None = None  # the heading it sits under, as worded in the source
    position: int = 0  # 1-based order within its list (key or detailed), for unnumbered items
    # restated by another document (a council paper answering the challenge); where the
    # challenge's own report is read too, its recommendations win
    quoted: bool = False


@dataclass(frozen=True)
class RecommendationRef:
    """A recommendation referred to from elsewhere, by its challenge and number or text."""

    challenge: ChallengeRef
    number: str | None = None  # as printed: "3", "R3", "b"
    text: str | None = None  # as the referring document restates it
    is_key: bool = False  # one of the key recommendations
    position: int = 0  # 1-based order in a restated list without numbers


@dataclass(frozen=True)
class Action:
    """What a council did or plans in response to a recommendation."""

    text: str
    provenance: Provenance
    responds_to: RecommendationRef | ChallengeRef | None = None
    # as the source states it, in lower case: "complete", "on track", "not started", "green";
    # council plans, whose wording only implies it: "planned", "in progress", "done"
    status: str | None = None
    number: str | None = None  # "action 10"
    page_reference: str | None = None  # page of the original report the action cites ("p10")
    topic: str | None = None  # "Property", "Procurement"
    evidence: tuple[str, ...] = ()  # document keys
    context: str | None = None  # the heading the action sits under, as worded in the source
    lead: str | None = None  # who leads it, as printed: a post or a name
    due: When | None = None  # when it is due, at the precision printed
    rag: str | None = None  # "red", "amber" or "green" where the source rates it


@dataclass(frozen=True)
class Partnership:
    label: str
    members: tuple[OrgRef, ...]
    provenance: Provenance
    subject: str | None = None  # what it is about, e.g. "health and care integration"
    relies_on_individuals: bool | None = None  # only set where a source says so
    statement: str | None = None  # the source's words
    contacts: tuple[PersonRef, ...] = ()  # named contacts who carry the partnership (registers)


@dataclass(frozen=True)
class Meeting:
    body: OrgRef
    date: date
    provenance: Provenance
    item: str | None = None  # "4.2", "7"
    title: str | None = None
    author: PersonRef | None = None
    author_post: str | None = None
    contacts: tuple[PersonRef, ...] = ()
    lead_officer: PersonRef | None = None  # the officer responsible ("Report of", "Lead officer")
    lead_officer_post: str | None = None
    portfolio_holder: PersonRef | None = None  # the executive member ("Portfolio Holder")
    portfolio_holder_post: str | None = None
    decision_sought: str | None = None  # the first recommendation put to the meeting


@dataclass(frozen=True)
class Option:
    """An option a paper puts to a meeting, and whether it is the preferred one."""

    number: str
    label: str
    text: str
    provenance: Provenance
    preferred: bool = False


@dataclass(frozen=True)
class Intervention:
    """A statutory or sector intervention: Best Value Directions, an improvement board."""

    kind: str  # "best-value-directions", "improvement-board", "commissioners", ...
    subject: OrgRef
    provenance: Provenance
    label: str | None = None
    issued_by: OrgRef | None = None
    start: date | None = None
    end: date | None = None
    body: OrgRef | None = None  # the board that oversees it, where there is one
    support: tuple[str, ...] = ()  # support given, in the source's words


@dataclass(frozen=True)
class Review:
    """Any other review or programme activity, such as the London Councils Challenge."""

    label: str
    provenance: Provenance
    subject: OrgRef | None = None
    led_by: PersonRef | None = None
    date: date | None = None
    kind: str = "review"


@dataclass(frozen=True)
class CommissionModel:
    """How an organisation commissions a role, e.g. London Councils' Lead Chief Executives."""

    role: str  # "Lead Chief Executive"
    organisation: OrgRef  # the body the commissioned people serve: London Councils
    provenance: Provenance
    commissioned_by: str | None = (
        None  # the post that commissions: "Chief Executive of London Councils"
    )
    commissioned_with: tuple[str, ...] = ()  # "Chair of CELC", "Deputy Chair of CELC"
    accountable_to: OrgRef | None = None  # Leaders' Committee
    term_months: int | None = None  # 12
    term_start_month: int | None = None  # 9 (1 September)
    term_start_day: int | None = None  # 1
    reports_to: str | None = None  # "October meeting of Leaders' Committee"
    drawn_from: str | None = None  # who may be commissioned: "borough chief executives"
    policy_areas: tuple[str, ...] = ()  # example policy areas, as the source words them
    criteria: tuple[str, ...] = ()  # selection criteria
    support_groups: str | None = None  # what the source says of support groups
    renewal: str | None = None  # how often commissions are renewed: "annual"
    consultation: str | None = (
        None  # who is consulted before commissioning, and when, in the source's words
    )


@dataclass(frozen=True)
class Concept:
    """An item of a list that a source defines: a sign of failure, a stage, a criterion,
    a policy area, a programme or mission. `scheme` is the notation of its SKOS scheme."""

    scheme: str  # e.g. "poor-performance-signs", "commission-criteria", "policy-areas"
    label: str
    provenance: Provenance
    notation: str | None = None  # "Stage 1", "(ii)"
    definition: str | None = None
    broader: str | None = None  # label of a broader concept in the same scheme
    owner: OrgRef | None = None  # whose programme / mission it is


@dataclass(frozen=True)
class Authority:
    """A row of the register of English local authorities."""

    gss: str  # ONS GSS code, e.g. "E09000019"
    name: str  # official name, e.g. "London Borough of Islington"
    # "london-borough", "metropolitan-district", "unitary", "non-metropolitan-district",
    # "county" or "sui-generis"
    authority_type: str
    provenance: Provenance
    short_name: str | None = None  # "Islington"
    aliases: tuple[
        str, ...
    ] = ()  # every other name sources use: "LB Islington", "Islington Council"
    region: str | None = None
    end: date | None = None  # abolished or merged authorities keep their code and an end date


@dataclass(frozen=True)
class Alias:
    """A register line saying that a name means a given council, organisation or person."""

    alias: str
    canonical: str
    kind: Literal["council", "organisation", "person"]
    provenance: Provenance


@dataclass(frozen=True)
class ThemeOverride:
    """A person's decision that a recommendation is about a theme, overriding the classifier.
    `recommendation` is its IRI or "<challenge key> <number>" ("E09000019-2018-03 15",
    "E09000019-2018-03 key-item-2"); `theme` a theme notation, IRI or (old or new) name."""

    recommendation: str
    theme: str
    provenance: Provenance
    note: str | None = None
    decided_by: str | None = None
    date: date | None = None


Record = (
    Authority
    | Alias
    | DocumentRecord
    | Organisation
    | Membership
    | PeerChallenge
    | Recommendation
    | Action
    | Partnership
    | Meeting
    | Option
    | Intervention
    | Review
    | Concept
    | CommissionModel
    | Figure
    | ThemeOverride
)

__all__ = [
    "Action",
    "Alias",
    "Authority",
    "ChallengeRef",
    "CommissionModel",
    "Concept",
    "DocumentRecord",
    "Figure",
    "Intervention",
    "Meeting",
    "Membership",
    "Option",
    "OrgKind",
    "OrgRef",
    "Organisation",
    "Partnership",
    "PeerChallenge",
    "PersonRef",
    "Provenance",
    "Recommendation",
    "RecommendationRef",
    "Record",
    "Review",
    "ThemeOverride",
]

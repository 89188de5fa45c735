"""Records to triples: one function per record type, each writing into its source's named graph."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from rdflib import RDF, RDFS, Literal, URIRef

from graph.context import Context, add
from graph.iris import concept_iri, policy_area_iri, role_iri
from graph.namespaces import (
    CG,
    CHALLENGE_TYPE,
    DCT,
    FOAF,
    GSS,
    MEASURE,
    ORG,
    OWL,
    SCHEME,
    SKOS,
    XSD,
)
from loaders import records as r
from loaders.dates import Month, first_day
from loaders.source import slugify


def map_document(ctx: Context, rec: r.DocumentRecord) -> None:
    doc = ctx.minter.document(rec.key)
    g = ctx.graph(rec.provenance)
    g.add((doc, RDF.type, CG.Document))
    add(g, doc, DCT.title, rec.title)
    add(g, doc, DCT.date, rec.date)
    add(g, doc, CG.dateBasis, rec.date_basis)  # "inferred": dct:date is a lower bound
    add(g, doc, CG.dateEvidence, rec.date_evidence)
    add(g, doc, CG.documentType, rec.genre)
    add(g, doc, CG.sha256, rec.sha256)
    add(g, doc, CG.fileName, rec.path)
    add(g, doc, CG.pages, rec.pages)
    if rec.url:
        g.add((doc, FOAF.page, URIRef(rec.url)))
    if rec.publisher:
        add(g, doc, DCT.publisher, ctx.org(rec.publisher, rec.provenance))


def map_authority(ctx: Context, rec: r.Authority) -> None:
    council = ctx.minter.council(rec.gss)
    g = ctx.graph(rec.provenance)
    g.add((council, RDF.type, CG.Council))
    g.add((council, SKOS.prefLabel, Literal(rec.name)))
    for alias in sorted({rec.short_name or "", *rec.aliases} - {"", rec.name}):
        g.add((council, SKOS.altLabel, Literal(alias)))
    g.add((council, CG.gssCode, Literal(rec.gss)))
    g.add((council, OWL.sameAs, GSS[rec.gss]))
    add(g, council, CG.authorityType, rec.authority_type)
    add(g, council, CG.region, rec.region)
    add(g, council, CG.endDate, rec.end)
    ctx.provenance(council, rec.provenance)


def map_alias(ctx: Context, rec: r.Alias) -> None:
    """Aliases feed the resolver (see build); the spelling itself lands as an altLabel later."""


def map_organisation(ctx: Context, rec: r.Organisation) -> None:
    org = ctx.org(rec.ref, rec.provenance)
    g = ctx.graph(rec.provenance)
    for alias in rec.aliases:
        g.add((org, SKOS.altLabel, Literal(alias)))
    if rec.part_of:
        g.add((org, ORG.subOrganizationOf, ctx.org(rec.part_of, rec.provenance)))
    add(g, org, DCT.description, rec.description)
    add(g, org, CG.startDate, rec.established)


def _role(ctx: Context, label: str) -> URIRef:
    role = role_iri(label)
    ctx.roles.setdefault(role, label)
    return role


def map_membership(ctx: Context, rec: r.Membership) -> URIRef:
    person = ctx.person(rec.person)
    if isinstance(rec.organisation, r.ChallengeRef):
        org = ctx.team(rec.organisation, rec.provenance)
    else:
        org = ctx.org(rec.organisation, rec.provenance)
    role = _role(ctx, rec.role)
    m = ctx.minter.hashed(
        "membership",
        person,
        org,
        role,
        rec.policy_area,
        rec.start,
        rec.end,
        rec.provenance.document,
    )
    g = ctx.graph(rec.provenance)
    g.add((m, RDF.type, ORG.Membership))
    g.add((m, ORG.member, person))
    g.add((m, ORG.organization, org))
    g.add((m, ORG.role, role))
    g.add((m, CG.post, Literal(rec.role)))
    add(g, m, CG.startDate, rec.start)
    add(g, m, CG.endDate, rec.end)
    if rec.interim:
        g.add((m, CG.isInterim, Literal(True)))
    if rec.acting:
        g.add((m, CG.isActing, Literal(True)))
    add(g, m, CG.statedOn, rec.stated)
    if rec.former:
        g.add((m, CG.isFormer, Literal(True)))
    if rec.policy_area:
        area = policy_area_iri(rec.policy_area)
        g.add((m, CG.policyArea, area))
        _concept(ctx, area, "policy-areas", rec.policy_area, rec.provenance)
    if rec.commissioned_by:
        g.add((m, CG.commissionedBy, ctx.org(rec.commissioned_by, rec.provenance)))
    if rec.accountable_to:
        g.add((m, CG.accountableTo, ctx.org(rec.accountable_to, rec.provenance)))
    if rec.support_group:
        group = ctx.org(r.OrgRef(rec.support_group, "group"), rec.provenance)
        g.add((m, CG.supportGroup, group))
    stated_in = ctx.minter.document(rec.stated_in) if rec.stated_in else ctx.source(rec.provenance)
    g.add((m, CG.statedIn, stated_in))
    ctx.provenance(m, rec.provenance)
    return m


def _concept(ctx: Context, iri: URIRef, scheme: str, label: str, prov: r.Provenance) -> None:
    g = ctx.graph(prov)
    g.add((iri, RDF.type, SKOS.Concept))
    g.add((iri, SKOS.inScheme, SCHEME[scheme]))
    g.add((iri, SKOS.prefLabel, Literal(label)))
    g.add((SCHEME[scheme], RDF.type, SKOS.ConceptScheme))


def _challenge_label(rec: r.ChallengeRef, council_name: str) -> str:
    kind = rec.challenge_type.replace("-", " ").capitalize()
    when = date(rec.year, rec.month, 1).strftime("%B %Y") if rec.month else str(rec.year)
    return f"{kind}, {council_name}, {when}"


def map_challenge(ctx: Context, rec: r.PeerChallenge, *, dated: bool = True) -> None:
    """A peer challenge; `dated` False where another record of the same challenge states
    its dates better (its own report, over a later paper quoting it)."""
    ch = ctx.challenge(rec.ref, rec.provenance)
    council, _ = ctx.council(rec.ref.council, rec.provenance)
    g = ctx.graph(rec.provenance)
    g.add((ch, RDF.type, CG.PeerChallenge))
    g.add((ch, RDFS.label, Literal(_challenge_label(rec.ref, rec.ref.council.name))))
    g.add((ch, CG.subject, council))
    g.add((ch, CG.challengeType, CHALLENGE_TYPE[rec.ref.challenge_type]))
    g.add((ch, CG.peerTeam, ctx.team(rec.ref, rec.provenance)))
    if rec.planned:
        g.add((ch, CG.isPlanned, Literal(True)))
        add(
            g,
            ch,
            CG.plannedStart,
            first_day(rec.start) if rec.start else date(rec.ref.year, rec.ref.month or 1, 1),
        )
    elif dated:
        add(g, ch, CG.startDate, rec.start)
        add(g, ch, CG.endDate, rec.end)
    if rec.reported_in:
        g.add((ch, CG.reportedIn, ctx.minter.document(rec.reported_in)))
    if rec.follow_up_of:
        g.add((ch, CG.followUpOf, ctx.challenge(rec.follow_up_of, rec.provenance)))
    add(g, ch, CG.followUpDueBy, rec.follow_up_due_by)
    add(g, ch, CG.nextChallengeBy, rec.next_challenge_by)
    for question in rec.scope:
        g.add((ch, CG.scope, Literal(question)))
    if rec.principal_adviser:
        g.add((ch, CG.principalAdviser, ctx.person(rec.principal_adviser)))
    ctx.provenance(ch, rec.provenance)
    for figure in rec.figures:
        map_figure(ctx, figure)


def recommendation_iri(ctx: Context, rec: r.Recommendation) -> URIRef:
    challenge = ctx.challenge(rec.challenge, rec.provenance)
    tail = ("key-" if rec.is_key else "") + slugify(rec.number or f"item-{rec.position}")
    return ctx.minter.thing("recommendation", f"{challenge.rsplit('/', 1)[1]}-{tail}")


def map_recommendation(ctx: Context, rec: r.Recommendation) -> None:
    iri = recommendation_iri(ctx, rec)
    challenge = ctx.challenge(rec.challenge, rec.provenance)
    council, _ = ctx.council(rec.challenge.council, rec.provenance)
    g = ctx.graph(rec.provenance)
    g.add((iri, RDF.type, CG.Recommendation))
    g.add((iri, CG.text, Literal(rec.text)))
    add(g, iri, CG.number, rec.number)
    if rec.position:
        g.add((iri, CG.position, Literal(rec.position)))
    g.add((iri, CG.isKeyRecommendation, Literal(rec.is_key)))
    g.add((iri, CG.madeBy, challenge))
    g.add((iri, CG.addressedTo, council))
    if rec.group:
        group = concept_iri("recommendation-groups", rec.group, challenge.rsplit("/", 1)[1])
        _concept(ctx, group, "recommendation-groups", rec.group, rec.provenance)
        g.add((iri, CG.group, group))
    # Themes (dct:subject) are added by graph.enrich, which classifies all recommendations
    # in one batch and then applies the override register.
    ctx.provenance(iri, rec.provenance)


def action_iri(ctx: Context, rec: r.Action) -> URIRef:
    return ctx.minter.hashed("action", rec.provenance.document, rec.provenance.location, rec.text)


def map_action(ctx: Context, rec: r.Action) -> None:
    iri = action_iri(ctx, rec)
    g = ctx.graph(rec.provenance)
    g.add((iri, RDF.type, CG.Action))
    g.add((iri, CG.text, Literal(rec.text)))
    target = rec.responds_to
    if isinstance(target, r.ChallengeRef):
        g.add((iri, CG.respondsTo, ctx.challenge(target, rec.provenance)))
    elif isinstance(target, r.RecommendationRef) and (target.number or target.position):
        g.add((iri, CG.respondsTo, _referred(ctx, target, rec.provenance)))
    add(g, iri, CG.status, rec.status)
    add(g, iri, CG.actionLead, rec.lead)
    add(g, iri, CG.dueDate, rec.due)
    add(g, iri, CG.ragRating, rec.rag)
    add(g, iri, CG.number, rec.number)
    add(g, iri, CG.pageReference, rec.page_reference)
    add(g, iri, CG.topic, rec.topic)
    for key in rec.evidence:
        g.add((iri, CG.evidence, ctx.minter.document(key)))
    ctx.provenance(iri, rec.provenance)


def _referred(ctx: Context, target: r.RecommendationRef, prov: r.Provenance) -> URIRef:
    """The recommendation an action answers, by its challenge and number (or place in an
    unnumbered list); the source says which challenge made it and how it is numbered, even
    where it does not restate its words (then it is not typed, having no text)."""
    probe = r.Recommendation(
        target.challenge,
        "",
        target.is_key,
        prov,
        number=target.number,
        position=target.position,
    )
    iri = recommendation_iri(ctx, probe)
    g = ctx.graph(prov)
    g.add((iri, CG.madeBy, ctx.challenge(target.challenge, prov)))
    add(g, iri, CG.number, target.number)
    return iri


def map_partnership(ctx: Context, rec: r.Partnership) -> None:
    iri = ctx.minter.thing("partnership", slugify(rec.label))
    g = ctx.graph(rec.provenance)
    g.add((iri, RDF.type, CG.Partnership))
    g.add((iri, SKOS.prefLabel, Literal(rec.label)))
    for member in rec.members:
        g.add((iri, ORG.hasMember, ctx.org(member, rec.provenance)))
    for contact in rec.contacts:  # their seats are memberships stated in the same source
        g.add((iri, CG.contact, ctx.person(contact)))
    add(g, iri, DCT.subject, rec.subject)
    if rec.relies_on_individuals is not None:
        g.add((iri, CG.reliesOnIndividualRelationships, Literal(rec.relies_on_individuals)))
    add(g, iri, CG.statement, rec.statement)
    ctx.provenance(iri, rec.provenance)


def map_meeting(ctx: Context, rec: r.Meeting) -> None:
    body = ctx.org(rec.body, rec.provenance)
    iri = ctx.minter.hashed("meeting", body, rec.date, rec.item)
    g = ctx.graph(rec.provenance)
    g.add((iri, RDF.type, CG.Meeting))
    g.add((iri, CG.body, body))
    g.add((iri, DCT.date, Literal(rec.date, datatype=XSD.date)))
    label = f"{rec.body.name}, {rec.date:%-d %B %Y}" + (f", item {rec.item}" if rec.item else "")
    g.add((iri, RDFS.label, Literal(label)))
    add(g, iri, CG.agendaItem, rec.item)
    add(g, iri, DCT.title, rec.title)
    if rec.author:
        g.add((iri, CG.author, ctx.person(rec.author)))
    add(g, iri, CG.authorPost, rec.author_post)
    if rec.lead_officer:
        g.add((iri, CG.leadOfficer, ctx.person(rec.lead_officer)))
    add(g, iri, CG.leadOfficerPost, rec.lead_officer_post)
    if rec.portfolio_holder:
        g.add((iri, CG.portfolioHolder, ctx.person(rec.portfolio_holder)))
    add(g, iri, CG.portfolioHolderPost, rec.portfolio_holder_post)
    add(g, iri, CG.decisionSought, rec.decision_sought)
    for contact in rec.contacts:
        g.add((iri, CG.contact, ctx.person(contact)))
    g.add((ctx.source(rec.provenance), CG.meeting, iri))
    ctx.provenance(iri, rec.provenance)


def map_option(ctx: Context, rec: r.Option) -> None:
    iri = ctx.minter.hashed("option", rec.provenance.document, rec.number)
    g = ctx.graph(rec.provenance)
    g.add((iri, RDF.type, CG.Option))
    g.add((iri, CG.number, Literal(rec.number)))
    g.add((iri, RDFS.label, Literal(rec.label)))
    g.add((iri, CG.text, Literal(rec.text)))
    g.add((iri, CG.preferred, Literal(rec.preferred)))
    ctx.provenance(iri, rec.provenance)


def map_intervention(ctx: Context, rec: r.Intervention) -> None:
    subject = ctx.org(rec.subject, rec.provenance)
    iri = ctx.minter.hashed("intervention", rec.kind, subject, rec.start, rec.label)
    g = ctx.graph(rec.provenance)
    g.add((iri, RDF.type, CG.Intervention))
    g.add((iri, CG.interventionType, Literal(rec.kind)))
    add(g, iri, RDFS.label, rec.label or rec.kind.replace("-", " ").capitalize())
    g.add((iri, CG.subject, subject))
    if rec.issued_by:
        g.add((iri, CG.issuedBy, ctx.org(rec.issued_by, rec.provenance)))
    if rec.body:
        g.add((iri, CG.body, ctx.org(rec.body, rec.provenance)))
    add(g, iri, CG.startDate, rec.start)
    add(g, iri, CG.endDate, rec.end)
    for support in rec.support:
        g.add((iri, CG.support, Literal(support)))
    ctx.provenance(iri, rec.provenance)


def map_review(ctx: Context, rec: r.Review) -> None:
    iri = ctx.minter.thing("review", slugify(rec.label + (f" {rec.date.year}" if rec.date else "")))
    g = ctx.graph(rec.provenance)
    g.add((iri, RDF.type, CG.Review))
    g.add((iri, RDFS.label, Literal(rec.label)))
    g.add((iri, CG.reviewType, Literal(rec.kind)))
    if rec.subject:
        g.add((iri, CG.subject, ctx.org(rec.subject, rec.provenance)))
    if rec.led_by:
        g.add((iri, CG.ledBy, ctx.person(rec.led_by)))
    add(g, iri, DCT.date, rec.date)
    ctx.provenance(iri, rec.provenance)


def _scheme_concept(ctx: Context, scheme: str, label: str, owner: URIRef | None) -> URIRef:
    if scheme == "policy-areas":
        return policy_area_iri(label)
    owner_key = owner.rsplit("/", 1)[1] if owner else None
    return concept_iri(scheme, label, owner_key)


def map_concept(ctx: Context, rec: r.Concept) -> None:
    owner = ctx.org(rec.owner, rec.provenance) if rec.owner else None
    iri = _scheme_concept(ctx, rec.scheme, rec.label, owner)
    _concept(ctx, iri, rec.scheme, rec.label, rec.provenance)
    g = ctx.graph(rec.provenance)
    add(g, iri, SKOS.notation, rec.notation)
    add(g, iri, SKOS.definition, rec.definition)
    if rec.broader:
        g.add((iri, SKOS.broader, _scheme_concept(ctx, rec.scheme, rec.broader, owner)))
    if owner:
        g.add((iri, CG.owner, owner))
    ctx.provenance(iri, rec.provenance)


def map_commission_model(ctx: Context, rec: r.CommissionModel) -> None:
    org = ctx.org(rec.organisation, rec.provenance)
    iri = ctx.minter.thing("commissioning-model", f"{org.rsplit('/', 1)[1]}-{slugify(rec.role)}")
    g = ctx.graph(rec.provenance)
    g.add((iri, RDF.type, CG.CommissioningModel))
    g.add((iri, RDFS.label, Literal(f"{rec.role} commissions, {rec.organisation.name}")))
    g.add((iri, CG.role, _role(ctx, rec.role)))
    g.add((iri, CG.subject, org))
    add(g, iri, CG.commissionedByPost, rec.commissioned_by)
    for post in rec.commissioned_with:
        g.add((iri, CG.commissionedWith, Literal(post)))
    if rec.accountable_to:
        g.add((iri, CG.accountableTo, ctx.org(rec.accountable_to, rec.provenance)))
    add(g, iri, CG.termMonths, rec.term_months)
    if rec.term_start_month and rec.term_start_day:
        month_day = f"--{rec.term_start_month:02d}-{rec.term_start_day:02d}"
        g.add((iri, CG.termStart, Literal(month_day, datatype=XSD.gMonthDay)))
    add(g, iri, CG.reportsTo, rec.reports_to)
    add(g, iri, CG.drawnFrom, rec.drawn_from)
    add(g, iri, CG.supportGroups, rec.support_groups)
    for area in rec.policy_areas:
        _concept(ctx, policy_area_iri(area), "policy-areas", area, rec.provenance)
        g.add((iri, CG.drawsOn, policy_area_iri(area)))
    for criterion in rec.criteria:
        concept = concept_iri("commission-criteria", criterion)
        _concept(ctx, concept, "commission-criteria", criterion, rec.provenance)
        g.add((iri, CG.criterion, concept))
    ctx.provenance(iri, rec.provenance)


def map_figure(ctx: Context, rec: r.Figure) -> None:
    about: URIRef | None = None
    if isinstance(rec.about, r.ChallengeRef):
        about = ctx.challenge(rec.about, rec.provenance)
    elif isinstance(rec.about, r.OrgRef):
        about = ctx.org(rec.about, rec.provenance)
    iri = ctx.minter.hashed("figure", rec.provenance.document, rec.measure, about, rec.value)
    g = ctx.graph(rec.provenance)
    g.add((iri, RDF.type, CG.Figure))
    measure = MEASURE[slugify(rec.measure)]
    g.add((iri, CG.measure, measure))
    g.add((measure, RDF.type, SKOS.Concept))
    g.add((measure, SKOS.inScheme, SCHEME["measures"]))
    g.add((iri, CG.value, Literal(str(rec.value), datatype=XSD.decimal)))
    add(g, iri, CG.unit, rec.unit)
    add(g, iri, RDFS.label, rec.label)
    if about is not None:
        g.add((iri, CG.about, about))
    ctx.provenance(iri, rec.provenance)


MAPPERS: dict[type, Callable[[Context, Any], object]] = {
    r.DocumentRecord: map_document,
    r.Authority: map_authority,
    r.Alias: map_alias,
    r.Organisation: map_organisation,
    r.Membership: map_membership,
    r.PeerChallenge: map_challenge,
    r.Recommendation: map_recommendation,
    r.Action: map_action,
    r.Partnership: map_partnership,
    r.Meeting: map_meeting,
    r.Option: map_option,
    r.Intervention: map_intervention,
    r.Review: map_review,
    r.Concept: map_concept,
    r.CommissionModel: map_commission_model,
    r.Figure: map_figure,
    r.ThemeOverride: lambda ctx, rec: None,  # applied by graph.enrich, after classification
}


def map_records(ctx: Context, records: Iterable[r.Record]) -> None:
    records = list(records)
    dating = _dating_records(ctx, records)
    for record in records:
        if isinstance(record, r.PeerChallenge):
            iri = ctx.challenge(record.ref, record.provenance)
            map_challenge(ctx, record, dated=dating.get(iri) is record)
        else:
            MAPPERS[type(record)](ctx, record)


def _precision(when: object) -> int:
    return 3 if isinstance(when, date) else 2 if isinstance(when, Month) else 1


def _dating_records(ctx: Context, records: list[r.Record]) -> dict[URIRef, r.PeerChallenge]:
    """For each challenge, the one record whose dates the graph states: a record from the
    challenge's own report over any quoting it, then the most precise, then the first."""
    best: dict[URIRef, tuple[tuple[int, int], r.PeerChallenge]] = {}
    for record in records:
        if not isinstance(record, r.PeerChallenge) or record.planned or record.start is None:
            continue
        iri = ctx.challenge(record.ref, record.provenance)
        rank = (0 if record.quoted else 1, _precision(record.start))
        if iri not in best or rank > best[iri][0]:
            best[iri] = (rank, record)
    return {iri: record for iri, (_, record) in best.items()}

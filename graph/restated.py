"""What one document restates of another's subject, reconciled before mapping.

A council paper answering a peer challenge restates the recommendations it answers (such
records are marked `quoted`). Where the challenge's own report is in the corpus too, its
recommendations win: the paper's restated ones give way, and each of its actions is
re-pointed at the report's recommendation its words (else its number) match. Where only
papers restate a recommendation, the first to do so states its words, so that a
recommendation never has two texts. (Which record dates a challenge is chosen as it is
mapped: `graph.mapping`.) Nothing here reads a document; it only chooses between records.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rdflib import URIRef

from graph.context import Context
from graph.mapping import recommendation_iri
from loaders import records as r

_AGREE = 0.6  # share of the shorter wording's words the longer must hold


def reconcile(ctx: Context, records: list[r.Record]) -> list[r.Record]:
    """The records to map: restated recommendations given way to the report's own."""
    own: dict[URIRef, list[r.Recommendation]] = {}
    for record in records:
        if isinstance(record, r.Recommendation) and not record.quoted:
            own.setdefault(ctx.challenge(record.challenge, record.provenance), []).append(record)
    first_text: dict[URIRef, r.Recommendation] = {}
    out: list[r.Record] = []
    for record in records:
        if isinstance(record, r.Recommendation) and record.quoted:
            if ctx.challenge(record.challenge, record.provenance) in own:
                continue  # the challenge's own report states its recommendations
            iri = recommendation_iri(ctx, record)
            if first_text.setdefault(iri, record) is not record:
                continue  # another paper restated it first
        elif isinstance(record, r.Action) and isinstance(record.responds_to, r.RecommendationRef):
            target = record.responds_to
            recs = own.get(ctx.challenge(target.challenge, record.provenance))
            if recs:
                record = replace(record, responds_to=_own(target, recs))
        out.append(record)
    return out


def _own(
    target: r.RecommendationRef, recs: list[r.Recommendation]
) -> r.RecommendationRef | r.ChallengeRef:
    """The report's own recommendation a paper's restated one is: the one its words agree
    with, else the one with its number (a key recommendation first); else the challenge."""
    if target.text:
        agreeing = [rec for rec in recs if _agree(target.text, rec.text)]
        if agreeing:
            found = max(agreeing, key=lambda rec: _overlap(target.text or "", rec.text))
            return _ref(found)
    if target.number:
        digits = re.sub(r"^R(?=\d)", "", target.number)
        numbered = [rec for rec in recs if rec.number in {target.number, digits}]
        if numbered:
            return _ref(max(numbered, key=lambda rec: rec.is_key))
    return target.challenge


def _ref(rec: r.Recommendation) -> r.RecommendationRef:
    return r.RecommendationRef(rec.challenge, rec.number, rec.text, rec.is_key, rec.position)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def _overlap(a: str, b: str) -> float:
    shorter, longer = sorted((_words(a), _words(b)), key=len)
    return len(shorter & longer) / len(shorter) if shorter else 0.0


def _agree(a: str, b: str) -> bool:
    return _overlap(a, b) >= _AGREE


__all__ = ["reconcile"]

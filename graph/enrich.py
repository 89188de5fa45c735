"""Analyses that add statements after mapping: theme classifications with their confidence,
overrides from the theme-override register, and similar recommendations.

- Every automatic classification becomes a `cg:ThemeClassification` node in the analyses
  graph (`{things}graph/analyses`): the recommendation, the theme, `cg:confidence`, the
  cues that fired and `cg:classificationMethod` (method and version).
- An override (loaders/theme_overrides.py) wins: the recommendation's `dct:subject`
  statements are replaced by the register's themes, its `cg:classificationMethod` becomes
  "override", and a `cg:ThemeClassification` in the register's graph carries
  `prov:wasDerivedFrom` the register and `cg:sourceLocation` its row. (The provenance sits
  on that node, not on the recommendation, whose `prov:wasDerivedFrom` must be a document.)
- Topics and similar recommendations made to other councils, in the analyses graph: each
  recommendation `cg:raisesTopic` the thesaurus topics (ontology/topics.ttl) its text
  signals; `cg:similarTo` plus a scored `cg:Similarity` node (`cg:from`, `cg:to`,
  `cg:score`, `cg:method` with its version, and `cg:basis`: the topics and words the two
  share, in words; the topics both raise are also their common `cg:raisesTopic`, so they
  are not stated again on each of the 75,000 similarities of a 100% build). `similarity_graph` makes them apart from the rest
  (needing only the texts), so a large build computes them in a second process while the
  first maps and writes the store.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from rdflib import RDF, Literal, URIRef

from councilgraph.errors import RegisterError
from graph import similarity, themes, topics
from graph.context import Context, add, lit
from graph.iris import Minter
from graph.mapping import recommendation_iri
from graph.namespaces import CG, DCT, PROV, THEME, TOPIC
from graph.triples import TripleSet
from loaders import records as r

OVERRIDE_METHOD = "override"


def analyses_graph(minter: Minter) -> URIRef:
    return minter.thing("graph", "analyses")


def enrich(ctx: Context, records: Sequence[r.Record]) -> None:
    """Classify the mapped recommendations and apply the override register."""
    recommendations = recommendations_by_iri(ctx, records)
    record_classifications(ctx, recommendations)
    overrides = [rec for rec in records if isinstance(rec, r.ThemeOverride)]
    apply_overrides(ctx, overrides, recommendations)


def recommendations_by_iri(
    ctx: Context, records: Sequence[r.Record]
) -> dict[URIRef, r.Recommendation]:
    return {
        recommendation_iri(ctx, rec): rec for rec in records if isinstance(rec, r.Recommendation)
    }


def similarity_items(ctx: Context, recs: dict[URIRef, r.Recommendation]) -> list[similarity.Item]:
    return [
        similarity.Item(
            str(iri), rec.text, ctx.resolver.council(rec.challenge.council, rec.provenance)
        )
        for iri, rec in recs.items()
    ]


def record_classifications(ctx: Context, recs: dict[URIRef, r.Recommendation]) -> None:
    """Each recommendation's themes, in its own source's graph, and the scored evidence for
    them in the analyses graph."""
    g = ctx.named(analyses_graph(ctx.minter))
    batch = themes.classify_batch([(rec.text, rec.group) for rec in recs.values()])
    for (iri, rec), classifications in zip(recs.items(), batch, strict=True):
        home = ctx.graph(rec.provenance)
        home.add((iri, CG.classificationMethod, Literal(themes.METHOD)))
        for c in classifications:
            home.add((iri, DCT.subject, c.theme))
            node = ctx.minter.hashed("classification", iri, c.theme, c.method)
            g.add((node, RDF.type, CG.ThemeClassification))
            g.add((node, CG.recommendation, iri))
            g.add((node, DCT.subject, c.theme))
            g.add((node, CG.confidence, lit(c.confidence)))
            g.add((node, CG.classificationMethod, Literal(c.method)))
            add(g, node, CG.cues, "; ".join(c.cues))
            g.add((node, PROV.wasDerivedFrom, ctx.source(rec.provenance)))


# ---------------------------------------------------------------- overrides


def theme_iri(value: str) -> URIRef | None:
    """A theme from its notation key, IRI, or current or 2012-2022 name; None if unknown."""
    value = value.strip()
    if value.startswith(str(THEME)):
        value = value.removeprefix(str(THEME))
    if value in themes.CUES:
        return THEME[value]
    key = themes.scheme().names.get(re.sub(r"[^a-z]+", " ", value.lower()).strip())
    return THEME[key] if key else None


def _target(ctx: Context, reference: str) -> URIRef:
    """`https://...id/recommendation/X`, `X`, or "<challenge key> <number>" -> the IRI."""
    reference = reference.strip()
    if reference.startswith(("http://", "https://")):
        return URIRef(reference)
    key = re.sub(r"\s*(?:#|\s)\s*(?:no\.?\s*|number\s*)?", "-", reference, count=1)
    return ctx.minter.thing("recommendation", key)


def _error(ov: r.ThemeOverride, column: str, message: str, hint: str) -> RegisterError:
    row = (
        int(ov.provenance.location.removeprefix("row "))
        if ov.provenance.location.startswith("row ")
        else None
    )
    return RegisterError(
        ov.provenance.document.removeprefix("register-") + ".csv", row, column, message, hint=hint
    )


def apply_overrides(
    ctx: Context, overrides: Sequence[r.ThemeOverride], recs: dict[URIRef, r.Recommendation]
) -> None:
    """Replace the classifier's themes with the register's, recording each override."""
    decided: dict[URIRef, list[tuple[URIRef, r.ThemeOverride]]] = defaultdict(list)
    for ov in overrides:
        target, theme = _target(ctx, ov.recommendation), theme_iri(ov.theme)
        if target not in recs:
            raise _error(
                ov,
                "recommendation",
                f"no recommendation {ov.recommendation!r} in this build",
                "give its IRI or '<challenge key> <number>', e.g. 'E09000019-2018-03 15'",
            )
        if theme is None:
            raise _error(
                ov,
                "theme",
                f"unknown theme {ov.theme!r}",
                f"one of {', '.join(themes.CUES)} (or a current or 2012-2022 name)",
            )
        decided[target].append((theme, ov))
    for target, chosen in decided.items():
        home = ctx.graph(recs[target].provenance)
        home.remove((target, DCT.subject, None))
        home.remove((target, CG.classificationMethod, None))
        home.add((target, CG.classificationMethod, Literal(OVERRIDE_METHOD)))
        for theme, ov in chosen:
            _record_override(ctx, target, theme, ov)


def _record_override(ctx: Context, target: URIRef, theme: URIRef, ov: r.ThemeOverride) -> None:
    g = ctx.graph(ov.provenance)
    g.add((target, DCT.subject, theme))
    node = ctx.minter.hashed("classification", target, theme, OVERRIDE_METHOD)
    g.add((node, RDF.type, CG.ThemeClassification))
    g.add((node, CG.recommendation, target))
    g.add((node, DCT.subject, theme))
    g.add((node, CG.classificationMethod, Literal(OVERRIDE_METHOD)))
    g.add((node, CG.confidence, lit(1.0)))
    add(g, node, CG.note, ov.note)
    add(g, node, CG.decidedBy, ov.decided_by)
    add(g, node, DCT.date, ov.date)
    ctx.provenance(node, ov.provenance)


# ---------------------------------------------------------------- similar recommendations


def similarity_graph(
    items: Sequence[similarity.Item], minter: Minter, share: tuple[int, int] = (0, 1)
) -> TripleSet:
    """The topic and similar-recommendation statements about `items` (or the `share` of
    them that `similarity.similar` describes), as (part of) the analyses graph."""
    g = TripleSet(analyses_graph(minter))
    first, last = similarity.portion(len(items), share)
    mine = items[first:last]
    _, raised = topics.weights([item.text for item in mine], decay=0.0, broader_share=0.0)
    for item, found in zip(mine, raised, strict=True):
        for topic in found:
            g.add((URIRef(item.key), CG.raisesTopic, TOPIC[topic.topic.key]))
    # One literal for the method and one per score (three decimals): 75,000 similarities
    # at 100% share them, and the N-Quads writer then quotes each once.
    method = Literal(similarity.METHOD)
    scores: dict[float, Literal] = {}
    for m in similarity.similar(items, share=share):
        source, target = URIRef(m.source), URIRef(m.target)
        g.add((source, CG.similarTo, target))
        node = minter.hashed("similarity", m.source, m.target, similarity.METHOD)
        g.add((node, RDF.type, CG.Similarity))
        g.add((node, CG["from"], source))
        g.add((node, CG.to, target))
        score = scores.get(m.score)
        if score is None:
            score = scores[m.score] = lit(m.score)
        g.add((node, CG.score, score))
        g.add((node, CG.method, method))
        g.add((node, CG.basis, Literal(m.basis)))
    return g

"""Linking actions in council plans to the recommendations they answer, only where the
wording supports it: the two texts must share distinctive phrases, not just topic words.

The rule (version LINK_METHOD): an action stated by a council's own document, with no
explicit target, answers a recommendation made to that council by an earlier challenge
when they share at least one three-word phrase or two different two-word phrases of
content words (light stemming, stop words and generic council words removed), at least
one of them in the action's own words, the others possibly in its heading. The shared
phrases are recorded as `cg:linkBasis`, so a reader can judge every link.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rdflib import Literal, URIRef

from graph.context import Context
from graph.mapping import action_iri, recommendation_iri
from graph.namespaces import CG
from loaders import records as r

LINK_METHOD = "councilgraph-phrase-overlap/1"
_STOP = frozenset(
    """a an and are as at be been but by can could do for from has have how in into is it its
    of on or our should that the their them they this through to was we were which will with
    within your you more most all any other such than so also both each further new key
    council councils borough ensure make made need needs clear""".split()
)
_WORD = re.compile(r"[a-z]+")


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def phrases(text: str, ignore: frozenset[str] = frozenset()) -> tuple[set[str], set[str]]:
    """Two- and three-word phrases of content words, in order."""
    skip = _STOP | ignore
    words = [_stem(w) for w in _WORD.findall(text.lower()) if w not in skip and len(w) > 2]
    bigrams = {" ".join(words[i : i + 2]) for i in range(len(words) - 1)}
    trigrams = {" ".join(words[i : i + 3]) for i in range(len(words) - 2)}
    return bigrams, trigrams


def shared_phrases(
    action: str,
    recommendation: str,
    context: str | None = None,
    ignore: frozenset[str] = frozenset(),
) -> list[str]:
    """The phrases that support a link, or [] when the texts do not support one.

    The heading an action sits under (`context`) may add phrases, but at least one shared
    phrase must come from the action's own words."""
    own2, own3 = phrases(action, ignore)
    ctx2, ctx3 = phrases(context or "", ignore)
    r2, r3 = phrases(recommendation, ignore)
    tri, bi = (own3 | ctx3) & r3, (own2 | ctx2) & r2
    if not ((own2 & r2) or (own3 & r3)):
        return []
    if tri or len(bi) >= 2:
        return sorted(tri | bi)
    return []


def link_actions(ctx: Context, records: Iterable[r.Record]) -> None:
    records = list(records)
    publishers = {
        d.key: d.publisher for d in records if isinstance(d, r.DocumentRecord) and d.publisher
    }
    dates = {d.key: d.date for d in records if isinstance(d, r.DocumentRecord)}
    by_council: dict[str | None, list[r.Recommendation]] = {}
    for rec in records:
        if isinstance(rec, r.Recommendation):
            gss = ctx.resolver.find_council(rec.challenge.council.name)
            by_council.setdefault(gss, []).append(rec)
    for action in records:
        if not isinstance(action, r.Action) or action.responds_to is not None:
            continue
        publisher = publishers.get(action.provenance.document)
        gss = ctx.resolver.find_council(publisher.name) if publisher else None
        if gss is None:
            continue
        authority = ctx.resolver.authorities[gss]
        # The council's own place name is in both texts by nature: no evidence of a link.
        place = frozenset(_WORD.findall((authority.short_name or authority.name).lower()))
        when = dates.get(action.provenance.document)
        for rec in by_council.get(gss, []):
            if when is not None and rec.challenge.year > when.year:
                continue
            basis = shared_phrases(action.text, rec.text, action.context, place)
            if basis:
                _link(ctx, action, recommendation_iri(ctx, rec), basis)


def _link(ctx: Context, action: r.Action, target: URIRef, basis: list[str]) -> None:
    iri = action_iri(ctx, action)
    g = ctx.graph(action.provenance)
    g.add((iri, CG.respondsTo, target))
    g.add((iri, CG.linkBasis, Literal(f"{LINK_METHOD}: shared phrases " + "; ".join(basis))))

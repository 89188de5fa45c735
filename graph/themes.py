"""Classifying recommendations against the peer challenge themes (core components).

A transparent two-part method, seeded only from the SKOS theme scheme (ontology/schemes.ttl)
and the cue words below, never from the documents it classifies:

1. Rules: each theme has cue words (stems, matched at word starts). A cue in the text
   scores 1; in the heading the recommendation sits under it scores 2; a heading that *is*
   a theme's name (current or 2012-2022, via skos:altLabel, skos:exactMatch and
   skos:closeMatch) scores 4 for that theme.
2. TF-IDF: each theme is a document of its labels, its definition, the labels of the old
   names mapped to it and its cues; the recommendation (plus heading) is compared with each
   by cosine similarity over stems and stem bigrams (scikit-learn), with a few synonyms folded.

Confidence = 0.6 × the theme's share of the rule score + 0.4 × its share of the TF-IDF
similarity. The best theme is kept, and a second one when it reaches half the best.
3. Fallback, only when neither finds anything: the theme nearest in character 3-5-grams,
   at half its share as confidence, with the cue "fallback:character n-grams".
`METHOD` names the method and version; every classification carries it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rdflib import Graph, URIRef
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from graph.namespaces import SCHEME, SKOS, THEME
from ontology import SCHEMES

METHOD = "councilgraph-rules-tfidf/2"
RULE_WEIGHT, TFIDF_WEIGHT = 0.6, 0.4
SECOND_THEME_SHARE = 0.5

CUES: dict[str, tuple[str, ...]] = {
    "local-priorities-and-outcomes": (
        "priorit",
        "outcome",
        "vision",
        "performance",
        "measure",
        "target",
        "evidence",
        "insight",
        "evaluat",
        "ambition",
        "council plan",
        "corporate plan",
        "local context",
        "local need",
        "understand",
        "demograph",
        "impact",
        "kpi",
        "inequalit",
        "deprivation",
        "data",
    ),
    "organisational-and-place-leadership": (
        "partner",
        "place",
        "communit",
        "voluntary",
        "business",
        "nhs",
        "health",
        "anchor",
        "collaborat",
        "engage",
        "relationship",
        "leadership",
        "system lead",
        "convening",
        "external",
        "stakeholder",
        "parish",
        "empower",
        "devolution",
        "combined authority",
        "economic",
        "growth",
        "ambassador",
        "influenc",
        "civic",
    ),
    "governance-and-culture": (
        "governance",
        "decision",
        "scrutiny",
        "risk",
        "audit",
        "culture",
        "cultural",
        "member",
        "councillor",
        "accountab",
        "bureaucra",
        "values",
        "behaviour",
        "silo",
        "transparen",
        "constitution",
        "delegation",
        "committee",
        "cabinet",
        "protocol",
        "assurance",
        "whistleblow",
        "trust",
        "blame",
        "standards",
        "code of conduct",
        "monitoring officer",
    ),
    "financial-planning-and-management": (
        "financ",
        "budget",
        "cost",
        "saving",
        "reserve",
        "capital",
        "income",
        "commercial",
        "money",
        "mtfs",
        "medium term",
        "spend",
        "fund",
        "value for money",
        "efficien",
        "asset",
        "procurement",
        "treasury",
        "debt",
        "borrow",
        "housing revenue account",
        "fees",
        "charges",
        "revenue",
        "estate",
    ),
    "capacity-for-improvement": (
        "capacity",
        "staff",
        "workforce",
        "skill",
        "people strategy",
        "programme management",
        "transformation",
        "change",
        "pace",
        "delivery",
        "ict",
        "digital",
        "technology",
        "interim",
        "agency",
        "recruit",
        "retention",
        "talent",
        "apprentic",
        "training",
        "project",
        "modernis",
        "improvement",
        "reform",
        "redesign",
        "learn",
        "innovat",
        "human resources",
        "organisational development",
        "manager",
        "frontline",
        "productiv",
    ),
}
# Words that mean the same for this purpose, folded before TF-IDF (the rules see raw text).
SYNONYMS: dict[str, str] = {
    "councillors": "member",
    "councillor": "member",
    "members": "member",
    "elected": "member",
    "monies": "money",
    "finances": "financial",
    "finance": "financial",
    "fiscal": "financial",
    "employees": "staff",
    "officers": "staff",
    "personnel": "staff",
    "workforce": "staff",
    "residents": "community",
    "communities": "community",
    "citizens": "community",
    "objectives": "priorities",
    "goals": "priorities",
    "aims": "priorities",
    "technology": "ict",
}
_WORD = re.compile(r"[a-z][a-z'-]*")
_STOP = frozenset(ENGLISH_STOP_WORDS) | {"council", "councils", "ensure", "need", "needs"}


@dataclass(frozen=True)
class Classification:
    """One theme assigned to a text, with the parts of the score that put it there."""

    theme: URIRef
    confidence: float
    rule_score: float
    tfidf_score: float
    cues: tuple[str, ...]
    method: str = METHOD


def stem(word: str) -> str:
    """A light suffix stripper: enough to meet 'budgets' with 'budget', no more."""
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def content_words(lowered: str) -> list[tuple[str, int, int]]:
    """(stem, start, end) of each content word of a lower-cased text, synonyms folded: what
    `tokens` is made of, with where each word is (to quote a shared phrase)."""
    found = []
    for match in _WORD.finditer(lowered):
        word = SYNONYMS.get(match.group(), match.group())
        if word not in _STOP and len(word) > 1:
            found.append((stem(word), match.start(), match.end()))
    return found


def tokens(text: str) -> list[str]:
    """Stems of content words, synonyms folded, then their bigrams."""
    stems = [s for s, _, _ in content_words(text.lower())]
    return stems + [f"{a} {b}" for a, b in zip(stems, stems[1:], strict=False)]


@dataclass(frozen=True)
class _Scheme:
    names: dict[str, str]  # normalised label (current, alt, 2012) -> theme key
    vectorizer: TfidfVectorizer
    matrix: np.ndarray  # one L2-normalised row per theme, in CUES order
    chars: TfidfVectorizer  # the fallback: character 3-5-grams within words
    char_matrix: np.ndarray


def _normal(label: str) -> str:
    return re.sub(r"[^a-z]+", " ", label.lower()).strip()


@lru_cache(maxsize=1)
def scheme() -> _Scheme:
    """Theme documents built from the SKOS scheme; read once per process."""
    g = Graph().parse(SCHEMES, format="turtle")
    names: dict[str, str] = {}
    documents: list[str] = []
    for key, cues in CUES.items():
        concept = THEME[key]
        labels = [str(o) for p in (SKOS.prefLabel, SKOS.altLabel) for o in g.objects(concept, p)]
        for p in (SKOS.exactMatch, SKOS.closeMatch):
            for old in g.subjects(p, concept):
                labels += [str(o) for o in g.objects(old, SKOS.prefLabel)]
        for label in labels:
            names[_normal(label)] = key
        definition = " ".join(str(o) for o in g.objects(concept, SKOS.definition))
        documents.append(" ".join([*labels, definition, *cues]))
    if (SCHEME["themes"], None, None) not in g:
        raise RuntimeError(f"no theme scheme in {SCHEMES}")
    vectorizer = TfidfVectorizer(analyzer=tokens, sublinear_tf=True)
    matrix = vectorizer.fit_transform(documents).toarray()
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    char_matrix = chars.fit_transform([d.lower() for d in documents]).toarray()
    return _Scheme(names, vectorizer, matrix, chars, char_matrix)


@lru_cache(maxsize=1)
def _cue_patterns() -> dict[str, re.Pattern[str]]:
    """One alternation per theme, compiled once: classification runs on tens of thousands
    of texts. Longest cues first, so "people strategy" wins over "people"."""
    patterns = {}
    for theme, cues in CUES.items():
        ordered = sorted(cues, key=len, reverse=True)
        pattern = re.compile(r"\b(" + "|".join(re.escape(c) for c in ordered) + ")")
        patterns[theme] = pattern
    return patterns


def _cue_hits(text: str) -> dict[str, list[str]]:
    lowered = text.lower()
    hits: dict[str, list[str]] = {}
    for theme, pattern in _cue_patterns().items():
        found = {m.group(1) for m in pattern.finditer(lowered)}
        hits[theme] = [cue for cue in CUES[theme] if cue in found]
    return hits


def rule_scores(text: str, group: str | None) -> tuple[dict[str, float], dict[str, list[str]]]:
    """Cue scores per theme, and which cues fired (for the record)."""
    hits = _cue_hits(text)
    scores = {theme: float(len(cues)) for theme, cues in hits.items()}
    if group:
        named = scheme().names.get(_normal(group))
        if named:
            scores[named] += 4
            hits[named] = [*hits[named], f"heading:{group}"]
        for theme, cues in _cue_hits(group).items():
            scores[theme] += 2 * len(cues)
            hits[theme] = hits[theme] + [f"heading:{c}" for c in cues]
    return scores, hits


def tfidf_scores(text: str) -> dict[str, float]:
    return _tfidf_batch([text])[0]


def _tfidf_batch(texts: Sequence[str]) -> list[dict[str, float]]:
    """Cosine of each text with each theme's document; one sparse transform for all texts."""
    s = scheme()
    sims = np.asarray(s.vectorizer.transform(texts) @ s.matrix.T)
    return [{theme: float(v) for theme, v in zip(CUES, row, strict=True)} for row in sims]


def _shares(scores: dict[str, float]) -> dict[str, float]:
    total = sum(scores.values())
    return {k: (v / total if total else 0.0) for k, v in scores.items()}


def classify_detailed(text: str, group: str | None = None) -> list[Classification]:
    """Themes with confidence and the evidence for each, best first; at most two."""
    return classify_batch([(text, group)])[0]


def classify_batch(items: Sequence[tuple[str, str | None]]) -> list[list[Classification]]:
    """`classify_detailed` for many (text, heading) pairs at once, in order."""
    joined = [text + (" " + group if group else "") for text, group in items]
    all_sims = _tfidf_batch(joined) if items else []
    return [
        _combine(text, group, whole, sims)
        for (text, group), whole, sims in zip(items, joined, all_sims, strict=True)
    ]


def _combine(
    text: str, group: str | None, whole: str, sims: dict[str, float]
) -> list[Classification]:
    rules, hits = rule_scores(text, group)
    rule_share, sim_share = _shares(rules), _shares(sims)
    combined = {t: RULE_WEIGHT * rule_share[t] + TFIDF_WEIGHT * sim_share[t] for t in CUES}
    ranked = sorted(combined.items(), key=lambda item: (-item[1], item[0]))
    best = ranked[0][1]
    if best <= 0:
        return _fallback(whole)
    return [
        Classification(THEME[t], round(c, 3), rules[t], round(sims[t], 3), tuple(hits[t]))
        for t, c in ranked[:2]
        if c > 0 and c >= best * SECOND_THEME_SHARE
    ]


def _fallback(text: str) -> list[Classification]:
    """No cue and no shared stem: the theme nearest in character n-grams, at half confidence,
    marked as a fallback so that a reader (or the override register) can judge it."""
    s = scheme()
    sims = s.char_matrix @ s.chars.transform([text.lower()]).toarray()[0]
    if not sims.any():
        return []
    shares = sims / sims.sum()
    best = int(np.argmax(sims))
    theme = list(CUES)[best]
    return [
        Classification(
            THEME[theme],
            round(0.5 * float(shares[best]), 3),
            0.0,
            round(float(sims[best]), 3),
            ("fallback:character n-grams",),
        )
    ]


def classify(text: str, group: str | None = None) -> list[tuple[URIRef, float]]:
    """Themes with confidence in (0, 1], best first; at most two, empty if nothing matches."""
    return [(c.theme, c.confidence) for c in classify_detailed(text, group)]

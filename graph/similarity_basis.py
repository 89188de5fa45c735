"""Why two recommendations are similar, in words: the basis every cg:Similarity records.

Pure, like graph.similarity, whose views it reads: the topics both texts raise (or, failing
that, the broader topics they share) with the words that signalled each topic on either
side, and up to PHRASES distinctive word stems and bigrams both use, quoted as the first
text says them. For example:

    shared topics: Savings and financial discipline ("savings", "one offs" / "financial
    discipline", "efficiency", "value for money"); shared words: "delivery"
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from graph import topics
from graph.themes import content_words

if TYPE_CHECKING:
    from graph.similarity import Views

PHRASES = 3  # shared stems and bigrams kept as the basis
PHRASE_MIN = 0.02  # below this product of weights, a shared word is a common one


Explanation = tuple[tuple[str, ...], tuple[str, ...], str]  # topics, phrases, basis


def explain(
    v: Views,
    texts: Sequence[str],
    i: np.ndarray,
    j: np.ndarray,
    explained: dict[tuple[str, str], Explanation],
) -> list[Explanation]:
    """The shared topics, phrases and basis of each pair (i, j). Two texts always share the
    same, so each pair of texts is explained once (a corpus repeats stock recommendations:
    the synthetic one has 1,570 texts in 25,000 recommendations)."""
    new: list[int] = []
    for k in range(i.size):
        pair = (texts[i[k]], texts[j[k]])
        if pair not in explained:
            explained[pair] = ((), (), "")  # a placeholder, so each new pair is listed once
            new.append(k)
    read: dict[str, list[tuple[str, int, int]]] = {}  # a text's content words, once
    for k, quoted in zip(new, _shared_phrases(v, texts, i[new], j[new], read), strict=True):
        a, b = i[k], j[k]
        shared = _shared_topics(v, a, b)
        basis = describe(_topic_words(v, a, b, shared), quoted)
        explained[(texts[a], texts[b])] = (shared, quoted, basis)
    return [explained[(texts[a], texts[b])] for a, b in zip(i, j, strict=True)]


def _shared_topics(v: Views, a: int, b: int) -> tuple[str, ...]:
    """The topics both texts raise directly, or failing that, the broader ones they share."""
    raised_b = {r.topic.key for r in v.raised[b]}
    both = tuple(r.topic.key for r in v.raised[a] if r.topic.key in raised_b)
    if both:
        return both
    up_b = {r.topic.broader for r in v.raised[b] if r.topic.broader}
    return tuple(sorted({up for r in v.raised[a] if (up := r.topic.broader) and up in up_b}))


def _topic_words(
    v: Views, a: int, b: int, shared: tuple[str, ...]
) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """(label, words in a, words in b) for each shared topic; a broader one is signalled
    by its narrower topics' words."""
    labels = _labels()

    def said(row: int, key: str) -> tuple[str, ...]:
        return tuple(
            w for r in v.raised[row] if key in (r.topic.key, r.topic.broader) for w in r.words
        )

    return [(labels[key], said(a, key), said(b, key)) for key in shared]


@lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    return {t.key: t.label for t in topics.thesaurus().topics}


def describe(
    topic_words: Sequence[tuple[str, Sequence[str], Sequence[str]]], phrases: Sequence[str]
) -> str:
    """The basis of a match for a reader: 'shared topics: Savings and financial discipline
    ("savings" / "financial discipline"); Reserves and financial resilience ("reserves");
    shared words: "delivery of savings"'. Words both texts use for a topic are given once,
    and a shared word already quoted for a topic is not quoted again."""

    def quoted(words: Sequence[str]) -> str:
        return ", ".join(f'"{w}"' for w in words)

    def signalled(a: Sequence[str], b: Sequence[str]) -> str:
        return quoted(a) if list(a) == list(b) else f"{quoted(a)} / {quoted(b)}"

    parts = []
    if topic_words:
        listed = "; ".join(f"{label} ({signalled(a, b)})" for label, a, b in topic_words)
        parts.append("shared topics: " + listed)
    said = {w for _, a, b in topic_words for w in (*a, *b)}
    phrases = [p for p in phrases if p not in said]
    if phrases:
        parts.append("shared words: " + quoted(phrases))
    return "; ".join(parts) or "similar characters only"


def _shared_phrases(
    v: Views,
    texts: Sequence[str],
    i: np.ndarray,
    j: np.ndarray,
    read: dict[str, list[tuple[str, int, int]]],
) -> list[tuple[str, ...]]:
    """For each pair, up to PHRASES of the word stems and bigrams both texts use, the most
    distinctive first (largest product of their TF-IDF weights, at least PHRASE_MIN), quoted
    from the first text; a word inside a quoted bigram is not quoted again."""
    if i.size == 0:
        return []
    products = v.words[i].multiply(v.words[j]).tocsr()
    found: list[tuple[str, ...]] = []
    for row in range(products.shape[0]):
        lo, hi = products.indptr[row], products.indptr[row + 1]
        data, columns = products.data[lo:hi], products.indices[lo:hi]
        single = np.array([" " not in v.features[c] for c in columns], dtype=bool)
        order = np.lexsort((columns, single, -np.round(data, 4)))  # bigrams first on a tie
        kept: list[str] = []
        for k in order[: 4 * PHRASES]:
            if data[k] < PHRASE_MIN or len(kept) == PHRASES:
                break
            feature = str(v.features[columns[k]])
            if " " not in feature and any(feature in f.split() for f in kept):
                continue
            kept = [f for f in kept if " " in f or f not in feature.split()] + [feature]
        lowered = texts[i[row]].lower()
        if kept and lowered not in read:
            read[lowered] = content_words(lowered)
        found.append(tuple(quote(lowered, read[lowered], feature) for feature in kept))
    return found


def quote(lowered: str, words: list[tuple[str, int, int]], feature: str) -> str:
    """The words of a lower-cased text (its content_words given) that a stem or stem bigram
    was made from."""
    parts = feature.split()
    for n in range(len(words) - len(parts) + 1):
        if all(words[n + k][0] == part for k, part in enumerate(parts)):
            return lowered[words[n][1] : words[n + len(parts) - 1][2]]
    return feature

"""Similar recommendations made to different councils: TF-IDF cosine over two views of a text.

Pure: no RDF here. Each recommendation is a vector of (a) content-word stems and stem
bigrams with a few synonyms folded (graph.themes.tokens) and (b) character 3-5-grams
within words, which meet "prioritise" with "prioritisation" and "re-profile" with
"reprofiling". The score is the mean of the two cosines, with IDF fitted on the
recommendations compared (so words every report uses weigh little). Sentence embeddings
would catch looser paraphrase, but no model is available offline here; see METHOD.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from graph.themes import tokens

METHOD = "councilgraph-tfidf-cosine/1 (word stems+bigrams, char 3-5-grams)"
MIN_SCORE = 0.3  # below this, two recommendations share words, not a point
TOP = 3


@dataclass(frozen=True)
class Item:
    key: str  # the recommendation's IRI
    text: str
    council: str  # GSS code (or IRI) of the council it is addressed to


@dataclass(frozen=True)
class Match:
    source: str
    target: str
    score: float


CHUNK = 2048  # rows scored at a time: memory stays O(CHUNK x n), not O(n x n)


def _vectors(texts: Sequence[str]) -> sparse.csr_matrix:
    """One sparse row per text whose dot products are the mean of the two cosines."""
    words = TfidfVectorizer(analyzer=tokens, sublinear_tf=True).fit_transform(texts)
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    grams = chars.fit_transform([t.lower() for t in texts])
    # Both views are L2-normalised, so scaling each by sqrt(1/2) makes x.y = (cos_w + cos_c)/2.
    half = np.float32(np.sqrt(0.5))
    return sparse.hstack([words * half, grams * half], format="csr", dtype=np.float32)


def score_matrix(texts: Sequence[str]) -> np.ndarray:
    """Pairwise similarity in [0, 1] of every text with every other (small inputs only)."""
    if not texts:
        return np.zeros((0, 0))
    vectors = _vectors(texts)
    return np.clip((vectors @ vectors.T).toarray(), 0.0, 1.0)


def similar(
    items: Sequence[Item], *, top: int = TOP, min_score: float = MIN_SCORE
) -> list[Match]:
    """For each item, its `top` most similar items addressed to OTHER councils, best first."""
    if not items:
        return []
    vectors = _vectors([item.text for item in items])
    councils = np.array([item.council for item in items])
    keys = [item.key for item in items]
    matches: list[Match] = []
    for start in range(0, len(items), CHUNK):
        block = (vectors[start : start + CHUNK] @ vectors.T).toarray()
        for offset, row in enumerate(block):
            i = start + offset
            row[councils == councils[i]] = 0.0  # only recommendations to other councils
            candidates = np.flatnonzero(row >= min_score)
            ranked = sorted(candidates, key=lambda j: (-row[j], keys[j]))[:top]
            matches += [Match(keys[i], keys[j], round(float(min(row[j], 1.0)), 3)) for j in ranked]
    return matches

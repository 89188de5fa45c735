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
CANDIDATES = 50  # per recommendation, the nearest by words, re-scored with both views


def _views(texts: Sequence[str]) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    """L2-normalised word-stem and character n-gram TF-IDF rows, one per text."""
    words = TfidfVectorizer(analyzer=tokens, sublinear_tf=True, dtype=np.float32)
    chars = TfidfVectorizer(
        analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, dtype=np.float32
    )
    return words.fit_transform(texts).tocsr(), chars.fit_transform(
        [t.lower() for t in texts]
    ).tocsr()


def score_matrix(texts: Sequence[str]) -> np.ndarray:
    """Pairwise similarity in [0, 1] of every text with every other (small inputs only)."""
    if not texts:
        return np.zeros((0, 0))
    words, chars = _views(texts)
    scores: np.ndarray = 0.5 * (words @ words.T).toarray() + 0.5 * (chars @ chars.T).toarray()
    clipped: np.ndarray = np.clip(scores, 0.0, 1.0)
    return clipped


def similar(
    items: Sequence[Item],
    *,
    top: int = TOP,
    min_score: float = MIN_SCORE,
    share: tuple[int, int] = (0, 1),
) -> list[Match]:
    """For each item, its `top` most similar items addressed to OTHER councils, best first.

    Scales to tens of thousands of recommendations: the word view (sparse, cheap) picks
    each item's CANDIDATES nearest items to other councils, and only those are scored with
    both views. Nothing dense is n x n. `share` (k, n) matches only the k-th of n slices
    of the items (each still against all of them), so n processes can split the work and
    their results, put together, equal one process's."""
    if not items:
        return []
    words, chars = _views([item.text for item in items])
    councils = np.array([item.council for item in items])
    keys = [item.key for item in items]
    matches: list[Match] = []
    part, parts = share
    size = -(-len(items) // parts)
    for start in range(part * size, min(len(items), (part + 1) * size), CHUNK):
        stop = min(start + CHUNK, (part + 1) * size)
        block = (words[start:stop] @ words.T).tocsr()
        for offset in range(block.shape[0]):
            i = start + offset
            matches += _best(i, block, offset, words, chars, councils, keys, top, min_score)
    return matches


def _best(
    i: int,
    block: sparse.csr_matrix,
    offset: int,
    words: sparse.csr_matrix,
    chars: sparse.csr_matrix,
    councils: np.ndarray,
    keys: Sequence[str],
    top: int,
    min_score: float,
) -> list[Match]:
    row = slice(block.indptr[offset], block.indptr[offset + 1])
    cols, word_scores = block.indices[row], block.data[row]
    other = councils[cols] != councils[i]
    cols, word_scores = cols[other], word_scores[other]
    if not cols.size:
        return []
    if cols.size > CANDIDATES:
        nearest = np.argpartition(-word_scores, CANDIDATES)[:CANDIDATES]
        cols, word_scores = cols[nearest], word_scores[nearest]
    char_scores = (chars[cols] @ chars[i].T).toarray().ravel()
    scores = np.minimum(0.5 * word_scores + 0.5 * char_scores, 1.0)
    ranked = sorted(
        (j for j in range(cols.size) if scores[j] >= min_score),
        key=lambda j: (-scores[j], keys[cols[j]]),
    )[:top]
    return [Match(keys[i], keys[cols[j]], round(float(scores[j]), 3)) for j in ranked]

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


# Rows scored at once: word scores for a block are rows x items (about 100 MB with their
# indexes at CELLS), and its candidate pairs' character rows are gathered (about 0.5 MB a
# row), so a block is bounded both ways.
CELLS = 1 << 23
BLOCK_ROWS = 256
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
    """For each item, its `top` most similar items addressed to OTHER councils, best first
    (ties by key).

    Scales to tens of thousands of recommendations: the word view (sparse, cheap) picks
    each item's CANDIDATES nearest items to other councils, and only those are scored with
    both views, a block of rows at a time in array operations (nothing is n x n; a loop per
    row in Python took three quarters of the time). `share` (k, n) matches only the k-th of
    n slices of the items (each still against all of them), so n processes can split the
    work and their results, put together, equal one process's."""
    if not items:
        return []
    words, chars = _views([item.text for item in items])
    councils = np.unique([item.council for item in items], return_inverse=True)[1]
    keys = [item.key for item in items]
    key_rank = np.empty(len(keys), dtype=np.int64)
    key_rank[np.argsort(np.array(keys), kind="stable")] = np.arange(len(keys))
    words_t = words.T.tocsr()
    part, parts = share
    size = -(-len(items) // parts)
    first, last = part * size, min(len(items), (part + 1) * size)
    rows_per_block = max(1, min(BLOCK_ROWS, CELLS // len(items)))
    matches: list[Match] = []
    for start in range(first, last, rows_per_block):
        rows = np.arange(start, min(start + rows_per_block, last))
        word_scores = (words[rows[0] : rows[-1] + 1] @ words_t).toarray()
        word_scores[councils[rows][:, None] == councils[None, :]] = 0.0  # same council
        i, j, w = _candidates(rows, word_scores)
        char_scores = np.asarray(chars[i].multiply(chars[j]).sum(axis=1)).ravel()
        scores = np.minimum(0.5 * w + 0.5 * char_scores, 1.0)
        kept = scores >= min_score
        i, j, scores = i[kept], j[kept], scores[kept]
        order = np.lexsort((key_rank[j], -scores, i))  # by row, best first, then by key
        i, j, scores = i[order], j[order], scores[order]
        row_starts = np.r_[0, np.flatnonzero(np.diff(i)) + 1]
        place = np.arange(i.size) - np.repeat(row_starts, np.diff(np.r_[row_starts, i.size]))
        matches += [
            Match(keys[a], keys[b], round(float(score), 3))
            for a, b, score in zip(i[place < top], j[place < top], scores[place < top], strict=True)
        ]
    return matches


def _candidates(
    rows: np.ndarray, word_scores: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row item, candidate item, word score) for each row's CANDIDATES best-scoring items
    that share a word with it."""
    if word_scores.shape[1] > CANDIDATES:
        cols = np.argpartition(-word_scores, CANDIDATES, axis=1)[:, :CANDIDATES]
    else:
        cols = np.broadcast_to(np.arange(word_scores.shape[1]), word_scores.shape)
    scores = np.take_along_axis(word_scores, cols, axis=1)
    shared = (scores > 0).ravel()
    return (
        np.repeat(rows, cols.shape[1])[shared],
        cols.ravel()[shared],
        scores.ravel()[shared],
    )

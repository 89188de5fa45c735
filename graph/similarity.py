"""Similar recommendations made to different councils, scored from what they share.

Pure: no RDF here. Two recommendations are similar when they raise the same topics of the
thesaurus (ontology/topics.ttl, via graph.topics) or use the same words. Three views of a
text, each a vector:

- topics: how strongly the text raises each topic (a signal early in the text weighs more
  than one in its closing purpose clause; a broader topic weighs BROADER_SHARE of a
  narrower one), weighted by inverse document frequency;
- words: content-word stems and stem bigrams, a few synonyms folded (graph.themes.tokens);
- characters: 3-5-grams within words, which meet "prioritise" with "prioritisation".

The lexical score is the mean of the word and character cosines (TF-IDF fitted on the
recommendations compared); the topic score is the cosine of the topic vectors. They are
combined as 1 - (1 - TOPIC_WEIGHT x topic)(1 - lexical): either alone can link two texts,
and both together link them more strongly. Real reports say the same thing in different
words ("Invest in member induction" / "Maximise the potential ... of all Members"), which
only the topics see; paraphrases share words, which the lexical score sees.

Each match carries its basis (graph.similarity_basis): the topics both raise and the
distinctive words both use, with what signalled each topic on either side. Weights and the threshold were tuned on the hand labels in
tests/data/similarity/bundled-pairs.csv only (the set-aside labels are for measuring).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from graph import topics
from graph.similarity_basis import Explanation, explain
from graph.themes import tokens
from graph.topics import Raised

# The thesaurus's owl:versionInfo is part of the method: other topics, other matches.
METHOD = "councilgraph-topics-lexical/2 (topics 1, word stems+bigrams, char 3-5-grams)"
TOPIC_WEIGHT = 0.8  # a shared topic alone scores at most this
POSITION_DECAY = 0.5  # a signal at the very end of a text weighs half one at its start
BROADER_SHARE = 0.3  # siblings under one broader topic share a little
MIN_SCORE = 0.4  # below this, two recommendations touch a subject, they do not share it
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
    topics: tuple[str, ...] = ()  # keys of the topics both raise
    phrases: tuple[str, ...] = ()  # distinctive words both use, as the source says them
    basis: str = ""  # the two above in words, with what signalled each topic on each side


@dataclass(frozen=True)
class Views:
    words: sparse.csr_matrix  # L2-normalised rows
    chars: sparse.csr_matrix  # L2-normalised rows
    topics: np.ndarray  # L2-normalised rows, IDF-weighted
    weighted: np.ndarray  # the same, each topic times what sharing it is worth
    raised: list[list[Raised]]  # per text, the topics it raises directly
    features: np.ndarray  # the word view's feature names


# Rows scored at once: word and topic scores for a block are rows x items (about 100 MB
# with their indexes at CELLS), and its candidate pairs' character rows are gathered (about
# 0.5 MB a row), so a block is bounded both ways.
CELLS = 1 << 23
BLOCK_ROWS = 256
CANDIDATES = 50  # per recommendation, the nearest by words and topics, re-scored with all


def views(texts: Sequence[str]) -> Views:
    """The three views of `texts`, fitted on them."""
    words = TfidfVectorizer(analyzer=tokens, sublinear_tf=True, dtype=np.float32)
    chars = TfidfVectorizer(
        analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, dtype=np.float32
    )
    weights, raised = topics.weights(texts, decay=POSITION_DECAY, broader_share=BROADER_SHARE)
    df = np.count_nonzero(weights, axis=0)
    weights *= (np.log((1 + len(texts)) / (1 + df)) + 1).astype(np.float32)  # as sklearn's idf
    norms = np.linalg.norm(weights, axis=1, keepdims=True)
    weights /= np.where(norms > 0, norms, 1)
    worth = np.array([t.weight for t in topics.thesaurus().topics], dtype=np.float32)
    word_rows = words.fit_transform(texts).tocsr()
    char_rows = chars.fit_transform([t.lower() for t in texts]).tocsr()
    return Views(
        word_rows,
        char_rows,
        weights,
        weights * worth,
        raised,
        words.get_feature_names_out(),
    )


def topic_scores(v: Views, rows: np.ndarray | slice, others: np.ndarray) -> np.ndarray:
    """The cosine of topic vectors, each shared topic counting at its cg:topicWeight (a
    service area shared alone is worth half a shared problem). `others` is transposed.
    Dense: with ~50 topics a block's product is rows x items and mostly non-zero, which a
    dense product makes faster than a sparse one (at 100%, 3 s against 10 s)."""
    scores: np.ndarray = v.weighted[rows] @ others
    return scores


def combine(topic: np.ndarray, lexical: np.ndarray) -> np.ndarray:
    combined: np.ndarray = 1.0 - (1.0 - TOPIC_WEIGHT * topic) * (1.0 - lexical)
    clipped: np.ndarray = np.clip(combined, 0.0, 1.0)
    return clipped


def score_matrix(texts: Sequence[str]) -> np.ndarray:
    """Pairwise similarity in [0, 1] of every text with every other (small inputs only)."""
    if not texts:
        return np.zeros((0, 0))
    v = views(texts)
    lexical = 0.5 * (v.words @ v.words.T).toarray() + 0.5 * (v.chars @ v.chars.T).toarray()
    return combine(topic_scores(v, slice(None), v.topics.T), lexical)


def similar(
    items: Sequence[Item],
    *,
    top: int = TOP,
    min_score: float = MIN_SCORE,
    share: tuple[int, int] = (0, 1),
) -> list[Match]:
    """For each item, its `top` most similar items addressed to OTHER councils, best first
    (ties by key), with the topics and phrases they share.

    Scales to tens of thousands of recommendations: words and topics (cheap) pick each
    item's CANDIDATES nearest items to other councils, and only those are scored with all
    three views, a block of rows at a time in array operations (nothing is n x n). `share`
    (k, n) matches only the k-th of n slices of the items (each still against all of them),
    so n processes can split the work and their results, put together, equal one
    process's."""
    if not items:
        return []
    texts = [item.text for item in items]
    v = views(texts)
    councils = np.unique([item.council for item in items], return_inverse=True)[1]
    keys = [item.key for item in items]
    key_rank = np.empty(len(keys), dtype=np.int64)
    key_rank[np.argsort(np.array(keys), kind="stable")] = np.arange(len(keys))
    words_t, topics_t = v.words.T.tocsr(), np.ascontiguousarray(v.topics.T)
    first, last = portion(len(items), share)
    rows_per_block = max(1, min(BLOCK_ROWS, CELLS // len(items)))
    matches: list[Match] = []
    explained: dict[tuple[str, str], Explanation] = {}
    for start in range(first, last, rows_per_block):
        rows = np.arange(start, min(start + rows_per_block, last))
        i, j, scores = _block(v, rows, words_t, topics_t, councils)
        kept = scores >= min_score
        i, j, scores = i[kept], j[kept], scores[kept]
        order = np.lexsort((key_rank[j], -scores, i))  # by row, best first, then by key
        i, j, scores = i[order], j[order], scores[order]
        row_starts = np.r_[0, np.flatnonzero(np.diff(i)) + 1]
        place = np.arange(i.size) - np.repeat(row_starts, np.diff(np.r_[row_starts, i.size]))
        i, j, scores = i[place < top], j[place < top], scores[place < top]
        for a, b, score, why in zip(i, j, scores, explain(v, texts, i, j, explained), strict=True):
            matches.append(Match(keys[a], keys[b], round(float(score), 3), *why))
    return matches


def portion(count: int, share: tuple[int, int]) -> tuple[int, int]:
    """The first and last-but-one index of the `share` (k, n) of `count` items: the k-th of
    n slices, the last one shorter."""
    part, parts = share
    size = -(-count // parts)
    return min(count, part * size), min(count, (part + 1) * size)


def _block(
    v: Views,
    rows: np.ndarray,
    words_t: sparse.csr_matrix,
    topics_t: np.ndarray,
    councils: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row item, candidate item, score) for each row's CANDIDATES best candidates that share
    a word or a topic with it and are addressed to another council.

    Candidates are ranked by the score with words in place of the lexical view (characters
    are added for the candidates only), computed in place where it can be: a block is rows x
    items, and each temporary of that size cost about as much as a product."""
    word = (v.words[rows[0] : rows[-1] + 1] @ words_t).toarray()
    apart = np.multiply(word, -0.5)
    apart += 1.0
    topic = topic_scores(v, rows, topics_t)
    topic *= -TOPIC_WEIGHT
    topic += 1.0
    apart *= topic  # 1 - the proxy score: smaller is nearer
    apart[councils[rows][:, None] == councils[None, :]] = 1.0  # same council: nothing shared
    local, j = nearest(apart, CANDIDATES)
    i = rows[local]
    t = np.einsum("ij,ij->i", v.weighted[i], v.topics[j])
    c = np.asarray(v.chars[i].multiply(v.chars[j]).sum(axis=1)).ravel()
    return i, j, combine(t, 0.5 * word[local, j] + 0.5 * c)


def nearest(apart: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(row, column) of each row's `k` smallest values below 1 (ties by column), row by row.

    A row's k-th smallest value is bounded from a sample of its columns (about 4k should
    fall under the bound), and only the columns under it are sorted: argpartition over
    whole rows took two thirds of the scoring. A row the bound leaves short of k is
    partitioned in full."""
    stride = max(1, apart.shape[1] // (16 * k))
    sample = apart[:, ::stride]
    m = min(sample.shape[1] - 1, 4 * k // stride)
    bound = np.partition(sample, m, axis=1)[:, m : m + 1]
    under = apart <= np.minimum(bound, np.nextafter(np.float32(1), np.float32(0)))
    short = np.flatnonzero(under.sum(axis=1) < k)
    if short.size:
        whole = apart[short]
        kth = np.partition(whole, min(k, whole.shape[1] - 1), axis=1)[:, min(k, whole.shape[1] - 1)]
        under[short] = (whole <= kth[:, None]) & (whole < 1.0)
    r, c = np.nonzero(under)
    order = np.lexsort((c, apart[r, c], r))
    r, c = r[order], c[order]
    starts = np.r_[0, np.flatnonzero(np.diff(r)) + 1] if r.size else np.zeros(0, dtype=np.int64)
    place = np.arange(r.size) - np.repeat(starts, np.diff(np.r_[starts, r.size]))
    return r[place < k], c[place < k]

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


def score_matrix(texts: Sequence[str]) -> np.ndarray:
    """Pairwise similarity in [0, 1] of every text with every other."""
    if not texts:
        return np.zeros((0, 0))
    words = TfidfVectorizer(analyzer=tokens, sublinear_tf=True).fit_transform(texts)
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    grams = chars.fit_transform([t.lower() for t in texts])
    scores = 0.5 * (words @ words.T).toarray() + 0.5 * (grams @ grams.T).toarray()
    return np.clip(scores, 0.0, 1.0)


def similar(
    items: Sequence[Item], *, top: int = TOP, min_score: float = MIN_SCORE
) -> list[Match]:
    """For each item, its `top` most similar items addressed to OTHER councils, best first."""
    scores = score_matrix([item.text for item in items])
    matches: list[Match] = []
    for i, item in enumerate(items):
        others = [
            (float(scores[i, j]), j)
            for j, other in enumerate(items)
            if other.council != item.council and scores[i, j] >= min_score
        ]
        for score, j in sorted(others, key=lambda pair: (-pair[0], items[pair[1]].key))[:top]:
            matches.append(Match(item.key, items[j].key, round(score, 3)))
    return matches

"""The topic thesaurus (ontology/topics.ttl) and the topics a text raises.

A text raises a topic when one of the topic's signals (`cg:signal`: words in order, a
trailing * for any ending) occurs in it. All signals are compiled into one alternation,
longest first, with one group per signal, so a text is read once whatever the size of the
thesaurus (a build tags every recommendation), and a longer signal wins over the shorter
one inside it ("highways asset management" over "asset management"). Pure apart from
reading the thesaurus file once per process.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from rdflib import Graph, Literal, URIRef

from graph.namespaces import CG, SCHEME, SKOS
from ontology import TOPICS

_DASHES = re.compile(r"[\u2010-\u2015\-/]+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Topic:
    key: str  # the local name under topic:
    iri: str
    label: str
    broader: str | None  # key of the broader topic, None for a top concept
    signals: tuple[str, ...]
    weight: float = 1.0  # cg:topicWeight: below 1 for a service area rather than a problem


@dataclass(frozen=True)
class Thesaurus:
    topics: tuple[Topic, ...]  # sorted by key
    pattern: re.Pattern[str]  # every signal, one group each
    group_topic: tuple[int, ...]  # group number -> index into topics

    def index(self) -> dict[str, int]:
        return {topic.key: i for i, topic in enumerate(self.topics)}


@dataclass(frozen=True)
class Raised:
    """A topic a text raises, with the words that signalled it (as written, lower case)."""

    topic: Topic
    words: tuple[str, ...]


def normalise(text: str) -> str:
    """Lower case, dashes, hyphens and slashes as spaces, curly apostrophes straight."""
    text = _DASHES.sub(" ", text.lower().replace("\u2019", "'"))
    return _SPACES.sub(" ", text)


def signal_regex(signal: str) -> str:
    """`value for money` -> those whole words in order; `saving*` -> any ending."""
    words = normalise(signal).split()
    if not words:
        raise ValueError(f"empty signal {signal!r}")
    parts = [re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) + r"\b" for w in words]
    return r"\b" + r"\s".join(parts)


@lru_cache(maxsize=1)
def thesaurus(path: Path = TOPICS) -> Thesaurus:
    """The topics of the thesaurus file, its signals compiled; read once per process."""
    g = Graph().parse(path, format="turtle")
    scheme = SCHEME["topics"]
    if (scheme, None, None) not in g:
        raise RuntimeError(f"no topic scheme {scheme} in {path}")
    topics = [_topic(g, concept) for concept in sorted(set(g.subjects(SKOS.inScheme, scheme)))]
    signals = sorted(
        ((s, i) for i, topic in enumerate(topics) for s in topic.signals),
        key=lambda pair: (-len(pair[0]), pair[0]),
    )
    pattern = re.compile("|".join(f"({signal_regex(s)})" for s, _ in signals))
    return Thesaurus(tuple(topics), pattern, (-1, *(i for _, i in signals)))


def _topic(g: Graph, concept: URIRef) -> Topic:
    def key(iri: object) -> str:
        return str(iri).rsplit("/", 1)[1]

    broader = g.value(concept, SKOS.broader)
    weight = g.value(concept, CG.topicWeight)
    return Topic(
        key=key(concept),
        iri=str(concept),
        label=str(g.value(concept, SKOS.prefLabel)),
        broader=key(broader) if isinstance(broader, URIRef) else None,
        signals=tuple(sorted(str(s) for s in g.objects(concept, CG.signal))),
        weight=float(weight.toPython()) if isinstance(weight, Literal) else 1.0,
    )


def _matches(normal: str, book: Thesaurus) -> Iterator[tuple[int, int, str]]:
    """(topic index, offset, matched words) for each signal in a normalised text."""
    for match in book.pattern.finditer(normal):
        yield book.group_topic[match.lastindex or 0], match.start(), match.group()


def raised(text: str) -> list[Raised]:
    """The topics whose signals occur in `text`, in thesaurus order, each with its words."""
    return weights([text], decay=0.0, broader_share=0.0)[1][0]


def weights(
    texts: Sequence[str], *, decay: float, broader_share: float
) -> tuple[np.ndarray, list[list[Raised]]]:
    """A (texts x topics) matrix of how strongly each text raises each topic, and the topics
    each raises directly, with their words.

    A signal at the start of a text weighs 1, at its end 1 - `decay`: a recommendation opens with its subject and often ends with what it is for ("...
    to deliver your vision"), which says less about what it is. A broader topic weighs
    `broader_share` of its narrower one's."""
    book = thesaurus()
    index = book.index()
    up = [index[t.broader] if t.broader else -1 for t in book.topics]
    matrix = np.zeros((len(texts), len(book.topics)), dtype=np.float32)
    found: list[list[Raised]] = []
    for row, text in enumerate(texts):
        normal = normalise(text)
        words: dict[int, list[str]] = {}
        for topic, offset, said in _matches(normal, book):
            weight = 1.0 - decay * offset / len(normal)
            matrix[row, topic] = max(matrix[row, topic], weight)
            if up[topic] >= 0:
                matrix[row, up[topic]] = max(matrix[row, up[topic]], broader_share * weight)
            if said not in words.setdefault(topic, []):
                words[topic].append(said)
        found.append([Raised(book.topics[i], tuple(w)) for i, w in sorted(words.items())])
    return matrix, found

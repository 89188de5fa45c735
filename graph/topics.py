"""The topic thesaurus (ontology/topics.ttl) and the topics a text raises.

A text raises a topic when one of the topic's signals (`cg:signal`: words in order, a
trailing * for any ending) occurs in it. The signals are indexed by their first word (whole,
or the stem before a *), so a text is read once, a word at a time, whatever the size of the
thesaurus: a build tags every recommendation (one regular expression of all the signals
took 4.5 ms a text, this 0.05 ms). Where several signals start at a word, the longest wins
("highways asset management" over "asset management"), and matching resumes after it.
Pure apart from reading the thesaurus file once per process.
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
_WORDS = re.compile(r"\w(?:[\w']*\w)?")  # apostrophes inside a word only, not quotes
_SIGNAL_WORDS = re.compile(r"[\w'\u2605]+")


@dataclass(frozen=True)
class Topic:
    key: str  # the local name under topic:
    iri: str
    label: str
    broader: str | None  # key of the broader topic, None for a top concept
    signals: tuple[str, ...]
    weight: float = 1.0  # cg:topicWeight: below 1 for a service area rather than a problem


Signal = tuple[tuple[str, bool], ...]  # (word, any ending?) in order


@dataclass(frozen=True)
class Thesaurus:
    topics: tuple[Topic, ...]  # sorted by key
    whole: dict[str, list[tuple[Signal, int]]]  # first word -> (signal, topic index)
    stems: dict[str, list[tuple[Signal, int]]]  # stem of a first word ending in *
    longest_stem: int

    def index(self) -> dict[str, int]:
        return {topic.key: i for i, topic in enumerate(self.topics)}

    def starting(self, word: str) -> list[tuple[Signal, int]]:
        """The signals whose first word matches `word`."""
        found = list(self.whole.get(word, ()))
        for end in range(1, min(len(word), self.longest_stem) + 1):
            found += self.stems.get(word[:end], ())
        return found


@dataclass(frozen=True)
class Raised:
    """A topic a text raises, with the words that signalled it (as written, lower case)."""

    topic: Topic
    words: tuple[str, ...]


def normalise(text: str) -> str:
    """Lower case, dashes, hyphens and slashes as spaces, curly apostrophes straight."""
    text = _DASHES.sub(" ", text.lower().replace("\u2019", "'"))
    return _SPACES.sub(" ", text)


def parse_signal(signal: str) -> Signal:
    """`value for money` -> those whole words in order; `saving*` -> any ending."""
    words = _SIGNAL_WORDS.findall(normalise(signal.replace("*", "\u2605")))
    if not words or any(w.strip("\u2605") == "" for w in words):
        raise ValueError(f"signal {signal!r} has no words")
    return tuple((w.rstrip("\u2605"), w.endswith("\u2605")) for w in words)


@lru_cache(maxsize=1)
def thesaurus(path: Path = TOPICS) -> Thesaurus:
    """The topics of the thesaurus file, its signals compiled; read once per process."""
    g = Graph().parse(path, format="turtle")
    scheme = SCHEME["topics"]
    if (scheme, None, None) not in g:
        raise RuntimeError(f"no topic scheme {scheme} in {path}")
    concepts = {c for c in g.subjects(SKOS.inScheme, scheme) if isinstance(c, URIRef)}
    topics = [_topic(g, concept) for concept in sorted(concepts)]
    whole: dict[str, list[tuple[Signal, int]]] = {}
    stems: dict[str, list[tuple[Signal, int]]] = {}
    for i, topic in enumerate(topics):
        for text in topic.signals:
            signal = parse_signal(text)
            first, any_ending = signal[0]
            (stems if any_ending else whole).setdefault(first, []).append((signal, i))
    return Thesaurus(tuple(topics), whole, stems, max(map(len, stems), default=0))


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
    """(topic index, offset, matched words) for each signal in a normalised text, the
    longest where several start at one word, not overlapping."""
    words = [(m.group(), m.start(), m.end()) for m in _WORDS.finditer(normal)]
    at = 0
    while at < len(words):
        best: tuple[int, int, int] | None = None  # (words, characters, topic)
        for signal, topic in book.starting(words[at][0]):
            if _fits(signal, words, at):
                size = (len(signal), words[at + len(signal) - 1][2] - words[at][1], -topic)
                if best is None or size > best:
                    best = size
        if best is None:
            at += 1
            continue
        end = words[at + best[0] - 1][2]
        yield -best[2], words[at][1], normal[words[at][1] : end]
        at += best[0]


def _fits(signal: Signal, words: list[tuple[str, int, int]], at: int) -> bool:
    if at + len(signal) > len(words):
        return False
    return all(
        words[at + k][0].startswith(w) if any_ending else words[at + k][0] == w
        for k, (w, any_ending) in enumerate(signal)
    )


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
    done: dict[str, int] = {}  # a text seen before is copied, not read again
    for row, text in enumerate(texts):
        if text in done:
            matrix[row] = matrix[done[text]]
            found.append(found[done[text]])
            continue
        done[text] = row
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

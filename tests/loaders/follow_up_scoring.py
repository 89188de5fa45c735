"""Precision and recall of the follow-up report loader against a gold file, per kind of fact.

A gold file (see `tests/data/follow-up-papers/README.md`) gives, for each paper, its council,
meeting, title, people, decision sought, challenge and actions. Each kind of fact becomes a
set of comparable values per paper (an action's status is keyed by the action's text), so
precision is the share of what the loader states that the gold file states too, and recall
the share of the gold file's facts the loader states. Shared by the scoring tests of the
development corpus and of the held-out papers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from councilgraph.settings import Settings
from graph.resolve import Resolver
from loaders import load_document
from loaders.records import (
    Action,
    Authority,
    DocumentRecord,
    Meeting,
    PeerChallenge,
    RecommendationRef,
)
from loaders.registers import load_register

REPO = Path(__file__).resolve().parents[2]
REGISTER = REPO / "corpus" / "registers" / "local-authorities.csv"
KINDS = (
    "council",
    "meeting body",
    "meeting date",
    "meeting item",
    "title",
    "author",
    "lead officer",
    "portfolio holder",
    "decision sought",
    "challenge",
    "action",
    "action recommendation",
    "action status",
    "action lead",
    "action due",
)
Fact = tuple[str, str, object]  # (paper, key within the paper, value)


@dataclass
class Score:
    true: int = 0
    false: int = 0
    missed: int = 0
    wrong: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        stated = self.true + self.false
        return self.true / stated if stated else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true + self.missed
        return self.true / wanted if wanted else 1.0


def resolver() -> Resolver:
    """The register of English authorities, as the graph resolves council names."""
    found = Resolver()
    for record in load_register(REGISTER, settings=Settings()):
        if isinstance(record, Authority):
            found.add_authority(record)
    return found


def flat(value: object) -> object:
    """Text compared as printed, with spaces, quotes and a closing full stop folded."""
    if not isinstance(value, str):
        return value
    text = value.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip().rstrip(".").strip()


def when(value: object) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def gold_facts(entry: dict[str, Any], paper: str) -> Iterator[tuple[str, Fact]]:
    meeting = entry["meeting"]
    yield "council", (paper, "", entry["council"]["gss"])
    yield "meeting body", (paper, "", meeting["body"].lower())
    yield "meeting date", (paper, "", when(meeting["date"]))
    yield "meeting item", (paper, "", meeting["item"])
    yield "title", (paper, "", flat(entry["title"]))
    for kind, key in (("author", "author"), ("lead officer", "lead_officer")):
        person = entry[key]
        if person:
            yield kind, (paper, "", (person["name"], flat(person["post"])))
    holder = entry["portfolio_holder"]
    if holder:
        yield (
            "portfolio holder",
            (paper, "", (holder["name"], holder["honorific"], flat(holder["post"]))),
        )
    yield "decision sought", (paper, "", flat(entry["decision_sought"]))
    challenge = entry["challenge"]
    yield (
        "challenge",
        (
            paper,
            "",
            (challenge["gss"], when(challenge["start"]), when(challenge["end"]), challenge["type"]),
        ),
    )
    for action in entry["actions"]:
        key = str(flat(action["text"]))
        yield "action", (paper, key, True)
        yield "action recommendation", (paper, key, action["recommendation"])
        yield "action status", (paper, key, action["status"])
        yield "action lead", (paper, key, action["lead"])
        yield "action due", (paper, key, when(action["due"]))


def loaded_facts(records: list[Any], paper: str, names: Resolver) -> Iterator[tuple[str, Fact]]:
    document = next(r for r in records if isinstance(r, DocumentRecord))
    gss = names.find_council(document.publisher.name) if document.publisher else None
    yield "council", (paper, "", gss)
    yield "title", (paper, "", flat(document.title))
    for meeting in (r for r in records if isinstance(r, Meeting)):
        yield "meeting body", (paper, "", meeting.body.name.lower())
        yield "meeting date", (paper, "", when(meeting.date))
        yield "meeting item", (paper, "", meeting.item)
        for kind, person, post in (
            ("author", meeting.author, meeting.author_post),
            ("lead officer", meeting.lead_officer, meeting.lead_officer_post),
        ):
            if person or post:
                yield kind, (paper, "", (person.name if person else None, flat(post)))
        holder = meeting.portfolio_holder
        if holder:
            value = (holder.name, holder.honorific, flat(meeting.portfolio_holder_post))
            yield "portfolio holder", (paper, "", value)
        yield "decision sought", (paper, "", flat(meeting.decision_sought))
    for challenge in (r for r in records if isinstance(r, PeerChallenge)):
        if challenge.follow_up_of is None and not challenge.planned:
            subject = names.find_council(challenge.ref.council.name)
            value = (
                subject,
                when(challenge.start),
                when(challenge.end),
                challenge.ref.challenge_type,
            )
            yield "challenge", (paper, "", value)
    for action in (r for r in records if isinstance(r, Action)):
        key = str(flat(action.text))
        target = action.responds_to
        yield "action", (paper, key, True)
        number = target.number if isinstance(target, RecommendationRef) else None
        yield "action recommendation", (paper, key, number)
        yield "action status", (paper, key, action.status)
        yield "action lead", (paper, key, action.lead)
        yield "action due", (paper, key, when(action.due))


def score(pairs: Iterable[tuple[str, Fact]], gold: Iterable[tuple[str, Fact]]) -> dict[str, Score]:
    """Per kind: facts stated by both, by the loader only, by the gold file only (a value of
    None is no fact)."""
    stated: dict[str, set[Fact]] = {kind: set() for kind in KINDS}
    wanted: dict[str, set[Fact]] = {kind: set() for kind in KINDS}
    for kind, fact in pairs:
        if fact[2] is not None:
            stated[kind].add(fact)
    for kind, fact in gold:
        if fact[2] is not None:
            wanted[kind].add(fact)
    scores = {}
    for kind in KINDS:
        both = stated[kind] & wanted[kind]
        scores[kind] = Score(
            len(both),
            len(stated[kind] - both),
            len(wanted[kind] - both),
            [f"stated {f}" for f in sorted(stated[kind] - both, key=str)]
            + [f"missed {f}" for f in sorted(wanted[kind] - both, key=str)],
        )
    return scores


def score_corpus(folder: Path) -> dict[str, Score]:
    """Load every paper a gold file names (and its other renderings) and score it."""
    with (folder / "gold.yaml").open(encoding="utf-8") as handle:
        entries = yaml.safe_load(handle)
    names = resolver()
    settings = Settings()
    stated: list[tuple[str, Fact]] = []
    wanted: list[tuple[str, Fact]] = []
    for entry in entries:
        for paper in [entry["file"], *entry.get("also_as", [])]:
            records = list(load_document(folder / paper, settings=settings))
            stated += list(loaded_facts(records, paper, names))
            wanted += list(gold_facts(entry, paper))
    return score(stated, wanted)


def table(scores: dict[str, Score], title: str) -> str:
    lines = [title, f"{'kind of fact':24} {'gold':>5} {'found':>6} {'P':>7} {'R':>7}"]
    for kind, item in scores.items():
        lines.append(
            f"{kind:24} {item.true + item.missed:5d} {item.true + item.false:6d} "
            f"{item.precision:7.1%} {item.recall:7.1%}"
        )
    return "\n".join(lines)

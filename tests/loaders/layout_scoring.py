"""Scoring loaders against a gold file of hand-written facts: precision and recall per kind of
fact. Shared by the layout-corpus test and by anyone measuring on reports of their own
(`python -m tests.loaders.layout_scoring GOLD.yaml` prints the table)."""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from councilgraph.settings import BUNDLED_CORPUS, Settings
from graph.build import prepare_resolver
from graph.resolve import Resolver
from loaders import load_document, load_register
from loaders import records as r
from loaders.organisations import is_lga

KINDS = (
    "challenge",
    "council",
    "dates",
    "peers",
    "posts",
    "key recommendations",
    "figures",
    "follow-up link",
    "person across documents",
)


@dataclass
class Score:
    gold: set[Any] = field(default_factory=set)
    found: set[Any] = field(default_factory=set)

    @property
    def precision(self) -> float:
        return len(self.gold & self.found) / len(self.found) if self.found else 1.0

    @property
    def recall(self) -> float:
        return len(self.gold & self.found) / len(self.gold) if self.gold else 1.0


def register_resolver() -> Resolver:
    records: list[r.Record] = []
    for name in ("local-authorities.csv", "aliases.yaml"):
        records += list(load_register(BUNDLED_CORPUS / "registers" / name, settings=Settings()))
    return prepare_resolver(records)


def norm(text: str | None) -> str:
    text = (text or "").lower().replace("’", "'").replace("–", "-").replace("—", "-")
    return re.sub(r"[\s.,;:]+", " ", text).strip()


def _org(resolver: Resolver, name: str, gss: str | None = None) -> str:
    if gss:
        return gss
    if is_lga(name) or norm(name) == "local government association":
        return "lga"
    return resolver.find_council(name) or norm(name)


def score(gold_file: Path, *, files: Iterable[str] | None = None) -> dict[str, Score]:
    """Precision and recall per kind of fact, over every document of `gold_file` (and every
    other rendering of each, `also_as`)."""
    gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
    resolver = register_resolver()
    scores = {kind: Score() for kind in KINDS}
    seen_people: dict[str, set[str]] = defaultdict(set)  # person key -> report files
    wanted = set(files) if files is not None else None
    for report in gold["reports"]:
        for name in [report["file"], *report.get("also_as", [])]:
            if wanted is not None and name not in wanted:
                continue
            tag = name
            records = _records(gold_file.parent / name)
            _score_one(scores, resolver, report, records, tag)
            for member in records:
                if isinstance(member, r.Membership) and isinstance(
                    member.organisation, r.ChallengeRef
                ):
                    seen_people[resolver.person(member.person)].add(report["file"])
    across = scores["person across documents"]
    for entry in gold.get("people_across", []):
        key = resolver.person(r.PersonRef(entry["name"]))
        across.gold |= {(key, f) for f in entry["files"]}
        across.found |= {(key, f) for f in seen_people.get(key, set())}
    return scores


def _records(path: Path) -> list[r.Record]:
    try:
        return list(load_document(path, settings=Settings()))
    except Exception as exc:  # noqa: BLE001 -- a document that fails scores nothing
        print(f"{path.name}: {exc}", file=sys.stderr)
        return []


def _score_one(
    scores: dict[str, Score],
    resolver: Resolver,
    report: dict[str, Any],
    records: list[r.Record],
    tag: str,
) -> None:
    truth = report["challenge"]
    own = [x for x in records if isinstance(x, r.PeerChallenge) and not x.quoted]
    scores["challenge"].gold.add((tag, truth["type"]))
    scores["council"].gold.add((tag, truth["gss"]))
    scores["dates"].gold |= {(tag, "start", str(truth["start"])), (tag, "end", str(truth["end"]))}
    for challenge in own[:1]:
        scores["challenge"].found.add((tag, challenge.ref.challenge_type))
        scores["council"].found.add((tag, _org(resolver, challenge.ref.council.name)))
        scores["dates"].found |= {
            (tag, "start", str(challenge.start)),
            (tag, "end", str(challenge.end)),
        }
        follows = challenge.follow_up_of
        if follows is not None:
            month = f"{follows.year}-{follows.month:02d}" if follows.month else str(follows.year)
            gss = _org(resolver, follows.council.name)
            scores["follow-up link"].found.add((tag, gss, month, follows.challenge_type))
    if truth.get("follow_up_of"):
        earlier = truth["follow_up_of"]
        scores["follow-up link"].gold.add(
            (tag, earlier["gss"], str(earlier["start"]), earlier["type"])
        )
    _score_people(scores, resolver, report, records, tag)
    scores["key recommendations"].gold |= {
        (tag, norm(t)) for t in report.get("key_recommendations", [])
    }
    scores["key recommendations"].found |= {
        (tag, norm(x.text)) for x in records if isinstance(x, r.Recommendation) and x.is_key
    }
    scores["figures"].gold |= {(tag, k, float(v)) for k, v in (report.get("figures") or {}).items()}
    scores["figures"].found |= {
        (tag, x.measure, float(x.value)) for x in records if isinstance(x, r.Figure)
    }


def _score_people(
    scores: dict[str, Score],
    resolver: Resolver,
    report: dict[str, Any],
    records: list[r.Record],
    tag: str,
) -> None:
    team = {
        m.person.name: m
        for m in records
        if isinstance(m, r.Membership) and isinstance(m.organisation, r.ChallengeRef)
    }
    for peer in report.get("peers", []):
        scores["peers"].gold.add(
            (tag, norm(peer["name"]), norm(peer.get("honorific")), norm(peer["team_role"]))
        )
        for post in peer.get("posts", []):
            title = post["post"]
            former = bool(post.get("former")) or norm(title).startswith("former ")
            title = re.sub(r"^former\s+", "", title or "", flags=re.I) or None
            organisation = _org(resolver, post["organisation"], post.get("gss"))
            scores["posts"].gold.add(_post_fact(tag, peer["name"], title, organisation, former))
    for name, member in team.items():
        scores["peers"].found.add(
            (tag, norm(name), norm(member.person.honorific), norm(member.role))
        )
    gold_people = {peer["name"]: peer for peer in report.get("peers", [])}
    for m in records:
        if not isinstance(m, r.Membership) or not isinstance(m.organisation, r.OrgRef):
            continue
        if m.person.name not in team:
            continue  # posts of people who are not on the team (advisers) are not scored here
        peer = gold_people.get(m.person.name)
        stated = m.role
        if peer is not None and any(p["post"] is None for p in peer.get("posts", [])):
            stated = None if m.role in {"Councillor", "Member"} else m.role
        organisation = _org(resolver, m.organisation.name)
        scores["posts"].found.add(_post_fact(tag, m.person.name, stated, organisation, m.former))


def _post_fact(
    tag: str, name: str, post: str | None, organisation: str, former: bool
) -> tuple[str, ...]:
    return (tag, norm(name), norm(post), organisation, "former" if former else "")


def printed_score(gold_file: Path) -> dict[str, Score]:
    """`score`, with its table printed (`pytest -s` shows it)."""
    result = score(gold_file)
    print("\n" + table(result))
    return result


def assert_at_least(scores: dict[str, Score], kind: str, precision: float, recall: float) -> None:
    found = scores[kind]
    assert found.gold, f"no gold facts of kind {kind!r}: the gold file or its reading changed"
    assert found.precision >= precision and found.recall >= recall, (
        f"{kind}: precision {found.precision:.1%}, recall {found.recall:.1%}\n{table(scores)}"
    )


def table(scores: dict[str, Score]) -> str:
    lines = [f"{'kind of fact':<26} {'gold':>5} {'found':>6} {'precision':>10} {'recall':>8}"]
    for kind, found in scores.items():
        lines.append(
            f"{kind:<26} {len(found.gold):>5} {len(found.found):>6} "
            f"{found.precision:>10.1%} {found.recall:>8.1%}"
        )
    return "\n".join(lines)


def misses(scores: dict[str, Score], kind: str) -> tuple[list[Any], list[Any]]:
    """(gold facts not found, facts found that are not gold) for one kind."""
    found = scores[kind]
    return sorted(found.gold - found.found, key=str), sorted(found.found - found.gold, key=str)


if __name__ == "__main__":
    result = score(Path(sys.argv[1]))
    print(table(result))
    for kind in KINDS:
        missing, extra = misses(result, kind)
        for fact in missing:
            print(f"MISSING {kind}: {fact}")
        for fact in extra:
            print(f"EXTRA   {kind}: {fact}")

"""Planning and writing one synthetic corpus: registers, feedback reports, follow-ups."""

from __future__ import annotations

import csv
import random
import shutil
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import yaml

from benchmarks.synth import texts
from benchmarks.synth.documents import (
    Challenge,
    TeamMember,
    follow_up_report,
    peer_challenge_report,
)
from benchmarks.synth.people import Person, _unique_names, choose_team, make_pool
from councilgraph.settings import BUNDLED_CORPUS
from loaders.text import slugify

AUTHORITIES = BUNDLED_CORPUS / "registers" / "local-authorities.csv"
FIRST_YEAR, LAST_YEAR = 2011, 2024
FOLLOW_UP_SHARE = 0.6
POLICY_AREAS = (
    "integrated health and care",
    "housing and homelessness",
    "children's services",
    "skills and employment",
    "climate change",
    "crime and public protection",
    "digital and data",
    "finance and resources",
    "transport and environment",
    "culture and tourism",
    "welfare reform",
    "adult social care",
)
PARTNERS = (
    "NHS Foundation Trust",
    "Clinical Commissioning Group",
    "Police",
    "Fire and Rescue Service",
    "Council for Voluntary Service",
    "Chamber of Commerce",
    "University",
    "Housing Association",
)


@dataclass
class Manifest:
    """What a generated corpus holds, as a build should count it."""

    scale: float
    seed: int
    challenges: int = 0  # peer challenges (one feedback report each)
    recommendations: int = 0
    memberships: int = 0  # distinct org:Membership resources the loaders will state
    follow_ups: int = 0
    partnerships: int = 0
    commissions: int = 0  # Lead Chief Executive commissions
    people: int = 0
    documents: int = 0
    councils: int = 0
    files: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"scale {self.scale} seed {self.seed}: {self.councils} councils, {self.documents} "
            f"documents, {self.challenges} challenges, {self.recommendations} recommendations, "
            f"{self.memberships} memberships, {self.follow_ups} follow-ups, "
            f"{self.partnerships} partnerships, {self.commissions} commissions, "
            f"{self.people} people"
        )


def read_councils() -> list[dict[str, str]]:
    """The bundled register, less the councils whose names hold a comma ("Bournemouth,
    Christchurch and Poole Council"): a peer team line is "Name, Role, Council", so such a name
    would be cut at its comma, and real reports write these names differently anyway."""
    with AUTHORITIES.open(encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle) if "," not in row["name"]]


def _plan_dates(
    rng: random.Random, councils: list[dict[str, str]], count: int
) -> list[tuple[dict[str, str], date]]:
    """`count` (council, start) pairs: councils in being at the time, one per council-month."""
    taken: set[tuple[str, int, int]] = set()
    planned: list[tuple[dict[str, str], date]] = []
    while len(planned) < count:
        start = date(rng.randint(FIRST_YEAR, LAST_YEAR), rng.randint(1, 12), rng.randint(1, 24))
        council = rng.choice(councils)
        ended = council["end_date"] and date.fromisoformat(council["end_date"]) < start + timedelta(
            3
        )
        if ended or (council["gss"], start.year, start.month) in taken:
            continue
        taken.add((council["gss"], start.year, start.month))
        planned.append((council, start))
    return sorted(planned, key=lambda pair: (pair[1], pair[0]["gss"]))


def _recommendations(rng: random.Random) -> tuple[list[str], dict[str, list[str]]]:
    key = texts.key_recommendations(rng, rng.randint(4, 6))
    groups = rng.sample(sorted(texts.GROUPS), rng.randint(4, 5))
    used: set[str] = set()
    detailed = {
        g: [texts.recommendation(rng, g, used) for _ in range(rng.randint(3, 6))] for g in groups
    }
    return key, detailed


def _challenge(
    rng: random.Random,
    council: dict[str, str],
    start: date,
    pool: list[Person],
    managers: list[Person],
    names: dict[str, str],
) -> Challenge:
    team = [
        TeamMember(p, p.post_in(start.year).role, names[p.post_in(start.year).council])
        for p in choose_team(rng, pool, council["gss"], start.year, rng.randint(5, 8))
    ]
    key, detailed = _recommendations(rng)
    slug = f"{slugify(council['short_name'] or council['name'])}-corporate-peer-challenge-{start:%Y-%m}"
    return Challenge(
        gss=council["gss"],
        council=council["name"],
        short=council["short_name"],
        start=start,
        end=start + timedelta(days=3),
        key=key,
        detailed=detailed,
        team=team,
        manager=rng.choice(managers),
        slug=slug,
    )


def _write(path: Path, text: str, manifest: Manifest) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    manifest.files.append(str(path))


def generate(out: Path, *, scale: float = 1.0, seed: int = 2011) -> Manifest:
    """Write a corpus to `out` (replacing what is there) and return its manifest."""
    if not 0.001 <= scale <= 100:
        raise ValueError(f"scale {scale} is outside 0.001..100 (1 = about 1,000 challenges)")
    if out.exists():
        shutil.rmtree(out)
    rng = random.Random(seed)
    manifest = Manifest(scale=scale, seed=seed)
    councils = read_councils()
    current = [c for c in councils if not c["end_date"]]
    names = {c["gss"]: c["name"] for c in councils}
    count = max(3, round(1000 * scale))
    all_names = _unique_names(random.Random(seed + 1), max(60, round(1400 * scale)) + 40)
    pool = make_pool(rng, [n for n in all_names[40:]], [c["gss"] for c in current])
    managers = [Person(n, None, 1.0) for n in all_names[: max(3, min(40, count // 25))]]
    manifest.councils, manifest.people = len(councils), len(pool) + len(managers)
    (out / "registers").mkdir(parents=True)
    shutil.copy(AUTHORITIES, out / "registers" / "local-authorities.csv")
    challenges = []
    for council, start in _plan_dates(rng, councils, count):
        ch = _challenge(rng, council, start, pool, managers, names)
        challenges.append(ch)
        _write(out / "documents" / f"{ch.slug}.txt", peer_challenge_report(ch), manifest)
        manifest.challenges += 1
        manifest.recommendations += ch.recommendations
        manifest.memberships += 2 * len(ch.team) + 2  # team and home post; the manager twice
    _write_follow_ups(rng, challenges, pool, manifest, out)
    _write_partnerships(rng, current, pool, names, manifest, out, count)
    _write_commissions(rng, councils, all_names, manifest, out, scale)
    manifest.documents = len([f for f in manifest.files if "/documents/" in f])
    return manifest


def _write_follow_ups(
    rng: random.Random,
    challenges: list[Challenge],
    pool: list[Person],
    manifest: Manifest,
    out: Path,
) -> None:
    for ch in challenges:
        if rng.random() >= FOLLOW_UP_SHARE:
            continue
        meeting = ch.start + timedelta(days=rng.randint(270, 600))
        author = rng.choice(pool)
        text = follow_up_report(ch, meeting, author.name, "Director of Strategy and Performance")
        if not _follow_up_readable(ch, text):
            continue
        _write(out / "documents" / f"{ch.slug}-follow-up-{meeting:%Y}.txt", text, manifest)
        manifest.follow_ups += 1
        manifest.memberships += 1  # the report's author in their post


def _follow_up_readable(ch: Challenge, text: str) -> bool:
    """Whether the follow-up loader tells this council from the report's running text; it
    cannot for a few names ("Borough Council of King's Lynn and West Norfolk"), and a
    synthetic corpus should not trip on a known loader limit it is not there to measure."""
    from loaders.document import Document
    from loaders.host_council import core, council
    from loaders.layout import read_lines
    from loaders.read_text import text_lines

    lines, _ = text_lines(text, markdown=False)
    found = council(Document(Path(f"{ch.slug}.txt"), "", tuple(read_lines(lines))))
    return found is not None and core(found[0].name) == core(ch.council)


def _write_partnerships(
    rng: random.Random,
    councils: list[dict[str, str]],
    pool: list[Person],
    names: dict[str, str],
    manifest: Manifest,
    out: Path,
    count: int,
) -> None:
    items = []
    for index in range(max(2, count // 10)):
        council = rng.choice(councils)
        place = council["short_name"] or council["name"]
        partners = [f"{place} {kind}" for kind in rng.sample(PARTNERS, rng.randint(1, 3))]
        contacts = [
            {"person": p.name, "organisation": council["name"], "role": "Partnership lead"}
            for p in rng.sample(pool, rng.randint(0, 2))
        ]
        items.append(
            {
                "label": f"{place} partnership {index + 1}",
                "members": [council["name"], *partners],
                "kinds": {name: "organisation" for name in partners},
                "subject": rng.choice(POLICY_AREAS),
                "relies_on_individuals": rng.random() < 0.2,
                "contacts": contacts,
            }
        )
        manifest.memberships += len(contacts)
    manifest.partnerships = len(items)
    path = out / "registers" / "partnerships.yaml"
    _write(
        path,
        yaml.safe_dump({"kind": "partnerships", "partnerships": items}, sort_keys=False),
        manifest,
    )


def _write_commissions(
    rng: random.Random,
    councils: list[dict[str, str]],
    all_names: list[str],
    manifest: Manifest,
    out: Path,
    scale: float,
) -> None:
    """Ten years of London Councils commissions, each held by a serving borough chief executive."""
    boroughs = [c for c in councils if c["gss"].startswith("E09")]
    ceo_names = iter(_unique_names(random.Random(rng.random()), 400))
    chiefs: dict[str, str] = {b["gss"]: next(ceo_names) for b in boroughs}
    areas = POLICY_AREAS[: max(2, min(len(POLICY_AREAS), round(12 * min(scale, 1.0))))]
    rows = []
    for year in range(2014, 2024):
        for gss in list(chiefs):
            if rng.random() < 0.15:  # a new chief executive arrives
                chiefs[gss] = next(ceo_names)
        leads = rng.sample(sorted(chiefs), len(areas))  # one commission per person per year
        for area, gss in zip(areas, leads, strict=True):
            rows.append(
                {
                    "policy_area": area,
                    "person": chiefs[gss],
                    "honorific": "",
                    "borough": gss,
                    "start": f"{year}-09-01",
                    "end": "",
                    "support_group": f"{area.capitalize()} group",
                    "source": "synthetic",
                }
            )
    path = out / "registers" / "lead-chief-executives.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    manifest.files.append(str(path))
    manifest.commissions = len(rows)
    manifest.memberships += 2 * len(rows)

"""The pool of people a synthetic corpus draws its peer teams and chief executives from.

Real peer teams come from a small, busy pool: serving chief executives, directors and
leaders of other councils, some of whom sit on many teams, and LGA staff who manage the
challenges. People change jobs, so the same person appears with different home councils
in different years. Each person here has a career (posts with start years) and an activity
weight drawn from a heavy-tailed distribution, so a few people serve on many teams.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

FIRST = (
    "Aisha Alan Alison Amanda Andrew Angela Anna Anthony Barry Beth Bill Carol Caroline "
    "Catherine Chris Claire Colin Daniel David Deborah Denise Dominic Edward Eleanor Emma "
    "Fiona Frances Gareth Gavin Gillian Graham Hannah Harriet Helen Ian Imran Jacqui James "
    "Jane Janet Jason Jessica Joanna Jonathan Judith Julie Karen Kate Keith Kevin Laura Lesley "
    "Linda Lucy Mandy Mark Martin Matthew Michael Michelle Nadia Natalie Neil Nicola Nigel "
    "Owen Patricia Paul Peter Philip Priya Rachel Rajesh Rebecca Richard Robert Rosemary Ruth "
    "Sally Samantha Sandra Sarah Shahid Sharon Simon Sophie Stephen Steven Susan Tanya Theresa "
    "Thomas Timothy Tracey Victoria Wendy William Yvonne Zoe"
).split()
LAST = (
    "Abbott Adams Ahmed Akhtar Allen Armstrong Atkinson Bailey Baker Banks Barker Barnes "
    "Bates Bell Bennett Bishop Blake Booth Bradley Brooks Burton Butler Campbell Carter Chapman "
    "Clarke Cole Collins Cooper Cox Crawford Davies Dawson Dixon Doyle Edwards Elliott Evans "
    "Fisher Fleming Fletcher Foster Fox Gibson Goodwin Graham Grant Gray Green Griffiths Hall "
    "Hamilton Harper Harris Hart Hayes Henderson Hill Holland Holmes Hughes Hunt Hussain "
    "Jackson James Jenkins Johnson Jones Kaur Kelly Kennedy Khan Knight Lambert Lawrence Lee "
    "Lewis Lloyd Marshall Mason Matthews Mills Mitchell Moore Morgan Morris Murphy Murray "
    "Nelson Newman Noble Norris Owen Palmer Parker Parry Patel Pearce Pearson Perry Phillips "
    "Porter Powell Price Quinn Reid Reynolds Richards Riley Roberts Robinson Rogers Rose Russell "
    "Saunders Scott Shah Sharp Shaw Simpson Singh Smith Spencer Stevens Stewart Stone Sutton "
    "Taylor Thomas Thompson Turner Walker Wallace Walsh Ward Watson Webb Wells West White "
    "Wilkinson Williams Wilson Wood Woods Wright Young"
).split()
OFFICER_ROLES = (
    "Chief Executive",
    "Chief Executive",
    "Chief Executive",
    "Deputy Chief Executive",
    "Assistant Chief Executive",
    "Director of Finance",
    "Director of Adult Social Services",
    "Director of Children's Services",
    "Director of Public Health",
    "Director of Resources",
    "Director of Place",
    "Director of Housing",
    "Director of Communities",
    "Head of Paid Service",
)
MEMBER_ROLES = (
    "Leader",
    "Leader",
    "Deputy Leader",
    "Cabinet Member for Finance",
    "Cabinet Member for Resources",
)
FIRST_YEAR, LAST_YEAR = 2009, 2026


@dataclass(frozen=True)
class Post:
    start: int  # first year in post
    council: str  # GSS code
    role: str


@dataclass
class Person:
    name: str
    honorific: str | None
    weight: float  # how often they serve on teams
    career: list[Post] = field(default_factory=list)

    def post_in(self, year: int) -> Post:
        current = self.career[0]
        for post in self.career:
            if post.start <= year:
                current = post
        return current


def _unique_names(rng: random.Random, count: int) -> list[str]:
    """`count` distinct "First Last" names; a middle initial keeps large pools distinct."""
    names: set[str] = set()
    ordered: list[str] = []
    while len(ordered) < count:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if name in names:
            name = f"{rng.choice(FIRST)} {rng.choice(FIRST)} {rng.choice(LAST)}"
        if name not in names:
            names.add(name)
            ordered.append(name)
    return ordered


def make_pool(rng: random.Random, names: list[str], councils: list[str]) -> list[Person]:
    """Officers and councillors with careers: one to four posts, moving between councils."""
    people: list[Person] = []
    for name in names:
        member = rng.random() < 0.25
        honorific = "Cllr" if member else ("Dr" if rng.random() < 0.06 else None)
        person = Person(name, honorific, weight=rng.paretovariate(1.6))
        year = rng.randint(FIRST_YEAR - 6, FIRST_YEAR + 4)
        home = rng.choice(councils)
        while year <= LAST_YEAR:
            if member:  # councillors stay with their council, their role changes
                role = rng.choice(MEMBER_ROLES)
            else:
                home = rng.choice(councils) if person.career else home
                role = rng.choice(OFFICER_ROLES)
            person.career.append(Post(year, home, role))
            year += rng.randint(3, 8)
        people.append(person)
    return people


def make_managers(rng: random.Random, size: int) -> list[Person]:
    """LGA Peer Challenge Managers: a handful of staff who manage many challenges each."""
    names = _unique_names(random.Random(rng.random()), size + 50)[-size:]
    return [
        Person(
            name, None, weight=1.0, career=[Post(FIRST_YEAR - 5, "LGA", "Peer Challenge Manager")]
        )
        for name in names
    ]


def choose_team(
    rng: random.Random, pool: list[Person], subject: str, year: int, size: int
) -> list[Person]:
    """`size` distinct people whose post that year is not at the council being challenged."""
    team: list[Person] = []
    weights = [p.weight for p in pool]
    seen: set[str] = set()
    while len(team) < size:
        for person in rng.choices(pool, weights=weights, k=size * 2):
            if person.name in seen or person.post_in(year).council == subject:
                continue
            seen.add(person.name)
            team.append(person)
            if len(team) == size:
                break
    return team

"""Phrase banks for synthetic recommendations, in the voice of LGA feedback reports.

Each recommendation group (the heading it sits under in a report) has verbs and objects
whose cue words land it in one of the peer challenge themes, as real ones do; a qualifier
makes texts within a report distinct.
"""

from __future__ import annotations

import random

GROUPS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Clearer prioritisation": (
        ("Develop", "Agree", "Define", "Publish", "Refresh", "Set out"),
        (
            "a clear set of priorities and the outcomes you will measure",
            "rigorous corporate performance measures that track impact for residents",
            "a shared vision for the place with communities and partners",
            "how data will inform decisions, evaluation and service redesign",
            "the ambition for the borough and the targets that show progress",
        ),
    ),
    "Leadership of place": (
        ("Strengthen", "Build on", "Deepen", "Invest in", "Formalise"),
        (
            "relationships with health partners and the voluntary sector",
            "the council's role as leader of place with business and partners",
            "engagement with the local health system on prevention",
            "collaboration with neighbouring councils and the combined authority",
            "partnership governance so that it does not rely on individual relationships",
        ),
    ),
    "Governance and decision making": (
        ("Review", "Clarify", "Streamline", "Strengthen", "Embed"),
        (
            "scrutiny arrangements so that decisions are challenged early",
            "the council's risk appetite and the role of internal audit",
            "member development and induction for new councillors",
            "the values and behaviours expected of members and officers",
            "decision making so that governance is transparent and accountable",
        ),
    ),
    "Allocating and managing resources": (
        ("Track", "Understand", "Strengthen", "Align", "Prioritise"),
        (
            "the medium term financial strategy with agreed priorities",
            "the delivery of savings to avoid reliance on one-off funding",
            "reserves so that the budget remains sustainable",
            "capital spend and asset management with the council's ambitions",
            "commercial income opportunities and value for money in procurement",
        ),
    ),
    "Driving through change": (
        ("Accelerate", "Resource", "Deliver", "Equip", "Modernise"),
        (
            "the transformation programme with programme management capacity",
            "a workforce and people strategy that builds skills and capacity",
            "digital and ICT improvement so that services can change at pace",
            "the organisation's capacity for improvement by learning from others",
            "redesign of services with staff at the front line",
        ),
    ),
}
QUALIFIERS = (
    "within the next twelve months",
    "as a corporate priority",
    "with clear timescales",
    "and report progress to members",
    "across the whole organisation",
    "with partners",
    "before the next budget round",
    "and communicate it consistently",
    "at pace",
    "so that residents see the difference",
    "building on existing good practice",
    "drawing on the experience of other councils",
)
KEY_OPENERS = (
    "Develop and implement a clearer approach to prioritisation",
    "Once priorities are agreed resource them at the appropriate level",
    "Introduce programme management capacity to strengthen corporate grip",
    "Systematically use data to monitor performance and inform decisions",
    "Deliver at pace within clear timescales overseen by a corporate approach",
    "Make your values shine through in everything you do",
    "Put the medium term financial strategy on a sustainable footing",
    "Invest in the skills and development of your workforce",
    "Strengthen partnership working so that it does not depend on individuals",
    "Review governance and decision making to support change",
)


def recommendation(rng: random.Random, group: str, used: set[str]) -> str:
    """A recommendation under `group`, different from every text in `used`."""
    verbs, objects = GROUPS[group]
    while True:
        text = f"{rng.choice(verbs)} {rng.choice(objects)} {rng.choice(QUALIFIERS)}"
        if text not in used:
            used.add(text)
            return text


def key_recommendations(rng: random.Random, count: int) -> list[str]:
    return rng.sample(KEY_OPENERS, count)

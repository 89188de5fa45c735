"""Rendering synthetic documents in the genres the real loaders read.

The peer challenge report follows the shape of an LGA Corporate Peer Challenge feedback
report (title page, key and detailed recommendations, the peer team, scope, follow up);
the follow-up report follows a council committee report on a peer challenge (report
header, executive summary, recommendations to the committee, the key recommendations of
the feedback report, actions). Wording comes from the bundled examples so the genre
detectors and parsers see what they see in real papers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from benchmarks.synth.people import Person

SCOPE = (
    "Understanding of the local place and priority setting: Does the council understand its "
    "local context and place and use that to inform a clear vision and set of priorities?",
    "Financial planning and viability: Does the council have a financial plan in place to "
    "ensure long term viability and is there evidence that it is being implemented successfully?",
    "Capacity to deliver: Is organisational capacity aligned with priorities and does the "
    "council influence, enable and leverage external capacity to focus on agreed outcomes?",
    "Political and managerial leadership: Does the council provide effective political and "
    "managerial leadership through its elected members, officers and constructive relationships "
    "and partnerships with external stakeholders?",
    "Governance and decision-making: Is political and managerial leadership supported by good "
    "governance and decision-making arrangements that respond to key challenges and enable "
    "change to be implemented?",
)


@dataclass(frozen=True)
class TeamMember:
    person: Person
    role: str
    organisation: str  # the home organisation's name as the report writes it

    def line(self) -> str:
        title = f"{self.person.honorific} " if self.person.honorific else ""
        return f"- {title}{self.person.name}, {self.role}, {self.organisation}"


@dataclass(frozen=True)
class Challenge:
    gss: str
    council: str  # official name
    short: str
    start: date
    end: date
    key: list[str]
    detailed: dict[str, list[str]]  # group heading -> recommendations
    team: list[TeamMember]
    manager: Person
    slug: str

    @property
    def recommendations(self) -> int:
        return len(self.key) + sum(len(items) for items in self.detailed.values())


def _day_range(start: date, end: date) -> str:
    return f"{start.day}-{end.day} {end:%B %Y}"


def peer_challenge_report(ch: Challenge) -> str:
    lines = [
        f"Corporate Peer Challenge {ch.council}",
        "",
        _day_range(ch.start, ch.end),
        "",
        "Feedback Report",
        "",
        "1. Executive Summary",
        "",
        f"{ch.council} is an ambitious council with a clear sense of place. The peer team "
        "found committed staff and members who value the council's leadership. "
        "The council now needs clearer prioritisation and a tighter corporate grip on delivery.",
        "",
        "2. Key recommendations",
        "",
        "There are a number of observations and recommendations within the main section of the "
        "report. The following are the peer team's key recommendations:",
        "",
    ]
    lines += [f"- {text}" for text in ch.key]
    lines += ["", "2a. Detailed recommendations", ""]
    number = 0
    for group, items in ch.detailed.items():
        lines += [f"{group}:", ""]
        for text in items:
            number += 1
            lines.append(f"{number}. {text}")
        lines.append("")
    lines += [
        "3. Summary of the Peer Challenge approach",
        "",
        "It is important to stress that this was not an inspection. Peer challenges are "
        "improvement-focused and tailored to meet individual councils' needs.",
        "",
        "The peer team",
        "",
        "Peer challenges are delivered by experienced elected member and officer peers. The "
        "peers who delivered the peer challenge were:",
        "",
    ]
    lines += [member.line() for member in ch.team]
    lines.append(f"- {ch.manager.name}, LGA Peer Challenge Manager")
    lines += [
        "",
        "Scope and focus",
        "",
        "The peer team considered the following five questions which form the core "
        "components looked at by all Corporate Peer Challenges:",
        "",
    ]
    lines += [f"{i}. {q}" for i, q in enumerate(SCOPE, start=1)]
    lines += [
        "",
        "4. Next steps",
        "",
        "We appreciate the senior managerial and political leadership will want to reflect on "
        "these findings and suggestions to determine how the organisation wishes to take "
        "things forward.",
        "",
    ]
    return "\n".join(lines) + "\n"


def follow_up_report(ch: Challenge, meeting: date, author: str, author_role: str) -> str:
    """A committee report on the progress since the challenge, listing its key recommendations."""
    when = f"{ch.start:%B %Y}"
    lines = [
        "Agenda Item 5",
        "",
        f"Overview and Scrutiny Committee {meeting.day} {meeting:%B %Y}",
        "",
        ch.council,
        "",
        f"Report of: {author} {author_role}",
        "",
        "Title: LGA Corporate Peer Challenge – progress report",
        "",
        "1. Executive Summary",
        "",
        f"- 1.1. The LGA performed a Corporate Peer Challenge of {ch.council} in {when}. This "
        "report sets out the progress the Council has made against the recommendations.",
        "",
        "2. Recommendations:",
        "",
        "The Committee is recommended to:",
        "",
        "1. Note the progress made against the recommendations of the Corporate Peer Challenge.",
        "",
        "3. DETAILS OF THE REPORT",
        "",
        f"LGA Corporate Peer Challenge {ch.start.year}",
        "",
        "- 3.1. The key recommendations of the LGA Feedback Report were:",
    ]
    lines += [f" - {text}" for text in ch.key]
    lines += [
        "",
        f"- 3.2. The Council's action plan sets out the activity planned in response to each "
        f"of the {len(ch.key)} key recommendations and is monitored on a quarterly basis.",
        "",
    ]
    return "\n".join(lines) + "\n"

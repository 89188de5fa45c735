"""Tests for the follow-up committee report loader: the Tower Hamlets sample, two hand-written
variants (Bassetlaw, Slough) and a PDF made here with fpdf2. Expected values checked by hand."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import pytest
from fpdf import FPDF

from councilgraph.errors import LoaderError
from councilgraph.settings import Settings
from loaders import follow_up_report
from loaders.dates import Month
from loaders.reader import read_document
from loaders.records import (
    Action,
    ChallengeRef,
    DocumentRecord,
    Figure,
    Intervention,
    Meeting,
    Membership,
    Option,
    Organisation,
    OrgRef,
    PeerChallenge,
    PersonRef,
    Recommendation,
    RecommendationRef,
    Review,
)

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "corpus" / "documents" / "tower-hamlets-tib-peer-challenge-follow-up-2019.txt"
DATA = REPO / "tests" / "data" / "follow-up-report"
T = TypeVar("T")


def _load(path: Path) -> list[Any]:
    return list(follow_up_report.load(read_document(path), settings=Settings()))


def _of(records: Sequence[Any], kind: type[T]) -> list[T]:
    return [record for record in records if isinstance(record, kind)]


def _one(records: Sequence[Any], kind: type[T]) -> T:
    found = _of(records, kind)
    assert len(found) == 1, found
    return found[0]


# ---- the Tower Hamlets sample ----

TH = OrgRef("Tower Hamlets", "council")
TH_CPC = ChallengeRef(TH, 2018, 6, "corporate-peer-challenge")
TIB = OrgRef("Transformation and Improvement Board", "board")


@pytest.fixture(scope="module")
def sample() -> list[Any]:
    return _load(SAMPLE)


def test_sample_document_record_first(sample: list[Any]) -> None:
    document = sample[0]
    assert isinstance(document, DocumentRecord)
    assert document.title == "LGA Corporate Peer Challenge – follow up and future"
    assert document.date == date(2019, 12, 9)
    assert document.publisher == TH
    assert document.genre == "follow-up-report"


def test_sample_council_and_its_abbreviation(sample: list[Any]) -> None:
    council = next(org for org in _of(sample, Organisation) if org.ref == TH)
    assert council.aliases == ("LBTH",)


def test_sample_meeting(sample: list[Any]) -> None:
    meeting = _one(sample, Meeting)
    assert meeting.body == TIB
    assert meeting.date == date(2019, 12, 9)
    assert meeting.item == "4.2"
    assert meeting.title == "LGA Corporate Peer Challenge – follow up and future"
    # "Report of" names the officer who answers for the paper; with no "Report author", the
    # first officer contact is the author (the papers corpus's convention, issue 21)
    assert meeting.lead_officer == PersonRef("Sharon Godman")
    assert meeting.lead_officer_post == "Divisional Director Strategy, Policy and Performance"
    assert (meeting.author, meeting.author_post) == (PersonRef("Afazul Hoque"), None)
    assert meeting.portfolio_holder is None
    assert meeting.decision_sought == (
        "Approve the proposed approach for a follow up visit by the LGA Peer Challenge Team, as "
        "a part of the Corporate Peer Challenge process"
    )
    assert [person.name for person in meeting.contacts] == [
        "Afazul Hoque",
        "Daniel Kerr",
        "David Knight",
    ]


def test_sample_author_post_is_a_membership_stated_in_the_report(sample: list[Any]) -> None:
    membership = _one(sample, Membership)
    assert (membership.person, membership.organisation, membership.role) == (
        PersonRef("Sharon Godman"),
        TH,
        "Divisional Director Strategy, Policy and Performance",
    )
    assert membership.provenance.line == 23


def test_sample_challenge(sample: list[Any]) -> None:
    challenge = next(item for item in _of(sample, PeerChallenge) if item.ref == TH_CPC)
    assert challenge.follow_up_due_by == date(2020, 6, 30)
    assert challenge.planned is False
    assert len(challenge.scope) == 3
    assert challenge.scope[0].startswith(
        "To explore how the Council adequately addressed the directions"
    )
    assert challenge.scope[2] == (
        "Is the council identifying key challenges and setting realistic yet ambitious targets "
        "for the future?"
    )
    (days,) = challenge.figures
    assert (days.measure, days.value, days.about, days.label) == (
        "days-on-site",
        4,
        TH_CPC,
        "Over four days",
    )
    assert challenge.provenance.location == "paragraph 1.1"


def test_sample_key_recommendations(sample: list[Any]) -> None:
    recommendations = _of(sample, Recommendation)
    assert len(recommendations) == 11
    assert [r.position for r in recommendations] == list(range(1, 12))
    assert all(r.is_key and r.number is None and r.challenge == TH_CPC for r in recommendations)
    assert recommendations[0].text == (
        "The Council now needs to grasp opportunities and drive the pace of change to achieve the "
        "potential of the place"
    )
    # the list carries on after a blank line, with a bullet at a different indent
    assert (
        recommendations[7].text == "Maximise the potential, ability and enthusiasm of all Members"
    )
    assert recommendations[10].text.startswith(
        "Maximise the advantages of the Council's financial standing"
    )
    assert recommendations[3].provenance.location == "paragraph 3.7, bullet 4"
    assert recommendations[3].provenance.line == 61


def test_sample_actions(sample: list[Any]) -> None:
    actions = _of(sample, Action)
    assert [a.number for a in actions] == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "10"]
    assert [a.topic for a in actions[:5]] == [
        "Property",
        "Procurement",
        "Grants",
        "Communications",
        None,
    ]
    assert [a.page_reference for a in actions] == ["p10"] * 4 + ["p11"] * 3 + ["p12"] * 2 + [
        "p13",
        "p16",
    ]
    assert all(a.responds_to == TH_CPC and a.status is None for a in actions)
    assert actions[0].text == (
        "There is now the need to further develop the Asset Management Strategy to ensure the "
        "Council optimises benefit against strategic priorities"
    )
    # action 9 wraps over a blank line ("... issues of faith and the" / "Council's role ...")
    assert "issues of faith and the Council's role in supporting faith" in actions[8].text
    assert actions[8].text.endswith("addressed further in the next section.")
    assert actions[10].provenance.location.endswith("'Financial planning and viability', action 10")
    assert actions[9].text.startswith("the Council is presently risk averse")


def test_sample_follow_up_visit(sample: list[Any]) -> None:
    visit = next(
        item for item in _of(sample, PeerChallenge) if item.ref.challenge_type == "follow-up-visit"
    )
    assert visit.ref == ChallengeRef(TH, 2020, 6, "follow-up-visit")
    assert visit.planned and visit.follow_up_of == TH_CPC
    assert visit.scope == (
        "Leadership and management",
        "Approach to change",
        "Performance monitoring",
        "Financial planning and viability",
        "Getting the best from staff",
    )


def test_sample_reviews(sample: list[Any]) -> None:
    reviews = {review.kind: review for review in _of(sample, Review)}
    assert reviews["self-assessment"].date == date(2020, 1, 1)
    assert reviews["self-assessment"].subject == TH
    assert reviews["planning-peer-challenge"].label == "Planning Peer Challenge"
    assert reviews["planning-peer-challenge"].date is None


def test_sample_options(sample: list[Any]) -> None:
    options = _of(sample, Option)
    assert [(o.number, o.label, o.preferred) for o in options] == [
        ("1", "Status quo: maintain the TIB", False),
        ("2", "Ask the Mayor: Question and Answer event", False),
        ("3", "Cabinet extraordinary session for 2020: State of the Borough", False),
        ("4", "Executive and Scrutiny Deep Dive", True),
    ]
    assert options[0].text.startswith("this option preserves current arrangements")
    assert options[1].text.endswith(
        "no explicit scrutiny member involvement."
    )  # wrapped over a blank line


def test_sample_boards(sample: list[Any]) -> None:
    orgs = {org.ref: org for org in _of(sample, Organisation)}
    tib = orgs[TIB]
    assert tib.aliases == ("TIB",) and tib.established == date(2018, 12, 1)
    assert tib.provenance.location == "paragraph 3.8"
    bvib = orgs[OrgRef("Best Value Improvement Board", "board")]
    assert bvib.established is None
    assert orgs[OrgRef("Partnership Executive Group", "board")].aliases == ("PEG",)


def test_sample_interventions(sample: list[Any]) -> None:
    interventions = _of(sample, Intervention)
    directions = next(i for i in interventions if i.kind == "best-value-directions")
    assert directions.subject == TH and directions.label == "Best Value Directions"
    assert directions.issued_by == OrgRef(
        "Department for Communities and Local Government", "organisation"
    )
    assert directions.start == date(2014, 12, 1) and directions.end is None
    assert (
        directions.provenance.location.startswith("paragraph 3.3")
        and "month" in directions.provenance.location
    )
    boards = {i.body: i for i in interventions if i.kind == "improvement-board"}
    assert boards[TIB].start == date(2018, 12, 1)
    assert set(boards) == {TIB, OrgRef("Best Value Improvement Board", "board")}


# ---- detection ----


def test_detect_tells_this_genre_from_feedback_reports_and_london_councils_papers() -> None:
    documents = REPO / "corpus" / "documents"
    assert follow_up_report.detect(read_document(SAMPLE)) >= 0.8
    for other in (
        "islington-corporate-peer-challenge-2018.txt",
        "london-councils-lead-chief-executives-2017.txt",
        "lga-sector-led-improvement-2012.txt",
        "islington-productivity-plan-2024.txt",
    ):
        assert follow_up_report.detect(read_document(documents / other)) < 0.3, other
    for variant in DATA.iterdir():
        assert follow_up_report.detect(read_document(variant)) >= 0.8, variant


# ---- Bassetlaw: labelled header, post before name, (a) lists, a pipe action table ----

BASSETLAW = OrgRef("Bassetlaw District Council", "council")
BASSETLAW_CPC = ChallengeRef(BASSETLAW, 2020, 1, "corporate-peer-challenge")


@pytest.fixture(scope="module")
def bassetlaw() -> list[Any]:
    return _load(DATA / "bassetlaw-scrutiny-peer-challenge-progress-2021.txt")


def test_bassetlaw_meeting_and_people(bassetlaw: list[Any]) -> None:
    meeting = _one(bassetlaw, Meeting)
    assert (meeting.body, meeting.date, meeting.item) == (
        OrgRef("Overview and Scrutiny Committee", "committee"),
        date(2021, 10, 14),
        "7",
    )
    assert (meeting.lead_officer, meeting.lead_officer_post) == (
        PersonRef("Rebecca Whitworth"),
        "Head of Corporate Services",
    )
    assert (meeting.author, meeting.author_post) == (
        PersonRef("Emma Duckworth"),
        "Policy and Performance Manager",
    )  # the contact officer, as there is no "Report author"
    assert meeting.portfolio_holder == PersonRef("Jo White", "Cllr")
    assert meeting.decision_sought == (
        "notes the progress made against the Corporate Peer Challenge action plan at Appendix A"
    )
    assert meeting.contacts == (PersonRef("Emma Duckworth"),)
    posts = {(m.person, m.role) for m in _of(bassetlaw, Membership)}
    assert posts == {
        (PersonRef("Rebecca Whitworth"), "Head of Corporate Services"),
        (PersonRef("Jo White", "Cllr"), "Cabinet Member for Corporate Services"),
        (PersonRef("Emma Duckworth"), "Policy and Performance Manager"),
    }


def test_bassetlaw_challenge_dates_and_days(bassetlaw: list[Any]) -> None:
    challenge = next(c for c in _of(bassetlaw, PeerChallenge) if c.ref == BASSETLAW_CPC)
    assert (challenge.start, challenge.end) == (date(2020, 1, 20), date(2020, 1, 23))
    assert challenge.follow_up_due_by == date(2022, 1, 31)  # "within two years"
    assert [f.value for f in challenge.figures] == [4]


def test_bassetlaw_lettered_key_recommendations_that_wrap(bassetlaw: list[Any]) -> None:
    recommendations = _of(bassetlaw, Recommendation)
    assert [r.number for r in recommendations] == ["a", "b", "c", "d", "e"]
    assert all(r.is_key for r in recommendations)
    assert recommendations[0].text == (
        "Develop a clear, long-term vision for Bassetlaw that is shared with partners and "
        "communities"
    )
    assert recommendations[1].text.endswith("so that the budget gap from 2022/23 is closed")


def test_bassetlaw_action_table_with_statuses(bassetlaw: list[Any]) -> None:
    actions = _of(bassetlaw, Action)
    # statuses as the paper states them; the table's "1" is the paper's key recommendation (a)
    assert [(a.responds_to.number, a.status, a.lead) for a in actions] == [  # type: ignore[union-attr]
        ("a", "complete", "Chief Executive"),
        ("b", "in progress", "Head of Finance and Property"),
        ("c", "on track", "Head of Corporate Services"),
        ("d", "not started", "Monitoring Officer"),
        ("e", "complete", "Head of Corporate Services"),
    ]
    assert (
        actions[2].text == "Workforce strategy drafted and out to consultation with staff"
    )  # wrapped row
    key = _of(bassetlaw, Recommendation)[0]
    assert actions[0].responds_to == RecommendationRef(BASSETLAW_CPC, "a", key.text, True, 1)
    assert (
        actions[0].provenance.location
        == "'Appendix A - Corporate Peer Challenge action plan', row 1"
    )


def test_bassetlaw_progress_review(bassetlaw: list[Any]) -> None:
    review = next(c for c in _of(bassetlaw, PeerChallenge) if c.follow_up_of)
    assert review.ref == ChallengeRef(BASSETLAW, 2022, 3, "progress-review")
    assert (review.start, review.end) == (date(2022, 3, 8), date(2022, 3, 9))
    assert review.scope == (
        "Progress against the key recommendations",
        "The delivery of the Council Plan 2021-2024",
        "Financial sustainability",
    )
    assert not _of(bassetlaw, Option) and not _of(bassetlaw, Intervention)


# ---- Slough (Markdown): finance peer review, numbered list over a page break, tab table ----

SLOUGH = OrgRef("Slough Borough Council", "council")
SLOUGH_FPR = ChallengeRef(SLOUGH, 2022, 6, "finance-peer-review")


@pytest.fixture(scope="module")
def slough() -> list[Any]:
    return _load(DATA / "slough-peer-review-improvement-plan-2022.md")


def test_slough_header(slough: list[Any]) -> None:
    meeting = _one(slough, Meeting)
    assert meeting.body == OrgRef("Audit and Corporate Governance Committee", "committee")
    assert (meeting.date, meeting.item) == (date(2022, 11, 29), "9")
    assert meeting.author == PersonRef("Amina Patel", "Dr")
    assert meeting.author_post == "Director of Corporate Resources (Section 151 Officer)"
    lead = next(m for m in _of(slough, Membership) if m.person.name == "Sharon Mills")
    assert (lead.person.honorific, lead.role) == ("Councillor", "Lead Member for Finance")


def test_slough_recommendations_over_a_page_break(slough: list[Any]) -> None:
    recommendations = _of(slough, Recommendation)
    assert [r.number for r in recommendations] == ["1", "2", "3", "4", "5", "6"]
    assert not any(r.is_key for r in recommendations)  # "six recommendations", not "key"
    assert all(r.challenge == SLOUGH_FPR for r in recommendations)
    assert recommendations[3].text.endswith("a programme of asset disposals agreed by Cabinet")
    assert "Page 14" not in " ".join(r.text for r in recommendations)


def test_slough_actions_options_and_interventions(slough: list[Any]) -> None:
    actions = _of(slough, Action)
    # "R1 Rebuild reserves" is recommendation 1 the paper lists; statuses as stated
    assert [(a.responds_to.number, a.status) for a in actions] == [  # type: ignore[union-attr]
        ("1", "complete"),
        ("2", "in progress"),
        ("3", "partially complete"),
        ("4", "not started"),
    ]
    assert {a.due for a in actions} == {
        Month(2022, 9),
        Month(2023, 3),
        Month(2022, 12),
        Month(2023, 2),
    }
    options = _of(slough, Option)
    assert [(o.number, o.label, o.preferred) for o in options] == [
        ("A", "No change", False),
        ("B", "Quarterly reporting", True),
        ("C", "A member working group", False),
    ]
    directions = next(i for i in _of(slough, Intervention) if i.kind == "best-value-directions")
    assert directions.issued_by == OrgRef(
        "Department for Levelling Up, Housing and Communities", "organisation"
    )
    assert directions.start == date(2021, 12, 1)
    board = next(i for i in _of(slough, Intervention) if i.kind == "improvement-board")
    assert (board.body, board.start) == (
        OrgRef("Improvement and Recovery Board", "board"),
        date(2022, 3, 1),
    )
    visit = next(c for c in _of(slough, PeerChallenge) if c.follow_up_of == SLOUGH_FPR)
    assert visit.ref == ChallengeRef(SLOUGH, 2023, 5, "follow-up-visit")
    assert len(visit.scope) == 2


# ---- a PDF with running headers, page numbers and a bullet broken over two pages ----

PDF_PAGES = [
    [
        "Agenda Item 11",
        "Meeting: Cabinet",
        "Date: Wednesday 18 May 2022",
        "Report of: Jane Holloway, Executive Director of Resources",
        "Title: Corporate Peer Challenge - follow-up and next steps",
        "Lead Member: Councillor Peter Marsh, Cabinet Member for Finance and Resources",
        "1. Summary",
        "1.1 The LGA carried out a Corporate Peer Challenge at Sheffield City Council on 9-12",
        "November 2021. The peer team of six spent four days on site.",
        "1.2 The key recommendations of the peer team were:",
        "- Agree a clear and ambitious long-term vision for the city with partners and",
        "communities, and make sure that every service plan and",
    ],
    [
        "budget decision can be traced back to it",
        "- Strengthen the new committee system so that decisions are taken in a timely way",
        "- Rebuild trust with residents and invest in community engagement",
        "2. Follow-up",
        "2.1 A follow-up visit by the peer team is expected in November 2023 and will focus on:",
        "- Governance and decision making",
        "- Partnership working",
        "3. Actions",
        "Action 1: Governance - 'Review the committee system within twelve months' (p8)",
        "Action 2: 'Develop a long-term vision with partners' (p9) Status: in progress",
        "Contact officer: Laura Finch, Head of Policy and Partnerships",
    ],
]


class _Report(FPDF):
    def header(self) -> None:
        self.set_font("Helvetica", size=8)
        self.cell(
            0, 5, "Sheffield City Council - Cabinet - 18 May 2022", new_x="LMARGIN", new_y="NEXT"
        )

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", size=8)
        self.cell(0, 5, f"Page {self.page_no()}")


@pytest.fixture(scope="module")
def pdf_records(tmp_path_factory: pytest.TempPathFactory) -> list[Any]:
    pdf = _Report()
    for page in PDF_PAGES:
        pdf.add_page()
        pdf.set_font("Helvetica", size=10)
        for text in page:
            pdf.cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path_factory.mktemp("pdf") / "sheffield-cabinet-peer-challenge-2022.pdf"
    pdf.output(str(path))
    return _load(path)


def test_pdf(pdf_records: list[Any]) -> None:
    sheffield = OrgRef("Sheffield City Council", "council")
    cpc = ChallengeRef(sheffield, 2021, 11, "corporate-peer-challenge")
    document = pdf_records[0]
    assert (document.date, document.pages, document.publisher) == (date(2022, 5, 18), 2, sheffield)
    meeting = _one(pdf_records, Meeting)
    assert (meeting.body, meeting.item, meeting.lead_officer, meeting.author) == (
        OrgRef("Cabinet", "committee"),
        "11",
        PersonRef("Jane Holloway"),
        PersonRef("Laura Finch"),
    )
    challenge = next(c for c in _of(pdf_records, PeerChallenge) if c.ref == cpc)
    assert (challenge.start, challenge.end) == (date(2021, 11, 9), date(2021, 11, 12))
    recommendations = _of(pdf_records, Recommendation)
    assert len(recommendations) == 3
    assert recommendations[0].text.endswith(
        "every service plan and budget decision can be traced back to it"
    )  # across the page break
    assert recommendations[0].provenance.page == 1 and recommendations[1].provenance.page == 2
    actions = _of(pdf_records, Action)
    assert [(a.number, a.topic, a.page_reference, a.status) for a in actions] == [
        ("1", "Governance", "p8", None),
        ("2", None, "p9", "in progress"),
    ]
    visit = next(c for c in _of(pdf_records, PeerChallenge) if c.follow_up_of == cpc)
    assert visit.ref.year == 2023 and visit.scope == (
        "Governance and decision making",
        "Partnership working",
    )
    assert all(
        "Page" not in r.text and "Sheffield City Council - Cabinet" not in r.text
        for r in recommendations
    )


# ---- a bare layout: no numbering, "•" bullets, a post without a name ----

LAMBETH = """London Borough of Lambeth

Cabinet
12 July 2021

Report of: Chief Executive
Title: Corporate Peer Challenge: response

Summary
The London Borough of Lambeth hosted an LGA Corporate Peer Challenge from 2 to 5 March 2021.

Background
The peer team's recommendations were:
\u2022 Refresh the Borough Plan with partners
\u2022 Improve the council's approach to
  commercial income
\u2022 Strengthen scrutiny

Contact: Jane Doe, Head of Policy, jane.doe@lambeth.gov.uk
"""


def test_unnumbered_report_with_only_a_post_for_its_lead_officer(tmp_path: Path) -> None:
    path = tmp_path / "lambeth-cabinet-2021.txt"
    path.write_text(LAMBETH, encoding="utf-8")
    records = _load(path)
    lambeth = OrgRef("London Borough of Lambeth", "council")
    meeting = _one(records, Meeting)
    assert (meeting.body, meeting.date) == (OrgRef("Cabinet", "committee"), date(2021, 7, 12))
    assert (meeting.lead_officer, meeting.lead_officer_post) == (None, "Chief Executive")
    assert (meeting.author, meeting.author_post) == (PersonRef("Jane Doe"), "Head of Policy")
    assert meeting.contacts == (PersonRef("Jane Doe"),)
    challenge = _one(records, PeerChallenge)
    assert challenge.ref == ChallengeRef(lambeth, 2021, 3, "corporate-peer-challenge")
    assert (challenge.start, challenge.end) == (date(2021, 3, 2), date(2021, 3, 5))
    texts = [r.text for r in _of(records, Recommendation)]
    assert texts == [
        "Refresh the Borough Plan with partners",
        "Improve the council's approach to commercial income",
        "Strengthen scrutiny",
    ]


# ---- errors ----


def test_a_report_naming_no_council_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "anonymous.txt"
    path.write_text(
        "Report of: Chief Executive\n\n1.1 The peer challenge took place in May 2019.\n"
    )
    with pytest.raises(LoaderError, match="which council"):
        _load(path)


def test_figures_are_not_yielded_twice(sample: list[Any]) -> None:
    assert not _of(sample, Figure)  # they travel inside their PeerChallenge


# ---- never a header, heading, label or letterhead as a council or a person ----

GREENWICH = """THE ROYAL BOROUGH OF GREENWICH

CABINET

15 May 2019

LEAD OFFICER:\tDirector of Communities and Environment
REPORT AUTHOR:\tAnika Berglund-Shaw, Policy Manager

1. Background

1.1 Greenwich hosted an LGA Corporate Peer Challenge from 4 to 7 February 2019. The team met
partners from the London Borough of Lewisham and Bexley Council.

Recommendation Council response Lead officer Timescale

Appendix 1 - Action plan

| Recommendation | Council response | Lead officer | Timescale | RAG |
|---|---|---|---|---|
| 1. Set out a clear vision | Agree a Greenwich 2030 plan | Director of Communities and Environment | March 2020 | Green |
"""


def test_no_header_heading_label_or_letterhead_is_read_as_a_council_or_person(
    tmp_path: Path,
) -> None:
    path = tmp_path / "greenwich-cabinet-2019.txt"
    path.write_text(GREENWICH, encoding="utf-8")
    records = _load(path)
    councils = {org.ref.name for org in _of(records, Organisation) if org.ref.kind == "council"}
    assert councils == {"Royal Borough of Greenwich"}  # the letterhead, over the neighbours
    assert _of(records, DocumentRecord)[0].publisher == OrgRef(
        "Royal Borough of Greenwich", "council"
    )
    people = {m.person.name for m in _of(records, Membership)}
    meeting = _one(records, Meeting)
    people |= {p.name for p in (meeting.author, meeting.lead_officer) if p}
    assert people == {"Anika Berglund-Shaw"}
    assert (meeting.lead_officer, meeting.lead_officer_post) == (
        None,
        "Director of Communities and Environment",
    )
    (action,) = _of(records, Action)
    assert (action.status, action.lead) == ("green", "Director of Communities and Environment")

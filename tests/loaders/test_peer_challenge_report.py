"""Tests for the peer challenge feedback report loader: the Islington 2018 sample, hand-written
variants (Mid Suffolk 2014, Swindon 2022 progress review, Lancaster 2021 finance peer review)
and a PDF made here with fpdf2. Expected values were checked by hand against the documents."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import pytest
from fpdf import FPDF

from councilgraph.errors import LoaderError
from councilgraph.settings import Settings
from loaders import load_document, peer_challenge_report
from loaders.dates import Month
from loaders.people import parse_entry
from loaders.reader import read_document
from loaders.records import (
    ChallengeRef,
    DocumentRecord,
    Figure,
    Membership,
    OrgRef,
    Partnership,
    PeerChallenge,
    PersonRef,
    Recommendation,
)

REPO = Path(__file__).resolve().parents[2]
DOCUMENTS = REPO / "corpus" / "documents"
SAMPLE = DOCUMENTS / "islington-corporate-peer-challenge-2018.txt"
DATA = REPO / "tests" / "data" / "peer-challenge-report"
LGA = OrgRef("Local Government Association", "organisation")
T = TypeVar("T")


def _load(path: Path) -> list[Any]:
    return list(load_document(path, settings=Settings(), genre=peer_challenge_report.GENRE))


def _of(records: Sequence[Any], kind: type[T]) -> list[T]:
    return [record for record in records if isinstance(record, kind)]


def _one(records: Sequence[Any], kind: type[T]) -> T:
    found = _of(records, kind)
    assert len(found) == 1, found
    return found[0]


def _team(records: Sequence[Any], ref: ChallengeRef) -> list[tuple[str, str | None, str]]:
    return [
        (m.person.name, m.person.honorific, m.role)
        for m in _of(records, Membership)
        if m.organisation == ref
    ]


def _posts(records: Sequence[Any]) -> list[tuple[str, str, OrgRef]]:
    return [
        (m.person.name, m.role, m.organisation)
        for m in _of(records, Membership)
        if isinstance(m.organisation, OrgRef)
    ]


def _recs(records: Sequence[Any], *, key: bool) -> list[Recommendation]:
    return [r for r in _of(records, Recommendation) if r.is_key is key]


# ---- the Islington sample ----

ISLINGTON = OrgRef("London Borough of Islington", "council")
ISL_CPC = ChallengeRef(ISLINGTON, 2018, 3, "corporate-peer-challenge")


@pytest.fixture(scope="module")
def islington() -> list[Any]:
    return _load(SAMPLE)


def test_islington_document_record_comes_first(islington: list[Any]) -> None:
    doc = islington[0]
    assert isinstance(doc, DocumentRecord)
    assert doc.title == "Corporate Peer Challenge London Borough of Islington — Feedback Report"
    assert doc.date == date(2018, 3, 23)
    assert doc.publisher == LGA
    assert doc.genre == "peer-challenge-report"
    assert doc.key == "islington-corporate-peer-challenge-2018"


def test_islington_challenge(islington: list[Any]) -> None:
    challenge = _one(islington, PeerChallenge)
    assert challenge.ref == ISL_CPC
    assert (challenge.start, challenge.end) == (date(2018, 3, 20), date(2018, 3, 23))
    assert challenge.reported_in == "islington-corporate-peer-challenge-2018"
    assert challenge.follow_up_due_by == date(2020, 3, 23)
    assert challenge.next_challenge_by == date(2021, 12, 31)
    assert challenge.principal_adviser == PersonRef("Alan Finch")
    assert challenge.follow_up_of is None
    assert challenge.provenance.line == 5


def test_islington_scope_has_five_core_questions_and_one_of_its_own(islington: list[Any]) -> None:
    scope = _one(islington, PeerChallenge).scope
    assert len(scope) == 6
    assert scope[0].startswith("Understanding of the local place and priority setting: Does")
    assert scope[4].startswith("Governance and decision-making: Is political")
    assert scope[5] == (
        "Place and partnerships: Does the council have strong understanding of place and "
        "work effectively with external partners and residents?"
    )


def test_islington_figures(islington: list[Any]) -> None:
    figures = {f.measure: f.value for f in _of(islington, Figure)}
    assert figures == {
        "days-on-site": 3.5,
        "people-spoken-to": 130,
        "meetings": 50,
        "hours": 280,
        "person-weeks": 8,
    }
    assert all(f.about == ISL_CPC for f in _of(islington, Figure))
    assert _one(islington, PeerChallenge).figures == tuple(_of(islington, Figure))
    days = next(f for f in _of(islington, Figure) if f.measure == "days-on-site")
    assert days.provenance.line == 96


def test_islington_peer_team_listed_twice_gives_eight_people(islington: list[Any]) -> None:
    assert _team(islington, ISL_CPC) == [
        ("Joanne Roney", None, "Peer"),
        ("Lib Peck", "Cllr", "Peer"),
        ("Giles Perritt", None, "Peer"),
        ("Sarah Reed", None, "Peer"),
        ("Henry Kippin", "Dr", "Peer"),
        ("Liz Bruce", None, "Peer"),
        ("Lynne Ridsdale", None, "Peer"),
        ("Clare Hudson", None, "Peer Challenge Manager"),
    ]


def test_islington_home_posts(islington: list[Any]) -> None:
    assert _posts(islington) == [
        ("Joanne Roney", "Chief Executive", OrgRef("Manchester City Council", "council")),
        ("Lib Peck", "Leader", OrgRef("LB Lambeth", "council")),
        ("Giles Perritt", "Assistant Chief Executive", OrgRef("Plymouth City Council", "council")),
        (
            "Sarah Reed",
            "Director of Strategy, Partnerships and Transformation",
            OrgRef("Sunderland City Council", "council"),
        ),
        (
            "Henry Kippin",
            "Director of Public Service Reform",
            OrgRef("West Midlands Combined Authority", "organisation"),
        ),
        ("Liz Bruce", "Director of Adult Social Services", OrgRef("LB Richmond", "council")),
        ("Liz Bruce", "Director of Adult Social Services", OrgRef("LB Wandsworth", "council")),
        ("Lynne Ridsdale", "Director of HR and OD", OrgRef("Manchester City Council", "council")),
        ("Clare Hudson", "Peer Challenge Manager", LGA),
        ("Alan Finch", "Principal Adviser", LGA),
    ]


def test_islington_peer_provenance_names_the_section(islington: list[Any]) -> None:
    roney = next(m for m in _of(islington, Membership) if m.person.name == "Joanne Roney")
    assert roney.provenance.line == 109
    assert roney.provenance.location == (
        "section 4 'Summary of the Peer Challenge approach', 'The peer team', bullet 1"
    )


def test_islington_key_recommendations(islington: list[Any]) -> None:
    key = _recs(islington, key=True)
    assert [r.text for r in key] == [
        "Develop and implement a clearer approach to prioritisation",
        "Once priorities are agreed resource them at the appropriate level",
        "Introduce programme management capacity to strengthen corporate grip",
        "Systematically use data to monitor performance, inform decision making, evaluation "
        "and service redesign",
        "Deliver at pace within clear timescales overseen by a corporate approach to delivery",
        "Make your values shine through in everything you do from people strategy, procurement, "
        "social value policy, communications, engagement",
    ]
    assert [r.position for r in key] == [1, 2, 3, 4, 5, 6]
    assert all(r.number is None and r.group is None and r.challenge == ISL_CPC for r in key)


def test_islington_detailed_recommendations(islington: list[Any]) -> None:
    detailed = _recs(islington, key=False)
    assert [r.number for r in detailed] == [str(n) for n in range(1, 29)]
    groups = [r.group for r in detailed]
    assert groups.count("Clearer prioritisation") == 3
    assert groups.count("Shaping the future of the borough") == 9
    assert groups.count("Allocating and managing resources") == 8
    assert groups.count("Driving through change") == 8
    twelve = detailed[11]
    assert twelve.text.startswith("Re-assess how you can deliver your ambition with your business")
    assert twelve.text.endswith("collaborative events around work discovery.")
    assert (
        twelve.provenance.location
        == "section 3a 'Detailed recommendations', 'Shaping the future of the borough', item 12"
    )
    assert twelve.provenance.line == 65
    assert detailed[16].text.startswith("Clarify the process and timeline")  # after a blank line


def test_islington_partnership_relying_on_individuals(islington: list[Any]) -> None:
    reliant = [p for p in _of(islington, Partnership) if p.relies_on_individuals]
    assert len(reliant) == 1
    partnership = reliant[0]
    assert partnership.label == "London Borough of Islington partnerships"
    assert partnership.statement is not None
    assert partnership.statement.startswith("There is a risk however that these are reliant on")
    assert partnership.members[0] == ISLINGTON
    names = {m.name for m in partnership.members}
    assert {
        "Islington Clinical Commissioning Group",
        "Islington voluntary sector",
        "Islington business community",
    } <= names
    assert partnership.provenance.line == 170
    assert partnership.provenance.location.startswith("section 6 'Leadership of place'")


def test_islington_health_partnership(islington: list[Any]) -> None:
    health = [p for p in _of(islington, Partnership) if p.subject == "health and care"]
    assert len(health) == 1
    assert health[0].relies_on_individuals is None
    assert health[0].members == (
        ISLINGTON,
        OrgRef("Islington Clinical Commissioning Group"),
        OrgRef("Islington health system"),
    )


def test_detect_tells_the_sample_from_other_genres() -> None:
    assert peer_challenge_report.detect(read_document(SAMPLE)) >= 0.9
    for other in (
        "tower-hamlets-tib-peer-challenge-follow-up-2019.txt",
        "london-councils-lead-chief-executives-2017.txt",
        "lga-sector-led-improvement-2012.txt",
        "islington-productivity-plan-2024.txt",
    ):
        assert peer_challenge_report.detect(read_document(DOCUMENTS / other)) < 0.3, other


# ---- Mid Suffolk 2014: key recommendations in the executive summary, "Name – Post, Org" ----

MID_SUFFOLK = OrgRef("Mid Suffolk District Council", "council")
MS_CPC = ChallengeRef(MID_SUFFOLK, 2014, 6, "corporate-peer-challenge")


@pytest.fixture(scope="module")
def mid_suffolk() -> list[Any]:
    return _load(DATA / "mid-suffolk-corporate-peer-challenge-2014.txt")


def test_mid_suffolk_challenge(mid_suffolk: list[Any]) -> None:
    challenge = _one(mid_suffolk, PeerChallenge)
    assert challenge.ref == MS_CPC
    assert (challenge.start, challenge.end) == (date(2014, 6, 3), date(2014, 6, 6))
    assert challenge.follow_up_due_by == date(2016, 6, 6)
    assert challenge.next_challenge_by == date(2019, 12, 31)
    assert challenge.principal_adviser == PersonRef("Mark Edgell")
    assert len(challenge.scope) == 7
    assert challenge.scope[-1] == "The Council's role in enabling housing growth"
    assert (
        mid_suffolk[0].title
        == "Corporate Peer Challenge Mid Suffolk District Council — Feedback Report"
    )


def test_mid_suffolk_team_with_lead_peer_and_wrapped_line(mid_suffolk: list[Any]) -> None:
    assert _team(mid_suffolk, MS_CPC) == [
        ("Mark Holloway", None, "Lead Peer"),
        ("Janet Wheeler", "Councillor", "Peer"),
        ("Alison Marsh", "Dr", "Peer"),
        ("Paul Keane", None, "Peer"),
        ("Judith Harcourt", None, "Peer Challenge Manager"),
    ]
    assert (
        "Paul Keane",
        "Head of Policy and Partnerships",
        OrgRef("Royal Borough of Windsor and Maidenhead", "council"),
    ) in _posts(mid_suffolk)
    assert ("Judith Harcourt", "Programme Manager", LGA) in _posts(mid_suffolk)


def test_mid_suffolk_key_recommendations_wrap_over_a_page_break(mid_suffolk: list[Any]) -> None:
    key = _recs(mid_suffolk, key=True)
    assert [r.number for r in key] == ["1", "2", "3", "4", "5"]
    assert not _recs(mid_suffolk, key=False)
    assert key[1].text == (
        "Agree a medium term financial strategy that closes the projected funding gap of £2.4m "
        "by 2017/18 and links savings plans explicitly to the Council's priorities"
    )
    assert (
        key[0].provenance.location == "section 1 'Executive Summary', 'Key recommendations', item 1"
    )
    assert all(r.group is None for r in key)


def test_mid_suffolk_figures(mid_suffolk: list[Any]) -> None:
    assert {f.measure: f.value for f in _of(mid_suffolk, Figure)} == {
        "days-on-site": 4,
        "people-spoken-to": 120,
        "meetings": 45,
        "hours": 300,
        "person-weeks": 8,
    }


def test_mid_suffolk_partnerships_depend_on_individual_relationships(
    mid_suffolk: list[Any],
) -> None:
    partnership = _one(mid_suffolk, Partnership)
    assert partnership.relies_on_individuals is True
    assert partnership.members == (
        MID_SUFFOLK,
        OrgRef("Suffolk County Council", "council"),
        OrgRef("Mid Suffolk voluntary sector"),
        OrgRef("Mid Suffolk business community"),
    )
    assert partnership.provenance.location == (
        "section 5 'Political and managerial leadership', paragraph 1"
    )


# ---- Swindon 2022: a progress review in Markdown, team in a table ----

SWINDON = OrgRef("Swindon Borough Council", "council")
SW_REVIEW = ChallengeRef(SWINDON, 2022, 11, "progress-review")


@pytest.fixture(scope="module")
def swindon() -> list[Any]:
    return _load(DATA / "swindon-cpc-progress-review-2022.md")


def test_swindon_progress_review_follows_the_march_cpc(swindon: list[Any]) -> None:
    (review,) = [c for c in _of(swindon, PeerChallenge) if not c.quoted]
    assert review.ref == SW_REVIEW
    assert (review.start, review.end) == (date(2022, 11, 29), date(2022, 11, 30))
    assert review.follow_up_of == ChallengeRef(SWINDON, 2022, 3, "corporate-peer-challenge")
    assert review.follow_up_due_by is None
    assert review.next_challenge_by == date(2027, 11, 30)
    assert review.principal_adviser == PersonRef("Helen Murray")
    assert review.scope == ()
    # the challenge it follows is created from what the review says of it, even though its
    # own report is not read: the council, March 2022
    (quoted,) = [c for c in _of(swindon, PeerChallenge) if c.quoted]
    assert quoted.ref == review.follow_up_of
    assert (quoted.start, quoted.end) == (Month(2022, 3), Month(2022, 3))
    assert quoted.reported_in is None


def test_swindon_team_table(swindon: list[Any]) -> None:
    assert _team(swindon, SW_REVIEW) == [
        ("Peter Marland", "Cllr", "Lead Peer"),
        ("Terence Herbert", None, "Peer"),
        ("Sarah Lines", "Councillor", "Member Peer"),
        ("Nadira Hussain", "Dr", "Peer"),
        ("Kirsty Human", None, "Peer Challenge Manager"),
    ]
    assert _posts(swindon)[:4] == [
        ("Peter Marland", "Leader", OrgRef("Milton Keynes City Council", "council")),
        ("Terence Herbert", "Chief Executive", OrgRef("Wiltshire Council", "council")),
        ("Sarah Lines", "Cabinet Member for Finance", OrgRef("Portsmouth City Council", "council")),
        ("Nadira Hussain", "Director of Public Health", OrgRef("Coventry City Council", "council")),
    ]


def test_swindon_numbered_recommendations_in_bullets(swindon: list[Any]) -> None:
    key = _recs(swindon, key=True)
    assert [(r.number, r.text) for r in key] == [
        (
            "1",
            "Complete the review of the Medium Term Financial Strategy and set out how the "
            "remaining budget gap of £8.3m for 2024/25 will be closed",
        ),
        (
            "2",
            "Publish a performance framework that links the Council Plan priorities to service "
            "plans and individual objectives",
        ),
        ("3", "Develop a workforce strategy"),
    ]
    assert all(r.group is None for r in key)


def test_swindon_partnerships(swindon: list[Any]) -> None:
    reliant = [p for p in _of(swindon, Partnership) if p.relies_on_individuals]
    assert len(reliant) == 1
    assert OrgRef("Swindon voluntary sector") in reliant[0].members
    health = [p for p in _of(swindon, Partnership) if p.subject == "health and care"]
    assert OrgRef("Swindon Integrated Care Board") in health[0].members


# ---- Lancaster 2021: a finance peer review, as text and as a PDF made here ----

LANCASTER = OrgRef("Lancaster City Council", "council")
LA_FPR = ChallengeRef(LANCASTER, 2021, 11, "finance-peer-review")
LANCASTER_TEXT = DATA / "lancaster-finance-peer-review-2021.txt"


class _Report(FPDF):
    """A report with a running header and page numbers, as LGA PDFs have."""

    def header(self) -> None:
        self.set_font("Helvetica", size=8)
        self.cell(0, 5, "Finance Peer Review - Lancaster City Council")
        self.ln(8)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", size=8)
        self.cell(0, 5, f"Page {self.page_no()}")


@pytest.fixture(scope="module")
def lancaster_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pdf = _Report()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in LANCASTER_TEXT.read_text(encoding="utf-8").splitlines():
        if line:  # no blank lines in the PDF text layer: paragraphs are only spaced
            pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(3)
    path = tmp_path_factory.mktemp("pdf") / "lancaster-finance-peer-review-2021.pdf"
    pdf.output(str(path))
    return path


@pytest.fixture(scope="module", params=["txt", "pdf"])
def lancaster(request: pytest.FixtureRequest, lancaster_pdf: Path) -> list[Any]:
    return _load(LANCASTER_TEXT if request.param == "txt" else lancaster_pdf)


def test_lancaster_finance_peer_review(lancaster: list[Any]) -> None:
    review = _one(lancaster, PeerChallenge)
    assert review.ref == LA_FPR
    assert (review.start, review.end) == (date(2021, 11, 30), date(2021, 12, 3))
    assert review.follow_up_due_by == date(2022, 12, 3)
    assert review.next_challenge_by == date(2024, 3, 31)
    assert review.principal_adviser == PersonRef("Claire Hamilton")
    assert [s.split(":")[0] for s in review.scope] == [
        "Financial leadership",
        "Financial strategy, planning and forecasting",
    ]
    assert {f.measure: f.value for f in review.figures} == {
        "days-on-site": 3,
        "people-spoken-to": 60,
        "meetings": 25,
    }


def test_lancaster_team_post_first_and_lead_peer(lancaster: list[Any]) -> None:
    assert _team(lancaster, LA_FPR) == [
        ("Ann Whitfield", "Cllr", "Lead Peer"),
        ("Neil Kendall", None, "Peer"),
        ("Jane Pritchard", None, "Peer"),
        ("Helen Ward", None, "Peer"),
        ("Gemma Stokes", None, "Peer Challenge Manager"),
    ]
    assert _posts(lancaster) == [
        ("Ann Whitfield", "Leader", OrgRef("Craven District Council", "council")),
        ("Neil Kendall", "Director of Finance", OrgRef("Lancashire County Council", "council")),
        (
            "Jane Pritchard",
            "Section 151 Officer",
            OrgRef("Ribble Valley Borough Council", "council"),
        ),
        ("Helen Ward", "Strategic Finance Adviser", LGA),
        ("Gemma Stokes", "Peer Challenge Manager", LGA),
        ("Claire Hamilton", "Principal Adviser", LGA),
    ]


def test_lancaster_recommendations_in_sections(lancaster: list[Any]) -> None:
    key = _recs(lancaster, key=True)
    detailed = _recs(lancaster, key=False)
    assert [r.number for r in key] == ["1", "2", "3", "4"]
    assert key[0].text.endswith("rather than by the finance function alone")  # wraps in the PDF
    assert [(r.number, r.group) for r in detailed] == [
        ("5", "Financial leadership"),
        ("6", "Financial leadership"),
        ("7", "Financial strategy, planning and forecasting"),
        ("8", "Financial strategy, planning and forecasting"),
    ]
    assert detailed[2].text.endswith("tested against the priorities of the Council Plan")
    assert detailed[0].provenance.location == (
        "section 4 'Financial leadership', 'Recommendations', item 5"
    )


def test_lancaster_partnership_reliant_on_personal_relationships(lancaster: list[Any]) -> None:
    partnership = _one(lancaster, Partnership)
    assert partnership.relies_on_individuals is True
    assert partnership.members == (LANCASTER, OrgRef("Lancashire County Council", "council"))


def test_pdf_provenance_has_pages(lancaster_pdf: Path) -> None:
    records = _load(lancaster_pdf)
    assert records[0].pages == 2
    assert _one(records, PeerChallenge).provenance.page == 1
    eighth = next(r for r in _recs(records, key=False) if r.number == "8")
    assert eighth.provenance.page == 2
    assert peer_challenge_report.detect(read_document(lancaster_pdf)) >= 0.9


# ---- errors ----


def test_a_document_without_a_named_challenge_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "minutes.txt"
    path.write_text("Minutes of the Cabinet\n\n12 March 2019\n\nPresent: Cllr A Smith\n")
    with pytest.raises(LoaderError, match="no peer challenge"):
        _load(path)


def test_a_report_without_dates_on_site_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "undated.txt"
    path.write_text("Corporate Peer Challenge\nBarnsley Council\nFeedback Report\n\nText.\n")
    with pytest.raises(LoaderError, match="no dates on site"):
        _load(path)


# ---- smaller layouts ----


@pytest.mark.parametrize(
    ("line", "name", "honorific", "team_role", "posts"),
    [
        (
            "Chief Executive, Manchester City Council – Joanne Roney",
            "Joanne Roney",
            None,
            "Peer",
            [("Chief Executive", OrgRef("Manchester City Council", "council"))],
        ),
        (
            "Cllr Ian Ward, Leader, Birmingham City Council (Labour)",
            "Ian Ward",
            "Cllr",
            "Peer",
            [("Leader", OrgRef("Birmingham City Council", "council"))],
        ),
        (
            "Mark Holloway, Chief Executive of Harborough District Council",
            "Mark Holloway",
            None,
            "Peer",
            [("Chief Executive", OrgRef("Harborough District Council", "council"))],
        ),
        (
            "Tracey Lee - Chief Executive, Plymouth City Council and Lead Peer",
            "Tracey Lee",
            None,
            "Lead Peer",
            [("Chief Executive", OrgRef("Plymouth City Council", "council"))],
        ),
        (
            "Paul Hart, Chief Executive, APSE",
            "Paul Hart",
            None,
            "Peer",
            [("Chief Executive", OrgRef("APSE", "organisation"))],
        ),
        (
            "| Joanne Roney | Chief Executive | Manchester City Council |",
            "Joanne Roney",
            None,
            "Peer",
            [("Chief Executive", OrgRef("Manchester City Council", "council"))],
        ),
    ],
)
def test_peer_line_layouts(
    line: str, name: str, honorific: str | None, team_role: str, posts: list[tuple[str, OrgRef]]
) -> None:
    entry = parse_entry(line)
    assert entry is not None
    assert (
        entry.person,
        entry.role or "Peer",
        [(p.title, p.organisation) for p in entry.posts],
    ) == (
        PersonRef(name, honorific),
        team_role,
        posts,
    )


@pytest.mark.parametrize(
    "line",
    ["Scope and focus", "Peer challenges are delivered by experienced peers.", "| Name | Role |"],
)
def test_lines_that_are_not_peers(line: str) -> None:
    assert parse_entry(line) is None


LATER_LAYOUT = """\
Corporate Peer Challenge
Royal Borough of Greenwich
30 November – 3 December 2021
Feedback report

1. Executive summary

The council has a clear vision.

2. Key recommendations

The following are the peer team's key recommendations to the council:

2.1. Recommendation 1
Agree a single corporate plan that sets out the council's priorities and how
progress against them will be measured

2.2. Recommendation 2
Strengthen scrutiny

3. Summary of the peer challenge approach

3.1. The peer team

Sir Derek Myers, former Chief Executive, Royal Borough of Kensington and Chelsea
Kirsty Human, Peer challenge manager, LGA
"""


def test_lone_recommendation_numbers_and_dotted_sections(tmp_path: Path) -> None:
    path = tmp_path / "greenwich-cpc-2021.txt"
    path.write_text(LATER_LAYOUT, encoding="utf-8")
    records = _load(path)
    challenge = _one(records, PeerChallenge)
    greenwich = OrgRef("Royal Borough of Greenwich", "council")
    assert challenge.ref == ChallengeRef(greenwich, 2021, 11, "corporate-peer-challenge")
    assert [(r.number, r.text) for r in _recs(records, key=True)] == [
        (
            "1",
            "Agree a single corporate plan that sets out the council's priorities and how "
            "progress against them will be measured",
        ),
        ("2", "Strengthen scrutiny"),
    ]
    myers = [m for m in _of(records, Membership) if m.person.name == "Derek Myers"]
    assert [(m.person.honorific, m.role, m.former) for m in myers] == [
        ("Sir", "Peer", False),
        ("Sir", "Chief Executive", True),
    ]
    assert _team(records, challenge.ref)[1] == ("Kirsty Human", None, "Peer Challenge Manager")


# A cover whose council is a logo: the text names the council it is about again and again,
# and the peers' own councils once each.
COVER_WITHOUT_A_NAME = """\
Corporate Peer Challenge
Feedback report
10-13 October 2023

1. Executive summary

Braintree District Council is a well-run council with a clear sense of place. Staff and
partners spoke highly of the leadership of Braintree District Council and of its ambition
for the district.

2. The peer team

The peers were:
  • Laura Taylor, Chief Executive, Winchester City Council
  • Councillor Sam Chapman-Allen, Leader, Breckland Council
  • Tina Mustafa, Assistant Director, Tamworth Borough Council
  • Aimee Wittams-Smith, Peer Challenge Manager, LGA
"""


def test_a_cover_without_the_councils_name_takes_the_council_the_text_is_about(
    tmp_path: Path,
) -> None:
    path = tmp_path / "cover-logo.txt"
    path.write_text(COVER_WITHOUT_A_NAME, encoding="utf-8")
    records = _load(path)
    challenge = _one(records, PeerChallenge)
    braintree = OrgRef("Braintree District Council", "council")
    assert challenge.ref == ChallengeRef(braintree, 2023, 10, "corporate-peer-challenge")
    assert [name for name, _, _ in _team(records, challenge.ref)][:2] == [
        "Laura Taylor",
        "Sam Chapman-Allen",
    ]


def test_a_heading_beside_peer_challenge_is_not_a_council(tmp_path: Path) -> None:
    """ "Summary of the peer challenge approach" once gave a council named "Summary of the";
    with no council named anywhere but the peers' own, the report is refused and says why."""
    text = COVER_WITHOUT_A_NAME.replace("Corporate Peer Challenge\n", "").replace(
        "1. Executive summary", "Summary of the peer challenge approach"
    )
    text = text.replace("Braintree District Council", "the council")
    path = tmp_path / "no-council.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LoaderError, match="no council named on the title page"):
        _load(path)


# The LGA and councils publish reports as web pages too: the title is the page's, and the
# text saved from it opens with sentences.
WEB_PAGE = """\
The Corporate Peer Challenge (CPC) is a free peer review process run by the Local Government
Association. Wyre Council invited the peer team, who visited the borough between 10 and 12
June 2024.

During their time on site the team spoke to more than 140 people in more than 40 meetings,
including councillors, staff and partners. Wyre Council thanks everyone who took part.

The peer team

The peers were:
  • Bill Cullen, Chief Executive, Hinckley and Bosworth Borough Council
  • Peter Fleming OBE, former Leader, Sevenoaks District Council
  • Aimee Wittams-Smith, Peer Challenge Manager, LGA

Key recommendations

1. Set out a medium-term financial strategy that closes the budget gap
2. Invest in member development
"""


def test_a_report_saved_from_a_web_page_is_read_from_its_opening_sentences(
    tmp_path: Path,
) -> None:
    path = tmp_path / "web-page.txt"
    path.write_text(WEB_PAGE, encoding="utf-8")
    records = list(load_document(path, settings=Settings()))  # its genre detected
    challenge = _one(records, PeerChallenge)
    wyre = OrgRef("Wyre Council", "council")
    assert challenge.ref == ChallengeRef(wyre, 2024, 6, "corporate-peer-challenge")
    assert (challenge.start, challenge.end) == (date(2024, 6, 10), date(2024, 6, 12))
    assert [name for name, _, _ in _team(records, challenge.ref)] == [
        "Bill Cullen",
        "Peter Fleming",
        "Aimee Wittams-Smith",
    ]
    assert [r.text for r in _recs(records, key=True)][1] == "Invest in member development"

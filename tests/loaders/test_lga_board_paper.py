"""LGA board and Executive papers: the 2012 Executive paper on sector-led improvement,
hand-written variants (a 2019 Improvement and Innovation Board paper, a 2013 Executive paper
in Markdown) and a PDF with running heads."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from fpdf import FPDF
from renderings import Part, facts, render

from councilgraph.errors import LoaderError
from councilgraph.settings import Settings
from loaders import lga_board_paper, london_councils_paper
from loaders.dates import Month
from loaders.reader import read_document
from loaders.records import (
    ChallengeRef,
    Concept,
    DocumentRecord,
    Figure,
    Intervention,
    Meeting,
    Membership,
    Organisation,
    OrgRef,
    PeerChallenge,
    PersonRef,
    Record,
)

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "corpus" / "documents" / "lga-sector-led-improvement-2012.txt"
DATA = ROOT / "tests" / "data" / "lga-board-paper"
LC_DATA = ROOT / "tests" / "data" / "london-councils-paper"
LGA = OrgRef("Local Government Association", "organisation")
THURROCK = OrgRef("Thurrock Council", "council")


def load(path: Path) -> list[Record]:
    return list(lga_board_paper.load(read_document(path), settings=Settings()))


def of(records: list[Record], kind: type) -> list:  # type: ignore[type-arg]
    return [r for r in records if isinstance(r, kind)]


def posts(records: list[Record]) -> set[tuple[str, str | None, str, str, date | None, bool, bool]]:
    return {
        (
            m.person.name,
            m.person.honorific,
            m.organisation.name,
            m.role,  # type: ignore[union-attr]
            m.start,
            m.interim,
            m.former,
        )
        for m in of(records, Membership)
    }


@pytest.fixture(scope="module")
def sample() -> list[Record]:
    return load(SAMPLE)


def test_sample_document_record(sample: list[Record]) -> None:
    document = sample[0]
    assert isinstance(document, DocumentRecord)
    assert (document.title, document.publisher) == ("Sector-led Improvement", LGA)
    assert document.genre == "lga-board-paper"


def test_undated_paper_is_dated_by_the_latest_past_it_reports(sample: list[Record]) -> None:
    # No printed date; "In December 2011, Thurrock had a corporate peer challenge" is the
    # latest event it reports (the "will attend" sentence mentions it too, but looks ahead).
    document = sample[0]
    assert isinstance(document, DocumentRecord)
    assert (document.date, document.date_basis) == (date(2011, 12, 1), "inferred")
    assert document.date_evidence and "2011-12" in document.date_evidence


def test_sample_undated_so_no_meeting_but_item_in_provenance(sample: list[Record]) -> None:
    assert of(sample, Meeting) == []
    [offer] = [c for c in of(sample, Concept) if c.notation == "9.1"]
    assert offer.provenance.location == "item 2, paragraph 9.1"
    assert offer.provenance.line == 69


def test_sample_people(sample: list[Record]) -> None:
    assert posts(sample) == {
        (
            "Dennis Skinner",
            None,
            "Local Government Association",
            "Head of Leadership and Productivity",
            None,
            False,
            False,
        ),
        ("Steve Freer", None, "LGA Independent Advisory Board", "Chair", None, False, False),
        ("Steve Freer", None, "CIPFA", "Chief Executive", None, False, False),
        ("John Kent", "Councillor", "Thurrock Council", "Leader", None, False, False),
        ("Bob Coomber", None, "Thurrock Council", "Chief Executive", None, True, False),
        ("Bob Coomber", None, "Southwark Council", "Chief Executive", None, False, True),
        (
            "Graham Farrant",
            None,
            "Thurrock Council",
            "Chief Executive",
            Month(2010, 8),  # "took over as Chief Executive in August 2010": a month
            False,
            False,
        ),
        (
            "Graham Farrant",
            None,
            "London Borough of Barking and Dagenham",
            "Chief Executive",
            None,
            False,
            True,
        ),  # the sentence runs over an "Item 2" page break
    }
    assert all(m.end is None for m in of(sample, Membership))


def test_sample_organisations(sample: list[Record]) -> None:
    orgs = {o.ref.name: o for o in of(sample, Organisation)}
    assert {
        "Local Government Association",
        "LGA Improvement Board",
        "Children's Improvement Board",
        "Towards Excellence in Adult Social Care Programme Board",
        "LGA Independent Advisory Board",
        "Performance Support Panel",
        "CIPFA",
        "IDeA",
        "RIEP",
        "Improvement East",
        "Audit Commission",
        "National Audit Office",
        "SOLACE",
        "LG Inform",
        "Thurrock Council",
        "Voluntary Improvement Board",
        "Southwark Council",
        "London Borough of Barking and Dagenham",
    } <= orgs.keys()
    assert orgs["LGA Independent Advisory Board"].part_of == LGA
    assert (
        "Towards Excellence in Councils' Adult Social Care Board"
        in orgs["Towards Excellence in Adult Social Care Programme Board"].aliases
    )
    vib = orgs["Voluntary Improvement Board"]
    assert (vib.ref.kind, vib.established, vib.aliases) == ("board", date(2008, 12, 1), ("VIB",))
    assert vib.description is not None and vib.description.startswith("The purpose of the VIB")
    assert orgs["Thurrock Council"].ref.kind == "council"
    assert len(of(sample, Organisation)) == len(orgs)


def test_sample_peer_challenge_offer(sample: list[Record]) -> None:
    offer = [c for c in of(sample, Concept) if c.scheme == "peer-challenge-offer"]
    assert [c.notation for c in offer] == [f"9.{n}" for n in range(1, 10)]
    assert offer[-1].label == "Peer challenge is not a sector-owned form of inspection"
    assert {c.owner for c in offer} == {LGA}
    assert len(of(sample, Concept)) == 9


def test_sample_figures(sample: list[Record]) -> None:
    assert {(f.measure, f.value, f.about) for f in of(sample, Figure)} == {
        ("corporate-peer-challenges-delivered", 16, LGA),
        ("corporate-peer-challenges-booked", 40, LGA),
        ("population", 152000, THURROCK),
        ("cpa-stars", 2, THURROCK),
        ("use-of-resources-score", 1, THURROCK),
        ("data-items", 850, OrgRef("LG Inform")),
        ("registered-authorities", 280, OrgRef("LG Inform")),
        ("registered-users", 1200, OrgRef("LG Inform")),
    }
    labels = {f.label for f in of(sample, Figure)}
    assert {"16 new corporate peer challenges delivered", "40 booked in or in discussion"} <= labels


def test_sample_thurrock_intervention_and_challenge(sample: list[Record]) -> None:
    [intervention] = of(sample, Intervention)
    assert intervention.kind == "improvement-board"
    assert intervention.subject == THURROCK
    assert intervention.body == OrgRef("Voluntary Improvement Board", "board")
    assert intervention.start == date(2008, 12, 1)
    assert intervention.support == (
        "£560k financial support from Improvement East",
        "IDeA support on member relationships",
        "seconded staff to strengthen corporate capacity",
    )
    [challenge] = of(sample, PeerChallenge)
    assert challenge.ref == ChallengeRef(THURROCK, 2011, 12)
    assert challenge.provenance.location == "item 2, paragraph 13"


def test_board_paper_2019_with_improvement_journey() -> None:
    records = load(DATA / "improvement-and-innovation-board-2019.txt")
    board = OrgRef("Improvement and Innovation Board", "board")
    kirkwell = OrgRef("Kirkwell Borough Council", "council")
    [meeting] = of(records, Meeting)
    assert (meeting.body, meeting.date, meeting.title) == (
        board,
        date(2019, 3, 18),
        "Sector-led improvement update",
    )
    assert posts(records) == {
        (
            "Hannah Pike",
            None,
            "Local Government Association",
            "Senior Adviser, Productivity",
            None,
            False,
            False,
        ),
        ("Peter Fleet", "Cllr", "Improvement and Innovation Board", "Chair", None, False, False),
        ("Helen Marr", "Dr", "Improvement and Assurance Board", "Chair", None, False, False),
        ("Helen Marr", "Dr", "Oxford City Council", "Chief Executive", None, False, True),
        ("Sandra Oyelaran", "Cllr", "Kirkwell Borough Council", "Leader", None, False, False),
        ("Martin Drewe", None, "Kirkwell Borough Council", "Chief Executive", None, False, False),
        (
            "Rachel Burns",
            None,
            "Kirkwell Borough Council",
            "Chief Executive",
            Month(2017, 4),
            False,
            False,
        ),
        ("Rachel Burns", None, "Daventry District Council", "Chief Executive", None, False, True),
    }
    [drewe] = [m for m in of(records, Membership) if m.person.name == "Martin Drewe"]
    assert (drewe.acting, drewe.interim) == (True, False)  # "An acting Chief Executive"
    [intervention] = of(records, Intervention)
    assert (intervention.subject, intervention.start, intervention.body) == (
        kirkwell,
        date(2016, 9, 1),
        OrgRef("Improvement and Assurance Board", "board"),
    )
    assert intervention.support == (
        "LGA support on financial planning",
        "seconded staff to strengthen the finance team",
    )
    assert [c.ref for c in of(records, PeerChallenge)] == [ChallengeRef(kirkwell, 2018, 11)]
    programme = [
        c for c in of(records, Concept) if c.scheme == "corporate-peer-challenge-programme"
    ]
    assert [c.label for c in programme] == [
        "a core component on leadership, governance and financial sustainability",
        "a peer team of serving councillors and officers chosen to fit the council's needs and "
        "context",
        "a follow-up visit within two years",
    ]
    assert {(f.measure, f.value, f.about) for f in of(records, Figure)} == {
        ("corporate-peer-challenges-delivered", 95, OrgRef("Local Government Association")),
        ("corporate-peer-challenges-booked", 30, OrgRef("Local Government Association")),
        ("registered-users", 5000, OrgRef("LG Inform")),
        ("population", 98500, kirkwell),
    }


def test_markdown_executive_paper_2013() -> None:
    records = load(DATA / "lga-executive-2013.md")
    [meeting] = of(records, Meeting)
    assert (meeting.body, meeting.date, meeting.item) == (
        OrgRef("LGA Executive", "committee"),
        date(2013, 1, 17),
        "3",
    )
    assert records[0].title == "Sector-led improvement: progress report"  # type: ignore[union-attr]
    assert (
        "David Simmonds",
        "Cllr",
        "Children's Improvement Board",
        "Chair",
        None,
        False,
        False,
    ) in posts(records)
    offer = [c for c in of(records, Concept) if c.scheme == "support-offer"]
    assert [(c.notation, c.label) for c in offer] == [
        ("2.1", "Corporate peer challenge, free to every council"),
        ("2.2", "Leadership programmes for members and officers"),  # wrapped
        ("2.3", "LG Inform, the LGA's benchmarking service"),
    ]
    orgs = {o.ref.name for o in of(records, Organisation)}
    assert (
        "Association of Directors of Children's Services" in orgs
    )  # named across the "Item 3" break
    assert {(f.measure, f.value) for f in of(records, Figure)} == {
        ("registered-authorities", 350),
        ("registered-users", 2000),
        ("corporate-peer-challenges-delivered", 54),
    }
    assert of(records, PeerChallenge) == [] and of(records, Intervention) == []


PDF_PAGES = [
    [
        "Sector support update",
        "Purpose of report",
        "For information.",
        "Summary",
        "This report updates the Board on support to councils, including Eastfield District "
        "Council.",
        "Recommendation",
        "That the Improvement and Innovation Board notes the report.",
        "Contact officer: Priya Nair",
        "Position: Principal Adviser, East of England",
        "Email: priya.nair@local.gov.uk",
        "Improvement journey of Eastfield District Council",
        "1. Eastfield District Council has a population of 61,200. The Leader is Cllr Owen Hale. "
        "The council's "
        "Chief Executive left in March 2019 and an interim Chief Executive, Joan Pryce, was "
        "appointed.",
    ],
    [
        "2. In May 2019 the council agreed to the establishment of an Improvement Board, chaired "
        "by Sir Roy "
        "Adams, a former Chief Executive of Norfolk County Council.",
        "3. Eastfield had a corporate peer challenge in October 2019.",
    ],
]


class _BoardPdf(FPDF):
    def header(self) -> None:  # the running head every LGA board paper page carries
        self.set_font("Helvetica", size=10)
        self.cell(0, 5, "Improvement and Innovation Board", new_x="LMARGIN", new_y="NEXT")
        self.cell(0, 5, "14 July 2020", new_x="LMARGIN", new_y="NEXT")
        self.ln(4)


def make_pdf(path: Path) -> Path:
    pdf = _BoardPdf()
    for page in PDF_PAGES:
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        for line in page:
            pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    pdf.output(str(path))
    return path


def test_pdf_board_paper_with_running_heads(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "iib-sector-support-2020.pdf")
    assert lga_board_paper.detect(read_document(path)) >= 0.6
    records = load(path)
    eastfield = OrgRef("Eastfield District Council", "council")
    [meeting] = of(records, Meeting)
    assert (meeting.body.name, meeting.date, meeting.title) == (
        "Improvement and Innovation Board",
        date(2020, 7, 14),
        "Sector support update",
    )
    assert posts(records) == {
        (
            "Priya Nair",
            None,
            "Local Government Association",
            "Principal Adviser, East of England",
            None,
            False,
            False,
        ),
        ("Owen Hale", "Cllr", "Eastfield District Council", "Leader", None, False, False),
        ("Joan Pryce", None, "Eastfield District Council", "Chief Executive", None, True, False),
        ("Roy Adams", "Sir", "Improvement Board", "Chair", None, False, False),
        ("Roy Adams", "Sir", "Norfolk County Council", "Chief Executive", None, False, True),
    }
    [intervention] = of(records, Intervention)
    assert (intervention.subject, intervention.start) == (eastfield, date(2019, 5, 1))
    assert intervention.provenance.page == 2
    [challenge] = of(records, PeerChallenge)
    assert challenge.ref == ChallengeRef(eastfield, 2019, 10)
    assert [(f.measure, f.value) for f in of(records, Figure)] == [("population", 61200)]


OTHER_GENRES = [
    ROOT / "corpus" / "documents" / "london-councils-lead-chief-executives-2017.txt",
    ROOT / "corpus" / "documents" / "islington-corporate-peer-challenge-2018.txt",
    ROOT / "corpus" / "documents" / "tower-hamlets-tib-peer-challenge-follow-up-2019.txt",
    ROOT / "corpus" / "documents" / "islington-productivity-plan-2024.txt",
    *sorted(LC_DATA.iterdir()),
]


@pytest.mark.parametrize("path", [SAMPLE, *sorted(DATA.iterdir())], ids=lambda p: p.name)
def test_detects_lga_board_papers(path: Path) -> None:
    source = read_document(path)
    assert lga_board_paper.detect(source) >= 0.6
    assert london_councils_paper.detect(source) < 0.3


@pytest.mark.parametrize("path", OTHER_GENRES, ids=lambda p: p.name)
def test_does_not_claim_other_genres(path: Path) -> None:
    assert lga_board_paper.detect(read_document(path)) < 0.3


def test_a_council_committee_report_with_purpose_of_report_is_not_an_lga_paper(
    tmp_path: Path,
) -> None:
    report = tmp_path / "cabinet-report.txt"
    report.write_text(
        "Report to Cabinet\n12 June 2019\nPurpose of report\nTo agree the budget.\n"
        "Contact officer: Ann Bell\nPosition: Head of Finance\nEmail: ann.bell@kirkwell.gov.uk\n"
        "1. The Cabinet is asked to agree the budget.\n"
    )
    assert lga_board_paper.detect(read_document(report)) < 0.3


def test_empty_file_is_a_loader_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("  \n")
    with pytest.raises(LoaderError):
        load(empty)


def test_person_refs_keep_honorifics_apart(sample: list[Record]) -> None:
    leader = next(m for m in of(sample, Membership) if m.role == "Leader")
    assert leader.person == PersonRef("John Kent", "Councillor")


# ---- the 2019 board paper as the LGA publishes it: a PDF with its running head, and Word

BOARD_2019 = DATA / "improvement-and-innovation-board-2019.txt"
BOARD_2019_HEAD = "Improvement and Innovation Board\n18 March 2019"
BOARD_2019_PARTS: list[Part] = [
    ("title", "Sector-led improvement update"),
    ("heading", "Purpose of report"),
    ("para", "For information."),
    ("heading", "Summary"),
    (
        "para",
        "This report updates the Board on the delivery of the sector-led improvement offer in "
        "2018/19, including corporate peer challenge and LG Inform, and on the improvement "
        "journey of Kirkwell Borough Council.",
    ),
    ("heading", "Recommendation"),
    ("para", "That the Improvement and Innovation Board notes the update."),
    ("heading", "Action"),
    ("para", "Officers to take forward the work as directed by members."),
    ("para", "Contact officer: Hannah Pike"),
    ("para", "Position: Senior Adviser, Productivity"),
    ("para", "Phone no: 020 7664 0000"),
    ("para", "Email: hannah.pike@local.gov.uk"),
    ("page", None),
    ("title", "Sector-led improvement update"),
    ("heading", "Background"),
    (
        "para",
        "1. The Improvement and Innovation Board, chaired by Cllr Peter Fleet, oversees the LGA's "
        "sector-led improvement offer to councils.",
    ),
    ("heading", "Corporate peer challenge"),
    ("para", "2. Key elements of the corporate peer challenge programme include:"),
    ("item", "a core component on leadership, governance and financial sustainability;"),
    (
        "item",
        "a peer team of serving councillors and officers chosen to fit the council's needs and "
        "context; and",
    ),
    ("item", "a follow-up visit within two years."),
    (
        "para",
        "3. To date in 2018/19 we have delivered 95 corporate peer challenges with a further 30 "
        "booked in.",
    ),
    ("para", "4. LG Inform now has over 5,000 registered users."),
    ("heading", "Kirkwell Borough Council's improvement journey"),
    ("para", "5. Kirkwell has a population of 98,500. The Leader is Cllr Sandra Oyelaran."),
    (
        "para",
        "6. In June 2016 the council's Chief Executive left the authority. An acting Chief "
        "Executive, Martin Drewe, was appointed from within. In September 2016 the council agreed "
        "to the establishment of an Improvement and Assurance Board (IAB), chaired by Dr Helen "
        "Marr, a former Chief Executive of Oxford City Council.",
    ),
    (
        "para",
        "7. The LGA provided a range of support, particularly in relation to financial planning. "
        "We also provided seconded staff to strengthen the finance team.",
    ),
    (
        "para",
        "8. Rachel Burns took over as Chief Executive in April 2017, having previously been Chief "
        "Executive of Daventry District Council. Kirkwell had a corporate peer challenge in "
        "November 2018.",
    ),
]


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_a_pdf_or_word_paper_states_what_its_text_states(tmp_path: Path, kind: str) -> None:
    # the board and date run at the head of every page of the PDF, and open the Word file
    path = render(BOARD_2019_PARTS, tmp_path, BOARD_2019.stem, kind, header=BOARD_2019_HEAD)
    document = read_document(path)
    assert lga_board_paper.detect(document) >= 0.6
    assert london_councils_paper.detect(document) < 0.3
    records = load(path)
    assert facts(records) == facts(load(BOARD_2019))
    [challenge] = of(records, PeerChallenge)
    assert (challenge.start, challenge.end) == (Month(2018, 11), Month(2018, 11))
    if kind == "pdf":
        assert challenge.provenance.page == 2

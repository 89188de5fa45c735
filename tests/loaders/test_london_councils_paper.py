"""London Councils committee papers: the 2017 Leaders' Committee paper on Lead Chief Executives,
hand-written variants (a 2019 list of named leads, a TEC paper with a table) and a PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from fpdf import FPDF
from renderings import Part, facts, render

from councilgraph.errors import LoaderError
from councilgraph.settings import Settings
from loaders import lga_board_paper, london_councils_paper
from loaders.reader import read_document
from loaders.records import (
    CommissionModel,
    Concept,
    DocumentRecord,
    Meeting,
    Membership,
    Organisation,
    OrgRef,
    Partnership,
    PersonRef,
    Record,
    Review,
)

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "corpus" / "documents" / "london-councils-lead-chief-executives-2017.txt"
DATA = ROOT / "tests" / "data" / "london-councils-paper"
LGA_DATA = ROOT / "tests" / "data" / "lga-board-paper"
LC = OrgRef("London Councils", "organisation")
LEADERS = OrgRef("Leaders' Committee", "committee")


def load(path: Path) -> list[Record]:
    return list(london_councils_paper.load(read_document(path), settings=Settings()))


def of(records: list[Record], kind: type) -> list:  # type: ignore[type-arg]
    return [r for r in records if isinstance(r, kind)]


def posts(records: list[Record]) -> set[tuple[str, str | None, str, str]]:
    return {
        (m.person.name, m.person.honorific, m.organisation.name, m.role)  # type: ignore[union-attr]
        for m in of(records, Membership)
    }


@pytest.fixture(scope="module")
def sample() -> list[Record]:
    return load(SAMPLE)


def test_sample_document_record_comes_first(sample: list[Record]) -> None:
    document = sample[0]
    assert isinstance(document, DocumentRecord)
    assert document.title.startswith(
        "London Councils Challenge – Utilising the broader contribution"
    )
    assert document.date == date(2017, 3, 21)
    assert document.publisher == LC
    assert document.genre == "london-councils-paper"
    assert len(of(sample, DocumentRecord)) == 1


def test_sample_meeting(sample: list[Record]) -> None:
    [meeting] = of(sample, Meeting)
    assert meeting.body == LEADERS
    assert meeting.date == date(2017, 3, 21)
    assert meeting.item == "7"
    assert meeting.author == PersonRef("John O'Brien")
    assert meeting.author_post == "Chief Executive"
    assert meeting.provenance.line == 7


def test_sample_organisations(sample: list[Record]) -> None:
    orgs = {o.ref.name: o for o in of(sample, Organisation)}
    assert {
        "London Councils",
        "Leaders' Committee",
        "London Councils Executive",
        "Chief Executives London Committee",
        "Self-Improvement Board",
        "LGA Independent Advisory Board",
        "LGA Improvement Board",
        "CELC Steering Group",
    } <= orgs.keys()
    assert orgs["Leaders' Committee"].part_of == LC
    assert orgs["London Councils Executive"].part_of == LC
    assert "CELC" in orgs["Chief Executives London Committee"].aliases
    assert orgs["CELC Steering Group"].part_of == OrgRef(
        "Chief Executives London Committee", "committee"
    )
    assert orgs["Self-Improvement Board"].ref.kind == "board"
    assert len(of(sample, Organisation)) == len(orgs)  # no repeats


def test_sample_memberships(sample: list[Record]) -> None:
    assert posts(sample) == {
        ("John O'Brien", None, "London Councils", "Chief Executive"),
        ("Kober", "Councillor", "London Councils", "Chair"),
        ("O'Neill", "Councillor", "London Councils", "Vice Chair"),
        ("Steve Freer", None, "LGA Independent Advisory Board", "Chair"),
        ("Derek Myers", "Sir", "London Councils Challenge", "Leader"),
    }
    assert all(m.start is None and m.end is None for m in of(sample, Membership))


def test_sample_review(sample: list[Record]) -> None:
    [review] = of(sample, Review)
    assert review.label == "London Councils Challenge"
    assert review.subject == LC
    assert review.led_by == PersonRef("Derek Myers", "Sir")
    assert review.date == date(2016, 7, 1)
    assert review.kind == "challenge"
    assert review.provenance.location == "paragraph 5"


def test_sample_commission_model(sample: list[Record]) -> None:
    [model] = of(sample, CommissionModel)
    assert model.role == "Lead Chief Executive"
    assert model.organisation == LC
    assert model.commissioned_by == "Chief Executive of London Councils"
    assert model.commissioned_with == ("Chair of CELC", "Deputy Chair of CELC")
    assert model.accountable_to == LEADERS
    assert (model.term_months, model.term_start_month, model.term_start_day) == (12, 9, 1)
    assert model.renewal == "annual"
    assert (
        model.consultation is not None and "Annual General Meeting each June" in model.consultation
    )
    assert "consult the Executive" in model.consultation
    assert model.reports_to == "October Leaders' Committee"
    assert model.drawn_from == "borough chief executives"
    assert model.policy_areas == (
        "integrated health and care",
        "skills and employment",
        "business rate retention",
    )
    assert len(model.criteria) == 5
    assert model.criteria[1] == "expressions of interest from individuals"
    assert (
        model.support_groups is not None
        and "support group of chief executives" in model.support_groups
    )
    assert model.provenance.location == "paragraph 10"


def concepts(records: list[Record], scheme: str) -> list[Concept]:
    return [c for c in of(records, Concept) if c.scheme == scheme]


def test_sample_concepts(sample: list[Record]) -> None:
    areas = concepts(sample, "policy-areas")
    assert [c.label for c in areas] == [
        "integrated health and care",
        "skills and employment",
        "business rate retention",
    ]
    assert areas[0].provenance.location == "paragraph 11, bullet 1"
    criteria = concepts(sample, "commission-criteria")
    assert len(criteria) == 5
    assert criteria[3].label.startswith("the diversity of the boroughs")
    assert criteria[0].provenance.line == 71
    stages = concepts(sample, "poor-performance-stages")
    assert [(c.notation, c.label) for c in stages] == [
        ("Stage 1", "Identifying signs of potential failure"),
        ("Stage 2", "Initial Engagement"),
        ("Stage 3", "Post Engagement Action"),
    ]
    assert stages[1].definition is not None and stages[1].definition.startswith(
        "The Chair of the Self Improvement Board"
    )
    signs = concepts(sample, "poor-performance-signs")
    assert [c.label for c in signs] == [
        "a lack of trust and confidence in relationships between leading members and senior staff",
        "adoption of high risk change strategies",
        "disengagement from the wider community of local government",
        "significant financial difficulties and/or inability to gain agreement for an appropriate "
        "financial strategy",
    ]
    assert signs[0].provenance.location == "Appendix 1, paragraph 5, bullet 1"
    evidence = concepts(sample, "poor-performance-evidence")
    assert len(evidence) == 9
    assert evidence[3].label == "data from LG Inform"
    outcomes = concepts(sample, "poor-performance-outcomes")
    assert len(outcomes) == 5
    assert {c.broader for c in outcomes} == {"Post Engagement Action"}
    assert outcomes[0].label.startswith("there is a satisfactory resolution")


def test_sample_partnership_names_only_named_members(sample: list[Record]) -> None:
    [partnership] = of(sample, Partnership)
    assert partnership.members == (
        OrgRef("Self-Improvement Board", "board"),
        OrgRef("Local Government Association", "organisation"),
    )
    assert partnership.subject == "how to address poor performance and potential failure"
    assert partnership.provenance.line == 88


def test_2019_named_lead_chief_executives() -> None:
    records = load(DATA / "leaders-committee-lead-chief-executives-2019.txt")
    [meeting] = of(records, Meeting)
    assert (meeting.body, meeting.date, meeting.item, meeting.title) == (
        LEADERS,
        date(2019, 10, 8),
        "6",
        "Lead Chief Executives 2019/20",
    )
    leads = [m for m in of(records, Membership) if m.role == "Lead Chief Executive"]
    assert [(m.person.name, m.person.honorific, m.policy_area, m.support_group) for m in leads] == [
        ("Ann Marsh", "Dr", "Health and care", "London Health Chief Executives Group"),
        ("Peter Quell", None, "Housing and homelessness", None),
        ("Ruth Okafor", None, "Skills and employment", None),  # wrapped over two lines
        ("Tom Reyes", None, "Crime and public protection", None),
        ("Mary Stott", None, "Crime and public protection", None),
    ]
    for lead in leads:
        assert (
            lead.organisation == LC
            and lead.commissioned_by == LC
            and lead.accountable_to == LEADERS
        )
        assert (lead.start, lead.end) == (date(2019, 9, 1), date(2020, 8, 31))
    homes = {
        (m.person.name, m.organisation)
        for m in of(records, Membership)
        if m.role == "Chief Executive" and m.organisation != LC
    }
    assert homes == {
        ("Ann Marsh", OrgRef("Hackney", "council")),
        ("Peter Quell", OrgRef("Lambeth", "council")),
        ("Ruth Okafor", OrgRef("Barking and Dagenham", "council")),
        ("Tom Reyes", OrgRef("Croydon", "council")),
        ("Mary Stott", OrgRef("Ealing", "council")),
    }
    assert leads[2].provenance.location == "paragraph 3, bullet 3, 'Skills and employment'"
    # the Chair's paragraph carries on after the page footer
    assert ("Georgia Penn", "Cllr", "London Councils", "Chair") in posts(records)
    assert ("Amir Kazemi", "Cllr", "London Councils", "Deputy Chair") in posts(records)
    [model] = of(records, CommissionModel)
    assert model.reports_to == "October Leaders' Committee"
    assert model.policy_areas == () and model.criteria == ()


def test_tec_paper_with_table_and_wrapped_title() -> None:
    records = load(DATA / "tec-parking-review-2018.txt")
    document = records[0]
    assert isinstance(document, DocumentRecord)
    assert (
        document.title == "Parking Appeals Review: findings and next steps for borough enforcement"
    )
    [meeting] = of(records, Meeting)
    assert meeting.body == OrgRef("Transport and Environment Committee", "committee")
    assert (meeting.date, meeting.item) == (date(2018, 10, 11), "05")
    assert meeting.author_post == "Strategy Director, Transport and Environment"
    assert posts(records) == {
        ("Katharina Vale", None, "London Councils", "Strategy Director, Transport and Environment"),
        ("Julian Brook", "Cllr", "Transport and Environment Committee", "Chair"),
        ("Dana Whitfield", "Ms", "Enforcement Steering Group", "Chair"),  # across a page break
        ("Alan Grey", "Professor", "Parking Appeals Review", "Leader"),
        ("Sam Achebe", None, "London Councils", "Lead Chief Executive"),
        ("Sam Achebe", None, "Camden", "Chief Executive"),
        ("Lorna Friel", None, "London Councils", "Lead Chief Executive"),
        ("Lorna Friel", None, "Hounslow", "Chief Executive"),
    }
    [review] = of(records, Review)
    assert (review.label, review.subject, review.kind, review.date) == (
        "Parking Appeals Review",
        None,
        "review",
        date(2018, 5, 1),
    )
    leads = [m for m in of(records, Membership) if m.role == "Lead Chief Executive"]
    assert [(m.policy_area, m.start, m.provenance.line) for m in leads] == [
        ("Air quality", None, 32),
        ("Transport", None, 33),
    ]
    orgs = {o.ref for o in of(records, Organisation)}
    assert OrgRef("Enforcement Steering Group", "group") in orgs
    assert of(records, CommissionModel) == []


PDF_LINES = [
    "Executive",
    "Lead Chief Executive commissions 2021/22 Item no: 4",
    "Report by: Sean Doyle Job title: Chief Executive",
    "Date: 23 November 2021",
    "Contact Officer: Sean Doyle",
    "Telephone: 020 7934 9500 Email: sean.doyle@londoncouncils.gov.uk",
    "Summary This report updates the Executive on the Lead Chief Executive commissions for this "
    "year.",
    "Background",
    "1. The Chief Executive of London Councils, working with the Chair and Deputy Chair of CELC, "
    "commissions "
    "support from Lead Chief Executives on an annual basis, for a twelve month period starting on "
    "1 September. "
    "Lead Chief Executives are accountable through London Councils to Leaders' Committee.",
    "2. The commissions for 2021/22 are:",
    "PAGE",
    "- Climate change - Lead Chief Executive: Kim Lowry (Enfield), supported by the Climate "
    "Change Chief "
    "Executives Group",
    "- Economic recovery - Lead Chief Executive: Dr Femi Adeyemi (Newham)",
]


def make_pdf(path: Path) -> Path:
    pdf = FPDF()
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in PDF_LINES:
        if line == "PAGE":
            pdf.multi_cell(0, 6, "Executive - 23 November 2021 Agenda Item 4, Page 1")
            pdf.add_page()
            continue
        pdf.multi_cell(0, 6, line)
        pdf.ln(2)
    pdf.output(str(path))
    return path


def test_pdf_paper(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "executive-lead-chief-executives-2021.pdf")
    assert london_councils_paper.detect(read_document(path)) >= 0.6
    records = load(path)
    [meeting] = of(records, Meeting)
    assert meeting.body == OrgRef("London Councils Executive", "committee")
    assert (meeting.date, meeting.item) == (date(2021, 11, 23), "4")
    leads = [m for m in of(records, Membership) if m.role == "Lead Chief Executive"]
    assert [
        (m.person, m.policy_area, m.support_group, m.start, m.end, m.provenance.page) for m in leads
    ] == [
        (
            PersonRef("Kim Lowry"),
            "Climate change",
            "Climate Change Chief Executives Group",
            date(2021, 9, 1),
            date(2022, 8, 31),
            2,
        ),
        (
            PersonRef("Femi Adeyemi", "Dr"),
            "Economic recovery",
            None,
            date(2021, 9, 1),
            date(2022, 8, 31),
            2,
        ),
    ]
    [model] = of(records, CommissionModel)
    assert model.commissioned_with == ("Chair of CELC", "Deputy Chair of CELC")
    assert model.accountable_to == LEADERS


OTHER_GENRES = [
    ROOT / "corpus" / "documents" / "lga-sector-led-improvement-2012.txt",
    ROOT / "corpus" / "documents" / "islington-corporate-peer-challenge-2018.txt",
    ROOT / "corpus" / "documents" / "tower-hamlets-tib-peer-challenge-follow-up-2019.txt",
    ROOT / "corpus" / "documents" / "islington-productivity-plan-2024.txt",
    *sorted(LGA_DATA.iterdir()),
]


@pytest.mark.parametrize("path", [SAMPLE, *sorted(DATA.iterdir())], ids=lambda p: p.name)
def test_detects_london_councils_papers(path: Path) -> None:
    source = read_document(path)
    assert london_councils_paper.detect(source) >= 0.6
    assert lga_board_paper.detect(source) < 0.3


@pytest.mark.parametrize("path", OTHER_GENRES, ids=lambda p: p.name)
def test_does_not_claim_other_genres(path: Path) -> None:
    assert london_councils_paper.detect(read_document(path)) < 0.3


def test_empty_file_is_a_loader_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with pytest.raises(LoaderError):
        load(empty)


# ---- the 2019 paper as London Councils publishes it: a PDF with its footer, and Word

LEADS_2019 = DATA / "leaders-committee-lead-chief-executives-2019.txt"
LEADS_2019_PARTS: list[Part] = [
    ("title", "Leaders' Committee"),
    ("para", "Lead Chief Executives 2019/20 Item no: 6"),
    ("para", "Report by: Jane Harlow Job title: Chief Executive"),
    ("para", "Date: 8 October 2019"),
    ("para", "Contact Officer: Jane Harlow"),
    ("para", "Telephone: 020 7934 9999 Email: jane.harlow@londoncouncils.gov.uk"),
    (
        "table",
        [
            (
                "Summary",
                "This report lists the borough chief executives commissioned to lead on policy "
                "areas on behalf of London Councils for 2019/20.",
            ),
            (
                "Recommendations",
                "Leaders' Committee is asked to note the Lead Chief Executives for 2019/20.",
            ),
        ],
    ),
    ("heading", "Background"),
    (
        "para",
        "1. In March 2017 Leaders' Committee agreed that the Chief Executive of London Councils, "
        "working with the Chair and Deputy Chair of CELC, commissions support from Lead Chief "
        "Executives in a small number of policy areas on an annual basis. Lead Chief Executives "
        "are accountable through London Councils to Leaders' Committee for that work.",
    ),
    (
        "para",
        "2. Commissions run for the twelve month period starting on 1 September each year. This "
        "year's commissions started on 1 September 2019 and, as agreed, the completed list is "
        "reported to the October Leaders' Committee for information.",
    ),
    ("heading", "Lead Chief Executives 2019/20"),
    (
        "para",
        "3. Following consultation with the Executive in July, the Chief Executive of London "
        "Councils has commissioned the following borough chief executives:",
    ),
    (
        "item",
        "Health and care – Lead Chief Executive: Dr Ann Marsh (Hackney), supported by the London "
        "Health Chief Executives Group",
    ),
    ("item", "Housing and homelessness – Lead Chief Executive: Peter Quell (Lambeth)"),
    ("page", None),
    ("item", "Skills and employment – Lead Chief Executive: Ruth Okafor (Barking and Dagenham)"),
    (
        "item",
        "Crime and public protection – Lead Chief Executives: Tom Reyes (Croydon); Mary Stott "
        "(Ealing)",
    ),
    (
        "para",
        "4. The Chair of London Councils, Cllr Georgia Penn, and the Deputy Chair, Cllr Amir "
        "Kazemi, will meet the Lead Chief Executives in November to agree priorities for the year.",
    ),
    ("heading", "Financial Implications for London Councils"),
    ("para", "None"),
]


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_a_pdf_or_word_paper_states_what_its_text_states(tmp_path: Path, kind: str) -> None:
    footer = "Leaders' Committee – 8 October 2019 Agenda Item 6, Page {page}"
    path = render(LEADS_2019_PARTS, tmp_path, LEADS_2019.stem, kind, footer=footer)
    document = read_document(path)
    assert london_councils_paper.detect(document) >= 0.6
    assert lga_board_paper.detect(document) < 0.3
    records = load(path)
    assert facts(records) == facts(load(LEADS_2019))
    leads = [m for m in of(records, Membership) if m.role == "Lead Chief Executive"]
    assert len(leads) == 5 and leads[2].person == PersonRef("Ruth Okafor")
    if kind == "pdf":
        assert leads[2].provenance.page == 2  # the list goes on over the page break

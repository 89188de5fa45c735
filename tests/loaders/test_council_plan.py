"""Council plans: the real Islington productivity plan, two hand-written variants and a PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from fpdf import FPDF
from renderings import Part, facts, render

from councilgraph.errors import LoaderError
from councilgraph.settings import Settings
from loaders import council_plan
from loaders.reader import read_document
from loaders.records import (
    Action,
    Concept,
    DocumentRecord,
    Organisation,
    OrgRef,
    Partnership,
    Record,
)
from loaders.text import clean

ROOT = Path(__file__).resolve().parents[2]
ISLINGTON = ROOT / "corpus" / "documents" / "islington-productivity-plan-2024.txt"
DATA = ROOT / "tests" / "data" / "council-plan"
SUNDERLAND = DATA / "sunderland-city-plan-2023.md"
PLYMOUTH = DATA / "plymouth-corporate-plan-2023.txt"


def load(path: Path) -> list[Record]:
    return list(council_plan.load(read_document(path), settings=Settings()))


def concepts(records: list[Record], scheme: str) -> list[Concept]:
    return [r for r in records if isinstance(r, Concept) and r.scheme == scheme]


def of_type(records: list[Record], kind: type) -> list:  # type: ignore[type-arg]
    return [r for r in records if isinstance(r, kind)]


# ---------------------------------------------------------------- the real sample


@pytest.fixture(scope="module")
def islington() -> list[Record]:
    return load(ISLINGTON)


def test_islington_document_record_first(islington: list[Record]) -> None:
    doc = islington[0]
    assert isinstance(doc, DocumentRecord)
    assert doc.title == "Islington Council Productivity Plan"
    assert doc.genre == "council-plan"
    assert doc.date == date(2024, 7, 1)
    assert "month only (July 2024), line 7" in doc.provenance.location
    assert doc.publisher == OrgRef("Islington Council", "council")
    council = islington[1]
    assert isinstance(council, Organisation) and council.ref == OrgRef(
        "Islington Council", "council"
    )
    assert council.provenance.line == 3


def test_islington_five_missions_once_each(islington: list[Record]) -> None:
    missions = concepts(islington, "missions")
    assert sorted(m.label for m in missions) == [
        "A safe place to call home",
        "Child Friendly Islington",
        "Community Wealth Building",
        "Fairer Together",
        "Greener, Healthier Islington",
    ]
    assert all(m.owner == OrgRef("Islington Council", "council") for m in missions)
    assert {m.provenance.line for m in missions} == {34}  # the Title Case wording


def test_islington_programmes(islington: list[Record]) -> None:
    programmes = {c.label: c for c in concepts(islington, "programmes")}
    expected = {
        "Access Islington Community Hubs",
        "Family Hubs",
        "Integrated Localities Model",
        "Aging Well",
        "robotic process automation",
        "data platform",
        "PowerBi",
        "Evidence Islington",
        "Wellbeing Index",
        "Performance Management Framework",
        "Islington Together Delivery Plan",
        "Care Cubed",
        "Medium Term Financial Plan",
        "Community Budget for Families with Multiple Needs",
        "Impact Framework",
    }
    assert expected <= set(programmes)
    assert len(programmes) == 20
    assert "Delivery Plan" not in programmes  # part of "Islington Together Delivery Plan"
    assert not any("Right to Buy" in label or "Decent Homes" in label for label in programmes)
    hubs = programmes["Family Hubs"]
    assert hubs.definition is not None and hubs.definition.startswith(
        "Access Islington Community Hubs"
    )
    assert hubs.provenance.line == 14
    assert "bullet 1, sub-bullet 1" in hubs.provenance.location
    assert programmes["Aging Well"].definition.startswith("We aim to embed")  # type: ignore[union-attr]


def test_islington_partnerships(islington: list[Record]) -> None:
    prevention, data_sharing = of_type(islington, Partnership)
    assert prevention.subject == "prevention"
    assert prevention.members == (
        OrgRef("Islington Council", "council"),
        OrgRef("Islington health"),  # the place's services, not one national body
        OrgRef("Islington police"),
        OrgRef("Islington faith and community sector"),
    )
    assert prevention.provenance.line == 44
    assert data_sharing.subject == "data sharing"
    assert [m.name for m in data_sharing.members] == [
        "Islington Council",
        "NHS",
        "Islington police",
        "Islington schools",
    ]
    assert data_sharing.relies_on_individuals is None
    assert (
        data_sharing.statement is not None and "partners such as the NHS" in data_sharing.statement
    )


def test_islington_actions(islington: list[Record]) -> None:
    actions = of_type(islington, Action)
    assert len(actions) == 39
    assert all(a.responds_to is None for a in actions)
    assert all(a.evidence == ("islington-productivity-plan-2024",) for a in actions)

    def starting(words: str) -> Action:
        return next(a for a in actions if a.text.startswith(words))

    assert starting("Delivery of savings").status == "done"
    assert starting("An integrated front door").status == "planned"
    assert starting("We aim to embed an Aging Well").status == "planned"
    assert starting("We aim to embed an Aging Well").topic == "Aging Well"
    assert starting("New Build projects").status == "in progress"
    assert starting("Most recently, we have been working").status == "in progress"
    platform = next(a for a in actions if "invested in a data platform" in a.text)
    assert (platform.status, platform.topic, platform.provenance.line) == (
        "done",
        "data platform",
        79,
    )
    # the asks of government (sections on reforms and barriers) are not the council's actions
    assert not any("Right to Buy" in a.text or "settlement" in a.text for a in actions)
    # the contents of the data quality strategy fold into the sentence that introduces them
    assert not any(a.text.startswith("Data quality champions") for a in actions)
    lines = ISLINGTON.read_text(encoding="utf-8").splitlines()
    for action in actions:
        assert action.provenance.line is not None
        assert action.text[:20] in clean(lines[action.provenance.line - 1])


# ---------------------------------------------------------------- variants


def test_sunderland_markdown_plan() -> None:
    records = load(SUNDERLAND)
    doc = records[0]
    assert isinstance(doc, DocumentRecord)
    assert doc.title == "Sunderland City Council City Plan 2023-2026"
    assert doc.date == date(2023, 3, 14)
    assert doc.publisher == OrgRef("Sunderland City Council", "council")
    missions = concepts(records, "missions")
    assert [m.label for m in missions] == ["Dynamic City", "Healthy City", "Vibrant City"]
    assert missions[1].definition == (
        "reduced health inequalities, enabling more people to live healthier, "
        "longer and more independent lives"
    )  # wrapped over two lines
    assert missions[0].provenance.location == "section 'Our priorities', bullet 1"
    assert [c.label for c in concepts(records, "programmes")] == [
        "Family Hubs",
        "Sunderland Low Carbon Framework",
        "Riverside Sunderland Masterplan",
        "Digital Inclusion Programme",
        "Healthy Homes Scheme",
        "Council Tax Support Scheme",
    ]
    homes, gentoo, nhs = of_type(records, Partnership)
    assert [m.name for m in homes.members] == [
        "Sunderland City Council",
        "Homes England",
        "Sunderland College",
        "University of Sunderland",
    ]
    assert [m.name for m in gentoo.members] == [
        "Sunderland City Council",
        "Gentoo Group",
        "Sunderland Care and Support",
    ]
    assert [m.name for m in nhs.members][1:] == [
        "NHS",
        "Northumbria Police",
        "Sunderland voluntary and community sector",
    ]
    assert nhs.relies_on_individuals is True
    actions = of_type(records, Action)
    assert [a.status for a in actions] == ["done"] * 4 + ["planned"] * 3
    review = actions[-1]
    assert (
        review.text == "Review the Council Tax Support Scheme with residents and advice agencies."
    )
    assert review.provenance.location == "section 'What we will do next', bullet 3"
    assert actions[-2].text.endswith(
        "in partnership with Gentoo Group and Sunderland Care and Support."
    )
    assert not any("Page 4" in a.text for a in actions)


def test_plymouth_numbered_sections_and_bullets() -> None:
    records = load(PLYMOUTH)
    doc = records[0]
    assert isinstance(doc, DocumentRecord)
    assert doc.title == "Plymouth City Council Corporate Plan 2023 - 2026"
    assert doc.date == date(2023, 3, 20)
    missions = concepts(records, "missions")
    assert [m.label for m in missions] == [
        "Working for less waste and more recycling",
        "Getting the basics right",
        "Green investment, jobs, skills and better education",
        "Keeping children, adults and communities safe",
    ]
    assert missions[1].definition == "fixing potholes and keeping streets clean"
    assert missions[0].provenance.location == "section 2 'Our priorities', bullet 1"
    partners, hospital = of_type(records, Partnership)
    assert [m.name for m in partners.members] == [
        "Plymouth City Council",
        "Livewell Southwest",
        "NHS Devon",
        "Devon and Cornwall Police",
        "University of Plymouth",
    ]
    assert hospital.members[1] == OrgRef("University Hospitals Plymouth NHS Trust")
    actions = of_type(records, Action)
    assert [(a.status, a.topic) for a in actions] == [
        ("planned", "Work with partners such as Livewell"),
        ("done", "Plymouth Plan for Trees"),
        ("done", "Family Hubs"),
        ("done", "Housing Delivery Framework"),
        ("planned", "Plymouth Plan"),
        ("planned", "Net Zero Action Plan"),
        ("planned", "Community Diagnostic Centre"),
        ("planned", "Plymouth Active Leisure Pass"),
    ]
    assert actions[2].text.endswith(
        "with health visitors and early help teams working from one building."
    )
    assert actions[2].provenance.location == "section 3 'What we have achieved', bullet 2"


def _pdf(text: str, path: Path) -> Path:
    pdf = FPDF()
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for paragraph in text.split("\n\n"):
        for line in paragraph.splitlines():
            pdf.multi_cell(0, 6, line.strip(), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    pdf.output(str(path))
    return path


def test_pdf_plan(tmp_path: Path) -> None:
    text = PLYMOUTH.read_text(encoding="utf-8").replace("•", "-")
    # one long bullet that fpdf2 wraps over two lines, and enough text for a second page
    text += "\n\n5. Delivery\n\n" + "\n\n".join(
        f"Paragraph {n} on how the plan is monitored and reported to members each quarter."
        for n in range(1, 40)
    )
    records = load(_pdf(text, tmp_path / "plymouth-plan.pdf"))
    doc = records[0]
    assert isinstance(doc, DocumentRecord)
    assert doc.pages is not None and doc.pages >= 2
    assert doc.date == date(2023, 3, 20)
    assert doc.publisher == OrgRef("Plymouth City Council", "council")
    assert len(concepts(records, "missions")) == 4
    actions = of_type(records, Action)
    hubs = next(a for a in actions if a.topic == "Family Hubs")
    assert hubs.text.endswith("and early help teams working from one building.")
    assert hubs.provenance.page == 1
    assert {c.label for c in concepts(records, "programmes")} >= {
        "Plymouth Plan for Trees",
        "Housing Delivery Framework",
        "Community Diagnostic Centre",
    }
    assert len(of_type(records, Partnership)) == 2


# ---------------------------------------------------------------- detection and errors


def test_detect_prefers_plans() -> None:
    assert council_plan.detect(read_document(ISLINGTON)) >= 0.8
    assert council_plan.detect(read_document(SUNDERLAND)) >= 0.6
    for other in (
        "islington-corporate-peer-challenge-2018.txt",
        "lga-sector-led-improvement-2012.txt",
        "london-councils-lead-chief-executives-2017.txt",
    ):
        assert council_plan.detect(read_document(ROOT / "corpus" / "documents" / other)) < 0.3


def test_plan_without_a_council_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("Delivery Plan\n\nWe will do good things for residents.\n", encoding="utf-8")
    with pytest.raises(LoaderError, match="no council named"):
        load(path)


def test_empty_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("", encoding="utf-8")
    with pytest.raises(LoaderError, match="empty"):
        load(path)


# ---- the Sunderland plan as councils publish plans: a PDF with page numbers, and Word

SUNDERLAND_PARTS: list[Part] = [
    ("title", "Sunderland City Council"),
    ("heading", "City Plan 2023-2026"),
    ("para", "Published: 14 March 2023"),
    ("heading", "Our priorities"),
    (
        "item",
        "**Dynamic City** – more and better jobs, a lower carbon city and a thriving city centre",
    ),
    (
        "item",
        "**Healthy City** – reduced health inequalities, enabling more people to live healthier, "
        "longer and more independent lives",
    ),
    ("item", "**Vibrant City** – more residents taking part in the life of their communities"),
    ("heading", "What we have delivered"),
    ("para", "Over the last year we have made good progress against the plan."),
    (
        "item",
        "We have opened Family Hubs in every locality, working with health visitors and schools.",
    ),
    ("item", "Delivered the Sunderland Low Carbon Framework across the council estate."),
    (
        "item",
        "Established the Riverside Sunderland Masterplan with partners including Homes England, "
        "Sunderland College and the University of Sunderland.",
    ),
    ("heading", "What we will do next"),
    ("para", "1. We will launch a Digital Inclusion Programme for older residents by March 2024."),
    (
        "para",
        "2. We will expand the Healthy Homes Scheme to a further 500 households, in partnership "
        "with Gentoo Group and Sunderland Care and Support.",
    ),
    ("para", "3. Review the Council Tax Support Scheme with residents and advice agencies."),
    ("page", None),
    ("heading", "Working with partners"),
    (
        "para",
        "Our partnerships with the NHS, Northumbria Police and the voluntary and community sector "
        "are strong, but some rely on individual relationships rather than formal agreements.",
    ),
]


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_a_pdf_or_word_plan_states_what_its_text_states(tmp_path: Path, kind: str) -> None:
    path = render(SUNDERLAND_PARTS, tmp_path, SUNDERLAND.stem, kind, footer="Page {page}")
    assert council_plan.detect(read_document(path)) >= 0.6
    records = load(path)
    assert facts(records) == facts(load(SUNDERLAND))
    [nhs] = [p for p in of_type(records, Partnership) if p.relies_on_individuals]
    assert [m.name for m in nhs.members][1:3] == ["NHS", "Northumbria Police"]
    if kind == "pdf":
        assert nhs.provenance.page == 2

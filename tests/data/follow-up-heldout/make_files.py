"""Make the Word and PDF papers of this held-out set from the content written below.

`.venv/bin/python tests/data/follow-up-heldout/make_files.py` rewrites them beside this file
(fixed dates, so a rerun gives the same bytes with the same library versions). City of York
is a Word paper (python-docx) whose cover is a four-column table and whose action plan has a
recommendation cell merged over two rows; Norfolk is a PDF (fpdf2) with a running header,
page numbers, cover labels set in a column of their own, and actions as "Action 1.1" lines
under bold "Recommendation N" lines.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXED = datetime(2024, 1, 1, tzinfo=UTC)

YORK_COVER = [
    ("Meeting", "Executive", "Date", "17 February 2022"),
    (
        "Report of",
        "Janet Okwuosa-Marsh, Director of Governance",
        "Executive Member",
        "Cllr Peter Ashdown-Keane, Executive Member for Finance and Performance",
    ),
    ("Report author", "Lidia Brennan-Shaw, Head of Corporate Policy", "Agenda item", "12"),
    ("Title", "Corporate Peer Challenge: progress on the action plan", "Key decision", "No"),
]
YORK_BODY = [
    ("h", "1. Summary"),
    (
        "p",
        "1.1 This report sets out the progress made on the action plan the Executive agreed in "
        "response to the corporate peer challenge.",
    ),
    ("h", "2. Recommendations"),
    ("p", "The Executive is asked to:"),
    ("b", "Note the progress made on the Corporate Peer Challenge action plan at Annex A."),
    ("b", "Agree the revised timescales for the two delayed actions."),
    ("h", "3. Background"),
    (
        "p",
        "3.1 The corporate peer challenge team was on site between 4th and 7th October 2021. "
        "Five peers, supported by an LGA peer challenge manager, met more than 120 people, "
        "including colleagues from North Yorkshire County Council and the Humber and North "
        "Yorkshire Health and Care Partnership.",
    ),
    (
        "p",
        "3.2 The feedback report, published in December 2021, made six recommendations. The "
        "Executive agreed an action plan in January 2022. North Yorkshire County Council has "
        "offered a peer to support the review of governance.",
    ),
    ("h", "Annex A – Corporate Peer Challenge action plan"),
]
YORK_ACTIONS = [
    (
        "No.",
        "Peer team recommendation",
        "Our response",
        "Responsible officer",
        "By",
        "Progress (RAG)",
    ),
    (
        "1",
        "Set out a clear long-term vision for the city with partners",
        "Adopt a 10-year city plan with the York Partnership",
        "Chief Operating Officer",
        "March 2022",
        "Green",
    ),
    (
        "",
        "",
        "Publish an annual report on progress against the city plan",
        "Head of Corporate Policy",
        "September 2022",
        "Amber",
    ),
    (
        "2",
        "Strengthen the council's approach to medium term financial planning",
        "Extend the financial strategy to 2026/27",
        "Chief Finance Officer",
        "February 2022",
        "Green",
    ),
    (
        "3",
        "Build capacity in the transformation programme",
        "Appoint a transformation programme director",
        "Chief Operating Officer",
        "April 2022",
        "Red",
    ),
    (
        "4",
        "Improve the council's engagement with residents",
        "Launch a residents' panel of 1,000 people",
        "Head of Communications",
        "June 2022",
        "Amber",
    ),
    (
        "5",
        "Make more of the council's role as a place leader",
        "Agree a joint economic strategy with the Local Enterprise Partnership",
        "Director of Economy",
        "July 2022",
        "Green",
    ),
    (
        "6",
        "Review the council's governance arrangements",
        "Commission an independent review of the constitution",
        "Director of Governance",
        "May 2022",
        "Red",
    ),
]

NORFOLK = [
    ("title", "Norfolk County Council"),
    ("gap", ""),
    ("label", "Cabinet|"),
    ("label", "Item No:|9"),
    ("label", "Report Title:|Corporate Peer Challenge - response and action plan"),
    ("label", "Date of Meeting:|6 July 2020"),
    (
        "label",
        "Responsible Cabinet Member:|Cllr Graham Tilbury-Ashe, Cabinet Member for Innovation",
    ),
    ("label", "Responsible Director:|Fiona Castellan-Wright, Executive Director of Strategy"),
    ("label", "Is this a key decision?|No"),
    ("head", "Executive Summary"),
    (
        "para",
        "Peers were on site on 3, 4, 5 and 6 December 2019. The team of six was led by the "
        "chief executive of a county council and met more than 200 people, including partners "
        "from Suffolk County Council and the New Anglia Local Enterprise Partnership. Their "
        "report, received in February 2020, made five recommendations, and this paper sets out "
        "the action plan in response.",
    ),
    ("head", "Recommendations"),
    ("para", "Cabinet is asked to:"),
    ("para", "1. Agree the action plan in response to the Corporate Peer Challenge."),
    ("para", "2. Note the joint work with Suffolk County Council on the county deal."),
    ("page", ""),
    ("head", "Action plan"),
    ("bold", "Recommendation 1: Set out a single vision for Norfolk with partners"),
    (
        "para",
        "Action 1.1 - Agree a Norfolk partnership vision with the district councils. Lead: "
        "Executive Director of Strategy. By: December 2020. RAG: Amber",
    ),
    ("bold", "Recommendation 2: Plan for the council's medium term finances"),
    (
        "para",
        "Action 2.1 - Publish a four-year financial strategy. Lead: Executive Director of "
        "Finance. By: February 2021. RAG: Green",
    ),
    (
        "para",
        "Action 2.2 - Agree a savings programme for 2021/22. Lead: Executive Director of Finance. "
        "By: February 2021. RAG: Green",
    ),
    ("bold", "Recommendation 3: Strengthen the council's relationship with its districts"),
    (
        "para",
        "Action 3.1 - Hold a quarterly leaders' forum with the district councils. Lead: Chief "
        "Executive. By: September 2020. RAG: Green",
    ),
    ("bold", "Recommendation 4: Invest in the council's digital capability"),
    (
        "para",
        "Action 4.1 - Adopt a digital strategy. Lead: Director of IMT. By: January 2021. RAG: Red",
    ),
    ("bold", "Recommendation 5: Develop leadership at every level"),
    (
        "para",
        "Action 5.1 - Launch a leadership programme for senior managers. Lead: Director of "
        "People. By: March 2021. RAG: Amber",
    ),
    ("gap", ""),
    ("label", "Officer Contact:|Dmitri Okonjo-Harte, Head of Corporate Planning"),
]


def york() -> bytes:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.core_properties.created = FIXED.replace(tzinfo=None)
    document.core_properties.modified = FIXED.replace(tzinfo=None)
    document.add_paragraph("City of York Council", style="Title")
    cover = document.add_table(rows=0, cols=4)
    for row in YORK_COVER:
        cells = cover.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    for kind, text in YORK_BODY:
        if kind == "h":
            document.add_heading(text, level=1)
        elif kind == "b":
            document.add_paragraph(text, style="List Bullet")
        else:
            paragraph = document.add_paragraph(text)
            paragraph.runs[0].font.size = Pt(11)
    table = document.add_table(rows=0, cols=6)
    for row in YORK_ACTIONS:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    for column in (0, 1):  # the recommendation and its number span the first two action rows
        top, below = table.rows[1].cells[column], table.rows[2].cells[column]
        top.merge(below).text = YORK_ACTIONS[1][column]
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The .docx with every member's timestamp fixed, so reruns give the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def norfolk() -> bytes:
    from fpdf import FPDF

    class Paper(FPDF):
        def header(self) -> None:
            if self.page_no() > 1:
                self.set_font("Helvetica", size=8)
                self.cell(0, 5, "Cabinet - 6 July 2020 - Corporate Peer Challenge")
                self.ln(8)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", size=8)
            self.cell(0, 5, str(self.page_no()), align="C")

    pdf = Paper()
    pdf.set_creation_date(FIXED)
    pdf.add_page()
    for kind, text in NORFOLK:
        if kind == "title":
            pdf.set_font("Helvetica", "B", 18)
            pdf.cell(0, 10, text, new_x="LMARGIN", new_y="NEXT")
        elif kind == "gap":
            pdf.ln(4)
        elif kind == "page":
            pdf.add_page()
        elif kind == "label":
            label, value = text.split("|")
            pdf.set_font("Helvetica", "B", 10)
            pdf.cell(62, 6, label)
            pdf.set_font("Helvetica", size=10)
            pdf.multi_cell(0, 6, value, new_x="LMARGIN", new_y="NEXT")
        elif kind == "head":
            pdf.ln(3)
            pdf.set_font("Helvetica", "B", 13)
            pdf.cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
        elif kind == "bold":
            pdf.ln(2)
            pdf.set_font("Helvetica", "B", 10)
            pdf.cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("Helvetica", size=10)
            pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    return bytes(pdf.output())


def main() -> None:
    (HERE / "york-executive-2022-peer-challenge-progress.docx").write_bytes(york())
    (HERE / "norfolk-cabinet-2020-peer-challenge-action-plan.pdf").write_bytes(norfolk())


if __name__ == "__main__":
    main()

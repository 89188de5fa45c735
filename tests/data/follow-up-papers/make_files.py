"""Make the PDF and Word papers of this folder from the content written below.

Run it from anywhere: `.venv/bin/python tests/data/follow-up-papers/make_files.py`. It
rewrites the binaries beside it, byte for byte the same on every run with the same library
versions (fixed creation dates, reportlab's invariant mode, fixed ZIP timestamps in the
.docx files), so a diff of the binaries means the content changed. The papers' facts are in
gold.yaml; their layouts are described in README.md.

Two PDF generators are used on purpose, as councils' papers come from many tools: fpdf2
(Gateshead, and Tameside rendered from its .txt) and reportlab (Redcar and Cleveland,
Wychavon). python-docx writes the Word papers (Cornwall, Northumberland). fpdf2's core
fonts are Latin-1 only, so its papers use plain hyphens.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXED = datetime(2024, 1, 1, tzinfo=UTC)

Row = Sequence[str]


# --- Gateshead: fpdf2, running header and footer, ruled table with a row-spanning cell ---

GATESHEAD_TEXT: list[tuple[str, str]] = [
    ("bold", "REPORT TO CABINET"),
    ("bold", "21 January 2020"),
    ("gap", ""),
    ("label", "TITLE OF REPORT:|LGA Corporate Peer Challenge - Action Plan"),
    ("label", "REPORT OF:|Malcolm Ferriday, Strategic Director, Corporate Services and Governance"),
    ("head", "Purpose of the Report"),
    (
        "para",
        "1. To seek Cabinet's approval of the action plan prepared in response to the "
        "recommendations of the corporate peer challenge.",
    ),
    ("head", "Background"),
    (
        "para",
        "2. A team of peers from the Local Government Association spent four days at the Civic "
        "Centre, 8-11 October 2019, meeting more than 150 councillors, staff, residents and "
        "partners. The team was led by the chief executive of a metropolitan council in "
        "Yorkshire and included a council leader from the North West.",
    ),
    (
        "para",
        "3. Gateshead Council asked the team to look in particular at its Thrive agenda, its "
        "financial sustainability and its work with Newcastle City Council and the other "
        "councils of the North East Combined Authority. The team met officers of Newcastle City "
        "Council to discuss the joint Newcastle Gateshead Initiative and the shared approach to "
        "inclusive growth.",
    ),
    (
        "para",
        "4. The team's feedback report, received in December 2019, made eight recommendations. "
        "The council is asked to publish the report and its action plan within three months of "
        "the visit.",
    ),
    ("head", "Proposal"),
    (
        "para",
        "5. The action plan at Appendix 1 sets out the actions the council will take in response "
        "to each recommendation, the responsible officer, the target date and a RAG rating of "
        "progress. Green means complete or on track, amber means some risk to delivery and red "
        "means the action is behind schedule. Where a recommendation needs two actions, the "
        "recommendation cell spans both rows.",
    ),
    ("head", "Recommendations"),
    (
        "para",
        "6. Cabinet is asked to approve the action plan at Appendix 1 in response to the "
        "corporate peer challenge.",
    ),
    (
        "para",
        "For the following reason: to respond to the recommendations of the peer team and "
        "secure the improvements they identified.",
    ),
    ("gap", ""),
    ("para", "CONTACT: Priyanka Dunmore, Corporate Policy Manager    extension 2143"),
]

GATESHEAD_HEADER = ("Recommendation", "Actions", "Responsible officer", "Target date", "RAG")
# (recommendation, rowspan, action, officer, date, RAG); a rowspan of 0 sits under the one above
GATESHEAD_ROWS: list[tuple[str, int, str, str, str, str]] = [
    (
        "1. Develop a clear and shared narrative for Thrive with partners",
        1,
        "Agree a Thrive partnership statement with the Gateshead Health and Care System Board",
        "Service Director, Policy, Economy and Communities",
        "April 2020",
        "Green",
    ),
    (
        "2. Set out a medium term financial plan that closes the gap to 2023",
        2,
        "Approve a five-year medium term financial strategy",
        "Strategic Director, Resources and Digital",
        "February 2020",
        "Green",
    ),
    (
        "",
        0,
        "Agree a programme of invest-to-save proposals with Cabinet",
        "Strategic Director, Resources and Digital",
        "June 2020",
        "Amber",
    ),
    (
        "3. Make more of the council's role in the North East Combined Authority",
        1,
        "Agree shared priorities for inclusive growth with the Combined Authority",
        "Chief Executive",
        "September 2020",
        "Amber",
    ),
    (
        "4. Strengthen the council's approach to commercial investment",
        1,
        "Adopt a commercial investment framework with clear risk appetite",
        "Strategic Director, Corporate Services and Governance",
        "March 2020",
        "Red",
    ),
    (
        "5. Develop a workforce strategy that plans for the next ten years",
        1,
        "Publish a workforce strategy and a plan for apprenticeships",
        "Service Director, Human Resources and Workforce Development",
        "July 2020",
        "Green",
    ),
    (
        "6. Involve residents more in shaping services",
        2,
        "Pilot community conversations in three wards",
        "Service Director, Policy, Economy and Communities",
        "May 2020",
        "Green",
    ),
    (
        "",
        0,
        "Review the council's consultation and engagement strategy",
        "Service Director, Policy, Economy and Communities",
        "October 2020",
        "Amber",
    ),
    (
        "7. Improve the use of data across the council",
        1,
        "Create a corporate data and insight team",
        "Strategic Director, Resources and Digital",
        "30 September 2020",
        "Red",
    ),
    (
        "8. Give scrutiny a stronger role in policy development",
        1,
        "Agree a work programme for each overview and scrutiny committee with Cabinet members",
        "Service Director, Legal, Democratic and Property Services",
        "June 2020",
        "Green",
    ),
]


def make_gateshead(path: Path) -> None:
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    class Paper(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", size=8)
            self.cell(0, 5, "Gateshead Council - Cabinet - 21 January 2020", align="R")
            self.ln(8)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", size=8)
            self.cell(0, 5, f"Page {self.page_no()}", align="C")

    pdf = Paper()
    pdf.set_creation_date(FIXED)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    for kind, text in GATESHEAD_TEXT:
        if kind == "gap":
            pdf.ln(4)
        elif kind == "bold":
            pdf.set_font("Helvetica", "B", 13)
            pdf.cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
        elif kind == "label":
            label, value = text.split("|")
            pdf.set_font("Helvetica", "B", 11)
            pdf.cell(45, 7, label)
            pdf.set_font("Helvetica", size=11)
            pdf.multi_cell(0, 7, value, new_x="LMARGIN", new_y="NEXT")
        elif kind == "head":
            pdf.ln(3)
            pdf.set_font("Helvetica", "B", 12)
            pdf.cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("Helvetica", size=11)
            pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    pdf.add_page(orientation="L")
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 8, "APPENDIX 1 - Corporate Peer Challenge Action Plan", new_x="LMARGIN")
    pdf.ln(10)
    pdf.set_font("Helvetica", size=9)
    widths = (70, 80, 65, 30, 20)
    with pdf.table(
        col_widths=widths,
        headings_style=FontFace(emphasis="BOLD", fill_color=(220, 220, 220)),
        line_height=5,
        text_align="LEFT",
    ) as table:
        head = table.row()
        for title in GATESHEAD_HEADER:
            head.cell(title)
        for rec, span, action, officer, due, rag in GATESHEAD_ROWS:
            row = table.row()
            if span:
                row.cell(rec, rowspan=span)
            for value in (action, officer, due, rag):
                row.cell(value)
    pdf.output(str(path))


# --- Tameside: fpdf2 rendering of the .txt, as the Lancaster test renders its text ---


def make_tameside(path: Path) -> None:
    from fpdf import FPDF

    class Paper(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", size=8)
            self.cell(0, 5, "Executive Cabinet - 25 October 2017")
            self.ln(8)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", size=8)
            self.cell(0, 5, f"Page {self.page_no()}", align="R")

    source = HERE / "tameside-executive-cabinet-2017-peer-challenge-progress.txt"
    pdf = Paper()
    pdf.set_creation_date(FIXED)
    pdf.add_page()
    for line in source.read_text(encoding="utf-8").splitlines():
        label, tab, value = line.partition("\t")
        if tab:  # the cover: a bold label column and the value beside it
            pdf.set_font("Helvetica", "B", 10)
            pdf.cell(55, 6, label)
            pdf.set_font("Helvetica", size=10)
            pdf.multi_cell(0, 6, value, new_x="LMARGIN", new_y="NEXT")
        elif line:  # no blank lines in the PDF text layer: paragraphs are only spaced
            pdf.set_font("Helvetica", size=11)
            pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(3)
    pdf.output(str(path))


# --- Redcar and Cleveland: reportlab, ruled cover table, ruled action table with a span ---

REDCAR_COVER: list[Row] = [
    ("Report to", "Cabinet"),
    ("Date of meeting", "16 April 2024"),
    ("Agenda item", "8"),
    ("Report title", "LGA Finance Peer Review: Action Plan"),
    ("Report prepared by", "Tamsin Ellerby-Khan, Strategic Finance Manager"),
    ("Lead officer", "Gareth Vosper-Lyle, Director of Corporate Resources (Section 151 Officer)"),
    ("Portfolio Holder", "Cllr Niamh Abernethy, Cabinet Member for Corporate Resources"),
    ("Wards affected", "All"),
    ("Key decision", "No"),
]

REDCAR_BODY: list[tuple[str, str]] = [
    ("h", "1. Purpose of report"),
    (
        "p",
        "1.1 To present the findings of the Local Government Association's Finance Peer Review "
        "and the council's action plan in response.",
    ),
    ("h", "2. Recommendations"),
    ("p", "2.1 Cabinet is asked to:"),
    (
        "p",
        "a) approve the action plan at Appendix A in response to the LGA Finance Peer Review; and",
    ),
    ("p", "b) ask the Audit and Governance Committee to monitor delivery every six months."),
    ("h", "3. Background"),
    (
        "p",
        "3.1 The LGA Finance Peer Review took place between 27 and 29 November 2023. The review "
        "team of four, led by a county council section 151 officer, looked at the council's "
        "medium term financial plan, its reserves, its capital programme and its role in the "
        "Tees Valley Combined Authority and the Teesworks joint venture.",
    ),
    (
        "p",
        "3.2 The team compared the council with its Tees Valley neighbours, Middlesbrough "
        "Council and Stockton-on-Tees Borough Council, and met finance officers from "
        "Middlesbrough Council to discuss shared risks from the Combined Authority's "
        "programmes.",
    ),
    (
        "p",
        "3.3 The review made seven recommendations. The action plan at Appendix A sets out the "
        "council's response to each, the lead officer, the timescale and the status at the "
        "date of this report.",
    ),
    ("h", "4. Financial implications"),
    (
        "p",
        "4.1 The actions will be met from existing budgets, except the interim capacity in the "
        "finance team, which is funded from the transformation reserve.",
    ),
]

REDCAR_HEADER = ("Recommendation", "Council response", "Lead officer", "Timescale", "Status")
REDCAR_ROWS: list[Row] = [
    (
        "1. Set a balanced budget for 2024/25 without further use of reserves",
        "Budget for 2024/25 approved by Council with no planned use of general reserves",
        "Director of Corporate Resources",
        "February 2024",
        "Complete",
    ),
    (
        "2. Rebuild general reserves to at least 5% of net revenue spending",
        "Adopt a reserves strategy with a five-year target",
        "Director of Corporate Resources",
        "July 2024",
        "On track",
    ),
    (
        "",
        "Add a contribution to reserves to the medium term financial plan",
        "Chief Accountant",
        "February 2025",
        "Not started",
    ),
    (
        "3. Review the capital programme and its financing",
        "Re-prioritise the capital programme with a new gateway process",
        "Head of Capital and Assets",
        "September 2024",
        "In progress",
    ),
    (
        "4. Strengthen the finance team's capacity",
        "Recruit to the vacant deputy section 151 officer post",
        "Director of Corporate Resources",
        "June 2024",
        "In progress",
    ),
    (
        "5. Understand and plan for the council's exposure to Combined Authority programmes",
        "Agree a risk-sharing protocol with the Tees Valley Combined Authority",
        "Chief Executive",
        "December 2024",
        "Not started",
    ),
    (
        "6. Improve budget monitoring reports to Cabinet",
        "Introduce quarterly budget monitoring with explained variances",
        "Chief Accountant",
        "May 2024",
        "Complete",
    ),
    (
        "7. Train members on local government finance",
        "Hold finance training for all members after the May elections",
        "Democratic Services Manager",
        "31 October 2024",
        "On track",
    ),
]


def make_redcar(path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

    styles = getSampleStyleSheet()
    body, cell = styles["BodyText"], styles["BodyText"].clone("cell", fontSize=8, leading=10)

    def footer(canvas: object, doc: object) -> None:
        canvas.saveState()  # type: ignore[attr-defined]
        canvas.setFont("Helvetica", 8)  # type: ignore[attr-defined]
        page = canvas.getPageNumber()  # type: ignore[attr-defined]
        canvas.drawString(20 * mm, 10 * mm, f"Cabinet 16 April 2024 - Page {page}")  # type: ignore[attr-defined]
        canvas.restoreState()  # type: ignore[attr-defined]

    ruled = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    cover = Table(
        [[Paragraph(f"<b>{k}</b>", body), Paragraph(v, body)] for k, v in REDCAR_COVER],
        colWidths=(45 * mm, 120 * mm),
        style=ruled,
    )
    story: list[object] = [
        Paragraph("REDCAR &amp; CLEVELAND BOROUGH COUNCIL", styles["Title"]),
        cover,
        Spacer(1, 6 * mm),
    ]
    for kind, text in REDCAR_BODY:
        story.append(Paragraph(text, styles["Heading2"] if kind == "h" else body))
    story.append(Paragraph("Appendix A - Finance Peer Review action plan", styles["Heading2"]))
    data = [[Paragraph(f"<b>{h}</b>", cell) for h in REDCAR_HEADER]]
    data += [[Paragraph(v, cell) for v in row] for row in REDCAR_ROWS]
    spans = [
        ("SPAN", (0, i), (0, i + 1))
        for i, row in enumerate(REDCAR_ROWS, 1)
        if i < len(REDCAR_ROWS) and not REDCAR_ROWS[i][0]
    ]
    story.append(
        Table(
            data,
            colWidths=(50 * mm, 50 * mm, 35 * mm, 22 * mm, 20 * mm),
            repeatRows=1,
            style=ruled + [("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey)] + spans,
        )
    )
    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1, title="Finance Peer Review")
    doc.build(story, onFirstPage=footer, onLaterPages=footer)  # type: ignore[arg-type]


# --- Wychavon: reportlab, flowing numbered paragraphs, one continuing over a page break ---

WYCHAVON: list[tuple[str, str]] = [
    ("title", "WYCHAVON DISTRICT COUNCIL"),
    ("bold", "EXECUTIVE BOARD"),
    ("bold", "10 SEPTEMBER 2025"),
    ("bold", "Corporate Peer Challenge 2025 – Action Plan"),
    (
        "p",
        "<b>Relevant Executive Board Member:</b> Councillor Ffion Hartigan, Executive Board "
        "Member for Finance and Resources",
    ),
    ("p", "<b>Responsible officer:</b> Serena Blackwood-Ayres, Head of Policy and Improvement"),
    ("p", "<b>Author:</b> Kofi Llewellyn-Price, Policy and Performance Officer"),
    ("p", "<b>Wards affected:</b> All wards"),
    ("p", "<b>Key decision:</b> No"),
    ("h", "1. Decision sought"),
    (
        "p",
        "1.1 The Executive Board is asked to approve the Corporate Peer Challenge action plan "
        "set out in section 3.",
    ),
    (
        "p",
        "1.2 The Executive Board is also asked to note that a progress review by the peer team "
        "is expected in early 2026.",
    ),
    ("h", "2. Background"),
    (
        "p",
        "2.1 The council's corporate peer challenge was held from 11 to 13 February 2025. The "
        "peer team of five spent three days with councillors, staff and partners, including "
        "Worcestershire County Council, Malvern Hills District Council and Worcester City "
        "Council, with whom the council shares planning, revenues and legal services in South "
        "Worcestershire.",
    ),
    (
        "p",
        "2.2 The team found a well-run council with sound finances and a strong record of "
        "delivery, but one that should prepare now for local government reorganisation in "
        "Worcestershire, in which Worcestershire County Council and the six district councils "
        "will have to agree a proposal for new unitary councils. It made six recommendations.",
    ),
    (
        "p",
        "2.3 The action plan below gives, for each recommendation, the actions the council has "
        "agreed, who owns each one, its target date and its status at the end of August 2025. "
        "The plan will be published on the council's website, as the LGA asks every council to "
        "publish its action plan within five months of the challenge.",
    ),
    ("h", "3. Response to the recommendations"),
    ("bold", "Recommendation 1 – Prepare for local government reorganisation"),
    (
        "p",
        "3.1 Action: set up a reorganisation programme board chaired by the Chief Executive, "
        "with its own risk register and a programme manager funded from reserves. Owner: Chief "
        "Executive. Target date: April 2025. Status: Complete.",
    ),
    (
        "p",
        "3.2 Action: agree with the other South Worcestershire councils the evidence each will "
        "commission for the proposal to government. Owner: Head of Policy and Improvement. "
        "Target date: November 2025. Status: On track.",
    ),
    ("bold", "Recommendation 2 – Protect the delivery of the council's priorities"),
    (
        "p",
        "3.3 Action: refresh the Corporate Plan delivery programme so that its six priorities "
        "have milestones to March 2028, and report them to the Executive Board every quarter, "
        "with the reasons for any milestone that slips and the action being taken to bring it "
        "back on course, so that members can see at a glance which commitments are at risk as "
        "reorganisation draws staff time away from them. Owner: Head of Policy and Improvement. "
        "Target date: July 2025. Status: Complete.",
    ),
    ("bold", "Recommendation 3 – Build capacity in the senior team"),
    (
        "p",
        "3.4 Action: appoint an interim Deputy Chief Executive for two years. Owner: Chief "
        "Executive. Target date: June 2025. Status: Delayed.",
    ),
    ("bold", "Recommendation 4 – Make more of the council's financial strength"),
    (
        "p",
        "3.5 Action: agree an investment strategy for the council's reserves that supports "
        "growth in the district's market towns. Owner: Head of Finance. Target date: 31 December "
        "2025. Status: In progress.",
    ),
    ("bold", "Recommendation 5 – Hear more from residents"),
    (
        "p",
        "3.6 Action: run a residents' survey every two years, starting in autumn 2025. Owner: "
        "Head of Communications. Target date: October 2025. Status: Not started.",
    ),
    ("bold", "Recommendation 6 – Develop councillors for the future"),
    (
        "p",
        "3.7 Action: offer every councillor a personal development plan and mentoring from "
        "LGA member peers. Owner: Democratic Services Manager. Target date: March 2026. Status: "
        "On track.",
    ),
    ("h", "4. Financial implications"),
    (
        "p",
        "4.1 The programme manager and the interim Deputy Chief Executive are funded from the "
        "reorganisation reserve agreed by Council in February 2025.",
    ),
]


WYCHAVON_GAP = 14  # millimetres after 1.2, found by trying: paragraph 3.1 then spans pages 1-2


def make_wychavon(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    body = styles["BodyText"].clone("wy", fontSize=11, leading=15)
    bold = body.clone("wyb", fontName="Helvetica-Bold")

    def furniture(canvas: object, doc: object) -> None:
        canvas.saveState()  # type: ignore[attr-defined]
        canvas.setFont("Helvetica", 8)  # type: ignore[attr-defined]
        canvas.drawRightString(190 * mm, 287 * mm, "Executive Board - 10 September 2025")  # type: ignore[attr-defined]
        canvas.drawCentredString(105 * mm, 10 * mm, str(canvas.getPageNumber()))  # type: ignore[attr-defined]
        canvas.restoreState()  # type: ignore[attr-defined]

    story: list[object] = []
    for kind, text in WYCHAVON:
        if kind == "title":
            story.append(Paragraph(text, styles["Title"]))
        elif kind == "h":
            story.append(Paragraph(text, styles["Heading2"]))
        else:
            story.append(Paragraph(text, bold if kind == "bold" else body))
        if kind == "p" and text.startswith("1.2"):
            story.append(Spacer(1, WYCHAVON_GAP * mm))  # puts paragraph 3.1 across the page break
    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1, title="Action Plan")
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)  # type: ignore[arg-type]


# --- Word papers (python-docx) ---


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite a .docx with fixed timestamps so that the bytes do not depend on the clock."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def _save_docx(document: object, path: Path) -> None:
    props = document.core_properties  # type: ignore[attr-defined]
    props.author = props.last_modified_by = "Democratic Services"
    props.created = props.modified = FIXED.replace(tzinfo=None)
    props.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)  # type: ignore[attr-defined]
    path.write_bytes(_fixed_zip(buffer.getvalue()))


def _grid(document: object, rows: Sequence[Row], bold_first: bool) -> object:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            paragraph = table.cell(r, c).paragraphs[0]
            paragraph.add_run(value).bold = bold_first and r == 0
    return table


CORNWALL_COVER: list[Row] = [
    ("Meeting", "Cabinet"),
    ("Date", "27 July 2022"),
    ("Agenda item", "7"),
    ("Title", "Corporate Peer Challenge: action plan"),
    ("Portfolio Holder", "Councillor Ewan Tregarthen, Portfolio Holder for Resources"),
    ("Lead Officer", "Morwenna Trevail, Strategic Director for Transformation"),
    ("Report author", "Kerenza Polglase-Hunt, Strategy and Policy Manager"),
    ("Electoral divisions affected", "All"),
]

CORNWALL_HEADER = ("Recommendation", "Action", "Lead", "Target date", "Status", "Progress update")
CORNWALL_ROWS: list[Row] = [
    (
        "1. Set out a clear, long-term vision for Cornwall with partners",
        "Agree a Cornwall Plan with the Cornwall Leadership Board",
        "Strategic Director for Transformation",
        "March 2023",
        "On track",
        "Draft shared with partners in June",
    ),
    (
        "",
        "Publish a set of outcome measures for the Cornwall Plan",
        "Head of Performance",
        "June 2023",
        "Not started",
        "Work starts when the plan is agreed",
    ),
    (
        "2. Strengthen the medium term financial plan",
        "Extend the medium term financial plan to 2026/27",
        "Service Director Finance",
        "February 2023",
        "In progress",
        "Assumptions agreed by Cabinet",
    ),
    (
        "3. Make more of the devolution deal",
        "Agree the governance of the county deal with government",
        "Chief Executive",
        "December 2022",
        "Delayed",
        "Waiting for the Levelling Up White Paper timetable",
    ),
    (
        "4. Support town and parish councils to take on services",
        "Publish a devolution offer to town and parish councils",
        "Head of Localism",
        "September 2022",
        "Complete",
        "Offer published in July",
    ),
    (
        "",
        "Hold network panel sessions in each community network area",
        "Head of Localism",
        "October 2022",
        "In progress",
        "Twelve of nineteen panels held",
    ),
    (
        "5. Develop the council's workforce for the future",
        "Adopt a people strategy with a plan for hard-to-recruit posts",
        "Head of People",
        "November 2022",
        "On track",
        "Consultation with trade unions under way",
    ),
]


def make_cornwall(path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph().add_run("Cornwall Council").bold = True
    _grid(document, CORNWALL_COVER, bold_first=False)
    document.add_heading("1. Executive summary", level=1)
    document.add_paragraph(
        "1.1 This report sets out the council's action plan in response to the Local "
        "Government Association's Corporate Peer Challenge. The peer challenge was held on 22 "
        "to 25 March 2022, with a team of six peers who met more than 250 people, many of them "
        "in online sessions with partners across the Isles of Scilly and Devon."
    )
    document.add_heading("2. Recommendations", level=1)
    document.add_paragraph("Cabinet is recommended to:")
    for text in (
        "approve the action plan at Appendix 1 in response to the Corporate Peer Challenge;",
        "agree that progress is reported to the Customer and Support Services Overview and "
        "Scrutiny Committee every six months.",
    ):
        document.add_paragraph(text, style="List Number")
    document.add_heading("3. Purpose of the report", level=1)
    document.add_paragraph(
        "3.1 The LGA asks every council to publish its action plan within five months of a "
        "Corporate Peer Challenge. The peer team made five recommendations, which the plan "
        "answers with seven actions. Where a recommendation has two actions, its cell spans "
        "both rows."
    )
    document.add_heading("4. Background", level=1)
    document.add_paragraph(
        "4.1 The peer team found a council with a clear ambition for Cornwall and good "
        "relationships with town and parish councils, and suggested it make more of its "
        "devolution deal and its partnership with the Council of the Isles of Scilly."
    )
    document.add_page_break()
    document.add_heading("Appendix 1: Corporate Peer Challenge action plan", level=1)
    table = _grid(document, [CORNWALL_HEADER, *CORNWALL_ROWS], bold_first=True)
    for r in range(len(CORNWALL_ROWS), 0, -1):  # a blank recommendation merges with the one above
        if not CORNWALL_ROWS[r - 1][0]:
            above = table.cell(r - 1, 0)  # type: ignore[attr-defined]
            above.merge(table.cell(r, 0))  # type: ignore[attr-defined]
            for extra in above.paragraphs[1:]:
                extra._element.getparent().remove(extra._element)
    _save_docx(document, path)


NORTHUMBERLAND_COVER: list[Row] = [
    ("Report to:", "Cabinet"),
    ("Date:", "12 March 2024"),
    ("Item:", "9"),
    ("Report title:", "Corporate Peer Challenge - Action Plan and Progress"),
    ("Cabinet Member:", "Councillor Alistair Hebburn-Reay, Cabinet Member for Corporate Services"),
    ("Report of:", "Rowena Capstick-Lowry, Executive Director of Transformation and Resources"),
    ("Report author:", "Jonty Wearmouth, Head of Strategy and Performance"),
]

# recommendation heading, then rows of (action, owner, by when, RAG, status)
NORTHUMBERLAND_PLAN: list[tuple[str, list[Row]]] = [
    (
        "Recommendation 1 – Build on the improvement in governance and culture",
        [
            (
                "Complete the constitution review with cross-party members",
                "Monitoring Officer",
                "May 2024",
                "Green",
                "On track",
            ),
            (
                "Publish an annual governance statement with an improvement plan",
                "Monitoring Officer",
                "July 2024",
                "Amber",
                "In progress",
            ),
        ],
    ),
    (
        "Recommendation 2 – Set out the council's ambitions for the North East mayoral "
        "combined authority",
        [
            (
                "Agree the council's priorities for the North East Combined Authority",
                "Chief Executive",
                "January 2024",
                "Green",
                "Complete",
            ),
        ],
    ),
    (
        "Recommendation 3 – Keep the medium term financial plan under close review",
        [
            (
                "Report the financial plan to Cabinet every quarter",
                "Executive Director of Transformation and Resources",
                "Ongoing",
                "Green",
                "On track",
            ),
        ],
    ),
    (
        "Recommendation 4 – Improve the council's engagement with rural communities",
        [
            (
                "Hold a rural summit with town and parish councils",
                "Head of Strategy and Performance",
                "June 2024",
                "Red",
                "Not started",
            ),
            (
                "Set up a rural proofing panel for key decisions",
                "Head of Strategy and Performance",
                "September 2024",
                "Amber",
                "Not started",
            ),
        ],
    ),
]


def make_northumberland(path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph().add_run("NORTHUMBERLAND COUNTY COUNCIL").bold = True
    for label, value in NORTHUMBERLAND_COVER:
        paragraph = document.add_paragraph()
        paragraph.add_run(label).bold = True
        paragraph.add_run(" " + value)
    document.add_heading("1. Purpose of report", level=1)
    document.add_paragraph(
        "1.1 To report the council's response to the LGA Corporate Peer Challenge and the "
        "progress made on each of its four recommendations."
    )
    document.add_heading("2. Recommendations", level=1)
    document.add_paragraph(
        "2.1 Cabinet is recommended to note the progress made on the Corporate Peer Challenge "
        "action plan and to agree the further actions set out in section 5."
    )
    document.add_heading("3. Background", level=1)
    document.add_paragraph(
        "3.1 The LGA corporate peer challenge team was on site from 3 to 6 October 2023. The "
        "peers met councillors, staff and partners from across the county, including the "
        "Northumbria Police, the Northumbria Healthcare NHS Foundation Trust and the councils "
        "of Newcastle, North Tyneside and Durham."
    )
    document.add_paragraph(
        "3.2 The team recognised the significant improvement the council has made since the "
        "governance review of 2022 and the Best Value inspection that followed it."
    )
    document.add_heading("4. Progress", level=1)
    document.add_paragraph(
        "4.1 One action is complete, two are on track, one is in progress and two have not "
        "started: the rural summit has been postponed until after the elections."
    )
    document.add_heading("5. Action plan", level=1)
    for heading, rows in NORTHUMBERLAND_PLAN:
        document.add_heading(heading, level=2)
        _grid(document, [("Action", "Owner", "By when", "RAG", "Status"), *rows], bold_first=True)
    _save_docx(document, path)


MAKERS: dict[str, Callable[[Path], None]] = {
    "gateshead-cabinet-2020-peer-challenge-action-plan.pdf": make_gateshead,
    "tameside-executive-cabinet-2017-peer-challenge-progress.pdf": make_tameside,
    "redcar-cleveland-cabinet-2024-finance-peer-review-action-plan.pdf": make_redcar,
    "wychavon-executive-board-2025-peer-challenge-action-plan.pdf": make_wychavon,
    "cornwall-cabinet-2022-peer-challenge-action-plan.docx": make_cornwall,
    "northumberland-cabinet-2024-peer-challenge-progress.docx": make_northumberland,
}


def main() -> None:
    for name, make in MAKERS.items():
        make(HERE / name)
        print(f"wrote {name}")


if __name__ == "__main__":
    main()

"""Make the Word paper of this second held-out set (python-docx), with fixed timestamps so a
rerun gives the same bytes: `.venv/bin/python tests/data/follow-up-heldout-2/make_files.py`.

Eastleigh: letterhead, body and date as plain paragraphs, "Report of the Chief Executive",
a cover table whose first row is merged across both columns, "(1)" decisions, and an action
table with a Ref column ("1.1") and the recommendation merged down over its actions.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXED = datetime(2024, 1, 1, tzinfo=UTC)

COVER = [
    ("Report author", "Ffion Maddock-Reyes, Corporate Improvement Manager"),
    ("Portfolio", "Cllr Keith Ambrose-Lyle, Cabinet Member for Corporate Services"),
    ("Agenda item", "7"),
]
PLAN = [
    (
        "Ref",
        "Peer challenge recommendation",
        "Action",
        "Responsible officer",
        "Target date",
        "Status",
    ),
    (
        "1.1",
        "Develop a long-term vision for the borough",
        "Consult residents on a 2040 vision",
        "Head of Policy",
        "March 2024",
        "In progress",
    ),
    (
        "1.2",
        "",
        "Adopt the 2040 vision at Council",
        "Chief Executive",
        "July 2024",
        "Not yet started",
    ),
    (
        "2.1",
        "Strengthen financial resilience",
        "Reduce reliance on commercial property income in the budget",
        "Chief Financial Officer",
        "February 2024",
        "Complete",
    ),
    (
        "3.1",
        "Improve the speed of decision making",
        "Review the scheme of delegation",
        "Monitoring Officer",
        "April 2024",
        "In progress",
    ),
    (
        "3.2",
        "",
        "Introduce a forward plan of key decisions",
        "Democratic Services Manager",
        "December 2023",
        "Complete",
    ),
    (
        "4.1",
        "Invest in digital services for residents",
        "Launch a new customer portal",
        "Head of Digital",
        "September 2024",
        "Not yet started",
    ),
]


def eastleigh() -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.created = FIXED.replace(tzinfo=None)
    document.core_properties.modified = FIXED.replace(tzinfo=None)
    for text in ("EASTLEIGH BOROUGH COUNCIL", "CABINET"):
        document.add_paragraph().add_run(text).bold = True
    document.add_paragraph("Thursday, 22 February 2024")
    document.add_heading("CORPORATE PEER CHALLENGE – ACTION PLAN", level=1)
    document.add_paragraph("Report of the Chief Executive")
    cover = document.add_table(rows=1, cols=2)
    first = cover.rows[0].cells
    first[0].merge(first[1]).text = "Key information"
    for label, value in COVER:
        cells = cover.add_row().cells
        cells[0].text, cells[1].text = label, value
    document.add_heading("Recommendation(s)", level=1)
    document.add_paragraph("(1) That the action plan at Appendix 1 be approved.")
    document.add_paragraph("(2) That progress be reported to the Audit and Resources Committee.")
    document.add_heading("Background", level=1)
    document.add_paragraph(
        "The Local Government Association carried out a corporate peer challenge at Eastleigh "
        "on 10th-12th October 2023, the council's first since 2016. Partners from Test Valley "
        "Borough Council and Winchester City Council took part, and Test Valley Borough Council "
        "hosted one of the focus groups."
    )
    document.add_heading("Appendix 1 – Action plan", level=1)
    table = document.add_table(rows=0, cols=6)
    for row in PLAN:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    for top in (1, 4):  # a recommendation spans the rows of its actions
        merged = table.rows[top].cells[1].merge(table.rows[top + 1].cells[1])
        merged.text = PLAN[top][1]
    buffer = io.BytesIO()
    document.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def main() -> None:
    (HERE / "eastleigh-cabinet-2024-peer-challenge-action-plan.docx").write_bytes(eastleigh())


if __name__ == "__main__":
    main()

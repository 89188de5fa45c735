"""Make the PDF and Word renderings of the peer challenge layout corpus.

The PDFs and .docx files in this folder are committed, so tests never need a generator; this
script is how they were made, and it makes the same bytes every time it runs (fixed dates and
zip timestamps, reportlab's invariant mode). Run it by hand after editing a source:

    .venv/bin/python tests/data/peer-challenge-layouts/make_files.py

Sources are either a Markdown report of the corpus (then the rendering carries the same facts
and gold.yaml lists it under `also_as`) or a file in `sources/` written in the same small
Markdown subset plus directives: `@title a | b | c` (title page lines), `@header`, `@footer`,
`@pagebreak`, `@columns 2` / `@columns 1` (a two-column section on pages of its own, reportlab
only) and `@space N` (N points of vertical space, to move a page break to where a test needs
it). Two PDF generators are used on purpose (fpdf2 and reportlab): their text, tables and line
breaks come out differently when read back.
"""

from __future__ import annotations

import hashlib
import io
import re
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
FIXED = datetime(2024, 1, 1, tzinfo=UTC)  # every rendering's creation date


@dataclass
class Block:
    kind: str  # heading, para, list, table, pagebreak, columns, space
    text: str = ""
    level: int = 0
    items: list[tuple[int, str, str]] = field(default_factory=list)  # (depth, label, text)
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Doc:
    title: list[str]
    header: str
    footer: str
    blocks: list[Block]


_ITEM = re.compile(r"^(?P<indent> *)(?P<label>[-•]|\d+\.|\(?[ivx]+\)|[a-z]\.)\s+(?P<text>.*)$")
_HEADING = re.compile(r"^(?P<hashes>#+)\s+(?P<text>.+)$")


def parse(text: str, header: str = "", footer: str = "") -> Doc:
    """A source (Markdown subset with directives) as a title, running texts and blocks."""
    title: list[str] = []
    lines = text.splitlines()
    for line in lines:
        if line.startswith("@title "):
            title = [part.strip() for part in line[7:].split("|")]
        elif line.startswith("@header "):
            header = line[8:].strip()
        elif line.startswith("@footer "):
            footer = line[8:].strip()
    body = [line for line in lines if not line.startswith(("@title", "@header", "@footer"))]
    if not title:  # a Markdown report: its title page is everything before "## 1. ..."
        first = next(i for i, line in enumerate(body) if re.match(r"^#+\s*\d", line))
        title = [_plain(line.lstrip("# ")) for line in body[:first] if line.strip()]
        body = body[first:]
    blocks = _blocks(body)
    top = min(b.level for b in blocks if b.kind == "heading")
    for block in blocks:
        if block.kind == "heading":
            block.level -= top - 1
    return Doc(title, header, footer, blocks)


def _blocks(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    current: Block | None = None
    for line in lines:
        stripped = line.strip()
        item = _ITEM.match(line)
        heading = _HEADING.match(line)
        if not stripped:
            current = None
        elif stripped.startswith("@"):
            word, _, arg = stripped[1:].partition(" ")
            blocks.append(Block(word, text=arg))
            current = None
        elif heading:
            blocks.append(Block("heading", heading["text"], level=len(heading["hashes"])))
            current = None
        elif stripped.startswith("|"):
            if re.match(r"^\|\s*:?-{3,}", stripped):
                continue
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            if current is None or current.kind != "table":
                current = Block("table")
                blocks.append(current)
            current.rows.append(cells)
        elif item:
            if current is None or current.kind != "list":
                current = Block("list")
                blocks.append(current)
            current.items.append((len(item["indent"]) // 2, item["label"], item["text"]))
        elif current is not None and current.kind == "list":
            depth, label, text = current.items[-1]
            current.items[-1] = (depth, label, f"{text} {stripped}")
        elif current is not None and current.kind == "para":
            current.text += " " + stripped
        else:
            current = Block("para", stripped)
            blocks.append(current)
    return blocks


def _plain(text: str) -> str:
    return text.replace("**", "").strip()


# fpdf2 ------------------------------------------------------------------------------------------


def render_fpdf(doc: Doc, path: Path) -> None:
    from fpdf import FPDF, FPDF_VERSION

    class Report(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", "I", 8)
            self.cell(0, 5, doc.header, new_x="LMARGIN", new_y="NEXT")
            self.line(self.l_margin, 16, self.w - self.r_margin, 16)
            self.ln(6)

        def footer(self) -> None:
            self.set_y(-16)
            self.set_font("Helvetica", "", 8)
            self.cell(0, 5, doc.footer, new_x="LMARGIN", new_y="NEXT")
            self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="R")

    pdf = Report(format="A4")
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_creation_date(FIXED)
    pdf.set_author("Local Government Association")
    pdf.set_producer(f"PyFPDF/fpdf{FPDF_VERSION}")
    pdf.set_auto_page_break(True, margin=22)
    pdf.add_page()
    pdf.ln(70)
    for i, line in enumerate(doc.title):
        pdf.set_font("Helvetica", "B", 24 if i < 2 else 16)
        pdf.multi_cell(0, 12, line, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    for block in doc.blocks:
        _fpdf_block(pdf, block)
    pdf.output(str(path))


def _fpdf_block(pdf: Any, block: Block) -> None:
    width = pdf.w - pdf.l_margin - pdf.r_margin
    if block.kind == "heading":
        pdf.ln(3)
        pdf.set_font("Helvetica", "B", {1: 15, 2: 12}.get(block.level, 11))
        pdf.multi_cell(0, 7, _plain(block.text), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    elif block.kind == "para":
        pdf.set_font("Helvetica", "", 10.5)
        pdf.multi_cell(0, 5.5, block.text, markdown=True, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2.5)
    elif block.kind == "list":
        pdf.set_font("Helvetica", "", 10.5)
        for depth, label, text in block.items:
            indent = 4 + 7 * depth
            pdf.set_x(pdf.l_margin + indent)
            pdf.cell(7, 5.5, "•" if label in "-•" else label)
            pdf.multi_cell(width - indent - 7, 5.5, text, markdown=True, new_x="LMARGIN")
            pdf.ln(1)
        pdf.ln(1.5)
    elif block.kind == "table":
        pdf.set_font("Helvetica", "", 9.5)
        longest = [max(len(row[i]) for row in block.rows) for i in range(len(block.rows[0]))]
        widths = [min(max(n, 6), 60) for n in longest]  # a "No." column stays narrow
        with pdf.table(col_widths=widths, text_align="LEFT", line_height=5.5, padding=1.5) as table:
            for cells in block.rows:
                row = table.row()
                for cell in cells:
                    row.cell(cell)
        pdf.ln(3)
    elif block.kind == "pagebreak":
        pdf.add_page()
    elif block.kind == "space":
        pdf.ln(float(block.text) * 25.4 / 72)
    else:
        raise ValueError(f"fpdf2 renderer: no {block.kind!r} blocks")


# reportlab --------------------------------------------------------------------------------------


def render_reportlab(doc: Doc, path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        ListFlowable,
        ListItem,
        NextPageTemplate,
        PageBreak,
        PageTemplate,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )

    class Numbered(Canvas):  # type: ignore[misc]
        """Draws the running header and "Page x of y" once the page count is known."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont("Helvetica-Oblique", 8)
                self.drawString(20 * mm, A4[1] - 12 * mm, doc.header)
                self.line(20 * mm, A4[1] - 14 * mm, A4[0] - 20 * mm, A4[1] - 14 * mm)
                self.setFont("Helvetica", 8)
                self.drawString(20 * mm, 12 * mm, doc.footer)
                text = f"Page {self._pageNumber} of {len(self._pages)}"
                self.drawRightString(A4[0] - 20 * mm, 12 * mm, text)
                super().showPage()
            super().save()

    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    margin, gap = 20 * mm, 8 * mm
    full = Frame(margin, 20 * mm, A4[0] - 2 * margin, A4[1] - 40 * mm, id="full")
    half = (A4[0] - 2 * margin - gap) / 2
    left = Frame(margin, 20 * mm, half, A4[1] - 40 * mm, id="left")
    right = Frame(margin + half + gap, 20 * mm, half, A4[1] - 40 * mm, id="right")
    template = BaseDocTemplate(str(path), pagesize=A4, invariant=1, author="LGA")
    template.addPageTemplates([PageTemplate("one", [full]), PageTemplate("two", [left, right])])
    story: list[Any] = [Spacer(1, 60 * mm)]
    for i, line in enumerate(doc.title):
        story.append(Paragraph(line, styles["Title"] if i < 2 else styles["Heading2"]))
    story.append(PageBreak())

    def inline(text: str) -> str:
        text = text.replace("&", "&amp;").replace("<", "&lt;")
        return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)

    def items(entries: list[tuple[int, str, str]], depth: int) -> Any:
        flow: list[Any] = []
        numbered = entries[0][1] not in "-•"
        while entries:
            d, label, text = entries[0]
            if d < depth:
                break
            if d > depth:
                flow.append(ListItem(items(entries, d)))
                continue
            entries.pop(0)
            flow.append(ListItem(Paragraph(inline(text), body), value=label.rstrip(".")))
        kind = "1" if numbered else "bullet"
        return ListFlowable(flow, bulletType=kind, leftIndent=14, bulletFontSize=9)

    for block in doc.blocks:
        if block.kind == "heading":
            style = styles["Heading1" if block.level == 1 else "Heading2"]
            story.append(Paragraph(inline(_plain(block.text)), style))
        elif block.kind == "para":
            story.append(Paragraph(inline(block.text), body))
        elif block.kind == "list":
            story.append(items(list(block.items), 0))
        elif block.kind == "table":
            cells = [[Paragraph(inline(c), body) for c in row] for row in block.rows]
            table = Table(cells, repeatRows=1, hAlign="LEFT")
            table.setStyle(
                TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                        ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ]
                )
            )
            story.append(table)
            story.append(Spacer(1, 4 * mm))
        elif block.kind == "pagebreak":
            story.append(PageBreak())
        elif block.kind == "columns":
            story += [NextPageTemplate("two" if block.text == "2" else "one"), PageBreak()]
        elif block.kind == "space":
            story.append(Spacer(1, float(block.text)))
    template.build(story, canvasmaker=Numbered)


# python-docx ------------------------------------------------------------------------------------


def render_docx(doc: Doc, path: Path) -> None:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    word = docx.Document()
    props = word.core_properties
    props.author = props.last_modified_by = "Local Government Association"
    props.created = props.modified = FIXED.replace(tzinfo=None)
    props.revision = 1
    section = word.sections[0]
    section.header.paragraphs[0].text = doc.header
    foot = section.footer.paragraphs[0]
    foot.text = f"{doc.footer}    Page "
    page = OxmlElement("w:fldSimple")
    page.set(qn("w:instr"), "PAGE")
    foot._p.append(page)
    for i, line in enumerate(doc.title):
        word.add_paragraph(line, style="Title" if i < 2 else "Subtitle")
    word.add_page_break()

    def runs(paragraph: Any, text: str) -> None:
        for j, part in enumerate(re.split(r"\*\*", text)):
            if part:
                paragraph.add_run(part).bold = j % 2 == 1

    for block in doc.blocks:
        if block.kind == "heading":
            word.add_heading(_plain(block.text), level=block.level)
        elif block.kind == "para":
            runs(word.add_paragraph(), block.text)
        elif block.kind == "list":
            for depth, label, text in block.items:
                base = "List Bullet" if label in "-•" else "List Number"
                runs(word.add_paragraph(style=base + (f" {depth + 1}" if depth else "")), text)
        elif block.kind == "table":
            table = word.add_table(rows=0, cols=len(block.rows[0]))
            table.style = "Table Grid"
            for r, cells in enumerate(block.rows):
                row = table.add_row().cells
                for cell, text in zip(row, cells, strict=True):
                    cell.text = text
                    if r == 0:
                        cell.paragraphs[0].runs[0].bold = True
        elif block.kind == "pagebreak":
            word.add_page_break()
        else:
            raise ValueError(f"docx renderer: no {block.kind!r} blocks")
    buffer = io.BytesIO()
    word.save(buffer)
    path.write_bytes(_fixed_zip(buffer.getvalue()))


def _fixed_zip(data: bytes) -> bytes:
    """The same zip with every member dated FIXED, so the bytes do not depend on the clock."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


# what is made from what -------------------------------------------------------------------------

OLD_LGA = "Local Government Association, Local Government House, Smith Square, London SW1P 3HZ"
LGA = "Local Government Association, 18 Smith Square, London, SW1P 3HZ – www.local.gov.uk"
Renderer = Callable[[Doc, Path], None]
JOBS: list[tuple[str, str, Renderer, str, str]] = [
    # source, output, renderer, running header and footer (a source's own @header wins)
    (
        "calderdale-cpc-2015.md",
        "calderdale-cpc-2015.fpdf.pdf",
        render_fpdf,
        "Calderdale Council – Corporate Peer Challenge – November 2015",
        OLD_LGA,
    ),
    (
        "sources/south-tyneside-cpc-2016.src",
        "south-tyneside-cpc-2016.fpdf.pdf",
        render_fpdf,
        "",
        "",
    ),
    ("sources/medway-finance-2021.src", "medway-finance-2021.fpdf.pdf", render_fpdf, "", ""),
    (
        "sutton-cpc-2019.md",
        "sutton-cpc-2019.reportlab.pdf",
        render_reportlab,
        "London Borough of Sutton – Corporate Peer Challenge Feedback Report",
        LGA,
    ),
    (
        "hull-childrens-2022.md",
        "hull-childrens-2022.reportlab.pdf",
        render_reportlab,
        "Children's Services Peer Challenge – Hull City Council",
        LGA,
    ),
    ("sources/rutland-cpc-2025.src", "rutland-cpc-2025.reportlab.pdf", render_reportlab, "", ""),
    ("sources/havant-cpc-2023.src", "havant-cpc-2023.docx", render_docx, "", ""),
    ("sources/somerset-adults-2024.src", "somerset-adults-2024.docx", render_docx, "", ""),
]


def main(names: list[str]) -> None:
    for source, output, render, header, footer in JOBS:
        if names and output not in names:
            continue
        doc = parse((HERE / source).read_text(encoding="utf-8"), header, footer)
        render(doc, HERE / output)
        digest = hashlib.sha256((HERE / output).read_bytes()).hexdigest()[:12]
        print(f"{output}  {digest}")


if __name__ == "__main__":
    main(sys.argv[1:])

"""One document written as a PDF (fpdf2) and as a Word file (python-docx), the way councils
publish the same paper: titles and headings set large or in heading styles, numbered paragraphs
with their numbers printed, bullets (and sub-bullets) as list items, tables as tables, bold
phrases in bold, and a running head or footer on every page of the PDF.

`facts` gives what a loader states without where in the file it stands (line, page, file
name), so a test can check that every rendering of a paper gives the facts of its text.
Renderings keep the text file's name (in folders of their own): a document's key is its
name, and facts such as an action's evidence name it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import fields, is_dataclass, replace
from pathlib import Path
from typing import Any

from fpdf import FPDF

Part = tuple[
    str, Any
]  # ("title" | "heading" | "para" | "item" | "subitem" | "table" | "page", ...)
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def to_pdf(parts: list[Part], path: Path, *, header: str = "", footer: str = "") -> Path:
    """A PDF of `parts`; `header` and `footer` are printed on every page ("{page}" numbered)."""

    class Paper(FPDF):
        def header(self) -> None:
            if header:
                self.set_font("Helvetica", size=9)
                for line in header.splitlines():
                    self.cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
                self.ln(4)

        def footer(self) -> None:
            if footer:
                self.set_y(-15)
                self.set_font("Helvetica", size=9)
                self.cell(0, 5, footer.format(page=self.page_no()))

    pdf = Paper()
    pdf.core_fonts_encoding = "windows-1252"  # dashes and quotes as councils type them
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    for kind, content in parts:
        if kind == "page":
            pdf.add_page()
        elif kind in {"title", "heading"}:
            pdf.set_font("Helvetica", style="B", size=15 if kind == "title" else 13)
            pdf.multi_cell(0, 7, content, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        elif kind == "table":
            pdf.set_font("Helvetica", size=10)
            with pdf.table() as table:
                for row in content:
                    cells = table.row()
                    for text in row:
                        cells.cell(text)
            pdf.ln(3)
        else:
            indent = {"para": 0, "item": 6, "subitem": 14}[kind]
            pdf.set_font("Helvetica", size=11)
            pdf.set_x(pdf.l_margin + indent)
            text = f"- {content}" if kind != "para" else content
            pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT", markdown=True)
            pdf.ln(1 if kind != "para" else 3)
    pdf.output(str(path))
    return path


def to_docx(parts: list[Part], path: Path) -> Path:
    """A Word file of `parts`: heading styles, list styles, tables and bold runs."""
    import docx

    word = docx.Document()
    for kind, content in parts:
        if kind == "page":
            continue
        if kind in {"title", "heading"}:
            word.add_heading(content, level=1 if kind == "title" else 2)
        elif kind == "table":
            table = word.add_table(rows=len(content), cols=len(content[0]))
            for row, cells in zip(table.rows, content, strict=True):
                for cell, text in zip(row.cells, cells, strict=True):
                    cell.text = text
        else:
            style = {"para": None, "item": "List Bullet", "subitem": "List Bullet 2"}[kind]
            paragraph = word.add_paragraph(style=style)
            for index, piece in enumerate(_BOLD.split(content)):
                if piece:
                    paragraph.add_run(piece).bold = index % 2 == 1
    word.save(str(path))
    return path


def render(
    parts: list[Part], folder: Path, stem: str, kind: str, *, header: str = "", footer: str = ""
) -> Path:
    """`parts` as `{folder}/{kind}/{stem}.{kind}`: a PDF with `header` and `footer` on every
    page, or a Word file that opens with `header`'s lines (a Word paper has no running head;
    its cover lines are paragraphs) and has no footer."""
    (folder / kind).mkdir()
    path = folder / kind / f"{stem}.{kind}"
    if kind == "pdf":
        return to_pdf(parts, path, header=header, footer=footer)
    return to_docx([("para", line) for line in header.splitlines()] + parts, path)


def facts(records: Iterable[Any]) -> list[str]:
    """The records as text, without the place in the file (line, page), the file's name, key
    and digest: what a paper states, whatever it was written as."""
    out = []
    for record in records:
        if type(record).__name__ == "DocumentRecord":
            where = re.sub(
                r"(?:page \d+, )?(?:line|paragraph) \d+", "#", record.provenance.location
            )
            record = replace(
                record,
                path="",
                sha256="",
                pages=None,
                provenance=replace(record.provenance, location=where),
            )
        out.append(_text(record))
    return sorted(out)


def _text(value: Any) -> str:
    if is_dataclass(value) and not isinstance(value, type):
        if type(value).__name__ == "Provenance":
            return f"at {value.location!r}"
        inner = ", ".join(f"{f.name}={_text(getattr(value, f.name))}" for f in fields(value))
        return f"{type(value).__name__}({inner})"
    if isinstance(value, tuple):
        return "(" + ", ".join(_text(v) for v in value) + ")"
    return repr(value)

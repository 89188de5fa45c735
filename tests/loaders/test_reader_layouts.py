"""The document reader: every file kind gives the same structure -- headings, paragraphs,
nested lists, tables -- with page furniture, hyphenation and page breaks dealt with."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from loaders.document import Document, Heading, ListBlock, Paragraph, Table
from loaders.reader import read_document


def _read(tmp_path: Path, name: str, text: str) -> Document:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_document(path)


def _kinds(document: Document) -> list[str]:
    return [type(block).__name__[0] for block in document.blocks]


def test_numbered_sections_lists_and_groups(tmp_path: Path) -> None:
    doc = _read(
        tmp_path,
        "a.txt",
        "1. Key recommendations\n\nThe peer team recommends:\n\n1. Agree a plan\n2. Resource it\n"
        "\n2. Detailed recommendations\n\nFinance:\n\n3. Close the gap\n4. Build reserves\n",
    )
    headings = [(b.number, b.text, b.level) for b in doc.blocks if isinstance(b, Heading)]
    assert headings == [
        ("1", "Key recommendations", 1),
        ("2", "Detailed recommendations", 1),
        (None, "Finance", 2),
    ]
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [[i.marker for i in b.items] for b in lists] == [["1", "2"], ["3", "4"]]
    assert (
        doc.section_label(doc.blocks.index(lists[1]))
        == "section 2 'Detailed recommendations', 'Finance'"
    )


def test_nested_lists_by_indent_and_by_marker(tmp_path: Path) -> None:
    doc = _read(
        tmp_path,
        "b.md",
        "# Team\n\n- The lead peers were:\n  - Ann Lee, Leader, Wigan Council\n"
        "  - Bob Ray, Chief Executive, Kent County Council\n- The wider team included:\n"
        "  - Cat Poe, Director, Leeds City Council\n\n1. Improve scrutiny:\n"
        "   a) train members\n   b) publish a work plan\n2. Set a budget\n",
    )
    first, second = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [len(item.children) for item in first.items] == [2, 1]
    assert first.items[0].children[1].text == "Bob Ray, Chief Executive, Kent County Council"
    assert [(i.marker, [c.marker for c in i.children]) for i in second.items] == [
        ("1", ["a", "b"]),
        ("2", []),
    ]


def test_wrapped_items_join_and_hyphenation_is_undone(tmp_path: Path) -> None:
    doc = _read(
        tmp_path,
        "c.txt",
        "Key recommendations\n\n• Agree a medium term financial strategy that closes the gap and\n"
        "  sets out the improve-\n  ment plan\n• Review capacity\n",
    )
    [block] = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [i.text for i in block.items] == [
        "Agree a medium term financial strategy that closes the gap and sets out the improvement plan",
        "Review capacity",
    ]


def test_page_furniture_goes_and_a_list_goes_on_over_the_break(tmp_path: Path) -> None:
    page = "Corporate Peer Challenge – Barnsley Council\n"
    text = (
        f"{page}\n1. Key recommendations\n\n1. Agree a strategy that closes\nthe gap\n"
        f"2. Build reserves\n\nPage 1 of 2\n\f{page}\n3. Review the capital programme\n\n"
        "2. Next steps\n\nWe will follow up.\n\nPage 2 of 2\n"
    )
    doc = _read(tmp_path, "d.txt", text)
    assert doc.pages == 2
    [block] = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [i.marker for i in block.items] == ["1", "2", "3"]
    assert block.items[2].place.page == 2
    assert not any("Page" in b.text for b in doc.blocks if isinstance(b, Paragraph | Heading))


@pytest.mark.parametrize(
    ("text", "header", "first"),
    [
        (
            "| Name | Role |\n| --- | --- |\n| Ann Lee | Lead Peer |\n| Bob Ray | Peer |\n",
            ("Name", "Role"),
            ("Ann Lee", "Lead Peer"),
        ),
        (
            "Name\tRole\nAnn Lee\tLead Peer\nBob Ray\tPeer\n",
            ("Name", "Role"),
            ("Ann Lee", "Lead Peer"),
        ),
        (
            "Role          Name        Council\n"
            "Lead Peer     Ann Lee     Wigan Council\n"
            "Peer          Bob Ray     Kent County\n"
            "                          Council\n"
            "Peer          Cat Poe     Leeds City Council\n",
            ("Role", "Name", "Council"),
            ("Lead Peer", "Ann Lee", "Wigan Council"),
        ),
    ],
    ids=["pipe", "tab", "aligned"],
)
def test_tables_in_text(
    tmp_path: Path, text: str, header: tuple[str, ...], first: tuple[str, ...]
) -> None:
    doc = _read(tmp_path, "e.md", "The team\n\n" + text)
    [table] = [b for b in doc.blocks if isinstance(b, Table)]
    assert table.header == header
    assert table.rows[0] == first
    if len(header) == 3:
        assert table.rows[1][2] == "Kent County Council"  # a wrapped cell joined


def _two_column_pdf(path: Path) -> None:
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    for page in (1, 2):
        pdf.add_page()
        pdf.set_font("Helvetica", size=8)
        pdf.set_xy(10, 8)
        pdf.cell(0, 5, "Corporate Peer Challenge - Wigan Council")
        pdf.set_xy(10, 285)
        pdf.cell(0, 5, f"Page {page}")
        pdf.set_font("Helvetica", "B", 16)
        pdf.set_xy(10, 20)
        pdf.cell(0, 10, f"{page}. Section {page}")
        pdf.set_font("Helvetica", size=10)
        for column, x in enumerate((10, 110)):
            pdf.set_xy(x, 40)
            words = " ".join(f"column{column + 1}word{n}" for n in range(60))
            which = ("left", "right")[column]
            pdf.multi_cell(
                85, 5, f"The {which} column of the {('first', 'second')[page - 1]} page. {words}."
            )
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.set_xy(10, 20)
    with pdf.table(col_widths=(60, 60, 60)) as table:
        for row in (("Name", "Role", "Council"), ("Ann Lee", "Lead Peer", "Wigan Council")):
            cells = table.row()
            for cell in row:
                cells.cell(cell)
    pdf.output(str(path))


def test_pdf_two_columns_running_lines_headings_and_ruled_table(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    _two_column_pdf(path)
    doc = read_document(path)
    assert doc.pages == 3
    headings = [b for b in doc.blocks if isinstance(b, Heading)]
    assert [(h.number, h.text) for h in headings][:2] == [("1", "Section 1"), ("2", "Section 2")]
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    first_page = [t for t in texts if "first page" in t]
    assert [t.split(" column ")[0] for t in first_page] == ["The left", "The right"]
    assert "column1word59" in first_page[0] and "column2word0" not in first_page[0]
    assert not any("Wigan Council" in t and "Corporate" in t for t in texts)  # running header
    [table] = [b for b in doc.blocks if isinstance(b, Table)]
    assert table.header == ("Name", "Role", "Council")
    assert table.rows == (("Ann Lee", "Lead Peer", "Wigan Council"),)


def test_word_documents_read_by_style(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    word = docx.Document()
    word.add_heading("Key recommendations", level=1)
    word.add_paragraph("Agree a plan", style="List Number")
    word.add_paragraph("Resource it", style="List Number")
    word.add_heading("The peer team", level=1)
    table = word.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, (("Name", "Role"), ("Ann Lee", "Lead Peer")), strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    path = tmp_path / "report.docx"
    word.save(str(path))
    doc = read_document(path)
    assert _kinds(doc) == ["H", "L", "H", "T"]
    listed = doc.blocks[1]
    assert isinstance(listed, ListBlock)
    assert [(i.marker, i.text) for i in listed.items] == [
        ("1", "Agree a plan"),
        ("2", "Resource it"),
    ]
    table_block = doc.blocks[3]
    assert isinstance(table_block, Table) and table_block.rows == (("Ann Lee", "Lead Peer"),)
    assert str(doc.blocks[2].place) == "paragraph 4"

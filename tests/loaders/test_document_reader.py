"""Regression tests for the document reader (loaders.layout, layout_tables, read_pdf), each
named after what broke while reading council papers that answer a peer challenge (issue 21)."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from loaders.document import Block, Heading, ListBlock, Paragraph, Table
from loaders.layout import read_lines
from loaders.read_text import text_lines
from loaders.reader import read_document


def _blocks(text: str, *, markdown: bool = False) -> list[Block]:
    lines, _ = text_lines(text, markdown=markdown)
    return read_lines(lines)


def test_a_tab_indented_line_continues_the_cell_above_in_its_own_column() -> None:
    blocks = _blocks(
        "REPORT SUMMARY:\tThe report sets out progress against each of\n"
        "\tthe six recommendations.\n"
        "LEAD OFFICER:\tHelena Marchetti, Assistant Director\n"
    )
    (table,) = blocks
    assert isinstance(table, Table)
    assert table.rows == (
        ("REPORT SUMMARY:", "The report sets out progress against each of"),
        ("", "the six recommendations."),
        ("LEAD OFFICER:", "Helena Marchetti, Assistant Director"),
    )


def test_a_table_indented_by_a_tab_keeps_its_columns() -> None:
    (table,) = _blocks("\tName\tRole\n\tJane Smith\tLead Peer\n\tJo Bloggs\tPeer\n")
    assert isinstance(table, Table)
    assert table.header == ("Name", "Role")
    assert table.rows == (("Jane Smith", "Lead Peer"), ("Jo Bloggs", "Peer"))


def test_a_list_item_goes_on_after_a_full_line_that_ends_a_sentence() -> None:
    text = (
        "Some introduction to the list of paragraphs below, long enough to set the text width.\n"
        "\n"
        "3.7 Joint scrutiny arrangements with the governing body have been agreed and the\n"
        "first joint session held. Lead: Assistant Director (People and Workforce Development).\n"
        "Status: On track.\n"
        "\n"
        "3.8 A short item.\n"
    )
    items = [item for b in _blocks(text) if isinstance(b, ListBlock) for _, item in b.walk()]
    assert [i.marker for i in items] == ["3.7", "3.8"]
    assert items[0].text.endswith("(People and Workforce Development). Status: On track.")


def test_a_numbered_line_that_wraps_into_the_next_is_a_paragraph_not_a_heading() -> None:
    text = (
        "PURPOSE OF REPORT\n"
        "\n"
        "1.1 To present the feedback report of the Local Government Association (LGA) Corporate\n"
        "Peer Challenge and to seek approval of the action plan prepared in response.\n"
        "\n"
        "2. Background\n"
        "The council asked the peers to look at its finances.\n"
    )
    blocks = _blocks(text)
    headings = [b.text for b in blocks if isinstance(b, Heading)]
    assert "PURPOSE OF REPORT" in headings and "Background" in headings
    assert not any(h.startswith("To present") for h in headings)
    (item,) = [i for b in blocks if isinstance(b, ListBlock) for _, i in b.walk()]
    assert item.marker == "1.1" and item.text.endswith("prepared in response.")


def test_a_date_set_as_a_heading_keeps_its_day() -> None:
    blocks = _blocks("# Cabinet\n\n## 21 January 2020\n\nText.\n", markdown=True)
    date_heading = next(b for b in blocks if isinstance(b, Heading) and "January" in b.text)
    assert (date_heading.number, date_heading.text) == (None, "21 January 2020")


def test_action_lines_are_items_of_their_own_kind() -> None:
    text = (
        "Response to the scope questions:\n"
        "\n"
        "1. To explore how the Council addressed the directions\n"
        "[action 1] Property – 'There is now the need to develop the strategy' (p10)\n"
        "[action 2] 'there is scope to streamline the process' (p10)\n"
        "2. To review the priorities\n"
        "Action 3: 'aspirations need to be implemented' (p11)\n"
        "\n"
        "Recommendation 4: Strengthen scrutiny\n"
    )
    items = [item for b in _blocks(text) if isinstance(b, ListBlock) for _, item in b.walk()]
    kinds = [(item.kind, item.marker) for item in items]
    assert ("action", "1") in kinds and ("action", "2") in kinds and ("action", "3") in kinds
    assert ("label", "4") in kinds
    first = next(i for i in items if i.kind == "action")
    assert first.text.startswith("Property – 'There is now")  # not joined to the question
    assert not any(i.labelled for i in items if i.kind == "action")  # not recommendations


def _pdf(path: Path, pages: list[list[tuple[str, object]]]) -> Path:
    """A PDF whose pages hold lines ("line", text) and ruled tables ("table", rows), with a
    running header and page numbers, as council papers are printed."""

    class Paper(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", size=8)
            self.cell(0, 5, "Gateshead Council - Cabinet - 21 January 2020")
            self.ln(8)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", size=8)
            self.cell(0, 5, f"Page {self.page_no()}")

    pdf = Paper()
    for page in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", size=10)
        for kind, content in page:
            if kind == "line":
                pdf.cell(0, 6, str(content), new_x="LMARGIN", new_y="NEXT")
            else:
                with pdf.table(col_widths=(60, 70, 40)) as table:
                    for row in content:  # type: ignore[attr-defined]
                        cells = table.row()
                        for text in row:
                            cells.cell(text)
    pdf.output(str(path))
    return path


def test_a_pdf_table_cell_wrapped_over_lines_is_one_text(tmp_path: Path) -> None:
    rows = [
        ("Recommendation", "Actions", "Responsible officer"),
        (
            "1. Develop a clear and shared narrative for the borough with partners",
            "Agree a Thrive partnership statement with the Health and Care System Board",
            "Service Director, Policy, Economy and Communities",
        ),
    ]
    path = _pdf(tmp_path / "wrapped.pdf", [[("line", "Action plan"), ("table", rows)]])
    table = next(b for b in read_document(path).blocks if isinstance(b, Table))
    assert table.rows[0] == rows[1]
    assert not any("\n" in cell for cell in table.rows[0])


def test_a_title_over_a_table_after_a_page_break_starts_a_block(tmp_path: Path) -> None:
    rows = [("Recommendation", "Actions", "RAG"), ("1. Do X", "Agree Y", "Green")]
    pages = [
        [("line", "CONTACT: Priyanka Dunmore, Corporate Policy Manager extension 2143")],
        [("line", "APPENDIX 1 - Corporate Peer Challenge Action Plan"), ("table", rows)],
    ]
    blocks = read_document(_pdf(tmp_path / "break.pdf", pages)).blocks
    texts = [b.text for b in blocks if isinstance(b, Paragraph | Heading)]
    assert texts[0] == "CONTACT: Priyanka Dunmore, Corporate Policy Manager extension 2143"
    assert "APPENDIX 1 - Corporate Peer Challenge Action Plan" in texts


def test_a_wrapped_line_indented_under_its_bullet_is_not_a_heading() -> None:
    text = (
        "R2. Strengthen the medium term financial strategy\n"
        "    * Extend the financial plan to 2023/24 with savings identified for each year [Owner:\n"
        "      Chief Finance Officer; Deadline: February 2020; Status: In progress]\n"
        "\n"
        "R3. Next\n"
    )
    blocks = _blocks(text)
    assert not any(isinstance(b, Heading) and b.text.startswith("Chief") for b in blocks)
    (item,) = [i for b in blocks if isinstance(b, ListBlock) for _, i in b.walk()]
    assert item.text.endswith(
        "[Owner: Chief Finance Officer; Deadline: February 2020; Status: In progress]"
    )


def test_actions_numbered_under_their_recommendation_keep_the_whole_number() -> None:
    text = (
        "Recommendation 2: Plan for the medium term\n"
        "Action 2.1 - Publish a four-year financial strategy. Lead: Director of Finance.\n"
        "Action 2.2 - Agree a savings programme. Lead: Director of Finance.\n"
    )
    items = [item for b in _blocks(text) if isinstance(b, ListBlock) for _, item in b.walk()]
    assert [(i.kind, i.marker) for i in items] == [
        ("label", "2"),
        ("action", "2.1"),
        ("action", "2.2"),
    ]
    assert items[1].text.startswith("Publish a four-year")


def test_weekday_names_inside_a_range_of_days() -> None:
    from datetime import date

    from loaders.dates import parse_period

    assert parse_period(
        "The peer challenge took place from Tuesday 7 to Friday 10 March 2023."
    ) == (
        date(2023, 3, 7),
        date(2023, 3, 10),
    )
    assert parse_period("on Monday, 9 December 2019 at 6pm") == (
        date(2019, 12, 9),
        date(2019, 12, 9),
    )

"""Regression tests for the document reader (loaders.layout, layout_tables, read_pdf), each
named after what broke while reading council papers that answer a peer challenge (issue 21)."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF
from renderings import to_docx, to_pdf

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


# ---- committee papers (London Councils and LGA papers, issue 15)


def test_a_txt_file_with_markdown_headings_is_read_as_markdown(tmp_path: Path) -> None:
    path = tmp_path / "lga-paper.txt"
    path.write_text(
        "## **Sector-led Improvement**\n\n### **Purpose of report**\n\nFor discussion.\n\n"
        "### **Improvement Journey of Thurrock Council**\n\n13. Thurrock had a challenge.\n"
    )
    headings = [b.text for b in read_document(path).blocks if isinstance(b, Heading)]
    assert headings == [
        "Sector-led Improvement",
        "Purpose of report",
        "Improvement Journey of Thurrock Council",
    ]


def test_a_bullet_numbered_as_a_sub_paragraph_keeps_its_number() -> None:
    text = "9. Key features of the offer are:\n  - 9.1. Councils are entitled to one.\n  - 9.2. It is flexible.\n"
    (block,) = _blocks(text)
    assert isinstance(block, ListBlock)
    (para,) = block.items
    assert [(c.kind, c.marker, c.text) for c in para.children] == [
        ("dotted", "9.1", "Councils are entitled to one."),
        ("dotted", "9.2", "It is flexible."),
    ]


def test_bullets_parted_by_a_blank_line_stay_one_list() -> None:
    text = (
        "- 3.7. The key recommendations of the report were:\n"
        " - Be forward looking\n - Reform the services\n\n"
        "- Maximise the potential of all Members\n- Break down silos\n"
    )
    (block,) = _blocks(text)
    assert isinstance(block, ListBlock)
    assert [i.text for _, i in block.walk()][-2:] == [
        "Maximise the potential of all Members",
        "Break down silos",
    ]


def test_a_committee_footer_and_an_item_head_inside_a_sentence_are_furniture(
    tmp_path: Path,
) -> None:
    path = tmp_path / "paper.txt"
    path.write_text(
        "Introduction\n\n"
        "1. In May 2018, the Parking Appeals Review reported to the Committee.\n"
        "2. The review was overseen by the Enforcement Steering\n\n"
        "Transport and Environment Committee – 11 October 2018 Agenda Item 5, Page 2\n\n"
        "Group, chaired by Ms Dana Whitfield.\n\n"
        "3. It was developed with the Association of Directors of\n\n**Item 3**\n\n"
        "Children's Services.\n"
    )
    document = read_document(path)
    items = [i.text for b in document.blocks if isinstance(b, ListBlock) for _, i in b.walk()]
    assert items[1:] == [
        "The review was overseen by the Enforcement Steering Group, chaired by Ms Dana Whitfield.",
        "It was developed with the Association of Directors of Children's Services.",
    ]
    assert [p.text for p in document.furniture] == [
        "Transport and Environment Committee – 11 October 2018 Agenda Item 5, Page 2",
        "Item 3",
    ]


def test_a_numbered_paragraph_goes_on_in_lower_case_after_a_blank_line() -> None:
    text = (
        "8. It was agreed that a practical way forward should be found that would aim\n\n"
        "to work with the grain of what has been effective.\n\n"
        "9. Next.\n"
    )
    items = [i.text for b in _blocks(text) if isinstance(b, ListBlock) for _, i in b.walk()]
    assert items == [
        "It was agreed that a practical way forward should be found that would aim to work "
        "with the grain of what has been effective.",
        "Next.",
    ]


def test_a_short_title_straight_above_a_numbered_paragraph_is_a_heading() -> None:
    text = (
        "3. To date in 2018/19 we have delivered 95 corporate peer challenges with a further 30.\n"
        "4. LG Inform now has over 5,000 registered users.\n"
        "Kirkwell Borough Council's improvement journey\n"
        "5. Kirkwell has a population of 98,500. The Leader is Cllr Sandra Oyelaran, since 2015.\n"
    )
    blocks = _blocks(text)
    assert [b.text for b in blocks if isinstance(b, Heading)] == [
        "Kirkwell Borough Council's improvement journey"
    ]


def test_phrases_set_in_bold_are_kept_from_every_kind_of_file(tmp_path: Path) -> None:
    text = "Technology investment: We have invested in a **data platform** to ingest data."
    parts = [("title", "Islington Council"), ("para", text)]
    (tmp_path / "plan.txt").write_text(f"Islington Council\n\n{text}\n")
    paths = [
        tmp_path / "plan.txt",
        to_pdf(parts, tmp_path / "plan.pdf"),
        to_docx(parts, tmp_path / "plan.docx"),
    ]
    for path in paths:
        (paragraph,) = [b for b in read_document(path).blocks if isinstance(b, Paragraph)]
        assert paragraph.text == text.replace("**", ""), path.suffix
        assert paragraph.emphasis == ("data platform",), path.suffix

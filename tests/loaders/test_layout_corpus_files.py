"""The layout corpus (tests/data/peer-challenge-layouts) is what its gold file says it is.

These tests check the data, not a loader: every document the gold file names exists and every
document is named; every GSS code is in the register; the people said to recur do recur; each
peer's name and each key recommendation is in the document's own text; the PDF renderings carry
a running header and "Page N of M" on every page and come from both generators; the Word files
use Word's own heading, list and table structures. They catch a gold value or a document edited
without the other.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]
HERE = ROOT / "tests" / "data" / "peer-challenge-layouts"
GOLD: dict[str, Any] = yaml.safe_load((HERE / "gold.yaml").read_text(encoding="utf-8"))
REPORTS: list[dict[str, Any]] = GOLD["reports"]
DOCUMENT_SUFFIXES = {".txt", ".md", ".pdf", ".docx"}
TYPES = {
    "corporate-peer-challenge",
    "progress-review",
    "follow-up-visit",
    "finance-peer-review",
    "planning-peer-challenge",
    "childrens-services-peer-challenge",
    "adults-services-peer-challenge",
}


def _register() -> set[str]:
    # The repository's own register (tests may read the repo, never /work/shared).
    with (ROOT / "corpus" / "registers" / "local-authorities.csv").open(encoding="utf-8") as f:
        return {row["gss"] for row in csv.DictReader(f)}


def _files(report: dict[str, Any]) -> list[str]:
    return [report["file"], *report.get("also_as", [])]


def _year(value: object) -> int:
    return int(str(value)[:4])


def test_every_named_document_exists_and_every_document_is_named() -> None:
    named = [name for report in REPORTS for name in _files(report)]
    assert len(named) == len(set(named))
    on_disk = {p.name for p in HERE.iterdir() if p.suffix in DOCUMENT_SUFFIXES}
    assert set(named) == on_disk - {"README.md"}


def test_the_corpus_spans_the_eras_and_kinds_the_issue_asks_for() -> None:
    assert len(REPORTS) >= 18
    assert {r["challenge"]["type"] for r in REPORTS} == TYPES
    years = [_year(r["challenge"]["start"]) for r in REPORTS]
    assert all(2012 <= y <= 2025 for y in years)
    for low, high in ((2012, 2016), (2017, 2021), (2022, 2025)):
        assert sum(low <= y <= high for y in years) >= 4
    suffixes = {Path(name).suffix for r in REPORTS for name in _files(r)}
    assert suffixes == DOCUMENT_SUFFIXES


def test_every_gss_code_is_in_the_register() -> None:
    register = _register()
    for report in REPORTS:
        challenge = report["challenge"]
        assert challenge["gss"] in register, report["file"]
        if challenge["follow_up_of"]:
            assert challenge["follow_up_of"]["gss"] == challenge["gss"], report["file"]
            assert str(challenge["follow_up_of"]["start"]) < str(challenge["start"])
        for peer in report["peers"]:
            for post in peer["posts"]:
                assert post["gss"] is None or post["gss"] in register, (report["file"], peer)


def test_people_across_documents_are_the_peers_who_recur() -> None:
    seen: dict[str, list[str]] = defaultdict(list)
    advisers: dict[str, list[str]] = defaultdict(list)
    for report in REPORTS:
        for peer in report["peers"]:
            seen[peer["name"]].append(report["file"])
        if report["principal_adviser"]:
            advisers[report["principal_adviser"]].append(report["file"])
    assert {p["name"]: p["files"] for p in GOLD["people_across"]} == {
        name: files for name, files in seen.items() if len(files) > 1
    }
    assert {p["name"]: p["files"] for p in GOLD["advisers_across"]} == {
        name: files for name, files in advisers.items() if len(files) > 1
    }


_RUNNING = re.compile(r"^(?:Page \d+ of \d+|.*Smith Square.*|www\.local\.gov\.uk.*)$")
# a list label or "Recommendation N:" at the start of a line
_LABEL = re.compile(r"^\s*(?:(?:\d+[.)]|\([ivx]+\)|[a-z]\.|[•*-])\s+)?(?:Recommendation \d+:\s*)?")


def _flat(text: str, *, unlabel: bool = False) -> str:
    """Text with running lines dropped, line-end hyphens undone and whitespace collapsed."""
    lines = [line for line in text.replace("\f", "\n").splitlines() if not _RUNNING.match(line)]
    if unlabel:
        lines = [_LABEL.sub("", line.replace("**", "")) for line in lines]
    joined = re.sub(r"(?<=[a-z])-\n\s*(?=[a-z])", "", "\n".join(lines))
    return " ".join(joined.split())


@pytest.mark.parametrize(
    "report", [r for r in REPORTS if r["file"].endswith((".txt", ".md"))], ids=lambda r: r["file"]
)
def test_gold_peers_and_key_recommendations_are_in_the_text(report: dict[str, Any]) -> None:
    raw = (HERE / report["file"]).read_text(encoding="utf-8")
    header = raw.split("\f")[1].splitlines()[0] if "\f" in raw else None
    if header:
        raw = "\n".join(line for line in raw.splitlines() if line.strip("\f") != header)
    flat = _flat(raw)
    unlabelled = _flat(raw, unlabel=True)
    for peer in report["peers"]:
        assert peer["name"] in flat, peer["name"]
    for text in report["key_recommendations"]:
        assert " ".join(text.split()) in unlabelled, text


def _pdf_pages(name: str) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(HERE / name).pages]


@pytest.mark.parametrize("name", sorted(p.name for p in HERE.glob("*.pdf")), ids=lambda name: name)
def test_every_pdf_page_has_the_running_header_and_its_number(name: str) -> None:
    pages = _pdf_pages(name)
    assert len(pages) >= 3
    lines = [{line.strip() for line in page.splitlines()} for page in pages]
    running = set.intersection(*lines)
    # the running header is on every page (the title page too), besides the footer
    assert any("Smith Square" not in line and "Page" not in line for line in running), running
    for number, page in enumerate(pages, 1):
        assert f"Page {number} of {len(pages)}" in page
        assert "Smith Square" in page
    report = next(r for r in REPORTS if name in _files(r))
    text = " ".join(" ".join(pages).split())
    for peer in report["peers"]:
        assert peer["name"] in text, peer["name"]


def test_pdfs_come_from_two_generators() -> None:
    pdfs = sorted(HERE.glob("*.pdf"))
    producers = []
    for pdf in pdfs:
        metadata = PdfReader(pdf).metadata
        producers.append(str(metadata.get("/Producer", "")) if metadata else "")
    assert len(pdfs) >= 5
    assert any("fpdf" in p for p in producers) and any("ReportLab" in p for p in producers)


@pytest.mark.parametrize("name", sorted(p.name for p in HERE.glob("*.docx")), ids=str)
def test_word_files_use_word_structures(name: str) -> None:
    document = docx.Document(str(HERE / name))
    styles = {p.style.name for p in document.paragraphs if p.style is not None}
    assert {"Heading 1", "Heading 2"} <= styles
    assert any(s.startswith("List ") for s in styles)
    [table] = document.tables
    cells = " ".join(cell.text for row in table.rows for cell in row.cells)
    report = next(r for r in REPORTS if name in _files(r))
    for peer in report["peers"]:
        assert peer["name"] in cells, peer["name"]

"""The follow-up papers corpus and its gold file agree with each other and with the register.

`tests/data/follow-up-papers/gold.yaml` gives, by hand, the facts of council papers that
answer a peer challenge (issue 21). These tests check the gold file itself, not a loader:
every paper it names exists and every paper is named; the councils are in the register under
the name given; dates, statuses and due dates have the agreed forms; and every text the gold
file quotes is printed in its paper (where a table is cut into lines, as in a PDF or aligned
columns, its words in order with other cells' words between). So a typo in the gold file, or a paper edited without its gold
entry, fails here rather than as a loader's lost recall.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document
from pypdf import PdfReader

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data" / "follow-up-papers"
REGISTER = REPO / "corpus" / "registers" / "local-authorities.csv"
PAPER_SUFFIXES = {".txt", ".md", ".pdf", ".docx"}
STATUSES = {
    "complete",
    "on track",
    "not started",
    "in progress",
    "delayed",
    "red",
    "amber",
    "green",
}
RAG = {"red", "amber", "green"}
TYPES = {
    "corporate-peer-challenge",
    "finance-peer-review",
    "planning-peer-challenge",
    "childrens-services-peer-challenge",
    "adults-services-peer-challenge",
}
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
KEYS = {
    "file",
    "also_as",
    "layout",
    "council",
    "meeting",
    "title",
    "author",
    "lead_officer",
    "portfolio_holder",
    "decision_sought",
    "challenge",
    "actions",
}


def _gold() -> list[dict[str, Any]]:
    with (DATA / "gold.yaml").open(encoding="utf-8") as handle:
        entries = yaml.safe_load(handle)
    assert isinstance(entries, list)
    return entries


GOLD = _gold()


def _register() -> dict[str, str]:
    with REGISTER.open(encoding="utf-8", newline="") as handle:
        return {row["gss"]: row["name"] for row in csv.DictReader(handle)}


def _flat(text: str) -> str:
    """One line, single spaces, no Markdown bold or pipes' padding, straight quotes."""
    text = text.replace("**", "").replace("\u2019", "'").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip()


@cache
def _text(name: str) -> str:
    """The paper's text as a reader would get it, flattened to one line."""
    path = DATA / name
    if path.suffix == ".pdf":
        return _flat(" ".join(page.extract_text() for page in PdfReader(path).pages))
    if path.suffix == ".docx":
        document = Document(str(path))
        parts = [p.text for p in document.paragraphs]
        for table in document.tables:
            parts += [cell.text for row in table.rows for cell in row.cells]
        return _flat("\n".join(parts))
    return _flat(path.read_text(encoding="utf-8"))


def _quoted(entry: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Every text the entry quotes from its paper, with where it sits in the entry."""
    for key in ("title", "decision_sought"):
        yield key, entry[key]
    for key in ("author", "lead_officer", "portfolio_holder"):
        for part in ("name", "post", "honorific"):
            if entry[key] and entry[key].get(part):
                yield f"{key}.{part}", entry[key][part]
    yield "meeting.body", entry["meeting"]["body"]
    for i, action in enumerate(entry["actions"]):
        yield f"actions[{i}].text", action["text"]
        if action["lead"]:
            yield f"actions[{i}].lead", action["lead"]


def _when(value: object, field: str) -> date | str | None:
    """A gold date: a day (YAML reads it as a date), "YYYY-MM", or null."""
    if value is None or isinstance(value, date):
        return value
    assert isinstance(value, str) and MONTH.match(value), f"{field}: {value!r} is no date"
    return value


def _month(value: date | str) -> str:
    return value.isoformat()[:7] if isinstance(value, date) else value


def test_every_paper_has_one_gold_entry_and_every_entry_its_files() -> None:
    named = [entry["file"] for entry in GOLD] + [f for e in GOLD for f in e["also_as"]]
    assert len(named) == len(set(named))
    papers = sorted(
        p.name for p in DATA.iterdir() if p.suffix in PAPER_SUFFIXES and p.name != "README.md"
    )
    assert sorted(named) == papers


def test_corpus_breadth_asked_for_by_issue_21() -> None:
    councils = {entry["council"]["gss"] for entry in GOLD}
    years = {entry["meeting"]["date"].year for entry in GOLD}
    suffixes = [Path(f).suffix for e in GOLD for f in [e["file"], *e["also_as"]]]
    assert len(GOLD) >= 12 and len(councils) == len(GOLD)
    assert min(years) >= 2016 and max(years) <= 2025
    assert len({entry["layout"] for entry in GOLD}) == len(GOLD)
    assert suffixes.count(".pdf") >= 3 and suffixes.count(".docx") >= 2
    assert {".txt", ".md"} <= set(suffixes)


@pytest.mark.parametrize("entry", GOLD, ids=lambda e: e["file"])
def test_gold_entry_has_the_agreed_form(entry: dict[str, Any]) -> None:
    assert set(entry) == KEYS
    register = _register()
    council, challenge, meeting = entry["council"], entry["challenge"], entry["meeting"]
    assert register.get(council["gss"]) == council["name"]
    assert challenge["gss"] in register and challenge["type"] in TYPES
    assert isinstance(meeting["date"], date)
    assert meeting["item"] is None or isinstance(meeting["item"], str)
    start = _when(challenge["start"], "challenge.start")
    end = _when(challenge["end"], "challenge.end")
    assert start is not None
    if end is not None:
        assert _month(start) <= _month(end)
        if isinstance(start, date) and isinstance(end, date):
            assert start <= end
    assert _month(end or start) <= _month(meeting["date"])  # a paper answers a past challenge
    ph = entry["portfolio_holder"]
    assert ph is None or ph["honorific"] in {"Cllr", "Councillor", "Mayor"}
    assert entry["actions"], "every paper has an action plan"
    statuses = {action["status"] for action in entry["actions"]}
    assert statuses <= STATUSES
    assert statuses <= RAG or not statuses & RAG, "RAG only where the paper has no status"
    numbers = [action["recommendation"] for action in entry["actions"]]
    assert all(isinstance(n, str) and n for n in numbers)
    for i, action in enumerate(entry["actions"]):
        _when(action["due"], f"actions[{i}].due")


def _words(text: str) -> list[str]:
    return [w.strip(",.;:") for w in text.split() if w.strip(",.;:")]


def _printed(quoted: str, text: str, window: int = 80) -> bool:
    """The quote is in the text as it stands, or its words are, in order, within a window of
    words: a table cut into lines (aligned columns, PDF cells) puts other cells' words between."""
    if _flat(quoted) in text:
        return True
    want, words = _words(_flat(quoted)), _words(text)
    for start in (i for i, w in enumerate(words) if w == want[0]):
        found, limit = 0, start + len(want) + window
        for word in words[start:limit]:
            if word == want[found]:
                found += 1
                if found == len(want):
                    return True
    return False


@pytest.mark.parametrize("entry", GOLD, ids=lambda e: e["file"])
def test_gold_quotes_what_the_paper_prints(entry: dict[str, Any]) -> None:
    for name in [entry["file"], *entry["also_as"]]:
        text = _text(name)
        for where, quoted in _quoted(entry):
            assert _printed(quoted, text), f"{name} {where}: {quoted!r} not printed"


@pytest.mark.parametrize("entry", GOLD, ids=lambda e: e["file"])
def test_gold_dates_are_printed(entry: dict[str, Any]) -> None:
    """The meeting's day and the challenge's year are in the paper as people write them."""
    day: date = entry["meeting"]["date"]
    written = f"{day.day} {day:%B %Y}"
    for name in [entry["file"], *entry["also_as"]]:
        text = _text(name)
        assert written.lower() in text.lower(), f"{name}: meeting date {written} not printed"
        assert _month(entry["challenge"]["start"])[:4] in text

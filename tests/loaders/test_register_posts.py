"""Registers of posts (`posts-*.csv`): the bundled London registers are sourced, London-only and
cover every council; rows load as memberships stated in their web sources; bad rows and
impossible tenures name file, row and column."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

from councilgraph.errors import RegisterError
from councilgraph.settings import Settings
from loaders.dates import Month, Year
from loaders.records import DocumentRecord, Membership, OrgRef, PersonRef
from loaders.registers import load_register

DATA = Path(__file__).resolve().parent.parent / "data" / "registers"
BUNDLED = Path(__file__).resolve().parents[2] / "corpus" / "registers"
POSTS = sorted(BUNDLED.glob("posts-*.csv"))
SETTINGS = Settings()
LONDON = {f"E09{n:06d}" for n in range(1, 34)}
_WHEN = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def bundled_rows() -> list[dict[str, str]]:
    return [row for path in POSTS for row in rows(path)]


def load(path: Path) -> list[object]:
    return list(load_register(path, settings=SETTINGS))


def error(name: str) -> RegisterError:
    with pytest.raises(RegisterError) as caught:
        load(DATA / name)
    assert caught.value.file == str(DATA / name)
    return caught.value


# ---------------------------------------------------------------- the bundled registers


def test_bundled_posts_registers_exist_and_load() -> None:
    assert [p.name for p in POSTS] == ["posts-london-boroughs.csv", "posts-london-councils.csv"]
    for path in POSTS:
        records = load(path)  # every single-holder check passes
        memberships = [r for r in records if isinstance(r, Membership)]
        documents = {r.key: r for r in records if isinstance(r, DocumentRecord)}
        assert len(memberships) == len(rows(path))
        assert all(m.stated_in in documents for m in memberships)
        assert all(d.url and d.url.startswith(("http://", "https://")) for d in documents.values())


def test_every_row_has_a_source_address_and_a_date() -> None:
    for row in bundled_rows():
        assert re.match(r"^https?://\S+$", row["source_url"]), row
        assert row["source_title"] and row["source_location"], row
        assert _WHEN.match(row["source_date"]), row
        assert any(_WHEN.match(row[c] or "") for c in ("start", "end", "source_date")), row


def test_every_council_code_is_a_london_one() -> None:
    codes = [r["organisation"] for r in bundled_rows() if re.match(r"^E\d{8}$", r["organisation"])]
    assert codes and set(codes) <= LONDON


def test_every_london_council_has_a_political_head_and_a_chief_executive() -> None:
    heads: dict[str, set[str]] = defaultdict(set)
    for row in bundled_rows():
        heads[row["organisation"]].add(row["role"].lower())
    for code in sorted(LONDON):
        roles = heads[code]
        assert roles & {
            "leader",
            "elected mayor",
            "chairman of the policy and resources committee",
        }, code
        assert any("chief executive" in r or r == "managing director" for r in roles), code


def _years(row: dict[str, str]) -> set[int]:
    """The years a row speaks of: its start and end years, or its source's."""
    found = {int(row[c][:4]) for c in ("start", "end") if row[c]}
    return found or {int(row["source_date"][:4])}


def test_london_councils_posts_cover_at_least_three_years_each() -> None:
    lc = [r for r in bundled_rows() if r["organisation"] == "London Councils"]
    by_post: dict[str, set[int]] = defaultdict(set)
    for row in lc:
        post = (
            "portfolio" if row["policy_area"] else row["role"].lower().replace("chairman", "chair")
        )
        by_post[post] |= _years(row)
    for post in ("chair", "deputy chair", "portfolio"):
        assert len(by_post[post]) >= 3, (post, by_post[post])
    assert by_post["vice chair"]
    committees = {r["organisation"] for r in bundled_rows() if "Committee" in r["organisation"]}
    assert "Transport and Environment Committee" in committees


# ---------------------------------------------------------------- rows to records


def test_rows_become_memberships_stated_in_their_sources() -> None:
    records = load(DATA / "posts-good.csv")
    documents = [r for r in records if isinstance(r, DocumentRecord)]
    memberships = [r for r in records if isinstance(r, Membership)]
    assert len(memberships) == 6
    # one document per address and date: rows 2 and 3 cite the same page
    assert len(documents) == 4
    leaders = documents[0]
    assert leaders.url == "https://example.org/islington/leaders"
    assert leaders.date is None  # published in a month: no day to state
    assert leaders.provenance.document == "register-posts-good"
    ann, bob, carol, dan, eve, dan_again = memberships
    assert ann.person == PersonRef("Ann Example", "Cllr")
    assert ann.organisation == OrgRef("E09000019", "council")
    assert (ann.start, ann.end) == (Month(2014, 5), date(2018, 5, 4))
    assert ann.stated_in == bob.stated_in == leaders.key
    assert ann.provenance.location == "row 2" and bob.provenance.location == "row 3"
    assert carol.start == Year(2016) and carol.interim and carol.stated == date(2020, 6, 1)
    assert dan.organisation == OrgRef("London Councils", "organisation")
    assert (dan.start, dan.end, dan.stated) == (None, None, date(2019, 6, 11))
    assert eve.policy_area == "health and care"
    assert dan_again.start == Month(2017, 6)


# ---------------------------------------------------------------- bad rows


@pytest.mark.parametrize(
    ("name", "row", "column", "words"),
    [
        ("posts-overlap.csv", 3, "person", "two people at once (row 2)"),
        ("posts-twice.csv", 3, "person", "twice over overlapping dates (row 2)"),
        ("posts-statement-conflict.csv", 3, "person", "two people at once (row 2)"),
        ("posts-undated-no-start.csv", 2, "start", "needs a start date"),
        ("posts-bad-url.csv", 2, "source_url", "not a web address"),
        ("posts-bad-date.csv", 4, "start", "bad date 'May 2018'"),
        ("posts-no-source-date.csv", 2, "source_date", "required cell is empty"),
        ("posts-council-name.csv", 2, "organisation", "a council by name"),
    ],
)
def test_bad_rows_name_file_row_and_column(name: str, row: int, column: str, words: str) -> None:
    caught = error(name)
    assert (caught.row, caught.column) == (row, column)
    assert words in str(caught)


def test_an_overlap_is_found_whatever_the_row_order(tmp_path: Path) -> None:
    lines = (DATA / "posts-overlap.csv").read_text(encoding="utf-8").splitlines()
    swapped = tmp_path / "posts-swapped.csv"
    swapped.write_text("\n".join([lines[0], lines[2], lines[1]]) + "\n", encoding="utf-8")
    with pytest.raises(RegisterError) as caught:
        load(swapped)
    assert (caught.value.row, caught.value.column) == (3, "person")

"""Registers of who held which post (`posts-*.csv`): one row per tenure or statement, each
citing the public source that states it.

A row gives the person as the source writes them, the post (`role`), the organisation (a
council by GSS code or name, or a body such as London Councils or one of its committees), a
policy area for portfolios, `start`/`end` at the precision stated (YYYY-MM-DD, YYYY-MM or
YYYY), and the source: URL, title, date and where in it the fact stands. Each distinct source
becomes a `DocumentRecord` with its URL, in the register's named graph; each row a
`Membership` whose `stated_in` is that document and whose provenance is the register row.

Checks beyond the cells: a row from a source with no date of its own (`source_date_basis`
`latest-date-stated`, the latest date the page itself mentions) must carry its own `start`,
since a lower-bound date cannot place a tenure; and a single-holder post (leader, elected
mayor, chief executive, chair, deputy chair, a portfolio of one policy area) is held by one
person at a time: two people whose tenures certainly overlap, or one person entered twice for
overlapping dates, are refused with the file, row and column.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from loaders._register_files import Context, Row, council, require_columns
from loaders.dates import When, first_day, from_iso, last_day
from loaders.names import split_honorific
from loaders.records import DocumentRecord, Membership, OrgKind, OrgRef, PersonRef, Record
from loaders.source import slugify

REQUIRED = (
    "person",
    "role",
    "organisation",
    "source_url",
    "source_title",
    "source_date",
    "source_date_basis",
    "source_location",
)
BASES = frozenset({"published", "meeting", "archived", "latest-date-stated"})
_WHEN = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_URL = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")
_YES = {"yes": True, "true": True, "y": True, "": False, "no": False, "false": False}
# Posts one person holds at a time, by their normalised wording; portfolios ("Executive
# Member", "Lead spokesperson") are single-holder per policy area. Vice chairs are several.
_SINGLE = re.compile(
    r"^(leader|elected mayor|chief executive|chair|deputy chair|executive member|"
    r"lead spokesperson|chair of .+)$"
)
_SAME_POST = (
    (re.compile(r"^(chairman|chairwoman)\b"), "chair"),
    (
        re.compile(r"^(managing director|head of paid service|town clerk and chief executive)$"),
        "chief executive",
    ),
)


@dataclass(frozen=True)
class _Span:
    """What a row says of time: the days it certainly covers and the days it may cover."""

    row: Row
    person: str
    certain: tuple[date, date] | None
    possible: tuple[date, date] | None  # None for a statement without dates of its own
    tenure: bool


def post_key(role: str) -> str:
    """The post a wording names, for the single-holder check: "Chairman" -> "chair",
    "Interim Chief Executive" -> "chief executive", "Managing Director" -> "chief executive"."""
    text = re.sub(r"\s+", " ", role.strip().lower())
    text = re.sub(r"^(interim|acting) ", "", text)
    for pattern, key in _SAME_POST:
        text = pattern.sub(key, text)
    return text


def load_posts(ctx: Context, rows: list[Row]) -> Iterator[Record]:
    data = require_columns(ctx, rows, REQUIRED)
    documents: dict[str, DocumentRecord] = {}
    posts: dict[tuple[str, str, str], list[_Span]] = {}
    for row in data:
        source = _source(ctx, row)
        if source.key not in documents:
            documents[source.key] = source
            yield source
        organisation = _organisation(ctx, row)
        membership = _membership(ctx, row, source, organisation)
        span = _span(ctx, row, membership, source)
        key = post_key(membership.role)
        if _SINGLE.match(key):
            area = (membership.policy_area or "").casefold()
            post = (organisation.name.casefold(), key, area)
            _check_single_holder(ctx, span, posts.setdefault(post, []))
        yield membership


def _when(ctx: Context, row: Row, column: str) -> When | None:
    value = str(row.cells.get(column) or "")
    if not value:
        return None
    if not _WHEN.match(value):
        raise ctx.error(row, column, f"bad date {value!r}", "write YYYY-MM-DD, YYYY-MM or YYYY")
    try:
        return from_iso(value)
    except ValueError as exc:
        raise ctx.error(
            row, column, f"bad date {value!r}: {exc}", "write YYYY-MM-DD, YYYY-MM or YYYY"
        ) from exc


def _flag(ctx: Context, row: Row, column: str) -> bool:
    value = str(row.cells.get(column) or "").strip().lower()
    if value not in _YES:
        raise ctx.error(row, column, f"expected yes or no, not {value!r}")
    return _YES[value]


def _source(ctx: Context, row: Row) -> DocumentRecord:
    cells = row.cells
    url = cells["source_url"]
    if not _URL.match(url):
        raise ctx.error(row, "source_url", f"not a web address: {url!r}", "write http(s)://...")
    basis = cells["source_date_basis"]
    if basis not in BASES:
        raise ctx.error(
            row, "source_date_basis", f"bad basis {basis!r}", f"one of {', '.join(sorted(BASES))}"
        )
    when = _when(ctx, row, "source_date")
    assert when is not None  # required cell
    # The same address can hold different texts over time (copies of a page): one document
    # per address and date.
    digest = hashlib.sha1(f"{url} {when}".encode()).hexdigest()[:10]
    return DocumentRecord(
        key=f"web-{slugify(re.sub(r'^https?://', '', url))[:60].strip('-')}-{digest}",
        title=cells["source_title"],
        genre="web-source",
        path="",
        sha256="",
        date=when if isinstance(when, date) else None,
        publisher=None,
        provenance=ctx.provenance(row),
        url=url,
    )


_COUNCIL_WORDS = re.compile(
    r"\b(council|corporation)$|^(london borough|royal borough|city) of\b", re.IGNORECASE
)


def _organisation(ctx: Context, row: Row) -> OrgRef:
    name = council(ctx, row, "organisation", row.cells["organisation"])
    if _COUNCIL_WORDS.search(name):
        raise ctx.error(
            row,
            "organisation",
            f"a council by name ({name!r})",
            "give its GSS code (E09000001 ...), so that one post has one key",
        )
    kind: OrgKind = "council" if re.match(r"^E\d{8}$", name) else "organisation"
    if kind == "organisation" and re.search(r"\bcommittee\b", name, re.IGNORECASE):
        kind = "committee"
    return OrgRef(name, kind)


def _membership(ctx: Context, row: Row, source: DocumentRecord, organisation: OrgRef) -> Membership:
    cells = row.cells
    split = split_honorific(cells["person"])
    if not split.name:
        raise ctx.error(row, "person", f"no name in {cells['person']!r}")
    start, end = _when(ctx, row, "start"), _when(ctx, row, "end")
    if start is not None and end is not None and last_day(end) < first_day(start):
        raise ctx.error(row, "end", f"end {end} is before start {start}")
    return Membership(
        person=PersonRef(split.name, cells.get("honorific") or split.honorific),
        organisation=organisation,
        role=cells["role"],
        provenance=ctx.provenance(row),
        start=start,
        end=end,
        interim=_flag(ctx, row, "interim"),
        acting=_flag(ctx, row, "acting"),
        stated=source.date,
        stated_in=source.key,
        policy_area=cells.get("policy_area") or None,
    )


def _span(ctx: Context, row: Row, m: Membership, source: DocumentRecord) -> _Span:
    basis = row.cells["source_date_basis"]
    if m.start is None and basis == "latest-date-stated":
        raise ctx.error(
            row,
            "start",
            "a source with no date of its own needs a start date",
            "the latest date such a page mentions cannot place a tenure",
        )
    if m.start is None and m.end is None:
        day = source.date
        return _Span(row, m.person.name.casefold(), (day, day) if day else None, None, False)
    lo = first_day(m.start) if m.start else date.min
    hi = last_day(m.end) if m.end else date.max
    return _Span(row, m.person.name.casefold(), _certain(m.start, m.end), (lo, hi), True)


def _certain(start: When | None, end: When | None) -> tuple[date, date] | None:
    """The days a tenure surely covers: between the last day its start can mean and the first
    day its end can mean; with one bound only, that bound where it is a day."""
    if start is not None and end is not None:
        lo, hi = last_day(start), first_day(end)
        return (lo, hi) if lo <= hi else None
    bound = start if start is not None else end
    return (bound, bound) if isinstance(bound, date) else None


def _overlap(a: tuple[date, date] | None, b: tuple[date, date] | None) -> bool:
    return a is not None and b is not None and a[0] <= b[1] and b[0] <= a[1]


def _check_single_holder(ctx: Context, span: _Span, held: list[_Span]) -> None:
    for other in held:
        same = other.person == span.person
        if same and span.tenure and other.tenure and _overlap(span.possible, other.possible):
            raise ctx.error(
                span.row,
                "person",
                f"the same person holds this post twice over overlapping dates (row {other.row.number})",
                "keep one row per tenure",
            )
        if not same and _overlap(span.certain, other.certain):
            raise ctx.error(
                span.row,
                "person",
                f"a single-holder post held by two people at once (row {other.row.number})",
                "check the dates against the sources",
            )
    held.append(span)

"""Registers people keep in a spreadsheet or a YAML file: English local authorities, London
Councils Lead Chief Executive commissions, who held which post (`loaders._register_posts`),
partnerships and aliases, read into records.

The register kind comes from the file name stem (`local-authorities.csv`,
`lead-chief-executives-2018.csv`, ...) or, for YAML, from a top-level `kind:` key. Every
bad cell raises `RegisterError(file, row, column, message)`. CSV rows are numbered as a
spreadsheet numbers them (header = row 1, first data row = 2); YAML items by their 1-based
index, with the key path as the column. Each record's provenance is
`Provenance(document=f"register-{stem}", location=f"row {n}")`.

Lead Chief Executive commissions run twelve months from 1 September, so a commission with
no `end` ends on the day before the first 1 September after its `start`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal

from councilgraph.settings import Settings
from loaders._register_files import (
    GSS_CODE,
    KINDS,
    Context,
    Row,
    council,
    csv_rows,
    gss_code,
    iso_date,
    kind_from_stem,
    read_text,
    require_columns,
    yaml_document,
    yaml_kind,
    yaml_table,
)
from loaders._register_posts import load_posts
from loaders.names import split_honorific
from loaders.records import (
    Alias,
    Authority,
    Membership,
    OrgKind,
    OrgRef,
    Partnership,
    PersonRef,
    Provenance,
    Record,
)

AUTHORITY_TYPES = frozenset(
    {
        "london-borough",
        "metropolitan-district",
        "unitary",
        "non-metropolitan-district",
        "county",
        "sui-generis",
    }
)
REGIONS = frozenset(
    {
        "North East",
        "North West",
        "Yorkshire and The Humber",
        "East Midlands",
        "West Midlands",
        "East of England",
        "London",
        "South East",
        "South West",
    }
)
ORG_KINDS: frozenset[str] = frozenset(
    {"council", "organisation", "board", "committee", "team", "group"}
)
_COUNCIL_NAME = re.compile(r"\bCouncil$|^(?:London Borough of|Royal Borough of|LB) ", re.IGNORECASE)

LONDON_COUNCILS = OrgRef("London Councils", "organisation")
LEADERS_COMMITTEE = OrgRef("Leaders' Committee", "committee")


def load_register(path: Path, *, settings: Settings) -> Iterator[Record]:
    """Read one register file (CSV or YAML) and yield its records, checking every cell."""
    ctx = Context(path=path, key=f"register-{path.stem}")
    text = read_text(path)
    if path.suffix.lower() == ".csv":
        kind = kind_from_stem(ctx, path.stem)
        rows: Any = csv_rows(ctx, text)
    elif path.suffix.lower() in {".yaml", ".yml"}:
        rows = yaml_document(ctx, text)
        kind = yaml_kind(ctx, path.stem, rows)
    else:
        raise ctx.error(
            None, None, f"unsupported register type {path.suffix!r}", "use .csv or .yaml"
        )
    tabular = kind in {"local-authorities", "lead-chief-executives", "posts"}
    if path.suffix.lower() == ".csv" and not tabular:
        raise ctx.error(
            None, None, f"a {kind} register is YAML, not CSV", f"rename it {path.stem}.yaml"
        )
    if path.suffix.lower() != ".csv" and tabular:
        rows = yaml_table(ctx, rows)
    readers: dict[str, Callable[[Context, Any], Iterator[Record]]] = {
        "local-authorities": _authorities,
        "lead-chief-executives": _commissions,
        "posts": load_posts,
        "partnerships": _partnerships,
        "aliases": _aliases,
    }
    yield from readers[kind](ctx, rows)


# ---------------------------------------------------------------- local authorities


def _authorities(ctx: Context, rows: list[Row]) -> Iterator[Record]:
    data = require_columns(ctx, rows, ("gss", "name", "type"))
    codes: dict[str, int] = {}
    names: dict[str, tuple[int, str]] = {}
    for row in data:
        cells = row.cells
        gss = gss_code(ctx, row, "gss", cells["gss"])
        if gss in codes:
            raise ctx.error(row, "gss", f"duplicate GSS code {gss} (first in row {codes[gss]})")
        codes[gss] = row.number
        kind = cells["type"]
        if kind not in AUTHORITY_TYPES:
            raise ctx.error(
                row, "type", f"bad type {kind!r}", f"one of {', '.join(sorted(AUTHORITY_TYPES))}"
            )
        region = cells.get("region") or None
        if region is not None and region not in REGIONS:
            raise ctx.error(
                row, "region", f"bad region {region!r}", f"one of {', '.join(sorted(REGIONS))}"
            )
        aliases = tuple(a.strip() for a in (cells.get("aliases") or "").split("|") if a.strip())
        short = cells.get("short_name") or None
        _claim_names(
            ctx,
            row,
            names,
            [("name", cells["name"]), ("short_name", short)]
            + [("aliases", alias) for alias in aliases],
        )
        yield Authority(
            gss=gss,
            name=cells["name"],
            authority_type=kind,
            provenance=ctx.provenance(row),
            short_name=short,
            aliases=aliases,
            region=region,
            end=iso_date(ctx, row, "end_date", cells.get("end_date") or ""),
        )


def _claim_names(
    ctx: Context,
    row: Row,
    names: dict[str, tuple[int, str]],
    candidates: list[tuple[str, str | None]],
) -> None:
    """Every name, short name and alias must name one authority only, or resolution breaks."""
    mine: set[str] = set()
    for column, value in candidates:
        if not value:
            continue
        folded = value.casefold()
        if folded in names and folded not in mine:
            first_row, first_column = names[folded]
            raise ctx.error(
                row,
                column,
                f"duplicate name {value!r} (also {first_column} in row {first_row})",
                "each name may stand for one authority only",
            )
        names[folded] = (row.number, column)
        mine.add(folded)


# ---------------------------------------------------------------- Lead Chief Executives


def commission_end(start: date) -> date:
    """The day before the first 1 September after `start`: a commission runs twelve months
    from 1 September, so 2017-09-01 -> 2018-08-31 and 2018-03-01 -> 2018-08-31."""
    first_september = date(start.year, 9, 1)
    if start >= first_september:
        first_september = date(start.year + 1, 9, 1)
    return first_september - timedelta(days=1)


def _commissions(ctx: Context, rows: list[Row]) -> Iterator[Record]:
    data = require_columns(ctx, rows, ("policy_area", "person", "borough", "start"))
    seen: dict[tuple[str, str, date], int] = {}
    for row in data:
        cells = row.cells
        person = _person(cells["person"], cells.get("honorific") or None)
        borough = council(ctx, row, "borough", cells["borough"])
        start = iso_date(ctx, row, "start", cells["start"])
        assert start is not None  # required cell, checked above
        end = iso_date(ctx, row, "end", cells.get("end") or "") or commission_end(start)
        if end < start:
            raise ctx.error(row, "end", f"end {end} is before start {start}")
        key = (person.name.casefold(), cells["policy_area"].casefold(), start)
        if key in seen:
            raise ctx.error(
                row,
                "person",
                f"duplicate commission (same person, policy area and start as row {seen[key]})",
            )
        seen[key] = row.number
        where = ctx.provenance(row)
        yield Membership(
            person=person,
            organisation=LONDON_COUNCILS,
            role="Lead Chief Executive",
            provenance=where,
            start=start,
            end=end,
            policy_area=cells["policy_area"],
            commissioned_by=LONDON_COUNCILS,
            accountable_to=LEADERS_COMMITTEE,
            support_group=cells.get("support_group") or None,
        )
        yield Membership(
            person=person,
            organisation=OrgRef(borough, "council"),
            role="Chief Executive",
            provenance=where,
            start=start,
            end=end,
        )


def _person(name: str, honorific: str | None) -> PersonRef:
    split = split_honorific(name)
    return PersonRef(split.name, honorific or split.honorific)


# ---------------------------------------------------------------- partnerships


def _items(ctx: Context, document: Any, section: str) -> list[Any]:
    """The list of items of a YAML register: the document itself, or `<section>:` under `kind:`."""
    items = document.get(section) if isinstance(document, dict) else document
    if items is None:
        return []
    if not isinstance(items, list):
        raise ctx.error(
            None, section if isinstance(document, dict) else None, "expected a list of items"
        )
    return items


def _partnerships(ctx: Context, document: Any) -> Iterator[Record]:
    labels: dict[str, int] = {}
    for index, item in enumerate(_items(ctx, document, "partnerships"), start=1):
        row = Row(index, item if isinstance(item, dict) else {})
        if not isinstance(item, dict):
            raise ctx.error(row, None, "each partnership must be a mapping")
        label = _text(ctx, row, "label", required=True)
        assert label is not None
        if label.casefold() in labels:
            raise ctx.error(
                row,
                "label",
                f"duplicate partnership {label!r} (first at item {labels[label.casefold()]})",
            )
        labels[label.casefold()] = index
        members = _members(ctx, row)
        relies = item.get("relies_on_individuals")
        if relies is not None and not isinstance(relies, bool):
            raise ctx.error(row, "relies_on_individuals", f"expected true or false, not {relies!r}")
        contacts = list(_contacts(ctx, row, members))
        yield Partnership(
            label=label,
            members=tuple(members.values()),
            provenance=ctx.provenance(row),
            subject=_text(ctx, row, "subject"),
            relies_on_individuals=relies,
            contacts=tuple(m.person for m in contacts),
        )
        yield from contacts


def _text(ctx: Context, row: Row, key: str, *, required: bool = False) -> str | None:
    value = row.cells.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ctx.error(row, key, "required value is missing or empty")
        return None
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise ctx.error(row, key, f"expected text, not {type(value).__name__}")
    return str(value).strip()


def _members(ctx: Context, row: Row) -> dict[str, OrgRef]:
    names = row.cells.get("members")
    if not isinstance(names, list) or not names:
        raise ctx.error(row, "members", "expected a non-empty list of organisation names")
    kinds = row.cells.get("kinds") or {}
    if isinstance(kinds, list):
        if len(kinds) != len(names):
            raise ctx.error(row, "kinds", f"{len(kinds)} kinds for {len(names)} members")
        kinds = dict(zip(names, kinds, strict=True))
    if not isinstance(kinds, dict):
        raise ctx.error(row, "kinds", "expected a list (one per member) or a mapping name: kind")
    members: dict[str, OrgRef] = {}
    for position, name in enumerate(names):
        if not isinstance(name, str) or not name.strip():
            raise ctx.error(row, f"members[{position}]", "expected an organisation name")
        kind = kinds.get(name) or (
            "council" if _COUNCIL_NAME.search(name.strip()) else "organisation"
        )
        if kind not in ORG_KINDS:
            raise ctx.error(
                row, f"kinds.{name}", f"bad kind {kind!r}", f"one of {', '.join(sorted(ORG_KINDS))}"
            )
        members[name.strip()] = OrgRef(name.strip(), _org_kind(kind))
    return members


def _org_kind(kind: str) -> OrgKind:
    kinds: dict[str, OrgKind] = {
        "council": "council",
        "organisation": "organisation",
        "board": "board",
        "committee": "committee",
        "team": "team",
        "group": "group",
    }
    return kinds[kind]


def _contacts(ctx: Context, row: Row, members: dict[str, OrgRef]) -> Iterator[Membership]:
    contacts = row.cells.get("contacts") or []
    if not isinstance(contacts, list):
        raise ctx.error(row, "contacts", "expected a list of {person, organisation, role}")
    for position, contact in enumerate(contacts):
        sub = Row(
            row.number,
            contact if isinstance(contact, dict) else {},
            f"{row.prefix}contacts[{position}].",
        )
        if not isinstance(contact, dict):
            raise ctx.error(sub, None, "expected a mapping {person, organisation, role}")
        person = _text(ctx, sub, "person", required=True)
        organisation = _text(ctx, sub, "organisation", required=True)
        assert person is not None and organisation is not None
        ref = members.get(organisation) or OrgRef(
            organisation, "council" if _COUNCIL_NAME.search(organisation) else "organisation"
        )
        yield Membership(
            person=_person(person, _text(ctx, sub, "honorific")),
            organisation=ref,
            role=_text(ctx, sub, "role") or "Partnership contact",
            provenance=ctx.provenance(row),
        )


# ---------------------------------------------------------------- aliases

_ALIAS_SECTIONS: dict[str, Literal["council", "organisation", "person"]] = {
    "councils": "council",
    "organisations": "organisation",
    "people": "person",
}


def _aliases(ctx: Context, document: Any) -> Iterator[Record]:
    if document is None:
        return
    if not isinstance(document, dict):
        raise ctx.error(None, None, "expected a mapping with councils:, organisations: and people:")
    for section, entries in document.items():
        if section == "kind":
            continue
        if section not in _ALIAS_SECTIONS:
            raise ctx.error(
                None, str(section), "unknown section", "use councils, organisations or people"
            )
        if entries is None:
            continue
        if not isinstance(entries, dict):
            raise ctx.error(None, str(section), "expected a mapping alias: canonical name")
        yield from _alias_section(ctx, str(section), entries)


def _alias_section(ctx: Context, section: str, entries: dict[Any, Any]) -> Iterator[Alias]:
    kind = _ALIAS_SECTIONS[section]
    for index, (alias, canonical) in enumerate(entries.items(), start=1):
        row = Row(index, {}, f"{section}.")
        if not isinstance(alias, str) or not alias.strip():
            raise ctx.error(row, str(alias), "an alias must be non-empty text")
        if not isinstance(canonical, str) or not canonical.strip():
            raise ctx.error(row, alias, "the canonical name is missing or not text")
        target = canonical.strip()
        if kind == "council":
            target = council(ctx, row, alias, target)
        yield Alias(
            alias=alias.strip(),
            canonical=target,
            kind=kind,
            provenance=Provenance(document=ctx.key, location=f"{section}, row {index}"),
        )


__all__ = ["AUTHORITY_TYPES", "GSS_CODE", "KINDS", "commission_end", "load_register"]

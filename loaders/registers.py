"""Registers people keep in a spreadsheet or a YAML file: English local authorities, London
Councils Lead Chief Executive commissions, partnerships and aliases, read into records.

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

import csv
import io
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal

import yaml

from councilgraph.errors import RegisterError
from councilgraph.settings import Settings
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

KINDS = ("local-authorities", "lead-chief-executives", "partnerships", "aliases")
AUTHORITY_TYPES = frozenset({
    "london-borough", "metropolitan-district", "unitary", "non-metropolitan-district",
    "county", "sui-generis",
})
REGIONS = frozenset({
    "North East", "North West", "Yorkshire and The Humber", "East Midlands", "West Midlands",
    "East of England", "London", "South East", "South West",
})
ORG_KINDS: frozenset[str] = frozenset({"council", "organisation", "board", "committee", "team", "group"})
# E06 unitary, E07 non-metropolitan district, E08 metropolitan district, E09 London borough,
# E10 county, E11 metropolitan county: the English local authority code families.
GSS_CODE = re.compile(r"^E(?:0[6-9]|1[01])\d{6}$")
_LOOKS_LIKE_CODE = re.compile(r"^[A-Z]\d{8}$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_COUNCIL_NAME = re.compile(r"\bCouncil$|^(?:London Borough of|Royal Borough of|LB) ", re.IGNORECASE)

LONDON_COUNCILS = OrgRef("London Councils", "organisation")
LEADERS_COMMITTEE = OrgRef("Leaders' Committee", "committee")


@dataclass(frozen=True)
class _Row:
    """One register row: its spreadsheet row (or YAML item index) and its cells."""

    number: int
    cells: Mapping[str, Any]
    prefix: str = ""  # YAML key path of the item, e.g. "councils." for aliases


@dataclass(frozen=True)
class _Ctx:
    path: Path
    key: str  # "register-<stem>"

    def error(self, row: _Row | int | None, column: str | None, message: str, hint: str = "") -> RegisterError:
        number = row.number if isinstance(row, _Row) else row
        prefix = row.prefix if isinstance(row, _Row) else ""
        return RegisterError(self.path, number, f"{prefix}{column}" if column else None, message, hint=hint)

    def provenance(self, row: _Row) -> Provenance:
        return Provenance(document=self.key, location=f"row {row.number}")


def load_register(path: Path, *, settings: Settings) -> Iterator[Record]:
    """Read one register file (CSV or YAML) and yield its records, checking every cell."""
    ctx = _Ctx(path=path, key=f"register-{path.stem}")
    text = _read_text(path)
    if path.suffix.lower() == ".csv":
        kind = _kind_from_stem(ctx, path.stem)
        rows: Any = _csv_rows(ctx, text)
    elif path.suffix.lower() in {".yaml", ".yml"}:
        rows = _yaml_document(ctx, text)
        kind = _yaml_kind(ctx, path.stem, rows)
    else:
        raise ctx.error(None, None, f"unsupported register type {path.suffix!r}", "use .csv or .yaml")
    tabular = kind in {"local-authorities", "lead-chief-executives"}
    if path.suffix.lower() == ".csv" and not tabular:
        raise ctx.error(None, None, f"a {kind} register is YAML, not CSV", f"rename it {path.stem}.yaml")
    if path.suffix.lower() != ".csv" and tabular:
        rows = _yaml_table(ctx, rows)
    readers: dict[str, Callable[[_Ctx, Any], Iterator[Record]]] = {
        "local-authorities": _authorities,
        "lead-chief-executives": _commissions,
        "partnerships": _partnerships,
        "aliases": _aliases,
    }
    yield from readers[kind](ctx, rows)


# ---------------------------------------------------------------- reading files


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RegisterError(path, None, None, f"cannot read: {exc.strerror}") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        row = data[: exc.start].count(b"\n") + 1
        raise RegisterError(
            path, row, None, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})",
            hint="save the file as UTF-8 (in a spreadsheet: 'CSV UTF-8')",
        ) from exc


def _kind_from_stem(ctx: _Ctx, stem: str) -> str:
    """`local-authorities`, `local-authorities-2024`, `lead_chief_executives` ... -> the kind."""
    normal = stem.lower().replace("_", "-")
    for kind in KINDS:
        if normal == kind or normal.startswith(kind + "-"):
            return kind
    raise ctx.error(None, None, f"cannot tell the register kind from the file name {stem!r}",
                    f"name it after one of {', '.join(KINDS)}, or give YAML a 'kind:' key")


def _csv_rows(ctx: _Ctx, text: str) -> list[_Row]:
    # csv.reader, not DictReader: DictReader skips blank lines, which would put our row
    # numbers out of step with the spreadsheet the register is kept in.
    records = list(csv.reader(io.StringIO(text, newline="")))
    if not records or not any(cell.strip() for cell in records[0]):
        raise ctx.error(1, None, "no header row")
    header = [cell.strip().lower() for cell in records[0]]
    for index, name in enumerate(header):
        if name and name in header[:index]:
            raise ctx.error(1, name, "column appears twice in the header")
    rows = []
    for number, cells in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header):]):
            raise ctx.error(number, None, f"{len(cells)} cells but only {len(header)} columns",
                            "is there an unquoted comma in a cell?")
        rows.append(_Row(number, {name: cell.strip() for name, cell in zip(header, cells) if name}))
    rows.insert(0, _Row(1, {name: name for name in header if name}))  # header, for column checks
    return rows


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe loader that refuses duplicate mapping keys instead of keeping the last one."""


def _construct_unique_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> Any:
    seen: set[Any] = set()
    for key_node, _value in node.value:
        key = loader.construct_object(key_node, deep=deep)  # type: ignore[no-untyped-call]
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_unique_mapping  # type: ignore[arg-type]
)


def _yaml_document(ctx: _Ctx, text: str) -> Any:
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        line = mark.line + 1 if mark is not None else None
        where = f" (line {line}, column {mark.column + 1})" if mark is not None else ""
        raise ctx.error(line, None, f"malformed YAML{where}: {problem}") from exc


def _yaml_kind(ctx: _Ctx, stem: str, document: Any) -> str:
    if isinstance(document, dict) and "kind" in document:
        kind = document["kind"]
        if kind not in KINDS:
            raise ctx.error(None, "kind", f"unknown register kind {kind!r}", f"one of {', '.join(KINDS)}")
        return str(kind)
    return _kind_from_stem(ctx, stem)


def _yaml_table(ctx: _Ctx, document: Any) -> list[_Row]:
    """A tabular register written as YAML: a list of mappings (under `rows:` if there is a `kind:`)."""
    items = document.get("rows", []) if isinstance(document, dict) else document
    if items is None:
        items = []
    if not isinstance(items, list):
        raise ctx.error(None, None, "expected a list of rows")
    columns = sorted({key for item in items if isinstance(item, dict) for key in item})
    rows = [_Row(1, {name: name for name in columns})]
    for index, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise ctx.error(index, None, "each item must be a mapping of column: value")
        rows.append(_Row(index, {str(k): "" if v is None else str(v).strip() for k, v in item.items()}))
    return rows


# ---------------------------------------------------------------- shared cell checks


def _require_columns(ctx: _Ctx, rows: list[_Row], required: tuple[str, ...]) -> list[_Row]:
    header, data = rows[0], rows[1:]
    for column in required:
        if column not in header.cells:
            raise ctx.error(header.number, column, "missing required column",
                            f"the header needs: {', '.join(required)}")
    for row in data:
        for column in required:
            if not row.cells.get(column):
                raise ctx.error(row, column, "required cell is empty")
    return data


def _iso_date(ctx: _Ctx, row: _Row, column: str, value: str) -> date | None:
    if not value:
        return None
    if not _ISO_DATE.match(value):
        raise ctx.error(row, column, f"bad date {value!r}", "write dates as YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ctx.error(row, column, f"bad date {value!r}: {exc}", "write dates as YYYY-MM-DD") from exc


def _gss(ctx: _Ctx, row: _Row, column: str, value: str) -> str:
    if not GSS_CODE.match(value):
        raise ctx.error(row, column, f"bad GSS code {value!r}",
                        "an English authority code is E06, E07, E08, E09, E10 or E11 and six digits")
    return value


def _council(ctx: _Ctx, row: _Row, column: str, value: str) -> str:
    """A council named by name or GSS code; a code must be a valid English one."""
    return _gss(ctx, row, column, value) if _LOOKS_LIKE_CODE.match(value) else value


# ---------------------------------------------------------------- local authorities


def _authorities(ctx: _Ctx, rows: list[_Row]) -> Iterator[Record]:
    data = _require_columns(ctx, rows, ("gss", "name", "type"))
    codes: dict[str, int] = {}
    names: dict[str, tuple[int, str]] = {}
    for row in data:
        cells = row.cells
        gss = _gss(ctx, row, "gss", cells["gss"])
        if gss in codes:
            raise ctx.error(row, "gss", f"duplicate GSS code {gss} (first in row {codes[gss]})")
        codes[gss] = row.number
        kind = cells["type"]
        if kind not in AUTHORITY_TYPES:
            raise ctx.error(row, "type", f"bad type {kind!r}", f"one of {', '.join(sorted(AUTHORITY_TYPES))}")
        region = cells.get("region") or None
        if region is not None and region not in REGIONS:
            raise ctx.error(row, "region", f"bad region {region!r}", f"one of {', '.join(sorted(REGIONS))}")
        aliases = tuple(a.strip() for a in (cells.get("aliases") or "").split("|") if a.strip())
        short = cells.get("short_name") or None
        _claim_names(ctx, row, names, [("name", cells["name"]), ("short_name", short)]
                     + [("aliases", alias) for alias in aliases])
        yield Authority(
            gss=gss, name=cells["name"], authority_type=kind, provenance=ctx.provenance(row),
            short_name=short, aliases=aliases, region=region,
            end=_iso_date(ctx, row, "end_date", cells.get("end_date") or ""),
        )


def _claim_names(
    ctx: _Ctx, row: _Row, names: dict[str, tuple[int, str]], candidates: list[tuple[str, str | None]]
) -> None:
    """Every name, short name and alias must name one authority only, or resolution breaks."""
    mine: set[str] = set()
    for column, value in candidates:
        if not value:
            continue
        folded = value.casefold()
        if folded in names and folded not in mine:
            first_row, first_column = names[folded]
            raise ctx.error(row, column, f"duplicate name {value!r} (also {first_column} in row {first_row})",
                            "each name may stand for one authority only")
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


def _commissions(ctx: _Ctx, rows: list[_Row]) -> Iterator[Record]:
    data = _require_columns(ctx, rows, ("policy_area", "person", "borough", "start"))
    seen: dict[tuple[str, str, date], int] = {}
    for row in data:
        cells = row.cells
        person = _person(cells["person"], cells.get("honorific") or None)
        borough = _council(ctx, row, "borough", cells["borough"])
        start = _iso_date(ctx, row, "start", cells["start"])
        assert start is not None  # required cell, checked above
        end = _iso_date(ctx, row, "end", cells.get("end") or "") or commission_end(start)
        if end < start:
            raise ctx.error(row, "end", f"end {end} is before start {start}")
        key = (person.name.casefold(), cells["policy_area"].casefold(), start)
        if key in seen:
            raise ctx.error(row, "person", f"duplicate commission (same person, policy area and start as row {seen[key]})")
        seen[key] = row.number
        where = ctx.provenance(row)
        yield Membership(
            person=person, organisation=LONDON_COUNCILS, role="Lead Chief Executive", provenance=where,
            start=start, end=end, policy_area=cells["policy_area"], commissioned_by=LONDON_COUNCILS,
            accountable_to=LEADERS_COMMITTEE, support_group=cells.get("support_group") or None,
        )
        yield Membership(person=person, organisation=OrgRef(borough, "council"), role="Chief Executive",
                         provenance=where, start=start, end=end)


def _person(name: str, honorific: str | None) -> PersonRef:
    split = split_honorific(name)
    return PersonRef(split.name, honorific or split.honorific)


# ---------------------------------------------------------------- partnerships


def _items(ctx: _Ctx, document: Any, section: str) -> list[Any]:
    """The list of items of a YAML register: the document itself, or `<section>:` under `kind:`."""
    items = document.get(section) if isinstance(document, dict) else document
    if items is None:
        return []
    if not isinstance(items, list):
        raise ctx.error(None, section if isinstance(document, dict) else None, "expected a list of items")
    return items


def _partnerships(ctx: _Ctx, document: Any) -> Iterator[Record]:
    labels: dict[str, int] = {}
    for index, item in enumerate(_items(ctx, document, "partnerships"), start=1):
        row = _Row(index, item if isinstance(item, dict) else {})
        if not isinstance(item, dict):
            raise ctx.error(row, None, "each partnership must be a mapping")
        label = _text(ctx, row, "label", required=True)
        assert label is not None
        if label.casefold() in labels:
            raise ctx.error(row, "label", f"duplicate partnership {label!r} (first at item {labels[label.casefold()]})")
        labels[label.casefold()] = index
        members = _members(ctx, row)
        relies = item.get("relies_on_individuals")
        if relies is not None and not isinstance(relies, bool):
            raise ctx.error(row, "relies_on_individuals", f"expected true or false, not {relies!r}")
        contacts = list(_contacts(ctx, row, members))
        yield Partnership(
            label=label, members=tuple(members.values()), provenance=ctx.provenance(row),
            subject=_text(ctx, row, "subject"), relies_on_individuals=relies,
            contacts=tuple(m.person for m in contacts),
        )
        yield from contacts


def _text(ctx: _Ctx, row: _Row, key: str, *, required: bool = False) -> str | None:
    value = row.cells.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ctx.error(row, key, "required value is missing or empty")
        return None
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise ctx.error(row, key, f"expected text, not {type(value).__name__}")
    return str(value).strip()


def _members(ctx: _Ctx, row: _Row) -> dict[str, OrgRef]:
    names = row.cells.get("members")
    if not isinstance(names, list) or not names:
        raise ctx.error(row, "members", "expected a non-empty list of organisation names")
    kinds = row.cells.get("kinds") or {}
    if isinstance(kinds, list):
        if len(kinds) != len(names):
            raise ctx.error(row, "kinds", f"{len(kinds)} kinds for {len(names)} members")
        kinds = dict(zip(names, kinds))
    if not isinstance(kinds, dict):
        raise ctx.error(row, "kinds", "expected a list (one per member) or a mapping name: kind")
    members: dict[str, OrgRef] = {}
    for position, name in enumerate(names):
        if not isinstance(name, str) or not name.strip():
            raise ctx.error(row, f"members[{position}]", "expected an organisation name")
        kind = kinds.get(name) or ("council" if _COUNCIL_NAME.search(name.strip()) else "organisation")
        if kind not in ORG_KINDS:
            raise ctx.error(row, f"kinds.{name}", f"bad kind {kind!r}", f"one of {', '.join(sorted(ORG_KINDS))}")
        members[name.strip()] = OrgRef(name.strip(), _org_kind(kind))
    return members


def _org_kind(kind: str) -> OrgKind:
    kinds: dict[str, OrgKind] = {
        "council": "council", "organisation": "organisation", "board": "board",
        "committee": "committee", "team": "team", "group": "group",
    }
    return kinds[kind]


def _contacts(ctx: _Ctx, row: _Row, members: dict[str, OrgRef]) -> Iterator[Membership]:
    contacts = row.cells.get("contacts") or []
    if not isinstance(contacts, list):
        raise ctx.error(row, "contacts", "expected a list of {person, organisation, role}")
    for position, contact in enumerate(contacts):
        sub = _Row(row.number, contact if isinstance(contact, dict) else {}, f"{row.prefix}contacts[{position}].")
        if not isinstance(contact, dict):
            raise ctx.error(sub, None, "expected a mapping {person, organisation, role}")
        person = _text(ctx, sub, "person", required=True)
        organisation = _text(ctx, sub, "organisation", required=True)
        assert person is not None and organisation is not None
        ref = members.get(organisation) or OrgRef(
            organisation, "council" if _COUNCIL_NAME.search(organisation) else "organisation"
        )
        yield Membership(
            person=_person(person, _text(ctx, sub, "honorific")), organisation=ref,
            role=_text(ctx, sub, "role") or "Partnership contact", provenance=ctx.provenance(row),
        )


# ---------------------------------------------------------------- aliases

_ALIAS_SECTIONS: dict[str, Literal["council", "organisation", "person"]] = {
    "councils": "council", "organisations": "organisation", "people": "person",
}


def _aliases(ctx: _Ctx, document: Any) -> Iterator[Record]:
    if document is None:
        return
    if not isinstance(document, dict):
        raise ctx.error(None, None, "expected a mapping with councils:, organisations: and people:")
    for section, entries in document.items():
        if section == "kind":
            continue
        if section not in _ALIAS_SECTIONS:
            raise ctx.error(None, str(section), "unknown section", "use councils, organisations or people")
        if entries is None:
            continue
        if not isinstance(entries, dict):
            raise ctx.error(None, str(section), "expected a mapping alias: canonical name")
        yield from _alias_section(ctx, str(section), entries)


def _alias_section(ctx: _Ctx, section: str, entries: dict[Any, Any]) -> Iterator[Alias]:
    kind = _ALIAS_SECTIONS[section]
    for index, (alias, canonical) in enumerate(entries.items(), start=1):
        row = _Row(index, {}, f"{section}.")
        if not isinstance(alias, str) or not alias.strip():
            raise ctx.error(row, str(alias), "an alias must be non-empty text")
        if not isinstance(canonical, str) or not canonical.strip():
            raise ctx.error(row, alias, "the canonical name is missing or not text")
        target = canonical.strip()
        if kind == "council":
            target = _council(ctx, row, alias, target)
        yield Alias(alias=alias.strip(), canonical=target, kind=kind,
                    provenance=Provenance(document=ctx.key, location=f"{section}, row {index}"))


__all__ = ["AUTHORITY_TYPES", "GSS_CODE", "KINDS", "commission_end", "load_register"]

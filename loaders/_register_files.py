"""Reading register files for `loaders.registers`: CSV and YAML rows with their spreadsheet
row numbers, and the cell checks every register kind shares (dates, GSS codes, required cells).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from councilgraph.errors import RegisterError
from loaders.records import Provenance

KINDS = ("local-authorities", "lead-chief-executives", "posts", "partnerships", "aliases")
# E06 unitary, E07 non-metropolitan district, E08 metropolitan district, E09 London borough,
# E10 county, E11 metropolitan county: the English local authority code families.
GSS_CODE = re.compile(r"^E(?:0[6-9]|1[01])\d{6}$")
_LOOKS_LIKE_CODE = re.compile(r"^[A-Z]\d{8}$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Row:
    """One register row: its spreadsheet row (or YAML item index) and its cells."""

    number: int
    cells: Mapping[str, Any]
    prefix: str = ""  # YAML key path of the item, e.g. "councils." for aliases


@dataclass(frozen=True)
class Context:
    path: Path
    key: str  # "register-<stem>"

    def error(
        self, row: Row | int | None, column: str | None, message: str, hint: str = ""
    ) -> RegisterError:
        number = row.number if isinstance(row, Row) else row
        prefix = row.prefix if isinstance(row, Row) else ""
        return RegisterError(
            self.path, number, f"{prefix}{column}" if column else None, message, hint=hint
        )

    def provenance(self, row: Row) -> Provenance:
        return Provenance(document=self.key, location=f"row {row.number}")


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RegisterError(path, None, None, f"cannot read: {exc.strerror}") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        row = data[: exc.start].count(b"\n") + 1
        raise RegisterError(
            path,
            row,
            None,
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})",
            hint="save the file as UTF-8 (in a spreadsheet: 'CSV UTF-8')",
        ) from exc


def kind_from_stem(ctx: Context, stem: str) -> str:
    """`local-authorities`, `local-authorities-2024`, `lead_chief_executives` ... -> the kind."""
    normal = stem.lower().replace("_", "-")
    for kind in KINDS:
        if normal == kind or normal.startswith(kind + "-"):
            return kind
    raise ctx.error(
        None,
        None,
        f"cannot tell the register kind from the file name {stem!r}",
        f"name it after one of {', '.join(KINDS)}, or give YAML a 'kind:' key",
    )


def csv_rows(ctx: Context, text: str) -> list[Row]:
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
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header) :]):
            raise ctx.error(
                number,
                None,
                f"{len(cells)} cells but only {len(header)} columns",
                "is there an unquoted comma in a cell?",
            )
        rows.append(
            Row(
                number,
                {name: cell.strip() for name, cell in zip(header, cells, strict=False) if name},
            )
        )
    rows.insert(0, Row(1, {name: name for name in header if name}))  # header, for column checks
    return rows


class _UniqueKeyLoader(yaml.SafeLoader):  # type: ignore[misc,unused-ignore]
    """A safe loader that refuses duplicate mapping keys instead of keeping the last one."""


def _construct_unique_mapping(
    loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False
) -> Any:
    seen: set[Any] = set()
    for key_node, _value in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_unique_mapping
)


def yaml_document(ctx: Context, text: str) -> Any:
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        line = mark.line + 1 if mark is not None else None
        where = f" (line {line}, column {mark.column + 1})" if mark is not None else ""
        raise ctx.error(line, None, f"malformed YAML{where}: {problem}") from exc


def yaml_kind(ctx: Context, stem: str, document: Any) -> str:
    if isinstance(document, dict) and "kind" in document:
        kind = document["kind"]
        if kind not in KINDS:
            raise ctx.error(
                None, "kind", f"unknown register kind {kind!r}", f"one of {', '.join(KINDS)}"
            )
        return str(kind)
    return kind_from_stem(ctx, stem)


def yaml_table(ctx: Context, document: Any) -> list[Row]:
    """A tabular register written as YAML: a list of mappings (under `rows:` after `kind:`)."""
    items = document.get("rows", []) if isinstance(document, dict) else document
    if items is None:
        items = []
    if not isinstance(items, list):
        raise ctx.error(None, None, "expected a list of rows")
    columns = sorted({key for item in items if isinstance(item, dict) for key in item})
    rows = [Row(1, {name: name for name in columns})]
    for index, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise ctx.error(index, None, "each item must be a mapping of column: value")
        rows.append(
            Row(index, {str(k): "" if v is None else str(v).strip() for k, v in item.items()})
        )
    return rows


def require_columns(ctx: Context, rows: list[Row], required: tuple[str, ...]) -> list[Row]:
    header, data = rows[0], rows[1:]
    for column in required:
        if column not in header.cells:
            raise ctx.error(
                header.number,
                column,
                "missing required column",
                f"the header needs: {', '.join(required)}",
            )
    for row in data:
        for column in required:
            if not row.cells.get(column):
                raise ctx.error(row, column, "required cell is empty")
    return data


def iso_date(ctx: Context, row: Row, column: str, value: str) -> date | None:
    if not value:
        return None
    if not _ISO_DATE.match(value):
        raise ctx.error(row, column, f"bad date {value!r}", "write dates as YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ctx.error(
            row, column, f"bad date {value!r}: {exc}", "write dates as YYYY-MM-DD"
        ) from exc


def gss_code(ctx: Context, row: Row, column: str, value: str) -> str:
    if not GSS_CODE.match(value):
        raise ctx.error(
            row,
            column,
            f"bad GSS code {value!r}",
            "an English authority code is E06, E07, E08, E09, E10 or E11 and six digits",
        )
    return value


def council(ctx: Context, row: Row, column: str, value: str) -> str:
    """A council named by name or GSS code; a code must be a valid English one."""
    return gss_code(ctx, row, column, value) if _LOOKS_LIKE_CODE.match(value) else value

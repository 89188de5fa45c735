"""The theme-override register: a person's decisions that a recommendation is about a theme.

`theme-overrides.csv` (or `theme-overrides-<anything>.csv`) has the columns
recommendation, theme, note, decided_by, date. A recommendation given several rows gets
all their themes. Rows are numbered as a spreadsheet numbers them (header = row 1), and
each record's provenance is `Provenance("register-<stem>", "row <n>")`, like every register.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from councilgraph.settings import Settings
from loaders._register_files import Context, csv_rows, iso_date, read_text, require_columns
from loaders.records import ThemeOverride

KIND = "theme-overrides"
COLUMNS = ("recommendation", "theme")


def is_theme_overrides(path: Path) -> bool:
    """True for a CSV whose stem names this register kind."""
    stem = path.stem.lower().replace("_", "-")
    return path.suffix.lower() == ".csv" and (stem == KIND or stem.startswith(KIND + "-"))


def load(path: Path, *, settings: Settings | None = None) -> Iterator[ThemeOverride]:
    """Read the register, checking every row; RegisterError(file, row, column) on a bad one."""
    ctx = Context(path=path, key=f"register-{path.stem}")
    rows = csv_rows(ctx, read_text(path))
    seen: dict[tuple[str, str], int] = {}
    for row in require_columns(ctx, rows, COLUMNS):
        cells = row.cells
        key = (cells["recommendation"].casefold(), cells["theme"].casefold())
        if key in seen:
            raise ctx.error(row, "theme", f"the same override as row {seen[key]}")
        seen[key] = row.number
        yield ThemeOverride(
            recommendation=cells["recommendation"],
            theme=cells["theme"],
            provenance=ctx.provenance(row),
            note=cells.get("note") or None,
            decided_by=cells.get("decided_by") or None,
            date=iso_date(ctx, row, "date", cells.get("date") or ""),
        )

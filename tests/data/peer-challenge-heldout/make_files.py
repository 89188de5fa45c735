"""Renders two of the held-out Markdown reports as a PDF (fpdf2) and a Word file
(python-docx) with `tests/loaders/renderings.py`, so the same text is measured in the
formats councils publish. Run by hand from the repository root after editing a report:
`.venv/bin/python tests/data/peer-challenge-heldout/make_files.py`; commit its output."""

from __future__ import annotations

import re
import sys
from pathlib import Path

_ITALIC = re.compile(r"(?<!\*)\*([^*]+)\*(?!\*)")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "loaders"))

from renderings import Part, to_docx, to_pdf  # noqa: E402


def parts_of(markdown: str) -> list[Part]:
    """The report's blocks as rendering parts: headings, paragraphs (a line ending in two
    spaces is a line break, so its own paragraph), list items with their numbers kept,
    sub-bullets, and pipe tables."""
    parts: list[Part] = []
    for block in re.split(r"\n\s*\n", markdown.strip()):
        lines = block.splitlines()
        if lines[0].startswith("#"):
            level = len(lines[0]) - len(lines[0].lstrip("#"))
            parts.append(("title" if level == 1 else "heading", lines[0].lstrip("# ").strip()))
        elif lines[0].startswith("|"):
            rows = [[c.strip() for c in ln.strip().strip("|").split("|")] for ln in lines]
            parts.append(("table", [r for r in rows if not set("".join(r)) <= {"-", ":"}]))
        elif re.match(r"(\d+\.|-) ", lines[0]):
            parts += _items(lines)
        elif any(ln.endswith("  ") for ln in lines):
            # italics have no part of their own: the text stays, the asterisks go
            parts += [("para", _ITALIC.sub(r"\1", ln.strip())) for ln in lines]
        else:
            parts.append(("para", " ".join(ln.strip() for ln in lines)))
    return parts


def _items(lines: list[str]) -> list[Part]:
    items: list[list[str]] = []
    for line in lines:
        sub = re.match(r"\s+- ", line)
        if re.match(r"(\d+\.|-) ", line) or sub:
            # a numbered item keeps its typed number as a paragraph (as councils type them)
            kind = "subitem" if sub else "item" if line.startswith("- ") else "para"
            text = line.strip()[2:] if sub or line.startswith("- ") else line.strip()
            items.append([kind, text])
        else:
            items[-1][1] += " " + line.strip()
    return [(kind, text) for kind, text in items]


def main() -> None:
    barnsley = parts_of((HERE / "barnsley-progress-review-2021.md").read_text(encoding="utf-8"))
    to_pdf(
        barnsley,
        HERE / "barnsley-progress-review-2021.fpdf.pdf",
        header="Corporate Peer Challenge Progress Review – Barnsley Metropolitan Borough Council",
        footer="18 Smith Square, London, SW1P 3HZ   Page {page}",
    )
    wokingham = parts_of((HERE / "wokingham-cpc-2018.md").read_text(encoding="utf-8"))
    to_docx(wokingham, HERE / "wokingham-cpc-2018.docx")


if __name__ == "__main__":
    main()

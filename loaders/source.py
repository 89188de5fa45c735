"""Reading a source document (text, Markdown or PDF) into numbered lines, with clear errors.

Every loader reads through `read_source`, so every loader gets the same checks: the file
exists, is not empty, is UTF-8 (or a real PDF with a text layer), and every line keeps its
number and, for a PDF, its page, so provenance can point back into the source.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from councilgraph.errors import LoaderError

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
PDF_SUFFIXES = {".pdf"}
DOCUMENT_SUFFIXES = TEXT_SUFFIXES | PDF_SUFFIXES

_TAG = re.compile(r"<[^>]{1,200}>")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*(?=\S)|(?<=\S)\*)")
_SPACES = re.compile(r"[ \t\u00a0]+")


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line number in the extracted text
    text: str  # cleaned: HTML tags, Markdown emphasis and repeated spaces removed
    raw: str  # as read
    page: int | None = None  # 1-based PDF page


@dataclass(frozen=True)
class Source:
    path: Path
    lines: tuple[Line, ...]
    sha256: str
    pages: int | None = None

    @property
    def key(self) -> str:
        """The document key: its file name without extension, as a slug."""
        return slugify(self.path.stem)

    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def nonblank(self) -> list[Line]:
        return [line for line in self.lines if line.text]

    def where(self, line: Line) -> str:
        """A location for errors and provenance: "page 3, line 41" or "line 41"."""
        return f"page {line.page}, line {line.number}" if line.page else f"line {line.number}"


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: "LB Lambeth" -> "lb-lambeth"."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def clean(text: str) -> str:
    """Strip the HTML and Markdown furniture that PDF-to-text conversion leaves in lines."""
    text = _TAG.sub(" ", text)
    text = _MD_EMPHASIS.sub("", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return _SPACES.sub(" ", text).strip()


def read_source(path: Path) -> Source:
    """Read a text, Markdown or PDF document; raise LoaderError naming the file otherwise."""
    if not path.exists():
        raise LoaderError(path, "", "no such file")
    if path.is_dir():
        raise LoaderError(path, "", "is a directory, not a document")
    data = path.read_bytes()
    if not data.strip():
        raise LoaderError(path, "", "the file is empty", hint="remove it or give it content")
    digest = hashlib.sha256(data).hexdigest()
    if path.suffix.lower() in PDF_SUFFIXES or data.startswith(b"%PDF-"):
        return _read_pdf(path, data, digest)
    if path.suffix.lower() not in TEXT_SUFFIXES:
        raise LoaderError(
            path,
            "",
            f"unsupported file type {path.suffix!r}",
            hint=f"documents must be one of {', '.join(sorted(DOCUMENT_SUFFIXES))}",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LoaderError(
            path,
            f"line {line}, byte {exc.start}",
            f"not valid UTF-8 ({exc.reason}, byte 0x{data[exc.start]:02x})",
            hint="save the file as UTF-8",
        ) from exc
    if "\x00" in text:
        raise LoaderError(path, "", "contains NUL bytes: a binary file, not text")
    lines = tuple(
        Line(number=i, text=clean(raw), raw=raw) for i, raw in enumerate(text.splitlines(), start=1)
    )
    return Source(path=path, lines=lines, sha256=digest)


def _read_pdf(path: Path, data: bytes, digest: str) -> Source:
    from io import BytesIO

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError, PdfStreamError

    if not data.startswith(b"%PDF-"):
        raise LoaderError(path, "byte 0", "is not a PDF (no %PDF- header)", hint="is it mis-named?")
    try:
        reader = PdfReader(BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, PdfStreamError, ValueError, KeyError) as exc:
        raise LoaderError(path, "", f"cannot read PDF: {exc}") from exc
    lines: list[Line] = []
    number = 0
    for page_number, page_text in enumerate(pages, start=1):
        for raw in page_text.splitlines():
            number += 1
            lines.append(Line(number=number, text=clean(raw), raw=raw, page=page_number))
    if not any(line.text for line in lines):
        raise LoaderError(
            path, "", "the PDF has no text layer", hint="run OCR on it first (e.g. ocrmypdf)"
        )
    return Source(path=path, lines=tuple(lines), sha256=digest, pages=len(pages))

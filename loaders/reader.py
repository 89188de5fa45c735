"""Reading any document (text, Markdown, PDF, Word) into a `Document`, with clear errors.

Every loader reads through `read_document`, so every loader gets the same checks: the file
exists, is not empty, is UTF-8 (or a real PDF with a text layer, or a real .docx), and every
block keeps its place so provenance can point back into the source.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from councilgraph.errors import LoaderError
from loaders.document import Document
from loaders.layout import read_lines
from loaders.lines import Line

TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
PDF_SUFFIXES = {".pdf"}
WORD_SUFFIXES = {".docx"}
DOCUMENT_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | PDF_SUFFIXES | WORD_SUFFIXES


def read_document(path: Path) -> Document:
    """The document at `path`; LoaderError naming the file (and the place) otherwise."""
    if not path.exists():
        raise LoaderError(path, "", "no such file")
    if path.is_dir():
        raise LoaderError(path, "", "is a directory, not a document")
    data = path.read_bytes()
    if not data.strip():
        raise LoaderError(path, "", "the file is empty", hint="remove it or give it content")
    digest = hashlib.sha256(data).hexdigest()
    suffix = path.suffix.lower()
    pages: int | None = None
    if suffix in PDF_SUFFIXES or data.startswith(b"%PDF-"):
        from loaders.read_pdf import pdf_lines

        lines, pages = pdf_lines(path, data)
    elif suffix in WORD_SUFFIXES:
        from loaders.read_docx import docx_lines

        lines = docx_lines(path, data)
    elif suffix in TEXT_SUFFIXES | MARKDOWN_SUFFIXES:
        lines, pages = _text(path, data, markdown=suffix in MARKDOWN_SUFFIXES)
    else:
        raise LoaderError(
            path,
            "",
            f"unsupported file type {path.suffix!r}",
            hint=f"documents must be one of {', '.join(sorted(DOCUMENT_SUFFIXES))}",
        )
    blocks = read_lines(lines)
    if not blocks:
        raise LoaderError(path, "", "no text in the document")
    return Document(path, digest, tuple(blocks), pages)


def _text(path: Path, data: bytes, *, markdown: bool) -> tuple[list[Line], int | None]:
    from loaders.read_text import text_lines

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
    return text_lines(text, markdown=markdown)

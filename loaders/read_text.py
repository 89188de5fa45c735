"""Plain text and Markdown to lines: pdftotext output (form feeds part pages), hand-typed text
and Markdown (`#` and underlined headings, `**bold**` lines, links, block quotes)."""

from __future__ import annotations

import re

from loaders.document import Place
from loaders.lines import Line
from loaders.text import clean

_MD_HEADING = re.compile(r"^\s{0,3}(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
_MD_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_MD_UNDERLINE = re.compile(r"^\s{0,3}(?P<c>=+|-+)\s*$")
_MD_LINK = re.compile(r"!?\[(?P<text>[^\]]*)\]\([^)]*\)")
_MD_STRONG = re.compile(r"^\s*(?:\*\*|__)(?P<text>[^*_].*?)(?:\*\*|__)\s*:?\s*$")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")


def _indent(raw: str) -> int:
    spaces = 0
    for char in raw:
        if char == " ":
            spaces += 1
        elif char == "\t":
            spaces += 4
        else:
            break
    return spaces


def text_lines(text: str, *, markdown: bool) -> tuple[list[Line], int | None]:
    """The lines of a text file, and its page count where form feeds part its pages."""
    pages = text.count("\f") + 1 if "\f" in text else None
    page = 1 if pages else None
    raws: list[tuple[str, int | None]] = []
    # str.splitlines would also split at form feeds, which part pages in pdftotext output
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        parts = raw.split("\f")
        for index, part in enumerate(parts):
            if index and page is not None:
                page += 1
            raws.append((part, page))
    lines: list[Line] = []
    for number, (raw, on_page) in enumerate(raws, start=1):
        place = Place(number, on_page)
        if markdown:
            lines.append(_markdown_line(raw, place))
        elif _MD_RULE.match(raw) and "|" not in raw:
            lines.append(Line("", place))  # a rule of dashes or underscores parts blocks
        else:
            lines.append(Line(clean(raw), place, raw=raw, indent=_indent(raw)))
    if markdown:
        lines = _underlined(lines, [raw for raw, _ in raws])
    return lines, pages


def _markdown_line(raw: str, place: Place) -> Line:
    if _MD_RULE.match(raw) and "|" not in raw:
        return Line("", place, raw="")
    quoted = _MD_QUOTE.sub("", raw)
    body = _MD_ESCAPE.sub(r"\1", _MD_LINK.sub(r"\g<text>", quoted))
    heading = _MD_HEADING.match(body)
    if heading:
        level = len(heading["hashes"])
        return Line(clean(heading["text"]), place, raw=body, heading=level)
    strong = bool(_MD_STRONG.match(body))
    return Line(clean(body), place, raw=body, indent=_indent(body), strong=strong)


def _underlined(lines: list[Line], raws: list[str]) -> list[Line]:
    """Setext headings: a line underlined with === (level 1) or --- (level 2)."""
    out = list(lines)
    for index in range(1, len(out)):
        found = _MD_UNDERLINE.match(raws[index])
        above = out[index - 1]
        if found and above.text and not above.heading and "|" not in above.raw:
            level = 1 if found["c"].startswith("=") else 2
            out[index - 1] = Line(above.text, above.place, raw=above.raw, heading=level)
            out[index] = Line("", out[index].place)
    return out

"""Layout helpers for peer challenge reports: page furniture, headings, sections, list items.

Private to `loaders.peer_challenge_report`; kept apart so that module stays readable.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from loaders.records import Provenance
from loaders.source import Line, Source

BULLET = re.compile(r"^[-•*●▪◦·–—]\s*(?=\S)")
# "1.", "12)", "2.1.", "2.1", "(iv)", "a)", "Recommendation 3 -": the number is kept as printed.
ITEM = re.compile(
    r"^(?:(?P<dotted>\d{1,2}(?:\.\d{1,2})+)\.?|(?P<num>\d{1,2}|[ivx]{1,5}|[a-h])[.)]"
    r"|\((?P<paren>\d{1,2}|[ivx]{1,5}|[a-h])\)|Recommendation\s+(?P<rec>\d{1,2})\s*[:.–—-])\s+(?P<text>\S.*)$"
)
_NUMBERED_HEADING = re.compile(r"^(?P<num>\d{1,2}[a-z]?(?:\.\d{1,2})*)\.?\s+(?P<title>[A-Z].*)$")
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?$", re.IGNORECASE)
_MD_HEADING = re.compile(r"^#{1,6}\s*")
_LGA_FOOTER = re.compile(r"smith square|www\.local\.gov\.uk|020 7664 3000|registered charity", re.I)
# Section headings peer challenge reports use, from 2012 to now; matched at the line start.
KNOWN_HEADINGS = (
    "executive summary",
    "overall messages",
    "key messages",
    "key recommendations",
    "detailed recommendations",
    "recommendations",
    "summary of the peer challenge approach",
    "summary of the approach",
    "the peer challenge process",
    "the peer team",
    "peer team",
    "scope and focus",
    "next steps",
    "follow up visit",
    "follow-up visit",
    "progress review",
    "next corporate peer challenge",
    "introduction",
    "background",
    "contact details",
    "appendix",
    "feedback",
    "key findings",
    "looking to the future",
    "conclusion",
)
_RECS_HEADING = re.compile(
    r"^(?:(?:summary of|the peer team'?s|our) )?(?:(?P<kind>key|detailed|main|further|other|"
    r"additional|specific) )?recommendations:?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Heading:
    index: int  # position in the working lines
    number: str | None
    title: str

    def label(self) -> str:
        return f"section {self.number} '{self.title}'" if self.number else f"'{self.title}'"


@dataclass(frozen=True)
class Item:
    """One list item, its wrapped lines joined."""

    text: str
    number: str | None
    line: Line
    group: str | None


def working_lines(source: Source) -> list[Line]:
    """The source's lines without page furniture (page numbers, running headers, LGA footer).
    Blank lines around removed furniture go too, unless a sentence ended before the break,
    so that an item broken over two pages reads as one."""
    repeated = _running_lines(source)
    out: list[Line] = []
    dropped = False
    for line in source.lines:
        if line.text.startswith("#"):  # Markdown headings
            line = Line(line.number, _MD_HEADING.sub("", line.text), line.raw, line.page)
        if line.text and (
            _PAGE_NUMBER.match(line.text)
            or _LGA_FOOTER.search(line.text)
            or _furniture_key(line.text) in repeated
        ):
            dropped = True
            while out and not out[-1].text:
                out.pop()
            continue
        if dropped and not line.text:
            continue
        if (
            dropped
            and out
            and (
                (out[-1].text[-1:] in ".?!:" and line.text[:1].isupper())
                or ITEM.match(line.text)
                or BULLET.match(line.text)
                or known_heading(line.text)
            )
        ):
            out.append(Line(line.number, "", "", line.page))
        dropped = False
        out.append(line)
    return out


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower())


def _running_lines(source: Source) -> set[str]:
    """Lines repeated at the top or bottom of several PDF pages: running headers and footers."""
    if not source.pages or source.pages < 2:
        return set()
    edges: Counter[str] = Counter()
    by_page: dict[int, list[Line]] = {}
    for line in source.lines:
        if line.text and line.page:
            by_page.setdefault(line.page, []).append(line)
    for page_lines in by_page.values():
        for edge in {page_lines[0].text, page_lines[-1].text}:
            edges[_furniture_key(edge)] += 1
    return {key for key, count in edges.items() if count >= 2 and len(key.split()) <= 12}


def title_like(text: str, max_words: int = 10) -> bool:
    """Short, capitalised and without closing punctuation: how headings look."""
    text = text.strip()
    return (
        bool(text)
        and (text[0].isupper() or text[0].isdigit())
        and len(text.split()) <= max_words
        and text[-1] not in ".,;?!"
        and not BULLET.match(text)
    )


def known_heading(text: str) -> bool:
    """A heading peer challenge reports use ("The peer team", "3a. Detailed recommendations");
    not a sentence that starts with the same words ("The peer team makes the following ...:")."""
    title = _strip_number(text).strip()
    bare = title.lower().rstrip(":").strip()
    if not title_like(title, 9):
        return False
    return any(
        bare == h
        or (
            bare.startswith(h + " ")
            and not title.endswith(":")
            and len(bare.split()) - len(h.split()) <= 4
        )
        for h in KNOWN_HEADINGS
    )


def recs_heading(text: str) -> str | None:
    """ "key", "detailed", "" (plain "Recommendations") for a recommendations heading, else None."""
    found = _RECS_HEADING.match(_strip_number(text).strip())
    return None if not found else (found["kind"] or "").lower()


def _strip_number(text: str) -> str:
    found = _NUMBERED_HEADING.match(text)
    return found["title"] if found else text


def split_heading(text: str) -> tuple[str | None, str]:
    found = _NUMBERED_HEADING.match(text)
    return (found["num"], found["title"].rstrip(":")) if found else (None, text.rstrip(":"))


def headings(lines: list[Line]) -> list[Heading]:
    """Numbered section headings in sequence ("3.", "3a.", "12.") and known unnumbered ones."""
    found: list[Heading] = []
    current = 0
    previous_item: str | None = None
    for index, line in enumerate(lines):
        text = line.text
        if not text:
            continue
        numbered = _NUMBERED_HEADING.match(text)
        if numbered and title_like(numbered["title"]):
            top = int(re.sub(r"\D.*", "", numbered["num"]))
            continues_list = previous_item is not None and _follows(previous_item, numbered["num"])
            if (
                current <= top <= current + 2
                and not continues_list
                and (top > current or not numbered["num"].isdigit())
            ):
                current = top
                found.append(Heading(index, numbered["num"], numbered["title"].rstrip(":")))
                previous_item = None
                continue
        elif known_heading(text) and not ITEM.match(text):
            found.append(Heading(index, None, text.rstrip(":")))
        item = ITEM.match(text)
        previous_item = item_number(item) if item else previous_item
    return found


def section_at(sections: list[Heading], index: int) -> Heading | None:
    """The nearest numbered heading at or before `index` (the section a line sits in)."""
    best = None
    for heading in sections:
        if heading.index > index:
            break
        if heading.number:
            best = heading
    return best


def item_number(found: re.Match[str]) -> str | None:
    return found["dotted"] or found["num"] or found["paren"] or found["rec"]


def _follows(previous: str | None, number: str) -> bool:
    """Whether `number` continues a list whose last item was `previous`: "3" -> "4",
    "2.1" -> "2.2"."""
    if previous is None:
        return False
    if previous.isdigit() and number.isdigit():
        return int(number) == int(previous) + 1
    head_p, _, last_p = previous.rpartition(".")
    head_n, _, last_n = number.rpartition(".")
    if head_p and head_p == head_n and last_p.isdigit() and last_n.isdigit():
        return int(last_n) == int(last_p) + 1
    return not previous.isdigit() and not number.isdigit()  # letters and roman numerals


def _is_first(number: str) -> bool:
    return number.rpartition(".")[2] in {"1", "i", "a"}


def _joins(previous: str, text: str) -> str:
    if previous.endswith("-") and not previous.endswith(" -"):
        return previous + text
    return f"{previous} {text}"


def parse_items(lines: list[Line], start: int, sections: list[Heading]) -> list[Item]:
    """The list items after `start` (a heading), up to the next heading or the first paragraph
    after the list. Group headings ("Clearer prioritisation:") are kept on each item."""
    reader = _ItemReader({h.index for h in sections})
    for index in range(start + 1, len(lines)):
        if not reader.feed(index, lines[index]):
            break
    reader.flush()
    return reader.items


class _ItemReader:
    """Reads list lines one at a time, joining wrapped lines into their item."""

    def __init__(self, heading_at: set[int]) -> None:
        self.heading_at = heading_at
        self.items: list[Item] = []
        self.text: str | None = None  # the item being read
        self.number: str | None = None  # its number, or the last item's
        self.first: Line | None = None
        self.group: str | None = None
        self.blank = False

    def flush(self) -> None:
        if self.text and self.first is not None:
            self.items.append(Item(self.text.strip(), self.number, self.first, self.group))
        self.text = None

    def feed(self, index: int, line: Line) -> bool:
        """Take one line; False when the list has ended."""
        if not line.text:
            self.blank = True
            return True
        if recs_heading(line.text) is not None:
            return False
        alone = _REC_ALONE.match(line.text)
        if alone:  # "Recommendation 3" on its own line; its text follows
            return self._start(alone["rec"], "", line)
        found = ITEM.match(line.text) or BULLET.match(line.text)
        if found is not None:
            return self._start(*_item_parts(found, line.text), line)
        if index in self.heading_at or known_heading(line.text):
            return False
        if self.text == "":  # the text under a lone "Recommendation 3"
            self.text = line.text
        elif self.text is not None and not self.blank and _continues(self.text, line.text):
            self.text = _joins(self.text, line.text)
        elif _group_heading(line.text) and (self.blank or self.items or self.text is not None):
            self.flush()
            self.group = line.text.rstrip(":").strip()
        elif self.items or self.text is not None:
            return False
        self.blank = False
        return True

    def _start(self, number: str | None, text: str, line: Line) -> bool:
        previous = self.number if self.items or self.text is not None else None
        group_just_set = self.text is None and self.group is not None
        if number and _ends_list(number, text, previous, group_just_set=group_just_set):
            return False
        self.flush()
        self.text, self.number, self.first = text, number, line
        self.blank = False
        return True


def _continues(text: str, line_text: str) -> bool:
    """A wrapped line: it starts in lower case, or the text so far ends mid-sentence."""
    return line_text[0].islower() or text[-1] not in ".?!"


_REC_ALONE = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?Recommendation\s+(?P<rec>\d{1,2})\s*[:.–—-]?$", re.I
)


def _item_parts(found: re.Match[str], line_text: str) -> tuple[str | None, str]:
    """Number and text of an item line; "- Recommendation 2 - Publish ..." keeps its number."""
    if found.re is ITEM:
        return item_number(found), found["text"]
    rest = line_text[found.end() :]
    inner = ITEM.match(rest)
    if inner and inner["rec"]:
        return inner["rec"], inner["text"]
    return None, rest


def _ends_list(number: str, text: str, previous: str | None, *, group_just_set: bool) -> bool:
    """A numbered line that is really the next section heading, not the next item."""
    if known_heading(f"{number} {text}") and title_like(text, 8):
        return True
    if previous is None or _follows(previous, number) or (group_just_set and _is_first(number)):
        return False
    return title_like(text)


def _group_heading(text: str) -> bool:
    """ "Clearer prioritisation:" - a short label over items, not an introduction to them."""
    if re.search(r"\b(?:following|recommend\w*|below|these|we|our|peer team)\b", text, re.I):
        return False
    return text[:1].isupper() and (
        (text.endswith(":") and len(text.split()) <= 8) or title_like(text, 7)
    )


@dataclass(frozen=True)
class Paragraph:
    lines: tuple[Line, ...]

    @property
    def text(self) -> str:
        out = ""
        for line in self.lines:
            out = _joins(out, line.text) if out else line.text
        return out

    def line_at(self, offset: int) -> Line:
        """The line holding character `offset` of `text`."""
        position = 0
        for line in self.lines:
            position += len(line.text) + 1
            if offset < position:
                return line
        return self.lines[-1]


def paragraphs(lines: list[Line], sections: list[Heading]) -> list[tuple[int, Paragraph]]:
    """Paragraphs with the working-line index of their first line. Blank lines part them; so
    do headings, list items and, in PDF text without blank lines, a short line ending a sentence."""
    width = _wrap_width(lines)
    breaks = {h.index for h in sections}
    out: list[tuple[int, Paragraph]] = []
    block: list[Line] = []
    start = 0
    for index, line in enumerate(lines):
        starts_new = bool(block) and (
            index in breaks
            or index - 1 in breaks
            or bool(ITEM.match(line.text) or BULLET.match(line.text))
            or (block[-1].text[-1:] in ".?!:" and len(block[-1].text) < 0.8 * width)
        )
        if block and (not line.text or starts_new):
            out.append((start, Paragraph(tuple(block))))
            block = []
        if line.text:
            if not block:
                start = index
            block.append(line)
    if block:
        out.append((start, Paragraph(tuple(block))))
    return out


def _wrap_width(lines: list[Line]) -> int:
    """The length most wrapped lines reach (90th percentile), for telling paragraph ends."""
    lengths = sorted(len(line.text) for line in lines if line.text)
    return lengths[int(len(lengths) * 0.9)] if lengths else 0


def sentences(text: str) -> list[tuple[int, str]]:
    """Sentences of a paragraph with their start offsets."""
    return [(m.start(), m.group().strip()) for m in re.finditer(r"[^.!?]+(?:[.!?]+|$)", text)]


def prov(source: Source, line: Line, location: str) -> Provenance:
    return Provenance(source.key, location, line=line.number, page=line.page)


def place(sections: list[Heading], index: int) -> str:
    """ "section 4 'Summary of the approach', 'The peer team'" for a working-line index."""
    nearest = next((h for h in reversed(sections) if h.index <= index), None)
    if nearest is None:
        return "title page"
    enclosing = section_at(sections, index)
    if nearest.number or enclosing is None:
        return nearest.label()
    return f"{enclosing.label()}, {nearest.label()}"

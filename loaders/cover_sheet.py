"""Cover sheets of committee papers: the labelled fields a council, London Councils or LGA
paper opens (or ends) with -- "Report of:", "Date of meeting:", "Portfolio Holder:" -- in the
forms they take on a `Document`: labelled lines (paragraphs, headings, list items), two-column
tables (Word, Markdown, ruled PDF, tab-separated text), capitalised labels ("LEAD OFFICER:"),
labels without their colon in a table or tab-separated row ("Lead Officer<TAB>Name"), a label
written into the line ("Report of Chief Executive", "REPORT TO CABINET", "Meeting of the" over
the body's name), and values wrapped onto the next line or row.

`fields(document)` gives every labelled field in document order, keyed by what it is
("author", "lead_officer", ...; see `LABELS`); `person_and_post` splits a value such as
"Deputy Chief Executive, Marcus Pellew" into the person and the post. Used by the follow-up
report genre; written for every genre of committee paper.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from loaders.document import Block, Document, Heading, ListBlock, Paragraph, Place, Table
from loaders.names import is_person, split_honorific
from loaders.organisations import ROLE_WORDS
from loaders.records import PersonRef

# The labels of each field, normalised (lower case, "(s)" and the colon dropped, "&" as "and").
LABELS: dict[str, tuple[str, ...]] = {
    "body": (
        "report to",
        "report to the",
        "meeting",
        "meeting of",
        "meeting of the",
        "committee",
        "decision maker",
        "decision-maker",
        "decision taker",
        "to",
    ),
    "date": ("date", "date of meeting", "meeting date", "date of decision", "decision date"),
    "item": (
        "agenda item",
        "item",
        "item no",
        "item number",
        "agenda item no",
        "agenda item number",
        "agenda no",
    ),
    "title": (
        "title",
        "report title",
        "title of report",
        "subject",
        "report subject",
        "report name",
        "name of report",
    ),
    "author": (
        "report author",
        "author",
        "author of report",
        "report prepared by",
        "prepared by",
        "report writer",
        "written by",
    ),
    "lead_officer": (
        "report of",
        "report from",
        "report by",
        "report by the",
        "report from the",
        "lead officer",
        "responsible officer",
        "accountable officer",
        "sponsoring officer",
        "senior responsible officer",
        "lead director",
        "director",
        "responsible director",
        "executive director lead",
        "director lead",
        "officer lead",
        "lead executive director",
        "accountable director",
        "report of the",
    ),
    "portfolio_holder": (
        "portfolio holder",
        "cabinet member",
        "executive member",
        "lead member",
        "lead cabinet member",
        "accountable member",
        "lead councillor",
        "cabinet portfolio holder",
        "relevant portfolio holder",
        "relevant cabinet member",
        "relevant executive member",
        "relevant executive board member",
        "responsible cabinet member",
        "cabinet lead",
        "cabinet member lead",
        "executive lead",
        "responsible executive member",
        "responsible portfolio holder",
        "executive councillor",
        "cabinet member responsible",
        "portfolio",
    ),
    "contact": (
        "contact officer",
        "contact",
        "officer contact",
        "officer contact details",
        "officer contact details for documents",
        "contact details",
        "report contact",
        "contact for enquiries",
        "further information",
    ),
    "recommendations": (
        "recommendation",
        "recommendations",
        "recommended decision",
        "recommended decisions",
        "decision sought",
        "decisions sought",
        "decision required",
        "decisions required",
        "decision",
    ),
    "summary": (
        "summary",
        "report summary",
        "executive summary",
        "purpose",
        "purpose of report",
        "purpose of the report",
    ),
    "wards": ("ward affected", "wards affected", "wards", "electoral division affected"),
    "job_title": ("job title", "post", "position", "designation"),
    "key_decision": ("key decision", "key/significant decision"),
    "classification": ("classification", "class", "exempt"),
}
_KEY_OF = {label: key for key, labels in LABELS.items() for label in labels}
# Labels that may run straight into their value, without a colon, at the start of a line.
_RUN_IN = re.compile(
    r"^(?P<label>report\s+(?:of|to|by|from)(?:\s+the)?|meeting\s+of(?:\s+the)?)\s+"
    r"(?=(?-i:[A-Z0-9]))",
    re.I,
)
_INLINE = re.compile(r"^(?P<label>[^:]{1,60}?)\s*:\s*(?P<value>.*)$", re.S)
_DASHED = re.compile(r"^(?P<label>[^:–—-]{1,60}?)\s+[–—-]\s+(?P<value>\S.*)$", re.S)  # "Author — X"
_MAX_WORDS = 80  # a longer block is running text, not a cover line


def _label_pattern(label: str) -> str:
    return r"\s+".join(re.escape(word) + r"(?:\(s\))?" for word in label.split())


# Any label followed by its colon, where several fields were run into one line (a PDF cover
# without gaps between its lines): "Report of: X, Post Title: Y Lead Member: Z".
_ANY_LABEL = re.compile(
    r"(?:^|(?<=\s))(?P<label>"
    + "|".join(_label_pattern(label) for label in sorted(_KEY_OF, key=len, reverse=True))
    + r")\s*:\s*",
    re.IGNORECASE,
)
# Contact details that follow a person and post: phone, extension, e-mail address.
_CONTACT_TAIL = re.compile(
    r"\s*[,;]?\s*(?:\b(?:tel|telephone|phone|mobile|direct line|ext|extension|e-?mail)\b\.?:?"
    r"|\S+@\S+|\(?\b0\d{2,4}\)?[\d ]{6,}).*$",
    re.IGNORECASE | re.S,
)
_POST_START = ROLE_WORDS | {
    "divisional",
    "service",
    "corporate",
    "strategic",
    "group",
    "joint",
    "business",
    "democratic",
    "monitoring",
    "section",
    "team",
    "development",
}


@dataclass(frozen=True)
class Field:
    """A labelled value of a cover sheet."""

    key: str  # "author", "lead_officer", ... (LABELS)
    label: str  # as printed: "REPORT PREPARED BY"
    lines: tuple[str, ...]  # the value as printed, one part per line or row it wraps over
    index: int  # the block it is in
    place: Place

    @property
    def value(self) -> str:
        return " ".join(part for part in self.lines if part).strip()


def label_key(text: str) -> str | None:
    """The field a label names ("Report prepared by:" -> "author"), or None."""
    return _KEY_OF.get(normalise_label(text))


def normalise_label(text: str) -> str:
    text = text.lower().replace("&", "and").replace("(s)", "")
    text = re.sub(r"[:.*]+$", "", text.strip())
    return re.sub(r"\s+", " ", text).strip()


def fields(document: Document) -> list[Field]:
    """Every labelled field of the document, in order (a paper may put some at its end)."""
    found: list[Field] = []
    blocks = document.blocks
    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            found.extend(_table_fields(index, block))
        elif isinstance(block, ListBlock):
            for _, item in block.walk():
                found.extend(_line_fields(index, item.text, item.place))
        elif isinstance(block, Heading | Paragraph):
            line = _line_fields(index, block.text, block.place)
            if line:
                found.extend([*line[:-1], _with_continuation(line[-1], blocks, index)])
    return found


def first(found: list[Field], key: str) -> Field | None:
    """The first field of a kind that has a value."""
    return next((field for field in found if field.key == key and field.value), None)


def labels_in(text: str) -> list[re.Match[str]]:
    """Where labels start fields inside a line: at its start, and where a capitalised label
    with its colon follows ("... Resources Title: Corporate ..."); a one-word label only at
    the start or after another field."""
    found = [m for m in _ANY_LABEL.finditer(text) if m["label"][:1].isupper() or m.start() == 0]
    kept: list[re.Match[str]] = []
    for match in found:
        if match.start() == 0 or kept or len(match["label"].split()) > 1:
            kept.append(match)
    return kept


def _line_fields(index: int, text: str, place: Place) -> list[Field]:
    """The fields of one line, split where several were run together."""
    if len(text.split()) > _MAX_WORDS:
        return []
    marks = labels_in(text)
    if not marks or marks[0].start() != 0 and len(marks) == 1 and marks[0]["label"][:1].islower():
        field = _line_field(index, text, place)
        return [field] if field else []
    fields_: list[Field] = []
    if marks[0].start() != 0:
        field = _line_field(index, text[: marks[0].start()].strip(), place)
        fields_ += [field] if field else []
    for at, mark in enumerate(marks):
        end = marks[at + 1].start() if at + 1 < len(marks) else len(text)
        key = label_key(mark["label"])
        if key:
            value = text[mark.end() : end].strip()
            fields_.append(Field(key, mark["label"], (value,), index, place))
    return fields_


def _line_field(index: int, text: str, place: Place) -> Field | None:
    """ "Label: value", "Label:" alone, or a label run into its value ("Report of X")."""
    if len(text.split()) > _MAX_WORDS:
        return None
    for pattern in (_INLINE, _DASHED):
        found = pattern.match(text)
        if found and (key := label_key(found["label"])):
            return Field(key, found["label"].strip(), (found["value"].strip(),), index, place)
    run_in = _RUN_IN.match(text)
    if run_in and (key := label_key(run_in["label"])):
        value = text[run_in.end() :].strip()
        return Field(key, run_in["label"], (value,), index, place)
    if (key := label_key(text)) and _RUN_IN.match(text + " X"):
        return Field(key, text.strip(), ("",), index, place)  # "Meeting of the" over the name
    return None


def _with_continuation(field: Field, blocks: tuple[Block, ...], index: int) -> Field:
    """A value on the next line ("Meeting of the" / the body's name), or wrapped onto a
    paragraph of its own that starts in lower case."""
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    if not isinstance(following, Paragraph | Heading):
        return field
    if label_key(following.text) or _labelled_line(following.text):
        return field
    if not field.value or following.text[:1].islower():
        return Field(field.key, field.label, (*field.lines, following.text), index, field.place)
    return field


def _labelled_line(text: str) -> bool:
    found = _INLINE.match(text)
    return bool(found and label_key(found["label"]))


def _table_fields(index: int, table: Table) -> Iterator[Field]:
    """Rows of a cover table: the label in the first cell (with or without its colon), the
    value beside it; a row whose first cell is empty carries on the value above; a cell
    holding "Label: value" is read on its own."""
    current: Field | None = None
    for number, row in enumerate(table.rows):
        place = table.row_place(number)
        cells = [cell.strip() for cell in row]
        values = [cell for cell in cells[1:] if cell]
        pairs = _pairs(cells)
        if len(pairs) > 1:  # "Meeting | Executive | Date | 17 February 2022"
            if current is not None:
                yield current
                current = None
            for paired, label, value in pairs:
                yield Field(paired, label.rstrip(":"), (value,), index, place)
            continue
        key = label_key(cells[0]) if cells and cells[0] else None
        if key and values and len(values) <= 2:  # not the header of a table of data
            if current is not None:
                yield current
            current = Field(key, cells[0].rstrip(":"), (" ".join(values),), index, place)
            continue
        if cells and not cells[0] and values and current is not None:
            current = Field(current.key, current.label, (*current.lines, *values), index, place)
            continue
        if current is not None:
            yield current
            current = None
        for cell in cells:
            field = _line_field(index, cell, place) if ":" in cell else None
            if field is not None and field.value:
                yield field
    if current is not None:
        yield current


def _pairs(cells: list[str]) -> list[tuple[str, str, str]]:
    """(key, label, value) for a row of label and value cells side by side."""
    filled = [cell for cell in cells if cell]
    if len(filled) < 4 or len(filled) % 2:
        return []
    found = []
    for label, value in zip(filled[::2], filled[1::2], strict=True):
        key = label_key(label)
        if key is None:
            return []
        found.append((key, label, value))
    return found


# ---- people on cover sheets


def person_and_post(value: str) -> tuple[PersonRef | None, str | None]:
    """The person a cover value names and their post, in the orders papers use: "Name, Post",
    "Post, Name", "Name - Post", "Post (Name)", "Name Post" ("Sharon Godman Divisional
    Director ..."), or a post alone ("Chief Executive"); contact details dropped. (None, None)
    for an empty value."""
    value = _CONTACT_TAIL.sub("", value).strip(" ,;:–—-")
    if not value:
        return None, None
    bracketed = re.fullmatch(r"(?P<post>.+?)\s*\((?P<name>[^()]+)\)", value)
    if bracketed and is_person(bracketed["name"]):
        return split_honorific(bracketed["name"]), _tidy(bracketed["post"])
    parts = [p for p in re.split(r"\s*,\s*|\s+[–—-]\s+", value) if p]
    if parts and is_person(parts[0]):
        return split_honorific(parts[0]), _tidy(value[value.find(parts[0]) + len(parts[0]) :])
    if len(parts) > 1 and is_person(parts[-1]):
        return split_honorific(parts[-1]), _tidy(value[: value.rfind(parts[-1])])
    words = value.split()
    for cut in range(2, min(len(words) - 1, 6) + 1):
        name = " ".join(words[:cut])
        if words[cut].lower().strip(",") in _POST_START and is_person(name):
            return split_honorific(name), _tidy(" ".join(words[cut:]))
    if is_person(value):
        return split_honorific(value), None
    return None, _tidy(value)


def is_post(text: str) -> bool:
    """A line that is a post and nothing else: "Director of Corporate Services"."""
    words = text.strip().rstrip(".").split()
    return (
        0 < len(words) <= 10
        and words[0].lower().strip(",") in _POST_START
        and text[:1].isupper()
        and not re.search(r"[.;:!?]\s", text)
        and not is_person(text)
    )


def _tidy(text: str) -> str | None:
    """A post without the separators around it; brackets kept where they are part of it."""
    text = text.strip(" ,;:–—-")
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1].strip()
    return text or None


__all__ = [
    "LABELS",
    "Field",
    "fields",
    "first",
    "is_post",
    "label_key",
    "labels_in",
    "person_and_post",
]

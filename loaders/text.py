"""Small text helpers every reader and extractor shares: cleaning, slugs, sentences, and how
headings, list markers and sentence ends look in English council papers."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

_TAG = re.compile(r"<[^>]{1,200}>")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*(?=\S)|(?<=\S)\*)")
_SPACES = re.compile(r"[ \t\u00a0\u2002\u2003\u2009\u200b]+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
# Private-use glyphs that PDF converters emit for Wingdings / Symbol bullets.
_PUA_BULLET = re.compile(r"^[\uf000-\uf8ff]\s*")
SENTENCE_END = ".?!"


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: "LB Lambeth" -> "lb-lambeth"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def clean(text: str, *, emphasis: bool = True) -> str:
    """Strip the HTML and Markdown furniture that PDF-to-text conversion leaves in lines,
    fold typographic quotes and collapse spaces (tabs too: call `cells` first for tables)."""
    text = _TAG.sub(" ", text)
    if emphasis:
        text = _MD_EMPHASIS.sub("", text)
    text = _PUA_BULLET.sub("• ", text.translate(_QUOTES))
    return _SPACES.sub(" ", text).strip()


def join_lines(previous: str, line: str) -> str:
    """Join a wrapped line to the text before it, undoing a hyphen split at the line end
    ("improve-" + "ment") but keeping a real hyphen ("Anglo-" + "Saxon")."""
    if not previous:
        return line
    if re.search(r"[a-z]-$", previous) and line[:1].islower():
        return previous[:-1] + line
    return f"{previous} {line}"


def title_like(text: str, max_words: int = 12) -> bool:
    """Short, capitalised and without closing punctuation: how headings look."""
    text = text.strip()
    return (
        bool(text)
        and (text[0].isupper() or text[0].isdigit() or text[0] in "'\"(")
        and len(text.split()) <= max_words
        and text[-1] not in ".,;?!"
    )


def ends_sentence(text: str) -> bool:
    return text.rstrip()[-1:] in SENTENCE_END + ":" or text.rstrip().endswith((".'", '."', ".)"))


def sentences(text: str) -> list[tuple[int, str]]:
    """Sentences of a paragraph with their start offsets. Abbreviations that end in a full
    stop ("Dr.", "Cllr.", "St.", "e.g.") and initials ("J. Smith") do not end a sentence."""
    found: list[tuple[int, str]] = []
    start = 0
    for match in re.finditer(r"[.!?]+(?=\s+[\"'(]?[A-Z0-9]|\s*$)", text):
        before = text[start : match.start()].split()
        last = before[-1] if before else ""
        if last.rstrip(".").lower() in _ABBREVIATIONS or re.fullmatch(r"[A-Z]", last):
            continue
        end = match.end()
        chunk = text[start:end].strip()
        if chunk:
            found.append((start + len(text[start:end]) - len(text[start:end].lstrip()), chunk))
        start = end
    rest = text[start:].strip()
    if rest:
        found.append((start + len(text[start:]) - len(text[start:].lstrip()), rest))
    return found


_ABBREVIATIONS = {
    "dr",
    "cllr",
    "st",
    "mr",
    "mrs",
    "ms",
    "prof",
    "e.g",
    "i.e",
    "etc",
    "no",
    "cf",
    "rev",
    "revd",
    "hon",
    "rt",
}


def words(text: str) -> Iterator[str]:
    yield from re.findall(r"[A-Za-z][A-Za-z'\-]*", text)

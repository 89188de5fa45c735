"""The peer challenge a follow-up report refers to: when it was, its scope and key
recommendations, the follow-up it plans, other reviews, and the options put to the meeting.

Private to `loaders.follow_up_report`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from loaders import _follow_up_text as layout
from loaders._follow_up_parts import Prov, month_start
from loaders.dates import end_of_month, parse_month, parse_range
from loaders.records import (
    ChallengeRef,
    Figure,
    Option,
    OrgRef,
    PeerChallenge,
    Recommendation,
    Review,
)

_TYPES = (
    ("corporate peer challenge", "corporate-peer-challenge"),
    ("finance peer review", "finance-peer-review"),
    ("finance peer challenge", "finance-peer-challenge"),
    ("planning peer challenge", "planning-peer-challenge"),
    ("planning peer review", "planning-peer-review"),
    ("children's services peer challenge", "childrens-services-peer-challenge"),
    ("adult social care peer challenge", "adult-social-care-peer-challenge"),
    ("safeguarding peer review", "safeguarding-peer-review"),
    ("communications peer challenge", "communications-peer-challenge"),
)
_OTHER_TYPE = re.compile(
    r"\b(?:Planning|Finance|Children's Services|Adult Social Care|Adults'? Services|Safeguarding|"
    r"Housing|Communications|Commercial|Scrutiny|Economic Growth|Health and Wellbeing) Peer "
    r"(?:Challenge|Review)\b"
)
_FOLLOW = re.compile(r"follow[- ]?up|progress review|revisit|return visit", re.IGNORECASE)
_NUMBER_WORDS = {
    word: n
    for n, word in enumerate(
        re.findall(r"\S+", "zero one two three four five six seven eight nine ten")
    )
}
_DAYS = re.compile(
    r"\b(?:over|across|during|for|spent)\s+(?P<a>\w+)\s+days\b|"
    r"\b(?P<b>\w+)[- ]day\s+(?:visit|challenge|review|on[- ]site)",
    re.IGNORECASE,
)
_KEY_INTRO = re.compile(
    r"\b(?:key |main |headline )?recommendations\b(?:(?!\bis recommended\b).)*"
    r"(?:\bwere|\bare|\binclude[ds]?|\bas follows|\bbelow|\bfollowing)?\s*:$",
    re.IGNORECASE,
)
_OPTION = re.compile(
    r"^Option\s+(?P<num>\d{1,2}|[A-H])\b\s*"
    r"(?P<pref>\((?:the )?(?:preferred|recommended)(?: option)?\))?"
    r"\s*(?:[.:–—-]|(?<=\)))\s*(?P<rest>\S.*)$"
)
_PREFERRED = re.compile(
    r"(?:preferred|recommended)\s+option\s*(?:is\s+)?(?:option\s+)?(?P<a>\d{1,2}|[A-H])\b|"
    r"\boption\s+(?P<b>\d{1,2}|[A-H])\s+is\s+(?:the\s+)?(?:preferred|recommended)",
    re.IGNORECASE,
)


def _type_of(text: str) -> str | None:
    lowered = text.lower()
    return next((notation for words, notation in _TYPES if words in lowered), None)


def main_challenge(
    blocks: list[layout.Block], council: OrgRef, prov: Prov, title: str
) -> PeerChallenge | None:
    """The challenge the report follows up: the first sentence dating a peer challenge."""
    kind = _type_of(title) or "corporate-peer-challenge"
    for block, sentence in layout.sentences(blocks):
        lowered = sentence.lower()
        mentioned = _type_of(sentence)
        if not re.search(r"peer (?:challenge|review)", lowered) or _FOLLOW.search(sentence):
            continue
        if mentioned not in (None, kind) or re.search(r"\bby\s+[A-Z][a-z]+ \d{4}", sentence):
            continue
        span, month = parse_range(sentence), parse_month(sentence)
        if month is None:
            continue
        ref = ChallengeRef(
            council, span[0].year if span else month[0], span[0].month if span else month[1], kind
        )
        return PeerChallenge(
            ref=ref,
            provenance=prov(layout.place(block), block.line),
            start=span[0] if span else None,
            end=span[1] if span else None,
            follow_up_due_by=_due_by(blocks, ref),
            scope=_scope_questions(blocks),
            figures=tuple(_days(blocks, ref, prov, follow_up=False)),
        )
    return None


def _days(
    blocks: list[layout.Block], about: ChallengeRef, prov: Prov, *, follow_up: bool
) -> Iterator[Figure]:
    for block, sentence in layout.sentences(blocks):
        found = _DAYS.search(sentence)
        if not found or bool(_FOLLOW.search(sentence)) != follow_up:
            continue
        word = (found["a"] or found["b"]).lower()
        value = int(word) if word.isdigit() else _NUMBER_WORDS.get(word)
        if value and re.search(r"challenge|peer|visit|on site|review", sentence, re.IGNORECASE):
            yield Figure(
                "days-on-site",
                float(value),
                prov(layout.place(block), block.line),
                unit="days",
                label=found[0],
                about=about,
            )
            return


def _due_by(blocks: list[layout.Block], ref: ChallengeRef) -> date | None:
    """ "by June 2020", else "within two years" of the challenge, for the follow-up."""
    within: date | None = None
    for _block, sentence in layout.sentences(blocks):
        if not (_FOLLOW.search(sentence) or "visit" in sentence.lower()):
            continue
        by = re.search(r"\bby (?:the end of )?([A-Z][a-z]+ \d{4})", sentence)
        if by and (month := parse_month(by[1])):
            return end_of_month(*month)
        count = re.search(
            r"\bwithin (?:the next )?(\w+) (years?|months)\b", sentence, re.IGNORECASE
        )
        if within is None and count and ref.month:
            word = count[1].lower()
            number = int(word) if word.isdigit() else _NUMBER_WORDS.get(word, 0)
            months = ref.month - 1 + number * (12 if count[2].lower().startswith("year") else 1)
            within = end_of_month(ref.year + months // 12, months % 12 + 1) if number else None
    return within


def _intro_lists(
    blocks: list[layout.Block],
    pattern: re.Pattern[str],
    *,
    skip_actions: bool = False,
    where: str | None = None,
) -> list[layout.Block]:
    for index, block in enumerate(blocks):
        if (
            block.text.endswith(":")
            and pattern.search(block.text)
            and (where is None or re.search(where, block.text, re.IGNORECASE))
            and (items := layout.list_after(blocks, index, skip_actions=skip_actions))
        ):
            return items
    return []


def _scope_questions(blocks: list[layout.Block]) -> tuple[str, ...]:
    pattern = re.compile(
        r"scope (?:qs|questions)|questions? (?:set|asked|posed) by|asked the peer team to|"
        r"(?:council|we) asked (?:the peers|the lga|them) to",
        re.IGNORECASE,
    )
    return tuple(item.text for item in _intro_lists(blocks, pattern, skip_actions=True))


def key_recommendations(
    blocks: list[layout.Block], challenge: ChallengeRef, prov: Prov
) -> Iterator[Recommendation]:
    """The recommendations the report quotes from the feedback report, in order."""
    for index, block in enumerate(blocks):
        if block.kind == "heading" or not _KEY_INTRO.search(block.text):
            continue
        if not re.search(r"peer|lga|feedback|report|review|challenge", block.text, re.IGNORECASE):
            continue
        items = layout.list_after(blocks, index)
        is_key = bool(re.search(r"\bkey\b", block.text, re.IGNORECASE))
        for position, item in enumerate(items, start=1):
            label = "bullet" if item.number is None else "item"
            yield Recommendation(
                challenge=challenge,
                text=item.text.rstrip(";").strip(),
                is_key=is_key,
                provenance=prov(f"{layout.place(block)}, {label} {position}", item.line),
                number=item.number,
                position=position,
            )
        if items:
            return


def follow_up(
    blocks: list[layout.Block], main: PeerChallenge, prov: Prov
) -> Iterator[PeerChallenge]:
    """The follow-up visit or progress review the report plans (or reports), where it is dated;
    the mention giving exact days wins over one giving the month."""
    dated = [found for found in _follow_up_mentions(blocks, main) if found[2]] or list(
        _follow_up_mentions(blocks, main)
    )
    if not dated:
        return
    block, sentence, span, (year, month) = dated[0]
    kind = "progress-review" if "progress review" in sentence.lower() else "follow-up-visit"
    ref = ChallengeRef(main.ref.council, year, month, kind)
    focus = re.compile(r"areas? of focus|focus on|following areas|will (?:look at|consider)", re.I)
    yield PeerChallenge(
        ref=ref,
        provenance=prov(layout.place(block), block.line),
        start=span[0] if span else None,
        end=span[1] if span else None,
        planned=not re.search(r"\btook place\b|\bwas held\b|\bvisited\b", sentence),
        follow_up_of=main.ref,
        scope=tuple(
            item.text.rstrip(";.")
            for item in _intro_lists(blocks, focus, where=r"visit|review|follow")
        ),
        figures=tuple(_days(blocks, ref, prov, follow_up=True)),
    )


def _follow_up_mentions(
    blocks: list[layout.Block], main: PeerChallenge
) -> Iterator[tuple[layout.Block, str, tuple[date, date] | None, tuple[int, int]]]:
    pattern = re.compile(
        r"(?:follow[- ]?up|progress review|revisit|return visit)[^.]*?"
        r"\b(?:from|in|during|on|for|held)\s+"
        r"(?P<when>(?:\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s+)?[A-Z][a-z]+ \d{4})",
        re.IGNORECASE,
    )
    for block, sentence in layout.sentences(blocks):
        found = pattern.search(sentence)
        month = parse_month(found["when"]) if found else None
        if found and month and month > (main.ref.year, main.ref.month or 12):
            yield block, sentence, parse_range(found["when"]), month


def reviews(
    blocks: list[layout.Block], council: OrgRef, main: ChallengeRef | None, prov: Prov
) -> Iterator[Review]:
    """A dated self-assessment, and other kinds of peer challenge the report names."""
    seen: set[str] = set()
    for block, sentence in layout.sentences(blocks):
        if (
            "self-assessment" in sentence.lower()
            and "self-assessment" not in seen
            and re.search(r"\b(?:take place|be (?:held|completed|undertaken))\b", sentence)
            and (when := month_start(sentence))
        ):
            seen.add("self-assessment")
            yield Review(
                "Self-assessment",
                prov(layout.place(block), block.line),
                subject=council,
                date=when,
                kind="self-assessment",
            )
        for found in _OTHER_TYPE.finditer(sentence):
            kind = _type_of(found[0]) or re.sub(r"[^a-z]+", "-", found[0].lower()).strip("-")
            if found[0] not in seen and (main is None or kind != main.challenge_type):
                seen.add(found[0])
                yield Review(
                    found[0],
                    prov(layout.place(block), block.line),
                    subject=council,
                    date=month_start(sentence),
                    kind=kind,
                )


def options(blocks: list[layout.Block], prov: Prov) -> Iterator[Option]:
    """ "Option 1. Status quo: maintain the TIB – ..." items, and which one is preferred."""
    text = " ".join(block.text for block in blocks)
    preferred = {found["a"] or found["b"] for found in _PREFERRED.finditer(text)}
    seen: set[str] = set()
    for block in blocks:
        found = _OPTION.match(block.text)
        if not found or found["num"] in seen:
            continue
        seen.add(found["num"])
        parts = re.split(r"\s+[–—-]\s+", found["rest"], maxsplit=1)
        if len(parts) == 1:
            parts = re.split(r"(?<=[a-z])\.\s+|:\s+", found["rest"], maxsplit=1)
        label, body = (parts[0], parts[1]) if len(parts) == 2 else (found["rest"], found["rest"])
        yield Option(
            number=found["num"],
            label=label.strip().rstrip("."),
            text=body.strip(),
            provenance=prov(f"{layout.place(block)}, option {found['num']}", block.line),
            preferred=bool(found["pref"]) or found["num"] in preferred,
        )

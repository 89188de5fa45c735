"""The peer challenge a council paper answers, and what the paper says of it: when it was (from
any sentence giving its dates or month, whether or not it says "peer challenge"), the kind of
challenge, its scope, days on site, the key recommendations the paper quotes, when a follow-up
is due, and the follow-up visit or progress review it plans or reports.

The challenge is identified by council and month, so it is the one the graph already holds
when the challenge's own report is read too; otherwise it is created from what the paper
says (`quoted`). Private to `loaders.follow_up_report`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from loaders._follow_up_passages import Said, items_after, prov, said, sentences_said, where
from loaders.dates import (
    MONTHS,
    Month,
    When,
    end_of_month,
    last_day,
    month_number,
    parse_period,
    year_month,
)
from loaders.document import Document
from loaders.passages import provenance
from loaders.peer_challenge_facts import FOLLOW_UP, classify
from loaders.records import ChallengeRef, Figure, OrgRef, PeerChallenge, Recommendation

# Words that show a sentence is about the challenge's visit, before the dates they lead to.
_ABOUT = re.compile(
    r"peer (?:challenge|review)|peer team|team of (?:\w+\s+)?peers|\bpeers?\b|"
    r"\b(?:lga|review|challenge|visiting|the)\s+team\b|\bon[- ]?site\b|\bvisited\b|\bhosted\b|"
    r"\bwelcomed\b",
    re.IGNORECASE,
)
# Dates in such a sentence that are about something else.
_ELSEWHEN = re.compile(
    r"follow[- ]?up|progress review|revisit|return visit|next (?:peer )?(?:challenge|review)|"
    r"feedback (?:report|letter)|\breport\b|published|received|\blast\b|previous|action plan|"
    r"agreed|\bwill\b|expected|planned|proposed",
    re.IGNORECASE,
)
_FOLLOW = re.compile(r"follow[- ]?up|progress review|revisit|return visit", re.IGNORECASE)
_WINDOW = 100  # characters after the words about the visit in which its dates may stand
_NUMBER_WORDS = {
    word: n
    for n, word in enumerate("zero one two three four five six seven eight nine ten".split())
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
_SCOPE = re.compile(
    r"scope (?:qs|questions)|questions? (?:set|asked|posed) by|asked the peer team to|"
    r"(?:council|we) asked (?:the peers|the lga|them) to",
    re.IGNORECASE,
)
_VISIT = re.compile(
    r"(?:follow[- ]?up|progress review|revisit|return visit)[^.]*?"
    r"\b(?:from|in|during|on|for|held)\s+"
    r"(?P<when>(?:\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s+)?[A-Z][a-z]+ \d{4})",
    re.IGNORECASE,
)
_HAPPENED = re.compile(
    r"\btook place\b|\bwas held\b|\bvisited\b|\bfound\b|\bcarried out\b|\breported\b", re.I
)
_FOCUS = re.compile(
    r"areas? of focus|focus on|following areas|will (?:look at|consider)", re.IGNORECASE
)


@dataclass(frozen=True)
class Dated:
    """A sentence dating the challenge, and how surely."""

    period: tuple[When, When]
    passage: Said
    sentence: str
    rank: tuple[int, int]  # (precision: day 3, month 2, year 1; 1 if the date follows the words)


def kind_of(text: str) -> str | None:
    """The challenge-type notation a text names, a follow-up's words aside; None where it
    names no kind."""
    text = re.sub(FOLLOW_UP, "", text, flags=re.IGNORECASE)
    if not re.search(r"peer (?:challenge|review)|\bCPC\b", text, re.IGNORECASE):
        return None
    return classify(text)


def _precision(when: When) -> int:
    return 3 if isinstance(when, date) else 2 if isinstance(when, Month) else 1


def dating(document: Document, before: date | None) -> Dated | None:
    """The sentence that best dates the challenge: a range of days over a month, the words
    about the visit just before the dates over dates elsewhere in the sentence, then the
    first in the paper; never a date after the meeting, or one a sentence gives for the
    feedback report, the action plan or a follow-up."""
    best: Dated | None = None
    for passage, sentence in sentences_said(document):
        for found in _candidates(sentence):
            period, follows = found
            if before is not None and last_day(period[0]) > before:
                continue
            rank = (_precision(period[0]), follows)
            if best is None or rank > best.rank:
                best = Dated(period, passage, sentence, rank)
    return best


_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_YEARLESS = re.compile(
    rf"\b(?P<days>\d{{1,2}}(?:st|nd|rd|th)?\s*(?:[-–—]|to|and)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+"
    rf"(?P<month>{_MONTH_NAMES}))\b(?!,?\s*\d{{4}})",
    re.IGNORECASE,
)


def _with_years(sentence: str) -> str:
    """Days written without their year where the sentence gives the month with it: "late
    January 2023 (24-26 January)" -> "... (24-26 January 2023)"."""

    def year(found: re.Match[str]) -> str:
        month = month_number(found["month"])
        dated = re.search(rf"\b{found['month']}\s+(\d{{4}})\b", sentence, re.IGNORECASE)
        if month is None or dated is None:
            return found[0]
        return f"{found['days']} {dated[1]}"

    return _YEARLESS.sub(year, sentence)


def _candidates(sentence: str) -> Iterator[tuple[tuple[When, When], int]]:
    """Periods a sentence gives for the visit: just after words about it (1), or anywhere in
    a sentence about it that dates nothing else (0)."""
    sentence = _with_years(sentence)
    about = list(_ABOUT.finditer(sentence))
    if not about:
        return
    for match in about:
        window = sentence[match.end() : match.end() + _WINDOW]
        period = parse_period(window)
        if period is None:
            continue
        year = window.find(str(year_month(period[1])[0]))
        if not _ELSEWHEN.search(window[: max(year, 0)]):
            yield period, 1
    if not _ELSEWHEN.search(sentence) and (period := parse_period(sentence)):
        yield period, 0


def challenge(
    document: Document, council: OrgRef, title: str | None, meeting: date | None
) -> PeerChallenge | None:
    """The challenge the paper answers, created from what the paper says of it."""
    found = dating(document, meeting)
    if found is None:
        return None
    start, end = found.period
    year, month = year_month(start)
    kind = kind_of(title or "") or kind_of(found.sentence) or "corporate-peer-challenge"
    if kind in {"progress-review", "follow-up-visit"}:
        kind = "corporate-peer-challenge"
    ref = ChallengeRef(council, year, month, kind)
    return PeerChallenge(
        ref=ref,
        provenance=prov(document, found.passage),
        start=start,
        end=None if end == start and not isinstance(start, date) else end,
        follow_up_due_by=_due_by(document, ref),
        scope=tuple(_scope(document)),
        figures=tuple(_days(document, ref, follow_up=False)),
        quoted=True,
    )


def _days(document: Document, about: ChallengeRef, *, follow_up: bool) -> Iterator[Figure]:
    for passage, sentence in sentences_said(document):
        found = _DAYS.search(sentence)
        if not found or bool(_FOLLOW.search(sentence)) != follow_up:
            continue
        word = (found["a"] or found["b"]).lower()
        value = int(word) if word.isdigit() else _NUMBER_WORDS.get(word)
        if value and re.search(r"challenge|peer|visit|on site|review", sentence, re.IGNORECASE):
            where = prov(document, passage)
            yield Figure(
                "days-on-site", float(value), where, unit="days", label=found[0], about=about
            )
            return


def _due_by(document: Document, ref: ChallengeRef) -> date | None:
    """ "by June 2020", else "within two years" of the challenge, for the follow-up."""
    within: date | None = None
    for _, sentence in sentences_said(document):
        visit = "visit" in sentence.lower() and re.search(r"\byears?\b", sentence)
        if not (_FOLLOW.search(sentence) or visit):
            continue  # "publish the action plan within three months of the visit" is no follow-up
        by = re.search(r"\bby (?:the end of )?([A-Z][a-z]+ \d{4})", sentence)
        if by and (period := parse_period(by[1])):
            return last_day(period[0])
        count = re.search(r"\bwithin (?:the next )?(\w+) (years?|months)\b", sentence, re.I)
        if within is None and count and ref.month:
            word = count[1].lower()
            number = int(word) if word.isdigit() else _NUMBER_WORDS.get(word, 0)
            months = ref.month - 1 + number * (12 if count[2].lower().startswith("year") else 1)
            within = end_of_month(ref.year + months // 12, months % 12 + 1) if number else None
    return within


def _intro_items(document: Document, pattern: re.Pattern[str], where: str = "") -> list[Said]:
    for passage in said(document):
        text = passage.body
        if text.endswith(":") and pattern.search(text) and re.search(where, text, re.I):
            items = [i for i in items_after(document, passage) if i.kind != "action"]
            if items:
                return items
    return []


def _scope(document: Document) -> Iterator[str]:
    for item in _intro_items(document, _SCOPE):
        yield item.text


def key_recommendations(document: Document, ref: ChallengeRef) -> Iterator[Recommendation]:
    """The recommendations the paper quotes from the feedback report ("the key
    recommendations of the peer team were:"), in order."""
    for intro in said(document):
        text = intro.body
        if not _KEY_INTRO.search(text) or not re.search(
            r"peer|lga|feedback|report|review|challenge|team", text, re.IGNORECASE
        ):
            continue
        items = [i for i in items_after(document, intro) if i.kind != "action"]
        is_key = bool(re.search(r"\bkey\b", text, re.IGNORECASE))
        for position, item in enumerate(items, start=1):
            number = item.marker if item.kind not in {"bullet", "dotted"} else None
            what = f"item {number}" if number else f"bullet {position}"
            yield Recommendation(
                ref,
                re.sub(r"\s*(?:;\s*(?:and|or)?|,\s*and)\s*$", "", item.text).strip(),
                is_key,
                provenance(document, item.place, where(document, intro, what)),
                number=number,
                position=position,
                quoted=True,
            )
        if items:
            return


def follow_up(document: Document, main: PeerChallenge) -> Iterator[PeerChallenge]:
    """The follow-up visit or progress review the paper plans (or reports), where it is
    dated; a mention giving days wins over one giving the month."""
    mentions = list(_visit_mentions(document, main))
    if not mentions:
        return
    passage, sentence, period = max(mentions, key=lambda m: _precision(m[2][0]))
    kind = "progress-review" if "progress review" in sentence.lower() else "follow-up-visit"
    year, month = year_month(period[0])
    ref = ChallengeRef(main.ref.council, year, month, kind)
    scope = _intro_items(document, _FOCUS, r"visit|review|follow")
    yield PeerChallenge(
        ref=ref,
        provenance=prov(document, passage),
        start=period[0] if isinstance(period[0], date) else None,
        end=period[1] if isinstance(period[1], date) else None,
        planned=not _HAPPENED.search(sentence),
        follow_up_of=main.ref,
        scope=tuple(item.text.rstrip(";.") for item in scope),
        figures=tuple(_days(document, ref, follow_up=True)),
    )


def _visit_mentions(
    document: Document, main: PeerChallenge
) -> Iterator[tuple[Said, str, tuple[When, When]]]:
    after = (main.ref.year, main.ref.month or 12)
    for passage, sentence in sentences_said(document):
        found = _VISIT.search(sentence)
        period = parse_period(found["when"]) if found else None
        if found and period and (year_month(period[0])[0], year_month(period[0])[1] or 12) > after:
            yield passage, sentence, period


__all__ = ["challenge", "dating", "follow_up", "key_recommendations", "kind_of"]

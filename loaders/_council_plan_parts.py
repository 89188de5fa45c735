"""What `council_plan` finds in a plan's parts: missions, programmes, partnerships, actions.

Each function takes the plan's parts (`_council_plan_sections`) and returns `(record, part)`
pairs; the caller stamps the document's provenance. The heuristics lean on wording that plans share, never on one plan's text: a list after
"five missions:" or under an "Our priorities" heading; Title Case names ending in Plan,
Model, Hub, Framework, Index ...; "partners such as X, Y and Z"; "we have ...", "we will ...".
"""

from __future__ import annotations

import re

from loaders._council_plan_sections import Part
from loaders.phrases import RELIES_ON_INDIVIDUALS
from loaders.records import Concept, OrgRef, Partnership, Provenance

_NOWHERE = Provenance(document="", location="")
_NUMBERS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
MISSION_HEADING = re.compile(
    r"\b(?:missions?|priorities|ambitions|strategic aims|objectives)\b", re.I
)
_INLINE_MISSIONS = re.compile(
    r"\b(?:(?P<count>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+)?"
    r"(?P<kw>missions|priorities|ambitions)\s*(?::|;|\bare\b:?)\s*(?P<list>[^.]+)",
    re.IGNORECASE,
)
_ASKS_HEADING = re.compile(
    r"\b(?:barriers?|government|reforms?|asks?|lobby|national policy)\b", re.I
)
_STOP = {"a", "an", "the", "and", "of", "to", "for", "our", "in", "&"}
_LABEL_SPLIT = re.compile(r"^(?P<label>[^:–—]{2,80}?)\s*(?::|–|—|\s-\s)\s*(?P<rest>\S.*)$")


def is_asks(block: Part) -> bool:
    """Sections asking government for things: their bullets are not the council's actions."""
    return bool(_ASKS_HEADING.search(block.section.title))


def _tokens(text: str, ignore: set[str]) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if w not in _STOP and w not in ignore}


def _clean_label(text: str) -> str:
    text = text.strip().strip(".,;:").strip()
    text = re.sub(r"^(?:and|or)\s+", "", text)
    return re.sub(r"^(?:A|An|The)\s+(?=[A-Z])", "", text)


# ---------------------------------------------------------------- missions


def missions(found: list[Part], council: str) -> list[tuple[Concept, Part]]:
    """One concept per mission, priority or ambition; two wordings of one mission become one."""
    ignore = _tokens(council, set()) | {"council"}
    kept: list[tuple[Concept, Part, set[str]]] = []
    for label, definition, notation, block in _heading_missions(found) + _inline_missions(found):
        tokens = _tokens(label, ignore)
        if not tokens or len(label.split()) > 12:
            continue
        same = next((k for k in kept if k[2] <= tokens or tokens <= k[2]), None)
        concept = Concept("missions", label, replace_location(block), notation, definition)
        if same is None:
            kept.append((concept, block, tokens))
        elif _capitals(label) > _capitals(same[0].label):
            kept[kept.index(same)] = (concept, block, tokens | same[2])
    return [(concept, block) for concept, block, _ in kept]


def replace_location(block: Part) -> Provenance:
    return Provenance(document="", location=block.where)


def _capitals(text: str) -> int:
    return sum(word[:1].isupper() for word in text.split())


def _heading_missions(found: list[Part]) -> list[tuple[str, str | None, str | None, Part]]:
    items: list[tuple[str, str | None, str | None, Part]] = []
    for block in found:
        heading = block.section.title
        if block.kind != "bullet" or block.depth or not MISSION_HEADING.search(heading):
            continue
        if len(heading.split()) > 8:
            continue
        split = _LABEL_SPLIT.match(block.text)
        if split and len(split["label"].split()) <= 8:
            items.append((_clean_label(split["label"]), split["rest"].strip(), None, block))
        elif len(block.text.split()) <= 10:
            items.append((_clean_label(block.text), None, None, block))
    return items


def _inline_missions(found: list[Part]) -> list[tuple[str, str | None, str | None, Part]]:
    items: list[tuple[str, str | None, str | None, Part]] = []
    for block in found:
        if block.kind == "heading":
            continue
        for match in _INLINE_MISSIONS.finditer(block.text):
            labels = _split_list(match["list"], _count(match["count"]))
            if 2 <= len(labels) <= 10 and all(len(label.split()) <= 8 for label in labels):
                items.extend((label, None, None, block) for label in labels)
    return items


def _count(word: str | None) -> int | None:
    if not word:
        return None
    return int(word) if word.isdigit() else _NUMBERS.get(word.lower())


def _split_list(text: str, count: int | None) -> list[str]:
    """ "a; b; and c" or "A, B, C and D", merged back to `count` items where the plan says how
    many there are ("Greener, Healthier Islington" is one mission, not two)."""
    if ";" in text:
        pieces = text.split(";")
    else:
        head, _, last = text.rpartition(" and ")
        pieces = (head.split(",") + [last]) if head else text.split(",")
    labels = [_clean_label(p) for p in pieces if _clean_label(p)]
    while count and len(labels) > count:
        single = next((i for i, lab in enumerate(labels[:-1]) if len(lab.split()) == 1), None)
        if single is None:
            break
        labels[single : single + 2] = [f"{labels[single]}, {labels[single + 1]}"]
    return labels


# ---------------------------------------------------------------- programmes

# fmt: off
_HEADS = frozenset((
    "hub", "hubs", "model", "framework", "plan", "plans", "programme", "programmes", "program",
    "index", "strategy", "platform", "approach", "fund", "scheme", "charter", "initiative",
    "project", "pathway", "budget", "offer", "academy", "partnership", "planning", "compact",
    "masterplan", "pass", "centre",
))
_MARKERS = frozenset((
    "programme", "approach", "model", "capability", "initiative", "scheme", "project",
    "platform", "strategy", "pilot", "service", "tool",
))
_LEADERS = frozenset((
    "our", "a", "an", "the", "this", "new", "revised", "updated", "existing", "its", "their",
    "significant", "using", "delivery", "developing", "introducing", "launched", "delivered",
    "established", "created", "introduced", "opened", "open", "expanded", "completed",
    "developed", "roll", "rolled", "review", "reviewed", "refreshed", "refresh", "expand",
    "launch", "deliver", "establish", "create", "introduce", "and", "of", "for", "with", "to",
    "in", "on",
))
# fmt: on
_CONNECTORS = frozenset(["and", "of", "for", "with", "the", "&", "to", "in", "on"])
_WORD = re.compile(r"\(?[A-Za-z0-9][\w'’-]*\)?|[^\w\s]")
_ACRONYM = re.compile(r"\b([a-z]+(?:\s+[a-z]+){1,5})\s+\(([A-Z]{2,6})\)\s+(\w+)")
_QUOTED = re.compile(r"['\"]([A-Z][\w -]{2,40})['\"]")
_INVEST = re.compile(
    r"\b(?:invested in|rolled out|introduced|launched|piloted|developed|set up|built)\b", re.I
)


def programmes(
    found: list[Part], council: str, missions: list[str], plan: str | None
) -> list[tuple[Concept, Part]]:
    """Named programmes and initiatives, with the bullet or sentence that describes them."""
    seen: dict[str, tuple[str, Part, str]] = {}
    excluded = {council.casefold(), (plan or "").casefold()} | {m.casefold() for m in missions}
    for block in found:
        if block.kind == "heading" or is_asks(block):
            continue
        for sentence in block.sentences() if block.kind == "paragraph" else [block.text]:
            for label in _names(sentence, block):
                if label.casefold() not in excluded and label.casefold() not in seen:
                    seen[label.casefold()] = (label, block, sentence)
    labels = [label for label, _, _ in seen.values()]
    result = []
    for label, block, sentence in seen.values():
        if any(other != label and other.lower().endswith(" " + label.lower()) for other in labels):
            continue  # "Delivery Plan" inside "Islington Together Delivery Plan"
        concept = Concept("programmes", label, replace_location(block), definition=sentence)
        result.append((concept, block))
    return result


def _names(sentence: str, block: Part) -> list[str]:
    names = [_clean_label(q) for q in _QUOTED.findall(sentence)]
    for phrase, acronym, after in _ACRONYM.findall(sentence):
        words = phrase.split()[-len(acronym) :]
        if after.lower().rstrip("s") in _MARKERS and [w[0] for w in words] == list(acronym.lower()):
            names.append(" ".join(words))
    if _INVEST.search(sentence):
        names += [b for b in block.emphasis if b in sentence and len(b.split()) <= 4]
    return names + _title_case_names(sentence)


def _title_case_names(sentence: str) -> list[str]:
    tokens = _WORD.findall(sentence)
    names: list[str] = []
    i = 0
    while i < len(tokens):
        j = i
        run: list[str] = []
        while j < len(tokens):
            token = tokens[j]
            if (
                _capital(token)
                or (token.isdigit() and run and j + 1 < len(tokens) and _capital(tokens[j + 1]))
                or (
                    token.lower() in _CONNECTORS
                    and run
                    and j + 1 < len(tokens)
                    and _capital(tokens[j + 1])
                )
            ):
                run.append(token)
            else:
                break
            j += 1
        following = [t.lower().rstrip("s") for t in tokens[j : j + 2]]
        names += _split_and(run, following)
        i = max(j, i + 1)
    return names


def _split_and(run: list[str], following: list[str]) -> list[str]:
    """ "Wellbeing Index and Evidence Islington programme" names two things, not one."""
    lowered = [w.lower() for w in run]
    for index, word in enumerate(lowered):
        if word in {"and", "&"} and 0 < index < len(run) - 1 and lowered[index - 1] in _HEADS:
            left = _programme_name(run[:index], [])
            right = _programme_name(run[index + 1 :], following)
            if left and right:
                return [left, right]
    name = _programme_name(run, following)
    return [name] if name else []


def _capital(token: str) -> bool:
    word = token.strip("()")
    return bool(word) and word[0].isupper()


def _programme_name(run: list[str], following: list[str]) -> str | None:
    while run and run[0].lower() in _LEADERS:
        run = run[1:]
    if len(run) < 2:
        return None
    lowered = [w.lower().strip("()") for w in run]
    if lowered[-1] in _HEADS or any(f in _MARKERS for f in following):
        return " ".join(run)
    for index, word in enumerate(lowered):
        if word in {"for", "with", "of"} and index >= 2 and lowered[index - 1] in _HEADS:
            tail = lowered[index + 1 :]
            return " ".join(run if "council" not in tail and "the" not in tail else run[:index])
    return None


# ---------------------------------------------------------------- partnerships

_PARTNERS = re.compile(
    r"\bpartners,?\s+(?:such as|including|like)\s+(?P<a>[^.;:]+)"
    r"|\b(?:across|between)\s+(?:both\s+)?(?P<b>(?:the\s+)?{name}(?:\s*,\s*{name})+,?\s+and\s+{name})"
    r"|\b(?:in partnership with|working with|work with|partnerships? with)\s+(?P<c>[^.;:]+)".format(
        name=r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*"
    ),
)
_LIST_END = re.compile(r"\s+(?:to|which|that|who|for|in order|has|have|is|are|will)\s.*$")
_SUBJECTS = (
    "data sharing",
    "prevention",
    "early help",
    "safeguarding",
    "health and social care",
    "health and care",
    "adult social care",
    "social care",
    "public health",
    "homelessness",
    "community safety",
    "employment",
    "skills",
    "climate",
    "regeneration",
    "housing",
    "children",
)


def partnerships(found: list[Part], council: str) -> list[tuple[Partnership, Part]]:
    """One partnership per block that names the council's partners."""
    result = []
    for block in found:
        if block.kind == "heading" or is_asks(block):
            continue
        for sentence in block.sentences():
            members = _partner_list(sentence, council)
            if len(members) < 2:
                continue
            subject = _subject(block, sentence)
            label = (
                f"{council} {subject} partnership"
                if subject
                else (f"{council} partnership with {members[1].name}")
            )
            relies = True if RELIES_ON_INDIVIDUALS.search(sentence) else None
            partnership = Partnership(
                label, tuple(members), replace_location(block), subject, relies, statement=sentence
            )
            result.append((partnership, block))
            break
    return result


def _partner_list(sentence: str, council: str) -> list[OrgRef]:
    found = _PARTNERS.search(sentence)
    if not found:
        return []
    text = _LIST_END.sub("", next(g for g in found.groups() if g))
    text = re.sub(r"^(?:our\s+)?partners,?\s+(?:such as|including|like)\s+", "", text, flags=re.I)
    text = re.sub(r"\b(\w+)\s+and\s+(\w+\s+sectors?)\b", r"\1-and-\2", text, flags=re.I)
    pieces = [p.strip() for p in text.split(",")]
    pieces = pieces[:-1] + _split_names(pieces[-1], listed=len(pieces) > 1)
    members = [OrgRef(council, "council")]
    named = False
    for piece in pieces:
        name = re.sub(
            r"^(?:and\s+)?(?:both\s+)?(?:the\s+|our\s+)?(?:local\s+)?", "", piece, flags=re.I
        )
        name = name.replace("-and-", " and ").strip(" ,")
        if not name or len(name.split()) > 6 or name.casefold() in {"council", council.casefold()}:
            continue
        named_here = name[:1].isupper()
        if _is_generic_partner(name):
            # "the police", "schools", "Health" are this place's police, schools and health
            # services, not one national body shared by every council that names them.
            name = f"{_place(council)} {name.lower()}"
        ref = OrgRef(name, "organisation")
        if ref not in members:
            members.append(ref)
        named = named or named_here
    return members if named else []


_GENERIC_PARTNERS = re.compile(
    r"^(?:police|schools?|health|health services|health partners|faith(?: and community)? sector|"
    r"(?:voluntary|community|voluntary and community|faith and community) sector|businesses|"
    r"business community|universities|colleges|housing associations|residents|communities)$",
    re.IGNORECASE,
)
_COUNCIL_WORDS = re.compile(
    r"\b(?:London Borough of|Royal Borough of|City of|Metropolitan|Borough|City|County|District|Council)\b"
)


def _is_generic_partner(name: str) -> bool:
    return bool(_GENERIC_PARTNERS.match(name.strip()))


def _place(council: str) -> str:
    return re.sub(r"\s+", " ", _COUNCIL_WORDS.sub(" ", council)).strip() or council


def _split_names(text: str, *, listed: bool) -> list[str]:
    """ "Gentoo Group and Sunderland Care and Support": split where both sides are names of two
    or more words; "police and schools" at the last "and"; one name if neither fits."""
    parts = text.split(" and ")
    if len(parts) == 1:
        return [text]
    for cut in range(1, len(parts)):
        left, right = " and ".join(parts[:cut]), " and ".join(parts[cut:])
        if _words(left) >= 2 and _words(right) >= 2:
            return [left, right]
    if listed or all(_words(part) == 1 for part in parts):
        return [" and ".join(parts[:-1]), parts[-1]]
    return [text]


def _words(text: str) -> int:
    return len(re.sub(r"^(?:the|our)\s+", "", text.strip(), flags=re.I).split())


def _subject(block: Part, sentence: str) -> str | None:
    if block.lead_in and len(block.lead_in.split()) <= 4:
        return block.lead_in.lower()
    for text in (sentence, block.text):
        hits = [(text.lower().find(s), s) for s in _SUBJECTS if s in text.lower()]
        if hits:
            return min(hits)[1]
    return None


__all__ = ["is_asks", "missions", "partnerships", "programmes", "replace_location"]

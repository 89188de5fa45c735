"""Entity resolution: one IRI per real council, organisation and person, whatever the spelling.

Councils resolve against the register of English local authorities (GSS codes), accepting
the many ways papers name them ("LB Lambeth", "London Borough of Lambeth", "Lambeth
Council"). Organisations and people resolve through the aliases register and through
normalised names. Every spelling met is kept, so the graph can carry it as an altLabel.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from councilgraph.errors import ResolutionError
from loaders.organisations import looks_like_english_council
from loaders.records import Alias, Authority, OrgRef, PersonRef, Provenance
from loaders.text import slugify

_PREFIXES = (
    "the",
    "london borough of",
    "royal borough of",
    "borough of",
    "city of",
    "county of",
    "metropolitan borough of",
    "lb of",
    "lb",
    "rb",
    "city and county of",
    "council of the",
)
_SUFFIXES = (
    "london borough council",
    "metropolitan borough council",
    "metropolitan district council",
    "borough council",
    "district council",
    "county council",
    "city council",
    "council",
    "mbc",
    "bc",
    "dc",
    "cc",
    "corporation",
    "unitary authority",
)
_COUNCILISH = re.compile(
    r"\b(council|london borough|royal borough|borough of|lb|mbc)\b", re.IGNORECASE
)


# A build resolves the same few thousand names hundreds of thousands of times.
@lru_cache(maxsize=1 << 16)
def normalise(name: str) -> str:
    """Case, punctuation and "&" folded.

    "Chief Executives' London Committee" -> "chief executives london committee"."""
    name = name.lower().replace("&", " and ").replace("\u2019", "'")
    name = re.sub(r"'s\b", "s", name)
    name = re.sub(r"[^a-z0-9]+", " ", name)
    return re.sub(r"\s+", " ", name).strip()


@lru_cache(maxsize=1 << 16)
def council_core(name: str) -> str:
    """The place inside a council's name: "London Borough of Tower Hamlets" -> "tower hamlets"."""
    core = normalise(name)
    changed = True
    while changed:
        changed = False
        for prefix in _PREFIXES:
            if core.startswith(prefix + " "):
                core, changed = core[len(prefix) + 1 :], True
        for suffix in _SUFFIXES:
            if core.endswith(" " + suffix):
                core, changed = core[: -len(suffix) - 1], True
    return core


def looks_like_council(name: str) -> bool:
    return bool(_COUNCILISH.search(name))


@dataclass(frozen=True)
class Unmatched:
    """A name a source gives as an organisation that the register of English councils does
    not hold: kept as an organisation, and listed in the build report. `suggestions` are the
    nearest register names where the name is shaped like an English council's."""

    name: str
    document: str
    location: str
    suggestions: tuple[str, ...] = ()

    @property
    def warning(self) -> bool:
        return bool(self.suggestions) or looks_like_english_council(self.name)


@dataclass
class Resolver:
    """Maps names from sources to keys: GSS codes for councils, slugs for the rest."""

    authorities: dict[str, Authority] = field(default_factory=dict)  # gss -> authority
    _council_names: dict[str, str] = field(default_factory=dict)  # normalised name -> gss
    _council_cores: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    _org_aliases: dict[str, str] = field(default_factory=dict)  # normalised alias -> canonical
    _person_aliases: dict[str, str] = field(default_factory=dict)
    spellings: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # key -> names
    unmatched: dict[str, Unmatched] = field(default_factory=dict)  # normalised name -> first seen

    def add_authority(self, authority: Authority) -> None:
        self.authorities[authority.gss] = authority
        names = (authority.name, authority.short_name or "", *authority.aliases)
        for name in filter(None, names):
            self._council_names[normalise(name)] = authority.gss
            self._council_cores[council_core(name)].add(authority.gss)

    def add_alias(self, alias: Alias) -> None:
        if alias.kind == "council":
            gss = alias.canonical if alias.canonical in self.authorities else None
            gss = gss or self._council_names.get(normalise(alias.canonical))
            if gss is None:
                raise ResolutionError(
                    alias.provenance.document,
                    alias.provenance.location,
                    f"alias {alias.alias!r} points at {alias.canonical!r}, no known council",
                )
            self._council_names[normalise(alias.alias)] = gss
        elif alias.kind == "organisation":
            self._org_aliases[normalise(alias.alias)] = alias.canonical
        else:
            self._person_aliases[normalise(alias.alias)] = alias.canonical

    def add_org_alias(self, alias: str, canonical: str) -> None:
        """An alias a source itself declares, such as "(TIB)"."""
        self._org_aliases.setdefault(normalise(alias), canonical)

    def find_council(self, name: str) -> str | None:
        """The GSS code for a council name, or None."""
        if name in self.authorities:
            return name
        canonical = self._org_aliases.get(normalise(name))
        for candidate in filter(None, (name, canonical)):
            gss = self._council_names.get(normalise(candidate))
            if gss:
                return gss
            matches = self._council_cores.get(council_core(candidate), set())
            current = {g for g in matches if self.authorities[g].end is None}
            if len(matches) == 1 or len(current) == 1:
                return next(iter(matches if len(matches) == 1 else current))
        return None

    def council(self, ref: OrgRef | str, provenance: Provenance) -> str:
        name = ref.name if isinstance(ref, OrgRef) else ref
        gss = self.find_council(name)
        if gss is None:
            raise ResolutionError(
                provenance.document,
                provenance.location,
                f"unknown council {name!r}: it is not in the register of English local authorities",
                hint="check the spelling, or add the name to registers/aliases.yaml under councils",
            )
        self.spellings[gss].add(name)
        return gss

    def suggest(self, name: str, count: int = 3) -> tuple[str, ...]:
        """The register's councils whose place names are nearest to the place in `name`
        ("Barnsly Council" -> Barnsley Metropolitan Borough Council)."""
        cores: dict[str, str] = {}
        for authority in self.authorities.values():
            if authority.end is None:
                for spelling in filter(None, (authority.name, authority.short_name)):
                    cores.setdefault(council_core(spelling), authority.name)
        close = difflib.get_close_matches(council_core(name), list(cores), n=count, cutoff=0.75)
        return tuple(dict.fromkeys(cores[c] for c in close))

    def organisation(self, ref: OrgRef, provenance: Provenance) -> tuple[str, str]:
        """("council", gss) or (kind, slug) for any organisation reference. A name the
        register does not know is an organisation all the same (never a stopped build): it is
        kept in `unmatched`, with the nearest councils where it looks like one."""
        if ref.kind == "council" or looks_like_council(ref.name):
            gss = self.find_council(ref.name)
            if gss is not None:
                return "council", self.council(ref, provenance)
            self._unmatched(ref.name, provenance)
        canonical = self._org_aliases.get(normalise(ref.name), ref.name)
        if self.find_council(canonical) and canonical in self.authorities:
            return "council", canonical
        if normalise(ref.name) not in self._org_aliases and ref.kind != "team":
            self._unmatched(ref.name, provenance)
        key = slugify(normalise(canonical))
        if not key:
            raise ResolutionError(
                provenance.document, provenance.location, f"empty organisation name {ref.name!r}"
            )
        self.spellings[key].add(ref.name)
        self.spellings[key].add(canonical)
        return ("organisation" if ref.kind == "council" else ref.kind), key

    def _unmatched(self, name: str, provenance: Provenance) -> None:
        key = normalise(name)
        if key not in self.unmatched and self.authorities:
            suggestions = self.suggest(name) if looks_like_english_council(name) else ()
            self.unmatched[key] = Unmatched(
                name, provenance.document, provenance.location, suggestions
            )

    def canonical_org_name(self, key: str) -> str:
        """The fullest spelling seen for an organisation: expansions beat abbreviations."""
        names = self.spellings.get(key) or {key}
        return max(names, key=lambda n: (len(n.split()), n[:1].isupper(), n))

    def person(self, ref: PersonRef) -> str:
        name = self._person_aliases.get(normalise(ref.name), ref.name)
        key = slugify(name)
        self.spellings["person:" + key].add(name)
        return key

"""Names that reach Cypher query text: labels, relationship types and property keys.

Values always travel as `$parameters`; names cannot (Cypher has no parameter for a label
in FalkorDB or before Neo4j 5.26), so every name is derived from an IRI here, checked
against one pattern, and kept in an allow-list that the writers consult before they put
it into a statement.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from councilgraph.errors import MirrorError
from graph.namespaces import CG, PREFIXES

SAFE_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_NOT_WORD = re.compile(r"[^A-Za-z0-9_]+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def local_name(iri: str) -> str:
    """The part after the last `#`, `/` or `:` (n10s's IGNORE handling of namespaces)."""
    cut = max(iri.rfind("#"), iri.rfind("/"), iri.rfind(":"))
    return iri[cut + 1 :] or iri


def prefix_of(iri: str) -> str:
    """The project prefix for the IRI's namespace (`dct`, `org`, ...) or `ns`."""
    best, length = "ns", 0
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(str(namespace)) and len(str(namespace)) > length:
            best, length = prefix, len(str(namespace))
    return best


def as_key(text: str) -> str:
    """A property key or label: letters, digits and `_`, starting with a letter."""
    cleaned = _NOT_WORD.sub("_", text).strip("_") or "x"
    return cleaned if cleaned[0].isalpha() else "n" + cleaned


def as_type(text: str) -> str:
    """A relationship type in UPPER_SNAKE_CASE: `wasDerivedFrom` -> `WAS_DERIVED_FROM`."""
    return as_key(_CAMEL.sub("_", text)).upper()


def assign(
    iris: Iterable[str], style: str, reserved: frozenset[str] = frozenset()
) -> dict[str, str]:
    """Name each IRI by its local name; on a clash one keeps the plain name, others get a prefix.

    The plain name goes to the W3C / DCMI vocabulary first (org:role is ROLE, dct:subject
    is SUBJECT), then cg:, then anything else: councilgraph reuses those vocabularies and
    extends them, so the extension is the one that gets qualified (CG_ROLE, CG_SUBJECT).

    `style` is "key" (property keys, labels) or "type" (relationship types). The choice is
    deterministic for a given set of IRIs, so two syncs of the same RDF use the same names.
    """
    shape = as_type if style == "type" else as_key
    groups: dict[str, list[str]] = {}
    for iri in sorted(set(iris)):
        groups.setdefault(shape(local_name(iri)), []).append(iri)
    names: dict[str, str] = {}
    for plain, members in groups.items():
        members.sort(key=lambda iri: (_rank(iri), iri))
        for position, iri in enumerate(members):
            if position == 0 and plain not in reserved:
                names[iri] = plain
            else:
                names[iri] = shape(f"{prefix_of(iri)}_{local_name(iri)}")
    return names


def _rank(iri: str) -> int:
    prefix = prefix_of(iri)
    return 2 if prefix == "ns" else 1 if iri.startswith(str(CG)) else 0


def checked(name: str, allowed: frozenset[str] | set[str], what: str) -> str:
    """`name` if it is on the allow-list and matches SAFE_NAME; MirrorError otherwise."""
    if name not in allowed or not SAFE_NAME.match(name):
        raise MirrorError(f"refusing to put {what} {name!r} into Cypher: not on the allow-list")
    return name

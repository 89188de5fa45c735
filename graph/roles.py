"""Roles as sources word them, mapped onto the core role scheme; which of them lead."""

from __future__ import annotations

import re

from rdflib import URIRef

from graph.namespaces import ROLE

_LEADING = re.compile(
    r"^(interim |acting |joint )?(chief executive|leader|leader of the council|chair|chairman|"
    r"chairwoman|vice chair|vice-chair|deputy chair|mayor|elected mayor|lead chief executive|"
    r"lead peer|principal advis[eo]r|managing director|head of paid service|"
    r"town clerk and chief executive|executive member|lead spokesperson)\b(?! (peer|officer))"
)
_BROADER: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^lead chief executive\b"), "lead-chief-executive"),
    (re.compile(r"^(interim |acting |joint )?chief executive\b"), "chief-executive"),
    (re.compile(r"^(managing director|head of paid service)\b"), "chief-executive"),
    (re.compile(r"^town clerk and chief executive\b"), "chief-executive"),
    (re.compile(r"^assistant chief executive\b"), "assistant-chief-executive"),
    (re.compile(r"^(executive |strategic |corporate |divisional |deputy )?director\b"), "director"),
    (re.compile(r"^leader\b"), "leader"),
    (re.compile(r"^(elected )?mayor\b"), "mayor"),
    (re.compile(r"^(chair|chairman|chairwoman)\b"), "chair"),
    (re.compile(r"^vice[ -]chair\b"), "vice-chair"),
    (re.compile(r"^deputy chair\b"), "deputy-chair"),
    (re.compile(r"^principal advis[eo]r\b"), "principal-adviser"),
    (re.compile(r"^lead peer\b"), "lead-peer"),
    (re.compile(r"^(lga )?peer challenge manager\b"), "peer-challenge-manager"),
    (re.compile(r"^member peer\b"), "member-peer"),
    (re.compile(r"^officer peer\b"), "officer-peer"),
    (re.compile(r"^peer\b"), "peer"),
    (re.compile(r"^(cllr|councillor)\b"), "councillor"),
)


def _norm(label: str) -> str:
    return re.sub(r"\s+", " ", label.strip().lower())


def is_leadership(label: str) -> bool:
    return bool(_LEADING.match(_norm(label)))


def core_role(label: str) -> URIRef | None:
    """The core role a worded post is a kind of: "Interim Chief Executive" -> Chief Executive."""
    text = _norm(label)
    for pattern, key in _BROADER:
        if pattern.match(text):
            return ROLE[key]
    return None

"""Who led what on a date, in Cypher on the mirror: the same rows as /leads and q12.

The tenure of each membership rides on its `MEMBER_OF` short-cut (heldFrom, heldUntil,
notBefore, firstStated, lastStated, endBasis, former, listed), so the rule of `graph.leads`
is one MATCH. Every value travels as a `$parameter`. The date is ISO text turned into a date
by Cypher's `date()`; the window's two bounds are compared as ISO text, moved by whole years
by their digits as q12 moves them (`graph.live.shifted`): engines disagree on 29 February
less a year (FalkorDB says 1 March, xsd 28 February), digits do not.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from graph.live import shifted
from graph.mirror.targets import Target

LEADS_CYPHER = """
MATCH (p:Person)-[m:MEMBER_OF]->(o)
WHERE m.leads = true AND m.listed = true
  AND ($person IS NULL OR p.uri = $person) AND ($org IS NULL OR o.uri = $org)
OPTIONAL MATCH (:Membership {uri: m.membership})-[:POLICY_AREA]->(area)
WITH p, m, o, area
WHERE $areaText IS NULL OR toLower(coalesce(area.uri, '')) CONTAINS toLower($areaText)
   OR toLower(coalesce(m.policyArea, '')) CONTAINS toLower($areaText)
WITH p, m, o,
  CASE WHEN m.firstStated IS NOT NULL AND m.heldUntil IS NOT NULL
            AND m.heldUntil < m.firstStated THEN m.heldUntil
       ELSE coalesce(m.firstStated, m.heldUntil) END AS earliest,
  CASE WHEN m.lastStated IS NOT NULL AND m.heldFrom IS NOT NULL
            AND m.heldFrom > m.lastStated THEN m.heldFrom
       ELSE coalesce(m.lastStated, m.heldFrom) END AS latest
WITH p, m, o,
  (m.heldUntil IS NOT NULL OR coalesce(m.former, false) = false)
  AND (CASE WHEN m.heldFrom IS NOT NULL THEN m.heldFrom <= date($on)
            ELSE earliest IS NOT NULL AND toString(earliest) <= $horizon
                 AND (m.notBefore IS NULL OR m.notBefore <= date($on)) END)
  AND (CASE WHEN m.heldUntil IS NOT NULL THEN date($on) <= m.heldUntil
            ELSE latest IS NOT NULL AND $freshFrom <= toString(latest) END) AS current
WHERE current OR $includeStale
RETURN m.membership, p.uri, p.name, m.role, o.uri, o.prefLabel, m.policyArea,
       m.heldFrom, m.heldUntil, m.endBasis, m.lastStated, current
ORDER BY o.prefLabel, m.role, p.name, m.membership
"""


@dataclass(frozen=True)
class MirrorLead:
    membership: str
    person: str
    name: str
    role: str
    organisation: str
    organisation_name: str
    area: str | None
    since: str | None
    until: str | None
    basis: str | None
    last_stated: str | None
    stale: bool


def parameters(
    on: date,
    window_years: int,
    *,
    include_stale: bool = False,
    person: str | None = None,
    organisation: str | None = None,
    area: str | None = None,
) -> dict[str, Any]:
    return {
        "on": on.isoformat(),
        "freshFrom": shifted(on, -window_years),
        "horizon": shifted(on, window_years),
        "includeStale": include_stale,
        "person": person,
        "org": organisation,
        "areaText": area,
    }


def _text(value: Any) -> str | None:
    return None if value is None else (value.isoformat() if isinstance(value, date) else str(value))


def leads_on(target: Target, on: date, window_years: int, **filters: Any) -> list[MirrorLead]:
    """The mirror's answer to "who led what on `on`" (filters: include_stale, person and
    organisation IRIs, area words), one row per listed membership."""
    found = target.read(LEADS_CYPHER, parameters(on, window_years, **filters))
    return [
        MirrorLead(
            membership=row[0],
            person=row[1],
            name=row[2],
            role=str(row[3]),
            organisation=row[4],
            organisation_name=row[5],
            area=_text(row[6]),
            since=_text(row[7]),
            until=_text(row[8]),
            basis=_text(row[9]),
            last_stated=_text(row[10]),
            stale=not row[11],
        )
        for row in found
    ]

"""The researchers' queries (graph/queries, from shared/queries) against the bundled corpus.

Expected answers were checked by hand against the documents in corpus/documents.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox

from councilgraph.settings import BUNDLED_CORPUS, Settings
from graph import sparql
from graph.build import build
from graph.store import open_store

ISLINGTON_2018 = "https://w3id.org/councilgraph/id/challenge/E09000019-2018-03"
TOWER_HAMLETS_2018 = "https://w3id.org/councilgraph/id/challenge/E09000030-2018-06"


def q(store: ox.Store, name: str) -> list[dict[str, object]]:
    return sparql.rows(store, sparql.named_query(name))


def test_q01_islington_peer_team_with_posts_and_organisations(corpus_store: ox.Store) -> None:
    rows = [r for r in q(corpus_store, "q01") if r["challenge"] == ISLINGTON_2018]
    team = {(r["name"], r["role"]) for r in rows}
    assert team == {
        ("Joanne Roney", "Peer"),
        ("Lib Peck", "Peer"),
        ("Giles Perritt", "Peer"),
        ("Sarah Reed", "Peer"),
        ("Henry Kippin", "Peer"),
        ("Liz Bruce", "Peer"),
        ("Lynne Ridsdale", "Peer"),
        ("Clare Hudson", "Peer Challenge Manager"),
    }
    homes = {
        (r["name"], r["homeOrgName"], r["homePost"])
        for r in rows
        if "homeOrgName" in r and not str(r["homeOrgName"]).startswith("Peer team")
    }
    assert homes == {
        ("Joanne Roney", "Manchester City Council", "Chief Executive"),
        ("Lib Peck", "London Borough of Lambeth", "Leader"),
        ("Giles Perritt", "Plymouth City Council", "Assistant Chief Executive"),
        (
            "Sarah Reed",
            "Sunderland City Council",
            "Director of Strategy, Partnerships and Transformation",
        ),
        ("Henry Kippin", "West Midlands Combined Authority", "Director of Public Service Reform"),
        (
            "Liz Bruce",
            "London Borough of Richmond upon Thames",
            "Director of Adult Social Services",
        ),
        ("Liz Bruce", "London Borough of Wandsworth", "Director of Adult Social Services"),
        ("Lynne Ridsdale", "Manchester City Council", "Director of HR and OD"),
        ("Clare Hudson", "Local Government Association", "Peer Challenge Manager"),
    }
    assert {r["subjectName"] for r in rows} == {"London Borough of Islington"}
    assert {str(r["start"]) for r in rows} == {"2018-03-20"}


def test_q02_key_and_detailed_recommendation_counts(corpus_store: ox.Store) -> None:
    counts = {(r["challenge"], r["key"]): r["n"] for r in q(corpus_store, "q02")}
    assert counts == {
        (ISLINGTON_2018, True): 6,
        (ISLINGTON_2018, False): 28,
        (TOWER_HAMLETS_2018, True): 11,
    }


def test_q03_every_recommendation_has_a_core_component_theme(corpus_store: ox.Store) -> None:
    rows = q(corpus_store, "q03")
    assert {r["themeLabel"] for r in rows} <= {
        "Local priorities and outcomes",
        "Organisational and place leadership",
        "Governance and culture",
        "Financial planning and management",
        "Capacity for improvement",
    }
    assert all(1 <= int(r["councils"]) <= 2 for r in rows)  # type: ignore[call-overload]
    unthemed = sparql.rows(
        corpus_store,
        """
        PREFIX cg: <https://w3id.org/councilgraph/def/> PREFIX dct: <http://purl.org/dc/terms/>
        SELECT ?rec WHERE { ?rec a cg:Recommendation FILTER NOT EXISTS { ?rec dct:subject ?t } }""",
    )
    assert unthemed == []


def test_q04_who_leads_what(corpus_store: ox.Store) -> None:
    rows = {
        (r["name"], r["roleLabel"], r["orgName"], str(r.get("start", "")))
        for r in q(corpus_store, "q04")
    }
    # "took over as Chief Executive in August 2010": the month, at the precision stated
    assert ("Graham Farrant", "Chief Executive", "Thurrock Council", "2010-08") in rows
    assert ("Joanne Roney", "Chief Executive", "Manchester City Council", "") in rows
    assert ("Lib Peck", "Leader", "London Borough of Lambeth", "") in rows
    assert ("Alan Finch", "Principal Adviser", "Local Government Association", "") in rows
    assert ("John O'Brien", "Chief Executive", "London Councils", "") in rows
    assert ("John Kent", "Leader", "Thurrock Council", "") in rows
    # Directors and peers are posts, not leadership roles.
    assert not any(str(role).startswith("Director") or role == "Peer" for _, role, _, _ in rows)


def test_q05_people_bridging_organisations(corpus_store: ox.Store) -> None:
    rows = {r["name"]: r["organisations"] for r in q(corpus_store, "q05")}
    assert rows["Liz Bruce"] == 3  # peer team, Richmond upon Thames, Wandsworth
    assert rows["Joanne Roney"] == 2
    assert rows["Graham Farrant"] == 2  # Thurrock, and earlier Barking and Dagenham
    assert rows["Bob Coomber"] == 2  # interim at Thurrock, earlier Southwark


def test_q06_follow_ups(corpus_store: ox.Store) -> None:
    rows = {r["challenge"]: r for r in q(corpus_store, "q06")}
    assert (
        str(rows[ISLINGTON_2018]["followUpDueBy"]) == "2020-03-23"
    )  # within 2 years of 23 March 2018
    assert "followUp" not in rows[ISLINGTON_2018]
    assert str(rows[TOWER_HAMLETS_2018]["followUpDueBy"]) == "2020-06-30"  # "by June 2020"
    assert rows[TOWER_HAMLETS_2018]["followUp"] == TOWER_HAMLETS_2018.replace(
        "2018-06", "2020-06-follow-up-visit"
    )


def test_q07_every_recommendation_says_where_it_was_stated(corpus_store: ox.Store) -> None:
    rows = q(corpus_store, "q07")
    assert len(rows) == 45
    assert all(r.get("location") for r in rows)
    by_text = {r["text"]: r for r in rows}
    rec = by_text["Set a date for the next Islington Fairness Commission"]
    assert str(rec["doc"]).endswith("/doc/islington-corporate-peer-challenge-2018")
    assert "item 5" in str(rec["location"])


def test_q08_partnership_relying_on_individuals(corpus_store: ox.Store) -> None:
    rows = q(corpus_store, "q08")
    reliant = [r for r in rows if r.get("reliant") is True]
    assert reliant, rows
    assert all("London Borough of Islington" in str(r["members"]) for r in reliant)


def test_every_fact_has_provenance(corpus_store: ox.Store) -> None:
    missing = sparql.rows(
        corpus_store,
        """
        PREFIX cg: <https://w3id.org/councilgraph/def/> PREFIX org: <http://www.w3.org/ns/org#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?s WHERE {
          { ?s a cg:Recommendation } UNION { ?s a cg:PeerChallenge } UNION { ?s a org:Membership }
          FILTER NOT EXISTS { ?s prov:wasDerivedFrom ?doc ; cg:sourceLocation ?where }
        }""",
    )
    assert missing == []


def test_one_named_graph_per_source(corpus_store: ox.Store) -> None:
    graphs = {g.value for g in corpus_store.named_graphs()}
    docs = {p.stem for p in (BUNDLED_CORPUS / "documents").iterdir()}
    assert {f"https://w3id.org/councilgraph/id/doc/{d}" for d in docs} <= graphs
    assert "https://w3id.org/councilgraph/id/register/local-authorities" in graphs
    assert "https://w3id.org/councilgraph/def/" in graphs


def test_lead_chief_executive_register_feeds_who_leads_what(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(BUNDLED_CORPUS, corpus)
    (corpus / "registers" / "lead-chief-executives.csv").write_text(
        "policy_area,person,honorific,borough,start,end,support_group,source\n"
        "Skills and employment,Jane Example,,LB Camden,2019-09-01,,Skills support group,\n"
    )
    settings = Settings(corpus=corpus, store=tmp_path / "store")
    build(settings)
    rows = q(open_store(settings.store), "q04")
    lead = [r for r in rows if r["name"] == "Jane Example"]
    assert {
        (r["roleLabel"], r["orgName"], r.get("areaLabel"), str(r["start"]), str(r["end"]))
        for r in lead
    } >= {
        (
            "Lead Chief Executive",
            "London Councils",
            "Skills and employment",
            "2019-09-01",
            "2020-08-31",
        ),
    }
    assert any(
        r["roleLabel"] == "Chief Executive" and r["orgName"] == "London Borough of Camden"
        for r in lead
    )


def test_rows_gives_plain_values_as_the_terms_do() -> None:
    """rows() reads Oxigraph's JSON results; each value must equal `sparql.value` of the term."""
    store = ox.Store()
    s = ox.NamedNode("http://example.org/s")
    xsd = "http://www.w3.org/2001/XMLSchema#"
    objects = [
        ox.Literal("7", datatype=ox.NamedNode(xsd + "integer")),
        ox.Literal("2.50", datatype=ox.NamedNode(xsd + "decimal")),
        ox.Literal("1.5E0", datatype=ox.NamedNode(xsd + "double")),
        ox.Literal("true", datatype=ox.NamedNode(xsd + "boolean")),
        ox.Literal("2018-03-01", datatype=ox.NamedNode(xsd + "date")),
        ox.Literal("Conseil", language="fr"),
        ox.Literal('plain "quoted" ünïcode'),
        ox.NamedNode("http://example.org/o"),
        ox.BlankNode("b1"),
    ]
    for i, o in enumerate(objects):
        store.add(ox.Quad(s, ox.NamedNode(f"http://example.org/p{i}"), o))
    query = "SELECT ?p ?o ?unbound WHERE { ?s ?p ?o } ORDER BY ?p"
    found = sparql.rows(store, query)
    expected = [
        {"p": str(p.value), "o": sparql.value(o)}
        for p, o in sorted(((q.predicate, q.object) for q in store), key=lambda t: t[0].value)
    ]
    assert found == expected
    assert {type(row["o"]) for row in found} == {int, float, bool, str}

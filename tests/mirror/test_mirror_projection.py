"""The pure RDF -> property-graph projection (no server needed)."""

from __future__ import annotations

from datetime import date

import pyoxigraph as ox
import pytest
from conftest import turtle_store

from councilgraph.errors import MirrorError
from graph.mirror.names import as_type, assign, checked
from graph.mirror.projection import project_store

XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
ID = "https://w3id.org/councilgraph/id/"


def test_nodes_get_resource_and_class_labels_and_typed_properties() -> None:
    projection = project_store(turtle_store("small.ttl"))
    council = projection.nodes[ID + "council/E09000019"]
    assert council.labels == {"Resource", "Council", "Organization"}
    assert council.props["prefLabel"] == "Islington"
    assert council.props["prefLabel__lang"] == "en"
    assert council.props["altLabel"] == ("LB Islington", "London Borough of Islington")
    assert council.props["altLabel__lang"] == ("en", "en")
    rec = projection.nodes[ID + "recommendation/r1"].props
    assert (rec["number"], rec["isKeyRecommendation"], rec["score"]) == (1, True, 2.5)
    assert type(rec["number"]) is int and type(rec["isKeyRecommendation"]) is bool
    assert projection.nodes[ID + "doc/report"].props["date"] == date(2018, 5, 1)


def test_object_properties_become_upper_snake_relationships() -> None:
    projection = project_store(turtle_store("small.ttl"))
    types = {
        (r.start.rsplit("/", 1)[1], r.type, r.end.rsplit("/", 1)[1])
        for r in projection.rels.values()
    }
    assert ("r1", "WAS_DERIVED_FROM", "report") in types
    assert ("r1", "ADDRESSED_TO", "E09000019") in types
    assert ("m1", "ORGANIZATION", "E09000019") in types


def test_memberships_also_become_member_of_shortcuts() -> None:
    projection = project_store(turtle_store("small.ttl"))
    shortcuts = {r.key: r for r in projection.rels.values() if r.type == "MEMBER_OF"}
    ada = shortcuts[ID + "membership/m1"]
    assert (ada.start, ada.end) == (ID + "person/ada-example", ID + "council/E09000019")
    assert dict(ada.props) == {
        "membership": ID + "membership/m1",
        "role": "Chief Executive",
        "leads": True,
        "start": date(2016, 9, 1),
        "statedIn": ID + "doc/report",
        "listed": True,
    }
    assert shortcuts[ID + "membership/m2"].props["leads"] is False


def test_member_of_carries_the_tenure() -> None:
    store = turtle_store("small.ttl")
    cg = "https://w3id.org/councilgraph/def/"
    m1, m2 = (ox.NamedNode(ID + f"membership/m{n}") for n in (1, 2))
    day = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
    for subject, predicate, value in (
        (m1, "heldFrom", ox.Literal("2016-09-01", datatype=day)),
        (m1, "heldUntil", ox.Literal("2017-08-31", datatype=day)),
        (m1, "endBasis", ox.Literal("inferred")),
        (m1, "endInferredFrom", m2),
        (m1, "lastStated", ox.Literal("2017-03-21", datatype=day)),
        (m1, "linkKind", ox.Literal("post")),
        (m1, "isInterim", ox.Literal("true", datatype=ox.NamedNode(XSD_BOOLEAN))),
        (m2, "sameTenureAs", m1),
    ):
        store.add(ox.Quad(subject, ox.NamedNode(cg + predicate), value))
    shortcuts = {r.key: r for r in project_store(store).rels.values() if r.type == "MEMBER_OF"}
    props = shortcuts[ID + "membership/m1"].props
    assert {k: props[k] for k in ("heldFrom", "heldUntil", "endBasis", "lastStated")} == {
        "heldFrom": date(2016, 9, 1),
        "heldUntil": date(2017, 8, 31),
        "endBasis": "inferred",
        "lastStated": date(2017, 3, 21),
    }
    assert (props["endInferredFrom"], props["interim"], props["linkKind"]) == (
        ID + "membership/m2",
        True,
        "post",
    )
    assert props["listed"] is True and "acting" not in props
    assert shortcuts[ID + "membership/m2"].props["listed"] is False


def test_vocabulary_terms_and_blank_nodes_are_left_out() -> None:
    store = ox.Store()
    store.load(
        b"@prefix owl: <http://www.w3.org/2002/07/owl#> . @prefix ex: <urn:ex:> .\n"
        b"ex:C a owl:Class . ex:x a ex:C ; ex:p [ ex:q 1 ] ; ex:r ex:y .",
        format=ox.RdfFormat.TURTLE,
    )
    projection = project_store(store)
    assert set(projection.nodes) == {"urn:ex:x", "urn:ex:y"}
    assert projection.nodes["urn:ex:x"].labels == {"Resource", "C"}
    assert projection.nodes["urn:ex:y"].labels == {"Resource"}  # an IRI object, as in n10s


def test_a_predicate_with_several_values_anywhere_is_a_list_everywhere() -> None:
    store = ox.Store()
    store.load(
        b'<urn:a> <urn:p:tag> "x", "y" . <urn:b> <urn:p:tag> "z" .', format=ox.RdfFormat.TURTLE
    )
    nodes = project_store(store).nodes
    assert nodes["urn:a"].props["tag"] == ("x", "y")
    assert nodes["urn:b"].props["tag"] == ("z",)


def test_clashing_local_names_keep_w3c_plain_and_prefix_the_extension() -> None:
    names = assign(
        [
            "http://purl.org/dc/terms/subject",
            "https://w3id.org/councilgraph/def/subject",
            "urn:x:subject",
            "http://www.w3.org/ns/org#role",
            "https://w3id.org/councilgraph/def/role",
        ],
        "type",
    )
    assert names == {
        "http://purl.org/dc/terms/subject": "SUBJECT",
        "https://w3id.org/councilgraph/def/subject": "CG_SUBJECT",
        "urn:x:subject": "NS_SUBJECT",
        "http://www.w3.org/ns/org#role": "ROLE",
        "https://w3id.org/councilgraph/def/role": "CG_ROLE",
    }
    assert as_type("wasDerivedFrom") == "WAS_DERIVED_FROM"
    assert as_type("peer-team") == "PEER_TEAM"


def test_names_off_the_allow_list_or_badly_shaped_are_refused() -> None:
    assert checked("Person", frozenset({"Person"}), "label") == "Person"
    with pytest.raises(MirrorError):
        checked("Person", frozenset({"Council"}), "label")
    with pytest.raises(MirrorError):
        checked("X) DETACH DELETE n //", frozenset({"X) DETACH DELETE n //"}), "label")


def test_mixed_kinds_in_one_list_become_strings() -> None:
    store = ox.Store()
    store.load(
        b"@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . "
        b'<urn:a> <urn:p:v> 1, "one", "2018-01-01"^^xsd:date .',
        format=ox.RdfFormat.TURTLE,
    )
    assert project_store(store).nodes["urn:a"].props["v"] == ("1", "2018-01-01", "one")

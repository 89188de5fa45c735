"""The shapes checked as SPARQL on Oxigraph find exactly what pySHACL finds."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
from pyshacl import validate
from rdflib import SH, Graph

from graph.export import dumps
from graph.shapes_sparql import checks, report, validate_store
from graph.validate import load_ontology
from ontology import shapes_file

BROKEN = """
@prefix cg: <https://w3id.org/councilgraph/def/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
id:council/X a cg:Council ; skos:prefLabel "X" , "Y" ; cg:gssCode "W06000001" .
id:person/cllr-x a foaf:Person ; foaf:name "Cllr Someone" .
id:person/two a foaf:Person ; foaf:name "A" , "B" .
id:membership/bad a org:Membership ; org:member id:council/X ; org:role id:role/nope ;
    cg:statedIn "not an IRI" ; cg:sourceLocation "line 1" ;
    cg:startDate "2020-01-01"^^xsd:date ; cg:endDate "2019-01-01"^^xsd:date .
id:membership/mixed a org:Membership ; org:member id:person/two ; org:role id:role/nope ;
    cg:statedIn id:doc/bad ; cg:sourceLocation "line 3" ;
    cg:startDate "2018-06"^^xsd:gYearMonth ; cg:endDate "2018-06-30"^^xsd:date .
id:membership/untyped a org:Membership ; org:member id:person/two ; org:role id:role/nope ;
    cg:statedIn id:doc/bad ; cg:sourceLocation "line 4" ; cg:startDate "June 2018" .
id:recommendation/bad a cg:Recommendation ; cg:text "ab" ; cg:isKeyRecommendation "yes" ;
    prov:wasDerivedFrom id:doc/none ; cg:sourceLocation "line 2" .
id:doc/bad a cg:Document ; dct:title "T" ; cg:sha256 "XYZ" ; cg:documentType "report" .
"""
BROKEN = "@prefix dct: <http://purl.org/dc/terms/> .\n" + re.sub(
    r"\bid:([\w/-]+)", r"<https://w3id.org/councilgraph/id/\1>", BROKEN
)


BROKEN_IRI = "https://w3id.org/councilgraph/id/"


def _pyshacl(data: Graph) -> set[tuple[str, str]]:
    _, results, _ = validate(
        data,
        shacl_graph=Graph().parse(shapes_file()),
        ont_graph=load_ontology(),
        inference="none",
        allow_warnings=True,
    )
    return {
        (
            str(results.value(r, SH.focusNode)),
            str(results.value(r, SH.sourceConstraintComponent))
            .removeprefix(str(SH))
            .removesuffix("ConstraintComponent"),
        )
        for r in results.subjects(SH.resultSeverity, None)
    }


@pytest.fixture(scope="module")
def broken(corpus_store: ox.Store) -> tuple[ox.Store, Graph]:
    data = (
        Graph()
        .parse(data=dumps(corpus_store, "nt"), format="nt")
        .parse(data=BROKEN, format="turtle")
    )
    store = ox.Store()
    store.bulk_load(data.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return store, data


def test_the_corpus_conforms_both_ways(corpus_store: ox.Store) -> None:
    assert validate_store(corpus_store) == []


def test_sparql_and_pyshacl_report_the_same_violations(broken: tuple[ox.Store, Graph]) -> None:
    store, data = broken
    found = {(v.focus.strip("<>"), v.constraint) for v in validate_store(store)}
    expected = _pyshacl(data)
    assert found == expected
    kinds = {kind for _, kind in found}
    assert {
        "MinCount",
        "MaxCount",
        "Class",
        "Datatype",
        "NodeKind",
        "Pattern",
        "MinLength",
        "Or",
        "SPARQL",
    } <= kinds
    # a month start and a day end in the same month is in order: compared at the month
    assert not any(
        focus.endswith("membership/mixed") and kind in {"SPARQL", "Or"} for focus, kind in found
    )
    assert (BROKEN_IRI + "membership/untyped", "Or") in found
    assert (BROKEN_IRI + "membership/bad", "SPARQL") in found


def test_report_names_focus_and_message(broken: tuple[ox.Store, Graph]) -> None:
    text = report(validate_store(broken[0]))
    assert "Conforms: False" in text and "person/cllr-x" in text and "titles such as Cllr" in text


def test_every_constraint_in_the_shapes_compiles() -> None:
    assert len(checks()) > 50


def test_every_build_validates_on_the_new_store_and_stays_atomic(
    tmp_settings: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from councilgraph.errors import OntologyError
    from councilgraph.settings import BUNDLED_CORPUS, Settings
    from graph import build as build_module
    from graph.shapes_sparql import Violation
    from graph.store import current_build

    settings = Settings(corpus=BUNDLED_CORPUS, store=tmp_settings.store)  # type: ignore[attr-defined]
    first = build_module.build(settings).build
    bad = Violation("<https://example.org/x>", "<p>", "MinCount", None, "made up")
    monkeypatch.setattr(build_module, "validate_store", lambda store: [bad])
    with pytest.raises(OntologyError, match="1 results") as failure:
        build_module.build(settings)
    assert "made up" in failure.value.report  # type: ignore[attr-defined]
    assert current_build(settings.store).path == first.path
    assert [p.name for p in (settings.store / "builds").iterdir()] == [first.path.name]

"""The topic thesaurus (ontology/topics.ttl): well formed as SKOS, published with the
ontology, and read into the topics a text raises."""

from __future__ import annotations

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from graph import topics
from graph.namespaces import CG, OWL, SCHEME, SKOS, THEME, TOPIC
from ontology import SCHEMES, TOPICS, ontology_files


@pytest.fixture(scope="module")
def thesaurus() -> Graph:
    return Graph().parse(TOPICS, format="turtle").parse(SCHEMES, format="turtle")


def _concepts(g: Graph) -> set[URIRef]:
    return {c for c in g.subjects(SKOS.inScheme, SCHEME["topics"]) if isinstance(c, URIRef)}


def test_every_topic_has_labels_a_definition_and_a_theme(thesaurus: Graph) -> None:
    concepts = _concepts(thesaurus)
    assert len(concepts) >= 30
    themes = set(thesaurus.subjects(SKOS.inScheme, SCHEME["themes"]))
    for concept in concepts:
        labels = list(thesaurus.objects(concept, SKOS.prefLabel))
        assert len(labels) == 1 and isinstance(labels[0], Literal), concept
        assert labels[0].language == "en", concept
        assert thesaurus.value(concept, SKOS.definition), concept
        matched = set(thesaurus.objects(concept, SKOS.broadMatch))
        assert matched and matched <= themes, f"{concept} maps to {matched}"


def test_the_similarity_method_names_the_thesaurus_version(thesaurus: Graph) -> None:
    from graph.similarity import METHOD

    version = thesaurus.value(SCHEME["topics"], OWL.versionInfo)
    assert f"(topics {version}," in METHOD


def test_broader_and_narrower_agree_and_top_concepts_are_listed(thesaurus: Graph) -> None:
    concepts = _concepts(thesaurus)
    tops = set(thesaurus.objects(SCHEME["topics"], SKOS.hasTopConcept))
    assert tops == set(thesaurus.subjects(SKOS.topConceptOf, SCHEME["topics"]))
    for concept in concepts:
        broader = set(thesaurus.objects(concept, SKOS.broader))
        narrower = set(thesaurus.objects(concept, SKOS.narrower))
        assert (concept in tops) == (not broader), concept
        for up in broader:
            assert (up, SKOS.narrower, concept) in thesaurus, f"{up} does not list {concept}"
        for down in narrower:
            assert (down, SKOS.broader, concept) in thesaurus, f"{down} does not name {concept}"
        if concept not in tops:  # narrower topics are what texts are matched against
            assert set(thesaurus.objects(concept, CG.signal)), f"{concept} has no signals"


def test_a_signal_belongs_to_one_topic_and_parses(thesaurus: Graph) -> None:
    seen: dict[str, URIRef] = {}
    for concept, signal in thesaurus.subject_objects(CG.signal):
        key = " ".join(w for w, _ in topics.parse_signal(str(signal)))
        assert key not in seen or seen[key] == concept, f"{signal!r} in {seen[key]} and {concept}"
        seen[key] = concept  # type: ignore[assignment]


def test_signals_match_words_as_the_thesaurus_says() -> None:
    def keys(text: str) -> list[str]:
        return [r.topic.key for r in topics.raised(text)]

    assert keys("Track the delivery of SAVINGS") == ["savings"]  # saving* meets savings
    assert keys("Review the HRA") == ["housing"]  # "hr" is a whole word only
    assert "workforce" in keys("Improve HR practice")
    # the longest signal wins where several start at a word
    assert keys("Refresh the highways asset management plan") == ["highways"]
    assert keys("Improve asset management") == ["capital-and-assets"]
    # quotes are not part of a word, apostrophes inside one are; dashes are spaces
    found = topics.raised("Deliver 'fairness' and children's services, avoid one-offs")
    assert {r.topic.key: r.words for r in found} == {
        "childrens-services": ("children's services",),
        "fairness": ("fairness",),
        "savings": ("one offs",),
    }
    assert keys("Nothing here matches at all") == []


def test_early_signals_weigh_more_and_broader_topics_a_share() -> None:
    book = topics.thesaurus()
    index = book.index()
    matrix, raised = topics.weights(
        ["Strengthen member development so that the MTFS is balanced"],
        decay=0.5,
        broader_share=0.3,
    )
    member, budget = matrix[0, index["member-development"]], matrix[0, index["financial-planning"]]
    assert member > budget > 0
    assert matrix[0, index["members-and-governance"]] == pytest.approx(0.3 * member)
    assert [r.topic.key for r in raised[0]] == ["financial-planning", "member-development"]


def test_the_thesaurus_is_part_of_the_ontology_graph(corpus_store: ox.Store) -> None:
    assert TOPICS in ontology_files()
    ontology = ox.NamedNode(str(CG))
    pace = ox.NamedNode(str(TOPIC["pace"]))
    labels = list(
        corpus_store.quads_for_pattern(pace, ox.NamedNode(str(SKOS.prefLabel)), None, ontology)
    )
    assert [q.object.value for q in labels] == ["Pace of change and delivery"]
    assert list(
        corpus_store.quads_for_pattern(
            pace,
            ox.NamedNode(str(SKOS.broadMatch)),
            ox.NamedNode(str(THEME["capacity-for-improvement"])),
            ontology,
        )
    )
    assert list(corpus_store.quads_for_pattern(pace, ox.NamedNode(str(CG.signal)), None, ontology))


def test_a_topic_dereferences_like_the_rest_of_the_vocabulary(
    analysis_client: httpx.Client,
) -> None:
    turtle = analysis_client.get("/def/topic/pace", headers={"Accept": "text/turtle"})
    assert turtle.status_code == 200 and turtle.headers["content-type"].startswith("text/turtle")
    g = Graph().parse(data=turtle.text, format="turtle")
    pace = URIRef(str(TOPIC["pace"]))
    assert str(g.value(pace, SKOS.prefLabel)) == "Pace of change and delivery"
    assert (pace, SKOS.broader, TOPIC["delivery"]) in g
    assert (pace, SKOS.broadMatch, THEME["capacity-for-improvement"]) in g
    assert Literal("pace") in set(g.objects(pace, CG.signal))
    page = analysis_client.get("/def/topic/pace", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "Pace of change and delivery" in page.text
    scheme = analysis_client.get("/def/scheme/topics?format=ttl")
    assert scheme.status_code == 200 and "hasTopConcept" in scheme.text
    assert analysis_client.get("/def/topic/no-such-topic").status_code == 404

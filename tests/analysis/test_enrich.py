"""Theme overrides and similar recommendations, on the mapped bundled corpus."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from councilgraph.errors import RegisterError
from councilgraph.settings import BUNDLED_CORPUS, Settings
from graph import similarity
from graph.build import find_inputs, load_records, prepare_resolver
from graph.context import Context
from graph.enrich import enrich, recommendations_by_iri, similarity_graph, similarity_items
from graph.iris import Minter
from graph.linking import link_actions
from graph.mapping import map_records
from graph.namespaces import CG, DCT, PROV, RDF, THEME
from loaders import records as r
from loaders import theme_overrides

DATA = Path(__file__).resolve().parents[1] / "data"
ID = "https://w3id.org/councilgraph/id/"
REC_23 = URIRef(ID + "recommendation/E09000019-2018-03-23")
TH_2 = URIRef(ID + "recommendation/E09000030-2018-06-key-item-2")


@pytest.fixture(scope="module")
def corpus_records() -> list[r.Record]:
    settings = Settings(corpus=BUNDLED_CORPUS)
    return load_records(find_inputs(BUNDLED_CORPUS), settings, {}, lambda *a: None)


def _mapped(records: list[r.Record], overrides: list[r.Record]) -> Context:
    ctx = Context(resolver=prepare_resolver(records), minter=Minter(ID))
    map_records(ctx, records)  # (overrides are not mapped: build.py needs a MAPPERS entry first)
    link_actions(ctx, records)
    enrich(ctx, records + overrides)
    return ctx


def _union(ctx: Context) -> Graph:
    merged = Graph()
    for g in ctx.graphs.values():
        for t in g:
            merged.add(t)
    return merged


def test_override_register_is_read_row_by_row() -> None:
    rows = list(theme_overrides.load(DATA / "analysis" / "theme-overrides.csv"))
    assert [o.provenance.location for o in rows] == ["row 2", "row 3", "row 4"]
    assert rows[0].recommendation == "E09000019-2018-03 23" and rows[0].decided_by == "A Researcher"
    assert theme_overrides.is_theme_overrides(DATA / "analysis" / "theme-overrides.csv")


def test_override_wins_and_is_recorded_as_such(corpus_records: list[r.Record]) -> None:
    before = _union(_mapped(corpus_records, []))
    assert set(before.objects(REC_23, DCT.subject)) != {THEME["governance-and-culture"]}
    overrides = list(theme_overrides.load(DATA / "analysis" / "theme-overrides.csv"))
    ctx = _mapped(corpus_records, overrides)
    g = _union(ctx)
    # "Governance and decision-making" is a 2012-2022 name: it maps to governance and culture.
    assert set(g.objects(REC_23, DCT.subject)) == {THEME["governance-and-culture"]}
    assert set(g.objects(TH_2, DCT.subject)) == {
        THEME["governance-and-culture"],
        THEME["capacity-for-improvement"],
    }
    assert set(g.objects(REC_23, CG.classificationMethod)) == {Literal("override")}
    register = URIRef(ID + "register/theme-overrides")
    nodes = [
        n
        for n in g.subjects(CG.recommendation, REC_23)
        if (n, CG.classificationMethod, Literal("override")) in g
    ]
    assert len(nodes) == 1
    assert (nodes[0], PROV.wasDerivedFrom, register) in g
    assert (nodes[0], CG.sourceLocation, Literal("row 2")) in g
    assert (REC_23, DCT.subject, THEME["governance-and-culture"]) in ctx.graphs[register]
    # other recommendations keep the classifier's themes, with its method and a confidence
    other = URIRef(ID + "recommendation/E09000019-2018-03-16")
    assert THEME["financial-planning-and-management"] in set(g.objects(other, DCT.subject))
    auto = next(g.subjects(CG.recommendation, other))
    assert str(g.value(auto, CG.classificationMethod)) == "councilgraph-rules-tfidf/2"
    assert 0 < float(g.value(auto, CG.confidence)) <= 1


def test_override_of_an_unknown_theme_names_the_row(corpus_records: list[r.Record]) -> None:
    overrides = list(theme_overrides.load(DATA / "analysis" / "theme-overrides-bad-theme.csv"))
    with pytest.raises(RegisterError, match="row 2.*unknown theme 'Housing'"):
        _mapped(corpus_records, overrides)


def test_override_of_an_unknown_recommendation_is_refused(corpus_records: list[r.Record]) -> None:
    bad = r.ThemeOverride(
        "E09000019-2018-03 99",
        "governance-and-culture",
        r.Provenance("register-theme-overrides", "row 7"),
    )
    with pytest.raises(RegisterError, match="row 7.*no recommendation"):
        _mapped(corpus_records, [bad])


def _paraphrase_items() -> tuple[list[similarity.Item], dict[str, str]]:
    with (DATA / "analysis" / "paraphrases.csv").open(newline="") as f:
        rows = list(csv.DictReader(f))
    with (DATA / "themes" / "labelled.csv").open(newline="") as f:
        corpus = [row for row in csv.DictReader(f) if row["source"].startswith("corpus:")]
    items = [
        similarity.Item(f"{row['pair']}-{i}", row["text"], row["council"])
        for i, row in enumerate(rows)
    ]
    # the other corpus recommendations as distractors (the originals are in the pairs already)
    texts = {row["text"] for row in rows}
    items += [
        similarity.Item(row["id"], row["text"], row["council"] + "-corpus")
        for row in corpus
        if row["text"] not in texts
    ]
    pairs = {item.key: item.key.split("-")[0] for item in items[: len(rows)]}
    return items, pairs


def test_near_paraphrases_to_different_councils_find_each_other() -> None:
    items, pairs = _paraphrase_items()
    matches = similarity.similar(items)
    best: dict[str, similarity.Match] = {}
    for m in matches:
        best.setdefault(m.source, m)
    for key, pair in pairs.items():
        if pair.startswith("p"):
            assert key in best, f"{key} found nothing"
            assert pairs.get(best[key].target) == pair, f"{key} -> {best[key].target}"
            assert best[key].score >= similarity.MIN_SCORE
        elif pair == "u3":  # a permanent director of children's services: only what shares that
            found = [m for m in matches if m.source == key]
            assert found and all(m.topics == ("childrens-services",) for m in found), found
            assert not any(m.target in pairs for m in found)
        else:  # unrelated recommendations find nothing
            assert key not in best, f"{key} -> {best[key]}"


def test_similar_to_is_only_across_councils() -> None:
    same = [
        similarity.Item("a", "Strengthen your reserves", "X"),
        similarity.Item("b", "Strengthen your reserves", "X"),
    ]
    assert similarity.similar(same) == []
    other = [
        similarity.Item("a", "Strengthen your reserves", "X"),
        similarity.Item("b", "Strengthen your reserves", "Y"),
    ]
    assert [(m.source, m.target, m.score) for m in similarity.similar(other)] == [
        ("a", "b", 1.0),
        ("b", "a", 1.0),
    ]


def test_similarities_go_into_the_analyses_graph(corpus_records: list[r.Record]) -> None:
    kent = r.ChallengeRef(r.OrgRef("Kent County Council", "council"), 2023, 11)
    extra = [
        r.Recommendation(
            kent,
            "Build up the council's reserves so that it has more choices in future years",
            True,
            r.Provenance("kent-2023", "item 1"),
            number="1",
        )
    ]
    records = corpus_records + extra
    ctx = _mapped(records, [])
    analyses = similarity_graph(
        similarity_items(ctx, recommendations_by_iri(ctx, records)), ctx.minter
    )
    assert analyses.identifier == URIRef(ID + "graph/analyses")
    kent_1 = URIRef(ID + "recommendation/E10000016-2023-11-key-1")
    assert (kent_1, CG.similarTo, URIRef(ID + "recommendation/E09000019-2018-03-16")) in analyses
    node = next(n for n in analyses.subjects(CG["from"], kent_1))
    assert (node, RDF.type, CG.Similarity) in analyses
    analyses_graph = analyses.to_graph()
    assert float(analyses_graph.value(node, CG.score)) >= similarity.MIN_SCORE
    assert str(analyses_graph.value(node, CG.method)) == similarity.METHOD

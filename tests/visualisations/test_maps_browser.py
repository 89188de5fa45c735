"""The HTML maps in real headless Chromium, with every network request blocked and recorded."""

from __future__ import annotations

from typing import Any

import networkx as nx
import pyoxigraph as ox
import pytest
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from visualisations import facts, metrics, projections
from visualisations.render import MapOptions, build_map
from visualisations.service import map_html, reliance

pytestmark = pytest.mark.browser
EVIL = '<img src=x onerror="window.__xss=1">'


def open_map(page: Page, html: str) -> list[str]:
    """Load a map offline; return every URL the page tried to fetch (all are refused)."""
    attempted: list[str] = []
    page.on("request", lambda request: attempted.append(request.url))
    page.route("**/*", lambda route: route.abort())
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.set_content(html, wait_until="load")
    page.wait_for_function("document.body.dataset.drawn === '1'", timeout=20_000)
    assert errors == []
    return attempted


def click_node(page: Page, label: str) -> int:
    """Click the node on the canvas, at a point where vis-network itself finds that node (its
    centre may sit under a neighbour on a crowded map)."""
    node_id: int = page.evaluate("l => councilMap.data.nodes.find(n => n.label === l).id", label)
    point: dict[str, float] | None = page.evaluate(
        """id => {
          const net = councilMap.network, box = net.getBoundingBox(id);
          for (const fx of [0.5, 0.3, 0.7, 0.15, 0.85]) for (const fy of [0.5, 0.3, 0.7]) {
            const dom = net.canvasToDOM({x: box.left + fx * (box.right - box.left),
                                         y: box.top + fy * (box.bottom - box.top)});
            if (net.getNodeAt(dom) === id) return dom;
          }
          return null;
        }""",
        node_id,
    )
    assert point is not None, f"{label} is covered by other nodes everywhere"
    box = page.locator("#network").bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    return node_id


def visible_labels(page: Page) -> set[str]:
    return set(page.evaluate("councilMap.visibleLabels()"))


def test_organisation_map_renders_offline_with_every_node_and_link(
    page: Page, corpus_store: ox.Store
) -> None:
    network = projections.organisation_network(facts.load(corpus_store))
    attempted = open_map(page, map_html(corpus_store, "organisations"))
    assert attempted == []
    counts = page.evaluate("[councilMap.nodes.length, councilMap.edges.length]")
    assert counts == [network.number_of_nodes(), network.number_of_edges()]
    assert page.evaluate("councilMap.network.physics.options.enabled") is False
    assert page.locator("#sources li").count() == len(network.graph["sources"]) > 0


def test_single_person_links_name_the_people_the_metrics_name(
    page: Page, corpus_store: ox.Store
) -> None:
    open_map(page, map_html(corpus_store, "organisations"))
    drawn = set(page.evaluate("councilMap.data.edges.filter(e => e.single).map(e => e.hangs_on)"))
    expected = {p.hangs_on for p in reliance(corpus_store).pairs if p.connectivity == 1}
    assert drawn == expected and "Giles Perritt" in drawn and "Joanne Roney" not in drawn
    reds = page.evaluate("councilMap.edges.get().filter(e => e.color.color === '#d62728').length")
    assert reds == len(page.evaluate("councilMap.data.edges.filter(e => e.single)"))


def test_articulation_people_stand_out_on_the_council_map(
    page: Page, corpus_store: ox.Store
) -> None:
    network = projections.council_network(facts.load(corpus_store), "E09000019")
    open_map(page, map_html(corpus_store, "council:E09000019"))
    drawn = set(
        page.evaluate(
            "councilMap.nodes.get().filter(n => n.shape === 'diamond')"
            ".map(n => councilMap.data.nodes[n.id].label)"
        )
    )
    names = set(reliance(corpus_store).articulation_people.values())
    assert drawn == names & {d["label"] for _, d in network.nodes(data=True)}
    assert "Giles Perritt" in drawn and "Joanne Roney" not in drawn
    listed = set(page.locator("#carriers button").all_inner_texts())
    assert drawn <= listed


def test_search_selects_and_click_focuses_the_neighbourhood(
    page: Page, corpus_store: ox.Store
) -> None:
    open_map(page, map_html(corpus_store, "council:E09000019"))
    page.fill("#search", "roney")
    selected = page.evaluate(
        "councilMap.network.getSelectedNodes().map(id => councilMap.data.nodes[id].label)"
    )
    assert selected == ["Joanne Roney"]
    assert page.locator("#status").inner_text() == "1 found"
    page.fill("#search", "")
    page.evaluate("councilMap.back()")  # the whole map in view
    before = page.evaluate("councilMap.network.getScale()")
    # vis-network reports a click after its tap recogniser settles, and a busy machine may
    # still be moving the view: click until the focus shows, a few times at most.
    total = page.evaluate("councilMap.nodes.length")
    for _ in range(5):
        click_node(page, "Giles Perritt")
        try:
            page.wait_for_function(f"councilMap.nodes.length < {total}", timeout=3_000)
            break
        except PlaywrightTimeout:
            continue
    assert visible_labels(page) == {
        "Giles Perritt",
        "London Borough of Islington",
        "Plymouth City Council",
    }
    page.wait_for_timeout(500)  # the zoom animation
    assert page.evaluate("councilMap.network.getScale()") > before  # zoomed to the three
    page.click("#reset")
    assert len(visible_labels(page)) == total


def test_filters_by_council_and_a_career_move_joins_nothing(
    page: Page, corpus_store: ox.Store
) -> None:
    open_map(page, map_html(corpus_store, "organisations"))
    # Graham Farrant left Barking and Dagenham, and Bob Coomber Southwark, before each led
    # Thurrock (former posts: career history, live on no day): nothing joins Thurrock now
    page.select_option("#filter-council", "Thurrock Council")
    assert visible_labels(page) == {"Thurrock Council"}
    page.select_option("#filter-council", "London Borough of Islington")
    shown = visible_labels(page)
    assert {"Manchester City Council", "Plymouth City Council"} <= shown
    assert "Thurrock Council" not in shown


def test_png_export_and_physics_toggle(page: Page, corpus_store: ox.Store) -> None:
    open_map(page, map_html(corpus_store, "peer-challenges"))
    url = page.evaluate("councilMap.exportPng()")
    assert url.startswith("data:image/png;base64,") and len(url) > 5000
    page.check("#physics")
    assert page.evaluate("councilMap.network.physics.options.enabled") is True


def evil_network() -> nx.Graph:
    graph = nx.Graph(title=EVIL, sources=[(EVIL, "2020-01-01", "https://example.org/" + EVIL)])
    graph.add_node("o1", label=EVIL, kind="council", councils=[EVIL], years=[2020], aliases=[EVIL])
    graph.add_node("p1", label="href " + EVIL, kind="person")
    graph.add_node("o2", label="Other", kind="organisation")
    link = projections.Link("p1", EVIL, EVIL, "o1", EVIL, ("https://example.org/" + EVIL,), (2020,))
    graph.add_edge("p1", "o1", links=[link], people=[EVIL], carriers={"p1": EVIL})
    graph.add_edge("p1", "o2", links=[], people=[EVIL])
    graph.graph["posts"] = [link]
    bipartite_like = metrics.annotate(graph, metrics.reliance(graph))
    return bipartite_like


def test_html_in_names_never_runs(page: Page) -> None:
    html = build_map(evil_network(), MapOptions())
    attempted = open_map(page, html)
    for label in (EVIL, "href " + EVIL):
        node_id = page.evaluate("l => councilMap.data.nodes.find(n => n.label === l).id", label)
        point: dict[str, Any] = page.evaluate(
            "id => councilMap.network.canvasToDOM(councilMap.network.getPosition(id))", node_id
        )
        box = page.locator("#network").bounding_box()
        assert box is not None
        page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
        page.wait_for_selector("#tooltip", state="visible")
        assert EVIL in page.locator("#tooltip").inner_text()
    page.select_option("#filter-council", EVIL)
    assert page.evaluate("window.__xss") is None
    assert page.locator("img").count() == 0
    assert page.locator("#map-title").inner_text() == EVIL
    assert EVIL in (page.locator("#sources").text_content() or "")
    assert attempted == []  # the <img src=x> was never even requested


def test_search_finds_people_on_links_and_aliases(page: Page, corpus_store: ox.Store) -> None:
    open_map(page, map_html(corpus_store, "organisations"))

    def found(text: str) -> set[str]:
        ids = page.evaluate("t => councilMap.search(t)", text)
        return {page.evaluate("i => councilMap.data.nodes[i].label", i) for i in ids}

    # Graham Farrant is no node here: he is on the links of the organisations he served
    assert "Thurrock Council" in found("Farrant")
    assert found("LB Barking") == {"London Borough of Barking and Dagenham"}
    assert found("no such name anywhere") == set()
    assert page.locator("#status").inner_text() == "0 found"

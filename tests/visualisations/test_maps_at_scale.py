"""Maps of the 10% synthetic corpus in Chromium at 1920x1080: overview, groups, projector.

The store is built here from `benchmarks.synth` (364 councils, 100 peer challenges), so the
pages are the size a facilitator meets, not the five bundled documents. Two screenshots,
the overview and projector mode, are taken every run; with COUNCILGRAPH_SCREENSHOTS=1 they
are written to docs/ for the README (otherwise to a temporary folder, so that a test run
leaves the work tree as it was).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from playwright.sync_api import Browser, Page

from benchmarks.synth import generate
from councilgraph.settings import Settings
from graph.build import build
from graph.store import open_store
from visualisations.render import MapOptions
from visualisations.service import MapRequest, make_map

pytestmark = pytest.mark.browser
DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return DOCS if os.environ.get("COUNCILGRAPH_SCREENSHOTS") else tmp_path_factory.mktemp("shots")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> ox.Store:
    root = tmp_path_factory.mktemp("scale")
    generate(root / "corpus", scale=0.1, seed=2011)
    settings = Settings(corpus=root / "corpus", store=root / "store")
    build(settings)
    return open_store(settings.store)


@pytest.fixture(scope="module")
def organisations(store: ox.Store) -> str:
    return make_map(store, MapRequest("organisations")).html


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    # half the pixels per CSS pixel: the screenshots for the README stay small
    page = browser.new_page(viewport={"width": 1920, "height": 1080}, device_scale_factor=0.5)
    yield page
    page.close()


def open_map(page: Page, html: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.route("**/*", lambda route: route.abort())
    page.set_content(html, wait_until="load")
    page.wait_for_function("document.body.dataset.drawn === '1'", timeout=30_000)
    page.wait_for_timeout(300)
    assert errors == []


def drawn_nodes(page: Page) -> list[Any]:
    return list(page.evaluate("councilMap.nodes.getIds()"))


def click_at(page: Page, node: Any) -> None:
    point = page.evaluate(
        "id => councilMap.network.canvasToDOM(councilMap.network.getPosition(id))", node
    )
    box = page.locator("#network").bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


def overlapping(boxes: list[dict[str, float]]) -> list[tuple[str, str]]:
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if (
                a["x"] < b["x"] + b["w"]
                and b["x"] < a["x"] + a["w"]
                and a["y"] < b["y"] + b["h"]
                and b["y"] < a["y"] + a["h"]
            ):
                found.append((a["text"], b["text"]))
    return found


def test_the_map_fills_the_window_and_opens_on_groups(
    page: Page, organisations: str, shots: Path
) -> None:
    open_map(page, organisations)
    box = page.locator("#network").bounding_box()
    assert box is not None and box["width"] * box["height"] > 0.7 * 1920 * 1080
    assert page.locator("#sources li").count() > 100  # all there, folded away
    assert not page.locator("#sources").is_visible()
    total = page.evaluate("councilMap.data.nodes.length")
    shown = drawn_nodes(page)
    groups = [n for n in shown if isinstance(n, str)]
    assert total > 400 and len(shown) < 40 and "group:London" in groups
    labels = {b["text"] for b in page.evaluate("councilMap.labels()")}
    assert any(text.startswith("London · ") for text in labels)
    page.screenshot(path=str(shots / "maps-overview.png"))
    assert (shots / "maps-overview.png").stat().st_size > 20_000


def test_a_group_opens_on_click_and_closes_from_the_panel(page: Page, organisations: str) -> None:
    open_map(page, organisations)
    before = drawn_nodes(page)
    click_at(page, "group:London")
    page.wait_for_function("!councilMap.nodes.get('group:London')", timeout=5_000)
    opened = drawn_nodes(page)
    london = page.evaluate(
        "councilMap.data.nodes.filter(n => n.groups.region === 'London').map(n => n.id)"
    )
    assert set(london) <= set(opened) and len(opened) == len(before) - 1 + len(london)
    page.locator("button.group-toggle[data-group='London']").click()
    assert sorted(map(str, drawn_nodes(page))) == sorted(map(str, before))


def test_clicking_a_council_zooms_to_its_neighbourhood(page: Page, organisations: str) -> None:
    open_map(page, organisations)
    click_at(page, "group:London")
    page.wait_for_timeout(500)
    council = page.evaluate(
        "councilMap.data.nodes.find(n => n.groups.region === 'London' && n.kind === 'council').id"
    )
    scale = page.evaluate("councilMap.network.getScale()")
    page.evaluate("id => councilMap.focus(id)", council)
    page.wait_for_timeout(500)
    neighbours = page.evaluate("id => councilMap.network.getConnectedNodes(id)", council)
    assert set(drawn_nodes(page)) == {council, *neighbours}
    assert page.evaluate("councilMap.network.getScale()") != scale


def test_projector_mode_has_large_labels_that_never_overlap(
    page: Page, organisations: str, shots: Path
) -> None:
    open_map(page, organisations)
    page.click("#present")
    page.wait_for_timeout(300)
    for action in ("", "councilMap.expand('London')", "councilMap.showAll()"):
        if action:
            page.evaluate(action)
            page.wait_for_timeout(500)
        boxes = page.evaluate("councilMap.labels()")
        assert len(boxes) >= 5
        assert min(b["font"] for b in boxes) >= 24
        assert overlapping(boxes) == []
        width = page.evaluate("document.querySelector('#network canvas').clientWidth")
        assert all(b["x"] >= 0 and b["x"] + b["w"] <= width for b in boxes)
    page.evaluate("councilMap.overview()")
    page.wait_for_timeout(300)
    page.screenshot(path=str(shots / "maps-projector.png"))


def test_an_empty_leads_map_says_why_on_the_page(page: Page, store: ox.Store) -> None:
    from datetime import date

    result = make_map(store, MapRequest("leads", date(2031, 1, 1), MapOptions()))
    assert result.nodes == 0
    open_map(page, result.html)
    reason = page.locator("#empty")
    assert reason.is_visible()
    assert "no leadership posts or commissions in the graph for 2031-01-01" in reason.inner_text()

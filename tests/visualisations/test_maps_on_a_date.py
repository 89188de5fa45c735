"""The date control of the map pages, in real headless Chromium, offline: moving it redraws
the network as it stood on that day from the page's own data, and the page says what hung on
one person then as `councilgraph reliance --on` does (answers in test_reliance_on_a_date)."""

from __future__ import annotations

from datetime import date

import pyoxigraph as ox
import pytest
from playwright.sync_api import Page

from visualisations import facts, projections
from visualisations.render import MapOptions
from visualisations.service import MapRequest, make_map, reliance

pytestmark = pytest.mark.browser
PLYMOUTH, ISLINGTON = "Plymouth City Council", "London Borough of Islington"
FLAGGED = "London Borough of Islington partnerships"
DRAWN_EDGES = """() => councilMap.edges.get().map(e =>
  [e.from, e.to].map(n => councilMap.data.nodes[n].label).sort().join(' | '))"""
NAMES = """() => { councilMap.showAll();  // a large map opens on groups
  return councilMap.nodes.get().map(n => councilMap.data.nodes[n.id].label); }"""
SINGLE = """() => [...councilMap.state.view.single.entries()]
  .filter(([i]) => councilMap.edges.get(i))
  .map(([i, p]) => [councilMap.data.edges[i].from, councilMap.data.edges[i].to]
    .map(n => councilMap.data.nodes[n].label).sort().join(' | ') + ' : ' + councilMap.data.people[p].name)"""


def open_map(page: Page, html: str) -> list[str]:
    """Load a map with every request refused; return the URLs it tried (none, offline)."""
    attempted: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: attempted.append(request.url))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.route("**/*", lambda route: route.abort())
    page.set_content(html, wait_until="load")
    page.wait_for_function("document.body.dataset.drawn === '1'", timeout=20_000)
    assert errors == []
    return attempted


@pytest.fixture(scope="module")
def found(corpus_store: ox.Store) -> facts.Facts:
    return facts.load(corpus_store)


def expected_edges(found: facts.Facts, name: str, on: date | None) -> list[str]:
    graph = projections.network_for(found, name, on)
    label = lambda n: graph.nodes[n]["label"]  # noqa: E731
    return sorted(" | ".join(sorted((label(a), label(b)))) for a, b in graph.edges)


def drawn(page: Page) -> list[str]:
    return sorted(page.evaluate(DRAWN_EDGES))


def carriers(page: Page) -> list[str]:
    return page.locator("#carriers > li > button").all_inner_texts()


def test_moving_the_date_redraws_the_network_as_it_stood(
    page: Page, corpus_store: ox.Store, found: facts.Facts
) -> None:
    on = date(2018, 3, 21)  # the Islington peer team on site
    result = make_map(corpus_store, MapRequest("organisations", on))
    assert open_map(page, result.html) == []
    assert page.input_value("#on-date") == "2018-03-21"
    assert page.input_value("#on-year") == "2018"
    assert drawn(page) == expected_edges(found, "organisations", on)
    assert f"{ISLINGTON} | {PLYMOUTH}" in drawn(page)
    assert len(drawn(page)) == result.edges
    assert "Giles Perritt" in carriers(page)
    panel = page.locator("#carriers").inner_text()
    assert "team-seat: Peer" in panel and "2018-03-20 to 2018-03-23" in panel

    page.fill("#on-date", "2018-06-01")  # the team has gone home
    assert drawn(page) == expected_edges(found, "organisations", date(2018, 6, 1))
    assert f"{ISLINGTON} | {PLYMOUTH}" not in drawn(page)
    assert "Giles Perritt" not in carriers(page)

    page.locator("#on-year").fill("2010")  # the slider keeps the day of the year
    assert page.input_value("#on-date") == "2010-06-01"
    assert page.locator("#on-year-label").inner_text() == "2010"
    assert drawn(page) == expected_edges(found, "organisations", date(2010, 6, 1))

    page.click("#on-any")
    assert drawn(page) == expected_edges(found, "organisations", None)
    assert page.get_attribute("#on-any", "aria-pressed") == "true"


@pytest.mark.parametrize("name", ["organisations", "people"])
def test_what_hangs_on_one_person_on_a_day_is_what_reliance_says(
    page: Page, corpus_store: ox.Store, name: str
) -> None:
    open_map(page, make_map(corpus_store, MapRequest(name)).html)
    page.evaluate("councilMap.showAll()")
    for on in (date(2010, 6, 1), date(2018, 3, 21), date(2018, 6, 1)):
        page.evaluate("d => { councilMap.setOn(d); councilMap.showAll(); }", on.isoformat())
        result = reliance(corpus_store, on)
        people = sorted(
            page.evaluate(
                "[...councilMap.state.view.articulation].map(p => councilMap.data.people[p].name)"
            )
        )
        assert people == sorted(result.articulation_people.values()), on
        if name == "organisations":
            hangs = sorted(
                " | ".join(sorted((p.a_label, p.b_label))) + " : " + str(p.hangs_on)
                for p in result.pairs
                if p.connectivity == 1
            )
            assert sorted(page.evaluate(SINGLE)) == hangs, on
            assert sorted(carriers(page)) == sorted(
                {p.hangs_on for p in result.pairs if p.hangs_on}
            )


def test_the_flagged_partnership_is_named_in_the_panel_and_stands_out(
    page: Page, corpus_store: ox.Store
) -> None:
    open_map(page, make_map(corpus_store, MapRequest("organisations", date(2018, 3, 21))).html)
    item = page.locator("#flagged li", has_text=FLAGGED)
    assert "reliant on individual relationships" in item.inner_text()
    assert "Islington" in item.inner_text()
    node = page.evaluate("l => councilMap.data.nodes.find(n => n.label === l).id", FLAGGED)
    drawn_node = page.evaluate("id => councilMap.nodes.get(id)", node)
    assert drawn_node["shape"] == "star" and drawn_node["borderWidth"] > 3
    plain = page.evaluate(
        "councilMap.nodes.get().filter(n => councilMap.data.nodes[n.id].kind === 'partnership'"
        " && !councilMap.data.nodes[n.id].reliant).map(n => n.shape)"
    )
    assert "star" not in plain
    page.click(f"#flagged button[data-label='{FLAGGED}']")
    page.wait_for_function("councilMap.state.focused !== null")
    assert page.evaluate("councilMap.state.focused") == node


def test_a_day_with_nothing_says_why_and_a_day_with_posts_draws_them(
    page: Page, corpus_store: ox.Store
) -> None:
    result = make_map(corpus_store, MapRequest("leads", date(2031, 1, 1), MapOptions()))
    assert result.nodes == 0
    open_map(page, result.html)
    assert page.locator("#empty").is_visible()
    assert "for 2031-01-01" in page.locator("#empty-reason").inner_text()
    page.fill("#on-date", "2012-02-01")
    assert not page.locator("#empty").is_visible()
    names = page.evaluate(NAMES)
    assert "Graham Farrant" in names and "Bob Coomber" not in names  # Thurrock's, then
    page.fill("#on-date", "2010-06-01")
    names = page.evaluate(NAMES)
    assert "Bob Coomber" in names and "Graham Farrant" not in names

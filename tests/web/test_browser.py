"""Browser tests: Playwright driving Debian's chromium over the live demo store. Every
page loads without a script error and draws something; the evidence trail is walked
from an actor to a tie to its claims to the document; the network is filtered."""

from __future__ import annotations

import pytest

from tests.web.pixels import ink

PAGES = {
    "home": "/", "actors": "/actors", "dossier": "/actors/quds-force", "ties": "/relations",
    "network": "/network", "events": "/events", "claims": "/claims", "stories": "/stories",
    "documents": "/documents", "document": "/documents/seed-iran-iraqi-militias", "search": "/search?q=militia",
    "api": "/docs",
}


def assert_drawn(page, name: str, tmp_path) -> None:
    png = page.screenshot(path=str(tmp_path / f"{name}.png"))
    colours, share = ink(png)
    assert colours > 20 and share > 0.02, f"{name}: the screenshot looks blank ({colours} colours, {share:.1%} ink)"


@pytest.mark.browser
@pytest.mark.parametrize("name", list(PAGES), ids=list(PAGES))
def test_every_page_loads_and_draws(watched, live_demo, name, tmp_path):
    page = watched.page
    response = page.goto(live_demo.url + PAGES[name])
    assert response.status == 200
    page.wait_for_load_state("networkidle")
    if name == "network":
        page.wait_for_selector("#cy[data-ready='1']")
    if name == "events":
        page.wait_for_selector("body[data-drawn='1']")
        assert int(page.get_attribute("#map", "data-points")) > 0
        assert page.locator("#map path.country").count() > 100
    assert_drawn(page, name, tmp_path)
    assert watched.errors == [] and watched.dialogs == []


@pytest.mark.browser
def test_event_page_shows_its_reports(watched, live_demo, client, tmp_path):
    event = max(client.get("/events.json").json(), key=lambda e: len(e["reports"]))
    page = watched.page
    page.goto(f"{live_demo.url}/events/{event['id']}")
    assert page.locator(".report").count() == len(event["reports"])
    assert_drawn(page, "event", tmp_path)
    assert watched.errors == []


@pytest.mark.browser
def test_actor_to_tie_to_evidence_to_document(watched, live_demo, tmp_path):
    page = watched.page
    page.goto(live_demo.url + "/actors/quds-force")
    assert page.locator("#actor-name").inner_text() == "Quds Force"
    page.locator("tr.tie a.tie-link").first.click()
    page.wait_for_url("**/relations/**")
    assert "Quds Force" in page.locator("#tie-title").inner_text()
    page.locator("ul.evidence a.doc-link").first.click()
    page.wait_for_url("**/documents/**?hl=*")
    evidence = page.locator("#doc-text .m-evidence")
    assert evidence.count() > 0 and evidence.first.is_visible()
    assert_drawn(page, "evidence-document", tmp_path)
    assert watched.errors == []


@pytest.mark.browser
def test_network_edge_click_shows_evidence_then_document(watched, live_demo, tmp_path):
    page = watched.page
    page.goto(live_demo.url + "/network")
    page.wait_for_selector("#cy[data-ready='1']")
    # A real click on an edge's midpoint, choosing an edge whose midpoint no node or other
    # edge covers (in a dense layout the first edge's midpoint can sit under a node).
    point = page.evaluate("""() => {
        const cy = window.claimgraphNetwork, box = document.getElementById('cy').getBoundingClientRect();
        const edges = cy.edges().filter(x => x.style('display') !== 'none');
        const clear = edges.filter(e => {
            const m = e.renderedMidpoint();
            const underNode = cy.nodes().some(n => { const b = n.renderedBoundingBox();
                return m.x >= b.x1 - 4 && m.x <= b.x2 + 4 && m.y >= b.y1 - 4 && m.y <= b.y2 + 4; });
            return !underNode && m.x > 5 && m.y > 5 && m.x < box.width - 5 && m.y < box.height - 5;
        });
        const e = (clear.length ? clear : edges)[0], m = e.renderedMidpoint();
        return {x: box.left + m.x, y: box.top + m.y, id: e.id()};
    }""")
    page.mouse.click(point["x"], point["y"])
    page.wait_for_selector("#evidence-claims li")
    assert page.locator("#evidence h2").inner_text()
    assert_drawn(page, "network-evidence", tmp_path)
    page.locator("#evidence-claims a.doc-link").first.click()
    page.wait_for_url("**/documents/**")
    assert page.locator("#doc-text .m-evidence").count() > 0
    assert watched.errors == []


@pytest.mark.browser
def test_network_filters_by_type_and_credibility(watched, live_demo):
    page = watched.page
    page.goto(live_demo.url + "/network")
    page.wait_for_selector("#cy[data-ready='1']")

    def visible() -> int:
        return int(page.get_attribute("#cy", "data-visible-edges"))

    every = visible()
    for box in page.locator("#tie-types input").all():
        if box.get_attribute("value") != "fights":
            box.uncheck()
    fights = visible()
    assert 0 < fights < every
    assert "ties shown" in page.locator("#net-count").inner_text()
    page.locator("#tie-types input[value='part_of']").check()
    assert visible() > fights
    page.select_option("#min-grade", "1")
    assert visible() <= fights
    assert watched.errors == []

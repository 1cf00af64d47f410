"""End-to-end in Debian Chromium (Playwright) against a real uvicorn server over the session's store:
search a phrase → open the hit → land on the printed page's anchor → follow a linked person → see
their documents and meetings timeline; facet counts equal the results they lead to; a script in an
archive title shows as text and never runs; and basic accessibility on every page (one h1, headings
in order, labelled inputs, keyboard navigation, text contrast).  Screenshots of each page are saved
to ``$MEMCON_ARTIFACTS`` (default ``build/screenshots/``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web._browser import (
    CONTRAST_JS,
    HEADINGS_JS,
    LAUNCH_ARGS,
    UNLABELLED_JS,
    VIEWPORT,
    chromium,
    heading_problems,
    in_viewport,
    screenshot,
)

KHRUSHCHEV = "memcon:hsg-107127"
D88 = "frus1961-63v05/d88"

PAGES = {
    "search": "/search",
    "search-results": "/search?q=Berlin",
    "document-d88": f"/documents/{D88}",
    "volumes": "/volumes",
    "volume": "/volumes/frus1961-63v05",
    "people": "/people",
    "people-found": "/people?q=Gromyko",
    "person-khrushchev": f"/people/{KHRUSHCHEV}",
    "meetings": "/meetings",
    "meetings-gromyko": "/meetings?person=Gromyko",
    "statements": "/statements?by=Khrushchev&about=Berlin",
}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One Chromium for the browser tests."""
    executable = chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(executable), args=LAUNCH_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page; any JavaScript dialog (alert, confirm) is recorded in ``page.dialogs`` and dismissed."""
    context = browser.new_context(viewport=VIEWPORT)
    tab = context.new_page()
    dialogs: list[str] = []

    def record(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    tab.on("dialog", record)
    tab.dialogs = dialogs
    yield tab
    context.close()


def test_search_a_phrase_open_the_hit_land_on_its_page_follow_the_person(page: Any, live_server: str) -> None:
    page.goto(live_server + "/search")
    page.fill("form[role=search] input[name=q]", '"clouds will dissipate"')
    page.press("form[role=search] input[name=q]", "Enter")
    page.wait_for_selector("article.hit a.hit-title")
    assert page.inner_text("#result-count").strip() == "1"
    screenshot(page, "flow-1-search")
    hit = page.locator("article.hit a.hit-title").first
    assert hit.get_attribute("href") == f"/documents/{D88}#page-227"
    hit.click()
    page.wait_for_url(f"**/documents/{D88}#page-227")
    assert page.evaluate("() => location.hash") == "#page-227"
    assert in_viewport(page, "#page-227")
    screenshot(page, "flow-2-document-at-page-227")
    page.locator(f'a.person[href="/people/{KHRUSHCHEV}"]').first.click()
    page.wait_for_url(f"**/people/{KHRUSHCHEV}")
    assert page.inner_text("h1") == "Khrushchev, Nikita Sergeyevich"
    assert page.locator(f'#documents a[href="/documents/{D88}"]').is_visible()
    timeline = page.locator("svg.meetings-chart")
    assert timeline.is_visible()
    assert timeline.get_attribute("role") == "img"
    assert page.locator(f'svg.meetings-chart a.mark[href="/documents/{D88}"]').count() == 1
    screenshot(page, "flow-3-person")
    page.click(f'a[href="/meetings?person={KHRUSHCHEV.replace(":", "%3A")}"]')
    page.wait_for_selector("svg.meetings-chart")
    assert "Khrushchev" in page.inner_text("h1")
    assert page.locator("li.meeting").count() == int(page.inner_text("#meeting-count"))


def _facet_links(page: Any) -> list[tuple[str, int]]:
    links = page.locator("section.facets a:has(.count)")
    found = []
    for i in range(links.count()):
        link = links.nth(i)
        found.append((link.get_attribute("href"), int(link.locator(".count").inner_text().replace(",", ""))))
    return found


def test_facet_counts_equal_the_results_they_lead_to(page: Any, live_server: str) -> None:
    page.goto(live_server + "/search?q=Berlin")
    facets = _facet_links(page)
    assert len(facets) >= 5
    checked = 0
    for href, count in facets[:: max(1, len(facets) // 8)]:
        page.goto(live_server + href)
        total = int(page.locator("#result-count").get_attribute("data-total"))
        assert total == count, f"facet {href} says {count}, the search finds {total}"
        checked += 1
    page.goto(live_server + "/search?q=Berlin")
    first_href, first_count = facets[0]
    page.locator(f'section.facets a[href="{first_href}"]').first.click()
    page.wait_for_load_state()
    assert int(page.locator("#result-count").get_attribute("data-total")) == first_count
    screenshot(page, "facet-clicked")
    assert checked >= 5


@pytest.fixture(scope="module")
def script_server(serve: Callable[[Path], str], tmp_path_factory: pytest.TempPathFactory) -> str:
    """A server over a store holding only ``tests/fixtures/browser/script-title.xml``."""
    from memcon.ingest import ingest_paths
    from tests._shared import FIXTURES

    db = tmp_path_factory.mktemp("script-store") / "memcon.db"
    report = ingest_paths([FIXTURES / "browser" / "script-title.xml"], store_path=db)
    assert not report.errors
    return serve(db)


@pytest.mark.parametrize(
    "path", ["/search?q=quarantine", "/documents/frusScriptv01/d1", "/volumes", "/volumes/frusScriptv01"]
)
def test_a_script_in_a_title_renders_as_text(page: Any, script_server: str, path: str) -> None:
    page.goto(script_server + path)
    page.wait_for_load_state("load")
    assert page.dialogs == []
    assert page.evaluate("() => document.querySelectorAll('main script').length") == 0
    assert "<script>alert(" in page.inner_text("main")
    if path.startswith("/documents"):
        assert "<img src=x onerror=alert(2)>" in page.inner_text("main")
        assert page.evaluate("() => document.querySelectorAll('main img').length") == 0
    screenshot(page, "script-" + path)


@pytest.mark.parametrize("name", list(PAGES))
def test_page_is_accessible(page: Any, live_server: str, name: str) -> None:
    response = page.goto(live_server + PAGES[name])
    assert response.status == 200
    screenshot(page, name)
    assert heading_problems(page.evaluate(HEADINGS_JS)) == []
    assert page.evaluate(UNLABELLED_JS) == []
    assert page.evaluate(CONTRAST_JS) == []
    for svg in page.locator("svg.chart").all():
        assert svg.get_attribute("role") == "img" and svg.get_attribute("aria-label")
        assert svg.locator("title").first.text_content()


def test_keyboard_reaches_the_skip_link_then_main(page: Any, live_server: str) -> None:
    page.goto(live_server + "/meetings")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") == "skip"
    assert in_viewport(page, "a.skip")
    page.keyboard.press("Enter")
    assert page.evaluate("() => location.hash") == "#main"
    assert page.evaluate("() => document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "m-person"


def test_keyboard_reaches_the_search_box(page: Any, live_server: str) -> None:
    page.goto(live_server + "/search?q=Berlin")
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.name") == "q":
            break
    assert page.evaluate("() => document.activeElement.closest('form[role=search]') !== null")
    page.keyboard.press("End")
    page.keyboard.type(" Khrushchev")
    page.keyboard.press("Enter")
    page.wait_for_url("**q=Berlin+Khrushchev**")
    assert int(page.locator("#result-count").get_attribute("data-total")) >= 1


def test_network_nodes_are_links_a_keyboard_can_follow(page: Any, live_server: str) -> None:
    page.goto(live_server + f"/people/{KHRUSHCHEV}")
    node = page.locator("svg.network-chart a.node").first
    href = node.get_attribute("href")
    node.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**" + href)
    assert page.locator("h1").count() == 1


def test_find_a_person_by_name_then_filter_their_meetings(page: Any, live_server: str) -> None:
    page.goto(live_server + "/people")
    page.get_by_label("Name").fill("Gromyko")
    page.get_by_role("button", name="Find").click()
    page.wait_for_url("**/people?q=Gromyko")
    page.locator("ol.persons a.person").first.click()
    page.wait_for_url("**/people/memcon:hsg-105222")
    page.click('a[href^="/meetings?person="]')
    page.wait_for_selector("svg.meetings-chart a.mark")
    assert page.inner_text("#meeting-count") == "1"
    meeting = page.locator("li.meeting").first
    assert "the White House, Washington" in meeting.inner_text()
    assert meeting.locator(".duration").get_attribute("data-minutes") == "140"
    side, names = meeting.locator("dl.attendees-by-side dt").first, meeting.locator("dl.attendees-by-side dd").first
    side_box, names_box = side.bounding_box(), names.bounding_box()
    assert side_box and names_box and names_box["y"] == side_box["y"] and names_box["x"] > side_box["x"]
    screenshot(page, "meetings-of-gromyko")
    page.goto(live_server + "/meetings")
    page.get_by_label("From").fill("1962-13")
    page.get_by_role("button", name="Show").click()
    page.wait_for_load_state()
    assert "month 13 does not exist" in page.inner_text("main")
    page.goto(live_server + "/meetings")
    page.get_by_label("Place").fill("Vienna")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**place=Vienna**")
    assert page.inner_text("#meeting-count") == str(page.locator("li.meeting").count())
    assert all("Vienna" in p for p in page.locator(".meeting-place").all_inner_texts())

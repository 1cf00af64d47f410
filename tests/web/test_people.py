"""The person pages and the persons API on the real store (every shared input): Khrushchev's page
lists the Vienna record (d88) and his statement about Berlin on p. 227, his names with their
sources, his offices on a timeline and the people he appears with most, drawn and tabled alike."""

from __future__ import annotations

import re

import httpx
import pytest

KHRUSHCHEV = "memcon:hsg-107127"
D88 = "frus1961-63v05/d88"


@pytest.fixture(scope="module")
def khrushchev(client: httpx.Client) -> dict[str, object]:
    response = client.get(f"/api/persons/{KHRUSHCHEV}", params={"statements_limit": 100})
    assert response.status_code == 200, response.text
    body: dict[str, object] = response.json()
    return body


def test_find_by_name_gives_the_authority_person(client: httpx.Client) -> None:
    found = client.get("/api/persons", params={"q": "khrushchev"}).json()["persons"]
    assert found[0]["id"] == KHRUSHCHEV
    assert found[0]["url"] == f"/people/{KHRUSHCHEV}"
    assert found[0]["documents"] >= 2


def test_people_page_finds_by_name_and_links_the_person(client: httpx.Client) -> None:
    page = client.get("/people", params={"q": "Khrushchev"}).text
    assert f'href="/people/{KHRUSHCHEV}"' in page
    assert '<label for="person-q">' in page


def test_person_lists_d88_and_the_statement_about_berlin_on_page_227(
    client: httpx.Client, khrushchev: dict[str, object]
) -> None:
    documents = khrushchev["documents"]
    assert isinstance(documents, dict)
    assert D88 in [d["id"] for d in documents["items"]]
    statements = khrushchev["statements"]
    assert isinstance(statements, dict)
    berlin = [s for s in statements["items"] if s["document"] == D88 and "Berlin" in s["text"]]
    assert berlin and {s["page"] for s in berlin} == {"227"}
    assert berlin[0]["url"] == f"/documents/{D88}#page-227"
    page = client.get(f"/people/{KHRUSHCHEV}").text
    assert f'href="/documents/{D88}"' in page
    assert f'href="/documents/{D88}#page-227"' in page


def test_name_variants_keep_their_sources(khrushchev: dict[str, object]) -> None:
    names = khrushchev["names"]
    assert isinstance(names, list)
    sources = {s["source"] for form in names for s in form["sources"]}
    assert "frus1961-63v05/persons#p_KNS1" in sources
    assert names[0]["name"] == "Khrushchev, Nikita Sergeyevich"


def test_roles_are_drawn_one_bar_per_dated_role(client: httpx.Client, khrushchev: dict[str, object]) -> None:
    roles = khrushchev["roles"]
    assert isinstance(roles, list)
    dated = [r for r in roles if r["start"] or r["end"]]
    page = client.get(f"/people/{KHRUSHCHEV}").text
    chart = re.search(r'<svg class="chart roles-chart".*?</svg>', page, re.S)
    assert chart is not None
    assert chart.group(0).count('<rect class="bar"') == len(dated) > 10
    assert 'role="img"' in chart.group(0) and "<title>Offices of Khrushchev" in chart.group(0)


def test_network_draws_and_tables_the_same_people(client: httpx.Client, khrushchev: dict[str, object]) -> None:
    network = khrushchev["network"]
    assert isinstance(network, dict)
    people = network["people"]
    assert network["method"] == "memcon.web.ego_network.v1"
    kennedy = next(p for p in people if p["name"] == "Kennedy, John F.")
    assert kennedy["documents"] >= 2 and kennedy["meetings"] >= 1
    page = client.get(f"/people/{KHRUSHCHEV}").text
    chart = re.search(r'<svg class="chart network-chart".*?</svg>', page, re.S)
    assert chart is not None and 'aria-label="The people Khrushchev' in chart.group(0)
    drawn = re.findall(r'<a class="node" href="([^"]+)"', chart.group(0))
    table = re.search(r'<table class="companions">.*?</table>', page, re.S)
    assert table is not None
    tabled = re.findall(r'href="([^"]+)"', table.group(0))
    assert drawn == tabled == [p["url"] for p in people]


def test_documents_page_through_with_offset_and_limit(client: httpx.Client) -> None:
    first = client.get(f"/api/persons/{KHRUSHCHEV}", params={"limit": 1}).json()["documents"]
    second = client.get(f"/api/persons/{KHRUSHCHEV}", params={"limit": 1, "offset": 1}).json()["documents"]
    assert first["total"] == second["total"] >= 2
    assert first["next_offset"] == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_a_prolific_person_pages_documents_oldest_first(client: httpx.Client) -> None:
    hull = client.get("/api/persons", params={"q": "Cordell Hull"}).json()["persons"][0]
    body = client.get(hull["url"].replace("/people/", "/api/persons/"), params={"limit": 100}).json()
    documents = body["documents"]
    assert documents["total"] > 100 and len(documents["items"]) == 100 and documents["next_offset"] == 100
    page = client.get(hull["url"]).text
    assert 'rel="next"' in page and "offset=25" in page


@pytest.mark.parametrize(
    ("url", "status"),
    [
        (f"/api/persons/{KHRUSHCHEV}?limit=0", 400),
        (f"/api/persons/{KHRUSHCHEV}?limit=101", 400),
        (f"/api/persons/{KHRUSHCHEV}?offset=-1", 400),
        ("/api/persons?q=", 400),
        ("/api/persons", 400),
        ("/api/persons/memcon:no-such-person", 404),
    ],
)
def test_bad_inputs_are_json_errors_with_a_message(client: httpx.Client, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert response.json()["error"]["message"]


def test_unknown_person_page_is_an_html_404(client: httpx.Client) -> None:
    response = client.get("/people/memcon:no-such-person")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")


def test_people_page_starts_from_the_people_at_meetings_with_true_counts(client: httpx.Client) -> None:
    page = client.get("/people").text
    listed = re.findall(r'<a class="person" href="/people/([^"]+)">[^<]+</a> · <a href="/meetings\?person=[^"]+">(\d+) meeting', page)
    assert len(listed) >= 10
    for person_id, n in listed[:5]:
        assert client.get("/api/meetings", params={"person": person_id}).json()["total"] == int(n)
    assert f'href="/people/{KHRUSHCHEV}"' in page

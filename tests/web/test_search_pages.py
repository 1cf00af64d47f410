"""Search over HTTP on the store of every shared input: the same results as the library, facets
whose counts are the numbers of results their links give, paging that holds together, hits that
link to the printed page."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from memcon.search import search
from memcon.workspace import open_workspace


def _api(client: httpx.Client, **params: Any) -> dict[str, Any]:
    response = client.get("/api/search", params=params)
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()
    return data


def test_total_and_hits_are_those_of_the_library(client: httpx.Client, full_store: Path) -> None:
    data = _api(client, q="Wilson Clemenceau", limit=10)
    with open_workspace(full_store, create=False) as ws:
        expected = search(ws.index, "Wilson Clemenceau", limit=10)
    assert data["total"] == expected.total > 10
    assert [h["id"] for h in data["hits"]] == [h.doc_id for h in expected.hits]


def test_search_count_equals_the_sum_of_facet_counts(client: httpx.Client) -> None:
    data = _api(client, q="treaty")
    facets = data["facets"]
    assert data["total"] > 100
    assert sum(b["count"] for b in facets["types"]) == data["total"]
    assert sum(b["count"] for b in facets["volumes"]) == data["total"]
    dated = data["total"] - facets["dates"]["undated"]
    assert sum(b["count"] for b in facets["dates"]["buckets"]) >= dated > 0  # a range may span two bars


@pytest.mark.parametrize("q", ["treaty", "Khrushchev", '"Council of Ten" OR armistice'])
def test_each_facet_count_is_the_number_of_results_its_filter_gives(client: httpx.Client, q: str) -> None:
    data = _api(client, q=q)
    facets = data["facets"]
    checks: list[tuple[dict[str, Any], int]] = []
    for key in ("volumes", "types", "persons", "places"):
        name = {"volumes": "volume", "types": "type", "persons": "person", "places": "place"}[key]
        for bucket in facets[key][:3]:
            checks.append(({name: bucket["value"]}, bucket["count"]))
    for bucket in [b for b in facets["dates"]["buckets"] if b["count"]][:3]:
        checks.append(({"from": bucket["from"], "to": bucket["to"]}, bucket["count"]))
    assert len(checks) >= 8
    for extra, count in checks:
        assert _api(client, q=q, limit=1, **extra)["total"] == count, extra


def test_facets_narrow_an_already_filtered_search(client: httpx.Client) -> None:
    base = {"q": "treaty", "from": "1918-06", "to": "1925"}
    data = _api(client, **base)
    assert all(b["from"] >= "1918-06-01" and b["to"] <= "1925-12-31" for b in data["facets"]["dates"]["buckets"])
    assert data["facets"]["dates"]["by"] == "year"
    for bucket in [b for b in data["facets"]["dates"]["buckets"] if b["count"]][:3]:
        narrowed = _api(client, q="treaty", limit=1, **{"from": bucket["from"], "to": bucket["to"]})
        assert narrowed["total"] == bucket["count"]
    person = data["facets"]["persons"][0]
    both = _api(client, person=person["value"], **base)
    assert both["total"] == person["count"]
    assert both["filters"]["person"] == [person["value"]]


def test_paging_is_consistent(client: httpx.Client) -> None:
    first = _api(client, q="treaty", limit=10, page=1)
    second = _api(client, q="treaty", limit=10, page=2)
    both = _api(client, q="treaty", limit=20, page=1)
    ids1, ids2 = [h["id"] for h in first["hits"]], [h["id"] for h in second["hits"]]
    assert first["total"] == second["total"] == both["total"]
    assert second["offset"] == 10 and len(ids1) == len(ids2) == 10
    assert not set(ids1) & set(ids2)
    assert ids1 + ids2 == [h["id"] for h in both["hits"]]
    assert first["next"] == "/api/search?q=treaty&page=2&limit=10" and first["prev"] is None
    last_page = first["pages"]
    last = _api(client, q="treaty", limit=10, page=last_page)
    assert last["next"] is None and 1 <= len(last["hits"]) <= 10
    assert _api(client, q="treaty", limit=10, page=last_page + 1)["hits"] == []


def test_a_phrase_finds_paris_d337_at_its_printed_page(client: httpx.Client) -> None:
    data = _api(client, q='"secular oppression of the Turks"')
    hit = next(h for h in data["hits"] if h["id"] == "frus1919Parisv01/d337")
    assert hit["page"] == "388"
    assert hit["url"] == "/documents/frus1919Parisv01/d337#page-388"
    page = client.get("/search", params={"q": '"secular oppression of the Turks"'}).text
    assert 'class="hit-title" href="/documents/frus1919Parisv01/d337#page-388"' in page
    assert "<mark>secular</mark>" in page
    reader = client.get("/documents/frus1919Parisv01/d337").text
    assert '<a class="page" id="page-388" href="#page-388">[Page 388]</a>' in reader


def test_search_page_has_the_stable_hooks(client: httpx.Client) -> None:
    response = client.get("/search", params={"q": "Wilson", "limit": 5})
    assert response.status_code == 200
    html = response.text
    assert re.search(r'<form role="search"[^>]*>.*?<input id="q" name="q"', html, re.S)
    assert '<label for="q">' in html
    total = int(re.search(r'<span id="result-count" data-total="(\d+)">', html).group(1))  # type: ignore[union-attr]
    assert total == _api(client, q="Wilson")["total"] > 5
    assert html.count('<article class="hit">') == 5
    assert '<section class="facets"' in html and 'class="count"' in html
    assert 'rel="next" href="/search?q=Wilson&amp;page=2&amp;limit=5"' in html


def test_every_facet_link_on_the_page_gives_as_many_results_as_it_says(client: httpx.Client) -> None:
    html = client.get("/search", params={"q": "Gromyko"}).text
    links = re.findall(r'<a href="(/search\?[^"]+)" data-facet="[a-z]+" data-value="[^"]*">'
                       r'<span class="facet-label">[^<]*</span> <span class="count">(\d+)</span>', html)
    assert len(links) >= 4
    for href, count in links[:12]:
        page = client.get(href.replace("&amp;", "&")).text
        shown = re.search(r'data-total="(\d+)"', page)
        assert shown is not None and int(shown.group(1)) == int(count), href


def test_person_filter_by_name_is_the_cli_s(client: httpx.Client) -> None:
    by_name = _api(client, q="Berlin", person="Khrushchev")
    assert by_name["total"] >= 1
    pid = by_name["filters"]["person"][0]
    assert pid.startswith("memcon:")
    assert _api(client, q="Berlin", person=pid)["total"] == by_name["total"]
    unknown = client.get("/api/search", params={"q": "Berlin", "person": "Nobodyxyz"})
    assert unknown.status_code == 404
    several = client.get("/api/search", params={"q": "treaty", "person": "Kennedy"})  # John F. and Robert F.
    assert several.status_code == 400
    assert "several persons" in several.json()["error"]["message"] and "memcon:" in several.json()["error"]["message"]


def test_the_home_page_is_the_search_form(client: httpx.Client) -> None:
    html = client.get("/").text
    assert 'form role="search"' in html and "Query syntax" in html
    assert "NEAR(Wilson Clemenceau, 10)" in html


def test_a_search_within_two_years_is_shown_by_month(client: httpx.Client) -> None:
    data = _api(client, q="treaty OR conference", **{"from": "1919", "to": "1919"})
    dates = data["facets"]["dates"]
    assert dates["by"] == "month" and 1 <= len(dates["buckets"]) <= 12
    assert all(b["from"] >= "1919-01-01" and b["to"] <= "1919-12-31" for b in dates["buckets"])
    for bucket in [b for b in dates["buckets"] if b["count"]][:4]:
        narrowed = _api(client, q="treaty OR conference", limit=1, **{"from": bucket["from"], "to": bucket["to"]})
        assert narrowed["total"] == bucket["count"], bucket

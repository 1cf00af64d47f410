"""The meetings timeline and the statements API on the real store: Gromyko's meeting with Kennedy
at the White House on 18 October 1962 with both sides and its 140 minutes; filters by person, place
and dates; undated meetings never drawn on the timeline; statements as `memcon said` finds them."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner

from memcon.cli.said import said_cli

GROMYKO = "memcon:hsg-105222"
CABLE = "wilson/114511"


def _white_house(meetings: list[dict[str, Any]]) -> dict[str, Any]:
    return next(m for m in meetings if m["day"] == "1962-10-18")


@pytest.mark.parametrize("person", [GROMYKO, "Gromyko"])
def test_gromyko_meets_kennedy_at_the_white_house_for_140_minutes(client: httpx.Client, person: str) -> None:
    body = client.get("/api/meetings", params={"person": person}).json()
    assert body["person"]["id"] == GROMYKO
    meeting = _white_house(body["meetings"])
    assert meeting["place"] == "the White House, Washington"
    assert meeting["duration_minutes"] == 140
    assert [d["id"] for d in meeting["documents"]] == [CABLE]
    sides = meeting["sides"]
    assert GROMYKO in {a["person_id"] for a in sides["Soviet Union"]}
    assert "Kennedy, John F." in {a["name"] for a in sides["United States"]}
    assert "Rusk, David Dean" in {a["name"] for a in sides["United States"]}


def test_place_and_dates_filter(client: httpx.Client) -> None:
    vienna = client.get("/api/meetings", params={"place": "vienna"}).json()["meetings"]
    assert vienna and all("Vienna" in m["place"] for m in vienna)
    in_1962 = client.get("/api/meetings", params={"from": "1962", "to": "1962-12"}).json()["meetings"]
    assert _white_house(in_1962)
    assert all(m["day"] and m["day"].startswith("1962") for m in in_1962)
    everything = client.get("/api/meetings").json()
    assert everything["total"] > len(in_1962)
    assert any(m["day"] is None for m in everything["meetings"])


@pytest.mark.parametrize(
    "params",
    [{"from": "1962-13"}, {"to": "yesterday"}, {"from": "1963", "to": "1962"}, {"limit": "0"}, {"person": "Gromyko, Lydia (Grinevich)"}],
)
def test_bad_meeting_filters_are_400_with_a_message(client: httpx.Client, params: dict[str, str]) -> None:
    response = client.get("/api/meetings", params=params)
    assert response.status_code in (400, 404)
    assert response.json()["error"]["message"]
    if "from" in params or "to" in params:
        assert response.status_code == 400


def test_a_bad_date_on_the_page_is_an_html_400(client: httpx.Client) -> None:
    response = client.get("/meetings", params={"from": "1962-02-30"})
    assert response.status_code == 400
    assert "does not exist" in response.text


def test_timeline_draws_each_dated_meeting_and_lists_undated_apart(client: httpx.Client) -> None:
    body = client.get("/api/meetings").json()
    dated = [m for m in body["meetings"] if m["day"]]
    undated = [m for m in body["meetings"] if not m["day"]]
    page = client.get("/meetings").text
    chart = re.search(r'<svg class="chart meetings-chart".*?</svg>', page, re.S)
    assert chart is not None and 'role="img"' in chart.group(0)
    marks = re.findall(r'<a class="mark" href="([^"]+)"', chart.group(0))
    assert marks == [m["documents"][0]["url"] for m in dated]
    section = page.split('id="undated-h"', 1)[1]
    assert section.count('<li class="meeting"') == len(undated) > 0
    assert f'<span id="meeting-count">{body["total"]}</span>' in page


def test_statements_are_what_memcon_said_finds(client: httpx.Client, full_store: Path) -> None:
    body = client.get("/api/statements", params={"by": "Khrushchev", "about": "Berlin"}).json()
    cli = CliRunner().invoke(said_cli, ["--db", str(full_store), "--by", "Khrushchev", "--about", "Berlin", "--json"])
    assert cli.exit_code == 0, cli.output
    expected = json.loads(cli.output)
    assert [(s["document"], s["page"], s["text"]) for s in body["items"]] == [
        (s["document"], s["page"], s["text"]) for s in expected
    ]
    assert ("frus1961-63v05/d88", "227") in [(s["document"], s["page"]) for s in body["items"]]


def test_statements_page_through_to_the_same_list(client: httpx.Client) -> None:
    whole = client.get("/api/statements", params={"by": "Gromyko", "limit": 100}).json()
    pieces: list[dict[str, Any]] = []
    offset: int | None = 0
    while offset is not None:
        page = client.get("/api/statements", params={"by": "Gromyko", "limit": 7, "offset": offset}).json()
        assert page["total"] == whole["total"]
        pieces += page["items"]
        offset = page["next_offset"]
    assert [(s["document"], s["statement"]["start"]) for s in pieces] == [
        (s["document"], s["statement"]["start"]) for s in whole["items"]
    ]
    to_kennedy = client.get("/api/statements", params={"by": "Gromyko", "to": "Kennedy"}).json()
    assert 0 < to_kennedy["total"] <= whole["total"]
    assert all(s["statement"]["addressee_id"] == to_kennedy["to"]["id"] for s in to_kennedy["items"])


@pytest.mark.parametrize(
    ("params", "status"),
    [({}, 400), ({"by": "Khrushchev", "from": "1961-6-31"}, 400), ({"by": "Khrushchev", "limit": "1000"}, 400),
     ({"by": "Zzyzzqx"}, 404)],
)
def test_bad_statement_queries_are_json_errors(client: httpx.Client, params: dict[str, str], status: int) -> None:
    response = client.get("/api/statements", params=params)
    assert response.status_code == status
    assert response.json()["error"]["message"]


def test_statements_page_shows_the_finder_and_the_results(client: httpx.Client) -> None:
    page = client.get("/statements", params={"by": "Khrushchev", "about": "Berlin"}).text
    assert 'href="/documents/frus1961-63v05/d88#page-227"' in page
    assert re.search(r'<span id="statement-count">[1-9]', page)
    for field in ("s-by", "s-to", "s-about", "s-from", "s-until"):
        assert f'<label for="{field}">' in page


def test_statements_page_pages_through_with_numbering_that_continues(client: httpx.Client) -> None:
    page = client.get("/statements", params={"by": "Gromyko", "offset": 5, "limit": 5}).text
    assert '<ol class="statements" start="6">' in page
    assert page.count('<li class="statement">') == 5
    assert 'rel="prev" href="?by=Gromyko&amp;offset=0&amp;limit=5"' in page
    assert 'rel="next" href="?by=Gromyko&amp;offset=10&amp;limit=5"' in page

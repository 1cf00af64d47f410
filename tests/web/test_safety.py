"""Safety of the web app: archive text that looks like markup is shown as text, bad input is a 400
with a message (never a 500), and no URL reaches the filesystem.

The hostile volume (``tests/fixtures/web/hostile-volume.xml``, written for these tests) puts
``<script>``, ``<img onerror>``, ``<iframe>`` and ``javascript:`` links in a title, a dateline place,
the text, a footnote, a chapter heading, an editor's name and the persons list."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from memcon.web._render import sanitize_html

FIXTURE = Path(__file__).parents[1] / "fixtures" / "web" / "hostile-volume.xml"
_RAW = re.compile(r"<script>alert|<img src=x|<iframe|<em onmouseover|<b>Hostile|href=\"javascript:", re.I)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory, serve: Callable[[Path], str]) -> str:
    """Base URL of a server over a store holding only the hostile volume."""
    from memcon.ingest import ingest_paths

    db = tmp_path_factory.mktemp("hostile") / "memcon.db"
    report = ingest_paths([FIXTURE], store_path=db)
    assert not report.errors
    return serve(db)


def _only_our_scripts(html: str) -> None:
    assert not _RAW.search(html), _RAW.search(html)
    assert html.count("<script") == html.count('<script src="/static/')


@pytest.mark.parametrize(
    "path",
    ["/documents/frusHostilev01/d1", "/documents/frusHostilev01/d2", "/search?q=memorandum", "/search?q=armistice",
     "/volumes", "/volumes/frusHostilev01"],
)
def test_archive_text_that_looks_like_markup_renders_as_text(hostile: str, path: str) -> None:
    response = httpx.get(hostile + path)
    assert response.status_code == 200
    _only_our_scripts(response.text)


def test_script_in_a_title_is_shown_escaped_in_the_reader_and_in_search(hostile: str) -> None:
    page = httpx.get(hostile + "/documents/frusHostilev01/d1").text
    assert "Memorandum &lt;script&gt;alert(1)&lt;/script&gt; of Conversation" in page
    assert "Geneva &amp; &lt;Lausanne&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert 'id="page-12"' in page  # the markup memcon adds is still there
    hits = httpx.get(hostile + "/search", params={"q": "memorandum"}).text
    assert 'class="hit-title"' in hits and "&lt;script&gt;alert(1)&lt;/script&gt;" in hits
    listing = httpx.get(hostile + "/volumes/frusHostilev01").text
    assert "Mallory, &lt;script&gt;alert(4)&lt;/script&gt;" in listing


def test_the_api_returns_the_title_as_data(hostile: str) -> None:
    data = httpx.get(hostile + "/api/documents/frusHostilev01/d1").json()
    assert data["heading"] == "Memorandum <script>alert(1)</script> of Conversation"
    assert httpx.get(hostile + "/api/documents/frusHostilev01/d1").headers["content-type"].startswith(
        "application/json")


def test_a_query_with_markup_is_echoed_escaped(hostile: str) -> None:
    response = httpx.get(hostile + "/search", params={"q": '<script>alert("q")</script>'})
    assert response.status_code in (200, 400)
    assert '<script>alert("q")' not in response.text
    assert "&lt;script&gt;" in response.text


def test_transcript_html_is_sanitised_with_an_allow_list() -> None:
    clean = str(sanitize_html('<p onclick="x()">Da<script>alert(1)</script><img src=x onerror=alert(1)>'
                              '<a href="javascript:alert(2)">link</a> <em>nyet</em></p>'))
    assert "script" not in clean and "onerror" not in clean and "onclick" not in clean
    assert "javascript:" not in clean and "<img" not in clean
    assert "<em>nyet</em>" in clean and "Da" in clean
    assert str(sanitize_html("a < b & c")) == "a &lt; b &amp; c"


def test_malformed_query_is_a_400_with_the_parsers_message(client: httpx.Client) -> None:
    response = client.get("/api/search", params={"q": '"unclosed'})
    assert response.status_code == 400
    error = response.json()["error"]
    assert "never closed" in error["message"]
    page = client.get("/search", params={"q": '"unclosed'})
    assert page.status_code == 400
    assert 'role="alert"' in page.text and "never closed" in page.text
    assert 'form role="search"' in page.text  # the form is still there to fix the query


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"q": "treaty", "from": "1919-13"}, "month 13"),
        ({"q": "treaty", "to": "June 1919"}, "not a date"),
        ({"q": "treaty", "from": "1920", "to": "1919"}, "after"),
        ({"q": "treaty", "limit": "100000"}, "at most 100"),
        ({"q": "treaty", "limit": "0"}, "at most 100"),
        ({"q": "treaty", "page": "0"}, "numbered from 1"),
        ({"q": "treaty", "page": "two"}, "page"),
        ({"q": "x" * 2001}, "q"),
        ({"q": ""}, "empty query"),
    ],
)
def test_bad_input_is_a_400_with_a_message(client: httpx.Client, params: dict[str, str], words: str) -> None:
    response = client.get("/api/search", params=params)
    assert response.status_code == 400, response.text
    assert words in response.json()["error"]["message"]
    page = client.get("/search", params=params)
    if params["q"]:  # an empty query on the page is the search form itself
        assert page.status_code == 400
        assert "text/html" in page.headers["content-type"]


@pytest.mark.parametrize(
    "path",
    ["/documents/../../etc/passwd", "/documents/%2e%2e/%2e%2e/etc/passwd", "/documents/..%2F..%2Fetc%2Fpasswd",
     "/api/documents/%2e%2e/%2e%2e/etc/passwd", "/volumes/..%2F..%2Fetc%2Fpasswd", "/api/volumes/%2e%2e",
     "/documents/frus1919Parisv01/d337%00"],
)
def test_no_url_reaches_the_filesystem(live_server: str, path: str) -> None:
    # a raw request: no client-side normalisation of the dot segments
    with httpx.Client(base_url=live_server) as http:
        request = http.build_request("GET", live_server)
        request.url = request.url.copy_with(raw_path=path.encode())
        response = http.send(request)
    assert response.status_code == 404
    assert "root:" not in response.text

"""Volume pages over HTTP on the store of every shared input."""

from __future__ import annotations

from pathlib import Path

import httpx

from memcon.workspace import open_workspace


def test_volume_list_has_every_volume_with_its_count(client: httpx.Client, full_store: Path) -> None:
    data = client.get("/api/volumes").json()
    with open_workspace(full_store, create=False) as ws:
        expected = {v.id: v.documents for v in ws.store.volumes()}
    assert {v["id"]: v["documents"] for v in data["volumes"]} == expected
    html = client.get("/volumes").text
    assert '<a href="/volumes/frus1919Parisv01">' in html
    assert f"{sum(expected.values()):,} documents" in html


def test_volume_page_has_contents_persons_and_terms(client: httpx.Client, full_store: Path) -> None:
    data = client.get("/api/volumes/frus1919Parisv01").json()
    with open_workspace(full_store, create=False) as ws:
        volume = ws.store.get_volume("frus1919Parisv01")
        docs = [d.id for d in ws.store.iter_documents(volume_id="frus1919Parisv01")]
        chapter = ws.store.get_document("frus1919Parisv01/d337").chapter
    assert [d["id"] for d in data["documents"]] == docs
    assert len(data["persons"]) == len(volume.persons) > 100
    assert sum(1 for p in data["persons"] if p["person_id"]) > 50  # linked to the authority
    html = client.get("/volumes/frus1919Parisv01").text
    assert '<a href="/documents/frus1919Parisv01/d337">' in html
    assert chapter[0] in html
    assert html.count('<a class="person" href="/people/memcon:') > 50
    terms = client.get("/volumes/frus1961-63v05").text
    assert "<dt id=\"t_USSR1\">USSR</dt>" in terms


def test_unknown_volume_is_a_404(client: httpx.Client) -> None:
    assert client.get("/volumes/frus9999").status_code == 404
    assert client.get("/api/volumes/frus9999").json()["error"]["status"] == 404


def _levels(html: str) -> list[int]:
    import re

    return [int(n) for n in re.findall(r"<h([1-6])[\s>]", html)]


def test_pages_have_one_h1_and_headings_in_order(client: httpx.Client) -> None:
    """Basic accessibility of this module's pages and the search and reader pages: one h1, no
    heading level skipped, every form field labelled."""
    import re

    for path in ("/", "/search?q=treaty", "/search?q=%22unclosed", "/documents/frus1961-63v05/d88",
                 "/documents/wilson/114511", "/volumes", "/volumes/frus1919Parisv01"):
        html = client.get(path).text
        levels = _levels(html)
        assert levels[0] == 1 and levels.count(1) == 1, (path, levels)
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), (path, levels)
        for field in re.findall(r'<input id="([^"]+)"', html):
            assert f'<label for="{field}">' in html, (path, field)
        assert '<html lang="en">' in html

"""The document reader over HTTP on the store of every shared input: the d88 record merged from
the TEI excerpt and the history.state.gov page, the Paris Peace Conference volume, the Wilson cable."""

from __future__ import annotations

import re
from pathlib import Path

import httpx

from memcon.workspace import open_workspace

D88 = "frus1961-63v05/d88"


def test_document_api_returns_pages_footnotes_mentions_statements(client: httpx.Client, full_store: Path) -> None:
    data = client.get(f"/api/documents/{D88}").json()
    assert data["id"] == D88
    assert [p["n"] for p in data["pages"]][1:] == ["226", "227", "228"]
    assert data["footnotes"][0]["kind"] == "source"
    assert data["mentions"] and data["statements"]
    with open_workspace(full_store, create=False) as ws:
        assert len(data["mentions"]) == len(ws.store.mentions(D88))
        assert len(data["statements"]) == len(ws.store.statements(D88))
    khrushchev = next(s for s in data["statements"] if s["speaker_text"] == "Mr. Khrushchev")
    assert data["persons"][khrushchev["speaker_id"]]["name"].startswith("Khrushchev")
    assert {s["format"] for s in data["sources"]} >= {"hsg-page"}
    assert {p["format"] for p in data["provenance"]} == {"frus-tei", "hsg-page"}
    assert data["citations"][0]["page"] is None and [c["page"] for c in data["citations"][1:]] == [
        p["n"] for p in data["pages"]]


def test_d88_page_anchors_footnotes_names_speakers(client: httpx.Client) -> None:
    response = client.get(f"/documents/{D88}")
    assert response.status_code == 200
    html = response.text
    for n in ("226", "227", "228"):
        assert f'<a class="page" id="page-{n}" href="#page-{n}">[Page {n}]</a>' in html
    assert html.count('class="page"') == 3
    # footnote anchors and the notes, linked both ways
    assert '<a id="ref-fn-2" href="#fn-2"' in html and '<li id="fn-2"' in html and 'href="#ref-fn-2"' in html
    note3 = html[html.index('<li id="fn-3"'):]
    assert re.match(r'<li id="fn-3"[^>]*>\s*<span class="fn-n">3\.</span> <a class="person" href="/people/memcon:[^"]+" '
                    r'title="Strauss[^"]*" data-card="Strauss[^"]*">Franz Joseph Strauss</a>', note3)  # names in footnotes are linked too
    # the heading and the dateline
    assert re.search(r'<h1 class="doc-heading">.*88\. Memorandum of Conversation', html)
    assert '<p class="dateline">Vienna, June 4, 1961.</p>' in html
    # names linked to person pages, with the office on the day as hover card
    khrushchev = re.search(r'<a class="person" href="(/people/memcon:[^"]+)" title="(Khrushchev[^"]*)"[^>]*>Khrushchev</a>',
                           html)
    assert khrushchev is not None
    assert "Chairman" in khrushchev.group(2) or "Secretary" in khrushchev.group(2)
    assert re.search(r'<a class="person" href="/people/memcon:[^"]+" title="Kennedy, John F\. — President', html)
    # speaker turns
    assert re.search(r'<span class="speaker" title="[^"]*">Khrushchev</span>', html)
    assert re.search(r'<span class="speaker" title="[^"]*">Kennedy</span>', html)
    # cite this: the document and each page
    assert 'id="citation-current"' in html
    assert re.search(r'data-page="227"[^>]*><a href="#page-227">p\. 227</a>: <span class="citation">[^<]*227', html)
    # provenance: both sources, with digests
    assert "frus1961-63v05-d88.xml" in html and "frus1961-63v05-d88.web.txt" in html
    assert html.count("sha256 ") >= 2
    # the document it points at (its participants are listed in d84)
    assert "frus1961-63v05/d84" in html


def test_previous_and_next_follow_the_volume(client: httpx.Client, full_store: Path) -> None:
    doc = "frus1919Parisv01/d337"
    html = client.get(f"/documents/{doc}").text
    with open_workspace(full_store, create=False) as ws:
        prev_id, next_id = ws.store.neighbours(doc)
    assert f'rel="prev" href="/documents/{prev_id}"' in html
    assert f'rel="next" href="/documents/{next_id}"' in html
    data = client.get(f"/api/documents/{doc}").json()
    assert (data["previous"], data["next"]) == (prev_id, next_id)


def test_footnote_hits_and_every_page_of_a_long_document_have_anchors(client: httpx.Client, full_store: Path) -> None:
    doc = "frus1919Parisv01/d337"
    html = client.get(f"/documents/{doc}").text
    with open_workspace(full_store, create=False) as ws:
        pages = ws.store.get_document(doc).pages
    for pb in pages:
        assert f'id="page-{pb.n}"' in html
    assert len(re.findall(r'<sup class="fnref">', html)) == len(re.findall(r'<a class="fn-back"', html)) > 0


def test_wilson_cable_reads_with_its_catalogue_details(client: httpx.Client) -> None:
    html = client.get("/documents/wilson/114511").text
    assert "GROMYKO" in html.upper() and "AVP RF" in html
    assert re.search(r'<a class="person" href="/people/memcon:[^"]+" title="Kennedy', html)
    assert 'rel="noopener noreferrer"' in html  # the record's own address, as a link
    # the meeting it records, who by side, linked to person pages
    meeting = html[html.index('<section class="meeting"'):html.index("</section>", html.index('<section class="meeting"'))]
    soviet = meeting[meeting.index("<h3>Soviet Union</h3>"):]
    assert re.search(r'<a class="person" href="/people/memcon:[^"]+" title="Gromyko[^"]*">Gromyko', soviet)
    assert "140 minutes" in meeting


def test_unknown_document_is_a_404(client: httpx.Client) -> None:
    assert client.get("/documents/frus1919Parisv01/d99999").status_code == 404
    response = client.get("/api/documents/nowhere/d1")
    assert response.status_code == 404 and "no document" in response.json()["error"]["message"]


def test_cite_box_gives_memcon_cite_citations_of_each_page(client: httpx.Client, full_store: Path) -> None:
    from memcon.cite import format_citation

    data = client.get("/api/documents/frus1919Parisv01/d337").json()
    with open_workspace(full_store, create=False) as ws:
        for citation in data["citations"][:3] + data["citations"][-1:]:
            assert citation["text"] == format_citation(ws.store, "frus1919Parisv01/d337", page=citation["page"])
            assert citation["method"].startswith("memcon.cite.v1")
    html = client.get("/documents/frus1919Parisv01/d337").text
    assert '<details class="page-citations">' in html
    assert html.count('<span class="citation">') == len(data["pages"])


def test_a_title_tied_to_a_name_outside_the_authority_shows_the_name(client: httpx.Client) -> None:
    # frus1930v01/d146: "The Italian Ambassador" is De Martino, named in the annex's heading; the
    # authority does not hold him, so no person page is linked, and the name is shown on hover
    page = client.get("/documents/frus1930v01/d146").text
    assert '<span class="person-named" title="De Martino — not in the person authority">The Italian Ambassador</span>' \
        in page
    data = client.get("/api/documents/frus1930v01/d146").json()
    named = [m for m in data["mentions"] if m.get("name") == "De Martino"]
    assert named and all(m["person_id"] is None for m in named)

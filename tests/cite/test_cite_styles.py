"""Citation strings of real documents: FRUS volumes of four eras (1861, 1917–1919, 1961–63) and
both seeds (the Wilson Center record; the history.state.gov page merged into FRUS 1961–63 vol. V
doc. 88), each with a pin page, in every style, on the session store of every shared input (read
only).  The expected strings were checked by hand against the Chicago, APA and MLA forms.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path

import pytest

from memcon.cite import STYLES, csl_item, format_citation
from memcon.errors import InvalidValue, NotFound
from memcon.store import open_store
from memcon.store.base import Store

pytestmark = pytest.mark.shared

ACCESSED = datetime.date(2026, 12, 2)

EXPECTED: list[tuple[str, str | None, str, str]] = [
    ('frus1961-63v05/d88', '226', 'chicago-note',
     'U.S. Department of State, “Memorandum of Conversation, Vienna, June 4, 1961,” in Foreign Relations of the United States, 1961–1963, ed. Charles S. Sampson and John Michael Joyce, vol. V, Soviet Union (Washington: United States Government Printing Office, 1998), doc. 88, 226, https://history.state.gov/historicaldocuments/frus1961-63v05/d88.'),
    ('frus1961-63v05/d88', '226', 'chicago-short',
     'U.S. Department of State, “Memorandum of Conversation, June 4, 1961,” doc. 88, 226.'),
    ('frus1961-63v05/d88', '226', 'chicago-bib',
     'U.S. Department of State. “Memorandum of Conversation, Vienna, June 4, 1961.” In Foreign Relations of the United States, 1961–1963, edited by Charles S. Sampson and John Michael Joyce, Vol. V, Soviet Union. Washington: United States Government Printing Office, 1998. https://history.state.gov/historicaldocuments/frus1961-63v05/d88.'),
    ('frus1961-63v05/d88', '226', 'apa',
     'U.S. Department of State. (1998). Memorandum of Conversation, Vienna, June 4, 1961. In C. S. Sampson & J. M. Joyce (eds.), Foreign Relations of the United States, 1961–1963: V, Soviet Union (No. 88; p. 226). United States Government Printing Office. https://history.state.gov/historicaldocuments/frus1961-63v05/d88'),
    ('frus1961-63v05/d88', '226', 'mla',
     'U.S. Department of State. “Memorandum of Conversation, Vienna, June 4, 1961.” Foreign Relations of the United States, 1961–1963, edited by C. S. Sampson and J. M. Joyce, V, Soviet Union, no. 88, United States Government Printing Office, 1998, p. 226, https://history.state.gov/historicaldocuments/frus1961-63v05/d88.'),
    ('frus1919Parisv01/d337', '386', 'chicago-note',
     'U.S. Department of State, “The Chargé in France (Bliss) to Mr. Henry White, Paris, January 9, 1919,” in Papers Relating to the Foreign Relations of the United States, 1919, vol. I, The Paris Peace Conference, 1919 (Washington: United States Government Printing Office, 1942), doc. 337, 386, https://history.state.gov/historicaldocuments/frus1919Parisv01/d337.'),
    ('frus1919Parisv01/d337', '386', 'chicago-short',
     'U.S. Department of State, “The Chargé in France (Bliss) to Mr. Henry White, January 9, 1919,” doc. 337, 386.'),
    ('frus1919Parisv01/d337', '386', 'chicago-bib',
     'U.S. Department of State. “The Chargé in France (Bliss) to Mr. Henry White, Paris, January 9, 1919.” In Papers Relating to the Foreign Relations of the United States, 1919, Vol. I, The Paris Peace Conference, 1919. Washington: United States Government Printing Office, 1942. https://history.state.gov/historicaldocuments/frus1919Parisv01/d337.'),
    ('frus1919Parisv01/d337', '386', 'apa',
     'U.S. Department of State. (1942). The Chargé in France (Bliss) to Mr. Henry White, Paris, January 9, 1919. In Papers Relating to the Foreign Relations of the United States, 1919: I, The Paris Peace Conference, 1919 (No. 337; p. 386). United States Government Printing Office. https://history.state.gov/historicaldocuments/frus1919Parisv01/d337'),
    ('frus1919Parisv01/d337', '386', 'mla',
     'U.S. Department of State. “The Chargé in France (Bliss) to Mr. Henry White, Paris, January 9, 1919.” Papers Relating to the Foreign Relations of the United States, 1919, I, The Paris Peace Conference, 1919, no. 337, United States Government Printing Office, 1942, p. 386, https://history.state.gov/historicaldocuments/frus1919Parisv01/d337.'),
    ('frus1861/d1', '32', 'chicago-note',
     'U.S. Department of State, “Mr. Black (Secretary of State) to All the Ministers of the United States, Washington, February 28, 1861,” in Message of the President of the United States to the Two Houses of Congress, at the Commencement of the Second Session of the Thirty-seventh Congress (Washington: United States Government Printing Office, 1861), doc. 1, 32, https://history.state.gov/historicaldocuments/frus1861/d1.'),
    ('frus1861/d1', '32', 'chicago-short',
     'U.S. Department of State, “Mr. Black (Secretary of State) to All the Ministers of the United States, February 28, 1861,” doc. 1, 32.'),
    ('frus1861/d1', '32', 'chicago-bib',
     'U.S. Department of State. “Mr. Black (Secretary of State) to All the Ministers of the United States, Washington, February 28, 1861.” In Message of the President of the United States to the Two Houses of Congress, at the Commencement of the Second Session of the Thirty-seventh Congress. Washington: United States Government Printing Office, 1861. https://history.state.gov/historicaldocuments/frus1861/d1.'),
    ('frus1861/d1', '32', 'apa',
     'U.S. Department of State. (1861). Mr. Black (Secretary of State) to all the ministers of the United States, Washington, February 28, 1861. In Message of the President of the United States to the Two Houses of Congress, at the Commencement of the Second Session of the Thirty-seventh Congress (No. 1; p. 32). United States Government Printing Office. https://history.state.gov/historicaldocuments/frus1861/d1'),
    ('frus1861/d1', '32', 'mla',
     'U.S. Department of State. “Mr. Black (Secretary of State) to All the Ministers of the United States, Washington, February 28, 1861.” Message of the President of the United States to the Two Houses of Congress, at the Commencement of the Second Session of the Thirty-seventh Congress, no. 1, United States Government Printing Office, 1861, p. 32, https://history.state.gov/historicaldocuments/frus1861/d1.'),
    ('frus1918Russiav03/d44', '30', 'chicago-note',
     'U.S. Department of State, “The Consul General at Moscow (Simmers) to the Secretary of State, December 13, 1917,” in Papers Relating to the Foreign Relations of the United States, 1918, vol. III, Russia (Washington: United States Government Printing Office, 1932), doc. 44, 30, https://history.state.gov/historicaldocuments/frus1918Russiav03/d44.'),
    ('frus1918Russiav03/d44', '30', 'chicago-short',
     'U.S. Department of State, “The Consul General at Moscow (Simmers) to the Secretary of State, December 13, 1917,” doc. 44, 30.'),
    ('frus1918Russiav03/d44', '30', 'chicago-bib',
     'U.S. Department of State. “The Consul General at Moscow (Simmers) to the Secretary of State, December 13, 1917.” In Papers Relating to the Foreign Relations of the United States, 1918, Vol. III, Russia. Washington: United States Government Printing Office, 1932. https://history.state.gov/historicaldocuments/frus1918Russiav03/d44.'),
    ('frus1918Russiav03/d44', '30', 'apa',
     'U.S. Department of State. (1932). The Consul General at Moscow (Simmers) to the Secretary of State, December 13, 1917. In Papers Relating to the Foreign Relations of the United States, 1918: III, Russia (No. 44; p. 30). United States Government Printing Office. https://history.state.gov/historicaldocuments/frus1918Russiav03/d44'),
    ('frus1918Russiav03/d44', '30', 'mla',
     'U.S. Department of State. “The Consul General at Moscow (Simmers) to the Secretary of State, December 13, 1917.” Papers Relating to the Foreign Relations of the United States, 1918, III, Russia, no. 44, United States Government Printing Office, 1932, p. 30, https://history.state.gov/historicaldocuments/frus1918Russiav03/d44.'),
    ('frus1917Supp02v02/d41', '892', 'chicago-note',
     'U.S. Department of State, “The Ambassador in Great Britain (Page) to the Secretary of State, London, July 3, 1917, 1 p.m.,” in Papers Relating to the Foreign Relations of the United States, 1917, vol. II, Supplement 2, The World War (Washington: United States Government Printing Office, 1932), doc. 41, 892, https://history.state.gov/historicaldocuments/frus1917Supp02v02/d41.'),
    ('frus1917Supp02v02/d41', '892', 'chicago-short',
     'U.S. Department of State, “The Ambassador in Great Britain (Page) to the Secretary of State, July 3, 1917, 1 p.m.,” doc. 41, 892.'),
    ('frus1917Supp02v02/d41', '892', 'chicago-bib',
     'U.S. Department of State. “The Ambassador in Great Britain (Page) to the Secretary of State, London, July 3, 1917, 1 p.m.” In Papers Relating to the Foreign Relations of the United States, 1917, Vol. II, Supplement 2, The World War. Washington: United States Government Printing Office, 1932. https://history.state.gov/historicaldocuments/frus1917Supp02v02/d41.'),
    ('frus1917Supp02v02/d41', '892', 'apa',
     'U.S. Department of State. (1932). The Ambassador in Great Britain (Page) to the Secretary of State, London, July 3, 1917, 1 p.m. In Papers Relating to the Foreign Relations of the United States, 1917: II, Supplement 2, The World War (No. 41; p. 892). United States Government Printing Office. https://history.state.gov/historicaldocuments/frus1917Supp02v02/d41'),
    ('frus1917Supp02v02/d41', '892', 'mla',
     'U.S. Department of State. “The Ambassador in Great Britain (Page) to the Secretary of State, London, July 3, 1917, 1 p.m.” Papers Relating to the Foreign Relations of the United States, 1917, II, Supplement 2, The World War, no. 41, United States Government Printing Office, 1932, p. 892, https://history.state.gov/historicaldocuments/frus1917Supp02v02/d41.'),
    ('wilson/114511', None, 'chicago-note',
     'A. A. Gromyko, “From the Cable on the Conversation Between Gromyko and Kennedy,” October 18, 1962, Archive of Foreign Policy, Russian Federation (AVP RF), Wilson Center Digital Archive, accessed December 2, 2026, https://digitalarchive.wilsoncenter.org/document/114511.'),
    ('wilson/114511', None, 'chicago-short',
     'Gromyko, “From the Cable on the Conversation Between Gromyko and Kennedy.”'),
    ('wilson/114511', None, 'chicago-bib',
     'Gromyko, A. A. “From the Cable on the Conversation Between Gromyko and Kennedy,” October 18, 1962. Archive of Foreign Policy, Russian Federation (AVP RF). Wilson Center Digital Archive. Accessed December 2, 2026. https://digitalarchive.wilsoncenter.org/document/114511.'),
    ('wilson/114511', None, 'apa',
     'Gromyko, A. A. (1962, October 18). From the cable on the conversation between Gromyko and Kennedy. Wilson Center Digital Archive (Archive of Foreign Policy, Russian Federation (AVP RF)). https://digitalarchive.wilsoncenter.org/document/114511'),
    ('wilson/114511', None, 'mla',
     'Gromyko, A. A. “From the Cable on the Conversation Between Gromyko and Kennedy.” 18 Oct. 1962, Wilson Center Digital Archive, Archive of Foreign Policy, Russian Federation (AVP RF), https://digitalarchive.wilsoncenter.org/document/114511. Accessed 2 Dec. 2026.'),
]


@pytest.fixture(scope="module")
def store(full_store: Path) -> Iterator[Store]:
    with open_store(full_store, create=False) as s:
        yield s


@pytest.mark.parametrize(("doc_id", "page", "style", "expected"), EXPECTED,
                         ids=[f"{d}@{p}:{s}" for d, p, s, _ in EXPECTED])
def test_citation_strings(store: Store, doc_id: str, page: str | None, style: str, expected: str) -> None:
    assert format_citation(store, doc_id, page=page, style=style, accessed=ACCESSED) == expected


def test_every_style_is_covered() -> None:
    assert {style for _, _, style, _ in EXPECTED} == set(STYLES)


def test_the_pin_page_is_the_one_asked_for(store: Store) -> None:
    """Another page of the same document changes the pin-cite and nothing else."""
    on_226 = format_citation(store, "frus1961-63v05/d88", page="226")
    on_227 = format_citation(store, "frus1961-63v05/d88", page="227")
    assert on_226.replace("doc. 88, 226,", "doc. 88, 227,") == on_227
    assert "doc. 88, 226–227," in format_citation(store, "frus1961-63v05/d88", page="226-227")


def test_without_a_page_the_note_cites_the_document(store: Store) -> None:
    note = format_citation(store, "frus1919Parisv01/d337")
    assert "(Washington: United States Government Printing Office, 1942), doc. 337, https://" in note


def test_the_seed_web_page_is_merged_into_d88(store: Store) -> None:
    """The history.state.gov copy is the same record as the TEI document: one citation, to the volume."""
    document = store.get_document("frus1961-63v05/d88")
    assert {p.format for p in document.provenance} == {"frus-tei", "hsg-page"}
    item = csl_item(store, "frus1961-63v05/d88", page="226")
    assert item["type"] == "chapter" and item["volume"] == "V" and item["volume-title"] == "Soviet Union"
    assert item["URL"] == "https://history.state.gov/historicaldocuments/frus1961-63v05/d88"


def test_the_wilson_record_has_its_access_date_only_when_given(store: Store) -> None:
    assert csl_item(store, "wilson/114511", accessed=ACCESSED)["accessed"] == {"date-parts": [[2026, 12, 2]]}
    assert "accessed" not in csl_item(store, "wilson/114511")
    assert "accessed" not in csl_item(store, "frus1961-63v05/d88", accessed=ACCESSED)  # a printed volume


def test_older_volumes_have_no_editors_and_none_is_invented(store: Store) -> None:
    item = csl_item(store, "frus1861/d1")
    assert "editor" not in item and "volume" not in item
    assert item["container-title"] == store.get_volume("frus1861").title


def test_unknown_document(store: Store) -> None:
    with pytest.raises(NotFound):
        format_citation(store, "frus1961-63v05/d99999")


def test_unknown_style(store: Store) -> None:
    with pytest.raises(InvalidValue, match="chicago-note, chicago-short, chicago-bib, apa, mla"):
        format_citation(store, "frus1961-63v05/d88", style="harvard")


def test_page_not_in_the_document(store: Store) -> None:
    with pytest.raises(InvalidValue, match="its pages are 225, 226, 227, 228"):
        format_citation(store, "frus1961-63v05/d88", page="229")
    with pytest.raises(InvalidValue, match="runs backwards"):
        format_citation(store, "frus1961-63v05/d88", page="228-226")


def test_a_record_without_printed_pages_takes_no_page(store: Store) -> None:
    with pytest.raises(InvalidValue, match="no printed pages"):
        format_citation(store, "wilson/114511", page="1")


def test_a_web_page_alone_is_cited_with_what_it_has(shared: Path, tmp_path: Path) -> None:
    """The history.state.gov copy of d88 ingested without its volume: no volume data, no dateline
    (the copy has none) — a web page with its number, its pages and the access date; nothing made up."""
    from memcon.ingest import ingest_paths

    page = shared / "corpus" / "seeds" / "frus1961-63v05-d88.web.txt"
    db = tmp_path / "web.db"
    assert not ingest_paths([page], store_path=db).errors
    with open_store(db, create=False) as store:
        item = csl_item(store, "frus1961-63v05/d88", page="226", accessed=ACCESSED)
        assert item == {
            "id": "frus1961-63v05/d88", "type": "webpage", "title": "Memorandum of Conversation", "number": "88",
            "page": "226", "locator": "226", "archive_location": "Kennedy Library, President's Office Files, USSR",
            "URL": "https://history.state.gov/historicaldocuments/frus1961-63v05/d88",
            "accessed": {"date-parts": [[2026, 12, 2]]}, "language": "en",
            "custom": {"generator": "memcon.cite.v1", "memcon-id": "frus1961-63v05/d88"},
        }
        assert format_citation(store, "frus1961-63v05/d88", page="226", accessed=ACCESSED) == (
            "“Memorandum of Conversation,” 226, Kennedy Library, President's Office Files, USSR, accessed "
            "December 2, 2026, https://history.state.gov/historicaldocuments/frus1961-63v05/d88."
        )
        with pytest.raises(InvalidValue, match="its pages are 226, 227, 228"):
            format_citation(store, "frus1961-63v05/d88", page="1")

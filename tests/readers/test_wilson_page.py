"""readers/wilson_page.py: a Wilson Center Digital Archive record saved as a page.

The seed (``corpus/seeds/wilson-114511.txt``, read through ``shared_path``) is the issue's
"Done when" record; the other pages are built in ``tmp_path`` by the tests themselves.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from memcon.enrich import enrich_document
from memcon.errors import EmptyInput, MalformedInput, ReadError
from memcon.model.records import Document, Volume
from memcon.readers import _wilson
from memcon.readers.frus_tei import sniff_frus_tei
from memcon.readers.wilson_json import sniff_wilson_json
from memcon.readers.wilson_page import FORMAT, READER, VERSION, read_wilson_page, sniff_wilson_page
from tests._shared import FIXTURES, require, shared_path

SEED = "corpus/seeds/wilson-114511.txt"


def _seed() -> Path:
    return require(shared_path() / SEED, "the Wilson seed page")


def _read(path: Path) -> tuple[Volume, Document]:
    records = list(read_wilson_page(path))
    assert len(records) == 2
    volume, document = records
    assert isinstance(volume, Volume) and isinstance(document, Document)
    return volume, document


@pytest.fixture(scope="module")
def seed() -> Document:
    return _read(_seed())[1]


# ------------------------------------------------------------------ the "Done when"
def test_seed_identity_title_and_volume() -> None:
    volume, doc = _read(_seed())
    assert doc.id == "wilson/114511"
    assert doc.volume_id == "wilson"
    assert (volume.id, volume.title, volume.publisher) == ("wilson", "Wilson Center Digital Archive", "Wilson Center")
    assert doc.heading == "From the cable on the conversation between Gromyko and Kennedy"
    assert doc.doc_type == "cable"
    prov = doc.provenance[0]
    assert (prov.reader, prov.reader_version, prov.format) == (READER, VERSION, FORMAT)
    assert prov.source.endswith("wilson-114511.txt") and len(prov.sha256) == 64
    assert volume.provenance == prov


def test_seed_conversation_date_and_cable_date(seed: Document) -> None:
    assert seed.date is not None and seed.date.when == "1962-10-18" and seed.date.precision == "day"
    assert seed.date.text == "October 18, 1962"
    assert seed.signed_date is not None
    assert (seed.signed_date.when, seed.signed_date.text, seed.signed_date.precision) == (
        "1962-10-20", "20/10/1962", "day")
    assert seed.signed_date.when != seed.date.when


def test_seed_citation_fields(seed: Document) -> None:
    assert seed.archive == "Archive of Foreign Policy, Russian Federation (AVP RF)"
    assert seed.url == "https://digitalarchive.wilsoncenter.org/document/114511"


def test_seed_summary_and_credits(seed: Document) -> None:
    assert seed.summary is not None
    assert seed.summary.startswith("Gromyko reported on his meeting with Kennedy.")
    assert seed.summary.endswith("proposed a meeting between the two leaders.")
    assert "Summary" not in seed.summary and "Credits" not in seed.summary
    assert seed.credits is not None and "Leon Levy Foundation" in seed.credits


def test_seed_languages_an_english_translation_of_a_russian_original(seed: Document) -> None:
    assert seed.original_language == "ru"
    assert seed.language == "en"
    assert seed.texts == ()


def test_seed_author_and_signature(seed: Document) -> None:
    assert seed.signed_by == "A. GROMYKO"
    assert seed.authors == ("A. A. Gromyko",)


def test_seed_text_begins_with_its_own_heading_and_dateline(seed: Document) -> None:
    lines = seed.text.split("\n")
    assert lines[0] == "FROM THE CABLE ABOUT CONVERSATION BETWEEN A.A. GROMYKO AND PRESIDENT KENNEDY"
    assert lines[1] == "October 18, 1962"
    assert lines[2] == ""
    assert lines[3].startswith("During the meeting with President Kennedy at the White House on October 18")
    # the page's own header, Citation, Summary … are fields, not text
    for label in ("Citation:", "Summary:", "Credits:", "Original Language:", "Contents:", "Translation - English"):
        assert label not in seed.text
    assert seed.text.endswith("A. GROMYKO\n\n20/10/1962")


def test_seed_omissions_marked(seed: Document) -> None:
    omissions = [a for a in seed.annotations if a.kind == "omission"]
    assert len(omissions) == 2
    for mark in omissions:
        assert seed.text[mark.start:mark.end] == mark.text == "/ ... /"
    assert seed.text[omissions[0].start - 40:omissions[0].start].endswith("on a number of important issues. ")
    assert "I had the task of giving President an account of all of it. / ... /" in seed.text


def test_seed_no_paragraph_broken_mid_sentence(seed: Document) -> None:
    paragraphs = seed.text.split("\n\n")
    for previous, following in zip(paragraphs, paragraphs[1:], strict=False):
        assert not _wilson.continues(previous, following), (previous[-60:], following[:40])
    # every paragraph of the body ends a sentence, but the heading+dateline and the sign-off
    body = paragraphs[1:-2]
    for paragraph in body:
        assert re.search(r"[.!?:;/\"”]$", paragraph), paragraph[-60:]
    # the five places where the page layout broke a sentence are joined again
    for joined in ("though those statements are supported by deeds", "can represent a threat to anybody",
                   "I don't know what can be the outcome.", "requirements of the people - that is the field",
                   "he will arrive to New York in the second half of November"):
        assert joined in seed.text


def test_seed_words_all_kept_in_order(seed: Document) -> None:
    """The reader loses no word of the body and adds none: the text is the page from the body's
    heading on, with only the blank lines inside broken sentences removed."""
    page = _seed().read_text(encoding="utf-8")
    body = page[page.index("FROM THE CABLE ABOUT CONVERSATION"):]
    assert seed.text.split() == body.split()


def test_seed_enriched_keeps_what_the_reader_found(seed: Document) -> None:
    enriched = enrich_document(seed)
    assert enriched.text == seed.text
    assert [a for a in enriched.annotations if a.kind == "omission"] == [
        a for a in seed.annotations if a.kind == "omission"]
    assert enriched.references == ()
    assert enrich_document(enriched) == enriched


# ------------------------------------------------------------------ sniffing
def test_sniff_recognises_the_seed_and_nothing_else() -> None:
    head = _seed().read_bytes()[:8192]
    assert sniff_wilson_page(head)
    assert not sniff_frus_tei(head)
    assert not sniff_wilson_json(head)
    web = shared_path() / "corpus/seeds/frus1961-63v05-d88.web.txt"
    tei = shared_path() / "corpus/frus-excerpts/frus1961-63v05-d88.xml"
    for other in (web, tei):
        if other.exists():
            assert not sniff_wilson_page(other.read_bytes()[:8192]), other
    assert not sniff_wilson_page((FIXTURES / "wilson" / "900001.json").read_bytes()[:8192])
    assert not sniff_wilson_page(b"Minutes of the meeting\n\nSummary: nothing was decided.\n")
    assert not sniff_wilson_page(b"\x00\x01binary\x00")


def test_sniff_and_read_utf16_with_bom(tmp_path: Path) -> None:
    page = tmp_path / "wilson-114511-utf16.txt"
    page.write_bytes(_seed().read_text(encoding="utf-8").encode("utf-16"))
    assert sniff_wilson_page(page.read_bytes()[:8192])
    _, doc = _read(page)
    assert doc.id == "wilson/114511" and doc.signed_date is not None and doc.signed_date.when == "1962-10-20"


# ------------------------------------------------------------------ other pages (built here)
PAGE = """\
March 3, 1956

Letter from a Test Minister to a Test Chairman

Citation:

"Letter from a Test Minister to a Test Chairman", March 3, 1956, Wilson Center Digital Archive, Test Archive of State Papers. Translated for memcon's tests.

Summary:

A page written for memcon's tests.

Original Language:

Russian

Contents:

{contents}

{body}
"""


def _page(tmp_path: Path, body: str, *, contents: str = "Translation - English", name: str = "wilson-777.txt",
          extra: str = "") -> Path:
    path = tmp_path / name
    path.write_text(PAGE.format(contents=contents, body=body) + extra, encoding="utf-8")
    return path


def test_page_without_url_takes_its_id_from_the_file_name(tmp_path: Path) -> None:
    body = "Dear Chairman,\n\nThe talks will continue in\n\nApril, as agreed.\n\nI. PETROVSKY\n\n5.3.1956"
    _, doc = _read(_page(tmp_path, body))
    assert doc.id == "wilson/777"
    assert doc.url == "https://digitalarchive.wilsoncenter.org/document/777"
    assert doc.archive == "Test Archive of State Papers"
    assert doc.doc_type == "letter"
    # no heading of its own: the title is the heading line; the month name after "in" does not
    # start lower-case, so the broken sentence is kept as printed (a false negative, not a loss)
    assert doc.text.startswith("Letter from a Test Minister to a Test Chairman\n\nDear Chairman,")
    assert doc.signed_by == "I. PETROVSKY" and doc.authors == ("I. Petrovsky",)
    assert doc.signed_date is not None and doc.signed_date.when == "1956-03-05"


def test_sign_off_date_on_the_day_of_the_document_is_not_repeated(tmp_path: Path) -> None:
    _, doc = _read(_page(tmp_path, "The talks will go on in April and\n\nmay end in May.\n\nI. PETROVSKY\n\n03/03/1956"))
    assert doc.date is not None and doc.date.when == "1956-03-03"
    assert doc.signed_by == "I. PETROVSKY" and doc.signed_date is None
    assert doc.text.endswith("I. PETROVSKY\n\n03/03/1956")  # still printed in the text


def test_page_transcript_in_the_original_language(tmp_path: Path) -> None:
    body = "ПИСЬМО\n\nМосква, 3 марта 1956 г.\n\nПереговоры будут продолжены в\n\nапреле."
    _, doc = _read(_page(tmp_path, body, contents="Transcript - Russian"))
    assert doc.language == "ru" and doc.original_language == "ru"
    assert "продолжены в апреле." in doc.text


def test_page_with_transcript_and_translation_listed_reads_the_script(tmp_path: Path) -> None:
    body = "Переговоры будут продолжены в апреле."
    _, doc = _read(_page(tmp_path, body, contents="Transcript - Russian\n\nTranslation - English"))
    assert doc.language == "ru"
    _, doc = _read(_page(tmp_path, "The talks will go on in April.",
                         contents="Transcript - Russian\n\nTranslation - English", name="wilson-778.txt"))
    assert doc.language == "en"


def test_page_with_several_original_languages_takes_the_first(tmp_path: Path) -> None:
    path = _page(tmp_path, "The talks will go on in April.")
    path.write_text(path.read_text(encoding="utf-8").replace("\nRussian\n", "\nGerman, Russian\n"), encoding="utf-8")
    assert _read(path)[1].original_language == "de"


_BODY_WORD = st.text(alphabet="abcdefgxyzABCXYZжЖ.,;!?-'\"", min_size=1, max_size=10).filter(
    lambda w: any(ch.isalpha() for ch in w))
_BODY = st.lists(st.lists(_BODY_WORD, min_size=1, max_size=10).map(" ".join), min_size=1, max_size=10)


@settings(max_examples=100, deadline=None)
@given(_BODY)
def test_reader_keeps_every_word_of_the_body_in_order(tmp_path_factory: pytest.TempPathFactory,
                                                      paragraphs: list[str]) -> None:
    """Whatever the body's paragraphs, the text holds their words in order, preceded at most
    by the title (when the body has no heading of its own)."""
    body = ["The talks began.", *paragraphs]
    path = _page(tmp_path_factory.mktemp("page"), "\n\n".join(body))
    _, doc = _read(path)
    words = doc.text.split()
    expected = " ".join(body).split()
    assert words[len(words) - len(expected):] == expected
    assert words[:len(words) - len(expected)] in ([], doc.heading.split())


def test_missing_file_with_a_digest_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError):
        list(read_wilson_page(tmp_path / "gone.txt", sha256="0" * 64))


def test_page_trailing_catalogue_sections_become_tags_not_text(tmp_path: Path) -> None:
    extra = "\nAssociated Places\n\nSoviet Union\nUnited States\n\nAssociated Topics\n\nDiplomacy\n\nRecord ID\n\n777\n"
    _, doc = _read(_page(tmp_path, "The talks will go on in April.", extra=extra))
    assert doc.text.endswith("The talks will go on in April.")
    assert ("coverage", "Soviet Union") in [(t.kind, t.value) for t in doc.tags]
    assert ("subject", "Diplomacy") in [(t.kind, t.value) for t in doc.tags]


def test_title_starting_with_a_label_word_is_a_title(tmp_path: Path) -> None:
    path = _page(tmp_path, "The talks will go on in April.")
    text = path.read_text(encoding="utf-8").replace("Letter from a Test Minister to a Test Chairman",
                                                    "Summary of a Conversation with the Test Chairman")
    path.write_text(text, encoding="utf-8")
    _, doc = _read(path)
    assert doc.heading == "Summary of a Conversation with the Test Chairman"
    assert doc.summary == "A page written for memcon's tests."
    assert doc.doc_type == "record of conversation"


def test_page_dateline_with_place(tmp_path: Path) -> None:
    body = "RECORD OF CONVERSATION\n\nMoscow, March 3, 1956\n\nThe minister received the ambassador."
    _, doc = _read(_page(tmp_path, body))
    assert doc.place == "Moscow"
    assert doc.text.startswith("RECORD OF CONVERSATION\nMoscow, March 3, 1956\n\nThe minister")
    assert doc.date is not None and doc.date.when == "1956-03-03"


def test_empty_page_is_empty_input(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("\n\n  \n", encoding="utf-8")
    with pytest.raises(EmptyInput) as caught:
        list(read_wilson_page(path))
    assert str(path) in str(caught.value)


def test_page_without_sections_is_malformed(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Some notes\n\nNothing here is a record.\n", encoding="utf-8")
    with pytest.raises(MalformedInput) as caught:
        list(read_wilson_page(path))
    assert f"{path}:1:" in str(caught.value) and "Wilson Center record page" in str(caught.value)


def test_page_without_contents_is_malformed_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt"
    path.write_text("March 3, 1956\n\nA title\n\nSummary:\n\nA summary only.\n", encoding="utf-8")
    with pytest.raises(MalformedInput) as caught:
        list(read_wilson_page(path))
    assert caught.value.line == 7 and "Contents" in str(caught.value)


def test_page_with_contents_but_no_text_is_empty(tmp_path: Path) -> None:
    path = _page(tmp_path, "")
    with pytest.raises(EmptyInput):
        list(read_wilson_page(path))


# ------------------------------------------------------------------ the helpers, property-tested
_WORD = st.text(alphabet="abcdefghijKLMNOPQRstuvwxyzЖжё.,;:!?-/\"'()", min_size=1, max_size=12)
_PARAGRAPH = st.lists(_WORD, min_size=1, max_size=12).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PARAGRAPH, max_size=12))
def test_joiner_never_loses_or_reorders_words(paragraphs: list[str]) -> None:
    joined, joins = _wilson.join_broken(paragraphs)
    assert " ".join(joined).split() == " ".join(paragraphs).split()
    assert len(joined) == len(paragraphs) - joins
    assert _wilson.join_broken(joined) == (joined, 0)  # idempotent: nothing left to join


@pytest.mark.parametrize(("previous", "following", "joined"), [
    ("it's not sufficient to have those statements of the Cuban government, though those",
     "statements are supported by deeds.", True),
    ("in satisfying material and spiritual requirements of the people -", "that is the field", True),
    ("And then I said so.", "then he left.", False),  # a sentence ended
    ("And then he asked: why?", "nobody knew.", False),
    ("In conclusion I would like to say the following:", "the talks go on.", False),
    ("The sides noted the following", "a) the exchange of notes will continue;", False),  # a list item
    ("The sides noted the following", "iv. the next meeting", False),
    ("FROM THE CABLE ABOUT THE CONVERSATION", "during the meeting", False),  # a heading in capitals
    ("A. GROMYKO", "20/10/1962", False),
    ("on a number of important issues. / ... /", "now I would like", False),  # an omission mark
    ("and as he said \"we shall see.\"", "then", False),
    ("the situation in the", "Laos", False),  # capitalised: not joined (kept as printed)
    ("Top Secret", "copy no. 3", False),  # a marking, shorter than a printed line
    ("Совершенно секретно", "экз. № 1", False),
    ("Переговоры будут продолжены в", "апреле.", True),
    ("双方 同意 会谈 将在 明年", "四月继续。", False),  # no letter case: never joined
])
def test_continues_decisions(previous: str, following: str, joined: bool) -> None:
    assert _wilson.continues(previous, following) is joined


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=datetime.date(1800, 1, 1), max_value=datetime.date(2099, 12, 31)))
def test_date_forms_round_trip(day: datetime.date) -> None:
    iso = day.isoformat()
    month = day.strftime("%B")
    for text in (f"{month} {day.day}, {day.year}", f"{day.day} {month} {day.year}", day.strftime("%Y%m%d"), iso,
                 f"{day.day:02d}/{day.month:02d}/{day.year}", f"{day.day}.{day.month}.{day.year}"):
        found = _wilson.parse_date(text)
        assert found is not None and found.when == iso and found.precision == "day", text


@pytest.mark.parametrize(("text", "when", "precision"), [
    ("October 1962", "1962-10", "month"),
    ("1962", "1962", "year"),
    ("19621000", "1962-10", "month"),  # the API's "00" for an unknown day
    ("19620000", "1962", "year"),
    ("10/20/1962", "1962-10-20", "day"),  # month first only when the day order is impossible
    ("21 ноября 1962 г.", "1962-11-21", "day"),  # a Russian transcript's dateline
    ("18. Oktober 1962", "1962-10-18", "day"),
])
def test_partial_dates(text: str, when: str, precision: str) -> None:
    found = _wilson.parse_date(text)
    assert found is not None and (found.when, found.precision) == (when, precision)


def test_uncertain_and_ranged_dates() -> None:
    circa = _wilson.parse_date("c. October 1962")
    assert circa is not None and circa.uncertain and circa.when == "1962-10"
    ranged = _wilson.parse_date("October 18, 1962 - October 20, 1962")
    assert ranged is not None and (ranged.start, ranged.end, ranged.when) == ("1962-10-18", "1962-10-20", None)
    for not_a_date in ("A. GROMYKO", "31/02/1962", "Smarch 3, 1962", "The talks", ""):
        assert _wilson.parse_date(not_a_date) is None, not_a_date


def test_language_codes() -> None:
    assert _wilson.language_code("Russian") == "ru"
    assert _wilson.language_code("rus") == "ru"
    assert _wilson.language_code("chi") == "zh"
    assert _wilson.language_code("English") == "en"
    assert _wilson.language_code("Old Church Slavonic") == "Old Church Slavonic"  # unknown: as given
    assert _wilson.language_code("") is None


def test_author_names() -> None:
    heading = "FROM THE CABLE ABOUT CONVERSATION BETWEEN A.A. GROMYKO AND PRESIDENT KENNEDY"
    assert _wilson.author_name("A. GROMYKO", [heading]) == "A. A. Gromyko"
    assert _wilson.author_name("A. GROMYKO", ["President Gromyko said"]) == "A. Gromyko"  # titles are not names
    assert _wilson.author_name("GROMYKO", []) == "Gromyko"
    assert _wilson.catalogue_name("Gromyko, Andrei Andreevich, 1909-1989") == "Andrei Andreevich Gromyko"
    assert _wilson.catalogue_name("Mao Zedong") == "Mao Zedong"


@pytest.mark.parametrize(("title", "kind"), [
    ("From the cable on the conversation between Gromyko and Kennedy", "cable"),
    ("Memorandum of Conversation between Khrushchev and Kennedy", "memorandum of conversation"),
    ("Record of Conversation between Mao Zedong and Pavel Yudin", "record of conversation"),
    ("Minutes of the Meeting of the CPSU CC Presidium", "minutes"),
    ("Letter from Khrushchev to Castro", "letter"),
    ("Ciphered Telegram from Dobrynin to the Foreign Ministry", "telegram"),
    ("Note from the Soviet Embassy", "note"),
    ("Notes on a Conversation with Ambassador Thompson", "record of conversation"),
    ("Report on the Situation in Laos", "report"),
    ("Untitled", "document"),
])
def test_doc_types(title: str, kind: str) -> None:
    assert _wilson.doc_type(title) == kind

"""readers/wilson_json.py: a Wilson Center Digital Archive record as the API's JSON.

Fixtures (``tests/fixtures/wilson/``, written for these tests in the shape of the API and of
the ``digitalarchive`` client's models, not copied from any record):

* ``900001.json`` — a record with an English translation (HTML inline, with the archive's
  messy markup: a ``<style>`` in a ``<p>``, ``<p>`` nested in ``<span>``, a script, a comment,
  entities), a Russian transcript whose HTML sits beside it (``900001.transcript-71002.html``)
  and a Chinese transcript inline; two record languages (``rus``, ``chi``);
* ``truncated.json``, ``not-wilson.json``, ``no-text.json`` — the malformed cases.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from memcon.enrich import enrich_document
from memcon.errors import EmptyInput, MalformedInput, ReadError
from memcon.model.records import Document, Volume
from memcon.readers import READERS, _wilson
from memcon.readers.frus_tei import sniff_frus_tei
from memcon.readers.wilson_json import (
    FORMAT,
    READER,
    VERSION,
    MissingTextWarning,
    asset_path,
    read_wilson_json,
    sniff_wilson_json,
)
from memcon.readers.wilson_page import sniff_wilson_page
from tests._shared import FIXTURES

WILSON = FIXTURES / "wilson"
RECORD = WILSON / "900001.json"


def _read(path: Path) -> tuple[Volume, Document]:
    records = list(read_wilson_json(path))
    assert len(records) == 2
    volume, document = records
    assert isinstance(volume, Volume) and isinstance(document, Document)
    return volume, document


@pytest.fixture(scope="module")
def record() -> Document:
    return _read(RECORD)[1]


# ------------------------------------------------------------------ a record with its texts
def test_identity_and_provenance() -> None:
    volume, doc = _read(RECORD)
    assert doc.id == "wilson/900001" and doc.volume_id == "wilson" == volume.id
    assert volume.title == "Wilson Center Digital Archive" and volume.publisher == "Wilson Center"
    assert doc.url == "https://digitalarchive.wilsoncenter.org/document/900001"
    prov = doc.provenance[0]
    assert (prov.reader, prov.reader_version, prov.format) == (READER, VERSION, FORMAT)
    assert prov.source == str(RECORD) and len(prov.sha256) == 64


def test_languages_english_text_russian_and_chinese_transcripts(record: Document) -> None:
    assert record.language == "en"
    assert record.original_language == "ru"  # the first of the record's languages (rus, chi)
    by_language = {t.language: t for t in record.texts}
    assert set(by_language) == {"ru", "zh"}
    assert all(t.kind == "transcript" for t in record.texts)
    russian, chinese = by_language["ru"], by_language["zh"]
    assert russian.text.startswith("ЗАПИСЬ БЕСЕДЫ ПОСЛА В.И. ОРЛОВА")
    assert "\n\nПо просьбе государственного секретаря я посетил его" in russian.text
    # the Russian layout break is joined as in English ("хотя" + "вопрос …")
    assert "продолжить переговоры, хотя вопрос об инспекции" in russian.text
    assert russian.source == str(asset_path(RECORD, "transcript", "71002"))
    assert chinese.text.split("\n\n")[0] == "与哈兰国务卿谈话记录"
    assert chinese.source == "https://digitalarchive.wilsoncenter.org/transcripts/71003.html"
    assert "<" not in russian.text + chinese.text


def test_translation_html_sanitised_to_clean_paragraphs(record: Document) -> None:
    text = record.text
    for junk in ("<", ">", "text-align", "cs1A2B3C4D", "alert", "comment", "&laquo;", "&nbsp;", "\xa0", "\t"):
        assert junk not in text, junk
    paragraphs = text.split("\n\n")
    assert paragraphs[0] == ("RECORD OF CONVERSATION BETWEEN AMBASSADOR V.I. ORLOV AND SECRETARY OF STATE HARLAN\n"
                             "Washington, November 21, 1962")
    assert paragraphs[1] == "At the request of the Secretary I called on him at the State Department this morning."
    assert "«clearly and more than once» and that it saw no reason to change it." in text
    # a layout break joined, a list after "the following" kept apart, a <br> kept as a line break
    assert "though the question of inspection remained open for them. / ... /" in text
    assert "The sides noted the following\n\na) the exchange" in text
    assert "The conversation lasted forty minutes.\nPresent: Kovalev" in text
    assert text.endswith("V. ORLOV\n\n22/11/1962")


def test_metadata_fields(record: Document) -> None:
    assert record.heading == "Record of Conversation between Ambassador Orlov and Secretary of State Harlan"
    assert record.doc_type == "record of conversation"
    assert record.date is not None
    assert (record.date.when, record.date.text, record.date.precision) == ("1962-11-21", "November 21, 1962", "day")
    assert record.place == "Washington"
    assert record.summary is not None and record.summary.startswith("A test fixture written for memcon")
    assert record.archive == "Archive of a Ministry of Foreign Affairs (fictional)"
    assert record.credits == ("This document was made possible with support from Leon Levy Foundation "
                              "and A Test Donor")
    assert record.authors == ("Viktor Ivanovich Orlov",)  # creators, in reading order
    assert record.signed_by == "V. ORLOV"
    assert record.signed_date is not None and record.signed_date.when == "1962-11-22"
    omissions = [a for a in record.annotations if a.kind == "omission"]
    assert len(omissions) == 1 and record.text[omissions[0].start:omissions[0].end] == "/ ... /"


def test_tags_with_their_ids(record: Document) -> None:
    tags = {(t.kind, t.value, t.ident) for t in record.tags}
    assert ("collection", "Test Collection on Arms Talks", "273") in tags
    assert ("subject", "Arms control--Verification", "1201") in tags
    assert ("coverage", "Soviet Union", "341") in tags and ("coverage", "United States", "342") in tags
    assert ("repository", "Archive of a Ministry of Foreign Affairs (fictional)", "81") in tags
    assert ("contributor", "Orlov, Viktor Ivanovich, 1910-1980", "5101") in tags
    assert ("contributor", "Harlan, Thomas", "5102") in tags
    assert ("donor", "Leon Levy Foundation", "27") in tags
    assert ("classification", "Top Secret", "2") in tags
    assert ("media", "https://digitalarchive.wilsoncenter.org/media_files/71004.pdf", "71004") in tags
    assert len(record.tags) == len(tags)


def test_enrich_keeps_the_record(record: Document) -> None:
    enriched = enrich_document(record)
    assert enriched.text == record.text and enriched.texts == record.texts
    assert enrich_document(enriched) == enriched


# ------------------------------------------------------------------ layouts on disk
def _copy_record(tmp_path: Path, mutate: dict[str, object] | None = None, *, sidecars: bool = True) -> Path:
    data = json.loads(RECORD.read_text(encoding="utf-8"))
    data.update(mutate or {})
    target = tmp_path / "900001.json"
    target.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    if sidecars:
        shutil.copy(WILSON / "900001.transcript-71002.html", tmp_path)
    return target


def test_missing_transcript_html_warns_and_the_rest_is_read(tmp_path: Path) -> None:
    path = _copy_record(tmp_path, sidecars=False)
    with pytest.warns(MissingTextWarning, match="transcript 71002"):
        _, doc = _read(path)
    assert [t.language for t in doc.texts] == ["zh"]
    assert doc.language == "en"


def test_sidecar_named_by_language_without_a_json_entry(tmp_path: Path) -> None:
    data = json.loads(RECORD.read_text(encoding="utf-8"))
    path = _copy_record(tmp_path, {"transcripts": [], "languages": [{"id": "rus", "name": "Russian"}]}, sidecars=False)
    asset_path(path, "transcript", "ru").write_text(
        "<p>Короткий текст записи.</p><p>Второй абзац.</p>", encoding="utf-8")
    _, doc = _read(path)
    assert [(t.language, t.kind, t.text) for t in doc.texts] == [
        ("ru", "transcript", "Короткий текст записи.\n\nВторой абзац.")]
    assert data["translations"]  # the translation is still the text
    assert doc.language == "en" and doc.original_language == "ru"


def test_translation_html_beside_the_record_by_asset_id(tmp_path: Path) -> None:
    data = json.loads(RECORD.read_text(encoding="utf-8"))
    translation = dict(data["translations"][0])
    html = translation.pop("html")
    path = _copy_record(tmp_path, {"translations": [translation]})
    asset_path(path, "translation", translation["id"]).write_text(html, encoding="utf-8")
    _, doc = _read(path)
    assert doc.text == _read(RECORD)[1].text


def test_transcript_only_record_is_read_in_its_original_language(tmp_path: Path) -> None:
    path = _copy_record(tmp_path, {"translations": [], "languages": [{"id": "rus", "name": "Russian"}]})
    data = json.loads(path.read_text(encoding="utf-8"))
    data["transcripts"] = data["transcripts"][:1]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    _, doc = _read(path)
    assert doc.language == "ru" and doc.original_language == "ru" and doc.texts == ()
    assert doc.text.startswith("ЗАПИСЬ БЕСЕДЫ ПОСЛА В.И. ОРЛОВА С ГОСУДАРСТВЕННЫМ СЕКРЕТАРЕМ ХАРЛАНОМ\n"
                               "Вашингтон, 21 ноября 1962 г.\n\n")
    assert doc.signed_by == "В. ОРЛОВ"
    assert doc.place == "Вашингтон"


def test_api_variants_partial_date_int_id_no_creators(tmp_path: Path) -> None:
    path = _copy_record(tmp_path, {"id": 900001, "doc_date": "19621100", "frontend_doc_date": "November 1962",
                                   "creators": [], "type": [], "repositories": []})
    _, doc = _read(path)
    assert doc.id == "wilson/900001"
    assert doc.date is not None and (doc.date.when, doc.date.precision) == ("1962-11", "month")
    assert doc.authors == ("V. I. Orlov",)  # the signatory, fullest form from the body's heading
    assert doc.doc_type == "record of conversation"  # from the title
    assert doc.archive == "Archive of a Ministry of Foreign Affairs (fictional), fond 1, opis 2, delo 3."  # "source"


# ------------------------------------------------------------------ malformed records
def test_truncated_json_names_file_and_line() -> None:
    path = WILSON / "truncated.json"
    with pytest.raises(MalformedInput) as caught:
        list(read_wilson_json(path))
    lines = path.read_text(encoding="utf-8").count("\n") + 1
    assert caught.value.line == lines
    assert f"{path}:{lines}:" in str(caught.value) and "not valid JSON" in str(caught.value)
    assert caught.value.code == "E101" and "fetch" in str(caught.value)


def test_json_that_is_not_a_wilson_record() -> None:
    path = WILSON / "not-wilson.json"
    with pytest.raises(MalformedInput, match="not a Wilson Center Digital Archive record") as caught:
        list(read_wilson_json(path))
    assert caught.value.path == str(path) and caught.value.line == 1


@pytest.mark.parametrize("content", ["[1, 2, 3]", "\"a string\"", "{\"record\": []}"])
def test_other_json_shapes_are_not_records(tmp_path: Path, content: str) -> None:
    path = tmp_path / "other.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(MalformedInput):
        list(read_wilson_json(path))


def test_record_without_translation_or_transcript_is_empty() -> None:
    path = WILSON / "no-text.json"
    with pytest.raises(EmptyInput, match="no translation or transcript") as caught:
        list(read_wilson_json(path))
    raw = path.read_text(encoding="utf-8")
    assert caught.value.line == raw[:raw.index('"translations"')].count("\n") + 1
    assert f"{path}:{caught.value.line}:" in str(caught.value)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.json"
    path.write_bytes(b"")
    with pytest.raises(EmptyInput):
        list(read_wilson_json(path))


def test_missing_file_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError):
        list(read_wilson_json(tmp_path / "nothing.json"))


def test_utf16_record_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "900001.json"
    path.write_bytes(RECORD.read_text(encoding="utf-8").encode("utf-16"))
    shutil.copy(WILSON / "900001.transcript-71002.html", tmp_path)
    assert sniff_wilson_json(path.read_bytes()[:8192])
    _, doc = _read(path)
    assert doc.text == _read(RECORD)[1].text


# ------------------------------------------------------------------ sniffing and registration
def test_sniff() -> None:
    assert sniff_wilson_json(RECORD.read_bytes()[:8192])
    assert sniff_wilson_json((WILSON / "truncated.json").read_bytes())  # the reader then says what is wrong
    assert not sniff_wilson_json((WILSON / "not-wilson.json").read_bytes())
    assert not sniff_wilson_json((WILSON / "900001.transcript-71002.html").read_bytes())
    assert not sniff_wilson_page(RECORD.read_bytes()[:8192])
    assert not sniff_frus_tei(RECORD.read_bytes()[:8192])
    assert not sniff_wilson_json(b"\x00\x01\x02")


@pytest.mark.skipif(FORMAT not in READERS, reason="the lead registers wilson-json in READERS")
def test_registered_reader_detects_the_record() -> None:
    from memcon.readers import detect_format, read

    assert detect_format(RECORD) == FORMAT
    documents = [r for r in read(RECORD) if isinstance(r, Document)]
    assert [d.id for d in documents] == ["wilson/900001"]


# ------------------------------------------------------------------ HTML → paragraphs, property-tested
_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")), max_size=40)


@settings(max_examples=200, deadline=None)
@given(st.lists(_TEXT, max_size=8))
def test_html_paragraphs_round_trip(paragraphs: list[str]) -> None:
    from html import escape

    markup = "".join(f"<p><span class='x'>{escape(p)}</span></p>" for p in paragraphs)
    expected = [" ".join(p.split()) for p in paragraphs if p.split()]
    assert _wilson.html_paragraphs(markup) == expected


def test_html_paragraphs_drop_scripts_styles_and_comments() -> None:
    markup = ("<p><style>.a{color:red}</style>One <b>two</b><!-- three --></p>"
              "<script>four()</script><div>five<br>six</div><table><tr><td>7</td><td>8</td></tr></table>")
    assert _wilson.html_paragraphs(markup) == ["One two", "five\nsix", "7 8"]
    assert _wilson.html_paragraphs("<style>only</style>") == []

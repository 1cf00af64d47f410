"""Every source form through ``memcon ingest`` into a real store (issue 3, items 2–4): the Wilson
seed page, an API JSON record with its Russian transcript, text files in the encodings
historians' tools write, and the files that must fail with a clear message while the batch
goes on."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from memcon.cli.main import cli
from memcon.ingest import ingest
from memcon.workspace import open_workspace
from tests._shared import require, shared_path

FIXTURES = Path(__file__).parent / "fixtures"


def test_wilson_seed_and_json_record_keep_their_fields_in_the_store(tmp_path: Path) -> None:
    seed = require(shared_path() / "corpus" / "seeds" / "wilson-114511.txt", "the Wilson seed")
    record = tmp_path / "900001.json"
    shutil.copy(FIXTURES / "wilson" / "900001.json", record)
    shutil.copy(FIXTURES / "wilson" / "900001.transcript-71002.html", tmp_path)
    db = tmp_path / "m.db"
    with open_workspace(db) as ws:
        report = ingest([seed, record], store=ws.store, index=ws.index, workers=0)
        assert not report.errors, [str(f.error) for f in report.errors]
        assert [f.document_id for f in report.files] == ["wilson/114511", "wilson/900001"]
        page = ws.store.get_document("wilson/114511")
        assert page.date is not None and page.date.when == "1962-10-18"
        assert page.signed_date is not None and page.signed_date.when == "1962-10-20"
        assert page.heading == "From the cable on the conversation between Gromyko and Kennedy"
        assert page.archive == "Archive of Foreign Policy, Russian Federation (AVP RF)"
        assert page.url == "https://digitalarchive.wilsoncenter.org/document/114511"
        assert page.credits is not None and "Leon Levy Foundation" in page.credits
        assert (page.language, page.original_language) == ("en", "ru")
        assert page.authors == ("A. A. Gromyko",)
        assert [a.text for a in page.annotations if a.kind == "omission"] == ["/ ... /"] * 2
        json_doc = ws.store.get_document("wilson/900001")
        assert json_doc.language == "en"
        assert {t.language for t in json_doc.texts} >= {"ru"}
        russian = next(t for t in json_doc.texts if t.language == "ru")
        assert any("а" <= ch <= "я" for ch in russian.text) and "<" not in russian.text
        assert [v.id for v in ws.store.volumes()] == ["wilson"]
        assert ws.store.volumes()[0].documents == 2
        assert ws.store.volumes()[0].indexed  # picked up by the index at the end of the run


def test_encodings_and_bad_files_in_one_batch(tmp_path: Path) -> None:
    cp1252 = tmp_path / "memo-cp1252.txt"
    cp1252.write_bytes("Memorandum for the Record\n\nOctober 18, 1962\n\nThe Minister’s café “talk”.\n"
                       .encode("cp1252"))
    utf16 = tmp_path / "notes-utf16.txt"
    utf16.write_bytes("Запись беседы\n\n18 октября 1962 г.\n\nГромыко сказал, что …\n".encode("utf-16"))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    truncated = tmp_path / "truncated.json"
    shutil.copy(FIXTURES / "wilson" / "truncated.json", truncated)
    db = tmp_path / "m.db"
    result = CliRunner().invoke(cli, ["ingest", str(cp1252), str(empty), str(binary), str(truncated), str(utf16),
                                      "--db", str(db)])
    assert result.exit_code == 1, result.output
    out = result.output
    assert f"{empty}" in out and "empty" in out
    assert f"{binary}" in out and "not a text file" in out
    assert f"{truncated}" in out
    with open_workspace(db, create=False) as ws:
        docs = {d.heading: d for d in ws.store.iter_documents()}
    assert set(docs) == {"Memorandum for the Record", "Запись беседы"}
    assert "café “talk”" in docs["Memorandum for the Record"].text
    assert "Громыко сказал" in docs["Запись беседы"].text

"""memcon.readers: the registry of readers and format detection."""

from __future__ import annotations

from pathlib import Path

import pytest

from memcon.errors import ReadError, UnknownFormat
from memcon.model.records import Document, Volume
from memcon.readers import READERS, detect_format, read
from memcon.readers.frus_tei import READER, VERSION, MissingIdWarning, read_frus_tei, sniff_frus_tei


def test_frus_tei_is_registered() -> None:
    spec = READERS["frus-tei"]
    assert (spec.format, spec.name, spec.version) == ("frus-tei", READER, VERSION)
    assert spec.read is read_frus_tei and spec.sniff is sniff_frus_tei


def test_detect_format_recognises_a_frus_volume(fixtures: Path) -> None:
    assert detect_format(fixtures / "tei" / "mini-volume.xml") == "frus-tei"
    assert detect_format(str(fixtures / "tei" / "malformed.xml")) == "frus-tei"  # by its head only


def test_detect_format_refuses_other_files(fixtures: Path, tmp_path: Path) -> None:
    with pytest.raises(UnknownFormat, match="no reader recognises this file") as caught:
        detect_format(fixtures / "tei" / "not-tei.xml")
    assert "frus-tei" in str(caught.value) and caught.value.path == str(fixtures / "tei" / "not-tei.xml")
    text = tmp_path / "notes.txt"
    text.write_text("Memorandum of Conversation\nVienna, June 4, 1961.\n", encoding="utf-8")
    assert detect_format(text) == "text"  # plain text is the fallback of every text file
    scan = tmp_path / "scan.txt"
    scan.write_bytes(b"%PDF-1.4\n\x00\x01\x02" + bytes(range(256)))
    with pytest.raises(UnknownFormat, match="not a text file"):
        detect_format(scan)
    with pytest.raises(ReadError, match="cannot read"):
        detect_format(tmp_path / "missing.xml")


def test_read_detects_or_takes_the_format(fixtures: Path) -> None:
    with pytest.warns(MissingIdWarning):
        records = list(read(fixtures / "tei" / "mini-volume.xml"))
    assert isinstance(records[0], Volume) and all(isinstance(r, Document) for r in records[1:])
    with pytest.raises(UnknownFormat, match="unknown format 'pdf'"):
        read(fixtures / "tei" / "mini-volume.xml", format="pdf")


@pytest.mark.shared
def test_every_shared_volume_is_detected(frus_dir: Path) -> None:
    paths = sorted(frus_dir.glob("*.xml"))
    assert paths
    assert {detect_format(p) for p in paths} == {"frus-tei"}  # frus1918Russiav03 starts with a BOM
